"""liftlog.progression — the coaching rules of SPEC.md as pure functions.

No database, no Textual, no Rich: the store turns rows into the NamedTuples of
`model`, calls `prescribe`, and the CLI/TUI render the result (`to_json`,
`format_text`). Constants the seeds leave open live in `constants`.

The names below load their module on first use (PEP 562), so a command that needs only
the model's types (every command reads input through `liftlog.inputs`) does not load
the rules with them.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import find_exercise, history_since, prescribe
    from .fold import advance, apply_override, fold, fold_key, fold_states
    from .model import Athlete, ExerciseInfo, LoggedSet, Override, Race, Run
    from .plates import (
        Loader,
        default_bar_kg,
        default_plates_kg,
        plate_breakdown,
        round_to_loadable,
    )
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

#: Where each public name lives. The package loads a module on first use of one of its
#: names (PEP 562): a command that only needs the model's types (`inputs`, an import,
#: an export) does not load the rules with them.
_WHERE = {
    "Athlete": "model",
    "DayPrescription": "prescription",
    "ExerciseInfo": "model",
    "ExercisePhase": "state",
    "ExercisePrescription": "prescription",
    "ExerciseState": "state",
    "Imbalance": "records",
    "Loader": "plates",
    "LoggedSet": "model",
    "Override": "model",
    "Program": "programs",
    "Race": "model",
    "Records": "records",
    "Run": "model",
    "RunVerdict": "runs",
    "SeasonPhase": "season",
    "SeasonStatus": "season",
    "SessionFacts": "state",
    "WarmupSet": "prescription",
    "WorkSet": "prescription",
    "advance": "fold",
    "apply_override": "fold",
    "as_prescribed": "prescription",
    "classify_runs": "runs",
    "default_bar_kg": "plates",
    "default_plates_kg": "plates",
    "default_program": "programs",
    "e1rm": "records",
    "find_exercise": "engine",
    "fold": "fold",
    "fold_key": "fold",
    "fold_states": "fold",
    "format_text": "render",
    "history_since": "engine",
    "imbalance": "records",
    "inferred_template": "runs",
    "initial_state": "state",
    "load_program": "programs",
    "plate_breakdown": "plates",
    "prescribe": "engine",
    "records": "records",
    "records_by_exercise": "records",
    "rest_day_warning": "schedule",
    "round_to_loadable": "plates",
    "routine": "programs",
    "season_status": "season",
    "to_json": "render",
    "unknown_exercises": "programs",
    "warmup": "warmup",
    "year_share": "season",
}


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """The package, keeping a function its name when the module of the same name loads
    (`fold`, `records`, `warmup`): the import system sets a loaded submodule as an
    attribute of its package, which would hide the function."""

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and _WHERE.get(name) == name:
            return  # the module stays in sys.modules; the name stays the function's
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

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
