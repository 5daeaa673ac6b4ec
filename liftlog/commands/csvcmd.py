"""`liftlog export`: the log as CSV (`commands.imports` brings files in)."""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from liftlog.commands.common import open_log, say


def register(commands: Any) -> None:
    p = commands.add_parser(
        "export",
        help="write every set as CSV (to standard output by default)",
        description=(
            "Write the whole log as CSV, one row per set, with a header. Columns: date, time, "
            "workout, workout_notes, exercise, order, kind, side, weight_kg, weight, unit, reps, "
            "seconds, rpe, note, logged_at, superset, ended_at. `liftlog import` reads it back "
            "unchanged."
        ),
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead (- is stdout)")
    p.add_argument(
        "--fit",
        metavar="DATE",
        help="instead, that day's strength session as a Garmin FIT activity, for Garmin "
        "Connect, Strava or intervals.icu (default file: liftlog-DATE.fit)",
    )
    p.set_defaults(handler=cmd_export)


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


def cmd_export_fit(args: argparse.Namespace) -> int:
    from liftlog.inputs import parse_date
    from liftlog.service.strength_fit import export_fit_file, fit_bytes

    day = parse_date(args.fit)
    log = open_log(args)
    if args.output == "-":
        data = fit_bytes(log, day)
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    target = Path(args.output or f"liftlog-{day.isoformat()}.fit")
    count = export_fit_file(log, day, target)
    say(
        f"Wrote {day.isoformat()}'s strength session ({count} set{'s' * (count != 1)}) to "
        f"{target}: upload it to Garmin Connect, Strava or intervals.icu (docs/garmin.md)."
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from liftlog.service.transfer import check_target, export_csv_file, write_csv

    if args.fit is not None:
        return cmd_export_fit(args)
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
