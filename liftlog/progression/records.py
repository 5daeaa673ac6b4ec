"""R12 e1RM and records, R11 left/right imbalance — for the history and records screens.

e1RM (Epley): w × (1 + r/30) for 2 ≤ r ≤ 10, w for a single, no estimate above 10
reps. Records per exercise: the heaviest load at each rep count, the best e1RM and the
best session volume (Σ weight × reps of work sets). Work, failure and drop sets all
count for records and volume (SPEC §1); warm-ups never do. Imbalance: (strong − weak)/strong
of the reps (or seconds) per side, flagged above 10% ([004] "identify an imbalance").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from .constants import E1RM_MAX_REPS, EPLEY_DIVISOR, IMBALANCE_FLAG
from .model import LoggedSet, Side

RECORD_KINDS = frozenset({"work", "failure", "drop"})  # SPEC §1: drop sets count for records


def e1rm(weight_kg: float, reps: int) -> float | None:
    """R12: Epley's estimated one-rep max; None above 10 reps or without reps or load."""
    if reps < 1 or reps > E1RM_MAX_REPS or weight_kg <= 0:
        return None
    if reps == 1:
        return weight_kg
    return weight_kg * (1 + reps / EPLEY_DIVISOR)


class Best(NamedTuple):
    """One record: the value and the set or session that made it."""

    value: float
    date: dt.date
    weight_kg: float = 0.0
    reps: int = 0


class Records(NamedTuple):
    """R12 records of one exercise (work, failure and drop sets)."""

    exercise: str
    heaviest_by_reps: Mapping[int, Best] = MappingProxyType({})  # reps → heaviest load
    best_e1rm: Best | None = None
    best_volume: Best | None = None  # value: kg × reps in one session


def records(sets: Iterable[LoggedSet], exercise: str | None = None) -> Records:
    """Records of one exercise (`exercise`, or the first set's exercise); others are ignored."""
    heaviest: dict[int, Best] = {}
    best: Best | None = None
    volume: dict[dt.date, float] = {}
    name = exercise
    for s in sets:
        if name is None:
            name = s.exercise
        if s.exercise != name or s.kind not in RECORD_KINDS or not s.reps:
            continue
        old = heaviest.get(s.reps)
        if old is None or s.weight_kg > old.value:
            heaviest[s.reps] = Best(s.weight_kg, s.session_date, s.weight_kg, s.reps)
        est = e1rm(s.weight_kg, s.reps)
        if est is not None and (best is None or est > best.value):
            best = Best(est, s.session_date, s.weight_kg, s.reps)
        volume[s.session_date] = volume.get(s.session_date, 0.0) + s.weight_kg * s.reps
    top = max(volume.items(), key=lambda kv: (kv[1], kv[0]), default=None)
    return Records(
        exercise=name or "",
        heaviest_by_reps=dict(sorted(heaviest.items())),
        best_e1rm=best,
        best_volume=None if top is None or top[1] <= 0 else Best(top[1], top[0]),
    )


def records_by_exercise(sets: Iterable[LoggedSet]) -> dict[str, Records]:
    """`records` for every exercise in `sets`."""
    grouped: dict[str, list[LoggedSet]] = {}
    for s in sets:
        grouped.setdefault(s.exercise, []).append(s)
    return {name: records(group, name) for name, group in grouped.items()}


class Imbalance(NamedTuple):
    """R11: the two sides' totals and how far apart they are."""

    left: int
    right: int
    weaker: Side
    ratio: float  # (strong − weak) / strong
    flagged: bool  # ratio above IMBALANCE_FLAG

    def describe(self) -> str:
        pct = round(self.ratio * 100)
        flag = (
            f" — above {round(IMBALANCE_FLAG * 100)}%, work the weaker side" if self.flagged else ""
        )
        return f"R11: left {self.left}, right {self.right}: {self.weaker} is {pct}% weaker{flag}."


def side_imbalance(left: int, right: int) -> Imbalance:
    """R11 from two totals; the weaker side is the one with fewer (left on a tie)."""
    weaker: Side = "L" if left <= right else "R"
    strong = max(left, right)
    ratio = 0.0 if strong == 0 else (strong - min(left, right)) / strong
    return Imbalance(left, right, weaker, ratio, ratio > IMBALANCE_FLAG + 1e-12)


def imbalance(sets: Iterable[LoggedSet]) -> Imbalance | None:
    """R11 over work sets logged per side (reps, or seconds if timed); None without both sides.

    Work and failure sets; drop sets never decide (SPEC §1), nor does the weaker side.
    """
    left = right = 0
    seen: set[str] = set()
    for s in sets:
        if s.kind not in ("work", "failure") or s.side is None:
            continue
        amount = s.reps if s.reps is not None else (s.seconds or 0)
        seen.add(s.side)
        if s.side == "L":
            left += amount
        else:
            right += amount
    if seen != {"L", "R"}:
        return None
    return side_imbalance(left, right)
