"""The "new exercise" form: name, category, equipment, sides, measure, load step."""

from __future__ import annotations

from collections.abc import Set

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from liftlog.tui.data.edits import NewExercise
from liftlog.tui.dialogs.form import FormDialog, FormError
from liftlog.units import Unit, to_kg

CATEGORIES = ("general", "functional", "plyometric", "core", "prehab")
EQUIPMENT = ("barbell", "dumbbell", "kettlebell", "machine", "band", "bodyweight")


def _options(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


class ExerciseForm(FormDialog[NewExercise]):
    """Returns a NewExercise; refuses a name the catalog already has."""

    FORM_TITLE = "New exercise"

    def __init__(self, taken: Set[str], units: Unit) -> None:
        super().__init__()
        self.taken = taken
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
        yield Label(f"Load step ({self.units})")
        yield Input("2.5" if self.units == "kg" else "5", id="step", type="number")

    def _select(self, selector: str) -> str:
        return str(self.query_one(selector, Select).value)

    def result(self) -> NewExercise:
        name = " ".join(self.value("#name").split())
        if not name:
            raise FormError("Give the exercise a name.")
        if name.casefold() in self.taken:
            raise FormError(f"{name!r} is already in the catalog.")
        try:
            step = float(self.value("#step").replace(",", "."))
        except ValueError:
            raise FormError("The load step must be a number, e.g. 2.5.") from None
        if not 0 < step <= 50:
            raise FormError(f"The load step must be more than 0 and at most 50 {self.units}.")
        return NewExercise(
            name=name,
            category=self._select("#category"),
            equipment=self._select("#equipment"),
            laterality=self._select("#laterality"),
            measure=self._select("#measure"),
            increment_kg=round(to_kg(step, self.units), 4),
        )
