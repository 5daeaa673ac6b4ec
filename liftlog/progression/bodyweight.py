"""R10: bodyweight and timed exercises progress reps (or seconds), then the variation.

Within the catalog's range (default 8–12 reps, timed 20–60 s) the target moves from
what was prescribed for the last session: every set reached it → one rep (or 5 s) up;
a set short of it → hold. After 2 sessions at the top of the range the harder variation
is suggested ([003] "Level 2 or 3"; [000] jumping lunge → jumping lunge with hip
rotation), unless it is already in the routine. After a layoff of 8 weeks or more (R20)
the target restarts at the bottom of the range and climbs from there.

`prescribed_target` is the one answer to "what was asked on that day", for the plan and
for the fold that replays it.
"""

from __future__ import annotations

from .constants import (
    BODYWEIGHT_REPS,
    BODYWEIGHT_SETS,
    HARDER_AFTER_TOP_SESSIONS,
    LAYOFF_RESTART_RANGE_DAYS,
    REP_STEP,
    REST_BODYWEIGHT_S,
    REST_PLYOMETRIC_S,
    SECONDS_STEP,
    TIMED_SECONDS,
)
from .model import ExerciseInfo
from .plan import Plan, PlanContext
from .state import ExerciseState, SessionFacts, sides_of
from .words import plural


def amount_range(info: ExerciseInfo) -> tuple[int, int]:
    """The catalog's range, or the SPEC default (8–12 reps; 20–60 s for timed work)."""
    lo, hi = TIMED_SECONDS if info.measure == "seconds" else BODYWEIGHT_REPS
    lo = info.range_min if info.range_min is not None else lo
    hi = info.range_max if info.range_max is not None else hi
    return lo, max(lo, hi)


def step(info: ExerciseInfo) -> int:
    return SECONDS_STEP if info.measure == "seconds" else REP_STEP


def restarts(away: int | None) -> bool:
    """R20/R10: after ≥ 8 weeks away the target goes back to the bottom of the range."""
    return away is not None and away >= LAYOFF_RESTART_RANGE_DAYS


def prescribed_target(state: ExerciseState, info: ExerciseInfo, away: int | None) -> int:
    """The reps (or seconds) asked of every set on a day `away` days after the last session."""
    lo, hi = amount_range(info)
    if state.target is None or restarts(away):
        return lo
    return min(max(state.target, lo), hi)


def advance_bodyweight(
    state: ExerciseState, facts: SessionFacts, info: ExerciseInfo, away: int | None
) -> ExerciseState:
    """Fold one session: one step up from what was asked when every set reached it (R10)."""
    hi = amount_range(info)[1]
    asked = prescribed_target(state, info, away)
    done = facts.min_amount
    met = done >= asked
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
        target=min(hi, asked + step(info)) if met else asked,
        top_sessions=state.top_sessions + 1 if done >= hi else 0,
        last_met=met,
        last_sides=sides_of(facts, state.last_sides),
    )


def _unit(info: ExerciseInfo) -> str:
    return " s" if info.measure == "seconds" else " reps"


def plan_bodyweight(state: ExerciseState, info: ExerciseInfo, ctx: PlanContext) -> Plan:
    """Decide one bodyweight or timed exercise for `ctx.date` (R10, R20)."""
    lo, hi = amount_range(info)
    unit = _unit(info)
    away = ctx.away(state)
    target = prescribed_target(state, info, away)
    suggestion = None
    rules: tuple[str, ...] = ("R10",)
    last = state.last
    if last is None or state.target is None:
        why = f"R10: new exercise — start at the bottom of the range: {target}{unit} ({lo}–{hi})."
    elif restarts(away):
        assert away is not None
        rules = ("R10", "R20")
        why = (
            f"R20: {plural(away, 'day')} away from {info.name} — start again at the bottom of "
            f"the range, {lo}{unit}, and climb from there (R10)."
        )
    elif state.top_sessions >= HARDER_AFTER_TOP_SESSIONS:
        top = f"R10: {state.top_sessions} sessions in a row at the top of the range ({hi}{unit})"
        if info.harder and info.harder.casefold() in {n.casefold() for n in ctx.routine}:
            why = (
                f"{top} — hold {hi}{unit}; {info.harder}, the harder variation, is already "
                "in your routine."
            )
        elif info.harder:
            why = f"{top} — time for the harder variation, {info.harder}."
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
        rules=rules,
        why=(why,),
        current_kg=state.load_kg,
        suggestion=suggestion,
    )
