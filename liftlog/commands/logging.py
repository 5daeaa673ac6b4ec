"""`liftlog log`, `liftlog bodyweight` and `liftlog history`."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Iterator
from typing import Any

from liftlog.commands.common import UserError, date_or_today, open_context, print_json
from liftlog.setgrammar import ParsedSet, parse_set
from liftlog.units import Unit, format_weight, from_kg, to_kg

#: Bodyweights outside this range (kg) are typing mistakes, not athletes.
BODYWEIGHT_RANGE_KG = (20.0, 400.0)


def register(commands: Any) -> None:
    p = commands.add_parser("log", help="log sets of one exercise", description=_LOG_HELP)
    p.add_argument("exercise", metavar="EXERCISE", help="name or alias, any case")
    p.add_argument("sets", metavar="SET", nargs="+", help="60x8, x12, 45s, 60x8@8, L:20x8")
    p.add_argument("--warmup", metavar="SET", nargs="+", default=[], help="warm-up sets")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the session's date (default today)")
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


_LOG_HELP = (
    "Log sets of one exercise. A SET is WEIGHTxREPS (60x8), xREPS for bodyweight (x12), "
    "SECONDSs for a timed set (45s), optionally @RPE (60x8@8) and an L: or R: side (L:20x8). "
    "Weights are in your units; kg/lb suffixes are accepted (135lbx5)."
)


def _parse_all(texts: Iterable[str], unit: Unit) -> list[ParsedSet]:
    return [parse_set(text, unit) for text in texts]


def cmd_log(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    date = date_or_today(args.date)
    exercise = ctx.find_exercise(args.exercise)
    warmups = _parse_all(args.warmup, ctx.athlete.units)
    works = _parse_all(args.sets, ctx.athlete.units)
    for parsed in (*warmups, *works):
        if parsed.is_timed != (exercise.measure == "seconds"):
            how = (
                "in seconds, e.g. 45s" if exercise.measure == "seconds" else "with reps, e.g. 60x8"
            )
            raise UserError(f"{exercise.name} is logged {how}.")
        if parsed.side and exercise.laterality == "bilateral":
            raise UserError(f"{exercise.name} works both sides at once; drop the L:/R: prefix.")
    from liftlog.store.writes import log_sets

    note = args.note.strip()
    with ctx.db.session() as session:
        logged = log_sets(
            session,
            athlete_id=ctx.athlete.id,
            exercise_id=exercise.id,
            date=date,
            sets=[("warmup", s) for s in warmups] + [("work", s) for s in works],
            note=note,
        )
    print(f"Logged {len(logged)} set(s) of {exercise.name} on {date.isoformat()}.")
    return 0


def _weight_arg(text: str, unit: Unit) -> float:
    match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*(kg|kgs|lb|lbs)?\s*", text)
    if match is None:
        raise UserError(f"{text!r} is not a bodyweight; write a number such as 70 or 154lb.")
    suffix = match[2]
    given: Unit = unit if suffix is None else ("lb" if suffix.startswith("lb") else "kg")
    return to_kg(float(match[1].replace(",", ".")), given)


def cmd_bodyweight(args: argparse.Namespace) -> int:
    if args.weight.strip().startswith("-"):
        raise UserError("a bodyweight can't be negative.")
    ctx = open_context(args)
    date = date_or_today(args.date)
    kg = _weight_arg(args.weight, ctx.athlete.units)
    low, high = BODYWEIGHT_RANGE_KG
    if not low <= kg <= high:
        raise UserError(
            f"{format_weight(kg, ctx.athlete.units)} is not a plausible bodyweight "
            f"({format_weight(low, ctx.athlete.units)}–{format_weight(high, ctx.athlete.units)})."
        )
    from liftlog.store.writes import set_bodyweight

    with ctx.db.session() as session:
        set_bodyweight(session, athlete_id=ctx.athlete.id, date=date, kg=kg)
    print(f"Bodyweight {format_weight(kg, ctx.athlete.units)} on {date.isoformat()}.")
    return 0


def _sessions(rows: Iterable[Any]) -> Iterator[tuple[Any, list[Any]]]:
    """Group set rows (ordered by workout) into (first row, rows) per workout."""
    current: list[Any] = []
    for row in rows:
        if current and row.workout_id != current[0].workout_id:
            yield current[0], current
            current = []
        current.append(row)
    if current:
        yield current[0], current


def set_json(row: Any) -> dict[str, Any]:
    return {
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
    side = f"{row.side}:" if row.side else ""
    if row.seconds is not None:
        body = f"{row.seconds}s"
        if row.weight_kg:
            body = f"{format_weight(row.weight_kg, unit)} {body}"
    elif row.weight_kg:
        value = round(from_kg(row.weight_kg, unit), 2)
        body = f"{value:g}{unit}×{row.reps}"
    else:
        body = f"×{row.reps}"
    rpe = f"@{row.rpe:g}" if row.rpe is not None else ""
    return f"{side}{body}{rpe}"


def cmd_history(args: argparse.Namespace) -> int:
    from liftlog.store.queries import iter_sets

    ctx = open_context(args)
    exercise_id = ctx.find_exercise(args.exercise).id if args.exercise else None
    rows = iter_sets(ctx.conn, ctx.athlete.id, exercise_id=exercise_id)
    if args.json:
        sessions = [
            {"date": first.date.isoformat(), "sets": [set_json(r) for r in sets]}
            for first, sets in _sessions(rows)
        ]
        print_json({"sessions": sessions})
        return 0
    unit = ctx.athlete.units
    empty = True
    for first, sets in _sessions(rows):
        empty = False
        print(first.date.isoformat())
        by_exercise: dict[str, list[str]] = {}
        for r in sets:
            text = describe_set(r, unit)
            by_exercise.setdefault(r.exercise, []).append(
                f"({text})" if r.kind == "warmup" else text
            )
        for name, texts in by_exercise.items():
            print(f"  {name:<28} {'  '.join(texts)}")
    if empty:
        print('Nothing logged yet. Log a set with: liftlog log "Back Squat" 20x12')
    return 0
