"""The CSV formats liftlog imports, one small parser each, and telling them apart.

A parser turns one row into an `ImportedSet` (in kg, validated with the limits of the
SET grammar), returns None for a row that is not a set liftlog keeps (a run or other
distance-only cardio, a rest timer: the importer counts them as skipped), or raises
`CellError` saying what is wrong. Formats are recognised by the column names of the
header row:

- liftlog   our own export (see `liftlog.csvio.export`), read back losslessly;
- strong    Strong, comma form (weights in the app's display unit, no unit column)
            and semicolon form (with `Weight Unit`; reps may be written `10.0`);
            `Set Order` is a number, W (warm-up), D (drop set) or F (failure);
- hevy      Hevy, metric (`weight_kg`) or imperial (`weight_lbs`), dates such as
            `May 7, 2026, 6:13 AM` or `26 Jul 2025, 07:06`; `set_type` warmup is a
            warm-up, normal, failure and dropset are work sets;
- fitnotes  FitNotes, a unit on every row (`kgs`/`lbs`), one workout per day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from liftlog.csvio.cells import CellError, duration, number, restore, timestamp, whole
from liftlog.inputs import MAX_REPS, MAX_SECONDS, MAX_WEIGHT_KG
from liftlog.units import Unit, to_kg


@dataclass(frozen=True, slots=True)
class ImportedSet:
    """One set read from a file, in kg, not yet matched to the database."""

    date: dt.date  # the workout's date
    started_at: dt.datetime  # the workout's start
    workout: str
    workout_notes: str
    exercise: str
    order: int | None  # the set's position in the workout when the file says (liftlog)
    kind: str  # "warmup" | "work"
    side: str | None
    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None
    note: str
    logged_at: dt.datetime
    unit: Unit | None = None  # the athlete's unit the file was written in (liftlog)


class Columns(dict[str, int]):
    """Column name → position, looked up in any case; misses are remembered as -1."""

    def __missing__(self, name: str) -> int:
        index = self.get(name.strip().casefold(), -1)
        self[name] = index
        return index


class Row:
    """One CSV record, its cells looked up by (case-insensitive) column name."""

    __slots__ = ("_columns", "cells")

    def __init__(self, columns: Columns, cells: Sequence[str]) -> None:
        self._columns = columns
        self.cells = cells

    def __getitem__(self, name: str) -> str:
        index = self._columns[name]
        return self.cells[index] if 0 <= index < len(self.cells) else ""

    def has(self, name: str) -> bool:
        return self._columns[name] >= 0


Parser = Callable[[Row, Unit], ImportedSet | None]


@dataclass(frozen=True, slots=True)
class Format:
    key: str
    label: str
    parse: Parser
    #: every one of these column names is in the header (case-insensitive)
    required: frozenset[str]
    #: and at least one of these
    any_of: frozenset[str] = frozenset()

    def matches(self, header: set[str]) -> bool:
        return self.required <= header and (not self.any_of or bool(self.any_of & header))


def _unit(text: str, default: Unit | None, column: str) -> Unit:
    unit = text.strip().casefold()
    if not unit and default is not None:
        return default
    if unit in ("kg", "kgs"):
        return "kg"
    if unit in ("lb", "lbs"):
        return "lb"
    raise CellError(f"{column} {text!r} is not kg or lbs")


def _rpe(value: float | None) -> float | None:
    if value is None:
        return None
    if not 1 <= value <= 10 or (value * 2) % 1:
        raise CellError(f"RPE {value:g} must be between 1 and 10 in half steps")
    return value


def _checked(
    *,
    weight: float | None,
    unit: Unit,
    reps: int | None,
    seconds: int | None,
) -> float:
    """The load in kg after checking load, reps and time against the SET grammar's limits."""
    value = weight or 0.0
    if value < 0:
        raise CellError(f"weight {value:g} {unit} can't be negative")
    weight_kg = to_kg(value, unit)
    if weight_kg > MAX_WEIGHT_KG:
        raise CellError(f"weight {value:g} {unit} is more than liftlog accepts (1000 kg)")
    if reps is not None and not 1 <= reps <= MAX_REPS:
        raise CellError(f"reps {reps} must be between 1 and {MAX_REPS}")
    if seconds is not None and not 1 <= seconds <= MAX_SECONDS:
        raise CellError(f"a timed set must last 1 to {MAX_SECONDS} seconds, not {seconds}")
    return weight_kg


