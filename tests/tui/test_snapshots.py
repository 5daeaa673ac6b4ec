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

from liftlog.inputs import parse_set
from liftlog.service.exercises import list_exercises
from liftlog.service.log import Log
from liftlog.service.sets import log_sets
from liftlog.tui.app import LiftlogApp
from liftlog.tui.screens.history import HistoryScreen

from .conftest import TODAY
from .helpers import settle
from .seed import seed_history

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Snap = Callable[..., bool]


@pytest.fixture
def seeded(ctx: Log) -> Log:
    seed_history(ctx)
    return ctx


def before(
    *keys: str, theme: str | None = None, then: Callable[[Pilot[Any]], Any] | None = None
) -> Callable[[Pilot[Any]], Any]:
    async def run(pilot: Pilot[Any]) -> None:
        if theme:
            pilot.app.theme = theme
        pilot.app.rest.now = lambda: 1000.0  # the rest clock stands still
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        if then is not None:
            await then(pilot)
            await settle(pilot)

    return run


def snap(snap_compare: Snap, ctx: Log, size: tuple[int, int], keys: Iterable[str] = (),
         theme: str | None = None, today: dt.date = TODAY,
         then: Callable[[Pilot[Any]], Any] | None = None) -> bool:  # fmt: skip
    app = LiftlogApp(ctx, today=today)
    return snap_compare(app, terminal_size=size, run_before=before(*keys, theme=theme, then=then))


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


WARM_UPS = ["enter"] * 4


def log_day(ctx: Log, day: dt.date, plan: dict[str, list[str]]) -> None:
    """Sets of `day`, logged a minute apart from 18:00 (so the summary's time is fixed)."""
    rows = {row.name: row for row in list_exercises(ctx)}
    for name, sets in plan.items():
        log_sets(ctx, rows[name], [parse_set(s) for s in sets], date=day)
    with ctx.conn:
        ids = [i for (i,) in ctx.conn.execute(
            "SELECT s.id FROM workout_set s JOIN workout w ON w.id = s.workout_id"
            " WHERE w.date = ? ORDER BY s.id", (day.isoformat(),))]  # fmt: skip
        for n, set_id in enumerate(ids):
            ctx.conn.execute(
                "UPDATE workout_set SET logged_at = ? WHERE id = ?",
                (f"{day} 18:{n:02d}:00", set_id),
            )


@pytest.mark.parametrize("size", SIZES)
class TestGymFloor:
    """Issue 11: last time, the large current set and rest, a record, the summary, a
    day without lifting that has sets, History's L / R column."""

    def test_current_set_and_rest_large(
        self, snap_compare: Snap, seeded: Log, size: tuple[int, int]
    ) -> None:
        assert snap(snap_compare, seeded, size, keys=[*WARM_UPS, "enter"])

    def test_record_announced(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        assert snap(snap_compare, seeded, size, keys=[*WARM_UPS, *"70x8", "enter"])

    def test_session_summary(self, snap_compare: Snap, seeded: Log, size: tuple[int, int]) -> None:
        squat, split = ["70x8", "70x8", "70x7"], ["L:16x10", "R:16x10"]
        log_day(seeded, TODAY, {"Back Squat": squat, "Rear-Foot-Elevated Split Squat": split})
        assert snap(snap_compare, seeded, size, keys=["S"])

    def test_no_lift_day_with_sets(
        self, snap_compare: Snap, seeded: Log, size: tuple[int, int]
    ) -> None:
        stop_day = TODAY + dt.timedelta(days=62)  # 8 days before the A race: STOP
        log_day(seeded, stop_day, {"Calf Raise": ["x15", "x15"], "Plank": ["45s"]})
        assert snap(snap_compare, seeded, size, today=stop_day)

    def test_history_imbalance_column(
        self, snap_compare: Snap, seeded: Log, size: tuple[int, int]
    ) -> None:
        async def split_squat(pilot: Pilot[Any]) -> None:
            screen = pilot.app.screen
            assert isinstance(screen, HistoryScreen)
            screen.show_exercise("Split Squat")

        assert snap(snap_compare, seeded, size, keys=["h"], then=split_squat)


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
