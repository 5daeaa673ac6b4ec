"""The Today screen's list: each exercise as a heading, then its sets, one row each.

An OptionList whose headings are disabled options (the cursor skips them) and whose
sets are options keyed by the set's key. A heading is three lines: the exercise, its
phase and load; the rules and the why folded to one line (`i` unfolds it); and what
was done last time. At 110 columns and more each set row also shows last time's set
in the same place. Enter is left to the screen (it logs); a click only moves the
cursor, so a stray click never logs a set. The highlighted row is always kept in view.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from liftlog.progression import ExercisePrescription
from liftlog.service.today import ExerciseBlock, PlannedSet, TodayView, plates_per_side
from liftlog.textsafe import visible
from liftlog.tui.compat import option_line
from liftlog.tui.format import day_label, one_set, sets_line
from liftlog.units import Unit, format_weight

#: From this width on, each set row shows last time's set beside it.
WIDE = 110


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
    if s.extra and s.done is None:
        return "one more"
    if s.kind == "warmup":
        return f"warm-up {s.number}"
    kind = "" if s.kind == "work" else f" {s.kind}"
    return f"set {s.number}" + (f" {s.side}" if s.side else "") + kind


def plates_text(block: ExerciseBlock, view: TodayView, weight_kg: float) -> str:
    """`per side 20 + 2.5`, `bar only`, or empty (not a barbell lift)."""
    p = block.prescription
    if (p is None or p.plates is None) and block.row.equipment != "barbell":
        return ""
    if weight_kg <= 0:
        return ""
    plates = plates_per_side(view.athlete, weight_kg)
    if plates is None:
        return ""
    return ("per side " + " + ".join(_number(x) for x in plates)) if plates else "bar only"


def _last_by_row(block: ExerciseBlock, units: Unit) -> dict[int, str]:
    """Row key → last time's set in that place (the k-th work set of its side)."""
    if block.last is None:
        return {}
    by_side: dict[str | None, list[str]] = {}
    for done in block.last.sets:
        by_side.setdefault(done.side, []).append(one_set(done, units))
    found: dict[int, str] = {}
    seen: dict[str | None, int] = {}
    for s in block.sets:
        if s.kind != "work" or s.extra:
            continue
        k = seen[s.side] = seen.get(s.side, 0) + 1
        texts = by_side.get(s.side, [])
        if k <= len(texts):
            found[s.key] = texts[k - 1]
    return found


def set_prompt(s: PlannedSet, block: ExerciseBlock, view: TodayView, last: str = "") -> Content:
    units = view.athlete.units
    weight = s.done.weight_kg if s.done is not None else s.weight_kg
    if s.pending:
        mark = Content.styled("…", "$text-warning")
    elif s.done is not None:
        mark = Content.styled("✓", "$text-success")
    else:
        mark = Content("+" if s.extra else "○")
    style = "$text-muted" if s.kind == "warmup" or (s.extra and s.done is None) else ""
    if s.extra and s.done is None:
        what = "type a SET (60x8, 8, 45s), then Enter"
        return Content.assemble("  ", mark, " ", Content.styled(f"{set_label(s):<12}{what}", style))
    reps = "" if s.timed else " reps"
    what = f"{amount_text(s)} × {load_text(weight, units)}" if weight > 0 else amount_text(s) + reps
    if s.done is None and weight <= 0:
        what += " · bodyweight"
    if s.done is not None and s.done.rpe is not None:
        what += f" @{s.done.rpe:g}"
    extra = ""
    if s.done is None and s.match_weaker:
        extra = "match the other side"
    else:
        extra = plates_text(block, view, weight)
    line = Content.assemble(
        "  ", mark, " ", Content.styled(f"{set_label(s):<12}", style), f"{what:<22}"
    )
    if s.done is not None and s.done.note:
        line += Content.styled(f" “{visible(s.done.note)}” ", "italic $text-muted")
    if extra:
        line += Content.styled(f"{extra:<28}", "$text-muted")
    if last:
        line += Content.styled(f"  last {last}", "$text-muted")
    return line


def _fold(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 4)].rstrip() + " … i"


def heading_prompt(block: ExerciseBlock, view: TodayView, width: int, unfolded: bool) -> Content:
    """The exercise, its phase and load; the why (one line unless unfolded); last time."""
    units = view.athlete.units
    p = block.prescription
    head = Content.styled(visible(block.row.name), "bold $text-primary")
    if p is None:
        head += Content.styled("  not prescribed today · log sets as you go", "$text-muted")
    else:
        head += _phase_line(p, units)
    lines = [head]
    if p is not None:
        rules = " ".join(p.rules)
        why = visible(p.why + (f" → {p.suggestion}" if p.suggestion else ""))
        body = why if unfolded else _fold(why, width - len(rules) - 4)
        rules_content = Content.styled(f"  {rules}", "bold $text-accent")
        lines.append(Content.assemble(rules_content, f"  {body}"))
    if block.last is not None and block.last.sets:
        text = f"  last {day_label(block.last.date, view.date)}: "
        text += sets_line(block.last.sets, units)
        lines.append(Content.styled(text if unfolded else _fold(text, width), "$text-muted"))
    return Content("\n").join(lines)


