"""Exercises: the catalog and the athlete's own, finding one by name, adding one, and
the athlete's decisions about them (overrides, the routine)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from liftlog.inputs import (
    CATEGORIES,
    EQUIPMENT,
    OVERRIDE_KINDS,
    ROUTINE_ACTIONS,
    InputError,
    choice,
    clean_name,
)
from liftlog.names import NameIndex
from liftlog.service.log import Log
from liftlog.store import exercises as store
from liftlog.store.rows import ExerciseRow

#: The load step (kg) of an exercise the athlete adds or imports, by equipment, when
#: none is given: the catalog's own steps (data/exercises.toml's notes).
OWN_INCREMENT_KG = {"barbell": 5.0, "dumbbell": 2.0, "kettlebell": 4.0, "machine": 2.5}
#: Equipment whose first load (R1) is not one step: the bar, or no load at all.
_UNLOADED = ("barbell", "bodyweight", "band")


def own_exercise_loads(
    equipment: str, increment_kg: float | None = None
) -> tuple[float, float | None]:
    """(load step, start load) of an athlete's own exercise: a dumbbell, kettlebell or
    machine lift starts at one step; a barbell lift at the bar (None); bodyweight at 0."""
    step = increment_kg or OWN_INCREMENT_KG.get(equipment, 5.0)
    return step, None if equipment in _UNLOADED else step


def list_exercises(log: Log) -> list[ExerciseRow]:
    """The shipped catalog and the athlete's own exercises, by name."""
    with log.reading() as conn:
        return store.list_exercises(conn, log.athlete_id)


def name_index(rows: Sequence[ExerciseRow]) -> NameIndex[ExerciseRow]:
    """Names and aliases, matched loosely but never across equipment (`liftlog.names`)."""
    return NameIndex((row, row.name, row.aliases, row.equipment) for row in rows)


def find_exercise(log: Log, name: str, rows: Sequence[ExerciseRow] | None = None) -> ExerciseRow:
    """The exercise called `name` (or an alias of it), or an InputError with suggestions."""
    index = name_index(rows if rows is not None else list_exercises(log))
    found = index.get(name)
    if found is not None:
        return found
    near = index.suggest(name)
    hint = f" Did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
    raise InputError(f"unknown exercise {name!r}.{hint} (`liftlog exercises` lists them)")


@dataclass(frozen=True, slots=True)
class NewExercise:
    """An exercise of the athlete's own, checked and ready to add (loads in kg)."""

    name: str
    category: str
    equipment: str
    unilateral: bool
    timed: bool
    increment_kg: float | None  # None: the equipment's usual step
    aliases: tuple[str, ...] = ()


def new_exercise(
    rows: Sequence[ExerciseRow],
    *,
    name: str,
    category: str = "general",
    equipment: str = "barbell",
    unilateral: bool = False,
    timed: bool = False,
    increment_kg: float | None = None,
    aliases: Sequence[str] = (),
) -> NewExercise:
    """Check an exercise to add against the exercises there are (`rows`): a name or
    alias already used, in any spelling `find_exercise` would match, is refused."""
    name = clean_name(name, "exercise name")
    checked_aliases = tuple(clean_name(a, "alias") for a in aliases)
    category = choice(category, CATEGORIES, "category")
    equipment = choice(equipment, EQUIPMENT, "equipment")
    index = name_index(rows)
    for label in (name, *checked_aliases):
        clash = index.get(label)
        if clash is not None:
            raise InputError(f"{label!r} is already the name of {clash.name}.")
    return NewExercise(name, category, equipment, unilateral, timed, increment_kg, checked_aliases)


def add_exercise(log: Log, new: NewExercise) -> ExerciseRow:
    """Add one of the athlete's own exercises (checked again against the log as it is
    now); its step is the one given, else the equipment's usual one."""
    new = new_exercise(
        list_exercises(log),
        name=new.name,
        category=new.category,
        equipment=new.equipment,
        unilateral=new.unilateral,
        timed=new.timed,
        increment_kg=new.increment_kg,
        aliases=new.aliases,
    )
    step, start = own_exercise_loads(new.equipment, new.increment_kg)
    exercise_id = store.add_exercise(
        log.db,
        athlete_id=log.athlete_id,
        name=new.name,
        category=new.category,
        equipment=new.equipment,
        laterality="unilateral" if new.unilateral else "bilateral",
        measure="seconds" if new.timed else "reps",
        increment_kg=step,
        start_load_kg=start,
        aliases=new.aliases,
    )
    with log.reading() as conn:
        found = store.get_exercise(conn, exercise_id)
    assert found is not None
    return found


def override(log: Log, exercise: ExerciseRow, kind: str, date: dt.date) -> str:
    """ "Form is fine, move on" (advance) or "start over" (restart) for one lift, from
    `date`; what it means, in a sentence."""
    kind = choice(kind, OVERRIDE_KINDS, "override")
    if exercise.equipment in ("bodyweight", "band") or exercise.measure == "seconds":
        raise InputError(f"{exercise.name} progresses by reps; there is no phase to {kind}.")
    store.add_override(
        log.db, athlete_id=log.athlete_id, exercise_id=exercise.id, date=date, kind=kind
    )
    what = "moves on to the next phase" if kind == "advance" else "starts over at FORM"
    return f"{exercise.name} {what} from {date.isoformat()}."


def change_routine(log: Log, exercise: ExerciseRow, action: str) -> str:
    """Add an exercise to the default program, drop one, or reset it; what happened."""
    action = choice(action, ROUTINE_ACTIONS, "routine action")
    store.set_routine_change(
        log.db,
        athlete_id=log.athlete_id,
        exercise_id=exercise.id,
        action=None if action == "reset" else action,
    )
    verb = {"add": "added to", "drop": "dropped from", "reset": "back to the default in"}
    return f"{exercise.name} {verb[action]} your routine."


def routine_changes(log: Log) -> dict[str, str]:
    """Exercise name → "add" or "drop": the athlete's changes to the default program."""
    with log.reading() as conn:
        return {c.exercise: c.action for c in store.list_routine_changes(conn, log.athlete_id)}
