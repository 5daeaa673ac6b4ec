"""The session's summary, after its last prescribed set (and on `S`): the sets, the
volume, the records (R12), the time it took, and what changes next time and why."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from liftlog.service.summary import SessionSummary, next_time
from liftlog.textsafe import visible
from liftlog.units import Unit, format_weight


def summary_content(summary: SessionSummary, units: Unit) -> Content:
    """The summary as text (names as given, never markup)."""
    head = f"{summary.sets} set{'s' if summary.sets != 1 else ''}"
    if summary.warmups:
        head += f" (+{summary.warmups} warm-up{'s' if summary.warmups != 1 else ''})"
    if summary.volume_kg > 0:
        head += f" · volume {format_weight(round(summary.volume_kg), units)}"
    minutes = summary.minutes
    if minutes is not None and summary.started and summary.ended:
        head += (
            f" · {minutes} min ({summary.started.strftime('%H:%M')}"
            f"–{summary.ended.strftime('%H:%M')})"
        )
    lines = [Content.styled(head, "bold")]
    for ex in summary.exercises:
        volume = f", {format_weight(round(ex.volume_kg), units)}" if ex.volume_kg > 0 else ""
        sets = f"{ex.sets} set{'s' if ex.sets != 1 else ''}"
        lines.append(Content(visible(f"  {ex.exercise}: {sets}{volume}")))
    lines.append(Content(""))
    records = summary.records
    lines.append(Content.styled("Records (R12)", "bold $text-success" if records else "bold"))
    if records:
        lines += [Content(visible(f"  {name}: {r.describe(units)}")) for name, r in records]
    else:
        lines.append(Content.styled("  none this time", "$text-muted"))
    lines.append(Content(""))
    when = summary.next_date.strftime("%A %-d %B") if summary.next_date else "not scheduled"
    lines.append(Content.styled(f"Next time ({when})", "bold"))
    if summary.next_date is None:
        lines.append(Content(visible(f"  {summary.next_why}")))
    for ex in summary.exercises:
        lines.append(Content.assemble(
            Content.styled(visible(f"  {ex.exercise}"), "bold $text-primary"),
            visible(f" — {next_time(ex, units)}"),
        ))  # fmt: skip
    return Content("\n").join(lines)


class SummaryDialog(ModalScreen[None]):
    """Esc, Enter or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss", "Close", id="summary.close"),
    ]

    def __init__(self, summary: SessionSummary, units: Unit) -> None:
        super().__init__()
        self.summary = summary
        self.units = units

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="summary") as box:
            box.border_title = f"Session of {self.summary.date.strftime('%A %-d %B %Y')}"
            box.border_subtitle = "Enter closes"
            yield Static(summary_content(self.summary, self.units), id="summary-body")
