"""The private Textual API liftlog relies on, gathered in one place.

Each use is small and stable in Textual 8, but private: `test_compat` checks every
one against the installed Textual and fails loudly (naming this module) on a version
that changed them, instead of a screen breaking quietly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import OptionList, Tabs
from textual.widgets._tabs import Underline  # private: the tab bar's underline

if TYPE_CHECKING:
    from textual.app import App

#: The Textual release these were checked against (pyproject pins it).
TEXTUAL_VERSION = "8.2.8"

__all__ = ["TEXTUAL_VERSION", "init_mode", "jump_underline", "mode_started", "option_line"]


def mode_started(app: App[Any], mode: str) -> bool:
    """True when the mode's screen has been built (public: `get_screen_stack`)."""
    try:
        return bool(app.get_screen_stack(mode))
    except KeyError:
        return False


def init_mode(app: App[Any], mode: str) -> None:
    """Build a mode's screen hidden, without switching to it (Textual's own set-up
    for `switch_mode`, private in 8.x)."""
    app._init_mode(mode)


def option_line(option_list: OptionList, index: int) -> int | None:
    """The first line of an option in an OptionList (its private line map)."""
    return option_list._index_to_line.get(index)


def jump_underline(tabs: Tabs, start: int, end: int) -> None:
    """Put a tab bar's underline at once where its slide would end."""
    underline = tabs.query_one(Underline)
    underline.highlight_start, underline.highlight_end = start, end
