"""`liftlog next`: what to lift on the next strength day, and why."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from liftlog.commands.common import date_or_today, open_context, print_json


def register(commands: Any) -> None:
    p = commands.add_parser(
        "next",
        help="the next session: exercises, warm-up, work sets, loads, and why",
        description="The next strength session on or after --date (default today), by the "
        "coaching rules R1–R19: season, phase of each lift, loads from your bar and plates.",
    )
    p.add_argument("--date", metavar="YYYY-MM-DD", help="plan from this day (default today)")
    p.add_argument("--exercise", metavar="NAME", help="only this exercise")
    p.add_argument("--json", action="store_true", help="print JSON (SPEC §5)")
    p.set_defaults(handler=cmd_next)


def cmd_next(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    date = date_or_today(args.date)
    exercise = ctx.find_exercise(args.exercise).name if args.exercise else None
    from liftlog.coach import prescription_for
    from liftlog.progression import format_text, to_json

    day = prescription_for(ctx.conn, ctx.athlete.id, date, exercise=exercise, today=dt.date.today())
    if args.json:
        print_json(to_json(day))
    else:
        print(format_text(day, ctx.athlete.units))
    return 0
