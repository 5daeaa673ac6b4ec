"""`liftlog runs import PATH...` and `liftlog runs [--json]`: the runs R22 looks at."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from liftlog.commands.common import UserError, open_log, print_json, say, warn

if TYPE_CHECKING:
    from liftlog.service.runs import JudgedRun, RunImport

#: A progress bar (on a terminal) once there are this many activities to read.
PROGRESS_MIN_ITEMS = 50


def register(commands: Any) -> None:
    p = commands.add_parser(
        "runs",
        help="your runs (R22); `runs import PATH...` reads them from files",
        description=(
            "List the runs liftlog knows, oldest first. `liftlog runs import PATH...` reads "
            "Garmin FIT, GPX and TCX files (gzip'd too), folders and zips of them, and a "
            "Strava bulk export (its zip, its folder or its activities.csv)."
        ),
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_runs)
    sub = p.add_subparsers(dest="runs_command", metavar="import")
    imp = sub.add_parser(
        "import",
        help="read runs from FIT, GPX, TCX files or a Strava export",
        description=(
            "Read every run in the files, folders and zips given. Rides, swims and walks are "
            "counted and skipped; the same run twice (the watch's file and Strava's copy) is "
            "kept once; runs already in the log are not added again. A file that cannot be "
            "read gets one line saying why; the others are still imported."
        ),
    )
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.set_defaults(handler=cmd_import)


@contextlib.contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on standard error, shown once the read is big enough."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("reading activities"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("runs", total=None)
    started = False

    def update(done: int, total: int) -> None:
        nonlocal started
        if not started and total >= PROGRESS_MIN_ITEMS:
            bar.start()
            started = True
        if started:
            bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if started:
            bar.stop()


def _plural(n: int, word: str, many: str = "") -> str:
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def describe(result: RunImport) -> list[str]:
    """The lines the user reads after an import."""
    lines = [f"Imported {_plural(result.added, 'run')}." if result.added else "No new runs."]
    if result.already:
        lines.append(f"{_plural(result.already, 'run')} already in the log, not added again.")
    if result.merged:
        lines.append(
            f"{_plural(result.merged, 'activity', 'activities')} found twice (e.g. the watch's "
            "file and Strava's copy) and kept once."
        )
    if result.not_runs:
        counts = ", ".join(f"{sport} {n}" for sport, n in result.not_runs.items())
        total = sum(result.not_runs.values())
        what = "that is not a run" if total == 1 else "that are not runs"
        lines.append(f"Skipped {_plural(total, 'activity', 'activities')} {what} ({counts}).")
    if result.skipped:
        lines.append(f"Could not read {_plural(len(result.skipped), 'file')} (listed above).")
    return lines


def cmd_import(args: argparse.Namespace) -> int:
    from liftlog.service.runs import import_runs

    log = open_log(args)
    with _progress_bar() as progress:
        result = import_runs(log, args.paths, progress=progress)
    for skipped in result.skipped:
        warn(f"skipped {skipped.name}: {skipped.why}.")
    for note in result.warnings:
        warn(f"{note.name}: {note.why}.")
    nothing_read = not (result.added or result.already or result.merged or result.not_runs)
    if nothing_read and result.skipped:
        raise UserError("no activity could be read; nothing was imported.")
    say(*describe(result))
    return 0


def _line(judged: JudgedRun) -> str:
    row, verdict = judged.row, judged.verdict
    minutes = round(row.elapsed_s / 60)
    parts = [f"{row.started_at:%Y-%m-%d %H:%M}", "HARD" if verdict.hard else "easy"]
    parts.append(f"{minutes:>3} min")
    if row.distance_m:
        parts.append(f"{row.distance_m / 1000:.1f} km")
    if row.sport != "running":
        parts.append(row.sport.replace("_", " "))
    if row.name:
        parts.append(row.name)
    return "  ".join(parts) + f"\n    {verdict.reason}"


def cmd_runs(args: argparse.Namespace) -> int:
    from liftlog.service.runs import judged_runs, run_json

    log = open_log(args)
    judged = judged_runs(log)
    if args.json:
        print_json(
            [
                {
                    **run_json(j.row),
                    "hard": j.verdict.hard,
                    "why": j.verdict.reason,
                    "race": None if j.verdict.race is None else j.verdict.race.name,
                }
                for j in judged
            ]
        )
        return 0
    if not judged:
        say("No runs yet: `liftlog runs import PATH...` reads them from your watch or Strava.")
        return 0
    say(*(_line(j) for j in judged))
    return 0
