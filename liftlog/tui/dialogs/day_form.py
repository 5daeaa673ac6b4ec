"""Which day Today logs for: today, or a session entered afterwards."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Label

from liftlog.inputs import parse_date
from liftlog.tui.dialogs.form import FormDialog


class DayForm(FormDialog[dt.date]):
    FORM_TITLE = "Log for another day"

    def __init__(self, current: dt.date, today: dt.date) -> None:
        super().__init__()
        self.current = current
        self.today = today

    def fields(self) -> ComposeResult:
        yield Label(f"Day (YYYY-MM-DD); today is {self.today.isoformat()}")
        yield Input(self.current.isoformat(), id="day", select_on_focus=True)

    def result(self) -> dt.date:
        return parse_date(self.value("#day"))
