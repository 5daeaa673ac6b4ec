"""Change the load of a set (and the sets after it): a number in the athlete's unit."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.widgets import Input, Label

from liftlog.setgrammar import MAX_WEIGHT_KG
from liftlog.tui.data.today import PlannedSet
from liftlog.tui.dialogs.form import FormDialog, FormError
from liftlog.units import Unit, from_kg, to_kg

_LOAD = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(kg|kgs|lb|lbs)?$")


def parse_load(text: str, units: Unit) -> float:
    """A load typed in the athlete's unit (or with a kg/lb suffix), in kg."""
    match = _LOAD.match(text.strip().lower())
    if match is None:
        raise FormError(f"{text!r} is not a load; type a number such as 62.5 (or 135lb).")
    given: Unit = units if match[2] is None else ("lb" if match[2].startswith("lb") else "kg")
    kg = to_kg(float(match[1].replace(",", ".")), given)
    if kg > MAX_WEIGHT_KG:
        raise FormError(f"{text!r} is more than liftlog accepts ({MAX_WEIGHT_KG:.0f} kg).")
    return kg


class LoadDialog(FormDialog[float]):
    """Returns the new load in kg."""

    FORM_TITLE = "Change the load"

    def __init__(self, planned: PlannedSet, units: Unit) -> None:
        super().__init__()
        self.planned = planned
        self.units = units

    def fields(self) -> ComposeResult:
        later = " and the work sets after it" if self.planned.kind == "work" else ""
        yield Label(f"{self.planned.exercise}: load for this set{later} ({self.units})")
        current = f"{from_kg(self.planned.weight_kg, self.units):.2f}".rstrip("0").rstrip(".")
        yield Input(current, id="load", select_on_focus=True)

    def result(self) -> float:
        return parse_load(self.value("#load"), self.units)
