"""The Today screen's list: each exercise as a heading, then its sets, one row each.

An OptionList whose headings are disabled options (the cursor skips them) and whose
sets are options keyed by the set's key. Enter is left to the screen (it logs); a
click only moves the cursor, so a stray click never logs a set.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from liftlog.service.today import ExerciseBlock, PlannedSet, TodayView, plates_per_side
from liftlog.tui.compat import option_line
from liftlog.tui.text import visible
from liftlog.units import Unit, format_weight


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def rest_text(rest_s: tuple[int, int]) -> str:
    low, high = rest_s
    if low % 60 == 0 and high % 60 == 0:
        return f"rest {low // 60}–{high // 60} min"
    return f"rest {low}–{high} s"


def amount_text(s: PlannedSet, *, done: bool = True) -> str:
    """`5–8`, `8`, `45 s`: prescribed, or what was logged."""
    unit = " s" if s.timed else ""
    if done and s.done is not None:
        value = s.done.seconds if s.timed else s.done.reps
        return f"{value}{unit}"
    if s.low is None:
        return "?"
    if s.high is None or s.low == s.high:
        return f"{s.low}{unit}"
    return f"{s.low}–{s.high}{unit}"


def load_text(weight_kg: float, units: Unit) -> str:
    return format_weight(weight_kg, units) if weight_kg > 0 else "bodyweight"


def set_label(s: PlannedSet) -> str:
    if s.kind == "warmup":
        return f"warm-up {s.number}"
    return f"set {s.number}" + (f" {s.side}" if s.side else "")


def set_prompt(s: PlannedSet, block: ExerciseBlock, plan: TodayView) -> Content:
    units = plan.athlete.units
    weight = s.done.weight_kg if s.done is not None else s.weight_kg
    if s.pending:
        mark = Content.from_markup("[$text-warning]…[/]")
    elif s.done is not None:
        mark = Content.from_markup("[$text-success]✓[/]")
    else:
        mark = Content("○")
    what = f"{amount_text(s)} × {load_text(weight, units)}" if weight > 0 else amount_text(s)
    if s.done is None and weight <= 0:
        what += " · bodyweight"
    if s.done is not None and s.done.rpe is not None:
        what += f" @{s.done.rpe:g}"
    extra = ""
    if s.done is None and s.match_weaker:
        extra = "match the other side"
    elif block.prescription.plates is not None and weight > 0:
        plates = plates_per_side(plan.athlete, weight)
        if plates is not None:
            extra = ("per side " + " + ".join(_number(p) for p in plates)) if plates else "bar only"
    style = "$text-muted" if s.kind == "warmup" else ""
    line = Content.assemble(
        "  ", mark, " ", Content.styled(f"{set_label(s):<12}", style), f"{what:<22}"
    )
    if extra:
        line += Content.styled(extra, "$text-muted")
    return line


def heading_prompt(block: ExerciseBlock, plan: TodayView) -> Content:
    p = block.prescription
    units = plan.athlete.units
    head = Content.assemble(
        Content.styled(visible(p.exercise), "bold $text-primary"),
        "  ",
        Content.styled(f" {p.phase} ", "bold reverse"),
        Content.styled(f"  {rest_text(p.rest_s)}", "$text-muted"),
    )
    if p.plates is not None and p.load_kg:
        plates = " + ".join(_number(x) for x in p.plates) + " per side" if p.plates else "the bar"
        head += Content.styled(f" · {format_weight(p.load_kg, units)} = {plates}", "$text-muted")
    rules = " ".join(p.rules)
    why = Content.assemble(
        "\n", Content.styled(f"  {rules}", "bold $text-accent"), f"  {visible(p.why)}"
    )
    lines = [head, why]
    if p.suggestion:
        lines.append(Content.styled(f"\n  → {visible(p.suggestion)}", "$text-accent"))
    if p.imbalance is not None:
        lines.append(Content.styled(f"\n  {visible(p.imbalance.describe())}", "$text-warning"))
    return Content("").join(lines)


class SetList(OptionList, inherit_bindings=False):
    """The day's exercises and sets; the highlighted set is the one Enter logs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.plan: TodayView | None = None
        self._by_key: dict[int, tuple[PlannedSet, ExerciseBlock]] = {}

    def show_plan(self, plan: TodayView) -> None:
        self.plan = plan
        self._by_key = {s.key: (s, b) for b in plan.blocks for s in b.sets}
        options: list[Option | None] = []
        for i, block in enumerate(plan.blocks):
            if i:
                options.append(None)
            options.append(Option(heading_prompt(block, plan), id=f"ex-{i}", disabled=True))
            options += [Option(set_prompt(s, block, plan), id=f"set-{s.key}") for s in block.sets]
        self.set_options(options)

    def refresh_set(self, s: PlannedSet) -> None:
        if self.plan is None:
            return
        _, block = self._by_key[s.key]
        self.replace_option_prompt(f"set-{s.key}", set_prompt(s, block, self.plan))

    def refresh_block(self, block: ExerciseBlock) -> None:
        for s in block.sets:
            self.refresh_set(s)

    @property
    def current(self) -> PlannedSet | None:
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.startswith("set-"):
            return None
        return self._by_key[int(option.id[4:])][0]

    def block_of(self, s: PlannedSet) -> ExerciseBlock:
        return self._by_key[s.key][1]

    def move_to(self, s: PlannedSet | None) -> None:
        """Highlight a set; on an exercise's first open set, bring its heading into view."""
        if s is None:
            return
        index = self.get_option_index(f"set-{s.key}")
        self.highlighted = index
        block = self.block_of(s)
        first_open = next((x for x in block.sets if x.done is None), None)
        if first_open is s and self.plan is not None:
            heading = self.get_option_index(f"ex-{self.plan.blocks.index(block)}")
            self.call_after_refresh(self._scroll_to_option, heading, index)

    def _scroll_to_option(self, heading: int, index: int) -> None:
        top = option_line(self, heading)
        bottom = option_line(self, index)
        if top is None or bottom is None or bottom - top >= self.scrollable_content_region.height:
            return
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("option")
        if index is not None and not self.options[index].disabled:
            self.highlighted = index
