"""Placeholder."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from liftlog.tui.screens.base import LiftlogScreen


class SeasonScreen(LiftlogScreen):
    MODE = "season"

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome_top()
        yield Static("soon")
        yield from self.compose_chrome_bottom()
