"""The entry line under Today's sets: what Enter will log, what was typed, or why not.

It owns the SET being typed and turns it into a set through the same SET grammar as
the command line (`liftlog.inputs.parse_set`), so both refuse the same input with the
same words. On Today a bare number is the reps (the seconds of a timed set) at the
highlighted set's load; `62.5x8`, `45s`, `L:20x8`, `135lbx5` and `@8` work as in
`liftlog log`. Typing never switches screens: while something is typed, every letter
of the grammar goes here (the screen asks `takes`).
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

from liftlog.inputs import ParsedSet, SetError, parse_rpe, parse_set
from liftlog.service.today import PlannedSet
from liftlog.textsafe import visible
from liftlog.tui.widgets.set_list import amount_text, load_text
from liftlog.units import Unit

#: What starts a SET when nothing is typed yet (other keys are the screen's).
FIRST_CHARS = frozenset("0123456789@.LR")
#: What may follow: the whole SET grammar (weights with kg/lb, x or ×, s, L:/R:, @RPE).
TYPED_CHARS = FIRST_CHARS | frozenset("xX×s:kgbl,lr ")
_MAX_TYPED = 20
_BARE = re.compile(r"^(\d{1,4})(?:\s*@\s*(\d{1,2}(?:[.,]5)?))?$")
_RPE_ONLY = re.compile(r"^@\s*(\S+)$")


def parse_typed(typed: str, s: PlannedSet, units: Unit) -> ParsedSet:
    """`_parse_typed`, its errors quoting what was typed (not the SET it became)."""
    try:
        return _parse_typed(typed, s, units)
    except SetError as exc:
        # the grammar quotes the SET it read first; quote what was typed instead
        message = re.sub(r"^'[^']*'", lambda _: repr(typed.strip()), str(exc))
        raise SetError(message) from None


def _parse_typed(typed: str, s: PlannedSet, units: Unit) -> ParsedSet:
    """The set as typed for the highlighted set `s`, or a SetError saying why not.

    `8`, `8@7.5`: reps (seconds when `s` is timed) at `s`'s load and side; `@8`: as
    prescribed at RPE 8; anything else is a SET (`62.5x8`, `45s`, `L:20x8@8`), whose
    side and load default to `s`'s when it names none."""
    text = typed.strip()
    what = "seconds" if s.timed else "reps"
    bare = _BARE.match(text)
    rpe_only = _RPE_ONLY.match(text)
    if bare is not None:
        amount, rpe = bare[1], bare[2]
        parsed = parse_set(f"{amount}s" if s.timed else f"x{amount}")
        if rpe:
            parsed = ParsedSet(0, parsed.reps, parsed.seconds, parse_rpe(rpe, text), None)
    elif rpe_only is not None:
        if s.target is None:
            raise SetError(f"Type the {what} first, then @RPE (e.g. 8@8).")
        amount = str(s.target)
        parsed = parse_set(f"{amount}s" if s.timed else f"x{amount}")
        parsed = ParsedSet(0, parsed.reps, parsed.seconds, parse_rpe(rpe_only[1], text), None)
    else:
        parsed = parse_set(text, units)
    if parsed.is_timed != s.timed:
        example = "45 or 45s" if s.timed else "8 or 62.5x8"
        raise SetError(f"{s.exercise} is logged in {what}; type e.g. {example}.")
    named_load = bool(re.search(r"\d\s*(?:kg|kgs|lb|lbs)?\s*[x×X]", text))
    weight = parsed.weight_kg if named_load else s.weight_kg
    return ParsedSet(weight, parsed.reps, parsed.seconds, parsed.rpe, parsed.side or s.side)


class EntryLine(Static):
    """One line: the prompt for the highlighted set, the SET typed, or an error."""

    typed: str = ""

    def takes(self, character: str | None) -> bool:
        """True when this key is part of a SET being typed (or starts one)."""
        if not character:
            return False
        return character in (TYPED_CHARS if self.typed else FIRST_CHARS)

    def type(self, character: str) -> None:
        self.typed = (self.typed + character)[:_MAX_TYPED]

    def backspace(self) -> None:
        self.typed = self.typed[:-1]

    def clear(self) -> None:
        self.typed = ""

    def parse(self, s: PlannedSet, units: Unit) -> ParsedSet:
        return parse_typed(self.typed, s, units)

    def error(self, message: str) -> None:
        """Say why the entry was refused; what was typed is cleared."""
        self.typed = ""
        self.set_class(True, "-error")
        self.update(Content.styled(visible(message), "bold $text-error"))

    def show(self, current: PlannedSet | None, units: Unit, *, hint: str) -> None:
        """The prompt for `current` (the highlighted set), or `hint` when there is none."""
        self.set_class(False, "-error")
        if self.typed:
            verb = "changes it" if current is not None and current.done is not None else "logs"
            self.update(Content.assemble(
                Content.styled("SET: ", "bold"), Content.styled(self.typed + "▏", "bold reverse"),
                Content.styled(f"  Enter {verb} · Esc clears", "$text-muted"),
            ))  # fmt: skip
            return
        if current is None:
            self.update(Content.styled(f"{hint} · ? lists every key", "$text-muted"))
            return
        if current.done is not None:
            self.update(Content.styled(
                "✓ logged · type a SET to change it · e edits · u deletes it",
                "$text-muted",
            ))  # fmt: skip
            return
        if current.extra or current.target is None:
            self.update(Content.assemble(
                Content.styled("Type a SET", "bold"), " (60x8, 8, 45s, L:20x8), then Enter",
                Content.styled(f" · {visible(current.exercise)}", "$text-muted"),
            ))  # fmt: skip
            return
        target = f"{current.target}{' s' if current.timed else ''}"
        span = amount_text(current, done=False)
        span = f" ({span})" if span != target else ""
        self.update(Content.assemble(
            Content.styled("Enter", "bold"),
            f" logs {target} × {load_text(current.weight_kg, units)}",
            Content.styled(f"{span} · or type a SET (7, 62.5x8, @8)", "$text-muted"),
        ))  # fmt: skip
