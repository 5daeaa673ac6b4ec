"""The help screen (`?`, F1): every key, by screen, built from the real bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from liftlog.tui.keys import all_actions

#: What the keys cannot say: typing on the Today screen.
TYPING_HELP = (
    "On Today, type a SET and press Enter to log the highlighted set that way: a number is "
    "the reps (seconds for a timed set) at its load, 7@8 adds an RPE, @8 is as prescribed at "
    "RPE 8, 62.5x8 another load, 45s a hold, L:20x8 a side; kg/lb suffixes work. Typed over a "
    "logged set (✓), it changes that set. While something is typed, the screen keys wait; "
    "Esc clears it."
)


class HelpScreen(ModalScreen[None]):
    """A scrollable list of every key; Esc, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q", "dismiss", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(style="bold", no_wrap=True, min_width=8)
        table.add_column(no_wrap=True)
        table.add_column(style="dim", ratio=1)
        section = None
        for action in all_actions(self.app):
            if action.section != section:
                section = action.section
                table.add_row(Text(section, style="bold underline"), "", "")
            table.add_row(action.keys, action.binding.description, action.binding.tooltip)
        table.add_row(Text("Command palette", style="bold underline"), "", "")
        table.add_row("Ctrl+P", "Search every action by name", "e.g. `season: add race`")
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc closes"
            yield Static(table)
            yield Static(TYPING_HELP, id="help-typing")
