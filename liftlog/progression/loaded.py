"""R1–R8: the phase machine of a loaded lift (FORM → BUILD → STRENGTH, MAINTAIN at the cap).

Two halves that share `session_phase`:

* `advance_loaded` folds one logged session into the state. It records what was done
  (history is the truth); the only decision it replays is which phase that session
  belonged to, using the same `session_phase` the prescription used that day.
* `plan_loaded` decides the next session from the state and the date, and writes the
  reason from the same branch that decided it (the STRENGTH loads live in strength.py).
"""

from __future__ import annotations

import datetime as dt

from .constants import (
    BUILD_FAILS_BEFORE_DROP,
    BUILD_MIN_DAYS,
    BUILD_MIN_SESSIONS,
    BUILD_REPS,
    BUILD_SETS,
    FORM_CLEAN_MIN_REPS,
    FORM_CLEAN_SESSIONS,
    FORM_REPS,
    FORM_SETS,
    IMPLEMENTS_PER_PAIR,
    JUMP_TO_STRENGTH_INCREMENTS,
    JUMP_TO_STRENGTH_MAX_REPS,
    JUMP_TO_STRENGTH_MIN_RATIO,
    LAYOFF_STEPS,
    MAINTAIN_SETS,
    RECOVERY_FACTOR,
    REST_FORM_BUILD_S,
    REST_STRENGTH_S,
    SINGLE_LEG_FACTOR,
    STRENGTH_REPS,
    STRENGTH_SETS_GENERAL,
    STRENGTH_SETS_RACE,
)
from .model import ExerciseInfo
from .plan import Plan, PlanContext, start_load
from .plates import Loader
from .state import (
    LOAD_TOLERANCE_KG,
    RECENT_KEEP,
    ExerciseState,
    SessionFacts,
    StatePhase,
    is_bodyweight,
    same_load,
)
from .strength import apply_cap, entry_load, increment_text, strength_load, up_one


def r7_applies(state: ExerciseState, info: ExerciseInfo, parent: ExerciseState | None) -> bool:
    """R7: a never-done single-leg variant of a lift that is in STRENGTH (or MAINTAIN)."""
    return (
        state.sessions == 0
        and state.phase == "FORM"
        and info.single_leg_of is not None
        and not is_bodyweight(info)
        and parent is not None
        and parent.phase == "STRENGTH"
        and parent.load_kg is not None
    )


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


def session_phase(
    state: ExerciseState, date: dt.date, info: ExerciseInfo, parent: ExerciseState | None
) -> StatePhase:
    """The phase a session on `date` belongs to (the same answer for plan and replay)."""
    if r7_applies(state, info, parent):
        return "BUILD"
    if strength_ready(state, date):
        return "STRENGTH"
    return state.phase


def advance_loaded(
    state: ExerciseState,
    facts: SessionFacts,
    info: ExerciseInfo,
    loader: Loader,
    parent: ExerciseState | None = None,
) -> ExerciseState:
    """Fold one normal session of a loaded lift into its state."""
    d = facts.date
    start = start_load(info, loader)
    phase = session_phase(state, d, info, parent)
    base = state.load_kg if state.load_kg is not None else start
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
    if state.load_kg is not None and same_load(facts.load_kg, state.load_kg):
        recent = (*state.recent, facts)[-RECENT_KEEP:]
        since = state.load_since
    else:
        recent, since = (facts,), d
    clean = (
        phase == "FORM"
        and facts.min_amount >= FORM_CLEAN_MIN_REPS
        and facts.load_kg >= start - LOAD_TOLERANCE_KG
    )
    new = state._replace(
        phase=phase,
        sessions=state.sessions + 1,
        last_date=d,
        last_normal=d,
        load_kg=facts.load_kg,
        load_since=since,
        recent=recent,
        form_clean=state.form_clean + int(clean),
        phase_since=d if entering or state.phase_since is None else state.phase_since,
        phase_sessions=1 if entering else state.phase_sessions + 1,
        build_last=facts if phase == "BUILD" else state.build_last,
    )
    if phase == "FORM" and new.form_clean >= FORM_CLEAN_SESSIONS:
        new = new._replace(phase="BUILD", phase_since=None, phase_sessions=0)
    return new


def _build(
    state: ExerciseState, info: ExerciseInfo, ctx: PlanContext, start: float
) -> tuple[float, str]:
    """R2 inside BUILD: add at 12s, hold under 10, one increment off after two misses."""
    fmt, loader = ctx.loader.fmt, ctx.loader
    cur = state.load_kg if state.load_kg is not None else start
    if state.phase_sessions == 0 or state.last is None:
        load = up_one(loader, info, cur)
        return load, f"R2: form is learnt — BUILD starts one increment up: {fmt(load)}, 3 × 10–12."
    last, recent = state.last, state.recent
    misses = recent[-BUILD_FAILS_BEFORE_DROP:]
    lo, hi = BUILD_REPS
    if last.min_amount >= hi:
        load = up_one(loader, info, cur)
        return (
            load,
            f"R2: every set reached {hi} reps last session — add "
            f"{increment_text(loader, load, cur)}: {fmt(load)}.",
        )
    if len(misses) >= BUILD_FAILS_BEFORE_DROP and all(f.min_amount < lo for f in misses):
        load = max(start, loader.round_down(cur - info.increment_kg, info))
        return load, (
            f"R2: {BUILD_FAILS_BEFORE_DROP} sessions in a row at {fmt(cur)} with a set under "
            f"{lo} reps — one increment off: {fmt(load)}."
        )
    if last.min_amount < lo:
        return (
            cur,
            f"R2: a set stopped at {last.min_amount} reps last session — same load, {fmt(cur)}.",
        )
    return cur, (
        f"R2: {last.min_amount}–{last.max_amount} reps at {fmt(cur)} — same load until every "
        f"set reaches {hi}."
    )


