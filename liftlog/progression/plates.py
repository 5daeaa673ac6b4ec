"""R9: which loads can be put on the bar (or picked from the rack), and how.

A barbell load is the bar plus *pairs* of plates from the athlete's inventory (each size
has a number of pairs); every prescribed load is rounded DOWN to the nearest such load
and never below the bar. Dumbbells, kettlebells and machines go in the catalog's steps
(`increment_kg`). Bodyweight exercises carry no load.

The math runs in the athlete's own unit — kg plates for kg athletes, lb plates for lb
athletes — in integer hundredths, so 45 lb + 2 × 45 lb is exactly 135 lb; results are
handed back in kg, since the rules and storage always speak kg.
"""

from __future__ import annotations

import bisect
import math
from functools import lru_cache
from typing import NamedTuple

from .constants import (
    DEFAULT_BAR_KG,
    DEFAULT_BAR_LB,
    DEFAULT_PLATES_KG,
    DEFAULT_PLATES_LB,
    KG_PER_LB,
    LB_RACK_STEP,
    LB_STEP,
)
from .model import Athlete, ExerciseInfo, Units

Plates = tuple[tuple[float, int], ...]

_SCALE = 100  # hundredths of the unit
_EPS = 1e-6


def _to_int(x: float) -> int:
    """Hundredths of a unit, rounded down but forgiving float noise."""
    return math.floor(x * _SCALE + _EPS)


@lru_cache(maxsize=64)
def _table(
    bar: int, plates: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, ...], dict[int, tuple[int, ...]]]:
    """All loadable totals (sorted) and, per side sum, the plates to use (fewest plates)."""
    sides: dict[int, tuple[int, ...]] = {0: ()}
    for size, pairs in sorted(plates, reverse=True):
        if size <= 0 or pairs <= 0:
            continue
        grown: dict[int, tuple[int, ...]] = {}
        for total, combo in sides.items():
            for k in range(pairs + 1):
                s = total + k * size
                cand = combo + (size,) * k
                old = grown.get(s)
                # fewest plates; on a tie the heavier plates first (25 + 15 over 20 + 20)
                if old is None or (len(cand), [-p for p in cand]) < (len(old), [-p for p in old]):
                    grown[s] = cand
        sides = grown
    totals = tuple(sorted(bar + 2 * s for s in sides))
    return totals, sides


def _key(bar: float, plates: Plates) -> tuple[int, tuple[tuple[int, int], ...]]:
    return _to_int(bar), tuple((_to_int(size), int(n)) for size, n in plates)


def round_to_loadable(load: float, bar: float, plates: Plates) -> float:
    """The heaviest load ≤ `load` made of the bar and pairs of plates (R9); never below the bar.

    Unit-agnostic: `load`, `bar` and plate sizes are all in the same unit.
    """
    bar_i, plates_i = _key(bar, plates)
    totals, _ = _table(bar_i, plates_i)
    i = bisect.bisect_right(totals, _to_int(load)) - 1
    return totals[max(i, 0)] / _SCALE


def next_loadable_above(load: float, bar: float, plates: Plates) -> float | None:
    """The lightest loadable load strictly above `load`, or None past the inventory."""
    bar_i, plates_i = _key(bar, plates)
    totals, _ = _table(bar_i, plates_i)
    i = bisect.bisect_right(totals, _to_int(load))
    return totals[i] / _SCALE if i < len(totals) else None


