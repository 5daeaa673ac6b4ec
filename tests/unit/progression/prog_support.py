"""Shared builders for the progression tests: a small catalog, set makers, call helpers.

The catalog here is the tests' own (not data/exercises.toml, which another module owns),
so these tests pin the rules, not the data file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from hypothesis import strategies as st

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
        # the squat's easier variation (R5 names it): its `harder` is the squat
        ExerciseInfo(
            "Goblet Squat",
            "general",
            "kettlebell",
            "bilateral",
            "reps",
            increment_kg=4.0,
            start_load_kg=8.0,
            harder="Back Squat",
        ),
        ExerciseInfo(
            "Split Squat",
            "functional",
            "dumbbell",
            "unilateral",
            "reps",
            increment_kg=2.0,
            start_load_kg=6.0,
            single_leg_of="Back Squat",
            harder="Rear-Foot-Elevated Split Squat",
        ),
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
            "Plank",
            "core",
            "bodyweight",
            "bilateral",
            "seconds",
            range_min=20,
            range_max=60,
            harder="Side Plank",
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


ANNOUNCED = re.compile(r"\badd ([\d.]+ (?:kg|lb)): ([\d.]+ (?:kg|lb))")


def announced(why: str) -> list[tuple[str, str]]:
    """Every increase a why announces, as (step, new load): 'add 5 kg: 65 kg'."""
    return ANNOUNCED.findall(why)


NAMES = [
    "Back Squat",
    "Rear-Foot-Elevated Split Squat",
    "Split Squat",
    "Push-Up",
    "Side Plank",
    "Plank",
    "Deadlift",
]
# the bilateral lift and its single-leg variants: often logged on the same day
RELATED = ["Back Squat", "Split Squat", "Rear-Foot-Elevated Split Squat"]
KINDS = ["work", "work", "work", "failure", "drop"]
# kg loads, and lb plate loads (a lb athlete's log): 135, 95 and 45 lb
WEIGHTS = [20, 25, 40, 60, 62.5, 80, 100, 135 * 0.45359237, 95 * 0.45359237, 45 * 0.45359237]


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[LoggedSet], list[Race], list[Override]]:
    """Messy histories: same-day sessions of related lifts, layoffs of weeks to months,
    failure and drop sets, lb-rounded loads, and A/B/C races near the sessions."""
    day = D0
    out: list[LoggedSet] = []
    for _ in range(draw(st.integers(0, 30))):
        gap = draw(st.integers(1, 12) | st.integers(13, 70) | st.integers(150, 200))
        day += dt.timedelta(days=gap)
        names = draw(
            st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True) | st.just(RELATED)
        )
        for name in names:
            info = CATALOG[name]
            weight = 0.0 if info.equipment == "bodyweight" else draw(st.sampled_from(WEIGHTS))
            reps = draw(st.lists(st.integers(1, 14), min_size=1, max_size=4))
            rpe = draw(st.none() | st.sampled_from([6.0, 8.0, 9.0, 10.0]))
            kind = draw(st.sampled_from(KINDS))
            if info.laterality == "unilateral":
                for side in ("L", "R"):
                    out += sets(day, name, weight, reps, side=side, rpe=rpe, kind=kind)  # type: ignore[arg-type]
            elif info.measure == "seconds":
                out += [LoggedSet(day, name, kind, 0.0, seconds=5 * r) for r in reps]  # type: ignore[arg-type]
            else:
                out += sets(day, name, weight, reps, rpe=rpe, kind=kind)
    span = max(1, (day - D0).days)
    races = [
        Race(
            f"race{i}",
            D0 + dt.timedelta(days=draw(st.integers(0, span + 60))),
            draw(st.sampled_from("ABC")),
        )  # type: ignore[arg-type]
        for i in range(draw(st.integers(0, 3)))
    ]
    overrides = [
        Override(
            draw(st.sampled_from(NAMES)),
            D0 + dt.timedelta(days=draw(st.integers(0, span))),
            draw(st.sampled_from(["advance", "restart"])),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return out, races, overrides
