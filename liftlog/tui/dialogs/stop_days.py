"""How many days before an A race lifting stops (R17): 7 to 28, 14 unless changed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Label

from liftlog.inputs import InputError, parse_stop_days
from liftlog.tui.dialogs.form import FormDialog


class StopDaysForm(FormDialog[int]):
    FORM_TITLE = "Stop before an A race (R17)"

    def __init__(self, current: int) -> None:
        super().__init__()
        self.current = current

    def fields(self) -> ComposeResult:
        yield Label("Days before an A race without strength work (7–28)")
        yield Input(str(self.current), id="days", select_on_focus=True)

    def result(self) -> int:
        text = self.value("#days")
        if not text.isdigit() or len(text) > 3:
            raise InputError(f"{text!r} is not a number of days; type 7 to 28.")
        return parse_stop_days(int(text))
