"""The entry line under Today's sets: what Enter will log, what was typed, or why not.

It owns the number being typed (reps or seconds, optionally @RPE) and turns it into a
set through the same SET grammar as the command line, so both refuse the same input
with the same words.
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

from liftlog.inputs import ParsedSet, SetError, parse_set
from liftlog.service.today import PlannedSet
from liftlog.tui.text import visible
from liftlog.tui.widgets.set_list import amount_text, load_text, set_label
from liftlog.units import Unit

#: What may be typed before Enter: reps (or seconds), optionally @RPE.
_TYPED = re.compile(r"^(\d{1,4})(?:@(\d{1,2}(?:[.,]5)?))?$")
TYPED_CHARS = frozenset("0123456789@.,")
_MAX_TYPED = 8


class EntryLine(Static):
    """One line: the prompt for the highlighted set, the typed number, or an error."""

    typed: str = ""

    def type(self, character: str) -> None:
        self.typed = (self.typed + character)[:_MAX_TYPED]

    def backspace(self) -> None:
        self.typed = self.typed[:-1]

    def clear(self) -> None:
        self.typed = ""

    def parse(self, s: PlannedSet) -> ParsedSet:
        """The set as typed (reps or seconds, optional @RPE), or a SetError saying why not."""
        typed = self.typed.strip()
        match = _TYPED.match(typed)
        if match is None:
            what = "seconds" if s.timed else "reps"
            raise SetError(f"{typed!r} is not a number of {what}; type e.g. 8 or 8@7.5.")
        amount, rpe = match[1], match[2]
        text = f"{amount}s" if s.timed else f"x{amount}"
        if rpe:
            text += f"@{rpe}"
        try:
            parsed = parse_set(text)
        except SetError as exc:
            raise SetError(str(exc).replace(repr(text), repr(typed))) from None
        return ParsedSet(s.weight_kg, parsed.reps, parsed.seconds, parsed.rpe, s.side)

    def error(self, message: str) -> None:
        self.set_class(True, "-error")
        self.update(Content.styled(visible(message), "bold $text-error"))

    def show(self, current: PlannedSet | None, units: Unit, *, hint: str) -> None:
        """The prompt for `current` (the highlighted set), or `hint` when there is none."""
        self.set_class(False, "-error")
        if current is None:
            self.update(Content.styled(f"{hint} · ? lists every key", "$text-muted"))
            return
        if current.done is not None:
            self.update(Content.styled(
                f"{visible(current.exercise)} {set_label(current)} is logged"
                " · u undoes the last set",
                "$text-muted",
            ))  # fmt: skip
            return
        what = "seconds" if current.timed else "reps"
        if self.typed:
            self.update(
                Content.assemble(
                    Content.styled(f"{what}: ", "bold"),
                    Content.styled(self.typed + "▏", "bold reverse"),
                    Content.styled("  Enter logs · Esc clears", "$text-muted"),
                )
            )
            return
        target = (
            amount_text(current, done=False)
            if current.target is None
            else (f"{current.target}{' s' if current.timed else ''}")
        )
        load = load_text(current.weight_kg, units)
        self.update(Content.assemble(
            Content.styled("Enter", "bold"), f" logs {target} × {load}",
            Content.styled(f" · type {what} then Enter to change · w load · u undo", "$text-muted"),
        ))  # fmt: skip
