"""Hevy's export: one row per set, metric (`weight_kg`, `distance_km`) or imperial
(`weight_lbs`, `distance_miles`), headers quoted or not.

`set_type` is `normal` (a work set), `warmup`, `dropset` or `failure`; `superset_id` (a
small number shared by the exercises of one superset, within its workout) becomes the
set's superset group; `end_time` is the workout's end. Dates are `7 Apr 2026, 10:14`,
`26 Jul 2025, 07:06` (day first) or `Jun 11, 2026, 1:01 PM`.
"""

from __future__ import annotations

from collections.abc import Sequence

from liftlog.csvio.cells import CellError, duration, number, shown, timestamp, whole
from liftlog.csvio.rows import (
    CARDIO,
    Columns,
    ImportedSet,
    Kind,
    RowParser,
    SkippedRow,
    checked_set,
    picker,
    reps_or_time,
    rpe_of,
    stored_kg,
)
from liftlog.csvio.strong import exercise_of
from liftlog.units import Unit

SET_TYPES: dict[str, Kind] = {
    "normal": "work",
    "": "work",
    "warmup": "warmup",
    "dropset": "drop",
    "failure": "failure",
}


def parser(columns: Columns, width: int) -> RowParser:
    """The row parser for a Hevy file with these columns."""
    unit: Unit = "lb" if columns["weight_lbs"] >= 0 else "kg"
    weight = "weight_lbs" if unit == "lb" else "weight_kg"
    distance = "distance_miles" if columns["distance_miles"] >= 0 else "distance_km"
    pick = picker(
        columns,
        width,
        *("set_type", "exercise_title", distance, "reps", "duration_seconds", weight),
        *("start_time", "end_time", "superset_id", "rpe", "title", "description"),
        "exercise_notes",
    )

    def parse(cells: Sequence[str], _unit: Unit) -> ImportedSet | SkippedRow:
        set_type, exercise, far, reps_, seconds_, load, start, end, superset, *rest = pick(cells)
        kind = SET_TYPES.get(set_type.strip().casefold().replace("_", "").replace(" ", ""))
        if kind is None:
            raise CellError(f"set_type {shown(set_type)} is not normal, warmup, dropset or failure")
        exercise, cardio = exercise_of(exercise, "exercise_title")
        if cardio or number(far, distance):
            return CARDIO
        done = reps_or_time(whole(reps_, "reps"), duration(seconds_, "duration_seconds"))
        if isinstance(done, SkippedRow):
            return done
        reps, seconds = done
        started_at = timestamp(start, "start_time")
        ended_at = timestamp(end, "end_time") if end.strip() else None
        rpe, title, description, note = rest
        return ImportedSet(
            date=started_at.date(),
            started_at=started_at,
            workout=title.strip(),
            workout_notes=description.strip(),
            exercise=exercise,
            order=None,
            kind=kind,
            side=None,
            weight_kg=checked_set(
                exercise=exercise,
                weight_kg=stored_kg(load, unit, weight),
                unit=unit,
                reps=reps,
                seconds=seconds,
            ),
            reps=reps,
            seconds=seconds,
            rpe=rpe_of(number(rpe, "rpe") or None),
            note=note.strip(),
            logged_at=started_at,
            superset=superset.strip() or None,
            workout_ended_at=ended_at if ended_at is not None and ended_at > started_at else None,
        )

    return parse
