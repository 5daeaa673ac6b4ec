"""R12 records as they are set: the records of each set logged on a day.

The announcement after a set and the session summary both come from `day_records`:
the day's sets of one exercise, walked in the order they were logged, against what
the exercise's other sessions reached (`liftlog.progression.new_records` decides).
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

from liftlog.progression.new_records import Bests, DaySet, NewRecord, session_records
from liftlog.service.log import Log
from liftlog.store.db import Connection
from liftlog.store.records import other_sessions
from liftlog.store.rows import SetRow
from liftlog.store.sets import sets_on_day

__all__ = ["NewRecord", "day_records", "records_of_set"]


def bests_besides(conn: Connection, athlete_id: int, exercise_id: int, date: dt.date) -> Bests:
    """What the exercise's sessions on other days than `date` reached."""
    other = other_sessions(conn, athlete_id, exercise_id, date)
    return Bests(
        MappingProxyType(other.heaviest_by_reps),
        other.most_seconds,
        other.best_volume_kg,
        other.any_sets,
    )


def day_records(
    conn: Connection,
    athlete_id: int,
    exercise_id: int,
    date: dt.date,
    day_sets: list[SetRow] | None = None,
) -> dict[int, tuple[NewRecord, ...]]:
    """Set id → the records it set, for the exercise's sets logged on `date` (those
    that set none are left out). `day_sets`: the day's sets, when already read."""
    if day_sets is None:
        day_sets = sets_on_day(conn, athlete_id, date)
    mine = [s for s in day_sets if s.exercise_id == exercise_id]
    if not mine:
        return {}
    bests = bests_besides(conn, athlete_id, exercise_id, date)
    found = session_records(bests, (DaySet(s.kind, s.weight_kg, s.reps, s.seconds) for s in mine))
    return {s.id: news for s, news in zip(mine, found, strict=True) if news}


def records_of_set(log: Log, exercise_id: int, date: dt.date, set_id: int) -> tuple[NewRecord, ...]:
    """The records one logged set set (empty: none)."""
    with log.reading() as conn:
        return day_records(conn, log.athlete_id, exercise_id, date).get(set_id, ())
