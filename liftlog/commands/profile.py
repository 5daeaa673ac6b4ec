"""`liftlog profile`, `liftlog template`, `liftlog override`, `liftlog routine`:
the athlete's settings that shape what the rules prescribe."""

from __future__ import annotations

import argparse
from typing import Any

from liftlog.commands.common import date_arg, open_log, print_json, say
from liftlog.inputs import (
    OVERRIDE_KINDS,
    ROUTINE_ACTIONS,
    RUN_DAYS,
    STOP_DAYS_RANGE,
    WEEKDAYS,
    plates_text,
)
from liftlog.units import UNITS, format_weight


def register(commands: Any) -> None:
    p = commands.add_parser("profile", help="show or change units, bar, plates, name")
    p.add_argument("--units", choices=UNITS)
    p.add_argument("--bar", metavar="WEIGHT", help="bar weight in your units (45lb works too)")
    p.add_argument(
        "--plates", metavar="SIZE:PAIRS ...", help="e.g. 25:4,20:2,10:2 or 25x4 20x2 10x2"
    )
    p.add_argument("--name")
    low, high = STOP_DAYS_RANGE
    p.add_argument(
        "--stop-days",
        type=int,
        metavar="N",
        help=f"days without lifting before an A race ({low}–{high})",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_profile)

    p = commands.add_parser(
        "template",
        help="show or set the weekly run template (strength goes on hard days)",
        description="Set run days, e.g. `liftlog template tue=hard thu=hard sat=easy sun=rest`. "
        "Use DAY=unset to clear a day, or --clear for all.",
    )
    p.add_argument(
        "days", nargs="*", metavar="DAY=KIND", help=f"mon..sun = {'|'.join(RUN_DAYS)}|unset"
    )
    p.add_argument("--clear", action="store_true", help="forget the whole template")
    p.set_defaults(handler=cmd_template)

    p = commands.add_parser(
        "override",
        help="tell the rules: form is fine, move on (advance) or start this lift over (restart)",
    )
    p.add_argument("exercise", metavar="EXERCISE")
    p.add_argument("kind", choices=OVERRIDE_KINDS)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="from when (default today)")
    p.set_defaults(handler=cmd_override)

    p = commands.add_parser("routine", help="add an exercise to, or drop one from, your program")
    p.add_argument("action", choices=ROUTINE_ACTIONS)
    p.add_argument("exercise", metavar="EXERCISE")
    p.set_defaults(handler=cmd_routine)


def profile_json(a: Any) -> dict[str, Any]:
    return {
        "name": a.name,
        "units": a.units,
        "bar_kg": a.bar_kg,
        "plates_kg": [[size, pairs] for size, pairs in a.plates_kg],
        "run_template": {WEEKDAYS[d]: k for d, k in sorted(a.run_template.items())},
        "stop_days": a.stop_days,
    }


def cmd_profile(args: argparse.Namespace) -> int:
    from liftlog.service.profile import update_profile

    log = open_log(args)
    a = update_profile(
        log,
        units=args.units,
        bar=args.bar,
        plates=args.plates,
        name=args.name,
        stop_days=args.stop_days,
    )
    if args.json:
        print_json(profile_json(a))
        return 0
    template = " ".join(f"{WEEKDAYS[d]}={k}" for d, k in sorted(a.run_template.items()))
    say(
        f"Name:      {a.name}",
        f"Units:     {a.units}",
        f"Bar:       {format_weight(a.bar_kg, a.units)}",
        f"Plates:    {plates_text(a.plates_kg, a.units)} (size:pairs, in {a.units})",
        f"Run week:  {template or 'not set (liftlog template tue=hard ...)'}",
        f"Stop:      {a.stop_days} days before an A race",
    )
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from liftlog.service.profile import set_template

    a = set_template(open_log(args), args.days, clear=args.clear)
    shown = "  ".join(f"{WEEKDAYS[d]}={k}" for d, k in sorted(a.run_template.items()))
    say(f"Run week: {shown or 'not set'}")
    return 0


def cmd_override(args: argparse.Namespace) -> int:
    from liftlog.service.exercises import find_exercise, override

    log = open_log(args)
    exercise = find_exercise(log, args.exercise)
    say(override(log, exercise, args.kind, date_arg(args.date)))
    return 0


def cmd_routine(args: argparse.Namespace) -> int:
    from liftlog.service.exercises import change_routine, find_exercise

    log = open_log(args)
    say(change_routine(log, find_exercise(log, args.exercise), args.action))
    return 0
