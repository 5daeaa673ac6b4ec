"""`liftlog exercises` (the catalog and the athlete's own) and `liftlog exercise add`."""

from __future__ import annotations

import argparse
from typing import Any

from liftlog.commands.common import UserError, open_context, print_json

CATEGORIES = ("general", "functional", "plyometric", "core", "prehab")
EQUIPMENT = ("barbell", "dumbbell", "kettlebell", "machine", "band", "bodyweight")


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
    add.add_argument("--increment", type=float, default=None, help="load step in kg")
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
    ctx = open_context(args)
    rows = ctx.exercises()
    if args.json:
        print_json([exercise_json(r) for r in rows])
        return 0
    for category in CATEGORIES:
        members = [r for r in rows if r.category == category]
        if not members:
            continue
        print(category.upper())
        for r in members:
            own = "  (yours)" if r.is_own else ""
            side = "one side" if r.laterality == "unilateral" else ""
            print(f"  {r.name:<34} {r.equipment:<11} {r.measure:<8} {side}{own}".rstrip())
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    name = " ".join(args.name.split())
    if not name:
        raise UserError("an exercise needs a name.")
    if args.category not in CATEGORIES:
        raise UserError(f"category {args.category!r} is not one of {', '.join(CATEGORIES)}.")
    if args.equipment not in EQUIPMENT:
        raise UserError(f"equipment {args.equipment!r} is not one of {', '.join(EQUIPMENT)}.")
    if args.increment is not None and not 0 < args.increment <= 50:
        raise UserError("the load increment must be between 0 and 50 kg.")
    ctx = open_context(args)
    from liftlog.names import NameIndex

    rows = ctx.exercises()
    index = NameIndex((r, r.name, r.aliases) for r in rows)
    for label in (name, *args.alias):
        clash = index.get(label)
        if clash is not None:
            raise UserError(f"{label!r} is already the name of {clash.name}.")
    from liftlog.store.writes import add_exercise

    with ctx.db.session() as session:
        add_exercise(
            session,
            athlete_id=ctx.athlete.id,
            name=name,
            category=args.category,
            equipment=args.equipment,
            laterality="unilateral" if args.unilateral else "bilateral",
            measure="seconds" if args.timed else "reps",
            increment_kg=args.increment,
            aliases=args.alias,
        )
    print(f"Added {name} to your exercises.")
    return 0
