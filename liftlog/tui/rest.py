"""The rest between sets and the hold of a timed set, as clocks the app keeps.

The rest clock belongs to the app, not to a screen, so every screen shows the same
countdown (the navigation bar's badge; Today's large digits) and it keeps running
while the athlete looks at History. The clock reads `now` (monotonic seconds), which
tests replace to freeze time. No Textual here: widgets read these and redraw.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable


def clock(seconds: int) -> str:
    """`1:59`, `0:05`, `12:00`."""
    return f"{seconds // 60}:{seconds % 60:02d}"


class RestClock:
    """Counts down the shorter rest of the prescribed range; the longer one is shown too."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self.running = False
        self.span = (0, 0)
        self.next_label = ""
        self.rang = False  # the bell for "rest done" went off
        self._ends = 0.0

    def start(self, span: tuple[int, int], next_label: str) -> None:
        self.span = span
        self.next_label = next_label
        self._ends = self.now() + span[0]
        self.running = True
        self.rang = False

    def stop(self) -> bool:
        """Stop it; False when it was not running."""
        was, self.running = self.running, False
        return was

    @property
    def remaining(self) -> int:
        """Whole seconds left (0 once the rest is done)."""
        if not self.running:
            return 0
        return max(0, math.ceil(self._ends - self.now() - 1e-9))

    @property
    def over(self) -> bool:
        return self.running and self.remaining == 0

    def upto(self) -> str:
        """`up to 3:00` when the range has a longer end, else empty."""
        low, high = self.span
        return f"up to {clock(high)}" if high > low else ""

    def badge(self) -> str:
        """One line for the navigation bar: `rest 1:59`, `rest done`, or empty."""
        if not self.running:
            return ""
        return "rest done — go" if self.over else f"rest {clock(self.remaining)}"


class HoldClock:
    """A timed set's hold: counts up from the start; stopping it gives the seconds held."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self.target = 0
        self.key: int | None = None  # the set being held (its row's key)
        self._started: float | None = None

    @property
    def running(self) -> bool:
        return self._started is not None

    def start(self, key: int, target: int) -> None:
        self.key, self.target = key, target
        self._started = self.now()

    @property
    def held(self) -> int:
        """Whole seconds held so far."""
        if self._started is None:
            return 0
        return max(0, int(self.now() - self._started))

    def stop(self) -> int:
        """Stop; the seconds held (0 when it was not running)."""
        held = self.held
        self._started = None
        return held
