"""`liftlog next`: what to lift on the next strength day, and why."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from liftlog.commands.common import date_arg, open_log, print_json, say


def register(commands: Any) -> None:
    p = commands.add_parser(
        "next",
        help="the next session: exercises, warm-up, work sets, loads, and why",
        description="The next strength session on or after --date (default today), by the "
        "coaching rules: season, phase of each lift, loads from your bar and plates.",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="plan from this day (default today)")
    p.add_argument("--exercise", metavar="NAME", help="only this exercise")
    p.add_argument("--json", action="store_true", help="print JSON (SPEC §5)")
    p.set_defaults(handler=cmd_next)


def cmd_next(args: argparse.Namespace) -> int:
    from liftlog.progression import format_text, to_json
    from liftlog.service.coach import next_session

    log = open_log(args)
    date = date_arg(args.date)
    exercise = None
    if args.exercise:
        from liftlog.service.exercises import find_exercise

        exercise = find_exercise(log, args.exercise).name
    day = next_session(log, date, exercise=exercise, today=dt.date.today())
    if args.json:
        print_json(to_json(day))
    else:
        say(format_text(day, log.athlete.units))
    return 0
