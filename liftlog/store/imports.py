"""Bulk writes of an import, and the record of every import (`import_batch`).

`ImportWriter` is handed the sets a file holds (already parsed, in kg) and the exercise
each belongs to; it finds or creates their workouts, skips the sets a workout already
holds, and writes the rest in batches, all inside the one transaction `begin` opens.
The caller (the service) ends with `finish` and `commit`, or `rollback` (a dry run
rolls back, so its report is exactly what a real import would do).

- Every import is an `import_batch` row (file, its hash, format, unit, counts, details)
  and every workout, set and exercise it adds carries its id, so `store.batches.undo_batch`
  removes exactly those (a workout or exercise only once nothing else uses it).
- A workout is its date, start time and name; an import adds to a workout of the same
  start and name instead of making a second one (and leaves that workout as it is).
- A set already in that workout is a duplicate. The key is the exercise, warm-up or
  not, side, load, reps and seconds, counted: a file with three identical sets of 5 at
  100 kg adds as many of them as the workout does not hold yet. So importing a file
  twice adds nothing the second time, a later, longer export of the same app adds only
  what is new, and a drop or failure set matches the work set an older liftlog stored
  for it.
- `session_summary` is rebuilt once, for the workouts written (`store.summary`).
- The set table's insert triggers stand aside for the import (`SetAside`): the summary
  is rebuilt as above, and the cached progression of every exercise the import wrote is
  dropped once at the end instead of once per set. Into a log with no sets yet, the set
  table's indexes stand aside too and are built once at the end (sorting 100,000 rows
  once beats updating four B-trees 100,000 times). Both come back from the schema's own
  SQL (`sqlite_master`), inside the import's transaction: a rollback, a dry run or a
  killed process leaves the schema as it was, and a commit leaves it identical.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from liftlog.store.db import db_file, explain, quick_check
from liftlog.store.rows import store_datetime
from liftlog.store.summary import BulkWrite, start_bulk

if TYPE_CHECKING:
    from liftlog.csvio.rows import ImportedSet

#: Sets written per statement: one multi-row INSERT binds them all and runs once, a
#: fifth cheaper than `executemany` running a one-row INSERT per set. Fewer when the
#: SQLite library allows fewer bound values per statement (`_rows_per_insert`).
BATCH_ROWS = 1000
#: The columns of a set an import writes, in the order of its value tuples.
_SET_COLUMNS = (
    "athlete_id, workout_id, exercise_id, position, kind, side, weight_kg, reps, seconds,"
    " rpe, note, logged_at, superset, import_batch_id"
)
_SET_VALUES = "(" + ", ".join("?" * (_SET_COLUMNS.count(",") + 1)) + ")"
#: The page cache (KiB) of the connection while it imports: the indexes of 100,000 new
#: sets (about 13 MB of pages) are then updated in memory instead of spilling to the
#: WAL half-way; the import takes half the time. The default comes back afterwards.
IMPORT_CACHE_KIB = 32 * 1024

#: The set table's insert triggers an import stands in for (revisions 0003 and 0005):
#: the progression cache's (its `end` drops the states of the exercises written) and the
#: session summary's (`BulkWrite.end` rebuilds the workouts written).
SET_INSERT_TRIGGERS = ("trg_cache_set_insert", "trg_summary_set_insert")


class SetAside:
    """Triggers (and, into an empty set table, indexes) of `workout_set` dropped for a
    bulk write and made again, from their stored SQL, by `restore`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        empty = conn.execute("SELECT 1 FROM workout_set LIMIT 1").fetchall() == []
        marks = ", ".join("?" * len(SET_INSERT_TRIGGERS))
        wanted = f"type = 'trigger' AND name IN ({marks})"
        if empty:
            wanted += " OR type = 'index' AND tbl_name = 'workout_set' AND sql IS NOT NULL"
        self.dropped: list[tuple[str, str, str]] = conn.execute(
            f"SELECT type, name, sql FROM sqlite_master WHERE {wanted} ORDER BY rowid",
            SET_INSERT_TRIGGERS,
        ).fetchall()
        for kind, name, _sql in self.dropped:
            conn.execute(f'DROP {kind.upper()} "{name}"')

    def restore(self, athlete_id: int, batch_id: int) -> None:
        """The dropped indexes and triggers again; the cached progression of every
        exercise the batch wrote a set of is stale (the cache trigger's work, once)."""
        for _kind, _name, sql in self.dropped:
            self.conn.execute(sql)
        self.dropped = []
        self.conn.execute(
            "DELETE FROM progression_cache WHERE athlete_id = ? AND exercise_id IN"
            " (SELECT DISTINCT exercise_id FROM workout_set WHERE import_batch_id = ?)",
            (athlete_id, batch_id),
        )


