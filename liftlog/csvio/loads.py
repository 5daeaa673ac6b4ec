"""Telling kilograms from pounds by a file's barbell loads (Strong's comma form, old
Fitbod: files that name no unit). Pure: loads in, a unit and the reason out.

The test, over every barbell set of the file (a lift whose name says barbell, or one
of the classic barbell lifts named bare):

1. **Kilograms for sure**: a load no 45-lb bar with pound plates makes — below 45, or
   not a multiple of 5 (20, 40, 62.5, 57.5). More than `HARD_KG_SHARE` of the sets
   like that: kilograms.
2. **Pounds**: every load could be pounds, and they are simpler as pounds — fewer
   plates a side on a 45-lb bar with 45/35/25/10/5/2.5-lb plates than on a 20-kg bar
   with 25/20/15/10/5/2.5/1.25-kg plates (135 is one 45 a side, but 25+25+5+2.5 kg),
   by at least `LB_PLATE_MARGIN` plates a set on average over at least
   `MIN_SETS` sets, and at least `LB_CLASSIC_SHARE` of the sets sit on the classic
   plate-loaded pound loads (the bar plus pairs of 45s, maybe a pair of 25s: 95, 135,
   185, 225, 275, 315 …).
3. Otherwise the loads do not tell: the caller uses the athlete's own unit.

Why these numbers (our choice): on simulated histories (1–4 barbell lifts, 1–20
sessions, warm-ups or none, the steps people use) the test read pounds for about 3 in
4 pound files and read about 1 kg file in 100 as pounds — kg files whose every load
is a multiple of 5 from 45 up, with no bar or light warm-up sets, which look exactly
like pound files. `--units` decides when the guess is wrong, and the summary says
which unit was read and why.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from liftlog.names import equipment_from_name, normalise
from liftlog.units import Unit

HARD_KG_SHARE = 0.05
LB_PLATE_MARGIN = 0.5
LB_CLASSIC_SHARE = 0.10
MIN_SETS = 5

_PLATES: dict[Unit, tuple[float, ...]] = {
    "kg": (25, 20, 15, 10, 5, 2.5, 1.25),
    "lb": (45, 35, 25, 10, 5, 2.5),
}
_BAR: dict[Unit, float] = {"kg": 20.0, "lb": 45.0}
#: Plates a side charged for a load a unit cannot make at all.
_UNMAKEABLE = 4
#: The bar plus pairs of 45s, and that plus a pair of 25s.
CLASSIC_POUND_LOADS = frozenset(45 + 90 * a + 50 * b for a in range(8) for b in (0, 1))
#: Lifts that are barbell lifts even when their name does not say so.
_BARE_BARBELL_LIFTS = frozenset(
    {
        "squat",
        "back squat",
        "front squat",
        "deadlift",
        "sumo deadlift",
        "romanian deadlift",
        "bench press",
        "overhead press",
        "military press",
        "barbell row",
        "bent over row",
        "hip thrust",
        "power clean",
    }
)


@functools.lru_cache(maxsize=4096)  # asked for every row of a file
def is_barbell_lift(name: str) -> bool:
    """A name whose loads are a barbell's: it says barbell, or it is a classic
    barbell lift named bare (`Deadlift`, `Bench Press`)."""
    equipment = equipment_from_name(name)
    if equipment is not None:
        return equipment == "barbell"
    return normalise(name) in _BARE_BARBELL_LIFTS


@functools.lru_cache(maxsize=4096)
def plates_per_side(load: float, unit: Unit) -> int | None:
    """The fewest plates a side that make `load` on the unit's standard bar, or None
    when that bar and those plates cannot make it."""
    step = _PLATES[unit][-1]
    side = (load - _BAR[unit]) / 2
    count = round(side / step)
    if side < 0 or abs(count * step - side) > 1e-6 or count > 4000:
        return None
    sizes = [round(p / step) for p in _PLATES[unit]]
    best = [0] + [count + 1] * count
    for i in range(1, count + 1):
        best[i] = min((best[i - s] + 1 for s in sizes if s <= i), default=count + 1)
    return best[count]


def _cost(load: float, unit: Unit) -> int:
    plates = plates_per_side(load, unit)
    return _UNMAKEABLE if plates is None else min(plates, _UNMAKEABLE)


def _pound_loadable(load: float) -> bool:
    return load >= 45 and abs(load / 5 - round(load / 5)) < 1e-9


def _listed(loads: list[float]) -> str:
    texts = [f"{x:g}" for x in loads]
    return ", ".join(texts[:-1]) + " and " + texts[-1] if len(texts) > 1 else texts[0]


@dataclass(frozen=True, slots=True)
class UnitGuess:
    """The unit the loads show (None: they do not tell) and why, as a clause."""

    unit: Unit | None
    why: str


def guess_unit(loads: Counter[float]) -> UnitGuess:
    """The unit of a file's barbell loads (load → sets at it; 0 is ignored)."""
    loads = Counter({x: n for x, n in loads.items() if x > 0 and n > 0})
    sets = sum(loads.values())
    if sets == 0:
        return UnitGuess(None, "it has no barbell loads to tell kilograms from pounds by")
    hard = Counter({x: n for x, n in loads.items() if not _pound_loadable(x)})
    if sum(hard.values()) > HARD_KG_SHARE * sets:
        shown = _listed([x for x, _ in hard.most_common(3)])
        return UnitGuess(
            "kg", f"barbell loads like {shown} are not made with pound plates on a 45-lb bar"
        )
    lb_plates = sum(_cost(x, "lb") * n for x, n in loads.items()) / sets
    kg_plates = sum(_cost(x, "kg") * n for x, n in loads.items()) / sets
    classic = Counter({x: n for x, n in loads.items() if x in CLASSIC_POUND_LOADS})
    if (
        sets >= MIN_SETS
        and kg_plates - lb_plates >= LB_PLATE_MARGIN
        and sum(classic.values()) >= LB_CLASSIC_SHARE * sets
    ):
        shown = _listed(sorted(x for x, _ in classic.most_common(3)))
        return UnitGuess(
            "lb",
            f"barbell loads like {shown} are plate-loaded pounds"
            f" ({lb_plates:.1f} plates a side as pounds, {kg_plates:.1f} as kilograms)",
        )
    return UnitGuess(None, "its barbell loads do not tell kilograms from pounds")
