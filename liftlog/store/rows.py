"""The rows the store hands out: one small frozen type per entity, for reads and writes.

Reads build them from plain `sqlite3` rows (no ORM on the hot paths); writes return
them too, so nothing outside `liftlog.store` ever sees a SQLModel object. They are
NamedTuples, like the rules' own types: immutable, and several times cheaper to define
than dataclasses, which every start of `liftlog next` pays for. Weights are
kilograms; list-like columns (aliases, plates, the run template) are decoded here.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import NamedTuple

from liftlog.units import Unit


@functools.lru_cache(maxsize=256)  # an import repeats a workout's start on each of its sets
def store_datetime(value: dt.datetime) -> str:
    """The text SQLAlchemy writes for a DateTime on SQLite, so the ORM reads ours back."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


class AthleteRow(NamedTuple):
    id: int
    name: str
    units: Unit
    bar_kg: float
    plates_kg: tuple[tuple[float, int], ...]
    run_template: dict[int, str]  # weekday (Monday = 0) -> hard | easy | rest
    stop_days: int


class ExerciseRow(NamedTuple):
    id: int
    athlete_id: int | None
    name: str
    aliases: tuple[str, ...]
    category: str
    equipment: str
    laterality: str
    measure: str
    increment_kg: float
    cap_ratio: float | None
    start_load_kg: float | None
    harder: str | None
    single_leg_of: str | None
    range_min: int | None
    range_max: int | None

    @property
    def is_own(self) -> bool:
        """An exercise the athlete added, not one from the shipped catalog."""
        return self.athlete_id is not None


class RaceRow(NamedTuple):
    id: int
    name: str
    date: dt.date
    priority: str


class SetRow(NamedTuple):
    """A logged set with its workout's date and its exercise's name."""

    id: int
    workout_id: int
    date: dt.date
    started_at: str
    exercise: str
    position: int
    kind: str
    side: str | None
    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None
    note: str
    logged_at: str
    exercise_id: int = 0
    superset: str | None = None


class OverrideRow(NamedTuple):
    exercise: str
    date: dt.date
    kind: str  # "advance" | "restart"


class RoutineChangeRow(NamedTuple):
    exercise: str
    action: str  # "add" | "drop"


class RunRow(NamedTuple):
    """A stored run (R22): `started_utc` is aware UTC; `started_at` the local wall clock."""

    id: int
    date: dt.date  # the local day of the start
    started_at: dt.datetime
    started_utc: dt.datetime
    sport: str  # running | trail_running | treadmill_running | track_running | virtual_running
    elapsed_s: int
    timer_s: int | None
    distance_m: float | None
    avg_hr: int | None
    max_hr: int | None
    aerobic_te: float | None
    anaerobic_te: float | None
    relative_effort: float | None
    name: str
    source: str
    source_id: str | None

    @property
    def start(self) -> dt.datetime:
        """For `liftlog.runs.dedupe`: the same activity is the same start and length."""
        return self.started_utc
