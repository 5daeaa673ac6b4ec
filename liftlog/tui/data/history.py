"""History reads: sessions page by page, and one exercise's sessions as SQL aggregates.

A 20-year log holds around a million sets, so nothing here fetches every set: the
session list is read a page at a time (keyset pagination, newest first), and an
exercise's history is one row per session computed by SQLite (top set, e1RM, volume,
reps per side), not the sets themselves.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from liftlog.progression.constants import E1RM_MAX_REPS, EPLEY_DIVISOR, IMBALANCE_FLAG

#: Sessions fetched per page of the session list.
PAGE_SIZE = 60


@dataclass(frozen=True, slots=True)
class SetLine:
    """One set as the history shows it."""

    exercise: str
    kind: str
    side: str | None
    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None


@dataclass(frozen=True, slots=True)
class SessionSets:
    """A workout and its sets, in the order they were logged."""

    workout_id: int
    date: dt.date
    started_at: str
    sets: tuple[SetLine, ...]


#: Where the next page starts: (date, started_at, workout id) of the last one shown.
Cursor = tuple[str, str, int]


def sessions_page(
    conn: sqlite3.Connection,
    athlete_id: int,
    *,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> tuple[list[SessionSets], Cursor | None]:
    """One page of sessions, newest first, and the cursor for the next page (None at the end)."""
    sql = "SELECT id, date, started_at FROM workout WHERE athlete_id = ?"
    params: list[object] = [athlete_id]
    if after is not None:
        sql += " AND (date, started_at, id) < (?, ?, ?)"
        params += list(after)
    sql += " ORDER BY date DESC, started_at DESC, id DESC LIMIT ?"
    params.append(limit)
    workouts = conn.execute(sql, params).fetchall()
    if not workouts:
        return [], None
    ids = [row[0] for row in workouts]
    marks = ",".join("?" * len(ids))
    by_workout: dict[int, list[SetLine]] = {i: [] for i in ids}
    for row in conn.execute(
        "SELECT s.workout_id, e.name, s.kind, s.side, s.weight_kg, s.reps, s.seconds, s.rpe"
        " FROM workout_set s JOIN exercise e ON e.id = s.exercise_id"
        f" WHERE s.workout_id IN ({marks}) ORDER BY s.workout_id, s.position, s.id",
        ids,
    ):
        by_workout[row[0]].append(SetLine(*row[1:]))
    page = [
        SessionSets(wid, dt.date.fromisoformat(day), str(started), tuple(by_workout[wid]))
        for wid, day, started in workouts
    ]
    last = workouts[-1]
    cursor = (str(last[1]), str(last[2]), int(last[0])) if len(workouts) == limit else None
    return page, cursor


class ExerciseSession(NamedTuple):
    """One session of one exercise, its work sets aggregated by SQLite.

    A NamedTuple, not a frozen dataclass: twenty years hold ~30k sessions of a lift
    and a tuple is several times cheaper to build."""

    date: dt.date
    work_sets: int
    top_kg: float | None  # heaviest work set
    top_reps: int | None  # most reps at that load
    e1rm_kg: float | None  # best Epley estimate of the session (R12)
    volume_kg: float  # Σ load × reps of the work sets
    best_reps: int | None
    best_seconds: int | None
    left: int | None  # Σ reps (or seconds) of the left side's work sets (R11)
    right: int | None

    @property
    def imbalance(self) -> float | None:
        """(strong − weak) / strong, when both sides were logged (R11)."""
        if not self.left or not self.right:
            return None
        strong, weak = max(self.left, self.right), min(self.left, self.right)
        return (strong - weak) / strong


# R12: Epley for 2–10 reps, the load itself for a single, no estimate above 10 reps
_E1RM_SQL = (
    f"CASE WHEN s.reps = 1 THEN s.weight_kg WHEN s.reps BETWEEN 2 AND {E1RM_MAX_REPS}"
    f" THEN s.weight_kg * (1 + s.reps / {EPLEY_DIVISOR}) END"
)
# Kept lean on purpose: each expression is evaluated for every work set of 20 years,
# so an exercise gets only the aggregates its kind needs (loads, sides, seconds).
_LOADED_SQL = (
    # top set: the heaviest load, then the most reps at it (load in 1/100 kg)
    " MAX(CAST(ROUND(s.weight_kg * 100) AS INTEGER) * 1000 + IFNULL(s.reps, 0)),"
    f" MAX({_E1RM_SQL}), TOTAL(s.weight_kg * s.reps),"
)
_SIDES_SQL = (
    " SUM(IFNULL(s.reps, s.seconds)) FILTER (WHERE s.side = 'L'),"
    " SUM(IFNULL(s.reps, s.seconds)) FILTER (WHERE s.side = 'R')"
)


def _session_sql(loaded: bool, timed: bool, sides: bool) -> str:
    return (
        "SELECT w.date, COUNT(*),"
        + (_LOADED_SQL if loaded else " NULL, NULL, 0.0,")
        + (" NULL, MAX(s.seconds)," if timed else " MAX(s.reps), NULL,")
        + (_SIDES_SQL if sides else " NULL, NULL")
        + " FROM workout_set s JOIN workout w ON w.id = s.workout_id"
        " WHERE s.athlete_id = ? AND s.exercise_id = ? AND s.kind = 'work'"
        " GROUP BY s.workout_id ORDER BY w.date, w.started_at, w.id"
    )


def exercise_sessions(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int
) -> list[ExerciseSession]:
    """Every session of the exercise (with work sets), oldest first, one row each."""
    kind = conn.execute(
        "SELECT equipment, measure, laterality FROM exercise WHERE id = ?", (exercise_id,)
    ).fetchone()
    equipment, measure, laterality = kind if kind else ("barbell", "reps", "unilateral")
    sql = _session_sql(
        loaded=equipment not in ("bodyweight", "band") or _has_load(conn, athlete_id, exercise_id),
        timed=measure == "seconds",
        sides=laterality == "unilateral",
    )
    fromiso = dt.date.fromisoformat
    sessions = []
    for day, work, top, e1rm, volume, reps, secs, left, right in conn.execute(
        sql, (athlete_id, exercise_id)
    ):
        top_kg = (top // 1000) / 100 if top and top >= 1000 else None
        top_reps = (top % 1000) or None if top_kg else None
        sessions.append(
            ExerciseSession(
                fromiso(day), work, top_kg, top_reps, e1rm, volume, reps, secs, left, right
            )
        )
    return sessions


def _has_load(conn: sqlite3.Connection, athlete_id: int, exercise_id: int) -> bool:
    """A bodyweight exercise someone logged with added load (a vest, a plate)."""
    row = conn.execute(
        "SELECT 1 FROM workout_set WHERE athlete_id = ? AND exercise_id = ? AND weight_kg > 0"
        " LIMIT 1",
        (athlete_id, exercise_id),
    ).fetchone()
    return row is not None


@dataclass(frozen=True, slots=True)
class Records:
    """R12: the heaviest load at each rep count, the best e1RM and the best session volume."""

    by_reps: tuple[tuple[int, float, dt.date], ...]  # (reps, heaviest kg, first date)
    best_e1rm: tuple[float, dt.date] | None
    best_volume: tuple[float, dt.date] | None
    imbalance: float | None  # of the latest session with both sides (R11)
    imbalance_flagged: bool


#: Rep counts the records table lists (R12 "heaviest load at each rep count").
RECORD_MAX_REPS = 12


def rep_records(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int, max_reps: int = RECORD_MAX_REPS
) -> list[tuple[int, float, dt.date]]:
    """(reps, heaviest work load, its date) for 1…max_reps reps, one grouped query."""
    rows = conn.execute(
        # SQLite returns the bare column (date) from the row that holds the MAX
        "SELECT s.reps, MAX(s.weight_kg), w.date FROM workout_set s"
        " JOIN workout w ON w.id = s.workout_id"
        " WHERE s.athlete_id = ? AND s.exercise_id = ? AND s.kind = 'work'"
        " AND s.reps BETWEEN 1 AND ? AND s.weight_kg > 0 GROUP BY s.reps ORDER BY s.reps",
        (athlete_id, exercise_id, max_reps),
    )
    return [(int(reps), float(kg), dt.date.fromisoformat(day)) for reps, kg, day in rows]


def records(
    by_reps: Sequence[tuple[int, float, dt.date]], sessions: Sequence[ExerciseSession]
) -> Records:
    """R12 records and the R11 imbalance of one exercise from its rep maxima and sessions."""
    e1rm = max(
        ((s.e1rm_kg, s.date) for s in sessions if s.e1rm_kg), key=lambda p: p[0], default=None
    )
    volume = max(
        ((s.volume_kg, s.date) for s in sessions if s.volume_kg > 0),
        key=lambda p: p[0],
        default=None,
    )
    latest = next((s.imbalance for s in reversed(sessions) if s.imbalance is not None), None)
    return Records(
        tuple(by_reps),
        e1rm,
        volume,
        latest,
        latest is not None and latest > IMBALANCE_FLAG,
    )


def exercises_with_history(conn: sqlite3.Connection, athlete_id: int) -> list[tuple[int, str]]:
    """(id, name) of the exercises with at least one set, by name (one index probe each)."""
    rows = conn.execute(
        "SELECT e.id, e.name FROM exercise e"
        " WHERE (e.athlete_id IS NULL OR e.athlete_id = ?) AND EXISTS"
        " (SELECT 1 FROM workout_set s WHERE s.athlete_id = ? AND s.exercise_id = e.id)"
        " ORDER BY e.name COLLATE NOCASE",
        (athlete_id, athlete_id),
    )
    return [(int(i), str(n)) for i, n in rows]


@dataclass(frozen=True, slots=True)
class ExerciseHistory:
    """What the History screen shows for one exercise."""

    exercise_id: int
    sessions: list[ExerciseSession]  # oldest first
    records: Records


def load_exercise_history(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int
) -> ExerciseHistory:
    """Sessions and records of one exercise (the screen runs the two parts as separate
    steps, so the table and chart show before the records scan finishes)."""
    sessions = exercise_sessions(conn, athlete_id, exercise_id)
    by_reps = rep_records(conn, athlete_id, exercise_id)
    return ExerciseHistory(exercise_id, sessions, records(by_reps, sessions))
