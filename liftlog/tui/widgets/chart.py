"""Trend charts (textual-plotext). Imported only by History and Profile: plotext is
never loaded before the first screen is on the terminal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import RenderResult
from textual_plotext import PlotextPlot

#: At most this many points per series; longer series keep each bucket's maximum.
MAX_POINTS = 240


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    dates: Sequence[dt.date]
    values: Sequence[float]


def downsample(
    dates: Sequence[dt.date], values: Sequence[float], limit: int = MAX_POINTS
) -> tuple[list[dt.date], list[float]]:
    """Keep at most `limit` points: the maximum of each run of consecutive points."""
    if len(values) <= limit:
        return list(dates), list(values)
    step = len(values) / limit
    out_d, out_v = [], []
    for i in range(limit):
        lo = int(i * step)
        hi = max(int((i + 1) * step), lo + 1)
        bucket = values[lo:hi]
        best = max(bucket)
        j = lo + list(bucket).index(best)  # slices and max run in C: 20 years in ms
        out_d.append(dates[j])
        out_v.append(best)
    return out_d, out_v


class TrendChart(PlotextPlot):
    """A line chart of one or two series against dates."""

    DEFAULT_CSS = """
    TrendChart { height: 1fr; min-height: 6; }
    """

    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._series: list[Series] = []
        self._ylabel = ""
        self._empty = "No data yet"
        self._drawn = 0  # bumped by each _draw: the plot's contents changed
        self._rendered: tuple[object, RenderResult] | None = None

    def show(self, series: list[Series], ylabel: str, empty: str = "No data yet") -> None:
        self._series = [s for s in series if s.values]
        self._ylabel = ylabel
        self._empty = empty
        self._draw()

    def _draw(self) -> None:
        self._drawn += 1
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.date_form("Y-m-d")
        if not self._series:
            plt.title(self._empty)
            self.refresh()
            return
        markers = ("braille", "dot")
        for i, series in enumerate(self._series):
            dates, values = downsample(series.dates, series.values)
            plt.plot(
                [d.isoformat() for d in dates],
                values,
                label=series.label,
                marker=markers[i % len(markers)],
            )
        plt.ylabel(self._ylabel)
        self.refresh()

    def render(self) -> RenderResult:
        """The plot, built again only when its contents, size or theme changed: every
        layout of the screen repaints the chart, and plotext takes milliseconds."""
        key = (self._drawn, self.size, self.app.theme, self.theme)
        if self._rendered is None or self._rendered[0] != key:
            self._rendered = (key, super().render())
        return self._rendered[1]
