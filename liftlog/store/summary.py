"""Bulk writes and `session_summary`: its triggers stand aside, the summary of the
workouts written is rebuilt once.

Revision 0005 guards the set triggers that keep `session_summary` exact with the
`BULK_KEY` row of `app_meta`: while a transaction holds that row, an insert or delete of
a set leaves the summary alone (other connections never see the row: it lives and dies
inside the bulk write's own transaction). `start_bulk` puts the row in; the
`BulkWrite` remembers the workouts the caller says it touched, and its `end`
recomputes their summary rows with the same aggregate as the triggers (a test compares
the two) and takes the row out — one statement for 100,000 sets instead of one per set.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

#: The `app_meta` key revision 0005's triggers stand aside for.
BULK_KEY = "bulk_write"

_TOUCHED = "temp.liftlog_touched_workout"

# Revision 0005's aggregate (R12): every set but a warm-up counts.
_E1RM = (
    "CASE WHEN s.weight_kg > 0 AND s.reps = 1 THEN s.weight_kg"
    " WHEN s.weight_kg > 0 AND s.reps BETWEEN 2 AND 10 THEN s.weight_kg * (1 + s.reps / 30.0)"
    " END"
)
_COUNTS = "s.kind <> 'warmup'"
_WORK = f"FILTER (WHERE {_COUNTS})"
_REBUILD = f"""
INSERT INTO session_summary (
    workout_id, exercise_id, athlete_id, date, started_at, sets, work_sets,
    top_kg, top_reps, e1rm_kg, volume_kg, best_reps, best_seconds, left_total, right_total
)
SELECT workout_id, exercise_id, athlete_id, date, started_at, sets, work_sets,
    CASE WHEN top >= 1000 THEN (top / 1000) / 100.0 END,
    CASE WHEN top >= 1000 THEN NULLIF(top % 1000, 0) END,
    e1rm_kg, volume_kg, best_reps, best_seconds, left_total, right_total
FROM (
    SELECT s.workout_id, s.exercise_id, s.athlete_id, w.date, w.started_at,
        COUNT(*) AS sets,
        COUNT(*) {_WORK} AS work_sets,
        MAX(CAST(ROUND(s.weight_kg * 100) AS INTEGER) * 1000 + MIN(IFNULL(s.reps, 0), 999))
            {_WORK} AS top,
        MAX({_E1RM}) {_WORK} AS e1rm_kg,
        TOTAL(s.weight_kg * s.reps) {_WORK} AS volume_kg,
        MAX(s.reps) {_WORK} AS best_reps,
        MAX(s.seconds) {_WORK} AS best_seconds,
        SUM(IFNULL(s.reps, s.seconds)) FILTER (WHERE {_COUNTS} AND s.side = 'L') AS left_total,
        SUM(IFNULL(s.reps, s.seconds)) FILTER (WHERE {_COUNTS} AND s.side = 'R') AS right_total
    FROM {_TOUCHED} t
    JOIN workout_set s ON s.workout_id = t.id
    JOIN workout w ON w.id = s.workout_id
    GROUP BY s.workout_id, s.exercise_id
)
"""


class BulkWrite:
    """The workouts a bulk write touched, whose summary rows are rebuilt at its end."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.touched: set[int] = set()

    def touch(self, workout_ids: Iterable[int]) -> None:
        self.touched.update(workout_ids)

    def end(self) -> None:
        """Rebuild the touched workouts' summary rows; the triggers work again."""
        self.rebuild()
        self.conn.execute("DELETE FROM app_meta WHERE key = ?", (BULK_KEY,))

    def rebuild(self) -> None:
        """Recompute the summary rows of every workout touched (none left for a workout
        with no sets)."""
        conn = self.conn
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_TOUCHED[5:]} (id INTEGER PRIMARY KEY)")
        conn.execute(f"DELETE FROM {_TOUCHED}")
        conn.executemany(f"INSERT INTO {_TOUCHED} (id) VALUES (?)", [(i,) for i in self.touched])
        conn.execute(f"DELETE FROM session_summary WHERE workout_id IN (SELECT id FROM {_TOUCHED})")
        conn.execute(_REBUILD)
        conn.execute(f"DROP TABLE {_TOUCHED}")
        self.touched.clear()


def start_bulk(conn: sqlite3.Connection) -> BulkWrite:
    """Inside the caller's open transaction: the summary triggers stand aside until
    `BulkWrite.end`, which rebuilds the touched workouts' rows. On an error the caller
    rolls back, which takes the key row back out too."""
    if not conn.in_transaction:
        raise RuntimeError("a bulk write runs inside its caller's transaction")
    conn.execute("INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, '1')", (BULK_KEY,))
    return BulkWrite(conn)
