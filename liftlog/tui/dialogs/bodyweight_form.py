"""Log a bodyweight: a number in the athlete's unit, and the day (default today)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Label

from liftlog.commands.logging import BODYWEIGHT_RANGE_KG
from liftlog.tui.dialogs.form import FormDialog, FormError
from liftlog.tui.dialogs.load_dialog import parse_load
from liftlog.units import Unit, format_weight


@dataclass(frozen=True, slots=True)
class BodyweightEntry:
    date: dt.date
    kg: float


class BodyweightForm(FormDialog[BodyweightEntry]):
    FORM_TITLE = "Log bodyweight"

    def __init__(self, units: Unit, today: dt.date, last_kg: float | None) -> None:
        super().__init__()
        self.units = units
        self.today = today
        self.last_kg = last_kg

    def fields(self) -> ComposeResult:
        yield Label(f"Bodyweight ({self.units})")
        placeholder = format_weight(self.last_kg, self.units) if self.last_kg else "e.g. 70"
        yield Input(placeholder=f"last: {placeholder}", id="kg")
        yield Label("Date (YYYY-MM-DD)")
        yield Input(self.today.isoformat(), id="date")

    def result(self) -> BodyweightEntry:
        text = self.value("#kg")
        if not text:
            raise FormError("Type your bodyweight.")
        kg = parse_load(text, self.units)
        low, high = BODYWEIGHT_RANGE_KG
        if not low <= kg <= high:
            raise FormError(
                f"{format_weight(kg, self.units)} is not a plausible bodyweight "
                f"({format_weight(low, self.units)}–{format_weight(high, self.units)})."
            )
        try:
            date = dt.date.fromisoformat(self.value("#date"))
        except ValueError:
            raise FormError("The date must be YYYY-MM-DD.") from None
        return BodyweightEntry(date, kg)
