"""The log in and out as CSV: export to a stream or a file, import another app's export.

Export writes liftlog's own CSV (`csvio.export` says what is in it) and never writes
onto the log it reads: a target that is the database, its `-wal`/`-shm` files or a link
to one of them is refused. A file is written beside its target under a temporary name
(created exclusively, 0600: the log is health data), synced, then renamed over it, so
a failed export never leaves half a file with the real name; a device or pipe is
written through; a symlink's target is replaced, not the link.

Import reads a file through `csvio` and writes it through `store.imports` in one
transaction: all of it, or (dry run, or any refusal) nothing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from liftlog.csvio.cells import CellError, CsvError
from liftlog.csvio.formats import ImportedSet, Row, column_index
from liftlog.csvio.importer import find_format, open_text, records
from liftlog.errors import LiftlogError
from liftlog.names import normalise
from liftlog.service.exercises import name_index, own_exercise_loads
from liftlog.service.log import Log
from liftlog.service.profile import switch_units
from liftlog.store import export as store_export
from liftlog.store.athletes import get_athlete
from liftlog.store.db import Connection, is_database_error
from liftlog.store.exercises import list_exercises
from liftlog.store.imports import BATCH_ROWS, ImportWriter
from liftlog.units import Unit

Progress = Callable[[int, int], None]

#: Temporary files of an export: `.NAME.PID.liftlog-part` beside the target.
PART_SUFFIX = ".liftlog-part"


class ExportError(LiftlogError):
    """An export that cannot be written; the message says why. Nothing was written."""


def write_csv(log: Log, out: TextIO, progress: Progress | None = None) -> int:
    """Write the whole log to a text stream opened with `newline=""`; the rows written."""
    with log.reading() as conn:  # the athlete as now saved: units are read at export
        return store_export.export_csv(conn, get_athlete(conn, log.athlete_id), out, progress)


def _refuse_the_log(log: Log, target: Path) -> None:
    """A target that is the log (or its WAL/shared-memory file, or a link to either)."""
    db = log.path.resolve()
    guarded = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    real = target.resolve()
    for path in guarded:
        same = real == path
        if not same and target.exists() and path.exists():
            with contextlib.suppress(OSError):
                same = os.path.samefile(target, path)
        if same:
            raise ExportError(
                f"{target} is your log's own database file; export to another file "
                "(e.g. -o liftlog.csv)."
            )


def check_target(log: Log, target: Path) -> Path:
    """The file an export to `target` writes (a symlink's target), or ExportError."""
    _refuse_the_log(log, target)
    real = target.resolve() if target.is_symlink() else target
    if real.is_dir():
        raise ExportError(f"{target} is a folder; give a file name, e.g. liftlog.csv.")
    if not real.parent.is_dir():
        raise ExportError(f"cannot write {target}: the folder {real.parent} does not exist.")
    return real


def _clean_stale_parts(folder: Path, name: str) -> None:
    """Remove temporary files earlier exports of `name` left when they were killed."""
    for part in folder.glob(f".{name}.*{PART_SUFFIX}"):
        pid_text = part.name[len(name) + 2 : -len(PART_SUFFIX)].split(".")[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            part.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def export_csv_file(log: Log, target: Path, progress: Progress | None = None) -> int:
    """Write the whole log to the file `target`, atomically; the rows written."""
    real = check_target(log, target)
    try:
        mode = real.stat().st_mode if real.exists() else None
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror}.") from None
    if mode is not None and not stat.S_ISREG(mode):  # /dev/null, a pipe: write through
        try:
            with real.open("w", encoding="utf-8", newline="") as out:
                return write_csv(log, out, progress)
        except OSError as exc:
            raise _write_error(target, exc) from None
    _clean_stale_parts(real.parent, real.name)
    part = real.with_name(f".{real.name}.{os.getpid()}.{os.urandom(4).hex()}{PART_SUFFIX}")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            rows = write_csv(log, out, progress)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise _write_error(target, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    return rows


def _write_error(target: Path, exc: OSError) -> ExportError:
    if exc.errno == errno.ENOSPC:
        return ExportError(f"cannot write {target}: the disk is full; nothing was exported.")
    return ExportError(f"cannot write {target}: {exc.strerror or exc}.")


# --- import --------------------------------------------------------------------------


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


def _equipment(name: str, weight_kg: float) -> str:
    folded = name.casefold()
    for hint, equipment in _EQUIPMENT_HINTS:
        if hint in folded:
            return equipment
    return "barbell" if weight_kg > 0 else "bodyweight"


class _Exercises:
    """Exercise ids for the names a file uses: the catalog's (by name or alias), else
    one of the athlete's own, made the first time the name is met."""

    def __init__(self, conn: Connection, athlete_id: int, writer: ImportWriter,
                 summary: ImportSummary) -> None:  # fmt: skip
        self.index = name_index(list_exercises(conn, athlete_id))
        self.writer = writer
        self.summary = summary
        self.by_name: dict[str, int] = {}
        self.own: dict[str, int] = {}

    def id_for(self, item: ImportedSet) -> int:
        found = self.by_name.get(item.exercise)
        if found is not None:
            return found
        key = normalise(item.exercise)
        found = self.own.get(key)
        if found is None:
            row = self.index.get(item.exercise)
            found = row.id if row is not None else None
        if found is None:
            equipment = _equipment(item.exercise, item.weight_kg)
            step, start = own_exercise_loads(equipment)
            found = self.writer.new_exercise(
                name=item.exercise,
                equipment=equipment,
                laterality="unilateral" if item.side else "bilateral",
                measure="seconds" if item.seconds is not None and item.reps is None else "reps",
                increment_kg=step,
                start_load_kg=start,
            )
            self.summary.new_exercises.append(item.exercise)
            self.own[key] = found
        self.by_name[item.exercise] = found
        return found


def import_csv(
    log: Log,
    path: Path,
    *,
    source: str | None = None,
    units: Unit | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import `path` (format `source`, detected from the header when None).

    `units` is the unit of weights in files that do not say (Strong's comma form);
    the athlete's own by default (the summary's `units_assumed` says so). A liftlog
    file written for an athlete in pounds switches a fresh log (no sets yet) to pounds.
    `progress(bytes_read, file_size)` is called every thousand rows. Raises `CsvError`
    (and writes nothing) for a file it refuses.
    """
    path = Path(path)
    name = path.name
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise CsvError(f"cannot read {path}: {exc.strerror}.") from None
    with raw, log.reading() as conn:
        size = os.fstat(raw.fileno()).st_size
        text, header, delimiter = open_text(raw, name)
        fmt = find_format(header, source, name)
        columns = column_index(header)
        width = len(header)
        default_units: Unit = units or log.athlete.units
        summary = ImportSummary(format=fmt.label, dry_run=dry_run)
        if units is None and fmt.key == "strong" and columns["Weight Unit"] < 0:
            summary.units_assumed = default_units
        writer = ImportWriter(conn, log.athlete_id)
        writer.begin()
        try:
            exercises = _Exercises(conn, log.athlete_id, writer, summary)
            fresh = not writer.has_sets()
            unit_checked = False
            count = 0
            for line, cells in records(text, delimiter):
                if not any(cell.strip() for cell in cells):
                    continue  # a blank line
                if len(cells) > width and any(c.strip() for c in cells[width:]):
                    raise CsvError(
                        f"line {line}: {len(cells)} cells but the header has {width}"
                        " (a comma in an unquoted note?); nothing was imported."
                    )
                try:
                    item = fmt.parse(Row(columns, cells), default_units)
                except CellError as exc:
                    raise CsvError(f"line {line}: {exc}; nothing was imported.") from None
                if item is None:
                    summary.skipped += 1
                else:
                    if item.unit is not None and not unit_checked:
                        unit_checked = True
                        if fresh and item.unit != log.athlete.units:
                            kit = switch_units(log.athlete, item.unit)
                            writer.set_units(kit.units, kit.bar_kg, kit.plates_kg)
                            summary.units_set = kit.units
                    writer.add(exercises.id_for(item), item)
                count += 1
                if progress is not None and count % BATCH_ROWS == 0:
                    progress(raw.tell(), size)
            writer.flush()
        except UnicodeDecodeError:
            writer.rollback()
            raise CsvError(f"{name} is not UTF-8 text; export it again as CSV (UTF-8).") from None
        except Exception as exc:
            writer.rollback()
            if is_database_error(exc):  # a full disk, a damaged database
                raise CsvError(
                    f"cannot write to the database ({exc}); nothing was imported."
                ) from None
            raise
        except BaseException:
            writer.rollback()
            raise
        if dry_run:
            writer.rollback()
        else:
            writer.commit()
        counts = writer.counts
        summary.sets, summary.duplicates = counts.sets, counts.duplicates
        summary.workouts, summary.new_workouts = counts.workouts, counts.new_workouts
        if progress is not None:
            progress(size, size)
    if summary.units_set and not dry_run:
        log.refresh()
    return summary
