"""R16 and a B race's D−10…D−5: a lighter session, whatever the lift's own rules decided.

90% of the current work load (rounded down, R9) and never an increase: a load increase
the lift's rules decided is cancelled with its words and rules, so the why says only
what is prescribed. One set fewer than the season gives (at least 2) with reps at the
bottom of the phase's range — except timed holds, which keep the hold and lose the set
(issue 13: a 60 s plank is not cut to 20 s), and plyometrics, whose volume (sets × reps
or seconds) is halved [Bosquet 2007: cut volume, keep frequency].
"""

from __future__ import annotations

import math

from .constants import PLYOMETRIC_LIGHT_SHARE, TAPER_FACTOR, TAPER_MIN_SETS
from .model import ExerciseInfo
from .plan import Plan
from .plates import Loader
from .state import LOAD_TOLERANCE_KG, is_bodyweight
from .words import percent


def split_volume(total: int, sets: int) -> tuple[int, ...]:
    """`total` reps (or seconds) over at most `sets` sets, as even as can be, larger first."""
    sets = max(1, min(sets, total))
    base, extra = divmod(total, sets)
    return tuple(base + 1 if i < extra else base for i in range(sets))


def lighten(plan: Plan, info: ExerciseInfo, cause: str, loader: Loader) -> Plan:
    """The lighter version of `plan`; `cause` says why (the taper, a B race)."""
    why, rules = plan.why, plan.rules
    keep = 1  # the decision stays first, then R16, then the notes
    if plan.increase:  # R16: no load increases — the increase and its words go
        why, keep = why[1:], 0
        rules = tuple(r for r in rules if r not in plan.increase_rules)
    timed = info.measure == "seconds"
    unit = " s" if timed else " reps"
    per_set: tuple[int, ...] | None = None
    amount = plan.amount
    if info.category == "plyometric":
        total = plan.sets * plan.amount[1]
        per_set = split_volume(max(1, math.floor(total * PLYOMETRIC_LIGHT_SHARE + 0.5)), plan.sets)
        sets = len(per_set)
        kept = " + ".join(str(a) for a in per_set) if len(set(per_set)) > 1 else None
        shape = f"{sets} × {per_set[0]}{unit}" if kept is None else f"{kept}{unit}"
        volume = (
            f"plyometric volume halved: {shape} instead of {plan.sets} × {plan.amount[1]}{unit}"
        )
        amount = (per_set[0], per_set[0])
    elif timed:
        sets = max(TAPER_MIN_SETS, plan.sets - 1)
        volume = f"one set fewer, the same {plan.amount[1]} s hold"
    else:
        sets = max(TAPER_MIN_SETS, plan.sets - 1)
        lo = plan.amount[0] if plan.bottom is None else plan.bottom
        amount = (lo, lo)
        volume = f"one set fewer, {lo} reps each"
    load, load_text = plan.load_kg, ""
    if plan.load_kg > 0 and not is_bodyweight(info):
        cur = plan.current_kg
        base = plan.load_kg if cur is None else min(plan.load_kg, cur)
        load = max(loader.minimum(info), loader.round_down(base * TAPER_FACTOR, info))
        if load < base - LOAD_TOLERANCE_KG:
            load_text = f"{percent(TAPER_FACTOR)} of {loader.fmt(base)} → {loader.fmt(load)}, "
            rules = (*rules, "R9") if "R9" not in rules else rules
        else:
            load = base
    text = f"R16: {cause} — lighter: {load_text}{sets} sets ({volume}), no load increases."
    return plan._replace(
        load_kg=load,
        sets=sets,
        amount=amount,
        rules=tuple(dict.fromkeys((*rules, "R16"))),
        why=(*why[:keep], text, *why[keep:]),
        suggestion=None,
        increase=False,
        increase_rules=(),
        per_set=per_set,
    )
