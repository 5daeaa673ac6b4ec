"""liftlog.progression — the coaching rules of SPEC.md as pure functions.

No database, no Textual, no Rich: the store turns rows into the NamedTuples of
`model`, calls `prescribe`, and the CLI/TUI render the result (`to_json`,
`format_text`). Constants the seeds leave open live in `constants`.
"""

from __future__ import annotations

from .engine import find_exercise, history_since, prescribe
from .fold import advance, apply_override, fold, fold_key, fold_states
from .model import Athlete, ExerciseInfo, LoggedSet, Override, Race, Run
from .plates import Loader, default_bar_kg, default_plates_kg, plate_breakdown, round_to_loadable
from .prescription import (
    DayPrescription,
    ExercisePrescription,
    WarmupSet,
    WorkSet,
    as_prescribed,
)
from .programs import Program, default_program, load_program, routine, unknown_exercises
from .records import Imbalance, Records, e1rm, imbalance, records, records_by_exercise
from .render import format_text, to_json
from .runs import RunVerdict, classify_runs, inferred_template
from .schedule import rest_day_warning
from .season import SeasonPhase, SeasonStatus, season_status, year_share
from .state import ExercisePhase, ExerciseState, SessionFacts, initial_state
from .warmup import warmup

__all__ = [
    "Athlete",
    "DayPrescription",
    "ExerciseInfo",
    "ExercisePhase",
    "ExercisePrescription",
    "ExerciseState",
    "Imbalance",
    "Loader",
    "LoggedSet",
    "Override",
    "Program",
    "Race",
    "Records",
    "Run",
    "RunVerdict",
    "SeasonPhase",
    "SeasonStatus",
    "SessionFacts",
    "WarmupSet",
    "WorkSet",
    "advance",
    "apply_override",
    "as_prescribed",
    "classify_runs",
    "default_bar_kg",
    "default_plates_kg",
    "default_program",
    "e1rm",
    "find_exercise",
    "fold",
    "fold_key",
    "fold_states",
    "format_text",
    "history_since",
    "imbalance",
    "inferred_template",
    "initial_state",
    "load_program",
    "plate_breakdown",
    "prescribe",
    "records",
    "records_by_exercise",
    "rest_day_warning",
    "round_to_loadable",
    "routine",
    "season_status",
    "to_json",
    "unknown_exercises",
    "warmup",
    "year_share",
]
