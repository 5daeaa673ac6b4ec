"""What the coach reads on every start, and the cache of folded progression states.

Plain `sqlite3` only: `liftlog next` and the Today screen run these at start-up. The
sets come out as the rules' own `LoggedSet`s (built straight from the rows: twenty
years of sets are read when the cache is cold). `progression_cache` holds one JSON
state per lift; triggers (revision 0003) drop the rows a set write makes stale.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from liftlog.progression import LoggedSet
from liftlog.store.db import StoreError, quick_check


def logged_sets(
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


def session_dates(conn: sqlite3.Connection, athlete_id: int, since: dt.date) -> list[dt.date]:
    """Dates with at least one set that is not a warm-up, since `since`."""
    rows = conn.execute(
        "SELECT DISTINCT w.date FROM workout w WHERE w.athlete_id = ? AND w.date >= ?"
        " AND EXISTS (SELECT 1 FROM workout_set s WHERE s.workout_id = w.id"
        "  AND s.kind <> 'warmup')"
        " ORDER BY w.date",
        (athlete_id, since.isoformat()),
    )
    return [dt.date.fromisoformat(d) for (d,) in rows]


def lifts_with_sets(conn: sqlite3.Connection, athlete_id: int, before: dt.date) -> set[int]:
    """Ids of the exercises with a set dated before `before`: one index probe each."""
    rows = conn.execute(
        "SELECT e.id FROM exercise e WHERE (e.athlete_id IS NULL OR e.athlete_id = ?)"
        " AND EXISTS (SELECT 1 FROM workout_set s JOIN workout w ON w.id = s.workout_id"
        "  WHERE s.athlete_id = ? AND s.exercise_id = e.id AND w.date < ?)",
        (athlete_id, athlete_id, before.isoformat()),
    )
    return {ex_id for (ex_id,) in rows}


def cached_states(
    conn: sqlite3.Connection, athlete_id: int, key: str, before: dt.date
) -> list[tuple[int, dt.date, str]]:
    """(exercise id, through date, state JSON) of the cached states made under `key`
    that end before `before`."""
    rows = conn.execute(
        "SELECT exercise_id, through_date, state FROM progression_cache"
        " WHERE athlete_id = ? AND engine_version = ? AND through_date < ?",
        (athlete_id, key, before.isoformat()),
    )
    found = []
    for exercise_id, through, state in rows:
        try:
            found.append((int(exercise_id), dt.date.fromisoformat(through), str(state)))
        except (TypeError, ValueError):
            continue  # a row the store can't read is just a cache miss
    return found


def store_states(
    conn: sqlite3.Connection, athlete_id: int, key: str, rows: list[tuple[int, dt.date, str]]
) -> None:
    """Keep (exercise id, through date, state JSON) rows; a busy, read-only or damaged
    file just means no cache this time (the answer stands)."""
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
                [(athlete_id, ex_id, through.isoformat(), key, state)
                 for ex_id, through, state in rows],
            )  # fmt: skip
    except (sqlite3.OperationalError, StoreError):
        pass
