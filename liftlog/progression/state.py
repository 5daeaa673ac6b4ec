"""The per-exercise state the phase machine folds over sessions.

`ExerciseState` holds *facts* about an exercise's history — the current working load and
since when, the last sessions at that load, how far the phase has come — never a
decision: what to lift next is decided from these facts and the date (loaded.py,
bodyweight.py). That keeps the fold incremental: the store may cache a state at a date
(`to_dict`/`from_dict` give plain JSON) and fold only the sessions after it, and a full
replay gives the same state.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal, NamedTuple

from .constants import (
    BUILD_FAILS_BEFORE_DROP,
    DEFAULT_BAR_KG,
    FAIL_SESSIONS,
    FAILURE_RPE,
    INCREASE_SLOW_SESSIONS,
)
from .model import ExerciseInfo, LoggedSet
from .plates import unit_roundings

ExercisePhase = Literal["FORM", "BUILD", "STRENGTH", "MAINTAIN", "BODYWEIGHT"]
# MAINTAIN is never stored: it is STRENGTH at the cap, which depends on today's bodyweight.
StatePhase = Literal["FORM", "BUILD", "STRENGTH", "BODYWEIGHT"]

LOAD_TOLERANCE_KG = 0.05  # loads closer than this are the same load (lb↔kg noise)
RECENT_KEEP = max(BUILD_FAILS_BEFORE_DROP, FAIL_SESSIONS, INCREASE_SLOW_SESSIONS)


def same_load(a: float, b: float) -> bool:
    return abs(a - b) < LOAD_TOLERANCE_KG


def counts_as(logged: float, current: float, info: ExerciseInfo) -> bool:
    """A session logged at `logged` was at the working load `current` (unit-free).

    Either the same load, or `current` as a kg or a lb kit rounds it down (R9): an
    athlete who switched units and lifted what the rules prescribed is at the same load,
    so the R4 clock does not restart (SPEC §5: units are a display preference).
    """
    if same_load(logged, current):
        return True
    if logged > current:
        return False
    return any(same_load(logged, r) for r in unit_roundings(current, info))


def fold_start_kg(info: ExerciseInfo) -> float:
    """The start load as the fold sees it: from the catalog only, never from the athlete's
    unit or kit (a replay must not change when the athlete switches kg ↔ lb)."""
    if info.equipment == "bodyweight":
        return 0.0
    if info.equipment == "barbell":
        return DEFAULT_BAR_KG
    if info.start_load_kg is not None:
        return max(0.0, info.start_load_kg)
    return info.increment_kg


def at_start_load(load: float, info: ExerciseInfo) -> bool:
    """R1's "at the start load", unit-free: a barbell is never lighter than its empty bar;
    other lifts count from the catalog's start load as a kg or a lb rack rounds it."""
    if info.equipment in ("barbell", "bodyweight"):
        return True
    start = fold_start_kg(info)
    return start <= 0 or load >= min(unit_roundings(start, info)) - LOAD_TOLERANCE_KG


def is_bodyweight(info: ExerciseInfo) -> bool:
    """R10 applies: no external load to progress (bodyweight, band) or a timed hold."""
    return info.equipment in ("bodyweight", "band") or info.measure == "seconds"


class SessionFacts(NamedTuple):
    """What one session of one exercise showed (work sets only)."""

    date: dt.date
    load_kg: float  # the working load: the most used work weight (ties: the heavier)
    sets: int  # work sets at the working load
    min_amount: int  # fewest reps (seconds for timed) among work sets at the working load
    max_amount: int
    rpe_at_min: float | None  # RPE of the set with the fewest reps, if logged
    left: int | None = None  # total reps (or seconds) per side, when sides were logged
    right: int | None = None
    max_rpe: float | None = None  # the hardest RPE among the work sets at the load (R4 gate)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "load_kg": self.load_kg,
            "sets": self.sets,
            "min_amount": self.min_amount,
            "max_amount": self.max_amount,
            "rpe_at_min": self.rpe_at_min,
            "left": self.left,
            "right": self.right,
            "max_rpe": self.max_rpe,
        }

    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> SessionFacts:
        return SessionFacts(
            date=dt.date.fromisoformat(d["date"]),
            load_kg=float(d["load_kg"]),
            sets=int(d["sets"]),
            min_amount=int(d["min_amount"]),
            max_amount=int(d["max_amount"]),
            rpe_at_min=None if d.get("rpe_at_min") is None else float(d["rpe_at_min"]),
            left=None if d.get("left") is None else int(d["left"]),
            right=None if d.get("right") is None else int(d["right"]),
            max_rpe=None if d.get("max_rpe") is None else float(d["max_rpe"]),
        )


def _amount(s: LoggedSet, timed: bool) -> int | None:
    if timed:
        return s.seconds if s.seconds is not None else s.reps
    return s.reps


def _rpe(s: LoggedSet) -> float | None:
    """SPEC §1: a failure set is at RPE 10 unless another RPE is logged."""
    if s.rpe is None and s.kind == "failure":
        return FAILURE_RPE
    return s.rpe


