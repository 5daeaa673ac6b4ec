"""What one row of an export becomes, and the checks every dialect shares.

A dialect's parser (`strong`, `hevy`, `fitnotes`, `fitbod`, `own`) turns one CSV record
into an `ImportedSet` (a set, in kg), a `SkippedRow` (not a strength set: cardio, a rest
timer, a note row; counted, never an error) or raises `CellError` (an invalid row: the
reader yields it as a `RowError` with its line and goes on, so every bad row is listed).

Two rules live here because every dialect applies them the same way:

- **Limits** (`checked_set`): reps 1–100, a timed set 1–3600 s, a load up to 1000 kg, RPE
  1–10 in half steps: the SET grammar's limits (`liftlog.inputs`).
- **Stored precision** (`stored_kg`): a weight read in pounds is stored as the exact
  decimal product `round(lb, 2) × 0.45359237`, i.e. rounded to 10 decimals (the
  factor has 8, the pounds 2), so it converts back to the very pound value the file
  had and prints without float noise (135 lb → 61.23496995 kg, never
  61.234969950000005). A kilogram value with more than 3 decimals is an app's own
  pound conversion when it is one to within 1e-6 kg (Strong writes 143.7 lb as
  `65.181223569`): it becomes that pound value's exact kg; any other is rounded to
  the gram (3 decimals).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Literal, TypeVar

from liftlog.csvio.cells import CellError, decimals, number
from liftlog.inputs import MAX_REPS, MAX_SECONDS, MAX_WEIGHT_KG
from liftlog.names import signed_load_kg
from liftlog.units import KG_PER_LB, Unit

#: Set kinds (SPEC §1).
Kind = Literal["warmup", "work", "drop", "failure"]
KINDS: tuple[Kind, ...] = ("warmup", "work", "drop", "failure")

#: Decimals a pound value keeps (a hundredth of a pound), and the stored kg's decimals
#: that make it exact: KG_PER_LB has 8.
LB_DECIMALS = 2
LB_KG_DECIMALS = 8 + LB_DECIMALS
#: Decimals a kilogram value keeps when it is not a pound conversion (grams).
KG_DECIMALS = 3
#: How close a long kilogram value must be to an exact pound conversion to be one.
LB_SNAP_KG = 1e-6


@dataclass(slots=True)  # not frozen: its __init__ would cost 8 times as much, per row
class ImportedSet:
    """One set read from a file, in kg, not yet matched to the database. Treat it as a
    value: nothing changes one after it is made."""

    date: dt.date  # the workout's date
    started_at: dt.datetime  # the workout's start
    workout: str
    workout_notes: str
    exercise: str
    order: int | None  # the set's position in the workout when the file says (liftlog)
    kind: str  # "warmup" | "work" | "drop" | "failure"
    side: str | None
    weight_kg: float  # negative: assistance on an assisted exercise (SPEC §1)
    reps: int | None
    seconds: int | None
    rpe: float | None
    note: str
    logged_at: dt.datetime
    unit: Unit | None = None  # the athlete's unit the file was written in (liftlog)
    superset: str | None = None  # the superset group's label, within its workout
    workout_ended_at: dt.datetime | None = None  # when the workout ended, if the file says


SkipReason = Literal["cardio", "rest timer", "note row", "no reps or time"]


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row that is not a strength set; `why` is one of `SkipReason`."""

    why: SkipReason


@dataclass(frozen=True, slots=True)
class RowError:
    """An invalid row: `why` says what is wrong in one short clause."""

    why: str


CARDIO = SkippedRow("cardio")
REST_TIMER = SkippedRow("rest timer")
NOTE_ROW = SkippedRow("note row")
NOTHING_DONE = SkippedRow("no reps or time")

Parsed = ImportedSet | SkippedRow | tuple[ImportedSet, ...]
#: A dialect's parser for one file: the row's cells (padded with one empty cell past
#: the header, which columns the file lacks read from) and the unit of weights the file
#: does not label, to what the row is. Raises `CellError` for an invalid row.
RowParser = Callable[[Sequence[str], Unit], Parsed]


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(dict[K, V]):
    """`function(key)` for each distinct key (a cell's text, or a few), worked out once
    and remembered: a file repeats its dates, names and loads row after row, and a
    lookup is a dict's. An invalid cell raises each time, as the function does."""

    def __init__(self, function: Callable[[K], V]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: K) -> V:
        value = self[key] = self.function(key)
        return value


def column_key(name: str) -> str:
    """A header's name as looked up: case and spaces ignored (`Weight (kg)` is
    `Weight(kg)`), a byte-order mark or quotes a spreadsheet left around it dropped."""
    return "".join(name.replace("\ufeff", "").strip().strip('"').casefold().split())


class Columns(dict[str, int]):
    """Column key → position; a miss is remembered as -1."""

    def __missing__(self, name: str) -> int:
        index = self.get(column_key(name), -1)
        self[name] = index
        return index


