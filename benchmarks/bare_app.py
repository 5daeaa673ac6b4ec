"""The floor for the TUI's start-up time: a bare Textual app (Header, one Static,
Footer). With LIFTLOG_BENCH_EXIT_ON_READY=1 it exits as soon as its first screen is
on the terminal, the same signal liftlog's TUI honours once today's prescription is
rendered."""

from __future__ import annotations

import os

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

EXIT_ON_READY = "LIFTLOG_BENCH_EXIT_ON_READY"


class BareApp(App[None]):
    """Nothing but the three widgets every liftlog screen has."""

    TITLE = "liftlog"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Today: Back Squat 3 × 5–8 at 60 kg")
        yield Footer()

    def on_ready(self) -> None:
        # Ready is sent once the first frame has been written to the terminal
        if os.environ.get(EXIT_ON_READY) == "1":
            self.call_after_refresh(self.exit)


if __name__ == "__main__":
    BareApp().run()