def _name(text: str, column: str) -> str:
    name = text.strip()
    if not name:
        raise CellError(f"{column} is empty")
    return name


def _reps_or_time(
    reps: int | None, seconds: int | None, distance: float | None
) -> tuple[int | None, int | None]:
    """Apps write 0 for "not used". A set with reps counts its reps (a SET is one or the
    other); one without is timed, unless it covered a distance: a run, a row or a carry,
    which liftlog does not record (both None: the importer skips the row)."""
    reps = reps or None
    if reps is not None:
        return reps, None
    if distance:
        return None, None
    return None, seconds or None


# --- liftlog -----------------------------------------------------------------


def parse_liftlog(row: Row, _units: Unit) -> ImportedSet:
    try:
        date = dt.date.fromisoformat(row["date"].strip())
    except ValueError:
        raise CellError(f"date {row['date']!r} is not a date (YYYY-MM-DD)") from None
    try:
        start = dt.time.fromisoformat(row["time"].strip()) if row["time"].strip() else dt.time()
    except ValueError:
        raise CellError(f"time {row['time']!r} is not a time (HH:MM:SS)") from None
    order = whole(row["order"], "order")
    if order is None or order < 1:
        raise CellError(f"order {row['order']!r} must be a whole number from 1")
    kind = row["kind"].strip()
    if kind not in ("warmup", "work"):
        raise CellError(f"kind {kind!r} must be warmup or work")
    side = row["side"].strip().upper() or None
    if side not in (None, "L", "R"):
        raise CellError(f"side {row['side']!r} must be L, R or empty")
    unit = _unit(row["unit"], None, "unit") if row["unit"].strip() else None
    reps = whole(row["reps"], "reps")
    seconds = whole(row["seconds"], "seconds")
    if reps is None and seconds is None:
        raise CellError("a set needs reps or seconds")
    weight_kg = number(row["weight_kg"], "weight_kg")
    if weight_kg is None:  # a hand-made file may give only the weight in its unit
        weight_kg = _checked(
            weight=number(row["weight"], "weight"), unit=unit or "kg", reps=reps, seconds=seconds
        )
    else:
        _checked(weight=weight_kg, unit="kg", reps=reps, seconds=seconds)
    started_at = dt.datetime.combine(date, start)
    logged = row["logged_at"].strip()
    return ImportedSet(
        date=date,
        started_at=started_at,
        workout=restore(row["workout"]),
        workout_notes=restore(row["workout_notes"]),
        exercise=_name(restore(row["exercise"]), "exercise"),
        order=order,
        kind=kind,
        side=side,
        weight_kg=weight_kg,
        reps=reps,
        seconds=seconds,
        rpe=_rpe(number(row["rpe"], "rpe")),
        note=restore(row["note"]),
        logged_at=timestamp(logged, "logged_at") if logged else started_at,
        unit=unit,
    )


# --- Strong ------------------------------------------------------------------


def parse_strong(row: Row, units: Unit) -> ImportedSet | None:
    order = row["Set Order"].strip()
    if order.casefold() == "rest timer":
        return None
    if order.upper() == "W":
        kind = "warmup"
    elif order.upper() in ("D", "F") or order.isdigit():
        kind = "work"
    else:
        raise CellError(f"Set Order {order!r} is not a set number, W, D or F")
    reps, seconds = _reps_or_time(
        whole(row["Reps"], "Reps"),
        duration(row["Seconds"], "Seconds"),
        number(row["Distance"], "Distance"),
    )
    if reps is None and seconds is None:
        return None  # a run, a row, a carry: distance only
    unit = _unit(row["Weight Unit"], units, "Weight Unit")
    weight = number(row["Weight"], "Weight")
    started_at = timestamp(row["Date"], "Date")
    rpe = number(row["RPE"], "RPE") or None  # Strong writes 0 for "no RPE"
    return ImportedSet(
        date=started_at.date(),
        started_at=started_at,
        workout=row["Workout Name"].strip(),
        workout_notes=row["Workout Notes"].strip(),
        exercise=_name(row["Exercise Name"], "Exercise Name"),
        order=None,
        kind=kind,
        side=None,
        weight_kg=_checked(weight=weight, unit=unit, reps=reps, seconds=seconds),
        reps=reps,
        seconds=seconds,
        rpe=_rpe(rpe),
        note=row["Notes"].strip(),
        logged_at=started_at,
    )


