"""The top-level screens (Textual MODES), imported only when first shown.

Only Today is imported at start-up; History and Profile pull in plotext, so they load
when the athlete first opens them (that keeps the first paint fast).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True, slots=True)
class Mode:
    """A top-level screen: its mode name, title, key and where its class lives."""

    name: str
    title: str
    key: str
    module: str
    cls: str

    def screen_class(self) -> type[Screen[None]]:
        module = importlib.import_module(f"liftlog.tui.screens.{self.module}")
        screen: type[Screen[None]] = getattr(module, self.cls)
        return screen


#: In the order the navigation bar shows them.
MODES: tuple[Mode, ...] = (
    Mode("today", "Today", "t", "today", "TodayScreen"),
    Mode("history", "History", "h", "history", "HistoryScreen"),
    Mode("season", "Season", "s", "season", "SeasonScreen"),
    Mode("profile", "Profile", "p", "profile", "ProfileScreen"),
    Mode("exercises", "Exercises", "x", "exercises", "ExercisesScreen"),
)
MODE_BY_NAME = {mode.name: mode for mode in MODES}
