"""`liftlog log`, `liftlog bodyweight`, `liftlog history` and `liftlog set edit|delete`."""

from __future__ import annotations

import argparse
from typing import Any

from liftlog.commands.common import date_arg, open_log, print_json, say, warn
from liftlog.inputs import SET_KINDS, parse_bodyweight, parse_date
from liftlog.units import Unit, format_bodyweight, format_weight, from_kg, number_text

_LOG_HELP = (
    "Log sets of one exercise. A SET is WEIGHTxREPS (60x8), xREPS for bodyweight (x12), "
    "SECONDSs for a timed set (45s), optionally @RPE (60x8@8) and an L: or R: side (L:20x8). "
    "Weights are in your units; kg/lb suffixes are accepted (135lbx5)."
)


def register(commands: Any) -> None:
    p = commands.add_parser("log", help="log sets of one exercise", description=_LOG_HELP)
    p.add_argument("exercise", metavar="EXERCISE", help="name or alias, any case")
    p.add_argument("sets", metavar="SET", nargs="+", help="60x8, x12, 45s, 60x8@8, L:20x8")
    p.add_argument("--warmup", metavar="SET", nargs="+", default=[], help="warm-up sets")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the session's date (default today)")
    p.add_argument("--kind", default="work", help="of the SETs: " + "|".join(SET_KINDS[1:]))
    p.add_argument("--note", default="", help="a note kept with each of these sets")
    p.set_defaults(handler=cmd_log)

    p = commands.add_parser("bodyweight", help="log today's (or a day's) bodyweight")
    p.add_argument("weight", metavar="KG", help="in your units; a kg/lb suffix is accepted")
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.set_defaults(handler=cmd_bodyweight)

    p = commands.add_parser("history", help="the sessions logged, oldest first")
    p.add_argument("exercise", metavar="EXERCISE", nargs="?", help="only this exercise")
    p.add_argument("--json", action="store_true", help="print JSON (SPEC §5)")
    p.set_defaults(handler=cmd_history)

    p = commands.add_parser("set", help="fix a logged set: edit or delete it by its id")
    sub = p.add_subparsers(dest="set_command", metavar="ACTION", required=True)
    edit = sub.add_parser(
        "edit",
        help="change a logged set (ids: `liftlog history --json`)",
        description="Change a logged set: SET gives its load, reps or seconds, RPE and "
        "side as in `liftlog log` (`-` keeps them); --kind, --note and --date the rest.",
    )
    edit.add_argument("id", metavar="ID", type=int)
    edit.add_argument("set", metavar="SET", help="60x8, x12, 45s, L:20x8@8, or - to keep")
    edit.add_argument("--kind", help="|".join(SET_KINDS))
    edit.add_argument("--note", help="the set's note (empty to clear)")
    edit.add_argument("--date", metavar="YYYY-MM-DD", help="move it to that day's session")
    edit.set_defaults(handler=cmd_set_edit)
    delete = sub.add_parser("delete", help="delete a logged set")
    delete.add_argument("id", metavar="ID", type=int)
    delete.set_defaults(handler=cmd_set_delete)


def cmd_log(args: argparse.Namespace) -> int:
    from liftlog.service.exercises import find_exercise
    from liftlog.service.sets import log_sets, parse_sets

    log = open_log(args)
    date = date_arg(args.date)
    exercise = find_exercise(log, args.exercise)
    logged = log_sets(
        log,
        exercise,
        parse_sets(args.sets, log),
        warmups=parse_sets(args.warmup, log),
        date=date,
        kind=args.kind,
        note=args.note,
    )
    for warning in logged.warnings:
        warn(warning)
    say(f"Logged {len(logged.ids)} set(s) of {exercise.name} on {date.isoformat()}.")
    return 0


def cmd_bodyweight(args: argparse.Namespace) -> int:
    from liftlog.service.profile import log_bodyweight

    log = open_log(args)
    date = date_arg(args.date)
    kg = parse_bodyweight(args.weight, log.athlete.units)
    log_bodyweight(log, kg, date)
    say(f"Bodyweight {format_bodyweight(kg, log.athlete.units)} on {date.isoformat()}.")
    return 0


def set_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "exercise": row.exercise,
        "kind": row.kind,
        "side": row.side,
        "weight_kg": float(row.weight_kg),
        "reps": row.reps,
        "seconds": row.seconds,
        "rpe": row.rpe,
        "note": row.note or "",
    }


def describe_set(row: Any, unit: Unit) -> str:
    """`62.5kg×8@8`, `×12`, `L:45s`: a set as the history lists it."""
    side = f"{row.side}:" if row.side else ""
    if row.seconds is not None:
        body = f"{row.seconds}s"
        if row.weight_kg:
            body = f"{format_weight(row.weight_kg, unit)} {body}"
    elif row.weight_kg:
        body = f"{number_text(from_kg(row.weight_kg, unit))}{unit}×{row.reps}"
    else:
        body = f"×{row.reps}"
    rpe = f"@{row.rpe:g}" if row.rpe is not None else ""
    return f"{side}{body}{rpe}"


def cmd_history(args: argparse.Namespace) -> int:
    from liftlog.service.exercises import find_exercise
    from liftlog.service.sets import history, sessions

    log = open_log(args)
    exercise = find_exercise(log, args.exercise) if args.exercise else None
    grouped = sessions(history(log, exercise))
    if args.json:
        print_json(
            {
                "sessions": [
                    {"date": sets[0].date.isoformat(), "sets": [set_json(r) for r in sets]}
                    for sets in grouped
                ]
            }
        )
        return 0
    unit = log.athlete.units
    empty = True
    for sets in grouped:
        empty = False
        say(sets[0].date.isoformat())
        by_exercise: dict[str, list[str]] = {}
        for r in sets:
            text = describe_set(r, unit)
            if r.kind != "work":
                text = f"({text})" if r.kind == "warmup" else f"{text} {r.kind}"
            by_exercise.setdefault(r.exercise, []).append(text)
        for name, texts in by_exercise.items():
            say(f"  {name:<28} {'  '.join(texts)}")
    if empty:
        say('Nothing logged yet. Log a set with: liftlog log "Back Squat" 20x12')
    return 0


def cmd_set_edit(args: argparse.Namespace) -> int:
    from liftlog.service.sets import edit_as_typed

    log = open_log(args)
    date = parse_date(args.date) if args.date is not None else None
    row = edit_as_typed(log, args.id, args.set, kind=args.kind, note=args.note, date=date)
    say(
        f"Set #{row.id} is now {row.exercise} {describe_set(row, log.athlete.units)}"
        f" ({row.kind}) on {row.date.isoformat()}."
    )
    return 0


def cmd_set_delete(args: argparse.Namespace) -> int:
    from liftlog.service.sets import delete_set

    log = open_log(args)
    row = delete_set(log, args.id)
    say(
        f"Deleted set #{row.id}: {row.exercise} {describe_set(row, log.athlete.units)}"
        f" on {row.date.isoformat()}."
    )
    return 0
