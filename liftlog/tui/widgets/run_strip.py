"""The last weeks as they went: each day's run, hard or easy by R22, and + for lifting.

Its columns sit under the run week's (Mon … Sun), so the template and what actually
happened read against each other. Run names never appear here: only kinds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from liftlog.service.runs import DayMark
from liftlog.tui.widgets.run_week import KIND_STYLE

LIFT = "+"  # ASCII: ▲ and • are "ambiguous width" and render wide in some fonts


def strip_content(weeks: Sequence[Sequence[DayMark]], today: dt.date) -> Content:
    """A caption, then one line per week: ` hard+  easy   ·+` … and the week's Monday."""
    lines = [
        Content.styled(
            f"Last {len(weeks)} weeks: your runs (R22), {LIFT} a strength session", "$text-muted"
        )
    ]
    for week in weeks:
        cells = []
        for mark in week:
            style = KIND_STYLE[mark.run] if mark.run else "$text-muted"
            if mark.date == today:
                style += " underline"
            word = mark.run or "·"
            lifted = LIFT if mark.lifted else ""
            cells.append(
                Content.assemble(
                    " ",
                    Content.styled(word, style.strip()),
                    Content.styled(lifted, "bold $text-primary"),
                    " " * (5 - len(word) - len(lifted)),  # the run week's 6-wide columns
                )
            )
        label = Content.styled(f"  {week[0].date:%-d %b}" if week else "", "$text-muted")
        lines.append(Content.assemble(Content(" ").join(cells), label))
    return Content("\n").join(lines)


class RunStrip(Widget):
    """Shows `strip_content`; updated when the season loads."""

    DEFAULT_CSS = """
    RunStrip { height: auto; width: 100%; }
    """

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._content = Content("")

    def show(self, weeks: Sequence[Sequence[DayMark]], today: dt.date) -> None:
        self._content = strip_content(weeks, today)
        self.refresh(layout=True)

    def render(self) -> Content:
        return self._content