SetKey = tuple[int, bool, str | None, float, int | None, int | None]


def _key(exercise_id: int, kind: str, side: str | None, weight_kg: float,
         reps: int | None, seconds: int | None) -> SetKey:  # fmt: skip
    return (exercise_id, kind == "warmup", side, round(weight_kg, 6), reps, seconds)


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
        self.batch_id = 0
        self._bulk: BulkWrite | None = None
        self._aside: SetAside | None = None
        self._cache_kib: int | None = None
        self._last: tuple[dt.datetime, str, _Workout] | None = None
        self._workouts: dict[tuple[dt.datetime, dt.date, str], _Workout] = {}
        self._pending: list[tuple[object, ...]] = []
        self._batch_rows = _rows_per_insert(conn)
        self._had_workouts = True

    def begin(self, *, file_name: str, file_hash: str, format: str) -> int:
        """Take the write lock for the whole import (never a half-imported file) and
        open its batch; the batch's id."""
        if self.conn.in_transaction:  # a caller's pending writes must not ride on ours
            raise RuntimeError("an import needs a connection with no open transaction")
        quick_check(self.conn)  # never write into a damaged file
        # every id a row refers to is one this writer just read or made, inside the
        # same locked transaction: SQLite's per-row foreign-key lookups would only
        # repeat that (a tenth of the write); they are on again when the import ends
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            self.conn.execute("PRAGMA foreign_keys = ON")
            raise explain(db_file(self.conn), exc) from None
        try:
            self._open(file_name, file_hash, format)
        except BaseException:
            self.rollback()  # a full disk, an interrupt: the lock and the schema as they were
            raise
        return self.batch_id

    def _open(self, file_name: str, file_hash: str, format: str) -> None:
        cur = self.conn.execute(
            "INSERT INTO import_batch (athlete_id, created_at, file_name, file_hash, format,"
            " sets, workouts, skipped, details) VALUES (?, ?, ?, ?, ?, 0, 0, 0, '{}')",
            (self.athlete_id, store_datetime(dt.datetime.now()), file_name, file_hash, format),
        )
        self.batch_id = int(cur.lastrowid or 0)
        self._had_workouts = (
            self.conn.execute(
                "SELECT 1 FROM workout WHERE athlete_id = ? LIMIT 1", (self.athlete_id,)
            ).fetchone()
            is not None
        )
        self._bulk = start_bulk(self.conn)
        self._aside = SetAside(self.conn)
        self._cache_kib = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        self.conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")

    def finish(self, *, unit: str | None, skipped: int, details: dict[str, Any]) -> None:
        """Write what is queued, record the batch's counts, rebuild the summary."""
        self.flush()
        if self._aside is not None:
            self._aside.restore(self.athlete_id, self.batch_id)
            self._aside = None
        self.conn.execute(
            "UPDATE import_batch SET unit = ?, sets = ?, workouts = ?, skipped = ?, details = ?"
            " WHERE id = ?",
            (unit, self.counts.sets, self.counts.workouts, skipped, json.dumps(details),
             self.batch_id),
        )  # fmt: skip
        if self._bulk is not None:
            self._bulk.end()
            self._bulk = None

    def commit(self) -> None:
        self.conn.commit()
        self._restore_cache()

    def rollback(self) -> None:
        self._pending.clear()
        self._bulk = self._aside = None
        if self.conn.in_transaction:
            self.conn.rollback()
        self._restore_cache()

    def _restore_cache(self) -> None:
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self._cache_kib is not None:
            self.conn.execute(f"PRAGMA cache_size = {self._cache_kib}")
            self._cache_kib = None

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
            " measure, increment_kg, start_load_kg, import_batch_id)"
            " VALUES (?, ?, '[]', 'general', ?, ?, ?, ?, ?, ?)",
            (self.athlete_id, name, equipment, laterality, measure, increment_kg,
             start_load_kg, self.batch_id),
        )  # fmt: skip
        return int(cur.lastrowid or 0)

    def _workout(self, item: ImportedSet) -> _Workout:
        key = (item.started_at, item.date, item.workout)
        found = self._workouts.get(key)
        if found is not None:
            self._last = (item.started_at, item.workout, found)
            return found
        if self._had_workouts:  # an empty log has no workout to add to: no need to look
            for workout_id, started, name in self.conn.execute(
                "SELECT id, started_at, name FROM workout WHERE athlete_id = ? AND date = ?"
                " ORDER BY id",
                (self.athlete_id, item.date.isoformat()),
            ):
                if name == item.workout and _parse_stored(started) == item.started_at:
                    found = self._existing(int(workout_id))
                    break
        if found is None:
            ended = item.workout_ended_at
            cur = self.conn.execute(
                "INSERT INTO workout (athlete_id, date, started_at, name, notes, ended_at,"
                " import_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    self.athlete_id,
                    item.date.isoformat(),
                    store_datetime(item.started_at),
                    item.workout,
                    item.workout_notes,
                    None if ended is None else store_datetime(ended),
                    self.batch_id,
                ),
            )
            found = _Workout(int(cur.lastrowid or 0), is_new=True)
            self.counts.new_workouts += 1
        self._workouts[key] = found
        self._last = (item.started_at, item.workout, found)
        return found

    def _existing(self, workout_id: int) -> _Workout:
        workout = _Workout(workout_id, is_new=False)
        last = 0
        for exercise_id, kind, side, weight_kg, reps, seconds, position in self.conn.execute(
            "SELECT exercise_id, kind, side, weight_kg, reps, seconds, position"
            " FROM workout_set WHERE workout_id = ?",
            (workout_id,),
        ):
            workout.existing[_key(exercise_id, kind, side, weight_kg, reps, seconds)] += 1
            last = max(last, int(position))
        workout.next_position = last + 1
        return workout

    def add(self, exercise_id: int, item: ImportedSet) -> bool:
        """Queue one set; False when its workout already holds it (a duplicate)."""
        last = self._last
        if last is not None and last[0] is item.started_at and last[1] == item.workout:
            workout = last[2]  # the rows of a workout come together
        else:
            workout = self._workout(item)
        if not workout.is_new:
            key = _key(exercise_id, item.kind, item.side, item.weight_kg, item.reps, item.seconds)
            workout.seen[key] += 1
            if workout.seen[key] <= workout.existing[key]:
                self.counts.duplicates += 1
                return False
        position = workout.next_position
        if item.order is not None and workout.is_new:
            position = item.order
        workout.next_position = max(workout.next_position, position) + 1
        if not workout.got_sets:
            workout.got_sets = True
            self.counts.workouts += 1
            if self._bulk is not None:
                self._bulk.touch((workout.id,))
        pending = self._pending
        pending.append(
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
                item.superset,
                self.batch_id,
            )
        )
        if len(pending) >= self._batch_rows:
            self.flush()
        return True

    def flush(self) -> None:
        """Write the queued sets, one INSERT statement for all of them."""
        pending = self._pending
        if not pending:
            return
        self.counts.sets += len(pending)
        self.conn.execute(_insert_sets(len(pending)), list(chain.from_iterable(pending)))
        pending.clear()


@functools.lru_cache(maxsize=4)
def _insert_sets(rows: int) -> str:
    """The INSERT of `rows` sets (the same text each time: SQLite's statement cache)."""
    return f"INSERT INTO workout_set ({_SET_COLUMNS}) VALUES " + ", ".join([_SET_VALUES] * rows)


def _rows_per_insert(conn: sqlite3.Connection) -> int:
    """Sets per INSERT: `BATCH_ROWS`, or fewer when this SQLite binds fewer values."""
    values = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(BATCH_ROWS, values // (_SET_COLUMNS.count(",") + 1)))
