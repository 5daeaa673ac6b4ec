"""CSV formats: rows in, rows out, no database.

- `liftlog.csvio.export` defines liftlog's own CSV (its columns; `liftlog.store.export`
  writes it, fast, from SQLite).
- `liftlog.csvio.importer` reads a file's text, header, delimiter and format;
  `liftlog.csvio.formats` turns each row of a known format (liftlog, Strong, Hevy,
  FitNotes) into an `ImportedSet`; `liftlog.csvio.cells` reads single cells.

The service (`liftlog.service.transfer`) writes what these read through the store.
Nothing here imports Textual, Rich or the database; this `__init__` imports nothing so
`liftlog --help` stays instant.
"""
