"""R10: bodyweight and timed exercises progress reps (or seconds), then the variation.

Within the catalog's range (default 8–12 reps, timed 20–60 s) the target goes up one
rep (or 5 s) when every set reached it; after 2 sessions at the top of the range the
harder variation is suggested ([003] "Level 2 or 3"; [000] jumping lunge → jumping
lunge with hip rotation). History is the truth: an athlete who did more than asked
goes on from what they did.
"""

from __future__ import annotations

from .constants import (
    BODYWEIGHT_REPS,
    BODYWEIGHT_SETS,
    HARDER_AFTER_TOP_SESSIONS,
    LAYOFF_STEPS,
    REP_STEP,
    REST_BODYWEIGHT_S,
    REST_PLYOMETRIC_S,
    SECONDS_STEP,
    TIMED_SECONDS,
)
from .model import ExerciseInfo
from .plan import Plan, PlanContext
from .state import ExerciseState, SessionFacts


def amount_range(info: ExerciseInfo) -> tuple[int, int]:
    """The catalog's range, or the SPEC default (8–12 reps; 20–60 s for timed work)."""
    lo, hi = TIMED_SECONDS if info.measure == "seconds" else BODYWEIGHT_REPS
    lo = info.range_min if info.range_min is not None else lo
    hi = info.range_max if info.range_max is not None else hi
    return lo, max(lo, hi)


def step(info: ExerciseInfo) -> int:
    return SECONDS_STEP if info.measure == "seconds" else REP_STEP


def advance_bodyweight(
    state: ExerciseState, facts: SessionFacts, info: ExerciseInfo
) -> ExerciseState:
    """Fold one session: +1 rep (or +5 s) when every set reached the target (R10)."""
    lo, hi = amount_range(info)
    target = _current_target(state, info)
    done = facts.min_amount
    new_target = min(hi, max(target, done) + step(info)) if done >= target else target
    top = state.top_sessions + 1 if done >= hi else 0
    return state._replace(
        phase="BODYWEIGHT",
        sessions=state.sessions + 1,
        last_date=facts.date,
        last_normal=facts.date,
        load_kg=facts.load_kg,
        load_since=state.load_since if state.recent else facts.date,
        recent=(*state.recent, facts)[-2:],
        phase_since=state.phase_since or facts.date,
        phase_sessions=state.phase_sessions + 1,
        target=max(lo, new_target),
        top_sessions=top,
        last_met=done >= target,
    )


def _current_target(state: ExerciseState, info: ExerciseInfo) -> int:
    lo, hi = amount_range(info)
    target = state.target if state.target is not None else lo
    return min(max(target, lo), hi)


def _unit(info: ExerciseInfo) -> str:
    return " s" if info.measure == "seconds" else " reps"


def plan_bodyweight(state: ExerciseState, info: ExerciseInfo, ctx: PlanContext) -> Plan:
    """Decide one bodyweight or timed exercise for `ctx.date` (R10)."""
    lo, hi = amount_range(info)
    unit = _unit(info)
    target = _current_target(state, info)
    suggestion = None
    last = state.last
    gap = (ctx.date - state.last_date).days if state.last_date else 0
    away = min((days for days, _ in LAYOFF_STEPS), default=0)
    if last is None:
        why = f"R10: new exercise — start at the bottom of the range: {target}{unit} ({lo}–{hi})."
    elif gap >= away:
        target = lo
        why = (
            f"Back after {gap // 7} weeks away from {info.name}: start again at the bottom of "
            f"the range, {lo}{unit} (our choice)."
        )
    elif state.top_sessions >= HARDER_AFTER_TOP_SESSIONS:
        if info.harder:
            why = (
                f"R10: {state.top_sessions} sessions in a row at the top of the range "
                f"({hi}{unit}) — time for the harder variation, {info.harder}."
            )
            suggestion = f"Switch to {info.harder} (R10): it starts at the bottom of its range."
        else:
            why = (
                f"R10: at the top of the range ({hi}{unit}) with no harder variation — "
                f"hold {hi}{unit}."
            )
    elif state.last_met:
        why = (
            f"R10: every set reached {last.min_amount}{unit} last session — {target}{unit} now "
            f"(range {lo}–{hi})."
        )
    else:
        why = (
            f"R10: a set stopped at {last.min_amount}{unit} last session — stay at "
            f"{target}{unit} until every set gets there."
        )
    rest = REST_PLYOMETRIC_S if info.category == "plyometric" else REST_BODYWEIGHT_S
    return Plan(
        phase="BODYWEIGHT",
        load_kg=0.0 if info.equipment in ("bodyweight", "band") else (state.load_kg or 0.0),
        sets=BODYWEIGHT_SETS,
        amount=(target, target),
        bottom=lo,
        rest_s=rest,
        rules=("R10",),
        why=(why,),
        current_kg=state.load_kg,
        suggestion=suggestion,
    )
