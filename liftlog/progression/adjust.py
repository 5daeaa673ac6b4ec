"""What may still change a loaded lift's decision: the calendar, then the ceilings.

In order: R18 (first session after an A race), R20 (a layoff), R21 (first session after a
B race) — the calendar rules, which never stack — then R7 (a single-leg variant stays at
most 50% of its bilateral lift) and R6 (the bodyweight cap, MAINTAIN). A rule that
cancels an increase replaces its words: the why never announces a change that did not
happen (SPEC §2), and `rules` keeps only the rules that shaped the numbers.
"""

from __future__ import annotations

from .constants import (
    IMPLEMENTS_PER_PAIR,
    LAYOFF_HOLD_DAYS,
    LAYOFF_STEPS,
    RECOVERY_FACTOR,
    SINGLE_LEG_FACTOR,
)
from .model import ExerciseInfo
from .plan import Decision, PlanContext
from .plates import fmt_number
from .state import LOAD_TOLERANCE_KG, ExerciseState, StatePhase, counts_as
from .words import percent, plural


def calendar(
    decision: Decision,
    state: ExerciseState,
    info: ExerciseInfo,
    ctx: PlanContext,
    start: float,
    away: int | None,
) -> Decision:
    """R18, else R20, else R21: the first session after a race or a layoff."""
    cur = state.load_kg
    if cur is None:
        return decision
    fmt = ctx.loader.fmt

    def lowered(factor: float) -> float:
        return max(start, ctx.loader.round_down(cur * factor, info))

    for race in ctx.a_races:  # R18 sets the first session after an A race; R20 adds nothing
        if (state.last_normal is None or race.date > state.last_normal) and race.date < ctx.date:
            load = lowered(RECOVERY_FACTOR)
            head = f"R18: first session after {race.name}"
            if load < cur - LOAD_TOLERANCE_KG and load < decision.load_kg + LOAD_TOLERANCE_KG:
                share = percent(RECOVERY_FACTOR)
                why = f"{head} — {share} of your pre-taper load {fmt(cur)}: {fmt(load)}."
                return Decision(load, ("R18",), why)
            if decision.increase:
                return Decision(cur, ("R18",), f"{head} — no increase: {fmt(cur)}.")
            return decision
    if away is not None:
        for days, factor in LAYOFF_STEPS:
            if away >= days:
                load = lowered(factor)
                head = f"R20: {plural(away, 'day')} away from {info.name}"
                if load < cur - LOAD_TOLERANCE_KG:
                    return Decision(
                        load,
                        ("R20",),
                        f"{head} — {round(factor * 100)}% of your last working load "
                        f"{fmt(cur)}: {fmt(load)}. The R2/R4 clocks count from today.",
                    )
                break
        if away >= LAYOFF_HOLD_DAYS and decision.increase:
            return Decision(
                cur,
                ("R20",),
                f"R20: first session after {plural(away, 'day')} away — same load, {fmt(cur)} "
                "(no increase); the R2/R4 clocks count from today.",
            )
    if decision.increase and state.last_date is not None:
        for race in ctx.races:
            if race.priority == "B" and state.last_date <= race.date < ctx.date:
                return Decision(
                    cur,
                    ("R21",),
                    f"R21: first session after {race.name} (B) — same load, {fmt(cur)} "
                    "(no increase).",
                )
    return decision


def single_leg_ceiling(
    decision: Decision, state: ExerciseState, info: ExerciseInfo, ctx: PlanContext
) -> Decision:
    """R7: while the bilateral lift is in STRENGTH (or MAINTAIN), at most 50% of its load."""
    parent = ctx.parent
    if (
        info.single_leg_of is None
        or parent is None
        or parent.phase != "STRENGTH"
        or parent.load_kg is None
    ):
        return decision
    fmt, loader = ctx.loader.fmt, ctx.loader
    total = parent.load_kg * SINGLE_LEG_FACTOR
    pair = info.equipment in ("dumbbell", "kettlebell")
    ceiling = max(
        loader.minimum(info),
        loader.round_down(total / IMPLEMENTS_PER_PAIR if pair else total, info),
    )
    if decision.load_kg <= ceiling + LOAD_TOLERANCE_KG:
        return decision
    held = f"a pair of {fmt(ceiling)} {info.equipment}s" if pair else fmt(ceiling)
    why = (
        f"R7: at most {round(SINGLE_LEG_FACTOR * 100)}% of {info.single_leg_of}'s working load "
        f"{fmt(parent.load_kg)}, {fmt(total)} → {held}"
    )
    cur = state.load_kg
    if decision.increase and cur is not None and ceiling > cur + LOAD_TOLERANCE_KG:
        return decision._replace(load_kg=ceiling, rules=(*decision.rules, "R7"), note=f"({why})")
    return Decision(ceiling, ("R7",), f"{why}: {fmt(ceiling)}.")


def bodyweight_cap(
    decision: Decision,
    phase: StatePhase,
    state: ExerciseState,
    info: ExerciseInfo,
    ctx: PlanContext,
) -> tuple[Decision, bool, str | None]:
    """R6: (decision, at the cap → MAINTAIN, a note that changed nothing)."""
    if info.cap_ratio is None:
        return decision, False, None
    fmt, loader = ctx.loader.fmt, ctx.loader
    ratio = fmt_number(info.cap_ratio)
    if ctx.bodyweight_kg is None:
        return (
            decision,
            False,
            f"R6: no bodyweight logged, so no cap applied — log it to stop adding load at "
            f"{ratio} × bodyweight.",
        )
    raw = info.cap_ratio * ctx.bodyweight_kg
    cap = loader.round_down(raw, info)
    cap_text = f"{ratio} × {fmt(ctx.bodyweight_kg)} bodyweight → {fmt(cap)}"
    cur = state.load_kg
    lowering = cur is not None and decision.load_kg < cur - LOAD_TOLERANCE_KG
    if (
        phase == "STRENGTH"
        and cur is not None
        and not lowering
        and (cur >= raw - LOAD_TOLERANCE_KG or counts_as(cur, raw, info))
    ):
        load = loader.round_down(min(cur, raw), info)
        if cur > raw + LOAD_TOLERANCE_KG and load < cur - LOAD_TOLERANCE_KG:
            text = (
                f"R6: your load {fmt(cur)} is past the cap ({cap_text}) — back to the cap "
                "and hold it."
            )
        else:
            text = f"R6: at the cap ({cap_text}) — MAINTAIN: same load, 3 × 5–8."
        return Decision(load, ("R6",), text), True, None
    if decision.load_kg <= cap + LOAD_TOLERANCE_KG:
        return decision, False, None
    if decision.increase and cur is not None and cap > cur + LOAD_TOLERANCE_KG:
        trimmed = decision._replace(
            load_kg=cap, rules=(*decision.rules, "R6"), note=f"(R6: capped at {cap_text})"
        )
        return trimmed, False, None
    return Decision(cap, ("R6",), f"R6: capped at {cap_text}: {fmt(cap)}."), False, None
