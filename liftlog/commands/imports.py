"""`liftlog import FILE`, `liftlog imports [--json]` and `liftlog imports undo ID`:
history from other apps (or liftlog's own CSV) in, the imports made, and taking one
back out."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from liftlog.commands.common import UserError, open_log, print_json, say, warn
from liftlog.textsafe import visible

#: Files at least this big get a progress bar (when standard error is a terminal):
#: about 10,000 rows, which take a moment to read.
PROGRESS_MIN_BYTES = 1_000_000
APPS = ("liftlog", "strong", "hevy", "fitnotes", "fitbod")


def register(commands: Any) -> None:
    p = commands.add_parser(
        "import",
        help="import a CSV export of liftlog, Strong, Hevy, FitNotes or Fitbod",
        description=(
            "Import sets from a CSV file in one go: a file with invalid rows is refused with "
            "each one listed (line and why), unless --skip-invalid. The app and its form are "
            "told from the header unless --from says. Cardio rows are skipped and counted. "
            "Sets already in the log are skipped, so importing a file twice adds nothing; "
            "`liftlog imports undo ID` takes an import back out. docs/import.md lists every "
            "form read."
        ),
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--from",
        dest="source",
        choices=APPS,
        help="the app the file comes from (default: told from the header)",
    )
    p.add_argument(
        "--units",
        choices=("kg", "lb"),
        help="the unit of a file that names none (Strong's comma form); default: what its "
        "barbell loads show, else your units",
    )
    p.add_argument(
        "--skip-invalid", action="store_true", help="import the valid rows, list the others"
    )
    p.add_argument("--dry-run", action="store_true", help="report what would be imported")
    p.set_defaults(handler=cmd_import)

    p = commands.add_parser(
        "imports",
        help="the imports made (id, date, file, counts); `imports undo ID` removes one",
        description="List every import into the log, or undo one: `liftlog imports undo ID` "
        "removes exactly the sets, workouts and exercises that import added.",
    )
    p.add_argument("--json", action="store_true")
    actions = p.add_subparsers(dest="imports_action", metavar="undo ID")
    undo = actions.add_parser("undo", help="remove everything import ID added")
    undo.add_argument("id", type=int, metavar="ID")
    p.set_defaults(handler=cmd_imports)


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
        from rich.markup import escape

        from liftlog.textsafe import visible

        task = bar.add_task(escape(visible(path.name)), total=size)  # a name, not markup

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def cmd_import(args: argparse.Namespace) -> int:
    from liftlog.service.imports import ImportRefused, describe, import_file, listed

    path = Path(args.file)
    if not path.is_file():
        what = "a folder" if path.is_dir() else "not there"
        raise UserError(f"cannot import {path}: it is {what}.")
    log = open_log(args)
    try:
        with _progress_bar(path) as progress:
            summary = import_file(
                log,
                path,
                source=args.source,
                units=args.units,
                skip_invalid=args.skip_invalid,
                dry_run=args.dry_run,
                progress=progress,
            )
    except ImportRefused as refused:
        warn(str(refused))
        for line in listed(refused.problems, refused.count):
            print(visible(line), file=sys.stderr)
        return 1
    lines = describe(summary)
    if summary.batch_id is not None:
        lines.append(
            f"This is import {summary.batch_id}; `liftlog imports undo {summary.batch_id}`"
            " takes it back out."
        )
    say(*lines)
    return 0


def cmd_imports(args: argparse.Namespace) -> int:
    from liftlog.service.imports import imports, undo_import

    log = open_log(args)
    if args.imports_action == "undo":
        batch, undone = undo_import(log, args.id)
        removed = [_plural(undone.sets, "set"), _plural(undone.workouts, "workout")]
        removed.append(_plural(undone.exercises, "exercise"))
        say(f"Undid import {batch.id} ({batch.file_name}): removed {', '.join(removed)}.")
        return 0
    batches = imports(log)
    if args.json:
        print_json(
            [
                {
                    "id": b.id,
                    "date": b.created_at.isoformat(timespec="seconds"),
                    "file": b.file_name,
                    "file_hash": b.file_hash,
                    "format": b.format,
                    "unit": b.unit,
                    "sets": b.sets,
                    "workouts": b.workouts,
                    "skipped": b.skipped,
                    "undone": None if b.undone_at is None else b.undone_at.isoformat(),
                    "details": b.details,
                }
                for b in batches
            ]
        )
        return 0
    if not batches:
        say("No imports yet (`liftlog import FILE` brings a history in).")
        return 0
    for b in batches:
        state = f", undone {b.undone_at:%Y-%m-%d}" if b.undone_at else ""
        what = f"{b.file_name} ({b.format}, {b.unit or '-'})"
        say(
            f"{b.id:>3}  {b.created_at:%Y-%m-%d %H:%M}  {what}: {_plural(b.sets, 'set')} in"
            f" {_plural(b.workouts, 'workout')}, {b.skipped} skipped{state}"
        )
    return 0
