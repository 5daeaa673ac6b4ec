"""Pilot tests of the Season screen: races and the run week, checked in the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.widgets import Static

from liftlog.service.log import Log
from liftlog.tui.app import LiftlogApp
from liftlog.tui.widgets.season_line import SeasonLine
from liftlog.tui.widgets.timeline import Timeline

from .conftest import TODAY
from .helpers import settle

Sql = Callable[..., list[tuple[object, ...]]]


async def test_adding_an_a_race_changes_the_season(with_bodyweight: Log, sql: Sql) -> None:
    race_day = TODAY + dt.timedelta(days=60)
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "GENERAL" in str(app.screen.query_one(SeasonLine).render())
        await pilot.press("s")
        await settle(pilot)
        assert "GENERAL" in str(app.screen.query_one("#season-now", Static).render())
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Rotterdam Marathon", "tab", *race_day.isoformat(), "enter")
        await settle(pilot)
        assert "SPECIFIC" in str(app.screen.query_one("#season-now", Static).render())
        phases = [seg.phase for seg in app.screen.query_one(Timeline).segments]
        assert phases == ["SPECIFIC", "TAPER", "STOP", "RECOVERY"]
        await pilot.press("t")
        await settle(pilot)
        line = str(app.screen.query_one(SeasonLine).render())
        assert "SPECIFIC" in line and "Rotterdam Marathon (A) in 60 days" in line
    assert sql("SELECT name, date, priority FROM race") == [
        ("Rotterdam Marathon", race_day.isoformat(), "A")
    ]


async def test_edit_and_delete_a_race(with_bodyweight: Log, sql: Sql) -> None:
    with with_bodyweight.conn:
        with_bodyweight.conn.execute(
            "INSERT INTO race (athlete_id, name, date, priority) VALUES (1, 'Parkrun', ?, 'C')",
            ((TODAY + dt.timedelta(days=20)).isoformat(),),
        )
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"Parkrun PB", "enter")
        await settle(pilot)
        assert sql("SELECT name, priority FROM race") == [("Parkrun PB", "C")]
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert sql("SELECT COUNT(*) FROM race") == [(0,)]


async def test_run_week_is_saved(with_bodyweight: Log, sql: Sql) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("r", "right", "space", "right", "right", "space", "space")
        await settle(pilot)
    assert sql("SELECT run_template FROM athlete") == [('{"1": "hard", "3": "easy"}',)]
