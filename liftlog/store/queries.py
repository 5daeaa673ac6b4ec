"""Read queries on a plain `sqlite3` connection, returning small frozen rows.

These run on every start (`liftlog next`, the Today screen, history pages), so they
avoid the ORM: no SQLAlchemy import, no objects per row beyond a tuple-like record.
Every function takes the connection explicitly.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from liftlog.store.db import write_transaction
from liftlog.units import DEFAULT_BAR, DEFAULT_PLATES, Unit, to_kg


@dataclass(frozen=True, slots=True)
class AthleteRow:
    id: int
    name: str
    units: Unit
    bar_kg: float
    plates_kg: tuple[tuple[float, int], ...]
    run_template: dict[int, str]
    stop_days: int


@dataclass(frozen=True, slots=True)
class ExerciseRow:
    id: int
    athlete_id: int | None
    name: str
    aliases: tuple[str, ...]
    category: str
    equipment: str
    laterality: str
    measure: str
    increment_kg: float
    cap_ratio: float | None
    start_load_kg: float | None
    harder: str | None
    single_leg_of: str | None
    range_min: int | None
    range_max: int | None

    @property
    def is_own(self) -> bool:
        """An exercise the athlete added, not one from the shipped catalog."""
        return self.athlete_id is not None


@dataclass(frozen=True, slots=True)
class RaceRow:
    id: int
    name: str
    date: dt.date
    priority: str


@dataclass(frozen=True, slots=True)
class SetRow:
    """A logged set with its workout's date and its exercise's name."""

    id: int
    workout_id: int
    date: dt.date
    started_at: str
    exercise: str
    position: int
    kind: str
    side: str | None
    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None
    note: str
    logged_at: str


def ensure_athlete(conn: sqlite3.Connection) -> int:
    """The id of the database's athlete, creating the default one (kg) on first use."""
    query = "SELECT id FROM athlete ORDER BY id LIMIT 1"
    row = conn.execute(query).fetchone()
    if row is not None:
        return int(row[0])
    plates = [[to_kg(size, "kg"), pairs] for size, pairs in DEFAULT_PLATES["kg"]]
    with write_transaction(conn):
        row = conn.execute(query).fetchone()  # another process may have been first
        if row is not None:
            return int(row[0])
        cur = conn.execute(
            "INSERT INTO athlete (name, units, bar_kg, plates, run_template, stop_days, created_at)"
            " VALUES ('me', 'kg', ?, ?, '{}', 14, ?)",
            (DEFAULT_BAR["kg"], json.dumps(plates), dt.datetime.now().isoformat(" ", "seconds")),
        )
    return int(cur.lastrowid or 0)


def get_athlete(conn: sqlite3.Connection, athlete_id: int) -> AthleteRow:
    row = conn.execute(
        "SELECT id, name, units, bar_kg, plates, run_template, stop_days FROM athlete WHERE id = ?",
        (athlete_id,),
    ).fetchone()
    if row is None:
        raise LookupError(f"no athlete {athlete_id}")
    plates = tuple((float(size), int(pairs)) for size, pairs in json.loads(row[4]))
    template = {int(day): kind for day, kind in json.loads(row[5]).items()}
    return AthleteRow(row[0], row[1], row[2], float(row[3]), plates, template, int(row[6]))


_EXERCISE_COLUMNS = (
    "id, athlete_id, name, aliases, category, equipment, laterality, measure, increment_kg,"
    " cap_ratio, start_load_kg, harder, single_leg_of, range_min, range_max"
)


def _exercise(row: tuple[object, ...]) -> ExerciseRow:
    values = list(row)
    values[3] = tuple(json.loads(str(values[3])))
    return ExerciseRow(*values)  # type: ignore[arg-type]


def list_exercises(conn: sqlite3.Connection, athlete_id: int) -> list[ExerciseRow]:
    """The shipped catalog and the athlete's own exercises, by name."""
    rows = conn.execute(
        f"SELECT {_EXERCISE_COLUMNS} FROM exercise"
        " WHERE athlete_id IS NULL OR athlete_id = ? ORDER BY name COLLATE NOCASE",
        (athlete_id,),
    )
    return [_exercise(row) for row in rows]


def list_races(conn: sqlite3.Connection, athlete_id: int) -> list[RaceRow]:
    rows = conn.execute(
        "SELECT id, name, date, priority FROM race WHERE athlete_id = ? ORDER BY date, id",
        (athlete_id,),
    )
    return [RaceRow(r[0], r[1], dt.date.fromisoformat(r[2]), r[3]) for r in rows]


def list_bodyweights(conn: sqlite3.Connection, athlete_id: int) -> list[tuple[dt.date, float]]:
    rows = conn.execute(
        "SELECT date, kg FROM bodyweight WHERE athlete_id = ? ORDER BY date", (athlete_id,)
    )
    return [(dt.date.fromisoformat(d), float(kg)) for d, kg in rows]


_SET_COLUMNS = (
    "s.id, s.workout_id, w.date, w.started_at, e.name, s.position, s.kind, s.side,"
    " s.weight_kg, s.reps, s.seconds, s.rpe, s.note, s.logged_at"
)


def iter_sets(
    conn: sqlite3.Connection, athlete_id: int, *, exercise_id: int | None = None
) -> Iterator[SetRow]:
    """Every set of the athlete (or of one exercise), oldest workout first, streamed."""
    where = "s.athlete_id = ?"
    params: list[object] = [athlete_id]
    if exercise_id is not None:
        where += " AND s.exercise_id = ?"
        params.append(exercise_id)
    rows = conn.execute(
        f"SELECT {_SET_COLUMNS} FROM workout_set s"
        " JOIN workout w ON w.id = s.workout_id JOIN exercise e ON e.id = s.exercise_id"
        f" WHERE {where} ORDER BY w.date, w.started_at, w.id, s.position, s.id",
        params,
    )
    for row in rows:
        values = list(row)
        values[2] = dt.date.fromisoformat(values[2])
        yield SetRow(*values)
