"""The weekly run template (R19): seven days, each hard, easy, rest or unset."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
KINDS = ("", "hard", "easy", "rest")
KIND_STYLE = {"hard": "bold $text-error", "easy": "$text-success", "rest": "$text-muted", "": ""}


class RunWeek(Widget, can_focus=True):
    """← → pick a day; Space (or H/E/R, Del) sets it; each change is posted up to save."""

    DEFAULT_CSS = """
    RunWeek { height: 2; width: 100%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous day", show=False),
        Binding("right", "move(1)", "Next day", show=False),
        Binding("space", "cycle", "Cycle day", id="season.run_cycle",
                tooltip="unset → hard → easy → rest"),
        Binding("H", "set('hard')", "Hard run", show=False, tooltip="H: a hard run that day"),
        Binding("E", "set('easy')", "Easy run", show=False, tooltip="E: an easy run that day"),
        Binding("R", "set('rest')", "Rest day", show=False, tooltip="R: a rest day"),
        Binding("delete", "set('')", "Unset", show=False, tooltip="Del: no run set that day"),
    ]  # fmt: skip

    day: reactive[int] = reactive(0)

    class Changed(Message):
        def __init__(self, template: dict[int, str]) -> None:
            super().__init__()
            self.template = template

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.template: dict[int, str] = {}

    def set_template(self, template: dict[int, str]) -> None:
        self.template = dict(template)
        self.refresh()

    def render(self) -> Content:
        names, kinds = [], []
        for i, name in enumerate(DAYS):
            kind = self.template.get(i, "")
            cursor = i == self.day and self.has_focus
            style = "reverse" if cursor else ""
            names.append(Content.styled(f" {name:<5}", f"bold {style}"))
            kinds.append(Content.styled(f" {kind or '·':<5}", f"{KIND_STYLE[kind]} {style}"))
        return Content("\n").join([Content(" ").join(names), Content(" ").join(kinds)])

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        self.day = (self.day + step) % 7
        self.refresh()

    def action_cycle(self) -> None:
        current = self.template.get(self.day, "")
        self.action_set(KINDS[(KINDS.index(current) + 1) % len(KINDS)])

    def action_set(self, kind: str) -> None:
        if kind:
            self.template[self.day] = kind
        else:
            self.template.pop(self.day, None)
        self.refresh()
        self.post_message(self.Changed(dict(self.template)))
