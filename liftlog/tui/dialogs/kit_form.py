"""Units, bar and plates (R9): what every prescribed load is rounded to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from liftlog.inputs import plates_text
from liftlog.service import AthleteRow
from liftlog.service.profile import Kit, read_kit, switch_units
from liftlog.tui.dialogs.form import FormDialog
from liftlog.units import Unit, from_kg, number_text


class KitForm(FormDialog[Kit]):
    FORM_TITLE = "Units, bar and plates"

    def __init__(self, athlete: AthleteRow) -> None:
        super().__init__()
        self.athlete = athlete

    def fields(self) -> ComposeResult:
        a = self.athlete
        yield Label("Units")
        yield Select([("kilograms (kg)", "kg"), ("pounds (lb)", "lb")], value=a.units,
                     allow_blank=False, id="units")  # fmt: skip
        yield Label("Bar weight (in those units)")
        yield Input(number_text(from_kg(a.bar_kg, a.units)), id="bar")
        yield Label("Plates: SIZE:PAIRS (or SIZExPAIRS), in those units")
        yield Input(plates_text(a.plates_kg, a.units), id="plates")

    def _units(self) -> Unit:
        return "lb" if self.query_one("#units", Select).value == "lb" else "kg"

    def on_select_changed(self, event: Select.Changed) -> None:
        """Switching units offers what a switch would set (the same rule as the profile
        command's): that unit's standard kit when yours is the old unit's standard."""
        units = self._units()
        kit = switch_units(self.athlete, units)
        self.query_one("#bar", Input).value = number_text(from_kg(kit.bar_kg, units))
        self.query_one("#plates", Input).value = plates_text(kit.plates_kg, units)

    def result(self) -> Kit:
        return read_kit(self._units(), self.value("#bar"), self.value("#plates"))
