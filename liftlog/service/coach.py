"""The coach: reads what the rules need through the store and asks the rules.

This is the one place that turns the log into `liftlog.progression` inputs, so
`liftlog next` and the Today screen give the same answer. It runs on every start, so
each lift's folded state is cached (`store.coach`): a warm call reads only the last
year of sets (what the season and scheduling rules look at) instead of twenty years
of history. Triggers drop cached states that a new, changed or deleted set makes
stale, and the cache key below drops them when the rules, races, stop days or
overrides change (never the units or the kit: the fold is unit-free).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import NamedTuple

from liftlog import __version__
from liftlog.locations import data_dir
from liftlog.progression import (
    Athlete,
    DayPrescription,
    ExerciseInfo,
    ExerciseState,
    LoggedSet,
    Override,
    Race,
    fold,
    fold_key,
    load_program,
    prescribe,
)
from liftlog.service.log import Log
from liftlog.store import coach as store
from liftlog.store.athletes import get_athlete, list_bodyweights
from liftlog.store.db import Connection
from liftlog.store.exercises import list_exercises, list_overrides, list_routine_changes
from liftlog.store.races import list_races
from liftlog.store.rows import AthleteRow, ExerciseRow
from liftlog.store.runs import rule_runs


def exercise_info(row: ExerciseRow) -> ExerciseInfo:
    """A catalog row as the rules see it."""
    return ExerciseInfo(
        name=row.name,
        category=row.category,  # type: ignore[arg-type]
        equipment=row.equipment,  # type: ignore[arg-type]
        laterality=row.laterality,  # type: ignore[arg-type]
        measure=row.measure,  # type: ignore[arg-type]
        increment_kg=row.increment_kg,
        cap_ratio=row.cap_ratio,
        start_load_kg=row.start_load_kg,
        harder=row.harder,
        single_leg_of=row.single_leg_of,
        range_min=row.range_min,
        range_max=row.range_max,
        aliases=row.aliases,
    )


class CoachInputs(NamedTuple):
    """Everything but the sets: the athlete, the catalog, races and overrides."""

    athlete_row: AthleteRow
    athlete: Athlete
    catalog: dict[str, ExerciseInfo]
    ids: dict[str, int]
    races: tuple[Race, ...]
    overrides: tuple[Override, ...]

    @property
    def cache_key(self) -> str:
        return f"{__version__}:{fold_key(self.athlete, self.races, self.overrides)}"


def load_inputs(conn: Connection, athlete_id: int, runs_from: dt.date | None = None) -> CoachInputs:
    """What the rules need besides the sets; the runs (R22) for days from `runs_from`
    (default: today) on."""
    row = get_athlete(conn, athlete_id)
    exercises = list_exercises(conn, athlete_id)
    races = tuple(
        Race(r.name, r.date, r.priority)  # type: ignore[arg-type]
        for r in list_races(conn, athlete_id)
    )
    changes = list_routine_changes(conn, athlete_id)
    athlete = Athlete(
        units=row.units,
        bar_kg=row.bar_kg,
        plates_kg=row.plates_kg,
        run_template=tuple(sorted(row.run_template.items())),  # type: ignore[arg-type]
        bodyweights=tuple(list_bodyweights(conn, athlete_id)),
        stop_days=row.stop_days,
        routine_add=tuple(c.exercise for c in changes if c.action == "add"),
        routine_drop=tuple(c.exercise for c in changes if c.action == "drop"),
        races=races,
        runs=rule_runs(conn, athlete_id, runs_from or dt.date.today()),
    )
    overrides = tuple(
        Override(o.exercise, o.date, o.kind)  # type: ignore[arg-type]
        for o in list_overrides(conn, athlete_id)
    )
    return CoachInputs(
        athlete_row=row,
        athlete=athlete,
        catalog={e.name: exercise_info(e) for e in exercises},
        ids={e.name: e.id for e in exercises},
        races=races,
        overrides=overrides,
    )


def _cached_states(
    conn: Connection, inputs: CoachInputs, before: dt.date
) -> dict[str, tuple[ExerciseState, dt.date]]:
    names = {ex_id: name for name, ex_id in inputs.ids.items()}
    states: dict[str, tuple[ExerciseState, dt.date]] = {}
    for exercise_id, through, state in store.cached_states(
        conn, inputs.athlete_row.id, inputs.cache_key, before
    ):
        name = names.get(exercise_id)
        if name is None:
            continue
        try:
            states[name] = (ExerciseState.from_dict(json.loads(state)), through)
        except (ValueError, KeyError, TypeError):
            continue  # a state the rules can't read is just a cache miss
    return states


def _refresh_cache(
    conn: Connection,
    inputs: CoachInputs,
    states: dict[str, tuple[ExerciseState, dt.date]],
    history: Sequence[LoggedSet],
    today: dt.date,
) -> None:
    """Fold every lift with sessions through yesterday, and cache those states."""
    through = today - dt.timedelta(days=1)
    lifts = {s.exercise for s in history if s.session_date <= through} | set(states)
    if not lifts:
        return
    folded = fold(
        inputs.catalog, history, inputs.athlete, inputs.races, inputs.overrides,
        before=today, exercises=lifts, states=states,
    )  # fmt: skip
    rows = [
        (inputs.ids[name], through, json.dumps(state.to_dict(), separators=(",", ":")))
        for name, state in folded.items()
        if state.sessions or state.last_date is not None
        if name not in states or states[name][1] != through
    ]
    store.store_states(conn, inputs.athlete_row.id, inputs.cache_key, rows)


#: The week before the day: what was done "this week" (programs' once-a-week lifts).
_RECENT = dt.timedelta(days=8)


def prescription_for(
    conn: Connection,
    athlete_id: int,
    date: dt.date,
    *,
    exercise: str | None = None,
    pick: bool = True,
    today: dt.date | None = None,
    planned: Sequence[dt.date] = (),
    assumed: Sequence[LoggedSet] = (),
) -> DayPrescription:
    """The prescription for `date`: with `pick`, the next strength day on or after it (R19).

    `planned`: days of sessions projected but not logged (the calendar's), which R19
    counts like logged ones when it spaces the next session; `assumed`: their sets, as
    if lifted, which the rules fold like logged ones (never cached).

    Warm (every lift with sets has a valid cached state), this reads the sets since
    the oldest cached state and the last week, plus the year's session dates. Cold,
    it folds the whole history once and caches the result. Raises KeyError for an
    exercise name the catalog doesn't know.
    """
    today = today or dt.date.today()
    first = min(date, today)
    inputs = load_inputs(conn, athlete_id, first)
    states = _cached_states(conn, inputs, first)
    cached_ids = {inputs.ids[name] for name in states}
    if store.lifts_with_sets(conn, athlete_id, first) <= cached_ids:
        since = first - _RECENT
        if states:
            since = min(since, min(t for _, t in states.values()) + dt.timedelta(days=1))
        dates = store.session_dates(conn, athlete_id, first - dt.timedelta(days=7 * 53))
    else:  # a lift without a valid state (new, or a set logged in the past): replay all
        states, since, dates = {}, dt.date.min, []
    history = store.logged_sets(conn, athlete_id, since)
    if assumed:
        history = sorted([*history, *assumed], key=lambda s: s.session_date)  # stable
    program = load_program(data_dir() / "programs.toml")
    day = prescribe(
        date, inputs.athlete, inputs.catalog, history, inputs.races, inputs.overrides,
        program, exercise, states=states, pick=pick, session_dates=[*dates, *planned],
    )  # fmt: skip
    if date >= today and not assumed:  # the cache holds what was lifted, nothing assumed
        _refresh_cache(conn, inputs, states, history, today)
    return day


def session_dates(conn: Connection, athlete_id: int, since: dt.date) -> list[dt.date]:
    """Dates with at least one set that is not a warm-up since `since` (week counts,
    the season line)."""
    return store.session_dates(conn, athlete_id, since)


def next_session(
    log: Log, date: dt.date, *, exercise: str | None = None, today: dt.date | None = None
) -> DayPrescription:
    """The next strength session on or after `date` (R19), for one exercise or all."""
    with log.reading() as conn:
        return prescription_for(conn, log.athlete_id, date, exercise=exercise, today=today)
