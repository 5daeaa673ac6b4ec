"""`liftlog profile`, `liftlog template`, `liftlog override`, `liftlog routine`:
the athlete's settings that shape what the rules prescribe."""

from __future__ import annotations

import argparse
import re
from typing import Any

from liftlog.commands.common import Context, UserError, date_or_today, open_context, print_json
from liftlog.units import DEFAULT_BAR, DEFAULT_PLATES, UNITS, Unit, format_weight, from_kg, to_kg

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RUN_DAYS = ("hard", "easy", "rest")
STOP_DAYS_RANGE = (7, 28)  # R17: settable 7–28 days


def register(commands: Any) -> None:
    p = commands.add_parser("profile", help="show or change units, bar, plates, name")
    p.add_argument("--units", choices=UNITS)
    p.add_argument("--bar", metavar="WEIGHT", help="bar weight in your units")
    p.add_argument("--plates", metavar="SIZE:PAIRS,...", help="e.g. 25:4,20:2,10:2,5:2,2.5:2")
    p.add_argument("--name")
    p.add_argument(
        "--stop-days", type=int, metavar="N", help="days without lifting before an A race (7–28)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_profile)

    p = commands.add_parser(
        "template",
        help="show or set the weekly run template (strength goes on hard days)",
        description="Set run days, e.g. `liftlog template tue=hard thu=hard sat=easy sun=rest`. "
        "Use DAY=unset to clear a day, or --clear for all.",
    )
    p.add_argument("days", nargs="*", metavar="DAY=KIND", help="mon..sun = hard|easy|rest|unset")
    p.add_argument("--clear", action="store_true", help="forget the whole template")
    p.set_defaults(handler=cmd_template)

    p = commands.add_parser(
        "override",
        help="tell the rules: form is fine, move on (advance) or start this lift over (restart)",
    )
    p.add_argument("exercise", metavar="EXERCISE")
    p.add_argument("kind", choices=("advance", "restart"))
    p.add_argument("--date", metavar="YYYY-MM-DD", help="from when (default today)")
    p.set_defaults(handler=cmd_override)

    p = commands.add_parser("routine", help="add an exercise to, or drop one from, your program")
    p.add_argument("action", choices=("add", "drop", "reset"))
    p.add_argument("exercise", metavar="EXERCISE")
    p.set_defaults(handler=cmd_routine)


def _weight(text: str, unit: Unit, what: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(kg|lb)?\s*", text)
    if match is None:
        raise UserError(f"{text!r} is not a {what}; write a number such as 20.")
    return to_kg(float(match[1].replace(",", ".")), match[2] or unit)  # type: ignore[arg-type]


def parse_plates(text: str, unit: Unit) -> list[tuple[float, int]]:
    """`25:4,20:2` (sizes in the athlete's unit) → [(kg, pairs), …], largest first."""
    plates: dict[float, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*:\s*(\d+)", part)
        if match is None:
            raise UserError(f"{part!r} is not SIZE:PAIRS (e.g. 20:2).")
        size, pairs = float(match[1]), int(match[2])
        if not 0 < size <= 100 or not 0 < pairs <= 20:
            raise UserError(f"{part!r}: a plate is up to 100 and up to 20 pairs of it.")
        plates[to_kg(size, unit)] = pairs
    if not plates:
        raise UserError("give at least one plate size, e.g. --plates 20:2,10:2,5:2.")
    return sorted(plates.items(), reverse=True)


def profile_json(ctx: Context) -> dict[str, Any]:
    a = ctx.athlete
    return {
        "name": a.name,
        "units": a.units,
        "bar_kg": a.bar_kg,
        "plates_kg": [[size, pairs] for size, pairs in a.plates_kg],
        "run_template": {WEEKDAYS[d]: k for d, k in sorted(a.run_template.items())},
        "stop_days": a.stop_days,
    }


def cmd_profile(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    a = ctx.athlete
    changes: dict[str, Any] = {}
    units: Unit = args.units or a.units
    if args.units and args.units != a.units:
        changes["units"] = args.units
        # the old unit's default kit becomes the new unit's default kit
        if args.bar is None and abs(a.bar_kg - to_kg(DEFAULT_BAR[a.units], a.units)) < 0.01:
            changes["bar_kg"] = to_kg(DEFAULT_BAR[units], units)
        old_default = [(round(to_kg(s, a.units), 4), n) for s, n in DEFAULT_PLATES[a.units]]
        if args.plates is None and [(round(s, 4), n) for s, n in a.plates_kg] == old_default:
            changes["plates_kg"] = [(to_kg(s, units), n) for s, n in DEFAULT_PLATES[units]]
    if args.bar is not None:
        bar = _weight(args.bar, units, "bar weight")
        if not 0 <= bar <= 50:
            raise UserError("a bar weighs between 0 and 50 kg.")
        changes["bar_kg"] = bar
    if args.plates is not None:
        changes["plates_kg"] = parse_plates(args.plates, units)
    if args.name is not None:
        if not args.name.strip():
            raise UserError("a name can't be empty.")
        changes["name"] = args.name.strip()
    if args.stop_days is not None:
        low, high = STOP_DAYS_RANGE
        if not low <= args.stop_days <= high:
            raise UserError(f"--stop-days must be between {low} and {high}.")
        changes["stop_days"] = args.stop_days
    if changes:
        from liftlog.store.queries import get_athlete
        from liftlog.store.writes import update_athlete

        with ctx.db.session() as session:
            update_athlete(session, athlete_id=a.id, **changes)
        ctx.athlete = get_athlete(ctx.conn, a.id)
    if args.json:
        print_json(profile_json(ctx))
        return 0
    a = ctx.athlete
    plates = ", ".join(f"{from_kg(s, a.units):g}×{n}" for s, n in a.plates_kg)
    template = " ".join(f"{WEEKDAYS[d]}={k}" for d, k in sorted(a.run_template.items()))
    print(f"Name:      {a.name}")
    print(f"Units:     {a.units}")
    print(f"Bar:       {format_weight(a.bar_kg, a.units)}")
    print(f"Plates:    {plates} (pairs)")
    print(f"Run week:  {template or 'not set (liftlog template tue=hard ...)'}")
    print(f"Stop:      {a.stop_days} days before an A race")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    template = {} if args.clear else dict(ctx.athlete.run_template)
    for item in args.days:
        day, _, kind = item.partition("=")
        day, kind = day.strip().lower()[:3], kind.strip().lower()
        if day not in WEEKDAYS or kind not in (*RUN_DAYS, "unset"):
            raise UserError(f"{item!r} is not DAY=KIND (mon..sun = hard|easy|rest|unset).")
        if kind == "unset":
            template.pop(WEEKDAYS.index(day), None)
        else:
            template[WEEKDAYS.index(day)] = kind
    if args.days or args.clear:
        from liftlog.store.writes import update_athlete

        with ctx.db.session() as session:
            update_athlete(session, athlete_id=ctx.athlete.id, run_template=template)
    shown = "  ".join(f"{WEEKDAYS[d]}={template[d]}" for d in sorted(template))
    print(f"Run week: {shown or 'not set'}")
    return 0


def cmd_override(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    exercise = ctx.find_exercise(args.exercise)
    date = date_or_today(args.date)
    if exercise.equipment == "bodyweight":
        raise UserError(f"{exercise.name} progresses by reps; there is no phase to {args.kind}.")
    from liftlog.store.models import LiftOverride

    with ctx.db.session() as session:
        session.add(
            LiftOverride(
                athlete_id=ctx.athlete.id, exercise_id=exercise.id, date=date, kind=args.kind
            )
        )
        session.commit()
    what = "moves on to the next phase" if args.kind == "advance" else "starts over at FORM"
    print(f"{exercise.name} {what} from {date.isoformat()}.")
    return 0


def cmd_routine(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    exercise = ctx.find_exercise(args.exercise)
    from sqlmodel import select

    from liftlog.store.models import RoutineChange

    with ctx.db.session() as session:
        row = session.exec(
            select(RoutineChange).where(
                RoutineChange.athlete_id == ctx.athlete.id,
                RoutineChange.exercise_id == exercise.id,
            )
        ).first()
        if args.action == "reset":
            if row is not None:
                session.delete(row)
        else:
            row = row or RoutineChange(
                athlete_id=ctx.athlete.id, exercise_id=exercise.id, action=""
            )
            row.action = args.action
            session.add(row)
        session.commit()
    verb = {"add": "added to", "drop": "dropped from", "reset": "back to the default in"}
    print(f"{exercise.name} {verb[args.action]} your routine.")
    return 0
