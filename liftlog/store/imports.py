"""Bulk writes of an import: every set of a file inside one SQLite transaction.

`ImportWriter` is handed the sets a file holds (already parsed, in kg) and the exercise
each belongs to; it finds or creates their workouts, skips the sets a workout already
holds, and writes the rest in batches. The caller (the service) begins with `begin`
and ends with `commit` or `rollback` (a dry run rolls back, so its report is exactly
what a real import would do).

- A workout is its date, start time and name; an import adds to a workout of the same
  start and name instead of making a second one.
- A set already in that workout is a duplicate. The key is the exercise, kind, side,
  load, reps and seconds, counted: a file with three identical sets of 5 at 100 kg adds
  as many of them as the workout does not hold yet. So importing a file twice adds
  nothing the second time, and a later, longer export of the same app adds only what is
  new.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from liftlog.csvio.cells import store_datetime
from liftlog.store.db import db_file, explain, quick_check

if TYPE_CHECKING:
    from liftlog.csvio.formats import ImportedSet

#: Sets written per `executemany` batch.
BATCH_ROWS = 1000

SetKey = tuple[int, str, str | None, float, int | None, int | None]


@dataclass
class _Workout:
    id: int
    is_new: bool
    next_position: int = 1
    existing: Counter[SetKey] = field(default_factory=Counter)
    seen: Counter[SetKey] = field(default_factory=Counter)
    got_sets: bool = False


def _parse_stored(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


@dataclass
class WriteCounts:
    """What the writer did so far."""

    sets: int = 0
    duplicates: int = 0
    workouts: int = 0  # workouts that received at least one set
    new_workouts: int = 0


class ImportWriter:
    """Writes parsed sets for one athlete inside the transaction `begin` opens."""

    def __init__(self, conn: sqlite3.Connection, athlete_id: int) -> None:
        self.conn = conn
        self.athlete_id = athlete_id
        self.counts = WriteCounts()
        self._workouts: dict[tuple[dt.datetime, dt.date, str], _Workout] = {}
        self._pending: list[tuple[object, ...]] = []

    def begin(self) -> None:
        """Take the write lock for the whole import (never a half-imported file)."""
        if self.conn.in_transaction:  # a caller's pending writes must not ride on ours
            raise RuntimeError("an import needs a connection with no open transaction")
        quick_check(self.conn)  # never write into a damaged file
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise explain(db_file(self.conn), exc) from None

    def commit(self) -> None:
        self.flush()
        self.conn.commit()

    def rollback(self) -> None:
        self._pending.clear()
        if self.conn.in_transaction:
            self.conn.rollback()

    def has_sets(self) -> bool:
        """True when the athlete's log already holds a set."""
        found = self.conn.execute(
            "SELECT 1 FROM workout_set WHERE athlete_id = ? LIMIT 1", (self.athlete_id,)
        ).fetchone()
        return found is not None

    def set_units(
        self, units: str, bar_kg: float | None, plates_kg: Sequence[tuple[float, int]] | None
    ) -> None:
        """Switch the athlete's units (and kit) inside the import's transaction."""
        sql = "UPDATE athlete SET units = ?"
        params: list[object] = [units]
        if bar_kg is not None:
            sql += ", bar_kg = ?"
            params.append(bar_kg)
        if plates_kg is not None:
            sql += ", plates = ?"
            params.append(json.dumps([[size, pairs] for size, pairs in plates_kg]))
        self.conn.execute(sql + " WHERE id = ?", [*params, self.athlete_id])

    def new_exercise(
        self,
        *,
        name: str,
        equipment: str,
        laterality: str,
        measure: str,
        increment_kg: float,
        start_load_kg: float | None,
    ) -> int:
        """One of the athlete's own exercises, for a name the catalog doesn't know."""
        cur = self.conn.execute(
            "INSERT INTO exercise (athlete_id, name, aliases, category, equipment, laterality,"
            " measure, increment_kg, start_load_kg) VALUES (?, ?, '[]', 'general', ?, ?, ?, ?, ?)",
            (self.athlete_id, name, equipment, laterality, measure, increment_kg, start_load_kg),
        )
        return int(cur.lastrowid or 0)

    def _workout(self, item: ImportedSet) -> _Workout:
        key = (item.started_at, item.date, item.workout)
        found = self._workouts.get(key)
        if found is not None:
            return found
        for workout_id, started, name in self.conn.execute(
            "SELECT id, started_at, name FROM workout WHERE athlete_id = ? AND date = ?"
            " ORDER BY id",
            (self.athlete_id, item.date.isoformat()),
        ):
            if name == item.workout and _parse_stored(started) == item.started_at:
                found = self._existing(int(workout_id))
                break
        if found is None:
            cur = self.conn.execute(
                "INSERT INTO workout (athlete_id, date, started_at, name, notes)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    self.athlete_id,
                    item.date.isoformat(),
                    store_datetime(item.started_at),
                    item.workout,
                    item.workout_notes,
                ),
            )
            found = _Workout(int(cur.lastrowid or 0), is_new=True)
            self.counts.new_workouts += 1
        self._workouts[key] = found
        return found

    def _existing(self, workout_id: int) -> _Workout:
        workout = _Workout(workout_id, is_new=False)
        last = 0
        for exercise_id, kind, side, weight_kg, reps, seconds, position in self.conn.execute(
            "SELECT exercise_id, kind, side, weight_kg, reps, seconds, position"
            " FROM workout_set WHERE workout_id = ?",
            (workout_id,),
        ):
            workout.existing[(exercise_id, kind, side, round(weight_kg, 6), reps, seconds)] += 1
            last = max(last, int(position))
        workout.next_position = last + 1
        return workout

    def add(self, exercise_id: int, item: ImportedSet) -> bool:
        """Queue one set; False when its workout already holds it (a duplicate)."""
        workout = self._workout(item)
        key: SetKey = (
            exercise_id,
            item.kind,
            item.side,
            round(item.weight_kg, 6),
            item.reps,
            item.seconds,
        )
        if not workout.is_new:
            workout.seen[key] += 1
            if workout.seen[key] <= workout.existing[key]:
                self.counts.duplicates += 1
                return False
        if workout.is_new and item.order is not None:
            position = item.order
        else:
            position = workout.next_position
        workout.next_position = max(workout.next_position, position) + 1
        if not workout.got_sets:
            workout.got_sets = True
            self.counts.workouts += 1
        self.counts.sets += 1
        self._pending.append(
            (
                self.athlete_id,
                workout.id,
                exercise_id,
                position,
                item.kind,
                item.side,
                item.weight_kg,
                item.reps,
                item.seconds,
                item.rpe,
                item.note,
                store_datetime(item.logged_at),
            )
        )
        if len(self._pending) >= BATCH_ROWS:
            self.flush()
        return True

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO workout_set (athlete_id, workout_id, exercise_id, position, kind, side,"
            " weight_kg, reps, seconds, rpe, note, logged_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self._pending,
        )
        self._pending.clear()
