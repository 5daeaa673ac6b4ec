"""Today's view from a metre away: the current set and the rest countdown in large
digits (Textual's `Digits`), with what they mean in small print beside them.

Left: what to lift now (load × reps, or the seconds of a timed set; the hold's time
while a timed set is being held), the exercise, the set and the plates. Right: the
rest countdown, which the app keeps (`liftlog.tui.rest`), and what comes next. The
panel keeps its height whatever it shows, so the set list above never jumps.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Digits, Static

from liftlog.service.today import PlannedSet
from liftlog.textsafe import visible
from liftlog.tui.rest import HoldClock, RestClock, clock
from liftlog.tui.widgets.rest_timer import REST_VIEW
from liftlog.tui.widgets.set_list import set_label
from liftlog.units import Unit, from_kg, number_text


def set_digits(s: PlannedSet, units: Unit) -> str:
    """`67.5x8`, `x12`, `45`: the current set as `Digits` draw it (`x` is a ×); empty
    for a set to be typed."""
    amount = s.target
    if s.extra and s.done is None:
        return ""  # typed, not prescribed: nothing to show large yet
    if s.timed:
        return str(amount) if amount is not None else "?"
    reps = "?" if amount is None else str(amount)
    if s.weight_kg > 0:
        return f"{number_text(from_kg(s.weight_kg, units))}x{reps}"
    return f"x{reps}"


class Glance(Horizontal):
    """The current set and the rest, large. `show_set` and `refresh_clock` redraw it."""

    DEFAULT_CSS = """
    Glance { height: 3; background: $boost; }
    Glance Digits { width: auto; padding: 0 1; color: $text-primary; }
    Glance #glance-what { width: 1fr; height: 3; color: $text-muted;
                          text-wrap: nowrap; text-overflow: ellipsis; }
    Glance #glance-rest { color: $text-accent; }
    Glance #glance-rest-what { width: 1fr; max-width: 40; height: 3; color: $text-muted;
                               text-wrap: nowrap; text-overflow: ellipsis; }
    Glance.-resting #glance-rest-what { color: $text; }
    Glance.-rest-over #glance-rest { color: $text-success; }
    Glance.-holding #glance-set { color: $text-warning; }
    """

    def __init__(self, **kwargs: str) -> None:
        super().__init__(classes=REST_VIEW, **kwargs)  # type: ignore[arg-type]
        self.rest = RestClock()
        self.hold = HoldClock()
        self._current: PlannedSet | None = None
        self._units: Unit = "kg"
        self._idle = ""

    def compose(self) -> ComposeResult:
        yield Digits("", id="glance-set")
        yield Static("", id="glance-what")
        yield Digits("", id="glance-rest")
        yield Static("", id="glance-rest-what")

    def bind(self, rest: RestClock, hold: HoldClock) -> None:
        """Show these clocks (the app's rest, the screen's hold)."""
        self.rest, self.hold = rest, hold

    def show_set(
        self, current: PlannedSet | None, units: Unit, *, plates: str = "", idle: str = ""
    ) -> None:
        """The set Enter logs (None: `idle` says why there is none)."""
        self._current, self._units, self._idle = current, units, idle
        what = self.query_one("#glance-what", Static)
        digits = self.query_one("#glance-set", Digits)
        self.set_class(self.hold.running, "-holding")
        if self.hold.running:
            digits.update(clock(self.hold.held))
            what.update(Content.assemble(
                Content.styled("HOLD", "bold $text-warning"), f" · target {self.hold.target} s\n",
                f"{visible(current.exercise)} {set_label(current)}\n" if current else "\n",
                "g or Enter logs it · Esc cancels",
            ))  # fmt: skip
            return
        if current is None:
            digits.update("")
            what.update(Content.styled(idle, "bold"))
            return
        digits.update(set_digits(current, units))
        unit = "seconds" if current.timed else ("reps" if current.weight_kg <= 0 else units)
        header = Content.assemble(Content.styled(unit, "bold"), " · ", visible(current.exercise))
        lines = [header, Content(f"{set_label(current)} · {self._range(current)}")]
        if plates:
            lines.append(Content(plates))
        elif current.timed:
            lines.append(Content("g starts a hold timer"))
        what.update(Content("\n").join(lines))

    @staticmethod
    def _range(s: PlannedSet) -> str:
        if s.extra and s.done is None:
            return "type a SET, then Enter"
        unit = " s" if s.timed else " reps"
        if s.low is None:
            return "type it, then Enter"
        if s.high is None or s.low == s.high:
            return f"{s.low}{unit}"
        return f"{s.low}–{s.high}{unit}"

    def on_mount(self) -> None:
        self.refresh_clock()  # a tick that came before the parts were there drew nothing

    def refresh_clock(self) -> None:
        """Redraw the rest side (and the hold's time while one runs); nothing before
        the panel's parts are mounted (the app's clock ticks whenever it likes)."""
        try:
            digits = self.query_one("#glance-rest", Digits)
            what = self.query_one("#glance-rest-what", Static)
        except NoMatches:
            return
        rest = self.rest
        self.set_class(rest.running, "-resting")
        self.set_class(rest.over, "-rest-over")
        if rest.running:
            digits.update(clock(rest.remaining))
            head = "rest done — go" if rest.over else "rest"
            upto = rest.upto()
            if upto and not rest.over:
                head += f" · {upto}"
            lines = [Content.styled(head, "bold")]
            if rest.next_label:
                lines.append(Content(f"next: {visible(rest.next_label)}"))
            lines.append(Content.styled("Space skips", "$text-muted"))
            what.update(Content("\n").join(lines))
        else:
            digits.update("")
            what.update("")
        if self.hold.running:
            self.query_one("#glance-set", Digits).update(clock(self.hold.held))
