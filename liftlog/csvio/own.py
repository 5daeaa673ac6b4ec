"""liftlog's own CSV (`liftlog.csvio.export`), read back losslessly.

Its `weight_kg` is taken exactly as written (no rounding: export → import → export
gives the same file); a hand-made file may give only `weight` and `unit`. The
columns `superset` (a superset group's label) and `ended_at` (the workout's end,
`YYYY-MM-DDTHH:MM:SS`) are read when the file has them.
"""

from __future__ import annotations

import datetime as dt

from liftlog.csvio.cells import CellError, number, restore, shown, timestamp, whole
from liftlog.csvio.rows import (
    KINDS,
    Columns,
    ImportedSet,
    Row,
    RowParser,
    checked_set,
    name_of,
    rpe_of,
    stored_kg,
    unit_of,
)
from liftlog.inputs import MAX_WEIGHT_KG
from liftlog.names import is_assisted
from liftlog.units import Unit


def parser(columns: Columns, _width: int) -> RowParser:
    """The row parser for a liftlog file with these columns."""
    return lambda cells, unit: parse_liftlog(Row(columns, cells), unit)


def parse_liftlog(row: Row, _unit: Unit) -> ImportedSet:
    try:
        date = dt.date.fromisoformat(row["date"].strip())
    except ValueError:
        raise CellError(f"date {shown(row['date'])} is not a date (YYYY-MM-DD)") from None
    try:
        start = dt.time.fromisoformat(row["time"].strip()) if row["time"].strip() else dt.time()
    except ValueError:
        raise CellError(f"time {shown(row['time'])} is not a time (HH:MM:SS)") from None
    order = whole(row["order"], "order")
    if order is None or order < 1:
        raise CellError(f"order {shown(row['order'])} must be a whole number from 1")
    kind = row["kind"].strip()
    if kind not in KINDS:
        raise CellError(f"kind {shown(kind)} must be warmup, work, drop or failure")
    side = row["side"].strip().upper() or None
    if side not in (None, "L", "R"):
        raise CellError(f"side {shown(row['side'])} must be L, R or empty")
    unit = unit_of(row["unit"], "unit") if row["unit"].strip() else None
    reps = whole(row["reps"], "reps")
    seconds = whole(row["seconds"], "seconds")
    if reps is None and seconds is None:
        raise CellError("a set needs reps or seconds")
    exercise = name_of(restore(row["exercise"]), "exercise")
    weight_kg = number(row["weight_kg"], "weight_kg")
    if weight_kg is None:  # a hand-made file may give only the weight in its unit
        weight_kg = stored_kg(row["weight"], unit or "kg", "weight")
    if weight_kg < 0 and not is_assisted(exercise):
        raise CellError(f"weight_kg {weight_kg:g} can't be negative")
    if abs(weight_kg) > MAX_WEIGHT_KG:
        raise CellError(f"weight_kg {weight_kg:g} is more than liftlog accepts (1000 kg)")
    checked_set(exercise=exercise, weight_kg=abs(weight_kg), unit="kg", reps=reps, seconds=seconds)
    started_at = dt.datetime.combine(date, start)
    logged = row["logged_at"].strip()
    ended = row["ended_at"].strip()
    return ImportedSet(
        date=date,
        started_at=started_at,
        workout=restore(row["workout"]),
        workout_notes=restore(row["workout_notes"]),
        exercise=exercise,
        order=order,
        kind=kind,
        side=side,
        weight_kg=weight_kg + 0.0,
        reps=reps,
        seconds=seconds,
        rpe=rpe_of(number(row["rpe"], "rpe")),
        note=restore(row["note"]),
        logged_at=timestamp(logged, "logged_at") if logged else started_at,
        unit=unit,
        superset=restore(row["superset"]) or None,
        workout_ended_at=timestamp(ended, "ended_at") if ended else None,
    )
