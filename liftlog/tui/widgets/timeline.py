"""The season timeline: a bar of phases from today to the next A race, and a legend."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from liftlog.service.season import Segment
from liftlog.tui.widgets.season_line import PHASE_STYLE


def _span(seg: Segment) -> str:
    fmt = "%-d %b"
    if seg.start == seg.end:
        return seg.start.strftime(fmt)
    return f"{seg.start.strftime(fmt)}–{seg.end.strftime(fmt)}"


def per_week(seg: Segment) -> str:
    """`2–3/wk`, `1/wk`, `light` (a B race inside a phase) or `none`."""
    if not seg.lift:
        return "none"
    if seg.light and seg.phase != "TAPER":
        return "light"
    low, high = seg.sessions_per_week
    return f"{low}/wk" if low == high else f"{low}–{high}/wk"


#: A phase's name where the whole one does not fit in its stretch of the bar.
SHORT = {"GENERAL": "GEN", "SPECIFIC": "SPEC", "TAPER": "TAP", "RECOVERY": "REC", "STOP": "STOP"}


def _label(name: str, cells: int) -> str:
    """The name when it fits its cells (with a space after it), else its short form,
    else nothing: never a cut word (the legend below has every phase in full)."""
    for text in (name, SHORT.get(name, "")):
        if text and len(text) < cells:
            return text
    return ""


def bar_content(segments: list[Segment], width: int) -> Content:
    """One line: each phase a coloured stretch as long as its share of the days."""
    total = sum(seg.days for seg in segments) or 1
    parts: list[Content] = []
    used = 0
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        cells = width - used if last else max(1, round(seg.days / total * width))
        cells = max(1, min(cells, width - used - (len(segments) - i - 1)))
        used += cells
        same = i > 0 and segments[i - 1].phase == seg.phase
        label = _label(per_week(seg) if same else seg.phase, cells)
        style = f"reverse {PHASE_STYLE.get(seg.phase, '')}" + (" dim" if not seg.lift else "")
        parts.append(Content.styled(f"{label:<{cells}}"[:cells], style))
    return Content("").join(parts)


def legend_content(segments: list[Segment]) -> Content:
    lines = []
    for seg in segments:
        lines.append(
            Content.assemble(
                Content.styled(f"{seg.phase:<9}", f"bold {PHASE_STYLE.get(seg.phase, '')}"),
                f"{_span(seg):<14}",
                Content.styled(per_week(seg), "$text-muted"),
            )
        )
    return Content("\n").join(lines)


class Timeline(Static):
    """The bar, redrawn to its width whenever it resizes."""

    DEFAULT_CSS = """
    Timeline { height: auto; }
    """

    def __init__(self, **kwargs: str) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.segments: list[Segment] = []

    def show(self, segments: list[Segment]) -> None:
        self.segments = segments
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = max(10, self.content_region.width or 60)
        self.update(bar_content(self.segments, width) if self.segments else "")
