"""Fitbod's export, both forms.

- `Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,
  Note,multiplier`: one row per set, dated to the second with a UTC offset
  (`2024-11-26 17:18:41 +0000`, read as the wall-clock time written), reps padded with
  a space (` 6`). The weight is one dumbbell's for dumbbell lifts, as liftlog stores it
  (`multiplier`, 2 for a pair, is Fitbod's volume factor and is not applied). A row
  with a distance, an incline or a resistance is cardio.
- `Date,Exercise,Sets,Reps,Weight,isWarmup,Note`: one row per exercise and load, `Sets`
  identical sets; `Weight` names no unit (read in the unit the loads show).

Fitbod has no workout names or starts: a day's sets are one workout, from the day's
first timestamp to its last (`days`, gathered by the reader's first pass).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from liftlog.csvio.cells import CellError, duration, flag, number, timestamp, whole
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
)
from liftlog.names import is_cardio_name
from liftlog.units import Unit

#: The most identical sets one row of the old form may stand for.
MAX_SETS_PER_ROW = 20

Days = Mapping[dt.date, tuple[dt.datetime, dt.datetime]]


def weight_column(header_keys: AbstractSet[str]) -> tuple[str, Unit | None]:
    """The weight column and the unit its name gives (None: `Weight`, no unit)."""
    for key, unit in (("weight(kg)", "kg"), ("weight(kgs)", "kg"), ("weight(lbs)", "lb")):
        if key in header_keys:
            return key, unit  # type: ignore[return-value]
    return "weight", None


def parser(columns: Columns, _width: int, days: Days) -> RowParser:
    """The row parser for a Fitbod file with these columns and these days."""
    column, fixed = weight_column({k for k, i in columns.items() if i >= 0})

    def parse(
        cells: Sequence[str], unit: Unit
    ) -> ImportedSet | SkippedRow | tuple[ImportedSet, ...]:
        row = Row(columns, cells)
        exercise = name_of(row["Exercise"], "Exercise")
        cardio = any(number(row[c], c) for c in ("Distance(m)", "Incline", "Resistance"))
        if cardio or is_cardio_name(exercise):
            return CARDIO
        done = reps_or_time(whole(row["Reps"], "Reps"), duration(row["Duration(s)"], "Duration(s)"))
        if isinstance(done, SkippedRow):
            return done
        reps, seconds = done
        unit = fixed or unit
        logged_at = timestamp(row["Date"], "Date")
        start, end = days.get(logged_at.date(), (logged_at, logged_at))
        one = ImportedSet(
            date=start.date(),
            started_at=start,
            workout="",
            workout_notes="",
            exercise=exercise,
            order=None,
            kind="warmup" if flag(row["isWarmup"], "isWarmup") else "work",
            side=None,
            weight_kg=checked_set(
                exercise=exercise,
                weight_kg=stored_kg(row[column], unit, column),
                unit=unit,
                reps=reps,
                seconds=seconds,
            ),
            reps=reps,
            seconds=seconds,
            rpe=None,
            note=row["Note"].strip(),
            logged_at=logged_at,
            workout_ended_at=end if end > start else None,
        )
        if not row.has("Sets"):
            return one
        sets = whole(row["Sets"], "Sets") or 1
        if not 1 <= sets <= MAX_SETS_PER_ROW:
            raise CellError(f"Sets {sets} must be between 1 and {MAX_SETS_PER_ROW}")
        return (one,) * sets

    return parse
