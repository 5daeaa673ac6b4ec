"""History reads: sessions page by page, and one exercise's sessions, trend and records.

A 20-year log holds around a million sets, so nothing here fetches every set: the
session list is read a page at a time (keyset pagination, newest first), and an
exercise's history comes from `session_summary` (one row per workout and exercise,
kept up to date by triggers): its sessions a page at a time, its trend bucketed by
SQLite, its records from a few index probes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

from liftlog.progression.constants import IMBALANCE_FLAG

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
    """One session of one exercise: its work sets as aggregated in `session_summary`."""

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
        return imbalance(self.left, self.right)


def imbalance(left: int | None, right: int | None) -> float | None:
    """R11: (strong − weak) / strong, when both sides were logged."""
    if not left or not right:
        return None
    strong, weak = max(left, right), min(left, right)
    return (strong - weak) / strong


class ExerciseKind(NamedTuple):
    """What an exercise's history shows: seconds or reps, and sides."""

    timed: bool
    sides: bool


def exercise_kind(conn: sqlite3.Connection, exercise_id: int) -> ExerciseKind:
    row = conn.execute(
        "SELECT measure, laterality FROM exercise WHERE id = ?", (exercise_id,)
    ).fetchone()
    measure, laterality = row if row else ("reps", "unilateral")
    return ExerciseKind(timed=measure == "seconds", sides=laterality == "unilateral")


# One exercise's sessions are one range of session_summary's key (athlete, exercise,
# date, started_at, workout): the reads below never touch the sets themselves.
_SESSION_COLUMNS = (
    "date, work_sets, top_kg, top_reps, e1rm_kg, volume_kg, best_reps, best_seconds,"
    " left_total, right_total, started_at, workout_id"
)


def exercise_sessions_page(
    conn: sqlite3.Connection,
    athlete_id: int,
    exercise_id: int,
    *,
    kind: ExerciseKind,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
) -> tuple[list[ExerciseSession], Cursor | None]:
    """One page of the exercise's sessions with work sets, newest first, and the cursor
    for the next page (None at the end)."""
    sql = (
        f"SELECT {_SESSION_COLUMNS} FROM session_summary"
        " WHERE athlete_id = ? AND exercise_id = ? AND work_sets > 0"
    )
    params: list[object] = [athlete_id, exercise_id]
    if after is not None:
        sql += " AND (date, started_at, workout_id) < (?, ?, ?)"
        params += list(after)
    sql += " ORDER BY date DESC, started_at DESC, workout_id DESC LIMIT ?"
    params.append(limit)
    rows = conn.execute(sql, params).fetchall()
    page = [
        ExerciseSession(
            dt.date.fromisoformat(day),
            work,
            top_kg,
            top_reps,
            e1rm,
            volume,
            None if kind.timed else reps,
            secs if kind.timed else None,
            left if kind.sides else None,
            right if kind.sides else None,
        )
        for day, work, top_kg, top_reps, e1rm, volume, reps, secs, left, right, *_ in rows
    ]
    if len(rows) < limit:
        return page, None
    last = rows[-1]
    return page, (str(last[0]), str(last[10]), int(last[11]))


#: Points in an exercise's trend chart: a 20-year history is drawn from this many
#: spans of time, each its best session (a chart 120 columns wide shows no more).
TREND_POINTS = 240


class TrendPoint(NamedTuple):
    """The best of the sessions in one span of time (the span's first session date)."""

    date: dt.date
    top_kg: float | None
    e1rm_kg: float | None
    best_reps: int | None
    best_seconds: int | None


