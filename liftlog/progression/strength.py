"""R3–R6 and R8: loads in STRENGTH — the first one (Epley), increases, failures, the cap.

Each function returns the load and the reason in plain words, written by the branch
that decided, so the `why` the athlete reads is the rule that applied.
"""

from __future__ import annotations

from .constants import (
    DEFAULT_RIR,
    EPLEY_DIVISOR,
    FAIL_FACTOR,
    FAIL_REPS,
    FAIL_SESSIONS,
    INCREASE_FAST_DAYS,
    INCREASE_FAST_MIN_REPS,
    INCREASE_SLOW_DAYS,
    INCREASE_SLOW_MIN_REPS,
    INCREASE_SLOW_SESSIONS,
    R8_TARGET_REPS,
    R8_TARGET_RIR,
    RPE_MAX,
    STRENGTH_TARGET_RPE,
)
from .model import ExerciseInfo
from .plan import PlanContext, start_load
from .plates import Loader, fmt_number
from .state import (
    LOAD_TOLERANCE_KG,
    ExerciseState,
    StatePhase,
)


def up_one(loader: Loader, info: ExerciseInfo, current: float) -> float:
    """One increment up (R4/R2), rounded down (R9) but always above the current load."""
    load = loader.round_down(current + info.increment_kg, info)
    return load if load > current + LOAD_TOLERANCE_KG else loader.next_up(current, info)


def increment_text(loader: Loader, new: float, current: float) -> str:
    """The increase as the athlete will see it on the bar ('5 kg', '10 lb')."""
    return loader.fmt(new - current)


def entry_load(state: ExerciseState, info: ExerciseInfo, ctx: PlanContext) -> tuple[float, str]:
    """R8: the first STRENGTH load from the last BUILD session (Epley)."""
    fmt = ctx.loader.fmt
    bl = state.build_last
    if bl is None:
        load = state.load_kg if state.load_kg is not None else start_load(info, ctx.loader)
        return (
            load,
            f"R3: STRENGTH starts at your current load, {fmt(load)} (no BUILD session to "
            "estimate from).",
        )
    rir = DEFAULT_RIR if bl.rpe_at_min is None else max(0.0, RPE_MAX - bl.rpe_at_min)
    e1rm = bl.load_kg * (1 + (bl.min_amount + rir) / EPLEY_DIVISOR)
    target = e1rm / (1 + (R8_TARGET_REPS + R8_TARGET_RIR) / EPLEY_DIVISOR)
    load = max(ctx.loader.round_down(target, info), ctx.loader.round_down(bl.load_kg, info))
    rir_text = "RIR 2 assumed" if bl.rpe_at_min is None else f"RPE {fmt_number(bl.rpe_at_min)}"
    return load, (
        f"R8: from your last BUILD session ({fmt(bl.load_kg)} × {bl.min_amount}, {rir_text}) "
        f"the e1RM is {e1rm:.1f} kg — {fmt(load)} for sets of 5–8, the last 2–3 reps "
        f"tough (RPE {fmt_number(STRENGTH_TARGET_RPE[0])}–{fmt_number(STRENGTH_TARGET_RPE[1])})."
    )


def strength_load(
    state: ExerciseState, info: ExerciseInfo, ctx: PlanContext
) -> tuple[float, str, str]:
    """R4 increase / R5 failure / hold, for a lift already in STRENGTH: (load, rule, why)."""
    fmt, loader = ctx.loader.fmt, ctx.loader
    cur = state.load_kg if state.load_kg is not None else start_load(info, loader)
    last, recent = state.last, state.recent
    if last is None or state.load_since is None:
        return cur, "R3", f"R3: STRENGTH at {fmt(cur)}."
    days = (ctx.date - state.load_since).days
    fails = recent[-FAIL_SESSIONS:]
    if len(fails) >= FAIL_SESSIONS and all(f.min_amount < FAIL_REPS for f in fails):
        load = loader.round_down(cur * FAIL_FACTOR, info)
        return (
            load,
            "R5",
            (
                f"R5: {FAIL_SESSIONS} sessions in a row at {fmt(cur)} with a work set under "
                f"{FAIL_REPS} reps — back to 90%: {fmt(load)}. The 14-day clock restarts."
            ),
        )
    if days >= INCREASE_FAST_DAYS and last.min_amount >= INCREASE_FAST_MIN_REPS:
        load = up_one(loader, info, cur)
        return (
            load,
            "R4",
            (
                f"R4: {days} days since the last load change and every work set reached "
                f"{INCREASE_FAST_MIN_REPS} reps — add {increment_text(loader, load, cur)}: "
                f"{fmt(load)}."
            ),
        )
    slow = recent[-INCREASE_SLOW_SESSIONS:]
    if (
        days >= INCREASE_SLOW_DAYS
        and len(slow) >= INCREASE_SLOW_SESSIONS
        and all(f.min_amount >= INCREASE_SLOW_MIN_REPS for f in slow)
    ):
        load = up_one(loader, info, cur)
        return (
            load,
            "R4",
            (
                f"R4: {days} days since the last load change and the last {INCREASE_SLOW_SESSIONS} "
                f"sessions had every work set at {INCREASE_SLOW_MIN_REPS}+ reps — add "
                f"{increment_text(loader, load, cur)}: {fmt(load)}."
            ),
        )
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
    return cur, "R4", f"R4: {days} days at {fmt(cur)} — same load; {need}."


def apply_cap(
    phase: StatePhase, load: float, state: ExerciseState, info: ExerciseInfo, ctx: PlanContext
) -> tuple[str | None, float, str | None, str | None]:
    """R6: (new phase or None, load, why or None, suggestion or None)."""
    if info.cap_ratio is None:
        return None, load, None, None
    fmt = ctx.loader.fmt
    bw = ctx.bodyweight_kg
    if bw is None:
        return (
            None,
            load,
            (
                f"R6: no bodyweight logged, so no cap applied — log it to stop adding load at "
                f"{fmt_number(info.cap_ratio)} × bodyweight."
            ),
            None,
        )
    cap = ctx.loader.round_down(info.cap_ratio * bw, info)
    cap_text = f"{fmt_number(info.cap_ratio)} × {fmt(bw)} bodyweight → {fmt(cap)}"
    cur = state.load_kg
    if (
        phase == "STRENGTH"
        and cur is not None
        and cur >= cap - LOAD_TOLERANCE_KG
        and load >= cap - LOAD_TOLERANCE_KG
    ):
        passed = cur > cap + LOAD_TOLERANCE_KG
        why = (
            f"R6: your load {fmt(cur)} is past the cap ({cap_text}) — back to the cap and hold it."
            if passed
            else f"R6: at the cap ({cap_text}) — MAINTAIN: same load, 3 × 5–8."
        )
        if ctx.variants:
            sugg = (
                f"Try {ctx.variants[0]}: single leg is even better for runners [001]; "
                "it starts at 50% (R7)."
            )
        else:
            sugg = (
                "At the cap: keep the load; a single-leg variant is even better for runners [001]."
            )
        return "MAINTAIN", cap, why, sugg
    if load > cap + LOAD_TOLERANCE_KG:
        return None, cap, f"R6: capped at {cap_text} instead of {fmt(load)}.", None
    return None, load, None, None
