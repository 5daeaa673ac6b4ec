"""Strong's exports, all four forms (headers in docs/import.md), read by one parser.

- 2025 "Workout #" form: `Weight (kg)` or `Weight (lbs)`, `Distance (meters)`,
  `Duration (sec)`; semicolon or comma; every cell quoted.
- 2016 form: the unit is the column's name (`kg`/`lbs`, `km`/`mi`); `Set Order` from 0.
- semicolon form: `Weight Unit` and `Distance Unit` on every row, `Workout Duration`.
- comma form: no unit anywhere (read in the unit its loads show, `liftlog.csvio.loads`),
  with or without `Duration`, the notes columns and `RPE`.

`Set Order` is a set number, or a type: `W`/`WARM_UP` (warm-up), `D`/`DROP_SET` (drop
set), `F`/`FAILURE` (failure); `Rest Timer` and `Note` rows are not sets. A workout's
duration (`45m`, `1h 25m`, `55s`, or seconds) gives its end time.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from liftlog.csvio.cells import CellError, duration, number, shown, timestamp, whole
from liftlog.csvio.rows import (
    CARDIO,
    NOTE_ROW,
    REST_TIMER,
    Columns,
    ImportedSet,
    Kind,
    Memo,
    RowParser,
    SkippedRow,
    checked_done,
    checked_load,
    name_of,
    picker,
    reps_or_time,
    rpe_of,
    stored_kg,
    unit_of,
)
from liftlog.names import is_cardio_name
from liftlog.units import Unit

_SET_TYPES: dict[str, Kind | SkippedRow] = {
    "w": "warmup",
    "warmup": "warmup",
    "d": "drop",
    "dropset": "drop",
    "drop": "drop",
    "f": "failure",
    "failure": "failure",
    "resttimer": REST_TIMER,
    "note": NOTE_ROW,
}


def set_kind(text: str) -> Kind | SkippedRow:
    """`Set Order` as a kind: a number is a work set, W/D/F and their spelled-out forms
    are warm-up, drop and failure sets; `Rest Timer` and `Note` rows are not sets."""
    order = text.strip()
    if order.isdigit() or (order.endswith(".0") and order[:-2].isdigit()):
        return "work"
    found = _SET_TYPES.get(re.sub(r"[\s_-]+", "", order.casefold()))
    if found is None:
        raise CellError(f"Set Order {shown(order)} is not a set number, W, D or F")
    return found


@functools.lru_cache(maxsize=4096)
def exercise_of(text: str, column: str) -> tuple[str, bool]:
    """The exercise's name, tidied, and whether it is cardio."""
    name = name_of(text, column)
    return name, is_cardio_name(name)


@dataclass(frozen=True, slots=True)
class StrongLayout:
    """Where one form of Strong's export keeps what."""

    weight: str  # the weight column
    unit_column: str | None = None  # a unit on every row
    fixed_unit: Unit | None = None  # the unit the weight column's name gives
    distance: str = "Distance"
    duration: str | None = "Duration"  # the workout's duration