def _phase_line(p: ExercisePrescription, units: Unit) -> Content:
    line = Content.assemble(
        "  ",
        Content.styled(f" {p.phase} ", "bold reverse"),
        Content.styled(f"  {rest_text(p.rest_s)}", "$text-muted"),
    )
    if p.plates is not None and p.load_kg:
        plates = " + ".join(_number(x) for x in p.plates) + " per side" if p.plates else "the bar"
        line += Content.styled(f" · {format_weight(p.load_kg, units)} = {plates}", "$text-muted")
    if p.imbalance is not None and p.imbalance.flagged:
        pct = round(p.imbalance.ratio * 100)
        line += Content.styled(f"  R11 {p.imbalance.weaker} {pct}% weaker !", "bold $text-warning")
    return line


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
        self.view: TodayView | None = None
        self.unfolded: set[int] = set()  # exercise ids whose why is shown in full
        self._by_key: dict[int, tuple[PlannedSet, ExerciseBlock]] = {}
        self._width = 0

    @property
    def text_width(self) -> int:
        return self.scrollable_content_region.width or 76

    def show_view(self, view: TodayView) -> None:
        """Show every exercise of the view, the cursor staying on the same set."""
        current = self.current
        self.view = view
        self._width = self.text_width
        self._by_key = {s.key: (s, b) for b in view.blocks for s in b.sets}
        options: list[Option | None] = []
        for i, block in enumerate(view.blocks):
            if i:
                options.append(None)
            unfolded = block.row.id in self.unfolded
            prompt = heading_prompt(block, view, self._width, unfolded)
            options.append(Option(prompt, id=f"ex-{i}", disabled=True))
            last = _last_by_row(block, view.athlete.units) if self._width >= WIDE else {}
            options += [
                Option(set_prompt(s, block, view, last.get(s.key, "")), id=f"set-{s.key}")
                for s in block.sets
            ]
        self.set_options(options)
        if current is not None and current.key in self._by_key:
            self.move_to(current)

    def on_resize(self, event: events.Resize) -> None:
        if self.view is not None and self.text_width != self._width:
            self.show_view(self.view)

    def toggle_why(self, block: ExerciseBlock) -> None:
        """Show the exercise's why in full, or fold it back to one line."""
        self.unfolded ^= {block.row.id}
        if self.view is not None:
            self.show_view(self.view)

    def refresh_set(self, s: PlannedSet) -> None:
        if self.view is None:
            return
        _, block = self._by_key[s.key]
        wide = self._width >= WIDE
        last = _last_by_row(block, self.view.athlete.units).get(s.key, "") if wide else ""
        self.replace_option_prompt(f"set-{s.key}", set_prompt(s, block, self.view, last))

    def refresh_block(self, block: ExerciseBlock) -> None:
        for s in block.sets:
            self.refresh_set(s)

    @property
    def current(self) -> PlannedSet | None:
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.startswith("set-"):
            return None
        found = self._by_key.get(int(option.id[4:]))
        return None if found is None else found[0]

    def block_of(self, s: PlannedSet) -> ExerciseBlock:
        return self._by_key[s.key][1]

    def move_to(self, s: PlannedSet | None) -> None:
        """Highlight a set and keep it in view; on an exercise's first open set, bring
        its heading into view too when both fit."""
        if s is None or s.key not in self._by_key:
            return
        index = self.get_option_index(f"set-{s.key}")
        self.highlighted = index
        block = self.block_of(s)
        first_open = next((x for x in block.sets if x.done is None), None)
        heading = None
        if first_open is s and self.view is not None:
            heading = self.get_option_index(f"ex-{self.view.blocks.index(block)}")
        self.call_after_refresh(self._keep_in_view, heading, index)

    def _keep_in_view(self, heading: int | None, index: int) -> None:
        top = option_line(self, heading) if heading is not None else None
        row = option_line(self, index)
        if row is None:
            return
        height = self.scrollable_content_region.height
        if top is not None and row - top < height and top < self.scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        if row < self.scroll_y:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= self.scroll_y + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        """Up, over the open slot of the exercise above when coming from another one, so
        the sets just logged are one key each away (the slot is reached going down)."""
        before = self.current
        super().action_cursor_up()
        s = self.current
        if s is None or before is None or not (s.extra and s.is_open):
            return
        block = self.block_of(s)
        if block.prescription is not None and block is not self.block_of(before):
            super().action_cursor_up()

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("option")
        if index is not None and not self.options[index].disabled:
            self.highlighted = index
