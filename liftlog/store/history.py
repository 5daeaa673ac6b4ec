"""History reads: sessions page by page, and one exercise's sessions, trend and records.

A 20-year log holds around a million sets, so nothing here fetches every set: the
session list is read a page at a time (keyset pagination, newest first), and an
exercise's history comes from `session_summary` (one row per workout and exercise,
kept up to date by triggers): its sessions a page at a time, its trend bucketed by
SQLite, its records from a few index probes.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

from liftlog.progression.records import side_imbalance

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
    set_id: int = 0  # what editing and deleting take
    note: str = ""


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
        "SELECT s.workout_id, e.name, s.kind, s.side, s.weight_kg, s.reps, s.seconds, s.rpe,"
        " s.id, s.note FROM workout_set s JOIN exercise e ON e.id = s.exercise_id"
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
    """R11: (strong − weak) / strong, when both sides were logged (the rules' own)."""
    if not left or not right:
        return None
    return side_imbalance(left, right).ratio


class ExerciseKind(NamedTuple):
    """What an exercise's history shows: seconds or reps, and sides."""

    timed: bool
    sides: bool


# One exercise's sessions are one range of session_summary's key (athlete, exercise,
# date, started_at, workout): the reads below never touch the sets themselves.
#
# They run in a worker thread while the screen is drawing, and Python's sqlite3 lets
# go of the GIL at every statement and every row: each time, the worker may wait up
# to a switch interval (5 ms) for the busy UI thread. So each read is one statement
# that returns one row, its list folded into JSON by SQLite.

_SESSIONS_JSON = (
    "SELECT json_group_array(json_array(date, work_sets, top_kg, top_reps, e1rm_kg,"
    " volume_kg, best_reps, best_seconds, left_total, right_total, started_at, workout_id))"
    " FROM (SELECT * FROM session_summary"
    " WHERE athlete_id = :athlete AND exercise_id = :exercise AND work_sets > 0{after}"
    " ORDER BY date DESC, started_at DESC, workout_id DESC LIMIT :limit)"
)
_AFTER = " AND (date, started_at, workout_id) < (:after_date, :after_started, :after_id)"


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
    params: dict[str, object] = {"athlete": athlete_id, "exercise": exercise_id, "limit": limit}
    if after is not None:
        params.update(zip(("after_date", "after_started", "after_id"), after, strict=True))
    sql = _SESSIONS_JSON.format(after=_AFTER if after is not None else "")
    (found,) = conn.execute(sql, params).fetchone()
    return _sessions(found, kind, limit)


def _sessions(
    found: str, kind: ExerciseKind, limit: int
) -> tuple[list[ExerciseSession], Cursor | None]:
    rows = sorted(json.loads(found), key=lambda r: (r[0], r[10], r[11]), reverse=True)
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
#: spans of time, each its best session. At 120 columns the chart is ~70 columns of
#: 2 braille dots; more points only overdraw (and plotext's time grows with them).
TREND_POINTS = 120


class TrendPoint(NamedTuple):
    """The best of the sessions in one span of time (the span's first session date)."""

    date: dt.date
    top_kg: float | None
    e1rm_kg: float | None
    best_reps: int | None
    best_seconds: int | None


_TREND_JSON = """
WITH ends AS (
    SELECT (
        SELECT julianday(date) FROM session_summary
        WHERE athlete_id = :athlete AND exercise_id = :exercise AND work_sets > 0
        ORDER BY date LIMIT 1
    ) AS first, (
        SELECT julianday(date) FROM session_summary
        WHERE athlete_id = :athlete AND exercise_id = :exercise AND work_sets > 0
        ORDER BY date DESC LIMIT 1
    ) AS last
)
SELECT json_group_array(json_array(day, top_kg, e1rm_kg, best_reps, best_seconds)) FROM (
    SELECT MIN(date) AS day, MAX(top_kg) AS top_kg, MAX(e1rm_kg) AS e1rm_kg,
        MAX(best_reps) AS best_reps, MAX(best_seconds) AS best_seconds
    FROM session_summary, ends
    WHERE athlete_id = :athlete AND exercise_id = :exercise AND work_sets > 0
    GROUP BY CAST((julianday(date) - ends.first) * :points / (ends.last - ends.first + 1)
        AS INTEGER)
)
"""


def _trend(found: str) -> list[TrendPoint]:
    return sorted(TrendPoint(dt.date.fromisoformat(day), *rest) for day, *rest in json.loads(found))


@dataclass(frozen=True, slots=True)
class ExerciseRecords:
    """R12: the heaviest load at each rep count, the best e1RM and the best session volume."""

    by_reps: tuple[tuple[int, float, dt.date], ...]  # (reps, heaviest kg, first date)
    best_e1rm: tuple[float, dt.date] | None
    best_volume: tuple[float, dt.date] | None
    imbalance: float | None  # of the latest session with both sides (R11)
    imbalance_flagged: bool


#: Rep counts the records table lists (R12 "heaviest load at each rep count").
RECORD_MAX_REPS = 12

#: The set kinds that count for records (R12): all but warm-ups (index probes need a list).
_COUNTED = "('work', 'failure', 'drop')"

# Per rep count, two probes of the index on (athlete, exercise, kind, reps, load): the
# heaviest load, then the first date it was lifted.
_REP_RECORDS_JSON = f"""
WITH RECURSIVE counts(reps) AS (
    SELECT 1 UNION ALL SELECT reps + 1 FROM counts WHERE reps < :max_reps
), heaviest AS (
    SELECT reps, (
        SELECT MAX(weight_kg) FROM workout_set
        WHERE athlete_id = :athlete AND exercise_id = :exercise AND kind IN {_COUNTED}
        AND reps = counts.reps AND weight_kg > 0
    ) AS kg FROM counts
)
SELECT json_group_array(json_array(reps, kg, (
    SELECT MIN(w.date) FROM workout_set s JOIN workout w ON w.id = s.workout_id
    WHERE s.athlete_id = :athlete AND s.exercise_id = :exercise AND s.kind IN {_COUNTED}
    AND s.reps = heaviest.reps AND s.weight_kg = heaviest.kg
))) FROM heaviest WHERE kg IS NOT NULL
"""


def _rep_records(found: str) -> list[tuple[int, float, dt.date]]:
    return sorted(
        (int(reps), float(kg), dt.date.fromisoformat(day)) for reps, kg, day in json.loads(found)
    )


# The best e1RM and the best volume with the first date each was reached, and the
# sides of the latest session that has both (R11).
_BESTS_JSON = """
SELECT (
    SELECT json_array(e1rm_kg, date) FROM (
        SELECT e1rm_kg, date FROM session_summary
        WHERE athlete_id = :athlete AND exercise_id = :exercise AND work_sets > 0
        AND e1rm_kg > 0 ORDER BY e1rm_kg DESC, date, started_at LIMIT 1
    )
), (
    SELECT json_array(volume_kg, date) FROM (
        SELECT volume_kg, date FROM session_summary
        WHERE athlete_id = :athlete AND exercise_id = :exercise AND work_sets > 0
        AND volume_kg > 0 ORDER BY volume_kg DESC, date, started_at LIMIT 1
    )
), CASE (SELECT laterality FROM exercise WHERE id = :exercise) WHEN 'unilateral' THEN (
    SELECT json_array(left_total, right_total) FROM (
        SELECT left_total, right_total FROM session_summary
        WHERE athlete_id = :athlete AND exercise_id = :exercise AND work_sets > 0
        AND left_total > 0 AND right_total > 0
        ORDER BY date DESC, started_at DESC, workout_id DESC LIMIT 1
    )
) END
"""


def _dated(found: str | None) -> tuple[float, dt.date] | None:
    if found is None:
        return None
    value, day = json.loads(found)
    return float(value), dt.date.fromisoformat(day)


def _records(
    by_reps: list[tuple[int, float, dt.date]],
    e1rm: str | None,
    volume: str | None,
    sides: str | None,
) -> ExerciseRecords:
    left, right = json.loads(sides) if sides else (None, None)
    latest = side_imbalance(left, right) if left and right else None
    return ExerciseRecords(
        tuple(by_reps),
        _dated(e1rm),
        _dated(volume),
        None if latest is None else latest.ratio,
        latest is not None and latest.flagged,
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
    records: ExerciseRecords


# Everything the screen shows when an exercise opens, as one statement (see above).
_EXERCISE_JSON = (
    "SELECT (SELECT json_array(measure, laterality) FROM exercise WHERE id = :exercise),"
    f" ({_SESSIONS_JSON.format(after='')}), ({_TREND_JSON}), ({_REP_RECORDS_JSON}),"
    f" * FROM ({_BESTS_JSON})"
)


def load_exercise_history(
    conn: sqlite3.Connection, athlete_id: int, exercise_id: int
) -> ExerciseHistory:
    """The newest sessions, the trend and the records of one exercise: a few index
    ranges and probes, whatever the length of the history, read in one statement."""
    params = {
        "athlete": athlete_id,
        "exercise": exercise_id,
        "limit": PAGE_SIZE,
        "points": TREND_POINTS,
        "max_reps": RECORD_MAX_REPS,
    }
    kind_json, sessions, trend, by_reps, *bests = conn.execute(_EXERCISE_JSON, params).fetchone()
    measure, laterality = json.loads(kind_json) if kind_json else ("reps", "unilateral")
    kind = ExerciseKind(timed=measure == "seconds", sides=laterality == "unilateral")
    page, more = _sessions(sessions, kind, PAGE_SIZE)
    return ExerciseHistory(
        exercise_id, kind, page, more, _trend(trend), _records(_rep_records(by_reps), *bests)
    )
