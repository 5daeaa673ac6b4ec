"""Exercises (the shipped catalog and the athlete's own), overrides and routine changes."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from liftlog.store.rows import ExerciseRow, OverrideRow, RoutineChangeRow

if TYPE_CHECKING:
    from liftlog.store.db import Database

_EXERCISE_COLUMNS = (
    "id, athlete_id, name, aliases, category, equipment, laterality, measure, increment_kg,"
    " cap_ratio, start_load_kg, harder, single_leg_of, range_min, range_max"
)


def _exercise(row: tuple[object, ...]) -> ExerciseRow:
    values = list(row)
    values[3] = tuple(json.loads(str(values[3])))
    return ExerciseRow(*values)  # type: ignore[arg-type]


def list_exercises(conn: sqlite3.Connection, athlete_id: int) -> list[ExerciseRow]:
    """The shipped catalog and the athlete's own exercises, by name."""
    rows = conn.execute(
        f"SELECT {_EXERCISE_COLUMNS} FROM exercise"
        " WHERE athlete_id IS NULL OR athlete_id = ? ORDER BY name COLLATE NOCASE",
        (athlete_id,),
    )
    return [_exercise(row) for row in rows]


def get_exercise(conn: sqlite3.Connection, exercise_id: int) -> ExerciseRow | None:
    row = conn.execute(
        f"SELECT {_EXERCISE_COLUMNS} FROM exercise WHERE id = ?", (exercise_id,)
    ).fetchone()
    return None if row is None else _exercise(row)


def add_exercise(
    db: Database,
    *,
    athlete_id: int,
    name: str,
    category: str,
    equipment: str,
    laterality: str,
    measure: str,
    increment_kg: float,
    start_load_kg: float | None,
    aliases: Sequence[str] = (),
) -> int:
    """Add one of the athlete's own exercises; its id."""
    from liftlog.store.models import Exercise

    with db.session() as session:
        exercise = Exercise(
            athlete_id=athlete_id,
            name=name,
            aliases=json.dumps(list(aliases)),
            category=category,
            equipment=equipment,
            laterality=laterality,
            measure=measure,
            increment_kg=increment_kg,
            start_load_kg=start_load_kg,
        )
        session.add(exercise)
        session.commit()
        assert exercise.id is not None
        return exercise.id


def list_overrides(conn: sqlite3.Connection, athlete_id: int) -> list[OverrideRow]:
    rows = conn.execute(
        "SELECT e.name, o.date, o.kind FROM lift_override o JOIN exercise e ON e.id = o.exercise_id"
        " WHERE o.athlete_id = ? ORDER BY o.date, o.id",
        (athlete_id,),
    )
    return [OverrideRow(name, dt.date.fromisoformat(d), kind) for name, d, kind in rows]


def add_override(
    db: Database, *, athlete_id: int, exercise_id: int, date: dt.date, kind: str
) -> None:
    from liftlog.store.models import LiftOverride

    with db.session() as session:
        session.add(
            LiftOverride(athlete_id=athlete_id, exercise_id=exercise_id, date=date, kind=kind)
        )
        session.commit()


def list_routine_changes(conn: sqlite3.Connection, athlete_id: int) -> list[RoutineChangeRow]:
    rows = conn.execute(
        "SELECT e.name, r.action FROM routine_change r JOIN exercise e ON e.id = r.exercise_id"
        " WHERE r.athlete_id = ? ORDER BY r.id",
        (athlete_id,),
    )
    return [RoutineChangeRow(name, action) for name, action in rows]


def set_routine_change(
    db: Database, *, athlete_id: int, exercise_id: int, action: str | None
) -> None:
    """Add to or drop from the routine (`action` "add"/"drop"), or back to the default (None)."""
    from sqlmodel import select

    from liftlog.store.models import RoutineChange

    with db.session() as session:
        row = session.exec(
            select(RoutineChange).where(
                RoutineChange.athlete_id == athlete_id, RoutineChange.exercise_id == exercise_id
            )
        ).first()
        if action is None:
            if row is not None:
                session.delete(row)
        else:
            row = row or RoutineChange(athlete_id=athlete_id, exercise_id=exercise_id, action="")
            row.action = action
            session.add(row)
        session.commit()
