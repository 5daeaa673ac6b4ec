"""`liftlog calendar [-o FILE] [--weeks N]`: the plan as iCalendar, for any calendar app."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from liftlog.commands.common import UserError, date_arg, open_log, say


def register(commands: Any) -> None:
    p = commands.add_parser(
        "calendar",
        help="the plan as iCalendar: sessions, races, taper, stop and recovery windows",
        description=(
            "Write the next weeks' strength sessions (on the days `next` would pick, with "
            "their exercises and target loads), every race, and the taper, stop and "
            "recovery windows as an .ics file (to standard output by default). Importing a "
            "newer export into your calendar updates these events instead of adding copies."
        ),
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (- is stdout)")
    p.add_argument("--weeks", type=int, default=12, metavar="N", help="weeks of sessions (12)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="plan from this day (default today)")
    p.set_defaults(handler=cmd_calendar)


def cmd_calendar(args: argparse.Namespace) -> int:
    from liftlog.service.plan_calendar import MAX_WEEKS, calendar_bytes
    from liftlog.service.transfer import check_target

    if not 1 <= args.weeks <= MAX_WEEKS:
        raise UserError(f"--weeks must be 1 to {MAX_WEEKS} (got {args.weeks}).")
    start = date_arg(args.date)
    log = open_log(args)
    target = None if args.output in (None, "-") else Path(args.output)
    if target is not None:
        check_target(log, target)
    data = calendar_bytes(log, start=start, weeks=args.weeks, today=dt.date.today())
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    from liftlog.service.transfer import export_bytes_file

    export_bytes_file(log, target, data)
    say(f"Wrote the plan from {start.isoformat()} ({args.weeks} weeks) to {target}.")
    return 0
