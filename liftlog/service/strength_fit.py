"""A day's lifting out as a Garmin FIT activity (`liftlog export --fit DATE`).

The sets of that day, in the order of their workouts and positions, go to
`liftlog.runs.fit_strength` with each exercise's category and the athlete's units; the
file is written beside its target under a temporary name and renamed over it, never
onto the log itself (`transfer.check_target`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from liftlog.errors import LiftlogError
from liftlog.runs.fit_strength import StrengthSession, StrengthSet, write_strength_fit
from liftlog.service.log import Log
from liftlog.service.runs import local_zone
from liftlog.service.transfer import check_target, export_bytes_file
from liftlog.store.exercises import list_exercises
from liftlog.store.sets import sets_on_day


class NothingLogged(LiftlogError):
    """No set on the day asked for."""


def strength_session(log: Log, day: dt.date, zone: dt.tzinfo | None = None) -> StrengthSession:
    """The day's sets as the FIT writer takes them; NothingLogged when there are none."""
    with log.reading() as conn:
        rows = sets_on_day(conn, log.athlete_id, day)
        exercises = {e.id: e for e in list_exercises(conn, log.athlete_id)}
    if not rows:
        raise NothingLogged(f"nothing was logged on {day.isoformat()}; no FIT file written.")
    rows.sort(key=lambda r: (r.started_at, r.workout_id, r.position, r.id))
    sets = []
    for row in rows:
        exercise = exercises.get(row.exercise_id)
        sets.append(
            StrengthSet(
                exercise=row.exercise,
                category=exercise.category if exercise else "general",
                equipment=exercise.equipment if exercise else "",
                kind=row.kind,
                side=row.side,
                reps=row.reps,
                seconds=row.seconds,
                weight_kg=row.weight_kg,
                logged_at=_moment(row.logged_at),
            )
        )
    start = min(_moment(r.started_at) or dt.datetime.combine(day, dt.time()) for r in rows)
    return StrengthSession(
        start=start,
        tz=zone or local_zone(),
        sets=tuple(sets),
        weight_unit=log.athlete.units,
    )


def _moment(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def fit_bytes(log: Log, day: dt.date, zone: dt.tzinfo | None = None) -> bytes:
    """The day's strength session as FIT bytes."""
    return write_strength_fit(strength_session(log, day, zone))


def export_fit_file(log: Log, day: dt.date, target: Path, zone: dt.tzinfo | None = None) -> int:
    """Write the day's session to `target` atomically; the number of sets written."""
    session = strength_session(log, day, zone)
    check_target(log, target)
    export_bytes_file(log, target, write_strength_fit(session))
    return len(session.sets)