def summarise(sets: Iterable[LoggedSet], info: ExerciseInfo) -> SessionFacts | None:
    """The facts of one session of one exercise; None when it has no usable work set.

    Work sets are `work` and `failure` sets; `drop` sets (and warm-ups) never decide.
    History is the truth: when work sets were done at different weights, the working
    load is the weight most sets used (ties: the heavier) and only those sets decide
    whether the session "met" its reps; back-off or test sets at other weights are
    ignored by the progression (they still count in records).
    """
    timed = info.measure == "seconds"
    work: list[tuple[LoggedSet, int]] = []
    for s in sets:
        if s.kind == "work" or s.kind == "failure":
            amount = _amount(s, timed)
            if amount is not None and amount > 0:
                work.append((s, amount))
    if not work:
        return None
    first = work[0][0].weight_kg
    if all(s.weight_kg == first for s, _ in work):  # the usual session: one weight
        load, at_load = first, work
    else:
        counts = Counter(round(s.weight_kg, 2) for s, _ in work)
        load = max(counts, key=lambda w: (counts[w], w))
        at_load = [(s, a) for s, a in work if same_load(s.weight_kg, load)]
    amounts = [a for _, a in at_load]
    low = min(amounts)
    rpes = [r for s, a in at_load if a == low and (r := _rpe(s)) is not None]
    every_rpe = [r for s, _ in at_load if (r := _rpe(s)) is not None]
    left = [a for s, a in work if s.side == "L"]
    right = [a for s, a in work if s.side == "R"]
    return SessionFacts(
        date=work[0][0].session_date,
        load_kg=float(load),
        sets=len(at_load),
        min_amount=low,
        max_amount=max(amounts),
        rpe_at_min=max(rpes) if rpes else None,
        left=sum(left) if left else None,
        right=sum(right) if right else None,
        max_rpe=max(every_rpe) if every_rpe else None,
    )


class ExerciseState(NamedTuple):
    """Facts about one exercise's history as of the last folded session."""

    exercise: str
    phase: StatePhase = "FORM"
    sessions: int = 0  # normal (not taper-light) sessions folded, ever
    last_date: dt.date | None = None  # last session of any kind
    last_normal: dt.date | None = None  # last session that counted for progression
    load_kg: float | None = None  # current working load (None: never lifted)
    load_since: dt.date | None = None  # first session at the current load (R4 "last change")
    recent: tuple[SessionFacts, ...] = ()  # last sessions AT the current load, oldest first
    form_clean: int = 0  # R1 clean sessions
    phase_since: dt.date | None = None  # first session in the current phase
    phase_sessions: int = 0
    build_last: SessionFacts | None = None  # the last BUILD session (R8)
    target: int | None = None  # R10: reps (or seconds) to prescribe next
    top_sessions: int = 0  # R10: sessions in a row at the top of the range
    last_met: bool = False  # R10: the last session reached its target on every set
    # R11: (left, right) totals of the last session logged per side, light ones included
    last_sides: tuple[int, int] | None = None

    @property
    def last(self) -> SessionFacts | None:
        return self.recent[-1] if self.recent else None

    def with_light_session(self, facts: SessionFacts) -> ExerciseState:
        """A taper/B-race session: keeps the lift fresh (R20) and its sides (R11), no more."""
        return self._replace(last_date=facts.date, last_sides=sides_of(facts, self.last_sides))

    def to_dict(self) -> dict[str, Any]:
        def iso(d: dt.date | None) -> str | None:
            return None if d is None else d.isoformat()

        return {
            "exercise": self.exercise,
            "phase": self.phase,
            "sessions": self.sessions,
            "last_date": iso(self.last_date),
            "last_normal": iso(self.last_normal),
            "load_kg": self.load_kg,
            "load_since": iso(self.load_since),
            "recent": [f.to_dict() for f in self.recent],
            "form_clean": self.form_clean,
            "phase_since": iso(self.phase_since),
            "phase_sessions": self.phase_sessions,
            "build_last": None if self.build_last is None else self.build_last.to_dict(),
            "target": self.target,
            "top_sessions": self.top_sessions,
            "last_met": self.last_met,
            "last_sides": None if self.last_sides is None else list(self.last_sides),
        }

    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> ExerciseState:
        def date(v: Any) -> dt.date | None:
            return None if v is None else dt.date.fromisoformat(v)

        phase = d["phase"]
        if phase not in ("FORM", "BUILD", "STRENGTH", "BODYWEIGHT"):
            raise ValueError(f"unknown phase {phase!r}")
        build_last = d.get("build_last")
        sides = d.get("last_sides")
        return ExerciseState(
            exercise=str(d["exercise"]),
            phase=phase,
            sessions=int(d["sessions"]),
            last_date=date(d.get("last_date")),
            last_normal=date(d.get("last_normal")),
            load_kg=None if d.get("load_kg") is None else float(d["load_kg"]),
            load_since=date(d.get("load_since")),
            recent=tuple(SessionFacts.from_dict(f) for f in d.get("recent", ())),
            form_clean=int(d.get("form_clean", 0)),
            phase_since=date(d.get("phase_since")),
            phase_sessions=int(d.get("phase_sessions", 0)),
            build_last=None if build_last is None else SessionFacts.from_dict(build_last),
            target=None if d.get("target") is None else int(d["target"]),
            top_sessions=int(d.get("top_sessions", 0)),
            last_met=bool(d.get("last_met", False)),
            last_sides=None if sides is None else (int(sides[0]), int(sides[1])),
        )


def sides_of(facts: SessionFacts, old: tuple[int, int] | None) -> tuple[int, int] | None:
    """R11: the session's per-side totals when both sides were logged, else the old ones."""
    if facts.left is not None and facts.right is not None:
        return facts.left, facts.right
    return old


def initial_state(info: ExerciseInfo) -> ExerciseState:
    """A lift never done: FORM for loaded lifts, BODYWEIGHT for R10 exercises."""
    return ExerciseState(info.name, "BODYWEIGHT" if is_bodyweight(info) else "FORM")
