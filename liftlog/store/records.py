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
    any_sets: bool  # False: the exercise has no counted set on another day


#: Rep counts probed for the heaviest load (the SET grammar's limit, inputs.MAX_REPS).
_MAX_REPS = 100

# Each (kind, rep count) is one probe of the index on (athlete, exercise, kind, reps,
# load), walked down from the heaviest past the sets of the day itself: a few rows,
# however long the history (a grouped scan of a 200-year log's squats took 100 ms).
_OTHER_DAYS = "workout_id NOT IN (SELECT id FROM workout WHERE athlete_id = :a AND date = :d)"
_BESTS = f"""
WITH RECURSIVE counts(reps) AS (
    SELECT 1 UNION ALL SELECT reps + 1 FROM counts WHERE reps < :max_reps
), kinds(kind) AS (VALUES ('work'), ('failure'), ('drop'))
SELECT reps, MAX(kg) FROM (
    SELECT counts.reps AS reps, (
        SELECT weight_kg FROM workout_set
        WHERE athlete_id = :a AND exercise_id = :e AND kind = kinds.kind
        AND reps = counts.reps AND {_OTHER_DAYS}
        ORDER BY weight_kg DESC LIMIT 1
    ) AS kg FROM counts, kinds
) WHERE kg IS NOT NULL GROUP BY reps
"""
# The longest hold and the best volume of another day: one range of session_summary
# (which counts work, failure and drop sets, as records do).
_OTHERS = f"""
SELECT (
    SELECT MAX(best_seconds) FROM session_summary
    WHERE athlete_id = :a AND exercise_id = :e AND date != :d AND work_sets > 0
), (
    SELECT MAX(volume_kg) FROM session_summary
    WHERE athlete_id = :a AND exercise_id = :e AND date != :d AND work_sets > 0
), EXISTS (
    SELECT 1 FROM workout_set
    WHERE athlete_id = :a AND exercise_id = :e AND kind IN ('work', 'failure', 'drop')
    AND {_OTHER_DAYS}
)
"""


def other_sessions(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int, date: dt.date
) -> OtherSessions:
    """The bests of the exercise outside the workouts of `date`: index probes."""
    params = {"a": athlete_id, "e": exercise_id, "d": date.isoformat(), "max_reps": _MAX_REPS}
    by_reps = {int(r): float(kg) for r, kg in conn.execute(_BESTS, params)}
    seconds, volume, found = conn.execute(_OTHERS, params).fetchone()
    return OtherSessions(
        heaviest_by_reps=by_reps,
        most_seconds=None if seconds is None else int(seconds),
        best_volume_kg=float(volume or 0.0),
        any_sets=bool(found),
    )
