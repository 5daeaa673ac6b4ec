"""`prescribe`: the day's strength session, from history, athlete, calendar and date.

Order of decisions: pick the day (R19, with the runs of R22) → the season on it
(R14–R18, R21, B/C races) → the routine for that season (data/programs.toml, the
athlete's adds and drops) → fold each exercise's history into its state (incrementally
from cached states) → at most one new loaded lift per session → each exercise's rules
(R1–R9, R18, R20, R21 loaded; R10 bodyweight) → a lighter day (R16, B races) → sides
(R11), warm-up (R13), plates (R9).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from .bodyweight import plan_bodyweight
from .constants import NEW_LOADED_LIFTS_PER_SESSION, YEAR_SHARE_WEEKS
from .fold import States, fold
from .light import lighten
from .loaded import plan_loaded
from .model import Athlete, ExerciseInfo, LoggedSet, Override, Race, Side
from .plan import Plan, PlanContext, latest_bodyweight
from .plates import Loader
from .prescription import DayPrescription, ExercisePrescription, WorkSet
from .programs import Program, default_program, routine
from .records import Imbalance, side_imbalance
from .schedule import Slot, pick_day, rest_day_warning
from .season import SeasonStatus, season_status, year_share
from .state import ExerciseState, is_bodyweight
from .warmup import warmup


def find_exercise(catalog: Mapping[str, ExerciseInfo], name: str) -> str | None:
    """The catalog name for `name`: exact, else case-insensitive by name or alias."""
    if name in catalog:
        return name
    key = name.casefold().strip()
    for real, info in catalog.items():
        if real.casefold() == key or any(a.casefold() == key for a in info.aliases):
            return real
    return None


def history_since(date: dt.date, states: States | None) -> dt.date:
    """The oldest session date `prescribe` reads: the store need not load sets before it.

    Without cached states the whole history counts (`date.min`): phases are folded from
    the first session. With states, the sets after the oldest state's date, and the last
    53 weeks (season share, week counts). An exercise missing from `states` is folded
    from whatever history is given, so cache every exercise that has sets.
    """
    if not states:
        return dt.date.min
    oldest = date - dt.timedelta(days=7 * YEAR_SHARE_WEEKS + 7)
    return min(oldest, min(t for _, t in states.values()) + dt.timedelta(days=1))


def _work_sets(
    plan: Plan, info: ExerciseInfo, state: ExerciseState
) -> tuple[tuple[WorkSet, ...], list[str], Imbalance | None]:
    timed = info.measure == "seconds"
    amounts = plan.per_set or (plan.amount,) * plan.sets

    def one(amount: int | tuple[int, int], side: Side | None, match: bool = False) -> WorkSet:
        lo, hi = (amount, amount) if isinstance(amount, int) else amount
        return WorkSet(
            reps_min=None if timed else lo,
            reps_max=None if timed else hi,
            weight_kg=plan.load_kg,
            side=side,
            seconds_min=lo if timed else None,
            seconds_max=hi if timed else None,
            match_weaker=match,
        )

    if info.laterality != "unilateral":
        return tuple(one(a, None) for a in amounts), [], None
    # R11: the weaker side of the last session logged per side, light sessions included
    imb = None if state.last_sides is None else side_imbalance(*state.last_sides)
    weak: Side = imb.weaker if imb is not None else "L"
    strong: Side = "R" if weak == "L" else "L"
    sets = tuple(ws for a in amounts for ws in (one(a, weak), one(a, strong, True)))
    what = "time" if info.measure == "seconds" else "reps"
    if imb is None:
        first = f"R11: left first (no weaker side known yet), then match its {what} with the right."
    elif imb.left == imb.right:
        first = (
            f"R11: both sides even last session ({imb.left} each): left first, then match "
            f"its {what} with the right."
        )
    else:
        first = (
            f"R11: weaker side first ({weak}: less last session), then match its {what} with "
            f"the {'right' if strong == 'R' else 'left'}."
        )
    notes = [first]
    if imb is not None and imb.left != imb.right:
        notes.append(imb.describe())
    return sets, notes, imb


def _exercise(
    name: str,
    info: ExerciseInfo,
    state: ExerciseState,
    ctx: PlanContext,
) -> ExercisePrescription:
    plan = (
        plan_bodyweight(state, info, ctx) if is_bodyweight(info) else plan_loaded(state, info, ctx)
    )
    if ctx.light is not None:
        plan = lighten(plan, info, ctx.light, ctx.loader)
    work, notes, imb = _work_sets(plan, info, state)
    rules = plan.rules + (("R11",) if info.laterality == "unilateral" else ())
    loaded = not is_bodyweight(info)
    if loaded:
        rules = (*rules, "R13")
    return ExercisePrescription(
        exercise=name,
        phase=plan.phase,
        warmup=warmup(plan.phase, plan.load_kg, info, ctx.loader) if loaded else (),
        work=work,
        rest_s=plan.rest_s,
        rules=tuple(dict.fromkeys(rules)),
        why=" ".join((*plan.why, *notes)),
        load_kg=plan.load_kg if loaded else None,
        plates=ctx.loader.breakdown(plan.load_kg, info) if loaded else None,
        plate_unit=ctx.loader.units,
        suggestion=plan.suggestion,
        imbalance=imb,
    )


def _scan(
    history: Iterable[LoggedSet], day_hint: dt.date, known_dates: Iterable[dt.date] = ()
) -> tuple[list[dt.date], dict[dt.date, set[str]]]:
    """Distinct session dates (sorted) and, near `day_hint`, what was done on each."""
    dates: set[dt.date] = set(known_dates)
    near: dict[dt.date, set[str]] = {}
    lo = day_hint - dt.timedelta(days=7)
    for s in history:
        if s.kind == "warmup":
            continue
        d = s.session_date
        dates.add(d)
        if d >= lo:
            near.setdefault(d, set()).add(s.exercise)
    return sorted(dates), near


def prescribe(
    date: dt.date,
    athlete: Athlete,
    catalog: Mapping[str, ExerciseInfo],
    history: Sequence[LoggedSet],
    races: Sequence[Race] = (),
    overrides: Sequence[Override] = (),
    program: Program | None = None,
    only_exercise: str | None = None,
    *,
    states: States | None = None,
    pick: bool = True,
    session_dates: Sequence[dt.date] = (),
) -> DayPrescription:
    """The next strength session on or after `date` (R19; `pick=False`: exactly `date`).

    `history`: logged sets in any order; sets dated on or after the chosen day do not
    count (a session in progress does not change its own prescription). `races`: if
    empty, `athlete.races`. `states`: cached `(state, date_through)` per exercise from
    `fold_states`; only later sets are folded (see `history_since` for how much history
    is then needed). `session_dates`: dates with work sets that the store found more
    cheaply than by loading their sets (for R19 and the year's share); with them,
    `history` needs only the sets after the cached states and the last week.
    """
    all_races = tuple(races) or athlete.races
    loader = Loader.for_athlete(athlete)
    program = program if program is not None else default_program()
    dates, near = _scan(history, date, session_dates)

    def season_at(d: dt.date) -> SeasonStatus:
        return season_status(d, all_races, athlete.stop_days)

    if pick:
        slot = pick_day(date, athlete, dates, season_at, all_races)
    else:
        warning = rest_day_warning(date, athlete, all_races)
        slot = Slot(date, season_at(date), "", (warning,) if warning else ())
    day, season = slot.date, slot.season
    share = year_share(dates, day)
    if not season.lift:
        return DayPrescription(day, False, season, (), season.why, slot.warnings, share)

    warnings = list(slot.warnings)
    in_routine = tuple(routine(program, season.phase, athlete))
    if only_exercise is not None:
        found = find_exercise(catalog, only_exercise)
        if found is None:
            raise KeyError(f"unknown exercise: {only_exercise}")
        names = [found]
    else:
        monday = day - dt.timedelta(days=day.weekday())
        done_week = {e for d, exs in near.items() if monday <= d < day for e in exs}
        names = []
        for n in routine(program, season.phase, athlete, done_week):
            found = find_exercise(catalog, n)
            if found is None:
                warnings.append(f"{n} is not in the exercise catalog; left out.")
            else:
                names.append(found)
    folded = fold(
        catalog,
        history,
        athlete,
        all_races,
        overrides,
        before=day,
        exercises=_to_fold(names, catalog),
        states=states,
        overrides_through=day,
    )
    notes = [season.why, slot.why]
    if only_exercise is None:
        names, waiting = _new_lifts_one_at_a_time(names, catalog, folded)
        if waiting:
            notes.append(
                f"One new loaded lift per session (our choice): {', '.join(waiting)} "
                f"{'waits' if len(waiting) == 1 else 'wait'} for a later session."
            )
    a_races = tuple(r for r in all_races if r.priority == "A")
    bodyweight = latest_bodyweight(athlete, day)
    light = None
    if season.light:
        light = (
            f"{season.b_race.name} (B) is close"
            if season.b_race is not None and season.phase != "TAPER"
            else "taper before your A race"
        )
    exercises = []
    for name in names:
        info = catalog[name]
        ctx = PlanContext(
            date=day,
            loader=loader,
            race_season=season.phase in ("SPECIFIC", "TAPER"),
            bodyweight_kg=bodyweight,
            parent=folded.get(info.single_leg_of) if info.single_leg_of else None,
            a_races=a_races,
            variants=_variants(name, catalog, folded) if info.cap_ratio is not None else (),
            races=all_races,
            stop_days=athlete.stop_days,
            light=light,
            routine=in_routine,
            easier=tuple(n for n, i in catalog.items() if i.harder == name),
        )
        exercises.append(_exercise(name, info, folded[name], ctx))
    why = " ".join(p for p in notes if p)
    return DayPrescription(day, True, season, tuple(exercises), why, tuple(warnings), share)


def _to_fold(names: Sequence[str], catalog: Mapping[str, ExerciseInfo]) -> set[str]:
    """The day's lifts, the bilateral lift of each variant (R7) and the variants of a
    capped lift (R6 suggests the next one not yet done)."""
    out = set(names)
    for name in names:
        info = catalog[name]
        if info.single_leg_of is not None:
            out.add(info.single_leg_of)
        if info.cap_ratio is not None:
            out.update(n for n, i in catalog.items() if i.single_leg_of == name)
    return out


def _new_lifts_one_at_a_time(
    names: list[str], catalog: Mapping[str, ExerciseInfo], folded: Mapping[str, ExerciseState]
) -> tuple[list[str], list[str]]:
    """At most NEW_LOADED_LIFTS_PER_SESSION loaded lifts never logged before (our choice)."""
    new = [
        n
        for n in names
        if not is_bodyweight(catalog[n]) and (n not in folded or folded[n].last_date is None)
    ]
    waiting = new[NEW_LOADED_LIFTS_PER_SESSION:]
    return [n for n in names if n not in waiting], waiting


def _variants(
    name: str, catalog: Mapping[str, ExerciseInfo], folded: Mapping[str, ExerciseState]
) -> tuple[str, ...]:
    """R6's suggestion at the cap: the single-leg variants of `name`, the next step first.

    The next step of a chain ([003] "Level 2 or 3") is the harder variation of a variant
    already done; else the easiest variant not done yet, the start of the longest chain
    first (Split Squat before Rear-Foot-Elevated Split Squat).
    """
    variants = {n for n, i in catalog.items() if i.single_leg_of == name}
    done = {v for v in variants if v in folded and folded[v].last_date is not None}
    has_easier = {catalog[v].harder for v in variants} & variants

    def chain(v: str | None) -> int:
        steps: set[str] = set()
        while v is not None and v in variants and v not in steps:
            steps.add(v)
            v = catalog[v].harder
        return len(steps)

    nexts = [
        h for v in sorted(done) if (h := catalog[v].harder) is not None and h in variants - done
    ]
    starts = sorted(variants - has_easier - done, key=lambda v: (-chain(v), v))
    return tuple(dict.fromkeys((*nexts, *starts)))
