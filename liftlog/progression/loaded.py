"""R1–R9: the phase machine of a loaded lift (FORM → BUILD → STRENGTH, MAINTAIN at the cap).

Two halves that share `session_phase`:

* `advance_loaded` folds one logged session into the state. It records what was done
  (history is the truth); the only decisions it replays are which phase that session
  belonged to and whether a clock restarted there (R5, R20), using the same functions
  the prescription used that day. It never looks at the athlete's unit or kit.
* `plan_loaded` decides the next session from the state and the date: the phase's own
  rule (strength.py), then the calendar and the ceilings (adjust.py), and writes the
  reason from the decision that survived.
"""

from __future__ import annotations

import datetime as dt

from .adjust import bodyweight_cap, calendar, single_leg_ceiling
from .constants import (
    BUILD_MIN_DAYS,
    BUILD_MIN_SESSIONS,
    BUILD_REPS,
    BUILD_SETS,
    FORM_CLEAN_MIN_REPS,
    FORM_CLEAN_SESSIONS,
    FORM_REPS,
    FORM_SETS,
    JUMP_TO_STRENGTH_INCREMENTS,
    JUMP_TO_STRENGTH_MAX_REPS,
    JUMP_TO_STRENGTH_MIN_RATIO,
    LAYOFF_HOLD_DAYS,
    MAINTAIN_SETS,
    REST_FORM_BUILD_S,
    REST_STRENGTH_S,
    SINGLE_LEG_FACTOR,
    STRENGTH_REPS,
    STRENGTH_SETS_GENERAL,
    STRENGTH_SETS_RACE,
)
from .model import ExerciseInfo
from .plan import Plan, PlanContext, start_load
from .state import (
    LOAD_TOLERANCE_KG,
    RECENT_KEEP,
    ExerciseState,
    SessionFacts,
    StatePhase,
    at_start_load,
    counts_as,
    fold_start_kg,
    sides_of,
)
from .strength import build_decision, entry_decision, form_decision, r5_due, strength_decision
from .words import percent, plural

PHASE_RULE = {"FORM": "R1", "BUILD": "R2", "STRENGTH": "R3"}


def strength_ready(state: ExerciseState, date: dt.date) -> bool:
    """R2 → R3: ≥ 21 days and ≥ 4 sessions in BUILD, the last one with every set ≥ 10 reps."""
    last = state.build_last
    return (
        state.phase == "BUILD"
        and state.phase_since is not None
        and state.phase_sessions >= BUILD_MIN_SESSIONS
        and (date - state.phase_since).days >= BUILD_MIN_DAYS
        and last is not None
        and last.min_amount >= BUILD_REPS[0]
    )


def session_phase(state: ExerciseState, date: dt.date, away: int | None) -> StatePhase:
    """The phase a session on `date` belongs to (the same answer for plan and replay).

    R20: the first session back after ≥ 14 days away changes no phase.
    """
    back = away is not None and away >= LAYOFF_HOLD_DAYS
    if not back and strength_ready(state, date):
        return "STRENGTH"
    return state.phase


def advance_loaded(
    state: ExerciseState, facts: SessionFacts, info: ExerciseInfo, away: int | None
) -> ExerciseState:
    """Fold one normal session of a loaded lift into its state (`away`: R20's g before it)."""
    d = facts.date
    phase = session_phase(state, d, away)
    base = state.load_kg if state.load_kg is not None else fold_start_kg(info)
    jump = max(
        base + JUMP_TO_STRENGTH_INCREMENTS * info.increment_kg, base * JUMP_TO_STRENGTH_MIN_RATIO
    )
    if (
        phase in ("FORM", "BUILD")
        and facts.load_kg >= jump - LOAD_TOLERANCE_KG
        and facts.max_amount <= JUMP_TO_STRENGTH_MAX_REPS
    ):
        phase = "STRENGTH"  # the athlete already lifts heavy: take it from there
    entering = phase != state.phase
    back = away is not None and away >= LAYOFF_HOLD_DAYS
    cur = state.load_kg
    load, since = facts.load_kg, d
    recent: tuple[SessionFacts, ...] = (facts,)
    if cur is not None and counts_as(facts.load_kg, cur, info):
        load = cur  # the working load stays what the rules hold, whatever unit rounded it
        # R20: days away never count as days at a load; R5 at a load that could not go
        # lower: the clock restarts all the same
        deload = phase == "STRENGTH" and not entering and r5_due(state.recent)
        if not back and not deload:
            since, recent = state.load_since or d, (*state.recent, facts)[-RECENT_KEEP:]
    clean = (
        phase == "FORM"
        and facts.min_amount >= FORM_CLEAN_MIN_REPS
        and at_start_load(facts.load_kg, info)
    )
    new = state._replace(
        phase=phase,
        sessions=state.sessions + 1,
        last_date=d,
        last_normal=d,
        load_kg=load,
        load_since=since,
        recent=recent,
        form_clean=state.form_clean + int(clean),
        phase_since=d if entering or back or state.phase_since is None else state.phase_since,
        phase_sessions=1 if entering else state.phase_sessions + 1,
        build_last=facts if phase == "BUILD" else state.build_last,
        last_sides=sides_of(facts, state.last_sides),
    )
    if phase == "FORM" and new.form_clean >= FORM_CLEAN_SESSIONS:
        new = new._replace(phase="BUILD", phase_since=None, phase_sessions=0)
    return new


