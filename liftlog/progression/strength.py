"""R1, R2–R5 and R8: the load decisions of a loaded lift, each with the words for it.

Every function returns a `Decision` written by the branch that decided, so the `why`
the athlete reads is the rule that applied. The calendar (R18, R20, R21), the ceilings
(R7, R6) and a lighter day (R16) may still change the load afterwards: adjust.py.
"""

from __future__ import annotations

from .constants import (
    BUILD_FAILS_BEFORE_DROP,
    BUILD_REPS,
    DEFAULT_RIR,
    EPLEY_DIVISOR,
    FAIL_FACTOR,
    FAIL_REPS,
    FAIL_SESSIONS,
    FORM_CLEAN_MIN_REPS,
    FORM_CLEAN_SESSIONS,
    INCREASE_FAST_DAYS,
    INCREASE_FAST_MIN_REPS,
    INCREASE_SLOW_DAYS,
    INCREASE_SLOW_MIN_REPS,
    INCREASE_SLOW_SESSIONS,
    R8_TARGET_REPS,
    R8_TARGET_RIR,
    RPE_GATE,
    RPE_MAX,
    STRENGTH_TARGET_RPE,
)
from .model import ExerciseInfo
from .plan import Decision, PlanContext
from .plates import Loader, fmt_number
from .state import LOAD_TOLERANCE_KG, ExerciseState, SessionFacts
from .words import plural


def up_one(loader: Loader, info: ExerciseInfo, current: float) -> float:
    """One increment up (R4/R2), rounded down (R9) but always above the current load."""
    load = loader.round_down(current + info.increment_kg, info)
    return load if load > current + LOAD_TOLERANCE_KG else loader.next_up(current, info)


def r5_due(recent: tuple[SessionFacts, ...]) -> bool:
    """R5: the last 2 sessions at the current load each had a work set under 5 reps."""
    fails = recent[-FAIL_SESSIONS:]
    return len(fails) >= FAIL_SESSIONS and all(f.min_amount < FAIL_REPS for f in fails)


def _easier(ctx: PlanContext) -> str:
    return f" An easier variation to try: {ctx.easier[0]}." if ctx.easier else ""


def form_decision(state: ExerciseState, ctx: PlanContext, start: float) -> Decision:
    """R1 at the start load; history is the truth: a heavier load already used is kept."""
    fmt = ctx.loader.fmt
    cur = state.load_kg
    load = cur if cur is not None and cur > start + LOAD_TOLERANCE_KG else start
    where = (
        f"the start load ({fmt(start)})"
        if load == start
        else f"{fmt(load)}, the load you used (start load {fmt(start)})"
    )
    return Decision(
        load,
        ("R1",),
        f"R1: learning the form at {where}: 2 × 10–12 — {state.form_clean} of "
        f"{FORM_CLEAN_SESSIONS} clean sessions (every set ≥ {FORM_CLEAN_MIN_REPS} reps) done.",
    )


def build_decision(
    state: ExerciseState, info: ExerciseInfo, ctx: PlanContext, start: float
) -> Decision:
    """R2 inside BUILD: add at 12s, hold under 10, one increment off after two misses."""
    fmt, loader = ctx.loader.fmt, ctx.loader
    cur = state.load_kg if state.load_kg is not None else start
    if state.phase_sessions == 0 or state.last is None:
        return Decision(
            up_one(loader, info, cur),
            ("R2",),
            "R2: form is learnt — BUILD (3 × 10–12) starts one step up",
            increase=True,
        )
    last, misses = state.last, state.recent[-BUILD_FAILS_BEFORE_DROP:]
    lo, hi = BUILD_REPS
    if last.min_amount >= hi:
        return Decision(
            up_one(loader, info, cur),
            ("R2",),
            f"R2: every set reached {hi} reps last session",
            increase=True,
        )
    if len(misses) >= BUILD_FAILS_BEFORE_DROP and all(f.min_amount < lo for f in misses):
        load = max(start, loader.round_down(cur - info.increment_kg, info))
        head = (
            f"R2: {BUILD_FAILS_BEFORE_DROP} sessions in a row at {fmt(cur)} with a set under "
            f"{lo} reps"
        )
        if load >= cur - LOAD_TOLERANCE_KG:
            return Decision(
                cur,
                ("R2",),
                f"{head} — {fmt(cur)} is the start load and can't go lower: same load."
                + _easier(ctx),
            )
        return Decision(load, ("R2",), f"{head} — one increment off: {fmt(load)}.")
    if last.min_amount < lo:
        return Decision(
            cur,
            ("R2",),
            f"R2: a set stopped at {last.min_amount} reps last session — same load, {fmt(cur)}.",
        )
    return Decision(
        cur,
        ("R2",),
        f"R2: {last.min_amount}–{last.max_amount} reps at {fmt(cur)} — same load until every "
        f"set reaches {hi}.",
    )