def exercise_trend(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int, points: int = TREND_POINTS
) -> list[TrendPoint]:
    """The exercise's history in at most `points` equal spans of time, oldest first;
    SQLite does the bucketing, so twenty years cost one pass over the summary."""
    bounds = conn.execute(
        "SELECT julianday(MIN(date)), julianday(MAX(date)) FROM session_summary"
        " WHERE athlete_id = ? AND exercise_id = ? AND work_sets > 0",
        (athlete_id, exercise_id),
    ).fetchone()
    if bounds is None or bounds[0] is None:
        return []
    first, last = bounds
    span = last - first + 1
    rows = conn.execute(
        "SELECT MIN(date), MAX(top_kg), MAX(e1rm_kg), MAX(best_reps), MAX(best_seconds)"
        " FROM session_summary WHERE athlete_id = ? AND exercise_id = ? AND work_sets > 0"
        " GROUP BY CAST((julianday(date) - ?) * ? / ? AS INTEGER) ORDER BY 1",
        (athlete_id, exercise_id, first, points, span),
    )
    return [TrendPoint(dt.date.fromisoformat(day), *rest) for day, *rest in rows]


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
    """(reps, heaviest work load, the first date it was lifted) for 1…max_reps reps:
    two probes of the index on (athlete, exercise, kind, reps, load) per rep count."""
    found = []
    for reps in range(1, max_reps + 1):
        (kg,) = conn.execute(
            "SELECT MAX(weight_kg) FROM workout_set WHERE athlete_id = ? AND exercise_id = ?"
            " AND kind = 'work' AND reps = ? AND weight_kg > 0",
            (athlete_id, exercise_id, reps),
        ).fetchone()
        if kg is None:
            continue
        (day,) = conn.execute(
            "SELECT MIN(w.date) FROM workout_set s JOIN workout w ON w.id = s.workout_id"
            " WHERE s.athlete_id = ? AND s.exercise_id = ? AND s.kind = 'work'"
            " AND s.reps = ? AND s.weight_kg = ?",
            (athlete_id, exercise_id, reps, kg),
        ).fetchone()
        found.append((reps, float(kg), dt.date.fromisoformat(day)))
    return found


def _best(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int, column: str
) -> tuple[float, dt.date] | None:
    """The highest value of a summary column and the first date it was reached."""
    row = conn.execute(
        f"SELECT {column}, date FROM session_summary WHERE athlete_id = ? AND exercise_id = ?"
        f" AND work_sets > 0 AND {column} > 0 ORDER BY {column} DESC, date, started_at LIMIT 1",
        (athlete_id, exercise_id),
    ).fetchone()
    return (float(row[0]), dt.date.fromisoformat(row[1])) if row else None


def exercise_records(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int, *, kind: ExerciseKind
) -> Records:
    """R12 records and the R11 imbalance of one exercise."""
    latest = None
    if kind.sides:
        row = conn.execute(
            "SELECT left_total, right_total FROM session_summary"
            " WHERE athlete_id = ? AND exercise_id = ? AND work_sets > 0"
            " AND left_total > 0 AND right_total > 0"
            " ORDER BY date DESC, started_at DESC, workout_id DESC LIMIT 1",
            (athlete_id, exercise_id),
        ).fetchone()
        latest = imbalance(*row) if row else None
    return Records(
        tuple(rep_records(conn, athlete_id, exercise_id)),
        _best(conn, athlete_id, exercise_id, "e1rm_kg"),
        _best(conn, athlete_id, exercise_id, "volume_kg"),
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
    """What the History screen shows for one exercise when it opens."""

    exercise_id: int
    kind: ExerciseKind
    sessions: list[ExerciseSession]  # the newest page, newest first
    more: Cursor | None  # where the next page starts
    trend: list[TrendPoint]  # oldest first
    records: Records


def load_exercise_history(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int
) -> ExerciseHistory:
    """The newest sessions, the trend and the records of one exercise: a few index
    ranges and probes, whatever the length of the history."""
    kind = exercise_kind(conn, exercise_id)
    sessions, more = exercise_sessions_page(conn, athlete_id, exercise_id, kind=kind)
    return ExerciseHistory(
        exercise_id,
        kind,
        sessions,
        more,
        exercise_trend(conn, athlete_id, exercise_id),
        exercise_records(conn, athlete_id, exercise_id, kind=kind),
    )
