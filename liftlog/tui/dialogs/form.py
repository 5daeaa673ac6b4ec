"""The base of every form dialog: fields, an inline error line, Save/Cancel, Esc."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from liftlog.inputs import InputError
from liftlog.tui.text import plain_lines

T = TypeVar("T")


class FormError(InputError):
    """A value the form refuses; the message is shown under the fields (as is any
    `InputError` of the inputs the form reads)."""


class FormDialog(ModalScreen[T | None], Generic[T]):
    """Subclasses yield their fields in `fields()` and build the result in `result()`."""

    FORM_TITLE: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close, save nothing"),
        Binding("ctrl+s", "save", "Save", id="dialog.save", tooltip="Save and close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", can_focus=False) as box:
            box.border_title = self.form_title()
            yield from self.fields()
            yield Static("", classes="error-line", id="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def form_title(self) -> str:
        return self.FORM_TITLE

    def fields(self) -> ComposeResult:
        yield from ()

    def result(self) -> T:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        try:
            value = self.result()
        except InputError as exc:
            self.query_one("#form-error", Static).update(plain_lines(str(exc)))
            return
        self.dismiss(value)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()