def plan_loaded(state: ExerciseState, info: ExerciseInfo, ctx: PlanContext) -> Plan:
    """Decide one loaded lift for `ctx.date` (R1–R9, R18, R20, R21), before a lighter day.

    The working load is read as the athlete's kit makes it (R9: 60 kg is 130 lb on lb
    plates), so every load prescribed and every load named in the why is loadable, and
    an increase is counted from what is on the bar.
    """
    if state.load_kg is not None:
        state = state._replace(load_kg=ctx.loader.round_down(state.load_kg, info))
    start = start_load(info, ctx.loader)
    away = ctx.away(state)
    phase = session_phase(state, ctx.date, away)
    notes: list[str] = []
    if phase == "FORM":
        decision = form_decision(state, ctx, start)
    elif phase == "BUILD":
        decision = build_decision(state, info, ctx, start)
        if state.phase_since is not None and state.phase_sessions > 0:
            days = (ctx.date - state.phase_since).days
            notes.append(
                f"BUILD so far: {plural(state.phase_sessions, 'session')} over "
                f"{plural(days, 'day')} (STRENGTH after {BUILD_MIN_SESSIONS} sessions and "
                f"{BUILD_MIN_DAYS} days)."
            )
    elif state.phase != "STRENGTH" or state.phase_sessions == 0:
        if state.phase == "BUILD" and state.phase_since is not None:
            notes.append(
                f"R2: {plural(state.phase_sessions, 'BUILD session')} over "
                f"{plural((ctx.date - state.phase_since).days, 'day')}, the last with every "
                "set at 10+ reps — on to STRENGTH."
            )
        decision = entry_decision(state, info, ctx)
    else:
        decision = strength_decision(state, info, ctx, start)
    decision = calendar(decision, state, info, ctx, start, away)
    decision = single_leg_ceiling(decision, state, info, ctx)
    decision, maintain, cap_note = bodyweight_cap(decision, phase, state, info, ctx)
    if cap_note is not None:
        notes.append(cap_note)
    if maintain:
        sets, reps, rest = MAINTAIN_SETS, STRENGTH_REPS, REST_STRENGTH_S
    elif phase == "FORM":
        sets, reps, rest = FORM_SETS, FORM_REPS, REST_FORM_BUILD_S
    elif phase == "BUILD":
        sets, reps, rest = BUILD_SETS, BUILD_REPS, REST_FORM_BUILD_S
    else:
        sets = STRENGTH_SETS_RACE if ctx.race_season else STRENGTH_SETS_GENERAL
        reps, rest = STRENGTH_REPS, REST_STRENGTH_S
    cur = state.load_kg
    increase = decision.increase and cur is not None and decision.load_kg > cur + LOAD_TOLERANCE_KG
    phase_rule = PHASE_RULE[phase]
    suggestion = None
    if maintain:
        suggestion = _single_leg_suggestion(ctx)
    return Plan(
        phase="MAINTAIN" if maintain else phase,
        load_kg=decision.load_kg,
        sets=sets,
        amount=reps,
        rest_s=rest,
        rules=tuple(dict.fromkeys((phase_rule, *decision.rules, "R9"))),
        why=(decision.say(ctx.loader, cur), *notes),
        current_kg=cur,
        suggestion=suggestion,
        increase=increase,
        increase_rules=tuple(r for r in decision.rules if r != phase_rule) if increase else (),
    )


def _single_leg_suggestion(ctx: PlanContext) -> str:
    """R6 at the cap: the next single-leg variant of this lift, the easiest not yet done."""
    if ctx.variants:
        return (
            f"Try {ctx.variants[0]}: single leg is even better for runners [001]; it starts "
            f"in FORM at its own start load and stays at most {percent(SINGLE_LEG_FACTOR)} of "
            "this lift (R7)."
        )
    return "At the cap: keep the load; single-leg work is even better for runners [001]."
