"""`liftlog exercises` (the catalog and the athlete's own) and `liftlog exercise add`."""

from __future__ import annotations

import argparse
from typing import Any

from liftlog.commands.common import open_log, print_json, say
from liftlog.inputs import CATEGORIES, EQUIPMENT, parse_increment


def register(commands: Any) -> None:
    p = commands.add_parser("exercises", help="the catalog and your own exercises")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("exercise", help="add an exercise of your own")
    sub = p.add_subparsers(dest="exercise_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add an exercise of your own")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--category", default="general", help="|".join(CATEGORIES))
    add.add_argument("--equipment", default="barbell", help="|".join(EQUIPMENT))
    add.add_argument("--unilateral", action="store_true", help="worked one side at a time")
    add.add_argument("--timed", action="store_true", help="measured in seconds, not reps")
    add.add_argument(
        "--increment", metavar="WEIGHT", help="load step in your units (2.5, 5lb); "
        "default: the equipment's usual step",
    )  # fmt: skip
    add.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    add.set_defaults(handler=cmd_add)


def exercise_json(row: Any) -> dict[str, Any]:
    return {
        "name": row.name,
        "aliases": list(row.aliases),
        "category": row.category,
        "equipment": row.equipment,
        "laterality": row.laterality,
        "measure": row.measure,
    }


def cmd_list(args: argparse.Namespace) -> int:
    from liftlog.service.exercises import list_exercises

    rows = list_exercises(open_log(args))
    if args.json:
        print_json([exercise_json(r) for r in rows])
        return 0
    for category in CATEGORIES:
        members = [r for r in rows if r.category == category]
        if not members:
            continue
        say(category.upper())
        for r in members:
            own = "  (yours)" if r.is_own else ""
            side = "one side" if r.laterality == "unilateral" else ""
            say(f"  {r.name:<34} {r.equipment:<11} {r.measure:<8} {side}{own}".rstrip())
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from liftlog.service.exercises import add_exercise, list_exercises, new_exercise

    log = open_log(args)
    increment = None
    if args.increment is not None:
        increment = parse_increment(args.increment, log.athlete.units)
    new = new_exercise(
        list_exercises(log),
        name=args.name,
        category=args.category,
        equipment=args.equipment,
        unilateral=args.unilateral,
        timed=args.timed,
        increment_kg=increment,
        aliases=args.alias,
    )
    row = add_exercise(log, new)
    say(f"Added {row.name} to your exercises.")
    return 0
