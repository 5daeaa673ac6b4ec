"""Importing a CSV file into the log: all of it in one transaction, or nothing.

The file is read as a stream (only the workouts it touches are remembered), each row
parsed by its format's parser (`liftlog.csvio.formats`), and written inside a single
SQLite transaction: the first bad row rolls everything back and the user hears its
line number and why. A dry run does the same work and rolls back at the end, so its
report is exactly what a real import would do.

- Exercise names map through the catalog's names and aliases (`liftlog.names`); a
  name nothing matches becomes the athlete's own exercise (listed in the summary).
- A workout is its date, start time and name; an import adds to a workout of the
  same start and name instead of making a second one.
- A set already in that workout is skipped as a duplicate. The key is the exercise,
  kind, side, load, reps and seconds, counted: a file with three identical sets of
  5 at 100 kg adds as many of them as the workout does not hold yet. So importing a
  file twice adds nothing the second time, and a later, longer export of the same
  app adds only what is new.
- A liftlog file written for an athlete in pounds switches a fresh database (one with
  no sets yet) to pounds, so export → import → export gives the same file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from liftlog.csvio.cells import CellError, CsvError, store_datetime
from liftlog.csvio.formats import FORMATS, Format, ImportedSet, Row, column_index, detect
from liftlog.names import NameIndex, normalise
from liftlog.store.catalog import own_exercise_loads
from liftlog.units import DEFAULT_BAR, DEFAULT_PLATES, Unit, to_kg

if TYPE_CHECKING:
    from liftlog.store.queries import AthleteRow

#: Sets written per `executemany` batch (and rows between two progress reports).
BATCH_ROWS = 1000

Progress = Callable[[int, int], None]
SetKey = tuple[int, str, str | None, float, int | None, int | None]

# Equipment of a new exercise from the name the other apps give it ("Curl (Dumbbell)").
_EQUIPMENT_HINTS = (
    ("barbell", "barbell"),
    ("dumbbell", "dumbbell"),
    ("kettlebell", "kettlebell"),
    ("machine", "machine"),
    ("cable", "machine"),
    ("smith", "machine"),
    ("band", "band"),
    ("bodyweight", "bodyweight"),
)


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    format: str
    dry_run: bool = False
    sets: int = 0
    workouts: int = 0  # workouts that received at least one set
    new_workouts: int = 0
    duplicates: int = 0
    skipped: int = 0  # rows that are not sets: distance-only cardio, rest timers
    new_exercises: list[str] = field(default_factory=list)
    units_set: Unit | None = None
    #: the unit weights were read in because the file does not say (Strong, comma form)
    units_assumed: Unit | None = None


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


def _equipment(name: str, weight_kg: float) -> str:
    folded = name.casefold()
    for hint, equipment in _EQUIPMENT_HINTS:
        if hint in folded:
            return equipment
    return "barbell" if weight_kg > 0 else "bodyweight"


class _Writer:
    """Turns parsed sets into rows, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, athlete: AthleteRow, summary: ImportSummary):
        from liftlog.store.queries import list_exercises

        self.conn = conn
        self.athlete = athlete
        self.summary = summary
        rows = list_exercises(conn, athlete.id)
        self.index = NameIndex((row.id, row.name, row.aliases) for row in rows)
        self.by_name: dict[str, int] = {}
        self.own: dict[str, int] = {}
        self.workouts: dict[tuple[dt.datetime, dt.date, str], _Workout] = {}
        self.pending: list[tuple[object, ...]] = []
        self.fresh = (
            conn.execute(
                "SELECT 1 FROM workout_set WHERE athlete_id = ? LIMIT 1", (athlete.id,)
            ).fetchone()
            is None
        )
        self.units_checked = False

    def exercise_id(self, item: ImportedSet) -> int:
        found = self.by_name.get(item.exercise)
        if found is not None:
            return found
        key = normalise(item.exercise)
        found = self.own.get(key)
        if found is None:
            found = self.index.get(item.exercise)
        if found is None:
            found = self._new_exercise(item)
            self.own[key] = found
        self.by_name[item.exercise] = found
        return found

    def _new_exercise(self, item: ImportedSet) -> int:
        equipment = _equipment(item.exercise, item.weight_kg)
        step, start = own_exercise_loads(equipment)
        cur = self.conn.execute(
            "INSERT INTO exercise (athlete_id, name, aliases, category, equipment, laterality,"
            " measure, increment_kg, start_load_kg) VALUES (?, ?, '[]', 'general', ?, ?, ?, ?, ?)",
            (
                self.athlete.id,
                item.exercise,
                equipment,
                "unilateral" if item.side else "bilateral",
                "seconds" if item.seconds is not None and item.reps is None else "reps",
                step,
                start,
            ),
        )
        self.summary.new_exercises.append(item.exercise)
        return int(cur.lastrowid or 0)

    def workout(self, item: ImportedSet) -> _Workout:
        key = (item.started_at, item.date, item.workout)
        found = self.workouts.get(key)
        if found is not None:
            return found
        for workout_id, started, name in self.conn.execute(
            "SELECT id, started_at, name FROM workout WHERE athlete_id = ? AND date = ?"
            " ORDER BY id",
            (self.athlete.id, item.date.isoformat()),
        ):
            if name == item.workout and _parse_stored(started) == item.started_at:
                found = self._existing(int(workout_id))
                break
        if found is None:
            cur = self.conn.execute(
                "INSERT INTO workout (athlete_id, date, started_at, name, notes)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    self.athlete.id,
                    item.date.isoformat(),
                    store_datetime(item.started_at),
                    item.workout,
                    item.workout_notes,
                ),
            )
            found = _Workout(int(cur.lastrowid or 0), is_new=True)
            self.summary.new_workouts += 1
        self.workouts[key] = found
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

    def adopt_units(self, unit: Unit) -> None:
        """A fresh database takes the unit of the liftlog file it is filled from."""
        self.units_checked = True
        if not self.fresh or unit == self.athlete.units:
            return
        old = self.athlete.units
        params: list[object] = [unit]
        sql = "UPDATE athlete SET units = ?"
        default_plates = [[to_kg(size, old), pairs] for size, pairs in DEFAULT_PLATES[old]]
        if (
            self.athlete.bar_kg == to_kg(DEFAULT_BAR[old], old)
            and [list(p) for p in self.athlete.plates_kg] == default_plates
        ):
            plates = [[to_kg(size, unit), pairs] for size, pairs in DEFAULT_PLATES[unit]]
            sql += ", bar_kg = ?, plates = ?"
            params += [to_kg(DEFAULT_BAR[unit], unit), json.dumps(plates)]
        self.conn.execute(sql + " WHERE id = ?", [*params, self.athlete.id])
        self.summary.units_set = unit

    def add(self, item: ImportedSet) -> None:
        if item.unit is not None and not self.units_checked:
            self.adopt_units(item.unit)
        exercise_id = self.exercise_id(item)
        workout = self.workout(item)
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
                self.summary.duplicates += 1
                return
        if workout.is_new and item.order is not None:
            position = item.order
        else:
            position = workout.next_position
        workout.next_position = max(workout.next_position, position) + 1
        if not workout.got_sets:
            workout.got_sets = True
            self.summary.workouts += 1
        self.summary.sets += 1
        self.pending.append(
            (
                self.athlete.id,
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
        if len(self.pending) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO workout_set (athlete_id, workout_id, exercise_id, position, kind, side,"
            " weight_kg, reps, seconds, rpe, note, logged_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.pending,
        )
        self.pending.clear()


def _records(text: io.TextIOWrapper, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, its cells); the header is line 1."""
    reader = csv.reader(text, delimiter=delimiter)
    before = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvError(f"line {before + 1}: {exc}; nothing was imported.") from None
        yield before + 1, cells
        before = reader.line_num + 1


def _open_text(raw: BinaryIO, name: str) -> tuple[io.TextIOWrapper, list[str], str]:
    """The file as text (a byte-order mark is dropped), its header and its delimiter."""
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    try:
        first = text.readline()
    except UnicodeDecodeError:
        raise CsvError(f"{name} is not UTF-8 text; export it again as CSV (UTF-8).") from None
    if not first.strip():
        raise CsvError(f"{name} is empty: it has no header row, so there is nothing to import.")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    return text, header, delimiter


def _format(header: list[str], wanted: str | None, name: str) -> Format:
    found = detect(header)
    if wanted is not None:
        expected = FORMATS[wanted]
        if found is None or found.key != wanted:
            seems = f"; it looks like a {found.label} export" if found else ""
            raise CsvError(f"{name} is not a {expected.label} export{seems}.")
        return expected
    if found is None:
        shown = ",".join(header)[:80]
        raise CsvError(
            f"{name} is not a liftlog, Strong, Hevy or FitNotes export (its header is {shown!r})."
        )
    return found


def import_csv(
    conn: sqlite3.Connection,
    athlete: AthleteRow,
    path: Path,
    *,
    source: str | None = None,
    units: Unit | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import `path` (format `source`, detected from the header when None) for `athlete`.

    `units` is the unit of weights in files that do not say (Strong's comma form);
    the athlete's own by default (the summary's `units_assumed` says so).
    `progress(bytes_read, file_size)` is called every thousand rows. Raises `CsvError`
    (and writes nothing) for a file it refuses.
    """
    path = Path(path)
    name = path.name
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise CsvError(f"cannot read {path}: {exc.strerror}.") from None
    with raw:
        size = path.stat().st_size
        text, header, delimiter = _open_text(raw, name)
        fmt = _format(header, source, name)
        columns = column_index(header)
        width = len(header)
        default_units: Unit = units or athlete.units
        summary = ImportSummary(format=fmt.label, dry_run=dry_run)
        if units is None and fmt.key == "strong" and columns["Weight Unit"] < 0:
            summary.units_assumed = default_units
        if conn.in_transaction:  # a caller's pending writes must not ride on ours
            raise RuntimeError("import_csv needs a connection with no open transaction")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise CsvError(f"the database is busy ({exc}); try again in a moment.") from None
        try:
            writer = _Writer(conn, athlete, summary)
            parse = fmt.parse
            count = 0
            for line, cells in _records(text, delimiter):
                if not any(cell.strip() for cell in cells):
                    continue  # a blank line
                if len(cells) > width and any(c.strip() for c in cells[width:]):
                    raise CsvError(
                        f"line {line}: {len(cells)} cells but the header has {width}"
                        " (a comma in an unquoted note?); nothing was imported."
                    )
                try:
                    item = parse(Row(columns, cells), default_units)
                except CellError as exc:
                    raise CsvError(f"line {line}: {exc}; nothing was imported.") from None
                if item is None:
                    summary.skipped += 1
                else:
                    writer.add(item)
                count += 1
                if progress is not None and count % BATCH_ROWS == 0:
                    progress(raw.tell(), size)
            writer.flush()
        except UnicodeDecodeError:
            conn.rollback()
            raise CsvError(f"{name} is not UTF-8 text; export it again as CSV (UTF-8).") from None
        except sqlite3.Error as exc:  # a full disk, a damaged database
            conn.rollback()
            raise CsvError(f"cannot write to the database ({exc}); nothing was imported.") from None
        except BaseException:
            conn.rollback()
            raise
        if dry_run:
            conn.rollback()
        else:
            conn.commit()
        if progress is not None:
            progress(size, size)
    return summary