def parser(layout: StrongLayout, columns: Columns, width: int) -> RowParser:
    """The row parser for a Strong file of this layout and these columns."""
    pick = picker(
        columns,
        width,
        *("Set Order", "Exercise Name", layout.distance, "Reps", "Seconds", layout.weight),
        *(layout.unit_column or "", "Date", layout.duration or "", "RPE", "Workout Name"),
        *("Workout Notes", "Notes"),
    )
    # per distinct cell text, worked out once for the file (a history repeats its
    # dates, names, set types, reps and loads on row after row)
    kinds: Memo[str, Kind | SkippedRow] = Memo(set_kind)
    exercises: Memo[str, tuple[str, bool]] = Memo(lambda text: exercise_of(text, "Exercise Name"))
    starts: Memo[str, tuple[dt.datetime, dt.date]] = Memo(_start)
    counts: Memo[str, int | None] = Memo(lambda text: whole(text, "Reps"))
    times: Memo[str, int | None] = Memo(lambda text: duration(text, "Seconds"))
    loads = {unit: Memo(_load_reader(unit, layout.weight)) for unit in ("kg", "lb")}
    fixed_unit, distance_column, duration_column = (
        layout.fixed_unit,
        layout.distance,
        layout.duration,
    )
    # the workout's end, worked out once per workout (its rows come together)
    end_of: list[object] = [None, None, None]  # its start, its duration cell, its end

    def parse(cells: Sequence[str], unit: Unit) -> ImportedSet | SkippedRow:
        order, exercise, distance, reps_, seconds_, weight, unit_cell, date, length, *rest = pick(
            cells
        )
        kind = kinds[order]
        if isinstance(kind, SkippedRow):
            return kind
        exercise, cardio = exercises[exercise]
        if cardio or (distance not in _NO_DISTANCE and number(distance, distance_column)):
            return CARDIO
        done = reps_or_time(counts[reps_], times[seconds_])
        if isinstance(done, SkippedRow):
            return done
        reps, seconds = done
        if fixed_unit is not None:
            unit = fixed_unit
        elif unit_cell and unit_cell.strip():
            unit = unit_of(unit_cell, "Weight Unit")
        started_at, day = starts[date]
        if end_of[0] is not started_at or end_of[1] != length:
            long = duration(length, duration_column) if duration_column else None
            end = started_at + dt.timedelta(seconds=long) if long else None
            end_of[:] = [started_at, length, end]
        load_kg = loads[unit][exercise, weight]
        checked_done(reps, seconds)
        rpe, workout, workout_notes, note = rest
        return ImportedSet(
            day,
            started_at,
            workout.strip(),
            workout_notes.strip(),
            exercise,
            None,
            kind,
            None,
            load_kg,
            reps,
            seconds,
            None if rpe in _NO_RPE else rpe_of(number(rpe, "RPE") or None),
            note.strip(),
            started_at,
            None,
            None,
            end_of[2],  # type: ignore[arg-type]
        )

    return parse


#: Cells that say "no distance" and "no RPE" (Strong writes 0 for none), skipped fast.
_NO_DISTANCE = frozenset(("", "0", "0.0"))
_NO_RPE = frozenset(("", "0", "0.0"))


def _start(text: str) -> tuple[dt.datetime, dt.date]:
    started_at = timestamp(text, "Date")
    return started_at, started_at.date()


def _load_reader(unit: Unit, column: str) -> Callable[[tuple[str, str]], float]:
    """(exercise, weight cell) → the load to store, in kg, checked."""

    def load(key: tuple[str, str]) -> float:
        exercise, text = key
        return checked_load(exercise, stored_kg(text, unit, column), unit)

    return load


LAYOUT_UNIT_COLUMNS = StrongLayout("Weight", unit_column="Weight Unit", duration="Workout Duration")
LAYOUT_NO_UNIT = StrongLayout("Weight")
_POUND_COLUMNS = ("weight(lbs)", "weight(lb)", "lbs", "lb")


def layout_2025(header_keys: AbstractSet[str]) -> StrongLayout:
    """The 2025 form's layout: its weight column's name gives the unit (`Weight (kg)`,
    `Weight (lbs)`), its distance column is whichever `Distance (…)` it has."""
    weight = next((k for k in header_keys if k.startswith("weight(")), "weight(kg)")
    distance = next((k for k in header_keys if k.startswith("distance(")), "distance(meters)")
    unit: Unit = "lb" if weight in _POUND_COLUMNS else "kg"
    return StrongLayout(weight, fixed_unit=unit, distance=distance, duration="duration(sec)")


def layout_2016(header_keys: AbstractSet[str]) -> StrongLayout:
    """The 2016 form's layout: `kg` or `lbs`, `km` or `mi` are the columns' names."""
    weight = next((k for k in ("kg", "lbs", "lb") if k in header_keys), "kg")
    distance = next((k for k in ("km", "mi", "miles") if k in header_keys), "km")
    unit: Unit = "lb" if weight in _POUND_COLUMNS else "kg"
    return StrongLayout(weight, fixed_unit=unit, distance=distance, duration=None)
