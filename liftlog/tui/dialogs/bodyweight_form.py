"""Log a bodyweight: a number in the athlete's unit, and the day (default today)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Label

from liftlog.inputs import parse_bodyweight, parse_date
from liftlog.tui.dialogs.form import FormDialog, FormError
from liftlog.units import Unit, format_bodyweight


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
        placeholder = format_bodyweight(self.last_kg, self.units) if self.last_kg else "e.g. 70"
        yield Input(placeholder=f"last: {placeholder}", id="kg")
        yield Label("Date (YYYY-MM-DD)")
        yield Input(self.today.isoformat(), id="date")

    def result(self) -> BodyweightEntry:
        text = self.value("#kg")
        if not text:
            raise FormError("Type your bodyweight.")
        kg = parse_bodyweight(text, self.units)
        return BodyweightEntry(parse_date(self.value("#date")), kg)
