"""Change the load of a set (and the sets after it): a number in the athlete's unit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label

from liftlog.inputs import parse_weight
from liftlog.service.today import PlannedSet
from liftlog.tui.dialogs.form import FormDialog
from liftlog.tui.text import plain
from liftlog.units import Unit, from_kg


class LoadDialog(FormDialog[float]):
    """Returns the new load in kg."""

    FORM_TITLE = "Change the load"

    def __init__(self, planned: PlannedSet, units: Unit) -> None:
        super().__init__()
        self.planned = planned
        self.units = units

    def fields(self) -> ComposeResult:
        later = " and the work sets after it" if self.planned.kind == "work" else ""
        which = "warm-up" if self.planned.kind == "warmup" else "set"
        yield Label(plain(f"{self.planned.exercise}, {which} {self.planned.number}"))
        yield Label(f"Load in {self.units}, for this set{later}")
        current = f"{from_kg(self.planned.weight_kg, self.units):.2f}".rstrip("0").rstrip(".")
        yield Input(current, id="load", select_on_focus=True)

    def result(self) -> float:
        return parse_weight(self.value("#load"), self.units)