def entry_decision(state: ExerciseState, info: ExerciseInfo, ctx: PlanContext) -> Decision:
    """R8: the first STRENGTH load from the last BUILD session (Epley), never below it."""
    fmt, loader = ctx.loader.fmt, ctx.loader
    bl = state.build_last
    cur = state.load_kg
    if bl is None:
        load = cur if cur is not None else loader.minimum(info)
        return Decision(
            load,
            ("R3",),
            f"R3: STRENGTH starts at your current load, {fmt(load)} (no BUILD session to "
            "estimate from).",
        )
    rir = DEFAULT_RIR if bl.rpe_at_min is None else max(0.0, RPE_MAX - bl.rpe_at_min)
    e1rm = bl.load_kg * (1 + (bl.min_amount + rir) / EPLEY_DIVISOR)
    target = e1rm / (1 + (R8_TARGET_REPS + R8_TARGET_RIR) / EPLEY_DIVISOR)
    load = max(loader.round_down(target, info), loader.round_down(bl.load_kg, info))
    rir_text = "RIR 2 assumed" if bl.rpe_at_min is None else f"RPE {fmt_number(bl.rpe_at_min)}"
    reason = (
        f"R8: from your last BUILD session ({fmt(bl.load_kg)} × {bl.min_amount}, {rir_text}) "
        f"the e1RM is {e1rm:.1f} kg; sets of 5–8, the last 2–3 reps tough "
        f"(RPE {fmt_number(STRENGTH_TARGET_RPE[0])}–{fmt_number(STRENGTH_TARGET_RPE[1])})"
    )
    if cur is not None and load > cur + LOAD_TOLERANCE_KG:
        return Decision(load, ("R3", "R8"), reason, increase=True)
    return Decision(load, ("R3", "R8"), f"{reason}: {fmt(load)}.")


def strength_decision(
    state: ExerciseState, info: ExerciseInfo, ctx: PlanContext, start: float
) -> Decision:
    """R4 increase / R5 failure / hold, for a lift already in STRENGTH."""
    fmt, loader = ctx.loader.fmt, ctx.loader
    cur = state.load_kg if state.load_kg is not None else start
    last, recent = state.last, state.recent
    if last is None or state.load_since is None:
        return Decision(cur, ("R3",), f"R3: STRENGTH at {fmt(cur)}.")
    days = (ctx.date - state.load_since).days
    if r5_due(recent):
        load = loader.round_down(cur * FAIL_FACTOR, info)
        head = (
            f"R5: {FAIL_SESSIONS} sessions in a row at {fmt(cur)} with a work set under "
            f"{FAIL_REPS} reps"
        )
        if load >= cur - LOAD_TOLERANCE_KG:  # the start load: nothing lighter to go to
            return Decision(
                cur,
                ("R5",),
                f"{head} — {fmt(cur)} is the start load and can't go lower: same load, and "
                f"the {INCREASE_FAST_DAYS}-day clock restarts." + _easier(ctx),
            )
        return Decision(
            load,
            ("R5",),
            f"{head} — back to 90%: {fmt(load)}. The {INCREASE_FAST_DAYS}-day clock restarts.",
        )
    slow = recent[-INCREASE_SLOW_SESSIONS:]
    if days >= INCREASE_FAST_DAYS and last.min_amount >= INCREASE_FAST_MIN_REPS:
        reason = (
            f"R4: {plural(days, 'day')} since the last load change and every work set reached "
            f"{INCREASE_FAST_MIN_REPS} reps"
        )
    elif (
        days >= INCREASE_SLOW_DAYS
        and len(slow) >= INCREASE_SLOW_SESSIONS
        and all(f.min_amount >= INCREASE_SLOW_MIN_REPS for f in slow)
    ):
        reason = (
            f"R4: {plural(days, 'day')} since the last load change and the last "
            f"{INCREASE_SLOW_SESSIONS} sessions had every work set at {INCREASE_SLOW_MIN_REPS}+ "
            "reps"
        )
    else:
        return Decision(cur, ("R4",), _hold_text(days, cur, last, ctx))
    if last.max_rpe is not None and last.max_rpe >= RPE_GATE:
        return Decision(
            cur,
            ("R4",),
            f"{reason}, but a work set was at RPE {fmt_number(last.max_rpe)} last session — "
            f"same load, {fmt(cur)} (no increase at RPE {fmt_number(RPE_GATE)}+; the clock "
            "keeps running).",
        )
    return Decision(up_one(loader, info, cur), ("R4",), reason, increase=True)


def _hold_text(days: int, cur: float, last: SessionFacts, ctx: PlanContext) -> str:
    if days < INCREASE_FAST_DAYS:
        need = (
            f"more load after {INCREASE_FAST_DAYS} days if every work set reaches "
            f"{INCREASE_FAST_MIN_REPS} reps"
        )
    elif days < INCREASE_SLOW_DAYS:
        need = (
            f"more load once every work set reaches {INCREASE_FAST_MIN_REPS} reps "
            f"(fewest last time: {last.min_amount})"
        )
    else:
        need = (
            f"more load once every work set reaches {INCREASE_FAST_MIN_REPS} reps, or "
            f"{INCREASE_SLOW_MIN_REPS}+ in {INCREASE_SLOW_SESSIONS} sessions in a row"
        )
    return f"R4: {plural(days, 'day')} at {ctx.loader.fmt(cur)} — same load; {need}."
