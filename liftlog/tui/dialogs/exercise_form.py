"""The "new exercise" form: name, category, equipment, sides, measure, load step.

It checks what was typed with the same rule as `liftlog exercise add` (the service's
`new_exercise`): a name the catalog already has in any spelling is refused, and an
empty load step means the equipment's usual one.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from liftlog.inputs import CATEGORIES, EQUIPMENT, parse_increment
from liftlog.service import ExerciseRow
from liftlog.service.exercises import NewExercise, new_exercise
from liftlog.tui.dialogs.form import FormDialog
from liftlog.units import Unit


def _options(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


class ExerciseForm(FormDialog[NewExercise]):
    """Returns a checked NewExercise."""

    FORM_TITLE = "New exercise"

    def __init__(self, exercises: Sequence[ExerciseRow], units: Unit) -> None:
        super().__init__()
        self.exercises = exercises
        self.units = units

    def fields(self) -> ComposeResult:
        yield Label("Name")
        yield Input(placeholder="e.g. Nordic Curl", id="name")
        yield Label("Category")
        yield Select(_options(CATEGORIES), value="general", allow_blank=False, id="category")
        yield Label("Equipment")
        yield Select(_options(EQUIPMENT), value="dumbbell", allow_blank=False, id="equipment")
        yield Label("Sides")
        yield Select(
            [("both together", "bilateral"), ("one at a time (L/R)", "unilateral")],
            value="bilateral",
            allow_blank=False,
            id="laterality",
        )
        yield Label("Measure")
        yield Select(
            [("reps", "reps"), ("seconds", "seconds")],
            value="reps",
            allow_blank=False,
            id="measure",
        )
        yield Label(f"Load step ({self.units}; empty: the equipment's usual step)")
        yield Input(placeholder="e.g. 2.5", id="step")

    def _select(self, selector: str) -> str:
        return str(self.query_one(selector, Select).value)

    def result(self) -> NewExercise:
        step = self.value("#step")
        return new_exercise(
            self.exercises,
            name=self.value("#name"),
            category=self._select("#category"),
            equipment=self._select("#equipment"),
            unilateral=self._select("#laterality") == "unilateral",
            timed=self._select("#measure") == "seconds",
            increment_kg=parse_increment(step, self.units) if step else None,
        )