def column_index(header: Sequence[str]) -> Columns:
    """Column name (any case and spacing) → position; the first one wins."""
    columns = Columns()
    for i, name in enumerate(header):
        columns.setdefault(column_key(name), i)
    return columns


def picker(columns: Columns, width: int, *names: str) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """A function giving these columns' cells of a row padded to `width` + 1 cells, in
    one step (a column the header lacks reads the empty pad cell)."""
    indices = [columns[name] if columns[name] >= 0 else width for name in names]
    get = itemgetter(*indices)
    return get if len(indices) > 1 else lambda cells: (get(cells),)


class Row:
    """One CSV record, its cells looked up by column name (any case and spacing)."""

    __slots__ = ("_columns", "cells")

    def __init__(self, columns: Columns, cells: Sequence[str]) -> None:
        self._columns = columns
        self.cells = cells

    def __getitem__(self, name: str) -> str:
        index = self._columns[name]
        return self.cells[index] if 0 <= index < len(self.cells) else ""

    def has(self, name: str) -> bool:
        return self._columns[name] >= 0


def unit_of(text: str, column: str) -> Unit:
    """`kg`, `kgs`, `lb`, `lbs` (any case) as a unit."""
    unit = text.strip().casefold()
    if unit in ("kg", "kgs"):
        return "kg"
    if unit in ("lb", "lbs"):
        return "lb"
    raise CellError(f"{column} {text.strip()!r} is not kg or lbs")


@functools.lru_cache(maxsize=8192)  # a history has a few hundred distinct loads
def stored_kg(text: str, unit: Unit, column: str) -> float:
    """The load a weight cell holds, in kg, at the precision the module docstring gives
    (an empty cell is 0)."""
    value = number(text, column) or 0.0
    if unit == "lb":
        return round(round(value, LB_DECIMALS) * KG_PER_LB, LB_KG_DECIMALS) + 0.0
    if decimals(text) <= KG_DECIMALS:
        return value + 0.0  # + 0.0: never a negative zero
    pounds = round(value / KG_PER_LB, LB_DECIMALS)
    exact = round(pounds * KG_PER_LB, LB_KG_DECIMALS)
    if abs(exact - value) <= LB_SNAP_KG:
        return exact + 0.0
    return round(value, KG_DECIMALS) + 0.0


def is_pound_conversion(text: str) -> bool:
    """True for a kilogram cell that is an app's conversion of a pound value
    (`65.181223569` is 143.7 lb): more than 3 decimals, within 1e-6 kg of one."""
    if decimals(text) <= KG_DECIMALS:
        return False
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return False
    pounds = round(value / KG_PER_LB, LB_DECIMALS)
    return value != 0 and abs(round(pounds * KG_PER_LB, LB_KG_DECIMALS) - value) <= LB_SNAP_KG


def rpe_of(value: float | None) -> float | None:
    """An RPE, 1–10 in half steps; None stays None."""
    if value is None:
        return None
    if not 1 <= value <= 10 or (value * 2) % 1:
        raise CellError(f"RPE {value:g} must be between 1 and 10 in half steps")
    return value


def name_of(text: str, column: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise CellError(f"{column} is empty")
    return name


def checked_set(
    exercise: str, weight_kg: float, unit: Unit, reps: int | None, seconds: int | None
) -> float:
    """The load in kg (negative for an assisted exercise) after checking load, reps and
    time against the SET grammar's limits."""
    load_kg = checked_load(exercise, weight_kg, unit)
    checked_done(reps, seconds)
    return load_kg


def checked_load(exercise: str, weight_kg: float, unit: Unit) -> float:
    """The load in kg to store (negative for an assisted exercise), within the limits."""
    if weight_kg < 0 and not signed_load_kg(exercise, 1.0) < 0:
        raise CellError(f"weight {_in(weight_kg, unit)} can't be negative")
    if abs(weight_kg) > MAX_WEIGHT_KG:
        raise CellError(f"weight {_in(weight_kg, unit)} is more than liftlog accepts (1000 kg)")
    return signed_load_kg(exercise, weight_kg)


def checked_done(reps: int | None, seconds: int | None) -> None:
    """Reps and time within the SET grammar's limits."""
    if reps is not None and not 1 <= reps <= MAX_REPS:
        raise CellError(f"reps {reps} must be between 1 and {MAX_REPS}")
    if seconds is not None and not 1 <= seconds <= MAX_SECONDS:
        raise CellError(f"a timed set must last 1 to {MAX_SECONDS} seconds, not {seconds}")


def _in(weight_kg: float, unit: Unit) -> str:
    value = round(weight_kg / KG_PER_LB, LB_DECIMALS) if unit == "lb" else weight_kg
    return f"{value:g} {unit}"


def reps_or_time(
    reps: int | None, seconds: int | None
) -> tuple[int | None, int | None] | SkippedRow:
    """Apps write 0 for "not used". A set with reps counts its reps (a SET is one or the
    other); one without is timed; one with neither did nothing."""
    reps = reps or None
    if reps is not None:
        return reps, None
    if seconds:
        return None, seconds
    return NOTHING_DONE
