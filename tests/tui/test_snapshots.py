"""Snapshot tests of every screen at 80×24 and 120×40 (pytest-textual-snapshot).

The app runs on a fixed date over a fixed history, with animations off, so the SVGs
only change when the screens do. Update one only after looking at it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from textual.pilot import Pilot

from liftlog.service.log import Log
from liftlog.tui.app import LiftlogApp

from .conftest import TODAY
from .helpers import settle
from .seed import seed_history

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Snap = Callable[..., bool]


@pytest.fixture
def seeded(ctx: Log) -> Log:
    seed_history(ctx)
    return ctx


def before(*keys: str, theme: str | None = None) -> Callable[[Pilot[Any]], Any]:
    async def run(pilot: Pilot[Any]) -> None:
        if theme:
            pilot.app.theme = theme
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run


def snap(snap_compare: Snap, ctx: Log, size: tuple[int, int], keys: Iterable[str] = (),
         theme: str | None = None, today: dt.date = TODAY) -> bool:  # fmt: skip
    app = LiftlogApp(ctx, today=today)
    return snap_compare(app, terminal_size=size, run_before=before(*keys, theme=theme))


@pytest.mark.parametrize("size", SIZES)
class TestToday:
    def test_prescription(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        assert snap(snap_compare, seeded, size)

    def test_after_logging_two_sets(
        self, snap_compare: Snap, seeded: Log, size: tuple[int, int]
    ) -> None:
        assert snap(snap_compare, seeded, size, keys=["enter", "7", "enter", "space"])

    def test_stop_day(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        assert snap(snap_compare, seeded, size, today=TODAY + dt.timedelta(days=62))


def test_today_light_theme(snap_compare: Snap, seeded: Log) -> None:
    assert snap(snap_compare, seeded, (80, 24), theme="textual-light")


@pytest.mark.parametrize("size", SIZES)
class TestHistory:
    def test_sessions(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        assert snap(snap_compare, seeded, size, keys=["h"])

    def test_exercise(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        assert snap(snap_compare, seeded, size, keys=["h", "enter"])


@pytest.mark.parametrize("size", SIZES)
class TestOtherScreens:
    def test_season(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        assert snap(snap_compare, seeded, size, keys=["s"])

    def test_profile(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        assert snap(snap_compare, seeded, size, keys=["p"])

    def test_exercises(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        assert snap(snap_compare, seeded, size, keys=["x"])

    def test_help(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        assert snap(snap_compare, seeded, size, keys=["question_mark"])
