"""CSV formats: rows in, rows out, no database.

- `liftlog.csvio.export` defines liftlog's own CSV (its columns; `liftlog.store.export`
  writes it, fast, from SQLite).
- `liftlog.csvio.reader.open_export(raw, name, source=, units=, athlete_units=)` opens
  an export of liftlog, Strong, Hevy, FitNotes or Fitbod: its dialect (`formats`, one
  module per app: `strong`, `hevy`, `fitnotes`, `fitbod`, `own`), the unit its weights
  are in and why (`loads`), and `rows()`, which streams each row as an `ImportedSet`, a
  `SkippedRow` or a `RowError` with its line; `liftlog.csvio.cells` reads single cells.

The service (`liftlog.service.transfer`) writes what these read through the store.
Nothing here imports Textual, Rich or the database; this `__init__` imports nothing so
`liftlog --help` stays instant. The dialects are listed in docs/import.md.
"""
