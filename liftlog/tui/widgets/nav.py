"""The navigation bar at the top of every screen: the modes and their keys."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from liftlog.tui.screens import MODES


class NavBar(Static):
    """`liftlog  Today t · History h · …` with the current screen highlighted."""

    DEFAULT_CSS = """
    NavBar { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self._render_bar(current))

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
