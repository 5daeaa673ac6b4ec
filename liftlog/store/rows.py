"""The rows the store hands out: one small frozen type per entity, for reads and writes.

Reads build them from plain `sqlite3` rows (no ORM on the hot paths); writes return
them too, so nothing outside `liftlog.store` ever sees a SQLModel object. Weights are
kilograms; list-like columns (aliases, plates, the run template) are decoded here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from liftlog.units import Unit


@dataclass(frozen=True, slots=True)
class AthleteRow:
    id: int
    name: str
    units: Unit
    bar_kg: float
    plates_kg: tuple[tuple[float, int], ...]
    run_template: dict[int, str]  # weekday (Monday = 0) -> hard | easy | rest
    stop_days: int


@dataclass(frozen=True, slots=True)
class ExerciseRow:
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


@dataclass(frozen=True, slots=True)
class RaceRow:
    id: int
    name: str
    date: dt.date
    priority: str


@dataclass(frozen=True, slots=True)
class SetRow:
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


@dataclass(frozen=True, slots=True)
class OverrideRow:
    exercise: str
    date: dt.date
    kind: str  # "advance" | "restart"


@dataclass(frozen=True, slots=True)
class RoutineChangeRow:
    exercise: str
    action: str  # "add" | "drop"


@dataclass(frozen=True, slots=True)
class RunRow:
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
