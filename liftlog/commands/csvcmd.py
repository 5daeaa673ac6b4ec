"""`liftlog export` and `liftlog import`: the log as CSV, and history from other apps."""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liftlog.commands.common import UserError, open_log, say

if TYPE_CHECKING:
    from liftlog.service.transfer import ImportSummary

#: Files at least this big get a progress bar (when standard error is a terminal):
#: about 10,000 rows, which take a moment to read.
PROGRESS_MIN_BYTES = 1_000_000


def register(commands: Any) -> None:
    p = commands.add_parser(
        "export",
        help="write every set as CSV (to standard output by default)",
        description=(
            "Write the whole log as CSV, one row per set, with a header. Columns: date, time, "
            "workout, workout_notes, exercise, order, kind, side, weight_kg, weight, unit, reps, "
            "seconds, rpe, note, logged_at. `liftlog import` reads it back unchanged."
        ),
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead (- is stdout)")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser(
        "import",
        help="import a CSV export of liftlog, Strong, Hevy or FitNotes",
        description=(
            "Import sets from a CSV file, all or nothing: a bad row stops the import with its "
            "line number. The format is detected from the header unless --from says. Sets "
            "already in the log are skipped, so importing a file twice adds nothing."
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--from",
        dest="source",
        choices=("liftlog", "strong", "hevy", "fitnotes"),
        help="the app the file comes from (default: detected from the header)",
    )
    p.add_argument(
        "--units",
        choices=("kg", "lb"),
        help="the unit of weights in files that do not say (Strong); default: your units",
    )
    p.add_argument("--dry-run", action="store_true", help="report what would be imported")
    p.set_defaults(handler=cmd_import)


@contextlib.contextmanager
def _stdout_csv() -> Iterator[io.TextIOWrapper]:
    """Standard output as UTF-8 text that leaves the CSV's CRLF line ends alone."""
    sys.stdout.flush()
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        yield out
        out.flush()
    finally:
        out.detach()  # keep sys.stdout usable (and open) afterwards


def cmd_export(args: argparse.Namespace) -> int:
    from liftlog.service.transfer import check_target, export_csv_file, write_csv

    log = open_log(args)
    if args.output in (None, "-"):
        with _stdout_csv() as out:
            write_csv(log, out)
        return 0
    target = Path(args.output)
    check_target(log, target)
    count = export_csv_file(log, target)
    say(f"Exported {count} set(s) to {target}.")
    return 0


@contextlib.contextmanager
def _progress_bar(path: Path) -> Iterator[Callable[[int, int], None] | None]:
    """A Rich progress bar on standard error for big files read at a terminal."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size < PROGRESS_MIN_BYTES or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("importing {task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(path.name, total=size)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def describe(summary: ImportSummary, name: str) -> list[str]:
    """The lines the user reads after an import."""
    verb = "Would import" if summary.dry_run else "Imported"
    if summary.sets == 0 and summary.duplicates:
        are = "is" if summary.duplicates == 1 else "are all"
        lines = [
            f"Nothing new in {name} ({summary.format}): its "
            f"{_plural(summary.duplicates, 'set')} {are} already in the log."
        ]
    else:
        lines = [
            f"{verb} {_plural(summary.sets, 'set')} in {_plural(summary.workouts, 'workout')}"
            f" ({summary.new_workouts} new) from {name} ({summary.format})."
        ]
        if summary.duplicates:
            lines.append(
                f"Skipped {_plural(summary.duplicates, 'set')} already in the log (duplicates)."
            )
    if summary.units_assumed and summary.sets:
        other = "lb" if summary.units_assumed == "kg" else "kg"
        lines.append(
            f"The file gives no unit, so weights were read as {summary.units_assumed}"
            f" (for a file in {other}: --units {other}; try it with --dry-run first)."
        )
    if summary.skipped:
        lines.append(
            f"Skipped {_plural(summary.skipped, 'row')} without reps or time"
            " (runs and other cardio, rest timers)."
        )
    if summary.new_exercises:
        lines.append(
            f"New exercises, now your own ({len(summary.new_exercises)}): "
            + ", ".join(summary.new_exercises)
            + "."
        )
    if summary.units_set:
        verb = "Would set" if summary.dry_run else "Set"
        lines.append(f"{verb} your units to {summary.units_set}, as in the file.")
    if summary.dry_run:
        lines.append("Dry run: nothing was written.")
    return lines


def cmd_import(args: argparse.Namespace) -> int:
    from liftlog.service.transfer import import_csv

    path = Path(args.file)
    if not path.is_file():
        what = "a folder" if path.is_dir() else "not there"
        raise UserError(f"cannot import {path}: it is {what}.")
    log = open_log(args)
    with _progress_bar(path) as progress:
        summary = import_csv(
            log,
            path,
            source=args.source,
            units=args.units,
            dry_run=args.dry_run,
            progress=progress,
        )
    say(*describe(summary, path.name))
    return 0
