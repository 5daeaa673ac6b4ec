"""The navigation bar at the top of every screen: the modes and their keys, and the
rest countdown while it runs (so it is in view on every screen)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from liftlog.tui.screens import MODES
from liftlog.tui.widgets.rest_timer import RestBadge


class NavBar(Horizontal):
    """`liftlog  Today t · History h · …` with the current screen highlighted."""

    DEFAULT_CSS = """
    NavBar { height: 1; background: $panel; color: $text-muted; }
    NavBar > #nav-modes { width: 1fr; height: 1; padding: 0 1; }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        yield Static(self._render_bar(self.current), id="nav-modes")
        yield RestBadge()

    @staticmethod
    def _render_bar(current: str) -> Text:
        bar = Text.assemble(("liftlog ", "bold"))
        for mode in MODES:
            label = f" {mode.title} "
            if mode.name == current:
                bar.append(label, style="bold reverse")
            else:
                bar.append(label)
            bar.append(mode.key, style="bold underline")
            bar.append(" ")
        return bar
