"""What one exercise's rules decided for one day, before the season adjusts it.

`Plan` is the common result of the loaded phase machine (loaded.py) and the bodyweight
rules (bodyweight.py); the engine then applies the season (R16 taper, B races), the
warm-up (R13), sides (R11) and plates (R9). `PlanContext` is what those rules may read
besides the exercise's own state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from .model import Athlete, ExerciseInfo, Race
from .plates import Loader
from .state import ExercisePhase, ExerciseState


class PlanContext(NamedTuple):
    """Everything a rule may look at besides the exercise's own state."""

    date: dt.date
    loader: Loader
    race_season: bool = False  # SPECIFIC or TAPER: R3 gives 3 sets instead of 4
    bodyweight_kg: float | None = None  # latest bodyweight on or before `date` (R6)
    parent: ExerciseState | None = None  # the bilateral lift of a single-leg variant (R7)
    a_races: Sequence[Race] = ()  # for R18, the first session after an A race
    variants: tuple[str, ...] = ()  # single-leg variants of this lift (R6 suggestion)


class Plan(NamedTuple):
    """One exercise's prescription as its phase rules decided it (kg, reps or seconds)."""

    phase: ExercisePhase
    load_kg: float
    sets: int
    amount: tuple[int, int]  # reps (or seconds for timed work): low, high
    rest_s: tuple[int, int]
    rules: tuple[str, ...]
    why: tuple[str, ...]
    current_kg: float | None = None  # the working load before today's change, if any
    suggestion: str | None = None
    bottom: int | None = None  # bottom of the phase's range, when not amount[0] (R16)


def latest_bodyweight(athlete: Athlete, date: dt.date) -> float | None:
    """The latest bodyweight logged on or before `date` (R6), or None."""
    best: tuple[dt.date, float] | None = None
    for when, kg in athlete.bodyweights:
        if when <= date and (best is None or when >= best[0]):
            best = (when, kg)
    return None if best is None else best[1]


def start_load(info: ExerciseInfo, loader: Loader) -> float:
    """R1 start load: the catalog's (0: no weight yet), else the empty bar or the lightest
    step, rounded (R9)."""
    if info.start_load_kg is not None and info.start_load_kg > 0:
        return max(loader.round_down(info.start_load_kg, info), loader.minimum(info))
    return loader.minimum(info)
