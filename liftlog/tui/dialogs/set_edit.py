"""Change or delete one logged set, of any day: what was lifted (as a SET: load, reps
or seconds, RPE, side), its kind, its note and its day. Today and History open it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from liftlog.inputs import SET_KINDS, clean_note, parse_date, parse_set
from liftlog.service.today import PlannedSet
from liftlog.textsafe import visible
from liftlog.tui.dialogs.form import FormDialog
from liftlog.units import Unit, from_kg, number_text


@dataclass(frozen=True, slots=True)
class SetEdit:
    """The set as it should be: `text` a SET in the athlete's unit; `date` None: same day."""

    text: str
    kind: str
    note: str
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class SetDelete:
    """Delete the set."""


@dataclass(frozen=True, slots=True)
class LoggedSetView:
    """What the dialog shows of a logged set."""

    exercise: str
    label: str
    kind: str
    side: str | None
    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None
    note: str
    date: dt.date


def set_as_typed(view: LoggedSetView, units: Unit) -> str:
    """`67.5x8@8`, `L:16x10`, `x12`, `40s`: the set in the SET grammar."""
    side = f"{view.side}:" if view.side else ""
    rpe = f"@{view.rpe:g}" if view.rpe is not None else ""
    if view.seconds is not None:
        return f"{side}{view.seconds}s{rpe}"
    load = number_text(from_kg(view.weight_kg, units)) if view.weight_kg > 0 else ""
    return f"{side}{load}x{view.reps}{rpe}"


class SetEditDialog(FormDialog[SetEdit | SetDelete]):
    """Save (Ctrl+S, Enter) keeps the changes; Delete (Ctrl+D) removes the set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FormDialog.BINDINGS,
        # priority: an Input's own Ctrl+D (delete right) must not take it
        Binding(
            "ctrl+d",
            "delete",
            "Delete",
            id="dialog.delete",
            tooltip="Delete this set",
            priority=True,
        ),
    ]

    def __init__(self, view: LoggedSetView, units: Unit) -> None:
        super().__init__()
        self.view = view
        self.units = units

    @classmethod
    def for_planned(cls, s: PlannedSet, units: Unit, date: dt.date) -> SetEditDialog:
        """For a row of Today that is logged."""
        assert s.done is not None
        done = s.done
        return cls(
            LoggedSetView(s.exercise, f"set {s.number}" if s.kind != "warmup" else "warm-up",
                          s.kind, s.side, done.weight_kg, done.reps, done.seconds, done.rpe,
                          done.note, date),
            units,
        )  # fmt: skip

    def form_title(self) -> str:
        v = self.view
        return visible(f"{v.exercise}, {v.label} of {v.date.strftime('%a %-d %b %Y')}")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", can_focus=False) as box:
            box.border_title = Content(self.form_title())
            box.border_subtitle = "Ctrl+S saves · Ctrl+D deletes · Esc"
            yield from self.fields()
            yield Static("", classes="error-line", id="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Delete", variant="error", id="delete")
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def fields(self) -> ComposeResult:
        v = self.view
        yield Label(f"SET in {self.units} (60x8@8, x12, 45s, L:20x8)")
        yield Input(set_as_typed(v, self.units), id="set", select_on_focus=True, compact=True)
        yield Label("Kind")
        yield Select([(k, k) for k in SET_KINDS], value=v.kind, allow_blank=False, id="kind",
                     compact=True)  # fmt: skip
        yield Label("Note")
        yield Input(v.note, id="note", placeholder="e.g. knees caved in", compact=True)
        yield Label("Day (YYYY-MM-DD; another day moves the set)")
        yield Input(v.date.isoformat(), id="day", compact=True)

    def result(self) -> SetEdit:
        text = self.value("#set")
        parse_set(text, self.units)  # refused here, with the grammar's own words
        kind = str(self.query_one("#kind", Select).value)
        note = clean_note(self.query_one("#note", Input).value)
        day = parse_date(self.value("#day"))
        return SetEdit(text, kind, note, None if day == self.view.date else day)

    def action_delete(self) -> None:
        self.dismiss(SetDelete())

    @on(Button.Pressed, "#delete")
    def _delete_pressed(self) -> None:
        self.action_delete()
