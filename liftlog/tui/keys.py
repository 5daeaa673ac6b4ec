"""Every key binding of the app by section, for the help screen and the command palette.

The bindings themselves live on the app and on each screen (`BINDINGS`, each with a
description, tooltip and id, so a keymap can rebind them); this module only collects
them, so the help screen and the palette can never drift from the real keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding

from liftlog.tui.screens import MODES

if TYPE_CHECKING:
    from textual.app import App


@dataclass(frozen=True, slots=True)
class Action:
    """One action a person can take: where, which key(s), what it does."""

    section: str  # "Everywhere", or the screen's title
    mode: str | None  # the mode whose screen runs it; None for the app
    binding: Binding

    @property
    def keys(self) -> str:
        return ", ".join(_key_display(k.strip()) for k in self.binding.key.split(","))

    @property
    def command(self) -> str:
        """The command palette's name for it, e.g. `today: log set`, `export: CSV`."""
        named = PALETTE_NAMES.get(self.binding.id or "")
        if named:
            return named
        section = "go" if (self.binding.id or "").startswith("go.") else self.section
        description = self.binding.description
        return f"{section.lower()}: {description[0].lower()}{description[1:]}"


#: Palette names that read better than `section: description`.
PALETTE_NAMES = {
    "app.export_csv": "export: CSV",
    "app.export_fit": "export: FIT (Garmin)",
    "app.import_csv": "import: CSV",
    "app.help": "help: keys",
    "app.quit": "app: quit",
}


_DISPLAY = {
    "question_mark": "?",
    "enter": "Enter",
    "space": "Space",
    "escape": "Esc",
    "delete": "Del",
    "backspace": "Backspace",
    "f1": "F1",
    "ctrl+p": "Ctrl+P",
}


def _key_display(key: str) -> str:
    if key in _DISPLAY:
        return _DISPLAY[key]
    if "+" in key:  # ctrl+e -> Ctrl+E
        *mods, last = key.split("+")
        return "+".join([*(m.title() for m in mods), last.upper()])
    return key


def _bindings(source: object) -> list[Binding]:
    return [b for b in getattr(source, "BINDINGS", []) if isinstance(b, Binding) and b.description]


def all_actions(app: App[object]) -> list[Action]:
    """The app's actions, then each screen's, in navigation order."""
    actions = [Action("Everywhere", None, b) for b in _bindings(type(app))]
    for mode in MODES:
        actions += [Action(mode.title, mode.name, b) for b in _bindings(mode.screen_class())]
    return actions
