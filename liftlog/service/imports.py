"""Importing an export of liftlog, Strong, Hevy, FitNotes or Fitbod; the imports made;
undoing one.

`import_file` reads the file through `csvio.reader` (one pass, streamed) and writes it
through `store.imports` in one transaction: all of it, or nothing (a dry run, or any
refusal). Every invalid row is listed (the first `MAX_LISTED` and a count); with
`skip_invalid` the valid rows are imported and the invalid ones reported. Rows that
are not sets (cardio, rest timers, note rows) are counted by why. A name the catalog
does not know becomes the athlete's own exercise, its equipment read from the name.
Into a log with no sets yet, a file in the other unit switches the athlete's units (and
standard kit) to it, through `profile.switch_units`. Each import is recorded as a batch
(`imports`), which `undo_import` removes again; one that added nothing is not recorded.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from liftlog.csvio.cells import CsvError
from liftlog.csvio.reader import ExportFile, open_export
from liftlog.csvio.rows import ImportedSet, RowError, SkippedRow
from liftlog.errors import LiftlogError
from liftlog.names import equipment_from_name, normalise
from liftlog.service.exercises import name_index, own_exercise_loads
from liftlog.service.log import Log
from liftlog.service.profile import switch_units
from liftlog.store.batches import (
    BatchRow,
    Undone,
    batches_of_file,
    get_batch,
    list_batches,
    undo_batch,
)
from liftlog.store.db import Connection, is_database_error
from liftlog.store.exercises import list_exercises
from liftlog.store.imports import ImportWriter
from liftlog.units import Unit

Progress = Callable[[int, int], None]

#: Invalid rows listed by line; the rest are counted.
MAX_LISTED = 20
#: Rows read between two progress reports.
PROGRESS_ROWS = 2000


@dataclass(frozen=True, slots=True)
class RowProblem:
    """An invalid row: its line (the header is line 1) and why."""

    line: int
    why: str


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    file: str
    app: str  # liftlog | strong | hevy | fitnotes | fitbod
    format: str  # the dialect, for people: 'Strong (2025 "Workout #" form)'
    unit: Unit  # the unit weights were read in
    unit_why: str
    dry_run: bool = False
    sets: int = 0
    workouts: int = 0  # workouts that received at least one set
    new_workouts: int = 0
    duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # why → rows (cardio, …)
    invalid: list[RowProblem] = field(default_factory=list)  # the first MAX_LISTED
    invalid_count: int = 0  # all of them (imported without them: skip_invalid)
    new_exercises: list[tuple[str, str]] = field(default_factory=list)  # (name, equipment)
    units_set: Unit | None = None
    batch_id: int | None = None
    imported_before: list[int] = field(default_factory=list)  # earlier imports of the file


class ImportRefused(CsvError):
    """A file with invalid rows, imported without `skip_invalid`: nothing was written.
    `problems` are the first `MAX_LISTED` rows, `count` all of them."""

    def __init__(self, name: str, problems: list[RowProblem], count: int) -> None:
        rows = "1 invalid row" if count == 1 else f"{count} invalid rows"
        super().__init__(
            f"{name} has {rows}, so nothing was imported; fix them, or import the others"
            " with --skip-invalid."
        )
        self.problems = problems
        self.count = count


class ImportsError(LiftlogError):
    """An undo liftlog cannot do (no such import, or undone already)."""


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
            equipment = equipment_from_name(item.exercise) or (
                "barbell" if item.weight_kg > 0 else "bodyweight"
            )
            step, start = own_exercise_loads(equipment)
            found = self.writer.new_exercise(
                name=item.exercise,
                equipment=equipment,
                laterality="unilateral" if item.side else "bilateral",
                measure="seconds" if item.seconds is not None and item.reps is None else "reps",
                increment_kg=step,
                start_load_kg=start,
            )
            self.summary.new_exercises.append((item.exercise, equipment))
            self.own[key] = found
        self.by_name[item.exercise] = found
        return found


def _sha256(raw: BinaryIO) -> str:
    digest = hashlib.sha256()
    while chunk := raw.read(1 << 20):
        digest.update(chunk)
    raw.seek(0)
    return digest.hexdigest()


def import_file(
    log: Log,
    path: Path,
    *,
    source: str | None = None,
    units: Unit | None = None,
    skip_invalid: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import `path` (of app `source`, or any dialect its header shows); `units` is the
    unit of a file that names none. Raises `CsvError` (`ImportRefused` for invalid rows)
    and writes nothing when the file is refused. `progress(bytes_read, size)` is
    called every `PROGRESS_ROWS` rows and at the end."""
    path = Path(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise CsvError(f"cannot read {path}: {exc.strerror}.") from None
    with raw, log.reading() as conn:
        file_hash = _sha256(raw)
        export = open_export(
            raw, path.name, source=source, units=units, athlete_units=log.athlete.units
        )
        summary = ImportSummary(
            file=path.name,
            app=export.format.key,
            format=export.format.name,
            unit=export.unit,
            unit_why=export.unit_why,
            dry_run=dry_run,
        )
        summary.imported_before = [b.id for b in batches_of_file(conn, log.athlete_id, file_hash)]
        writer = ImportWriter(conn, log.athlete_id)
        summary.batch_id = writer.begin(
            file_name=path.name, file_hash=file_hash, format=export.format.key
        )
        try:
            _write(log, conn, export, writer, summary, progress)
            if summary.invalid_count and not skip_invalid:
                raise ImportRefused(path.name, summary.invalid, summary.invalid_count)
            writer.finish(unit=export.unit, skipped=sum(summary.skipped.values()),
                          details=_details(summary))  # fmt: skip
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
        counts = writer.counts
        summary.sets, summary.duplicates = counts.sets, counts.duplicates
        summary.workouts, summary.new_workouts = counts.workouts, counts.new_workouts
        added = summary.sets or summary.new_exercises or summary.units_set
        if dry_run or not added:  # an import that adds nothing is not recorded
            writer.rollback()
            summary.batch_id = None
        else:
            writer.commit()
        if progress is not None:
            progress(export.size, export.size)
    if summary.units_set and not dry_run:
        log.refresh()
    return summary


def _write(
    log: Log,
    conn: Connection,
    export: ExportFile,
    writer: ImportWriter,
    summary: ImportSummary,
    progress: Progress | None,
) -> None:
    """Every row of the file through the writer (inside its transaction)."""
    if export.unit != log.athlete.units and not writer.has_sets():
        kit = switch_units(log.athlete, export.unit)
        writer.set_units(kit.units, kit.bar_kg, kit.plates_kg)
        summary.units_set = kit.units
    exercises = _Exercises(conn, log.athlete_id, writer, summary)
    add, id_for, skipped = writer.add, exercises.id_for, summary.skipped
    known = exercises.by_name  # name as written → id, for every name met so far
    for count, (line, item) in enumerate(export.rows(), start=1):
        if isinstance(item, ImportedSet):
            add(known.get(item.exercise) or id_for(item), item)
        elif isinstance(item, SkippedRow):
            skipped[item.why] += 1
        elif isinstance(item, RowError):
            summary.invalid_count += 1
            if len(summary.invalid) < MAX_LISTED:
                summary.invalid.append(RowProblem(line, item.why))
        if progress is not None and count % PROGRESS_ROWS == 0:
            progress(export.bytes_read, export.size)


def _details(summary: ImportSummary) -> dict[str, object]:
    """What `imports` shows beyond the counts."""
    return {
        "format": summary.format,
        "unit_why": summary.unit_why,
        "duplicates": summary.duplicates,
        "skipped": dict(summary.skipped),
        "invalid_skipped": summary.invalid_count,
        "new_exercises": [name for name, _ in summary.new_exercises],
        "units_set": summary.units_set,
    }


# --- what the athlete reads (the command line and the app show the same lines) -------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def listed(problems: list[RowProblem], count: int) -> list[str]:
    """Invalid rows, one line each (`  line 5: reps 150 must be …`), and how many more."""
    lines = [f"  line {p.line}: {p.why}" for p in problems]
    if count > len(problems):
        lines.append(f"  … and {count - len(problems)} more")
    return lines


def describe(summary: ImportSummary) -> list[str]:
    """The lines the user reads after an import (or a dry run)."""
    name = f"{summary.file} ({summary.format.replace(' (', ', ').rstrip(')')})"
    if summary.sets == 0 and summary.duplicates:
        are = "is" if summary.duplicates == 1 else "are all"
        lines = [
            f"Nothing new in {name}: its {_plural(summary.duplicates, 'set')} {are} already"
            " in the log."
        ]
    else:
        verb = "Would import" if summary.dry_run else "Imported"
        lines = [
            f"{verb} {_plural(summary.sets, 'set')} in {_plural(summary.workouts, 'workout')}"
            f" ({summary.new_workouts} new) from {name}."
        ]
        if summary.duplicates:
            lines.append(
                f"Skipped {_plural(summary.duplicates, 'set')} already in the log (duplicates)."
            )
    lines.append(f"Weights read in {summary.unit}: {summary.unit_why}.")
    if summary.skipped:
        parts = [f"{n} {why}" for why, n in sorted(summary.skipped.items())]
        rows = sum(summary.skipped.values())
        are = "row that is not a strength set" if rows == 1 else "rows that are not strength sets"
        lines.append(f"Skipped {rows} {are}: {', '.join(parts)}.")
    if summary.invalid_count:
        lines.append(f"Skipped {_plural(summary.invalid_count, 'invalid row')}, as asked:")
        lines += listed(summary.invalid, summary.invalid_count)
    if summary.new_exercises:
        named = ", ".join(f"{n} ({equipment})" for n, equipment in summary.new_exercises)
        lines.append(f"New exercises, now your own ({len(summary.new_exercises)}): {named}.")
    if summary.units_set:
        verb = "Would set" if summary.dry_run else "Set"
        lines.append(f"{verb} your units to {summary.units_set}, as in the file.")
    if summary.imported_before:
        ids = ", ".join(str(i) for i in summary.imported_before)
        lines.append(f"This file was imported before (import {ids}).")
    if summary.dry_run:
        lines.append("Dry run: nothing was written.")
    elif summary.batch_id is None:
        lines.append("Nothing was added, so no import was recorded.")
    return lines


def imports(log: Log) -> list[BatchRow]:
    """Every import made into the log, oldest first (undone ones too, marked)."""
    with log.reading() as conn:
        return list_batches(conn, log.athlete_id)


def undo_import(log: Log, batch_id: int) -> tuple[BatchRow, Undone]:
    """Remove what import `batch_id` added; the import and what was removed."""
    with log.reading() as conn:
        batch = get_batch(conn, log.athlete_id, batch_id)
        if batch is None:
            raise ImportsError(f"there is no import {batch_id} (`liftlog imports` lists them).")
        if batch.undone_at is not None:
            raise ImportsError(
                f"import {batch_id} ({batch.file_name}) was undone already,"
                f" on {batch.undone_at:%Y-%m-%d %H:%M}."
            )
        return batch, undo_batch(conn, log.athlete_id, batch_id)
