"""Writes through sqlmodel sessions. Each logged set is committed on its own.

Every function takes the session explicitly and validates nothing the caller has
already validated: parsing and refusing bad input happens before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from sqlmodel import Session, col, func, select

from liftlog.setgrammar import ParsedSet
from liftlog.store.catalog import own_exercise_loads
from liftlog.store.models import Athlete, Bodyweight, Exercise, Race, Workout, WorkoutSet


def set_bodyweight(session: Session, *, athlete_id: int, date: dt.date, kg: float) -> None:
    """Record the day's bodyweight, replacing an earlier reading that day."""
    entry = session.exec(
        select(Bodyweight).where(Bodyweight.athlete_id == athlete_id, Bodyweight.date == date)
    ).first()
    if entry is None:
        entry = Bodyweight(athlete_id=athlete_id, date=date, kg=kg)
    entry.kg = kg
    session.add(entry)
    session.commit()


def add_race(session: Session, *, athlete_id: int, name: str, date: dt.date, priority: str) -> Race:
    race = Race(athlete_id=athlete_id, name=name, date=date, priority=priority)
    session.add(race)
    session.commit()
    return race


def workout_for_day(
    session: Session, *, athlete_id: int, date: dt.date, now: dt.datetime | None = None
) -> Workout:
    """The day's workout (the latest one that day), created when there is none."""
    workout = session.exec(
        select(Workout)
        .where(Workout.athlete_id == athlete_id, Workout.date == date)
        .order_by(col(Workout.started_at).desc(), col(Workout.id).desc())
    ).first()
    if workout is None:
        now = now or dt.datetime.now().replace(microsecond=0)
        started = now if now.date() == date else dt.datetime.combine(date, dt.time(0, 0))
        workout = Workout(athlete_id=athlete_id, date=date, started_at=started)
        session.add(workout)
        session.commit()
    return workout


def log_sets(
    session: Session,
    *,
    athlete_id: int,
    exercise_id: int,
    date: dt.date,
    sets: Sequence[tuple[str, ParsedSet]],
    note: str = "",
) -> list[WorkoutSet]:
    """Append `(kind, set)` pairs to the day's workout, committing each set."""
    workout = workout_for_day(session, athlete_id=athlete_id, date=date)
    assert workout.id is not None
    logged = []
    for kind, parsed in sets:
        # read the next position inside this set's own (write-locked) transaction, so
        # two programs appending to one workout never share a position
        last = session.exec(
            select(func.max(WorkoutSet.position)).where(WorkoutSet.workout_id == workout.id)
        ).one()
        row = WorkoutSet(
            athlete_id=athlete_id,
            workout_id=workout.id,
            exercise_id=exercise_id,
            position=int(last or 0) + 1,
            kind=kind,
            side=parsed.side,
            weight_kg=parsed.weight_kg,
            reps=parsed.reps,
            seconds=parsed.seconds,
            rpe=parsed.rpe,
            note=note,
        )
        session.add(row)
        session.commit()  # a set is safe on disk the moment it is logged
        logged.append(row)
    return logged


def delete_set(session: Session, *, athlete_id: int, set_id: int) -> bool:
    """Remove one set (undo); the workout goes too when it is left empty."""
    row = session.get(WorkoutSet, set_id)
    if row is None or row.athlete_id != athlete_id:
        return False
    workout_id = row.workout_id
    session.delete(row)
    session.flush()
    remaining = session.exec(
        select(func.count()).select_from(WorkoutSet).where(WorkoutSet.workout_id == workout_id)
    ).one()
    if not remaining:
        workout = session.get(Workout, workout_id)
        if workout is not None:
            session.delete(workout)
    session.commit()
    return True


def add_exercise(
    session: Session,
    *,
    athlete_id: int,
    name: str,
    category: str,
    equipment: str,
    laterality: str = "bilateral",
    measure: str = "reps",
    increment_kg: float | None = None,
    aliases: Sequence[str] = (),
) -> Exercise:
    """Add one of the athlete's own exercises. A dumbbell, kettlebell or machine lift
    starts (R1) at one load step; a barbell lift at the bar; bodyweight work at 0."""
    step, start = own_exercise_loads(equipment, increment_kg)
    exercise = Exercise(
        athlete_id=athlete_id,
        name=name,
        aliases=json.dumps(list(aliases)),
        category=category,
        equipment=equipment,
        laterality=laterality,
        measure=measure,
        increment_kg=step,
        start_load_kg=start,
    )
    session.add(exercise)
    session.commit()
    return exercise


def update_athlete(
    session: Session,
    *,
    athlete_id: int,
    units: str | None = None,
    bar_kg: float | None = None,
    plates_kg: Sequence[tuple[float, int]] | None = None,
    run_template: dict[int, str] | None = None,
    stop_days: int | None = None,
    name: str | None = None,
) -> Athlete:
    """Change the profile fields given; the others stay as they are."""
    athlete = session.get(Athlete, athlete_id)
    if athlete is None:
        raise LookupError(f"no athlete {athlete_id}")
    if units is not None:
        athlete.units = units
    if bar_kg is not None:
        athlete.bar_kg = bar_kg
    if plates_kg is not None:
        athlete.plates = json.dumps([[size, pairs] for size, pairs in plates_kg])
    if run_template is not None:
        athlete.run_template = json.dumps({str(k): v for k, v in sorted(run_template.items())})
    if stop_days is not None:
        athlete.stop_days = stop_days
    if name is not None:
        athlete.name = name
    session.add(athlete)
    session.commit()
    return athlete