def _comeback(
    state: ExerciseState, info: ExerciseInfo, ctx: PlanContext, start: float
) -> tuple[float, str] | None:
    """After a long break (our choice) or an A race (R18): a fraction of the last load."""
    cur = state.load_kg
    if cur is None:
        return None
    factor, why = 1.0, ""
    gap = (ctx.date - state.last_date).days if state.last_date else 0
    for days, f in LAYOFF_STEPS:
        if gap >= days:
            factor = f
            why = (
                f"Back after {gap // 7} weeks away from {info.name}: {round(f * 100)}% of the "
                f"last working load {ctx.loader.fmt(cur)} (our choice)"
            )
            break
    for race in ctx.a_races:
        after_last = state.last_normal is None or race.date > state.last_normal
        if after_last and race.date < ctx.date and factor > RECOVERY_FACTOR:
            factor = RECOVERY_FACTOR
            why = (
                f"R18: first session after {race.name} — 90% of your pre-taper load "
                f"{ctx.loader.fmt(cur)}"
            )
    if factor >= 1.0:
        return None
    load = max(start, ctx.loader.round_down(cur * factor, info))
    return load, f"{why}: {ctx.loader.fmt(load)}."


def plan_loaded(state: ExerciseState, info: ExerciseInfo, ctx: PlanContext) -> Plan:
    """Decide one loaded lift for `ctx.date` (R1–R8), before the season adjusts it."""
    start = start_load(info, ctx.loader)
    fmt = ctx.loader.fmt
    phase = session_phase(state, ctx.date, info, ctx.parent)
    rules: list[str] = []
    why: list[str] = []
    if phase == "FORM":
        # history is the truth: an athlete who already learns the form above the start
        # load (e.g. a heavier dumbbell than the lightest) keeps that load (our choice)
        cur = state.load_kg
        load = cur if cur is not None and cur > start + LOAD_TOLERANCE_KG else start
        where = (
            f"the start load ({fmt(start)})"
            if load == start
            else f"{fmt(load)}, the load you used (start load {fmt(start)})"
        )
        rules.append("R1")
        why.append(
            f"R1: learning the form at {where}: 2 × 10–12 — {state.form_clean} of "
            f"{FORM_CLEAN_SESSIONS} clean sessions (every set ≥ {FORM_CLEAN_MIN_REPS} reps) done."
        )
    elif phase == "BUILD" and r7_applies(state, info, ctx.parent):
        assert ctx.parent is not None and ctx.parent.load_kg is not None
        total = ctx.parent.load_kg * SINGLE_LEG_FACTOR
        pair = info.equipment in ("dumbbell", "kettlebell")
        load = max(
            start, ctx.loader.round_down(total / IMPLEMENTS_PER_PAIR if pair else total, info)
        )
        held = f"a pair of {fmt(load)} {info.equipment}s" if pair else fmt(load)
        rules += ["R7", "R2"]
        why.append(
            f"R7: first {info.name} while {info.single_leg_of} is in STRENGTH: 50% of its "
            f"working load {fmt(ctx.parent.load_kg)} is {fmt(total)} → {held}, in BUILD "
            "(3 × 10–12)."
        )
    elif phase == "BUILD":
        load, text = _build(state, info, ctx, start)
        rules.append("R2")
        why.append(text)
        if state.phase_since is not None and state.phase_sessions > 0:
            days = (ctx.date - state.phase_since).days
            why.append(
                f"BUILD so far: {state.phase_sessions} sessions over {days} days (STRENGTH "
                f"after {BUILD_MIN_SESSIONS} sessions and {BUILD_MIN_DAYS} days)."
            )
    elif state.phase != "STRENGTH" or state.phase_sessions == 0:
        if state.phase == "BUILD" and state.phase_since is not None:
            why.append(
                f"R2: {state.phase_sessions} BUILD sessions over "
                f"{(ctx.date - state.phase_since).days} days, the last with every set at "
                f"10+ reps — on to STRENGTH."
            )
        load, text = entry_load(state, info, ctx)
        rules += ["R3", "R8"]
        why.append(text)
    else:
        load, rule, text = strength_load(state, info, ctx)
        rules += ["R3", rule]
        why.append(text)
    if phase in ("BUILD", "STRENGTH") and phase == state.phase and state.phase_sessions > 0:
        back = _comeback(state, info, ctx, start)
        if back is not None:
            load, text = back
            why[0] = text  # replaces the decision it overrides (no increase when coming back)
            if text.startswith("R18"):
                rules.append("R18")
    out_phase, load, cap_why, suggestion = apply_cap(phase, load, state, info, ctx)
    if cap_why is not None:
        rules.append("R6")
        why.append(cap_why)
    final = out_phase or phase
    if final == "FORM":
        sets, reps, rest = FORM_SETS, FORM_REPS, REST_FORM_BUILD_S
    elif final == "BUILD":
        sets, reps, rest = BUILD_SETS, BUILD_REPS, REST_FORM_BUILD_S
    elif final == "MAINTAIN":
        sets, reps, rest = MAINTAIN_SETS, STRENGTH_REPS, REST_STRENGTH_S
    else:
        sets = STRENGTH_SETS_RACE if ctx.race_season else STRENGTH_SETS_GENERAL
        reps, rest = STRENGTH_REPS, REST_STRENGTH_S
    rules.append("R9")
    return Plan(
        phase="MAINTAIN" if final == "MAINTAIN" else phase,
        load_kg=load,
        sets=sets,
        amount=reps,
        rest_s=rest,
        rules=tuple(dict.fromkeys(rules)),
        why=tuple(why),
        current_kg=state.load_kg,
        suggestion=suggestion,
    )
