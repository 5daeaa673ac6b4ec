"""The sqlmodel tables: the schema the migrations create, and the write path's models.

Every row belongs to an athlete (`athlete_id`), so several athletes can share one
database. The shipped catalog's exercises are the exception: they have no
`athlete_id` and are shared; an athlete's own exercises carry theirs. Weights are
stored in kilograms whatever the athlete's units. List-like fields (aliases, plates,
the weekly run template) are JSON text, readable from plain `sqlite3` as well.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Index, UniqueConstraint
from sqlmodel import Field, SQLModel


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Athlete(SQLModel, table=True):
    """A person who lifts; units, bar and plates shape every prescribed load."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(default="me")
    units: str = Field(default="kg")  # "kg" | "lb"
    bar_kg: float = Field(default=20.0)
    # JSON: [[plate_kg, pairs], ...]
    plates: str = Field(default="[]")
    # JSON: {"0": "hard", ...} weekday (Monday = 0) -> hard | easy | rest
    run_template: str = Field(default="{}")
    stop_days: int = Field(default=14)
    created_at: dt.datetime = Field(default_factory=_now, sa_type=DateTime)


class Bodyweight(SQLModel, table=True):
    """One bodyweight reading a day."""

    __table_args__ = (UniqueConstraint("athlete_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    athlete_id: int = Field(foreign_key="athlete.id", index=True)
    date: dt.date
    kg: float


class Race(SQLModel, table=True):
    """A race on the calendar; priority A shapes the season (R14–R18)."""

    id: int | None = Field(default=None, primary_key=True)
    athlete_id: int = Field(foreign_key="athlete.id", index=True)
    name: str
    date: dt.date
    priority: str  # "A" | "B" | "C"


class Exercise(SQLModel, table=True):
    """A catalog exercise (athlete_id is None) or an athlete's own."""

    id: int | None = Field(default=None, primary_key=True)
    athlete_id: int | None = Field(default=None, foreign_key="athlete.id", index=True)
    name: str = Field(index=True)
    aliases: str = Field(default="[]")  # JSON list of names
    category: str = Field(default="general")
    equipment: str = Field(default="barbell")
    laterality: str = Field(default="bilateral")
    measure: str = Field(default="reps")
    increment_kg: float = Field(default=5.0)
    cap_ratio: float | None = None
    start_load_kg: float | None = None
    harder: str | None = None
    single_leg_of: str | None = None
    range_min: int | None = None
    range_max: int | None = None
    import_batch_id: int | None = Field(default=None)  # the import that added it (0005)


class Workout(SQLModel, table=True):
    """A training session: the sets logged on one day (or one imported workout)."""

    __table_args__ = (Index("ix_workout_athlete_date", "athlete_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    athlete_id: int = Field(foreign_key="athlete.id")
    date: dt.date
    started_at: dt.datetime = Field(sa_type=DateTime)  # local wall-clock time
    name: str = Field(default="")
    notes: str = Field(default="")
    ended_at: dt.datetime | None = Field(default=None, sa_type=DateTime)  # 0005
    import_batch_id: int | None = Field(default=None, index=True)  # 0005


class WorkoutSet(SQLModel, table=True):
    """One set, committed the moment it is logged."""

    __tablename__ = "workout_set"
    __table_args__ = (
        Index("ix_set_athlete_exercise_workout", "athlete_id", "exercise_id", "workout_id"),
        Index("ix_set_workout_position", "workout_id", "position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    athlete_id: int = Field(foreign_key="athlete.id")
    workout_id: int = Field(foreign_key="workout.id")
    exercise_id: int = Field(foreign_key="exercise.id")
    position: int  # order within the workout, from 1
    kind: str = Field(default="work")  # "warmup" | "work" | "drop" | "failure"
    side: str | None = None  # "L" | "R" | None
    weight_kg: float = Field(default=0.0)  # negative: assistance (assisted exercises)
    reps: int | None = None
    seconds: int | None = None
    rpe: float | None = None
    note: str = Field(default="")
    logged_at: dt.datetime = Field(default_factory=_now, sa_type=DateTime)
    superset: str | None = None  # the superset group's label (0005)
    import_batch_id: int | None = Field(default=None, index=True)  # 0005


class AppMeta(SQLModel, table=True):
    """Small key/value facts about the database itself (e.g. the catalog's digest)."""

    __tablename__ = "app_meta"

    key: str = Field(primary_key=True)
    value: str


class LiftOverride(SQLModel, table=True):
    """An explicit decision about one lift: "advance" (form is fine, move on) or
    "restart" (start this lift over). Added by revision 0002."""

    __tablename__ = "lift_override"

    id: int | None = Field(default=None, primary_key=True)
    athlete_id: int = Field(foreign_key="athlete.id", index=True)
    exercise_id: int = Field(foreign_key="exercise.id")
    date: dt.date
    kind: str  # "advance" | "restart"


class RoutineChange(SQLModel, table=True):
    """An exercise the athlete added to, or dropped from, the default program.
    Added by revision 0002."""

    __tablename__ = "routine_change"
    __table_args__ = (UniqueConstraint("athlete_id", "exercise_id"),)

    id: int | None = Field(default=None, primary_key=True)
    athlete_id: int = Field(foreign_key="athlete.id", index=True)
    exercise_id: int = Field(foreign_key="exercise.id")
    action: str  # "add" | "drop"


class ProgressionCache(SQLModel, table=True):
    """The progression rules' state of one lift, folded over its sessions up to
    `through_date`, so `liftlog next` need not replay twenty years of history.

    Pure cache: triggers (revision 0003) delete a row whenever a set on or before
    its `through_date` is added, changed or removed, or the athlete's profile,
    bodyweight or overrides change; `engine_version` discards rows written by other
    versions of the rules.
    """

    __tablename__ = "progression_cache"

    athlete_id: int = Field(foreign_key="athlete.id", primary_key=True)
    exercise_id: int = Field(foreign_key="exercise.id", primary_key=True)
    through_date: dt.date
    engine_version: str
    state: str  # JSON from ExerciseState.to_dict()


class SessionSummary(SQLModel, table=True):
    """One exercise in one workout, aggregated: what History shows of a session.

    Derived data: triggers (revision 0004) recompute a row from its sets whenever one
    of them is added, changed or removed, and follow a workout's date. Only work sets
    count, except in `sets`. Keyed by (athlete, exercise, date, …) without a rowid, so
    an exercise's sessions in date order are one range of the table.
    """

    __tablename__ = "session_summary"
    __table_args__ = (
        UniqueConstraint("workout_id", "exercise_id"),
        {"sqlite_with_rowid": False},
    )

    athlete_id: int = Field(foreign_key="athlete.id", primary_key=True)
    exercise_id: int = Field(foreign_key="exercise.id", primary_key=True)
    date: dt.date = Field(primary_key=True)
    started_at: dt.datetime = Field(sa_type=DateTime, primary_key=True)
    workout_id: int = Field(foreign_key="workout.id", primary_key=True)
    sets: int  # every set, warm-ups included
    work_sets: int
    top_kg: float | None = None  # heaviest work load
    top_reps: int | None = None  # most reps at that load
    e1rm_kg: float | None = None  # best Epley estimate (R12)
    volume_kg: float = 0.0  # Σ load × reps
    best_reps: int | None = None
    best_seconds: int | None = None
    left_total: int | None = None  # Σ reps (or seconds) on the left side (R11)
    right_total: int | None = None


class ImportBatch(SQLModel, table=True):
    """One import of a file (revision 0005): what it was and what it added, so that
    `liftlog imports undo` can remove exactly that (rows carry `import_batch_id`)."""

    __tablename__ = "import_batch"

    id: int | None = Field(default=None, primary_key=True)
    athlete_id: int = Field(foreign_key="athlete.id", index=True)
    created_at: dt.datetime = Field(default_factory=_now, sa_type=DateTime)
    file_name: str
    file_hash: str  # sha256 of the file's bytes
    format: str  # "liftlog" | "strong" | "hevy" | "fitnotes" | "fitbod"
    unit: str | None = None  # the unit weights were read in
    sets: int = 0
    workouts: int = 0
    skipped: int = 0
    details: str = Field(default="{}")  # JSON: why the unit, new exercises, skipped rows…
    undone_at: dt.datetime | None = Field(default=None, sa_type=DateTime)


class Run(SQLModel, table=True):
    """A run read from a watch file or a Strava export (SPEC R22), revision 0005."""

    __tablename__ = "run"
    __table_args__ = (Index("ix_run_athlete_date", "athlete_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    athlete_id: int = Field(foreign_key="athlete.id")
    date: dt.date  # local date of the start
    started_at: dt.datetime = Field(sa_type=DateTime)  # local wall-clock start
    started_utc: dt.datetime | None = Field(default=None, sa_type=DateTime)
    sport: str  # "running", "trail_running", "treadmill_running", …
    elapsed_s: int
    timer_s: int | None = None
    distance_m: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    aerobic_te: float | None = None
    anaerobic_te: float | None = None
    relative_effort: float | None = None  # Strava
    name: str = Field(default="")
    source: str = Field(default="")  # the file it came from
    source_id: str | None = None  # e.g. Strava's activity id
    created_at: dt.datetime = Field(default_factory=_now, sa_type=DateTime)


#: R12 records: the heaviest work load at each rep count is one probe of this index.
#: Added by revision 0004; declared here so the models match the migrations.
Index(
    "ix_set_athlete_exercise_reps_weight",
    WorkoutSet.__table__.c.athlete_id,  # type: ignore[attr-defined]
    WorkoutSet.__table__.c.exercise_id,  # type: ignore[attr-defined]
    WorkoutSet.__table__.c.kind,  # type: ignore[attr-defined]
    WorkoutSet.__table__.c.reps,  # type: ignore[attr-defined]
    WorkoutSet.__table__.c.weight_kg,  # type: ignore[attr-defined]
)
