"""`liftlog race add|list|delete`: the race calendar that shapes the season."""

from __future__ import annotations

import argparse
from typing import Any

from liftlog.commands.common import UserError, open_context, parse_date, print_json

PRIORITIES = ("A", "B", "C")


def register(commands: Any) -> None:
    race = commands.add_parser("race", help="the race calendar (A races shape the season)")
    sub = race.add_subparsers(dest="race_command", metavar="ACTION", required=True)

    p = sub.add_parser("add", help="add a race")
    p.add_argument("name", metavar="NAME")
    p.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--priority", required=True, metavar="A|B|C", help="A: the goal race")
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("list", help="list the races, soonest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("delete", help="delete a race by name")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=cmd_delete)


def cmd_add(args: argparse.Namespace) -> int:
    name = args.name.strip()
    if not name:
        raise UserError("a race needs a name.")
    date = parse_date(args.date)
    priority = args.priority.strip().upper()
    if priority not in PRIORITIES:
        raise UserError(f"priority {args.priority!r} is not A, B or C.")
    ctx = open_context(args)
    from liftlog.store.writes import add_race

    with ctx.db.session() as session:
        add_race(session, athlete_id=ctx.athlete.id, name=name, date=date, priority=priority)
    print(f"Race {name} on {date.isoformat()}, priority {priority}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from liftlog.store.queries import list_races

    ctx = open_context(args)
    races = list_races(ctx.conn, ctx.athlete.id)
    if args.json:
        print_json(
            [{"name": r.name, "date": r.date.isoformat(), "priority": r.priority} for r in races]
        )
        return 0
    if not races:
        print(
            'No races yet. Add one with: liftlog race add "City Marathon" 2027-04-18 --priority A'
        )
    for r in races:
        print(f"{r.date.isoformat()}  {r.priority}  {r.name}")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from liftlog.store.queries import list_races

    ctx = open_context(args)
    matches = [
        r for r in list_races(ctx.conn, ctx.athlete.id) if r.name.casefold() == args.name.casefold()
    ]
    if not matches:
        raise UserError(f"no race called {args.name!r}.")
    from liftlog.store.models import Race

    with ctx.db.session() as session:
        for r in matches:
            row = session.get(Race, r.id)
            if row is not None:
                session.delete(row)
        session.commit()
    print(f"Deleted {len(matches)} race(s) called {args.name}.")
    return 0
