"""R13: warm-up sets before the work sets.

STRENGTH and MAINTAIN ramp 8-6-4-2 reps at 40/60/75/85% of the work load ([004] "sets
of 8-6-4-2 leading to your desired work weight"), rounded down (R9), never below the
bar; a step that rounds to the same load as the one before is dropped, and so is one
at or above the work load (except the first: an easy set at the bar is still a warm-up).
FORM and BUILD: one easy set of 8 at 50% ([001] "First do one set as warm-up with a
weight that is easy to handle"). Bodyweight and plyometric exercises: none.
"""

from __future__ import annotations

from typing import NamedTuple

from .constants import WARMUP_EASY, WARMUP_RAMP
from .model import ExerciseInfo
from .plates import Loader
from .state import LOAD_TOLERANCE_KG, ExercisePhase, is_bodyweight


class WarmupSet(NamedTuple):
    reps: int
    weight_kg: float


def warmup(
    phase: ExercisePhase, work_kg: float, info: ExerciseInfo, loader: Loader
) -> tuple[WarmupSet, ...]:
    """The warm-up for one exercise (R13)."""
    if phase == "BODYWEIGHT" or is_bodyweight(info) or info.category == "plyometric":
        return ()
    if work_kg <= 0:  # no weight yet (start load 0): nothing lighter to warm up with
        return ()
    steps = WARMUP_RAMP if phase in ("STRENGTH", "MAINTAIN") else (WARMUP_EASY,)
    floor = loader.minimum(info)
    out: list[WarmupSet] = []
    for reps, share in steps:
        kg = max(floor, loader.round_down(work_kg * share, info))
        if out and (
            abs(kg - out[-1].weight_kg) < LOAD_TOLERANCE_KG or kg >= work_kg - LOAD_TOLERANCE_KG
        ):
            continue
        out.append(WarmupSet(reps, kg))
    return tuple(out)