# --- Hevy --------------------------------------------------------------------

_HEVY_KINDS = {
    "warmup": "warmup",
    "normal": "work",
    "failure": "work",
    "dropset": "work",
    "": "work",
}


def parse_hevy(row: Row, _units: Unit) -> ImportedSet | None:
    set_type = row["set_type"].strip().casefold()
    kind = _HEVY_KINDS.get(set_type)
    if kind is None:
        raise CellError(f"set_type {set_type!r} is not warmup, normal, failure or dropset")
    distance = "distance_miles" if row.has("distance_miles") else "distance_km"
    reps, seconds = _reps_or_time(
        whole(row["reps"], "reps"),
        duration(row["duration_seconds"], "duration_seconds"),
        number(row[distance], distance),
    )
    if reps is None and seconds is None:
        return None
    if row.has("weight_lbs"):
        unit: Unit = "lb"
        weight = number(row["weight_lbs"], "weight_lbs")
    else:
        unit = "kg"
        weight = number(row["weight_kg"], "weight_kg")
    started_at = timestamp(row["start_time"], "start_time")
    return ImportedSet(
        date=started_at.date(),
        started_at=started_at,
        workout=row["title"].strip(),
        workout_notes=row["description"].strip(),
        exercise=_name(row["exercise_title"], "exercise_title"),
        order=None,
        kind=kind,
        side=None,
        weight_kg=_checked(weight=weight, unit=unit, reps=reps, seconds=seconds),
        reps=reps,
        seconds=seconds,
        rpe=_rpe(number(row["rpe"], "rpe") or None),
        note=row["exercise_notes"].strip(),
        logged_at=started_at,
    )


# --- FitNotes ----------------------------------------------------------------


def parse_fitnotes(row: Row, units: Unit) -> ImportedSet | None:
    reps, seconds = _reps_or_time(
        whole(row["Reps"], "Reps"),
        duration(row["Time"], "Time"),
        number(row["Distance"], "Distance"),
    )
    if reps is None and seconds is None:
        return None
    if row.has("Weight (kgs)"):
        unit: Unit = "kg"
        weight = number(row["Weight (kgs)"], "Weight (kgs)")
    elif row.has("Weight (lbs)"):
        unit = "lb"
        weight = number(row["Weight (lbs)"], "Weight (lbs)")
    else:
        unit = _unit(row["Weight Unit"], units, "Weight Unit")
        weight = number(row["Weight"], "Weight")
    started_at = timestamp(row["Date"], "Date")
    return ImportedSet(
        date=started_at.date(),
        started_at=started_at,
        workout="",
        workout_notes="",
        exercise=_name(row["Exercise"], "Exercise"),
        order=None,
        kind="work",
        side=None,
        weight_kg=_checked(weight=weight, unit=unit, reps=reps, seconds=seconds),
        reps=reps,
        seconds=seconds,
        rpe=None,
        note=row["Comment"].strip(),
        logged_at=started_at,
    )


def _names(*names: str) -> frozenset[str]:
    return frozenset(n.casefold() for n in names)


FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format(
            "liftlog",
            "liftlog",
            parse_liftlog,
            _names("date", "time", "exercise", "order", "kind", "reps", "seconds", "logged_at"),
            _names("weight_kg", "weight"),
        ),
        Format(
            "strong",
            "Strong",
            parse_strong,
            _names("Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps"),
        ),
        Format(
            "hevy",
            "Hevy",
            parse_hevy,
            _names("title", "start_time", "exercise_title", "set_type", "reps"),
            _names("weight_kg", "weight_lbs"),
        ),
        Format(
            "fitnotes",
            "FitNotes",
            parse_fitnotes,
            _names("Date", "Exercise", "Category", "Reps"),
            _names("Weight", "Weight (kgs)", "Weight (lbs)"),
        ),
    )
}


def column_index(header: Sequence[str]) -> Columns:
    """Column name (case-insensitive, spaces trimmed) → position; the first one wins."""
    columns = Columns()
    for i, name in enumerate(header):
        columns.setdefault(name.strip().casefold(), i)
    return columns


def detect(header: Sequence[str]) -> Format | None:
    """The format whose columns the header has, or None."""
    names = {name.strip().casefold() for name in header}
    for fmt in FORMATS.values():
        if fmt.matches(names):
            return fmt
    return None
