"""Hevy's export: one row per set, metric (`weight_kg`, `distance_km`) or imperial
(`weight_lbs`, `distance_miles`), headers quoted or not.

`set_type` is `normal` (a work set), `warmup`, `dropset` or `failure`; `superset_id` (a
small number shared by the exercises of one superset, within its workout) becomes the
set's superset group; `end_time` is the workout's end. Dates are `7 Apr 2026, 10:14`,
`26 Jul 2025, 07:06` (day first) or `Jun 11, 2026, 1:01 PM`.
"""

from __future__ import annotations

from liftlog.csvio.cells import CellError, duration, number, shown, timestamp, whole
from liftlog.csvio.rows import (
    CARDIO,
    ImportedSet,
    Kind,
    Row,
    SkippedRow,
    checked_set,
    name_of,
    reps_or_time,
    rpe_of,
    stored_kg,
)
from liftlog.names import is_cardio_name
from liftlog.units import Unit

SET_TYPES: dict[str, Kind] = {
    "normal": "work",
    "": "work",
    "warmup": "warmup",
    "dropset": "drop",
    "failure": "failure",
}


def parse_hevy(row: Row, _unit: Unit) -> ImportedSet | SkippedRow:
    set_type = row["set_type"].strip().casefold()
    kind = SET_TYPES.get(set_type.replace("_", "").replace(" ", ""))
    if kind is None:
        raise CellError(f"set_type {shown(set_type)} is not normal, warmup, dropset or failure")
    exercise = name_of(row["exercise_title"], "exercise_title")
    distance = "distance_miles" if row.has("distance_miles") else "distance_km"
    if number(row[distance], distance) or is_cardio_name(exercise):
        return CARDIO
    done = reps_or_time(
        whole(row["reps"], "reps"), duration(row["duration_seconds"], "duration_seconds")
    )
    if isinstance(done, SkippedRow):
        return done
    reps, seconds = done
    unit: Unit = "lb" if row.has("weight_lbs") else "kg"
    column = "weight_lbs" if unit == "lb" else "weight_kg"
    started_at = timestamp(row["start_time"], "start_time")
    ended_at = timestamp(row["end_time"], "end_time") if row["end_time"].strip() else None
    superset = row["superset_id"].strip() or None
    return ImportedSet(
        date=started_at.date(),
        started_at=started_at,
        workout=row["title"].strip(),
        workout_notes=row["description"].strip(),
        exercise=exercise,
        order=None,
        kind=kind,
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
        rpe=rpe_of(number(row["rpe"], "rpe") or None),
        note=row["exercise_notes"].strip(),
        logged_at=started_at,
        superset=superset,
        workout_ended_at=ended_at if ended_at is not None and ended_at > started_at else None,
    )
