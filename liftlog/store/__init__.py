"""Persistence: sqlmodel tables, the engine and its pragmas, migrations, queries.

`store` never imports the TUI. Read paths that run on every start (`next`, the
Today screen, history pages) use plain `sqlite3` rows so they stay fast; writes go
through sqlmodel sessions. Every query function takes its connection or session
explicitly.
"""
