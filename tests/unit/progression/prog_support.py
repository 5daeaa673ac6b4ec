"""Shared builders for the progression tests: a small catalog, set makers, call helpers.

The catalog here is the tests' own (not data/exercises.toml, which another module owns),
so these tests pin the rules, not the data file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from liftlog.progression import (
    Athlete,
    DayPrescription,
    ExerciseInfo,
    ExercisePrescription,
    LoggedSet,
    Override,
    Program,
    Race,
    load_program,
    prescribe,
)
from liftlog.progression.model import Side

D0 = dt.date(2027, 1, 4)  # a Monday

CATALOG: dict[str, ExerciseInfo] = {
    e.name: e
    for e in (
        ExerciseInfo(
            "Back Squat",
            "general",
            "barbell",
            "bilateral",
            "reps",
            cap_ratio=1.5,
            aliases=("Squat (Barbell)",),
        ),
        ExerciseInfo("Deadlift", "general", "barbell", "bilateral", "reps"),
        ExerciseInfo(
            "Rear-Foot-Elevated Split Squat",
            "functional",
            "dumbbell",
            "unilateral",
            "reps",
            increment_kg=2.0,
            single_leg_of="Back Squat",
        ),
        ExerciseInfo(
            "Single-Leg Squat",
            "functional",
            "bodyweight",
            "unilateral",
            "reps",
            single_leg_of="Back Squat",
        ),
        ExerciseInfo(
            "Push-Up", "general", "bodyweight", "bilateral", "reps", harder="Triangle Push-Up"
        ),
        ExerciseInfo("Triangle Push-Up", "general", "bodyweight", "bilateral", "reps"),
        ExerciseInfo(
            "Plank", "core", "bodyweight", "bilateral", "seconds", range_min=20, range_max=60
        ),
        ExerciseInfo(
            "Side Plank", "core", "bodyweight", "unilateral", "seconds", range_min=20, range_max=60
        ),
        ExerciseInfo(
            "Jumping Lunge",
            "plyometric",
            "bodyweight",
            "unilateral",
            "reps",
            harder="Jumping Lunge with Hip Rotation",
        ),
        ExerciseInfo(
            "Jumping Lunge with Hip Rotation", "plyometric", "bodyweight", "unilateral", "reps"
        ),
        ExerciseInfo("Box Jump", "plyometric", "bodyweight", "bilateral", "reps"),
        ExerciseInfo("Glute Bridge", "prehab", "bodyweight", "bilateral", "reps"),
        ExerciseInfo(
            "Step-Up",
            "functional",
            "dumbbell",
            "unilateral",
            "reps",
            increment_kg=2.0,
            start_load_kg=0.0,
        ),
    )
}

SQUAT = CATALOG["Back Squat"]
ONLY_SQUAT = load_program(
    '[GENERAL]\nexercises = ["Back Squat"]\n[SPECIFIC]\nexercises = ["Back Squat"]\n'
)


def sets(
    day: dt.date,
    exercise: str,
    weight: float,
    reps: Sequence[int],
    *,
    side: Side | None = None,
    rpe: float | None = None,
    kind: str = "work",
) -> list[LoggedSet]:
    """One session's work sets: `reps` per set at `weight`."""
    return [
        LoggedSet(day, exercise, kind, weight, reps=r, rpe=rpe, side=side, order=i)  # type: ignore[arg-type]
        for i, r in enumerate(reps)
    ]


def timed(
    day: dt.date, exercise: str, seconds: Sequence[int], side: Side | None = None
) -> list[LoggedSet]:
    return [
        LoggedSet(day, exercise, "work", 0.0, seconds=s, side=side, order=i)
        for i, s in enumerate(seconds)
    ]


def flat(*groups: Iterable[LoggedSet]) -> list[LoggedSet]:
    return [s for g in groups for s in g]


def days(n: int, start: dt.date = D0) -> dt.date:
    return start + dt.timedelta(days=n)


def day_rx(
    day: dt.date,
    history: Sequence[LoggedSet] = (),
    *,
    athlete: Athlete | None = None,
    races: Sequence[Race] = (),
    overrides: Sequence[Override] = (),
    program: Program = ONLY_SQUAT,
    only: str | None = None,
    pick: bool = False,
) -> DayPrescription:
    return prescribe(
        day,
        athlete or Athlete(),
        CATALOG,
        history,
        races,
        overrides,
        program,
        only,
        pick=pick,
    )


def rx(
    day: dt.date, history: Sequence[LoggedSet] = (), exercise: str = "Back Squat", **kw: object
) -> ExercisePrescription:
    """The prescription of one exercise on exactly `day`."""
    d = day_rx(day, history, only=exercise, **kw)  # type: ignore[arg-type]
    assert d.lift, d.why
    (ex,) = d.exercises
    return ex


def loads(ex: ExercisePrescription) -> list[float]:
    return [ws.weight_kg for ws in ex.work]
