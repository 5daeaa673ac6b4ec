"""Reads for the gym floor: an exercise's last session before a day (Today's "last
time"), and what the other sessions reached, for R12 records as they are set.

Both read a few index ranges: the last session is the newest `session_summary` row
before the day (its key starts with athlete, exercise, date), then that workout's sets
of the exercise; the bests group the exercise's counted sets by rep count, outside the
day's own workouts, and take the best volume of another session from the summary.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from liftlog.store.rows import SetRow
from liftlog.store.sets import SET_COLUMNS, set_row


def last_session(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int, before: dt.date
) -> list[SetRow]:
    """The sets of the exercise's last session with work sets before `before`, in the
    order they were logged (warm-ups included); empty when there is none."""
    found = conn.execute(
        "SELECT workout_id FROM session_summary"
        " WHERE athlete_id = ? AND exercise_id = ? AND date < ? AND work_sets > 0"
        " ORDER BY date DESC, started_at DESC, workout_id DESC LIMIT 1",
        (athlete_id, exercise_id, before.isoformat()),
    ).fetchone()
    if found is None:
        return []
    rows = conn.execute(
        f"SELECT {SET_COLUMNS} FROM workout_set s"
        " JOIN workout w ON w.id = s.workout_id JOIN exercise e ON e.id = s.exercise_id"
        " WHERE s.workout_id = ? AND s.exercise_id = ? ORDER BY s.position, s.id",
        (found[0], exercise_id),
    )
    return [set_row(row) for row in rows]


@dataclass(frozen=True, slots=True)
class OtherSessions:
    """What the exercise's sessions on other days reached (work, failure, drop sets)."""

    heaviest_by_reps: dict[int, float]  # reps → heaviest load (kg; 0 at bodyweight)
    most_seconds: int | None
    best_volume_kg: float
    sets: int  # how many counted sets there are


def other_sessions(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int, date: dt.date
) -> OtherSessions:
    """The bests of the exercise outside the workouts of `date`."""
    rows = conn.execute(
        "SELECT reps, MAX(weight_kg), MAX(seconds), COUNT(*) FROM workout_set"
        " WHERE athlete_id = ? AND exercise_id = ? AND kind IN ('work', 'failure', 'drop')"
        " AND workout_id NOT IN (SELECT id FROM workout WHERE athlete_id = ? AND date = ?)"
        " GROUP BY reps",
        (athlete_id, exercise_id, athlete_id, date.isoformat()),
    ).fetchall()
    (volume,) = conn.execute(
        "SELECT MAX(volume_kg) FROM session_summary"
        " WHERE athlete_id = ? AND exercise_id = ? AND date != ? AND work_sets > 0",
        (athlete_id, exercise_id, date.isoformat()),
    ).fetchone()
    seconds = [int(s) for _, _, s, _ in rows if s is not None]
    return OtherSessions(
        heaviest_by_reps={int(r): float(kg) for r, kg, _, _ in rows if r is not None},
        most_seconds=max(seconds, default=None),
        best_volume_kg=float(volume or 0.0),
        sets=sum(int(n) for *_, n in rows),
    )
