"""The incremental fold: sessions and overrides, in date order, into `ExerciseState`s.

`advance` folds one session of one exercise; `apply_override` one user decision. The
`fold` function replays a whole history (or only the part after cached states) across
all exercises in date order, because a single-leg variant's first session looks at its
bilateral lift (R7). On one date, overrides come before sessions and bilateral lifts
before their single-leg variants. Sessions in a taper, a stop or a B race's light days
do not move the progression (they were prescribed lighter, R16).

A cached state depends on the races and overrides as well as on the sets: the store
should drop its cache when those change (`fold_key` gives a fingerprint to compare).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence

from .bodyweight import advance_bodyweight
from .loaded import advance_loaded
from .model import Athlete, ExerciseInfo, LoggedSet, Override, Race
from .plates import Loader
from .season import is_light_or_off
from .state import ExerciseState, initial_state, is_bodyweight, summarise

States = Mapping[str, tuple[ExerciseState, dt.date]]


def advance(
    state: ExerciseState,
    session_sets: Sequence[LoggedSet],
    info: ExerciseInfo,
    athlete: Athlete,
    *,
    light: bool = False,
    parent: ExerciseState | None = None,
    loader: Loader | None = None,
) -> ExerciseState:
    """Fold one session (the sets of `info` on one date) into `state`.

    `light`: the session fell in a taper/stop/B-race window; it keeps the lift fresh
    (for the layoff rule) but does not move the progression.
    `parent`: for a single-leg variant, the state of its bilateral lift (R7).
    """
    facts = summarise(session_sets, info)
    if facts is None:
        return state
    if light:
        return state.with_light_session(facts.date)
    if is_bodyweight(info):
        return advance_bodyweight(state, facts, info)
    return advance_loaded(state, facts, info, loader or Loader.for_athlete(athlete), parent)


def apply_override(
    state: ExerciseState, override: Override, info: ExerciseInfo, athlete: Athlete
) -> ExerciseState:
    """'advance': FORM → BUILD, or BUILD → STRENGTH; 'restart': back to FORM at the start load."""
    if is_bodyweight(info):
        return state
    if override.kind == "restart":
        return initial_state(info)._replace(
            sessions=state.sessions,
            last_date=state.last_date,
            last_normal=state.last_normal,
        )
    if state.phase == "FORM":
        return state._replace(phase="BUILD", phase_since=None, phase_sessions=0)
    if state.phase == "BUILD":  # the next plan enters STRENGTH by R8 from the last BUILD session
        return state._replace(phase="STRENGTH", phase_since=None, phase_sessions=0)
    return state


def fold_key(athlete: Athlete, races: Iterable[Race], overrides: Iterable[Override]) -> str:
    """A fingerprint of what, besides the sets, a cached state depends on."""
    import hashlib  # here, not at the top: `liftlog next` must start fast

    parts = [
        repr((athlete.units, athlete.bar_kg, athlete.plates_kg, athlete.stop_days)),
        repr(sorted((r.date, r.priority, r.name) for r in races)),
        repr(sorted((o.date, o.exercise, o.kind) for o in overrides)),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def fold(
    catalog: Mapping[str, ExerciseInfo],
    history: Iterable[LoggedSet],
    athlete: Athlete,
    races: Sequence[Race] = (),
    overrides: Sequence[Override] = (),
    *,
    before: dt.date,
    exercises: Collection[str] | None = None,
    states: States | None = None,
    overrides_through: dt.date | None = None,
) -> dict[str, ExerciseState]:
    """States of `exercises` (default: all in the catalog) from sessions dated before `before`.

    Overrides count through `overrides_through` (default: the day before `before`; a
    prescription passes its own day, so "move on" pressed today applies today). With
    `states`, an exercise's cached state stands for everything through its date; only
    later sets and overrides are folded.
    """
    last_override = overrides_through or before - dt.timedelta(days=1)
    wanted = set(catalog) if exercises is None else {e for e in exercises if e in catalog}
    for name in list(wanted):  # R7 needs the bilateral lift of a single-leg variant
        bilateral = catalog[name].single_leg_of
        if bilateral is not None and bilateral in catalog:
            wanted.add(bilateral)
    cached = states or {}
    through = {n: cached[n][1] for n in wanted if n in cached}
    current = {n: cached[n][0] if n in cached else initial_state(catalog[n]) for n in wanted}

    # (date, rank, kind, exercise) → sets; rank puts bilateral lifts before variants
    sessions: dict[tuple[dt.date, int, str], list[LoggedSet]] = {}
    ranks = {n: 1 if catalog[n].single_leg_of else 0 for n in wanted}
    for s in history:
        name, day = s.exercise, s.session_date
        rank = ranks.get(name)
        if rank is None or day >= before:
            continue
        t = through.get(name)
        if t is not None and day <= t:
            continue
        key = (day, rank, name)
        group = sessions.get(key)
        if group is None:
            sessions[key] = [s]
        else:
            group.append(s)
    events: list[tuple[dt.date, int, str, Override | None]] = []
    for key in sessions:
        events.append((key[0], 1 + key[1], key[2], None))
    for o in overrides:
        t = through.get(o.exercise)
        if o.exercise in wanted and o.date <= last_override and (t is None or o.date > t):
            events.append((o.date, 0, o.exercise, o))
    events.sort(key=lambda e: (e[0], e[1], e[2]))

    loader = Loader.for_athlete(athlete)
    light_cache: dict[dt.date, bool] = {}
    for date, rank, name, override in events:
        info = catalog[name]
        if override is not None:
            current[name] = apply_override(current[name], override, info, athlete)
            continue
        light = light_cache.get(date)
        if light is None:
            light = light_cache[date] = is_light_or_off(date, races, athlete.stop_days)
        parent = current.get(info.single_leg_of) if info.single_leg_of else None
        sets = sessions[(date, rank - 1, name)]
        current[name] = advance(
            current[name], sets, info, athlete, light=light, parent=parent, loader=loader
        )
    return current


def fold_states(
    catalog: Mapping[str, ExerciseInfo],
    history: Iterable[LoggedSet],
    athlete: Athlete,
    races: Sequence[Race] = (),
    overrides: Sequence[Override] = (),
    *,
    through: dt.date,
) -> dict[str, tuple[ExerciseState, dt.date]]:
    """States of every catalog exercise through `through`, to cache and pass to `prescribe`."""
    folded = fold(
        catalog, history, athlete, races, overrides, before=through + dt.timedelta(days=1)
    )
    return {name: (state, through) for name, state in folded.items()}
