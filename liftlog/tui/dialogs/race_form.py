"""The race form: name, date and priority (A shapes the season, B lightens, C nothing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from liftlog.tui.dialogs.form import FormDialog, FormError
from liftlog.tui.text import visible

PRIORITIES = (
    ("A — the goal race: sets the season (R14–R18)", "A"),
    ("B — lighter session D−10…D−5, none D−4…D", "B"),
    ("C — changes nothing", "C"),
)


@dataclass(frozen=True, slots=True)
class RaceEntry:
    race_id: int | None
    name: str
    date: dt.date
    priority: str


class RaceForm(FormDialog[RaceEntry]):
    """Add a race (race None) or edit one."""

    def __init__(self, race: RaceEntry | None, today: dt.date) -> None:
        super().__init__()
        self.race = race
        self.today = today

    def form_title(self) -> str:
        return "Edit race" if self.race else "Add a race"

    def fields(self) -> ComposeResult:
        race = self.race
        yield Label("Name")
        # a name another program wrote may hold control characters: shown as escapes
        yield Input(visible(race.name) if race else "", placeholder="e.g. Berlin Marathon",
                    id="name")  # fmt: skip
        yield Label("Date (YYYY-MM-DD)")
        yield Input(race.date.isoformat() if race else "", placeholder="2027-04-18", id="date")
        yield Label("Priority")
        yield Select(PRIORITIES, value=race.priority if race else "A", allow_blank=False,
                     id="priority")  # fmt: skip

    def result(self) -> RaceEntry:
        name = " ".join(self.value("#name").split())
        if self.race and name == " ".join(visible(self.race.name).split()):
            name = self.race.name  # left as it was: keep it exactly as stored
        if not name:
            raise FormError("A race needs a name.")
        text = self.value("#date")
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            raise FormError(f"{text!r} is not a date; write YYYY-MM-DD.") from None
        priority = str(self.query_one("#priority", Select).value)
        return RaceEntry(self.race.race_id if self.race else None, name, date, priority)
