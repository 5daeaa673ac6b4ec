"""`python -m benchmarks.tui_start --db PATH`: liftlog's TUI as `liftlog --db PATH` starts
it, quitting as soon as today's session is on the terminal (the Today screen's `Ready`).

The measure of "ready to log" in BENCHMARKS.md runs this in a pseudo-terminal against
`benchmarks.bare_app`; the product itself has no benchmark switch. The background
warm-up that follows the first paint is left out, as it is not part of being ready.
"""

from __future__ import annotations

import argparse
import datetime as dt

from liftlog.service.log import open_log
from liftlog.tui.app import LiftlogApp
from liftlog.tui.prefetch import Prefetch
from liftlog.tui.screens.today import TodayScreen


class ReadyThenExit(LiftlogApp):
    """The app, leaving once Today has been drawn."""

    def on_today_screen_ready(self, _message: TodayScreen.Ready) -> None:
        self.call_after_refresh(self.exit)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tui_start")
    parser.add_argument("--db", required=True)
    log = open_log(parser.parse_args().db)
    app = ReadyThenExit(log, prefetch=Prefetch(log, dt.date.today()))
    app.warm_up = False
    app.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