def plate_breakdown(load: float, bar: float, plates: Plates) -> tuple[float, ...] | None:
    """Plates for ONE side of the bar, heaviest first; None if `load` is not loadable."""
    bar_i, plates_i = _key(bar, plates)
    _, sides = _table(bar_i, plates_i)
    per_side2 = _to_int(load + _EPS) - bar_i
    if per_side2 < 0 or per_side2 % 2:
        return None
    combo = sides.get(per_side2 // 2)
    return None if combo is None else tuple(p / _SCALE for p in combo)


def default_bar_kg(units: Units) -> float:
    """SPEC §1: 20 kg, or 45 lb for lb athletes (in kg)."""
    return DEFAULT_BAR_KG if units == "kg" else DEFAULT_BAR_LB * KG_PER_LB


def default_plates_kg(units: Units) -> Plates:
    """SPEC §1 default inventory, in kg (lb plates converted)."""
    if units == "kg":
        return DEFAULT_PLATES_KG
    return tuple((size * KG_PER_LB, n) for size, n in DEFAULT_PLATES_LB)


class Loader(NamedTuple):
    """The athlete's bar and plates in their own unit; rounds kg loads to what exists."""

    units: Units
    bar: float  # in `units`
    plates: Plates  # in `units`

    @staticmethod
    def for_athlete(athlete: Athlete) -> Loader:
        plates_kg = athlete.plates_kg or default_plates_kg(athlete.units)
        if athlete.units == "kg":
            return Loader("kg", athlete.bar_kg, plates_kg)
        return Loader(
            "lb", _kg_to_lb(athlete.bar_kg), tuple((_kg_to_lb(s), n) for s, n in plates_kg)
        )

    def to_units(self, kg: float) -> float:
        return kg if self.units == "kg" else kg / KG_PER_LB

    def to_kg(self, value: float) -> float:
        return value if self.units == "kg" else value * KG_PER_LB

    @property
    def bar_kg(self) -> float:
        return self.to_kg(self.bar)

    def step(self, info: ExerciseInfo) -> float:
        """Dumbbell/kettlebell/machine step in the athlete's unit."""
        if self.units == "kg":
            return info.increment_kg if info.increment_kg > 0 else 1.0
        lb = info.increment_kg / KG_PER_LB
        return max(LB_STEP, round(lb / LB_STEP) * LB_STEP)

    def grid(self, info: ExerciseInfo) -> float:
        """What a dumbbell, kettlebell or machine load is rounded to: the step in kg; in
        lb at most 5 lb (`LB_RACK_STEP`), since lb racks don't follow converted kg steps."""
        step = self.step(info)
        return step if self.units == "kg" else min(step, LB_RACK_STEP)

    def round_down(self, kg: float, info: ExerciseInfo) -> float:
        """R9 for any equipment: the heaviest available load ≤ `kg`, never below the minimum."""
        if info.equipment == "bodyweight":
            return 0.0
        value = self.to_units(kg)
        if info.equipment == "barbell":
            return self.to_kg(round_to_loadable(value, self.bar, self.plates))
        grid = self.grid(info)
        steps = math.floor(value / grid + _EPS)
        if steps * grid < self.step(info) - _EPS:
            return self.minimum(info)
        return self.to_kg(round(steps * grid, 2))

    def minimum(self, info: ExerciseInfo) -> float:
        """The lightest load: the bar, one dumbbell step — or 0 when the catalog starts the
        lift without weight (start load 0, e.g. a single-leg squat before dumbbells)."""
        if info.equipment == "bodyweight":
            return 0.0
        if info.equipment == "barbell":
            return self.bar_kg
        if info.start_load_kg is not None and info.start_load_kg <= 0:
            return 0.0
        return self.to_kg(self.step(info))

    def next_up(self, kg: float, info: ExerciseInfo) -> float:
        """The lightest available load strictly above `kg` (kg itself past the inventory)."""
        if info.equipment == "bodyweight":
            return 0.0
        value = self.to_units(kg)
        if info.equipment == "barbell":
            above = next_loadable_above(value, self.bar, self.plates)
            return kg if above is None else self.to_kg(above)
        grid = self.grid(info)
        return self.to_kg(round((math.floor(value / grid + _EPS) + 1) * grid, 2))

    def breakdown(self, kg: float, info: ExerciseInfo) -> tuple[float, ...] | None:
        """Plates per side (athlete's unit) for a barbell load; None for other equipment."""
        if info.equipment != "barbell":
            return None
        return plate_breakdown(self.to_units(kg), self.bar, self.plates)

    def fmt(self, kg: float) -> str:
        """A load as the athlete reads it: '62.5 kg', '135 lb'."""
        return f"{fmt_number(self.to_units(kg))} {self.units}"


_KG_KIT = Loader("kg", DEFAULT_BAR_KG, DEFAULT_PLATES_KG)
_LB_KIT = Loader("lb", DEFAULT_BAR_LB, DEFAULT_PLATES_LB)


def unit_roundings(kg: float, info: ExerciseInfo) -> tuple[float, float]:
    """`kg` rounded down (R9) by a kg athlete's and by a lb athlete's default kit.

    The fold replays history without knowing which unit the athlete used at the time:
    a load logged as either unit's rounding of the working load is that load (units are
    a display preference, SPEC §5).
    """
    return _KG_KIT.round_down(kg, info), _LB_KIT.round_down(kg, info)


def _kg_to_lb(kg: float) -> float:
    return round(kg / KG_PER_LB, 2)


def fmt_number(x: float) -> str:
    """32.5 → '32.5', 60.0 → '60', 1.25 → '1.25' (at most two decimals)."""
    text = f"{round(x, 2):.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"
