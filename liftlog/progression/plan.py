"""What one exercise's rules decided for one day, before the season adjusts it.

`Plan` is the common result of the loaded phase machine (loaded.py) and the bodyweight
rules (bodyweight.py); the engine then applies the season (R16 taper, B races), the
warm-up (R13), sides (R11) and plates (R9). `PlanContext` is what those rules may read
besides the exercise's own state. `Decision` is one load decision and its words, kept
apart until every rule has had its say, so the `why` never announces a change that a
later rule cancelled (SPEC §2: the why tells the decision applied).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from .layoff import days_away
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
    variants: tuple[str, ...] = ()  # single-leg variants to suggest at the cap, best first (R6)
    races: Sequence[Race] = ()  # every race: R20's days away, R21's first session after a B race
    stop_days: int | None = None  # R17, for R20's days away
    light: str | None = None  # why today is a lighter session (R16, a B race's D−10…D−5)
    routine: tuple[str, ...] = ()  # the season's routine: a harder variation in it is not suggested
    easier: tuple[str, ...] = ()  # catalog variations whose `harder` is this exercise (R5)

    def away(self, state: ExerciseState) -> int | None:
        """R20's g for this lift on `date`."""
        return days_away(state.last_date, self.date, self.races, self.stop_days)


class Decision(NamedTuple):
    """One load decision: the load, the rules that made it and the sentence saying so.

    For an increase, `text` is only the reason; `say` adds "add 5 kg: 65 kg" from the
    load finally prescribed, so a cap that trims the increase trims the words too.
    """

    load_kg: float
    rules: tuple[str, ...]
    text: str
    increase: bool = False
    note: str = ""  # said after an increase's load, e.g. "(R6: capped at …)"

    def say(self, loader: Loader, current: float | None) -> str:
        if not self.increase or current is None:
            return self.text
        step = loader.fmt(self.load_kg - current)
        note = f" {self.note}" if self.note else ""
        return f"{self.text} — add {step}: {loader.fmt(self.load_kg)}{note}."


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
    # the load is an increase; a lighter day cancels it with its words (why[0]) and rules
    increase: bool = False
    increase_rules: tuple[str, ...] = ()
    per_set: tuple[int, ...] | None = None  # reps (or seconds) of each set, when they differ


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
