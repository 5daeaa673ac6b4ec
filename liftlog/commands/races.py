"""`liftlog race add|list|delete`: the race calendar that shapes the season."""

from __future__ import annotations

import argparse
from typing import Any

from liftlog.commands.common import open_log, print_json, say
from liftlog.inputs import PRIORITIES, choice, clean_name, parse_date


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
    from liftlog.service.races import save_race

    # refuse bad input before the log is even opened
    name = clean_name(args.name, "race name")
    date = parse_date(args.date, "race date")
    priority = choice(args.priority, PRIORITIES, "priority")
    race = save_race(open_log(args), name=name, date=date, priority=priority)
    say(f"Race {race.name} on {race.date.isoformat()}, priority {race.priority}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from liftlog.service.races import list_races

    races = list_races(open_log(args))
    if args.json:
        print_json(
            [{"name": r.name, "date": r.date.isoformat(), "priority": r.priority} for r in races]
        )
        return 0
    if not races:
        say('No races yet. Add one with: liftlog race add "City Marathon" 2027-04-18 --priority A')
    for r in races:
        say(f"{r.date.isoformat()}  {r.priority}  {r.name}")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from liftlog.service.races import delete_races_named

    deleted = delete_races_named(open_log(args), args.name)
    say(f"Deleted {deleted} race(s) called {args.name}.")
    return 0
