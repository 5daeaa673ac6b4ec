"""The coach: reads what the rules need from the store and asks the rules.

This is the one place that turns database rows into `liftlog.progression` inputs, so
`liftlog next` and the Today screen give the same answer. It runs on every start, so
it reads with plain `sqlite3` and keeps each lift's folded state in the
`progression_cache` table: a warm call reads only the last year of sets (what the
season and scheduling rules look at) instead of twenty years of history. Triggers in
the schema drop cached states that a new, changed or deleted set makes stale, and the
cache key below drops them when the rules, races, kit or overrides change.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

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
from liftlog.store.db import StoreError, quick_check
from liftlog.store.queries import (
    AthleteRow,
    ExerciseRow,
    get_athlete,
    list_bodyweights,
    list_exercises,
    list_races,
)


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


@dataclass(frozen=True)
class CoachInputs:
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


def _routine_changes(conn: sqlite3.Connection, athlete_id: int) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT e.name, r.action FROM routine_change r JOIN exercise e ON e.id = r.exercise_id"
        " WHERE r.athlete_id = ? ORDER BY r.id",
        (athlete_id,),
    ).fetchall()


def _overrides(conn: sqlite3.Connection, athlete_id: int) -> tuple[Override, ...]:
    rows = conn.execute(
        "SELECT e.name, o.date, o.kind FROM lift_override o JOIN exercise e ON e.id = o.exercise_id"
        " WHERE o.athlete_id = ? ORDER BY o.date, o.id",
        (athlete_id,),
    )
    return tuple(Override(name, dt.date.fromisoformat(d), kind) for name, d, kind in rows)


def load_inputs(conn: sqlite3.Connection, athlete_id: int) -> CoachInputs:
    row = get_athlete(conn, athlete_id)
    exercises = list_exercises(conn, athlete_id)
    races = tuple(
        Race(r.name, r.date, r.priority)  # type: ignore[arg-type]
        for r in list_races(conn, athlete_id)
    )
    changes = _routine_changes(conn, athlete_id)
    athlete = Athlete(
        units=row.units,
        bar_kg=row.bar_kg,
        plates_kg=row.plates_kg,
        run_template=tuple(sorted(row.run_template.items())),  # type: ignore[arg-type]
        bodyweights=tuple(list_bodyweights(conn, athlete_id)),
        stop_days=row.stop_days,
        routine_add=tuple(name for name, action in changes if action == "add"),
        routine_drop=tuple(name for name, action in changes if action == "drop"),
        races=races,
    )
    return CoachInputs(
        athlete_row=row,
        athlete=athlete,
        catalog={e.name: exercise_info(e) for e in exercises},
        ids={e.name: e.id for e in exercises},
        races=races,
        overrides=_overrides(conn, athlete_id),
    )


def _logged_sets(
    conn: sqlite3.Connection, athlete_id: int, since: dt.date, before: dt.date | None = None
) -> list[LoggedSet]:
    """Sets of sessions dated `since` or later (and before `before`), as the rules read them."""
    query = (
        "SELECT w.date, e.name, s.kind, s.weight_kg, s.reps, s.seconds, s.rpe, s.side, s.position"
        " FROM workout w JOIN workout_set s ON s.workout_id = w.id"
        " JOIN exercise e ON e.id = s.exercise_id"
        " WHERE w.athlete_id = ? AND w.date >= ?"
    )
    params: list[object] = [athlete_id, since.isoformat()]
    if before is not None:
        query += " AND w.date < ?"
        params.append(before.isoformat())
    fromiso = dt.date.fromisoformat
    return [
        LoggedSet(fromiso(d), name, kind, weight, reps, seconds, rpe, side, position)
        for d, name, kind, weight, reps, seconds, rpe, side, position in conn.execute(
            query + " ORDER BY w.date, w.id, s.position", params
        )
    ]


def _cached_states(
    conn: sqlite3.Connection, inputs: CoachInputs, before: dt.date
) -> dict[str, tuple[ExerciseState, dt.date]]:
    names = {ex_id: name for name, ex_id in inputs.ids.items()}
    states: dict[str, tuple[ExerciseState, dt.date]] = {}
    rows = conn.execute(
        "SELECT exercise_id, through_date, state FROM progression_cache"
        " WHERE athlete_id = ? AND engine_version = ? AND through_date < ?",
        (inputs.athlete_row.id, inputs.cache_key, before.isoformat()),
    )
    for exercise_id, through, state in rows:
        name = names.get(exercise_id)
        if name is None:
            continue
        try:
            states[name] = (
                ExerciseState.from_dict(json.loads(state)),
                dt.date.fromisoformat(through),
            )
        except (ValueError, KeyError, TypeError):
            continue  # a row the rules can't read is just a cache miss
    return states


def _store_states(
    conn: sqlite3.Connection,
    inputs: CoachInputs,
    states: dict[str, ExerciseState],
    through: dt.date,
    known: dict[str, tuple[ExerciseState, dt.date]],
) -> None:
    rows = [
        (inputs.athlete_row.id, inputs.ids[name], through.isoformat(), inputs.cache_key,
         json.dumps(state.to_dict(), separators=(",", ":")))
        for name, state in states.items()
        if state.sessions or state.last_date is not None
        if name not in known or known[name][1] != through
    ]  # fmt: skip
    if not rows:
        return
    try:
        quick_check(conn)  # never write into a damaged file, not even a cache
        with conn:
            conn.executemany(
                "INSERT INTO progression_cache"
                " (athlete_id, exercise_id, through_date, engine_version, state)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (athlete_id, exercise_id) DO UPDATE SET"
                " through_date = excluded.through_date, engine_version = excluded.engine_version,"
                " state = excluded.state",
                rows,
            )
    except (sqlite3.OperationalError, StoreError):
        pass  # busy, read-only or damaged: the cache is an optimisation, the answer stands


def _refresh_cache(
    conn: sqlite3.Connection,
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
    _store_states(conn, inputs, folded, through, states)


def _lifts_with_sets(conn: sqlite3.Connection, athlete_id: int, before: dt.date) -> set[int]:
    """Ids of the exercises with a set dated before `before`: one index probe each."""
    rows = conn.execute(
        "SELECT e.id FROM exercise e WHERE (e.athlete_id IS NULL OR e.athlete_id = ?)"
        " AND EXISTS (SELECT 1 FROM workout_set s JOIN workout w ON w.id = s.workout_id"
        "  WHERE s.athlete_id = ? AND s.exercise_id = e.id AND w.date < ?)",
        (athlete_id, athlete_id, before.isoformat()),
    )
    return {ex_id for (ex_id,) in rows}


#: The week before the day: what was done "this week" (programs' once-a-week lifts).
_RECENT = dt.timedelta(days=8)


def prescription_for(
    conn: sqlite3.Connection,
    athlete_id: int,
    date: dt.date,
    *,
    exercise: str | None = None,
    pick: bool = True,
    today: dt.date | None = None,
) -> DayPrescription:
    """The prescription for `date`: with `pick`, the next strength day on or after it (R19).

    Warm (every lift with sets has a valid cached state), this reads the sets since
    the oldest cached state and the last week, plus the year's session dates. Cold,
    it folds the whole history once and caches the result. Raises KeyError for an
    exercise name the catalog doesn't know.
    """
    inputs = load_inputs(conn, athlete_id)
    today = today or dt.date.today()
    first = min(date, today)
    states = _cached_states(conn, inputs, first)
    cached_ids = {inputs.ids[name] for name in states}
    if _lifts_with_sets(conn, athlete_id, first) <= cached_ids:
        since = first - _RECENT
        if states:
            since = min(since, min(t for _, t in states.values()) + dt.timedelta(days=1))
        dates = session_dates(conn, athlete_id, first - dt.timedelta(days=7 * 53))
    else:  # a lift without a valid state (new, or a set logged in the past): replay all
        states, since, dates = {}, dt.date.min, []
    history = _logged_sets(conn, athlete_id, since)
    program = load_program(data_dir() / "programs.toml")
    day = prescribe(
        date, inputs.athlete, inputs.catalog, history, inputs.races, inputs.overrides,
        program, exercise, states=states, pick=pick, session_dates=dates,
    )  # fmt: skip
    if date >= today:
        _refresh_cache(conn, inputs, states, history, today)
    return day


def session_dates(conn: sqlite3.Connection, athlete_id: int, since: dt.date) -> list[dt.date]:
    """Dates with at least one work set since `since` (for week counts and the season line)."""
    rows = conn.execute(
        "SELECT DISTINCT w.date FROM workout w WHERE w.athlete_id = ? AND w.date >= ?"
        " AND EXISTS (SELECT 1 FROM workout_set s WHERE s.workout_id = w.id AND s.kind = 'work')"
        " ORDER BY w.date",
        (athlete_id, since.isoformat()),
    )
    return [dt.date.fromisoformat(d) for (d,) in rows]
