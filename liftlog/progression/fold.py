"""The incremental fold: sessions and overrides, in date order, into `ExerciseState`s.

`advance` folds one session of one exercise; `apply_override` one user decision. The
`fold` function replays a whole history (or only the part after cached states) in date
order, overrides of a date before its sessions. A session is judged by the history
strictly before its day (SPEC R7): nothing logged on the same day — another lift's
session included — changes how it is read, live or in any replay. Sessions in a taper, a
stop or a B race's light days do not move the progression (they were prescribed
lighter, R16); they keep the lift fresh for R20.

The fold never looks at the athlete's unit, bar or plates (units are a display
preference, SPEC §5). A cached state depends on the races, the stop length and the
overrides as well as on the sets, and on the rules' version: the store drops its cache
when `fold_key` changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence

from .bodyweight import advance_bodyweight
from .constants import RULES_VERSION
from .layoff import days_away
from .loaded import advance_loaded
from .model import Athlete, ExerciseInfo, LoggedSet, Override, Race
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
    races: Sequence[Race] = (),
) -> ExerciseState:
    """Fold one session (the sets of `info` on one date) into `state`.

    `light`: the session fell in a taper/stop/B-race window; it keeps the lift fresh
    (for the layoff rule) but does not move the progression. `races`: for R20's days
    away (race windows do not count); `athlete` gives the stop length.
    """
    facts = summarise(session_sets, info)
    if facts is None:
        return state
    if light:
        return state.with_light_session(facts)
    away = days_away(state.last_date, facts.date, races, athlete.stop_days)
    if is_bodyweight(info):
        return advance_bodyweight(state, facts, info, away)
    return advance_loaded(state, facts, info, away)


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
    """A fingerprint of what, besides the sets, a cached state depends on.

    The rules' version, the stop length, the races and the overrides — never the units,
    bar or plates, which the fold does not read.
    """
    import hashlib  # here, not at the top: `liftlog next` must start fast

    parts = [
        repr((RULES_VERSION, athlete.stop_days)),
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
    cached = states or {}
    through = {n: cached[n][1] for n in wanted if n in cached}
    current = {n: cached[n][0] if n in cached else initial_state(catalog[n]) for n in wanted}

    # (date, exercise) → sets. A session reads only its own lift's state, folded from the
    # days before it, so sessions of one date may be folded in any order.
    sessions: dict[tuple[dt.date, str], list[LoggedSet]] = {}
    for s in history:
        name, day = s.exercise, s.session_date
        if name not in wanted or day >= before:
            continue
        t = through.get(name)
        if t is not None and day <= t:
            continue
        key = (day, name)
        group = sessions.get(key)
        if group is None:
            sessions[key] = [s]
        else:
            group.append(s)
    events: list[tuple[dt.date, int, str, Override | None]] = [
        (day, 1, name, None) for day, name in sessions
    ]
    for o in overrides:
        t = through.get(o.exercise)
        if o.exercise in wanted and o.date <= last_override and (t is None or o.date > t):
            events.append((o.date, 0, o.exercise, o))
    events.sort(key=lambda e: (e[0], e[1], e[2]))

    light_cache: dict[dt.date, bool] = {}
    for date, _, name, override in events:
        info = catalog[name]
        if override is not None:
            current[name] = apply_override(current[name], override, info, athlete)
            continue
        light = light_cache.get(date)
        if light is None:
            light = light_cache[date] = is_light_or_off(date, races, athlete.stop_days)
        current[name] = advance(
            current[name], sessions[(date, name)], info, athlete, light=light, races=races
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
