"""The record of imports (`import_batch`), and undoing one.

`store.imports.ImportWriter` records each import it writes; here they are listed, found
by the hash of their file, and undone: the sets an import added go first, then its
workouts and exercises that nothing else uses any more, all in one transaction, with
`session_summary` rebuilt once for the workouts touched.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from liftlog.store.db import db_file, explain, quick_check
from liftlog.store.rows import store_datetime
from liftlog.store.summary import start_bulk


def _parse_stored(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One import, as `liftlog imports` lists it."""

    id: int
    created_at: dt.datetime
    file_name: str
    file_hash: str
    format: str
    unit: str | None
    sets: int
    workouts: int
    skipped: int
    details: dict[str, Any]
    undone_at: dt.datetime | None


_BATCH_COLUMNS = (
    "id, created_at, file_name, file_hash, format, unit, sets, workouts, skipped, details,"
    " undone_at"
)


def _batch(row: tuple[Any, ...]) -> BatchRow:
    try:
        details = json.loads(row[9] or "{}")
    except ValueError:
        details = {}
    return BatchRow(
        id=int(row[0]),
        created_at=_parse_stored(row[1]) or dt.datetime.min,
        file_name=row[2],
        file_hash=row[3],
        format=row[4],
        unit=row[5],
        sets=int(row[6]),
        workouts=int(row[7]),
        skipped=int(row[8]),
        details=details if isinstance(details, dict) else {},
        undone_at=_parse_stored(row[10]) if row[10] else None,
    )


def list_batches(conn: sqlite3.Connection, athlete_id: int) -> list[BatchRow]:
    """Every import of the athlete, oldest first."""
    rows = conn.execute(
        f"SELECT {_BATCH_COLUMNS} FROM import_batch WHERE athlete_id = ? ORDER BY id",
        (athlete_id,),
    )
    return [_batch(row) for row in rows]


def get_batch(conn: sqlite3.Connection, athlete_id: int, batch_id: int) -> BatchRow | None:
    row = conn.execute(
        f"SELECT {_BATCH_COLUMNS} FROM import_batch WHERE athlete_id = ? AND id = ?",
        (athlete_id, batch_id),
    ).fetchone()
    return None if row is None else _batch(row)


def batches_of_file(conn: sqlite3.Connection, athlete_id: int, file_hash: str) -> list[BatchRow]:
    """The imports, not undone, of a file with these bytes."""
    rows = conn.execute(
        f"SELECT {_BATCH_COLUMNS} FROM import_batch WHERE athlete_id = ? AND file_hash = ?"
        " AND undone_at IS NULL ORDER BY id",
        (athlete_id, file_hash),
    )
    return [_batch(row) for row in rows]


@dataclass(frozen=True, slots=True)
class Undone:
    """What an undo removed."""

    sets: int
    workouts: int
    exercises: int


def undo_batch(conn: sqlite3.Connection, athlete_id: int, batch_id: int) -> Undone:
    """Remove the sets an import added, then its workouts and exercises nothing else
    uses any more, in one transaction; mark the batch undone."""
    if conn.in_transaction:
        raise RuntimeError("an undo needs a connection with no open transaction")
    quick_check(conn)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise explain(db_file(conn), exc) from None
    try:
        bulk = start_bulk(conn)
        bulk.touch(
            workout_id
            for (workout_id,) in conn.execute(
                "SELECT DISTINCT workout_id FROM workout_set WHERE import_batch_id = ?",
                (batch_id,),
            )
        )
        sets = conn.execute(
            "DELETE FROM workout_set WHERE import_batch_id = ? AND athlete_id = ?",
            (batch_id, athlete_id),
        ).rowcount
        bulk.end()  # the summary rows go with their sets, before their workouts do
        workouts = conn.execute(
            "DELETE FROM workout WHERE import_batch_id = ? AND athlete_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM workout_set s WHERE s.workout_id = workout.id)",
            (batch_id, athlete_id),
        ).rowcount
        exercises = conn.execute(
            "DELETE FROM exercise WHERE import_batch_id = ? AND athlete_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM workout_set s WHERE s.exercise_id = exercise.id)"
            " AND NOT EXISTS (SELECT 1 FROM lift_override o WHERE o.exercise_id = exercise.id)"
            " AND NOT EXISTS (SELECT 1 FROM routine_change r WHERE r.exercise_id = exercise.id)",
            (batch_id, athlete_id),
        ).rowcount
        conn.execute(
            "UPDATE import_batch SET undone_at = ? WHERE id = ?",
            (store_datetime(dt.datetime.now()), batch_id),
        )
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return Undone(sets=sets, workouts=workouts, exercises=exercises)
