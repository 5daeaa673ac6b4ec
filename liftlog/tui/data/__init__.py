"""What the screens read and write, without Textual: plain functions over sqlite3.

The screens call these from worker threads and post the results back as messages.
Reads use plain `sqlite3` (fast, no ORM import at start-up); writes go through
`liftlog.store.writes`, imported lazily on the first write (see `edits`).
"""
