"""FitNotes' export: one row per set, a date and no time (one workout per day).

The weight's unit is in its column's name (`Weight (kgs)`, `Weight (lbs)`; the iOS app
writes both `Weight (kg)` and `Weight (lbs)` and fills one) or on every row (`Weight`
and `Weight Unit`, `kgs`/`lbs`). Rows of the `Cardio` category, or with a distance,
are cardio. FitNotes does not quote an exercise name that holds a comma (`Overhead
Press (Each Side, Dumbbells)`), which shifts the row's cells to the right: `repair`
puts such a row back together.
"""

from __future__ import annotations

from collections.abc import Sequence

from liftlog.csvio.cells import CellError, duration, number, timestamp, whole
from liftlog.csvio.rows import (
    CARDIO,
    Columns,
    ImportedSet,
    Row,
    RowParser,
    SkippedRow,
    checked_set,
    name_of,
    reps_or_time,
    stored_kg,
    unit_of,
)
from liftlog.names import is_cardio_name
from liftlog.units import Unit

_FIXED_UNIT_COLUMNS: tuple[tuple[str, Unit], ...] = (
    ("weight(kgs)", "kg"),
    ("weight(kg)", "kg"),
    ("weight(lbs)", "lb"),
    ("weight(lb)", "lb"),
)


def _weight(row: Row, unit: Unit) -> tuple[float, Unit]:
    """The row's load in kg and the unit it was written in."""
    for column, column_unit in _FIXED_UNIT_COLUMNS:
        if row.has(column) and row[column].strip():
            return stored_kg(row[column], column_unit, column), column_unit
    if row.has("Weight Unit") and row["Weight Unit"].strip():
        unit = unit_of(row["Weight Unit"], "Weight Unit")
    return stored_kg(row["Weight"], unit, "Weight"), unit


def parser(columns: Columns, _width: int) -> RowParser:
    """The row parser for a FitNotes file with these columns."""
    return lambda cells, unit: parse_fitnotes(Row(columns, cells), unit)


def parse_fitnotes(row: Row, unit: Unit) -> ImportedSet | SkippedRow:
    """One FitNotes row; `unit` is the file's own unit, for a row that gives none."""
    exercise = name_of(row["Exercise"], "Exercise")
    distance = number(row["Distance"], "Distance")
    if row["Category"].strip().casefold() == "cardio" or distance or is_cardio_name(exercise):
        return CARDIO
    done = reps_or_time(whole(row["Reps"], "Reps"), duration(row["Time"], "Time"))
    if isinstance(done, SkippedRow):
        return done
    reps, seconds = done
    weight_kg, unit = _weight(row, unit)
    started_at = timestamp(row["Date"], "Date")
    note = row["Comment"] if row.has("Comment") else row["Notes"]
    return ImportedSet(
        date=started_at.date(),
        started_at=started_at,
        workout="",
        workout_notes="",
        exercise=exercise,
        order=None,
        kind="work",
        side=None,
        weight_kg=checked_set(
            exercise=exercise, weight_kg=weight_kg, unit=unit, reps=reps, seconds=seconds
        ),
        reps=reps,
        seconds=seconds,
        rpe=None,
        note=note.strip(),
        logged_at=started_at,
    )


_NUMBER_COLUMNS = ("Weight", "Weight (kgs)", "Weight (kg)", "Weight (lbs)", "Reps", "Distance")


def _plausible(cells: Sequence[str], columns: Columns) -> bool:
    """Whether the cells sit in the right columns: numbers where numbers go, a unit
    where the unit goes, a name (not a number) as the category."""
    row = Row(columns, cells)
    try:
        for column in _NUMBER_COLUMNS:
            number(row[column], column)
        duration(row["Time"], "Time")
        if row.has("Weight Unit") and row["Weight Unit"].strip():
            unit_of(row["Weight Unit"], "Weight Unit")
        if row["Distance Unit"].strip() and number(row["Distance Unit"], "Distance Unit"):
            return False
    except CellError:
        return False
    category = row["Category"].strip()
    try:
        return not category or number(category, "Category") is None
    except CellError:
        return True  # not a number: a category name


def repair(cells: Sequence[str], columns: Columns, width: int) -> list[str] | None:
    """A row with more cells than the header, put back together: the extra cells belong
    to the exercise's name (or, failing that, to the comment at the end of the row),
    which held unquoted commas. None when no such reading makes sense."""
    extra = len(cells) - width
    exercise = columns["Exercise"]
    if extra <= 0 or exercise < 0:
        return list(cells)
    last = width - 1
    comment_last = last in (columns["Comment"], columns["Notes"])
    candidates: list[list[str]] = []
    if not any(c.strip() for c in cells[width:]):
        candidates.append(list(cells[:width]))  # trailing empty cells only
    splits = range(extra, -1, -1) if comment_last else range(extra, extra + 1)
    for into_name in splits:
        into_comment = extra - into_name
        merged = [
            *cells[:exercise],
            ",".join(cells[exercise : exercise + into_name + 1]),
            *cells[exercise + into_name + 1 : len(cells) - into_comment],
        ]
        if into_comment:
            merged[-1] = ",".join([merged[-1], *cells[len(cells) - into_comment :]])
        candidates.append(merged)
    for candidate in candidates:
        if len(candidate) == width and _plausible(candidate, columns):
            return candidate
    return None
