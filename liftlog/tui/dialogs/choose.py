"""Pick one of a few choices with a key each (overrides, the routine)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from liftlog.textsafe import visible

#: SPEC §2's explicit decisions about one lift (`liftlog override`).
OVERRIDES = (
    ("advance", "Form is fine, move on: the next phase from today"),
    ("restart", "Start over: back to FORM from today"),
)
#: The athlete's changes to the default program (`liftlog routine`).
ROUTINE = (
    ("add", "Add it to my routine: the coach prescribes it in its season"),
    ("drop", "Drop it from my routine: the coach leaves it out"),
    ("reset", "Back to the default program for it"),
)


class Choose(ModalScreen[str | None]):
    """The choices as a list; Enter (or the choice's number) picks, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel", tooltip="Choose nothing"),
        *(Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, title: str, choices: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="choose") as box:
            box.border_title = Content(visible(self.title_text))
            box.border_subtitle = "Enter picks · Esc cancels"
            yield OptionList(
                *(
                    Option(Content(f"{n}  {text}"), id=key)
                    for n, (key, text) in enumerate(self.choices, 1)
                ),
                id="choices",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.choices):
            self.dismiss(self.choices[index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
