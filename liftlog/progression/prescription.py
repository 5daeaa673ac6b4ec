"""What `prescribe` returns: a day's prescription and one exercise's.

Weights are kg (already rounded to what the athlete's bar, plates or dumbbells make,
R9); `plates` is per side, in the athlete's own unit. `why` is written by the same
code that decided, and `rules` lists the SPEC rule IDs that applied.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .model import LoggedSet, Side, Units
from .records import Imbalance
from .season import SeasonStatus
from .state import ExercisePhase
from .warmup import WarmupSet

__all__ = ["DayPrescription", "ExercisePrescription", "WarmupSet", "WorkSet", "as_prescribed"]


class WorkSet(NamedTuple):
    """One work set, in the order to lift them. Timed sets use seconds, not reps."""

    reps_min: int | None
    reps_max: int | None
    weight_kg: float
    side: Side | None = None
    seconds_min: int | None = None
    seconds_max: int | None = None
    match_weaker: bool = False  # R11: the target is what the weaker side just did


class ExercisePrescription(NamedTuple):
    """One exercise of the day: warm-up, work sets, rest, and why."""

    exercise: str
    phase: ExercisePhase
    warmup: tuple[WarmupSet, ...]
    work: tuple[WorkSet, ...]
    rest_s: tuple[int, int]
    rules: tuple[str, ...]
    why: str
    load_kg: float | None = None  # the work load (None for bodyweight work)
    plates: tuple[float, ...] | None = None  # per side, barbell lifts only
    plate_unit: Units = "kg"
    suggestion: str | None = None  # e.g. the single-leg variant at the cap, a harder variation
    imbalance: Imbalance | None = None  # R11, from the last session logged per side


class DayPrescription(NamedTuple):
    """The day's answer: lift or not, the season, and each exercise."""

    date: dt.date
    lift: bool
    season: SeasonStatus
    exercises: tuple[ExercisePrescription, ...]
    why: str
    warnings: tuple[str, ...] = ()
    year_share: float | None = None  # share of the last 52 weeks with strength sessions


def as_prescribed(day: DayPrescription) -> tuple[LoggedSet, ...]:
    """The day's sets lifted as prescribed, to the top of each range: the warm-ups, then
    every work set at its load and side. What a projection (the calendar's) assumes of
    a session that is not lifted yet."""
    done: list[LoggedSet] = []
    for ex in day.exercises:
        for w in ex.warmup:
            done.append(LoggedSet(day.date, ex.exercise, "warmup", w.weight_kg, w.reps))
        for ws in ex.work:
            timed = ws.seconds_min is not None or ws.seconds_max is not None
            reps = None if timed else ws.reps_max or ws.reps_min
            seconds = ws.seconds_max or ws.seconds_min if timed else None
            done.append(
                LoggedSet(day.date, ex.exercise, "work", ws.weight_kg, reps, seconds, side=ws.side)
            )
    return tuple(LoggedSet(*s[:-1], order=i) for i, s in enumerate(done))
