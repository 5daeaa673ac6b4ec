"""Pick any exercise of the catalog by fuzzy search over names and aliases."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from liftlog.service import ExerciseRow
from liftlog.tui.text import plain


def _tier(name: str, text: str) -> int:
    """0 starts with `text`, 2 a word does, 4 contains it, 6 none (lower case)."""
    if name.startswith(text):
        return 0
    if any(word.startswith(text) for word in name.replace("-", " ").split()):
        return 2
    return 4 if text in name else 6


def ranked(rows: list[ExerciseRow], query: str, limit: int = 30) -> list[ExerciseRow]:
    """The exercises `query` finds, best first: a name that starts with it (then an
    alias that does), then one with a word that does, then one that contains it, then
    fuzzy matches — so `split` finds Split Squat before Jumping Lunge."""
    text = query.strip().lower()
    matcher = Matcher(query.strip())
    scored = []
    for row in rows:
        score = max(matcher.match(n) for n in (row.name, *row.aliases))
        tier = min(
            (
                _tier(n.lower(), text) + (0 if n == row.name else 1)
                for n in (row.name, *row.aliases)
            ),
        )
        if tier < 6 or score > 0:
            scored.append((tier, -score, row.name, row))
    scored.sort(key=lambda item: item[:3])
    return [row for *_, row in scored[:limit]]


class ExercisePicker(ModalScreen[ExerciseRow | None]):
    """Type a few letters (`rfess`, `pallof`); Enter takes the best match."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel", tooltip="Add nothing"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    class Loaded(Message):
        def __init__(self, rows: list[ExerciseRow]) -> None:
            super().__init__()
            self.rows = rows

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ExerciseRow] = []
        self.shown: list[ExerciseRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="picker") as box:
            box.border_title = "Add an exercise to today"
            yield Input(placeholder="search the catalog…", id="query")
            yield OptionList(id="matches")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        from liftlog.service.exercises import list_exercises
        from liftlog.tui.app import LiftlogApp

        app = self.app
        assert isinstance(app, LiftlogApp)
        self.post_message(self.Loaded(list_exercises(app.logbook)))

    def on_exercise_picker_loaded(self, message: Loaded) -> None:
        self.rows = message.rows
        self._filter(self.query_one("#query", Input).value)

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, query: str) -> None:
        matches = self.query_one("#matches", OptionList)
        self.shown = ranked(self.rows, query) if query.strip() else list(self.rows)
        matches.set_options(
            Option(plain(row.name) + plain(f"  {row.category} · {row.equipment}").stylize("dim"))
            for row in self.shown
        )
        if self.shown:
            matches.highlighted = 0

    def action_move(self, step: int) -> None:
        matches = self.query_one("#matches", OptionList)
        if self.shown:
            current = matches.highlighted or 0
            matches.highlighted = max(0, min(len(self.shown) - 1, current + step))

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        index = self.query_one("#matches", OptionList).highlighted
        if self.shown and index is not None:
            self.dismiss(self.shown[index])

    @on(OptionList.OptionSelected, "#matches")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
