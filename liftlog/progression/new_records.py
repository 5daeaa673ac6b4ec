"""R12 records as they are set: is the set just logged a new best, and which one?

The gym floor announces a record the moment it is logged, and the session summary
lists the day's records; both walk the day's sets through `session_records`, so the
announcement and the summary never disagree. A set is measured against `Bests`: what
the other sessions of the exercise reached, updated by each earlier set of the day.

What counts (SPEC R12; work, failure and drop sets, never warm-ups):
- a loaded set: the heaviest load for its rep count — more than any set of at least
  as many reps ever lifted (a 5-rep set is not a record for being the first 5 under
  a heavier 8) —, the best e1RM (Epley, 1–10 reps) and the best session volume;
- a bodyweight set: the most reps in one set; a timed set: the longest hold.
A first session of an exercise has nothing to beat, so it sets no records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Literal, NamedTuple

from liftlog.units import Unit, format_weight, number_text

from .records import e1rm

#: The set kinds records count (SPEC §1: drop sets count for records; warm-ups never).
RECORD_KINDS = frozenset({"work", "failure", "drop"})

RecordKind = Literal["heaviest", "e1rm", "volume", "reps", "hold"]


class Bests(NamedTuple):
    """What the new sets are measured against (loads in kg)."""

    heaviest_by_reps: Mapping[int, float] = MappingProxyType({})  # reps → heaviest load
    most_seconds: int | None = None  # the longest hold
    best_volume_kg: float = 0.0  # the best volume of one other session
    any_history: bool = False  # False: nothing to beat yet

    def heaviest_for(self, reps: int) -> float | None:
        """The heaviest load lifted for at least `reps` reps, or None."""
        loads = [kg for r, kg in self.heaviest_by_reps.items() if r >= reps and kg > 0]
        return max(loads, default=None)

    def best_e1rm(self) -> float | None:
        """The best Epley estimate of any set (the heaviest at each count decides)."""
        found = [e1rm(kg, r) for r, kg in self.heaviest_by_reps.items()]
        return max((x for x in found if x is not None), default=None)

    def most_reps(self) -> int | None:
        """The most reps of one set at no load (bodyweight lifts)."""
        return max((r for r, kg in self.heaviest_by_reps.items() if kg <= 0), default=None)


class DaySet(NamedTuple):
    """One set of the day, as records read it."""

    kind: str
    weight_kg: float
    reps: int | None
    seconds: int | None


class NewRecord(NamedTuple):
    """One record a set set: which, the new value and the old one (None: the first)."""

    kind: RecordKind
    value: float  # kg, kg × reps (volume), reps or seconds
    previous: float | None
    reps: int | None = None  # the rep count of a `heaviest` record

    def describe(self, units: Unit) -> str:
        """`heaviest for 8 reps: 50 kg (was 47.5 kg)` — in the athlete's unit."""
        if self.kind in ("reps", "hold"):
            unit = " reps" if self.kind == "reps" else " s"
            what = "most reps in a set" if self.kind == "reps" else "longest hold"
            value = f"{number_text(self.value)}{unit}"
            was = None if self.previous is None else f"{number_text(self.previous)}{unit}"
        else:
            what = {
                "heaviest": f"heaviest for {self.reps} rep{'s' if self.reps != 1 else ''}",
                "e1rm": "best e1RM",
                "volume": "best session volume",
            }[self.kind]
            value = format_weight(self.value, units)
            was = None if self.previous is None else format_weight(self.previous, units)
        return f"{what}: {value}" + (f" (was {was})" if was else "")


def check_set(
    bests: Bests, done: DaySet, volume_before: float
) -> tuple[tuple[NewRecord, ...], Bests, float]:
    """The records `done` sets against `bests`, the bests after it, and the session's
    volume after it (`volume_before` is the volume of the day's earlier sets)."""
    if done.kind not in RECORD_KINDS:
        return (), bests, volume_before
    found: list[NewRecord] = []
    reps, kg = done.reps, done.weight_kg
    volume = volume_before + (kg * reps if reps and kg > 0 else 0.0)
    if bests.any_history:
        if reps and kg > 0:
            heaviest = bests.heaviest_for(reps)
            if heaviest is None or kg > heaviest + 1e-9:
                found.append(NewRecord("heaviest", kg, heaviest, reps))
            est, best = e1rm(kg, reps), bests.best_e1rm()
            if est is not None and best is not None and est > best + 1e-9:
                found.append(NewRecord("e1rm", est, best))
            top = bests.best_volume_kg
            if top > 0 and volume_before <= top + 1e-9 < volume:
                found.append(NewRecord("volume", volume, top))
        elif reps:
            most = bests.most_reps()
            if most is not None and reps > most:
                found.append(NewRecord("reps", reps, most))
        if done.seconds and bests.most_seconds is not None and done.seconds > bests.most_seconds:
            found.append(NewRecord("hold", done.seconds, bests.most_seconds))
    by_reps = dict(bests.heaviest_by_reps)
    if reps:
        by_reps[reps] = max(by_reps.get(reps, kg), kg)
    seconds = bests.most_seconds
    if done.seconds:
        seconds = max(seconds or 0, done.seconds)
    after = Bests(MappingProxyType(by_reps), seconds, bests.best_volume_kg, True)
    return tuple(found), after, volume


def session_records(bests: Bests, sets: Iterable[DaySet]) -> list[tuple[NewRecord, ...]]:
    """The records of each of the day's sets, in the order they were logged: each set
    is measured against the other sessions and the day's sets before it."""
    volume = 0.0
    found = []
    for done in sets:
        news, bests, volume = check_set(bests, done, volume)
        found.append(news)
    return found
