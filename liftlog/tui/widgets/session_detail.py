"""One session of the History screen, set by set: each exercise as a heading, then
its sets, one row each, so any of them can be picked to edit or delete (`e`, `u`), at
any date. It scrolls, so a session of nine exercises is all there."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from liftlog.service.history import SessionSets, SetLine
from liftlog.textsafe import visible
from liftlog.tui.format import by_exercise, set_text
from liftlog.units import Unit


def line_label(s: SetLine, number: int) -> str:
    """`warm-up`, `set 2`, `set 3 drop`."""
    if s.kind == "warmup":
        return "warm-up"
    return f"set {number}" + ("" if s.kind == "work" else f" {s.kind}")


class SessionDetail(OptionList):
    """The highlighted session's sets; `current` is the set the keys act on."""

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session: SessionSets | None = None
        self._by_id: dict[int, tuple[SetLine, str]] = {}

    def show(self, session: SessionSets | None, units: Unit, empty: str = "") -> None:
        self.session = session
        self._by_id = {}
        if session is None:
            self.set_options([Option(Content.styled(empty, "$text-muted"), disabled=True)])
            return
        options: list[Option | None] = [
            Option(Content.styled(session.date.strftime("%A %-d %B %Y"), "bold"), disabled=True)
        ]
        for name, sets in by_exercise(session.sets):
            options.append(
                Option(Content.styled(visible(name), "bold $text-primary"), disabled=True)
            )
            counts: dict[str | None, int] = {}
            for s in sets:
                counts[s.side] = counts.get(s.side, 0) + (s.kind != "warmup")
                label = line_label(s, counts[s.side])
                self._by_id[s.set_id] = (s, label)
                line = Content.assemble(
                    "  ",
                    Content.styled(f"{label:<12}", "$text-muted" if s.kind == "warmup" else ""),
                    set_text(s, units),
                )
                if s.note:
                    line += Content.styled(f"  “{visible(s.note)}”", "italic $text-muted")
                options.append(Option(line, id=f"set-{s.set_id}"))
        self.set_options(options)

    @property
    def current(self) -> tuple[SetLine, str] | None:
        """The highlighted set and its label (`set 2`), or None."""
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.startswith("set-"):
            return None
        return self._by_id.get(int(option.id[4:]))

    def first_set(self) -> None:
        """Highlight the first set (when none is)."""
        if self.current is None:
            for index, option in enumerate(self.options):
                if not option.disabled:
                    self.highlighted = index
                    return
