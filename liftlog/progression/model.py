"""Plain data the progression rules read and return.

Everything here is an immutable NamedTuple of built-in types (cheaper to define
than a dataclass, so importing the rules stays fast) and the rules are pure
functions of them: the store turns database rows into these, the TUI and the CLI
turn the results into text. Nothing in `liftlog.progression` imports the database, Textual
or Rich (a test holds that). Weights are always kilograms.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from .constants import DEFAULT_INCREMENT_KG

Units = Literal["kg", "lb"]
Category = Literal["general", "functional", "plyometric", "core", "prehab"]
Equipment = Literal["barbell", "dumbbell", "kettlebell", "machine", "band", "bodyweight"]
Laterality = Literal["bilateral", "unilateral"]
Measure = Literal["reps", "seconds"]
# SPEC §1: a `failure` set is a work set (at RPE 10 unless another RPE is logged); a
# `drop` set counts for volume and records (R12), never for the rules' decisions.
SetKind = Literal["warmup", "work", "drop", "failure"]
Side = Literal["L", "R"]
RunDay = Literal["hard", "easy", "rest"]
Priority = Literal["A", "B", "C"]
OverrideKind = Literal["advance", "restart"]


class ExerciseInfo(NamedTuple):
    """One catalog (or user) exercise, as `data/exercises.toml` describes it."""

    name: str
    category: Category
    equipment: Equipment
    laterality: Laterality
    measure: Measure
    increment_kg: float = DEFAULT_INCREMENT_KG
    cap_ratio: float | None = None
    start_load_kg: float | None = None  # None: the bar for barbell lifts, 0 for bodyweight
    harder: str | None = None  # name of the harder variation (R10 chain)
    single_leg_of: str | None = None  # name of the bilateral lift this is the unilateral variant of
    range_min: int | None = None  # reps (or seconds) range for bodyweight/timed work (R10)
    range_max: int | None = None
    aliases: tuple[str, ...] = ()


class LoggedSet(NamedTuple):
    """One set as logged; `session_date` groups sets into sessions."""

    session_date: dt.date
    exercise: str
    kind: SetKind
    weight_kg: float
    reps: int | None = None
    seconds: int | None = None
    rpe: float | None = None
    side: Side | None = None
    order: int = 0


class Race(NamedTuple):
    name: str
    date: dt.date
    priority: Priority


class Run(NamedTuple):
    """One run from a watch or Strava (R22): a fact about the athlete's week."""

    date: dt.date  # local date of the start
    start: dt.datetime | None  # local wall-clock start
    sport: str  # e.g. "running", "trail_running", "treadmill_running"
    duration_s: int  # elapsed time in seconds
    distance_m: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    aerobic_te: float | None = None
    anaerobic_te: float | None = None
    relative_effort: float | None = None  # Strava
    name: str = ""


class Override(NamedTuple):
    """An explicit user decision about one lift: 'form is fine, move on' or 'start over'."""

    exercise: str
    date: dt.date
    kind: OverrideKind


class Athlete(NamedTuple):
    """The athlete's profile as the rules need it."""

    units: Units = "kg"
    bar_kg: float = 20.0
    # plate size in kg -> number of pairs available
    plates_kg: tuple[tuple[float, int], ...] = ()
    # weekday (0 = Monday) -> run day kind; a missing weekday is unset
    run_template: tuple[tuple[int, RunDay], ...] = ()
    # (date, kg), any order
    bodyweights: tuple[tuple[dt.date, float], ...] = ()
    stop_days: int = 14  # R17, settable 7–28
    # exercises the athlete added to / dropped from the default program
    routine_add: tuple[str, ...] = ()
    routine_drop: tuple[str, ...] = ()
    races: tuple[Race, ...] = ()
    # runs from a watch or Strava (R22), any order; the service passes about 8 months
    runs: tuple[Run, ...] = ()
