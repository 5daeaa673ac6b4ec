"""The rest timer: counts down after each work set; Space skips it."""

from __future__ import annotations

import time

from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from liftlog.tui.text import plain


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class RestTimer(Static):
    """Hidden until a work set is logged; then `Rest 1:59 … of 2–3 min`."""

    DEFAULT_CSS = """
    RestTimer { display: none; height: 1; padding: 0 1; background: $primary-muted;
                color: $text; text-style: bold; }
    RestTimer.-over { background: $success-muted; }
    RestTimer.-running { display: block; }
    """

    remaining: reactive[int] = reactive(0)

    def __init__(self, **kwargs: str) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self._ends = 0.0
        self._span = (0, 0)
        self._next = ""
        self._ticker: Timer | None = None

    @property
    def running(self) -> bool:
        return self.has_class("-running")

    def start(self, rest_s: tuple[int, int], next_label: str) -> None:
        """Count down the shorter rest of the range; the longer one is shown too."""
        self._span = rest_s
        self._next = next_label
        self._ends = time.monotonic() + rest_s[0]
        self.remove_class("-over")
        self.add_class("-running")
        if self._ticker is None:
            self._ticker = self.set_interval(1.0, self._tick)
        else:
            self._ticker.resume()
        self._tick()

    def skip(self) -> bool:
        """Stop the timer; False when there was none running."""
        if not self.running:
            return False
        self.remove_class("-running", "-over")
        if self._ticker is not None:
            self._ticker.pause()
        return True

    def _tick(self) -> None:
        self.remaining = max(0, round(self._ends - time.monotonic()))

    def watch_remaining(self, remaining: int) -> None:
        low, high = self._span
        upto = f" (up to {clock(high)})" if high > low else ""
        nxt = f" · next: {self._next}" if self._next else ""
        if remaining > 0:
            self.update(plain(f"Rest {clock(remaining)}{upto}{nxt} · Space skips"))
            return
        if self.running and not self.has_class("-over"):
            self.add_class("-over")
            self.app.bell()
        self.update(plain(f"Rest done — go when ready{nxt} · Space hides this"))
