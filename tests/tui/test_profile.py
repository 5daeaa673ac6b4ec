"""Pilot tests of the Profile screen: bodyweight and kit, checked in the database."""

from __future__ import annotations

from collections.abc import Callable

from liftlog.service.log import Log
from liftlog.tui.app import LiftlogApp

from .conftest import TODAY
from .helpers import settle

Sql = Callable[..., list[tuple[object, ...]]]


async def test_log_a_bodyweight(ctx: Log, sql: Sql) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press(*"71.5", "enter")
        await settle(pilot)
        table = app.screen.query_one("#weights")
        assert table.row_count == 1  # type: ignore[attr-defined]
    assert sql("SELECT date, kg FROM bodyweight") == [(TODAY.isoformat(), 71.5)]


async def test_an_implausible_bodyweight_is_refused(ctx: Log, sql: Sql) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press(*"7", "enter")
        await settle(pilot)
        assert "not a plausible bodyweight" in str(app.screen.query_one("#form-error").render())
    assert sql("SELECT COUNT(*) FROM bodyweight") == [(0,)]


async def test_switching_to_pounds_saves_lb_kit(ctx: Log, sql: Sql) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        form = app.screen
        form.query_one("#units").value = "lb"  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.athlete.units == "lb"  # type: ignore[attr-defined]
    ((units, bar),) = sql("SELECT units, bar_kg FROM athlete")
    assert units == "lb" and round(float(bar), 2) == 20.41  # type: ignore[arg-type]
