"""CSV export and the importers (liftlog, Strong, Hevy, FitNotes).

- `liftlog.csvio.export.export_csv(conn, athlete, out, progress)` writes the log as
  liftlog CSV (the columns are listed in that module); the TUI's "export: CSV" calls it
  from a worker with its own connection and shows `progress(done, total)`.
- `liftlog.csvio.importer.import_csv(conn, athlete, path, source=, units=, dry_run=,
  progress=)` imports a file in one transaction and returns an `ImportSummary`.

Both use the plain `sqlite3` connection (no ORM) and nothing here imports Textual or
Rich; this package's `__init__` imports nothing so `liftlog --help` stays instant.
"""
