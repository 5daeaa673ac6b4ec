"""Logged sets: appending (each set committed on its own), editing, deleting, reading.

Writes go through sqlmodel sessions whose transactions take SQLite's write lock when
they begin (see `db._immediate_transactions`), so the day's workout and each set's
position are read and written by one program at a time. Reads are plain sqlite3.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from liftlog.store.rows import SetRow

if TYPE_CHECKING:
    from sqlmodel import Session

    from liftlog.store.db import Database
    from liftlog.store.models import Workout


@dataclass(frozen=True, slots=True)
class NewSet:
    """One set to append: what was lifted, in kg."""

    kind: str
    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None
    side: str | None
    note: str = ""


def _workout_for_day(session: Session, *, athlete_id: int, date: dt.date) -> Workout:
    """The day's workout (the latest one that day), created when there is none."""
    from sqlmodel import col, select

    from liftlog.store.models import Workout

    workout = session.exec(
        select(Workout)
        .where(Workout.athlete_id == athlete_id, Workout.date == date)
        .order_by(col(Workout.started_at).desc(), col(Workout.id).desc())
    ).first()
    if workout is None:
        now = dt.datetime.now().replace(microsecond=0)
        started = now if now.date() == date else dt.datetime.combine(date, dt.time(0, 0))
        workout = Workout(athlete_id=athlete_id, date=date, started_at=started)
        session.add(workout)
        session.flush()
    return workout


def log_sets(
    db: Database, *, athlete_id: int, exercise_id: int, date: dt.date, sets: Sequence[NewSet]
) -> list[int]:
    """Append sets to the day's workout, committing each one; their ids, in order."""
    from sqlmodel import func, select

    from liftlog.store.models import WorkoutSet

    ids = []
    with db.session() as session:
        for new in sets:
            # the workout and the next position are read inside this set's own
            # (write-locked) transaction: two programs never share a position
            workout = _workout_for_day(session, athlete_id=athlete_id, date=date)
            last = session.exec(
                select(func.max(WorkoutSet.position)).where(WorkoutSet.workout_id == workout.id)
            ).one()
            assert workout.id is not None
            row = WorkoutSet(
                athlete_id=athlete_id,
                workout_id=workout.id,
                exercise_id=exercise_id,
                position=int(last or 0) + 1,
                kind=new.kind,
                side=new.side,
                weight_kg=new.weight_kg,
                reps=new.reps,
                seconds=new.seconds,
                rpe=new.rpe,
                note=new.note,
            )
            session.add(row)
            session.commit()  # a set is safe on disk the moment it is logged
            assert row.id is not None
            ids.append(row.id)
    return ids


def _drop_if_empty(session: Session, workout_id: int) -> None:
    from sqlmodel import func, select

    from liftlog.store.models import Workout, WorkoutSet

    remaining = session.exec(
        select(func.count()).select_from(WorkoutSet).where(WorkoutSet.workout_id == workout_id)
    ).one()
    if not remaining:
        workout = session.get(Workout, workout_id)
        if workout is not None:
            session.delete(workout)


def delete_set(db: Database, *, athlete_id: int, set_id: int) -> bool:
    """Remove one set; its workout goes too when it is left empty. False when not found."""
    from liftlog.store.models import WorkoutSet

    with db.session() as session:
        row = session.get(WorkoutSet, set_id)
        if row is None or row.athlete_id != athlete_id:
            return False
        workout_id = row.workout_id
        session.delete(row)
        session.flush()
        _drop_if_empty(session, workout_id)
        session.commit()
    return True


def edit_set(
    db: Database,
    *,
    athlete_id: int,
    set_id: int,
    changes: dict[str, object],
    date: dt.date | None = None,
) -> bool:
    """Change fields of one set (weight_kg, reps, seconds, rpe, side, kind, note); with
    `date`, move it to that day's workout (the old one goes when left empty)."""
    from sqlmodel import func, select

    from liftlog.store.models import Workout, WorkoutSet

    allowed = {"weight_kg", "reps", "seconds", "rpe", "side", "kind", "note"}
    with db.session() as session:
        row = session.get(WorkoutSet, set_id)
        if row is None or row.athlete_id != athlete_id:
            return False
        for field, value in changes.items():
            if field not in allowed:
                raise ValueError(f"not a field of a set: {field}")
            setattr(row, field, value)
        old_workout = session.get(Workout, row.workout_id)
        if date is not None and old_workout is not None and old_workout.date != date:
            target = _workout_for_day(session, athlete_id=athlete_id, date=date)
            assert target.id is not None
            last = session.exec(
                select(func.max(WorkoutSet.position)).where(WorkoutSet.workout_id == target.id)
            ).one()
            row.workout_id, row.position = target.id, int(last or 0) + 1
            session.add(row)
            session.flush()
            assert old_workout.id is not None
            _drop_if_empty(session, old_workout.id)
        session.add(row)
        session.commit()
    return True


SET_COLUMNS = (
    "s.id, s.workout_id, w.date, w.started_at, e.name, s.position, s.kind, s.side,"
    " s.weight_kg, s.reps, s.seconds, s.rpe, s.note, s.logged_at, s.exercise_id, s.superset"
)


def set_row(row: tuple[object, ...]) -> SetRow:
    values = list(row)
    values[2] = dt.date.fromisoformat(str(values[2]))
    return SetRow(*values)  # type: ignore[arg-type]


def get_set(conn: sqlite3.Connection, athlete_id: int, set_id: int) -> SetRow | None:
    row = conn.execute(
        f"SELECT {SET_COLUMNS} FROM workout_set s"
        " JOIN workout w ON w.id = s.workout_id JOIN exercise e ON e.id = s.exercise_id"
        " WHERE s.id = ? AND s.athlete_id = ?",
        (set_id, athlete_id),
    ).fetchone()
    return None if row is None else set_row(row)


def iter_sets(
    conn: sqlite3.Connection, athlete_id: int, *, exercise_id: int | None = None
) -> Iterator[SetRow]:
    """Every set of the athlete (or of one exercise), oldest workout first, streamed."""
    where = "s.athlete_id = ?"
    params: list[object] = [athlete_id]
    if exercise_id is not None:
        where += " AND s.exercise_id = ?"
        params.append(exercise_id)
    rows = conn.execute(
        f"SELECT {SET_COLUMNS} FROM workout_set s"
        " JOIN workout w ON w.id = s.workout_id JOIN exercise e ON e.id = s.exercise_id"
        f" WHERE {where} ORDER BY w.date, w.started_at, w.id, s.position, s.id",
        params,
    )
    for row in rows:
        yield set_row(row)


def sets_on_day(conn: sqlite3.Connection, athlete_id: int, date: dt.date) -> list[SetRow]:
    """The sets logged on `date`, in the order they were logged."""
    # from the day's workouts to their sets (CROSS JOIN keeps that order): the
    # athlete's set index would walk all twenty years
    rows = conn.execute(
        f"SELECT {SET_COLUMNS} FROM workout w CROSS JOIN workout_set s ON s.workout_id = w.id"
        " JOIN exercise e ON e.id = s.exercise_id"
        " WHERE w.athlete_id = ? AND w.date = ? ORDER BY s.id",
        (athlete_id, date.isoformat()),
    )
    return [set_row(row) for row in rows]


def last_set_on(conn: sqlite3.Connection, athlete_id: int, date: dt.date) -> SetRow | None:
    """The set logged last on `date` (what undo removes), or None."""
    found = sets_on_day(conn, athlete_id, date)
    return found[-1] if found else None
