"""Pilot tests of the History screen: sessions page by page, one exercise's records."""

from __future__ import annotations

import asyncio
import datetime as dt

from textual.widgets import DataTable, Static, Tabs
from textual.widgets._footer import FooterKey
from textual.widgets._tabs import Underline

from liftlog.service.history import PAGE_SIZE
from liftlog.service.log import Log
from liftlog.tui.app import LiftlogApp
from liftlog.tui.screens.history import HistoryScreen

from .conftest import TODAY
from .helpers import settle


def add_sessions(ctx: Log, count: int, exercise: str = "Back Squat") -> None:
    """`count` daily sessions ending yesterday: 3 × 5 at a load rising 0.5 kg a day."""
    conn = ctx.conn
    (ex_id,) = conn.execute("SELECT id FROM exercise WHERE name = ?", (exercise,)).fetchone()
    with conn:
        for i in range(count):
            day = TODAY - dt.timedelta(days=count - i)
            cur = conn.execute(
                "INSERT INTO workout (athlete_id, date, started_at, name, notes)"
                " VALUES (1, ?, ?, '', '')",
                (day.isoformat(), f"{day} 18:00:00"),
            )
            for pos in range(1, 4):
                conn.execute(
                    "INSERT INTO workout_set (athlete_id, workout_id, exercise_id, position, kind,"
                    " weight_kg, reps, note, logged_at) VALUES (1, ?, ?, ?, 'work', ?, ?, '', ?)",
                    (cur.lastrowid, ex_id, pos, 40 + i * 0.5, 5 if pos < 3 else 3, f"{day} 18:10"),
                )


async def test_sessions_newest_first_loaded_a_page_at_a_time(ctx: Log) -> None:
    add_sessions(ctx, PAGE_SIZE * 3)
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == PAGE_SIZE
        assert table.get_row_at(0)[0] == (TODAY - dt.timedelta(days=1)).isoformat()
        table.move_cursor(row=PAGE_SIZE - 1)
        await settle(pilot)
        assert table.row_count == PAGE_SIZE * 2
        assert table.get_row_at(PAGE_SIZE)[0] < table.get_row_at(PAGE_SIZE - 1)[0]


async def test_exercise_history_shows_records_and_a_table(ctx: Log) -> None:
    add_sessions(ctx, 10)
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")  # the newest session's first exercise
        await settle(pilot)
        table = app.screen.query_one("#ex-sessions", DataTable)
        assert table.row_count == 10
        assert table.get_row_at(0)[2] == "44.5×5"  # top set of the newest session
        records = str(app.screen.query_one("#records", Static).render())
        assert "44.5 kg" in records  # heaviest at 5 (and 3) reps
        assert "e1RM" in records


async def test_unilateral_imbalance_is_flagged(ctx: Log) -> None:
    conn = ctx.conn
    (ex_id,) = conn.execute("SELECT id FROM exercise WHERE name = 'Split Squat'").fetchone()
    day = TODAY - dt.timedelta(days=2)
    with conn:
        cur = conn.execute(
            "INSERT INTO workout (athlete_id, date, started_at, name, notes)"
            " VALUES (1, ?, ?, '', '')",
            (day.isoformat(), f"{day} 18:00:00"),
        )
        for pos, (side, reps) in enumerate([("L", 6), ("R", 8), ("L", 6), ("R", 8)], 1):
            conn.execute(
                "INSERT INTO workout_set (athlete_id, workout_id, exercise_id, position, kind,"
                " side, weight_kg, reps, note, logged_at) VALUES (1, ?, ?, ?, 'work', ?, 20, ?,"
                " '', ?)",
                (cur.lastrowid, ex_id, pos, side, reps, f"{day} 18:10"),
            )
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        table = app.screen.query_one("#ex-sessions", DataTable)
        assert table.get_row_at(0)[5] == "12 / 16  25% !"  # R11: (16 − 12) / 16
        records = str(app.screen.query_one("#records", Static).render())
        assert "Imbalance (R11) 25% — above 10%" in records


async def test_exercise_sessions_newest_first_loaded_a_page_at_a_time(ctx: Log) -> None:
    add_sessions(ctx, PAGE_SIZE * 2 + 5)
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        table = app.screen.query_one("#ex-sessions", DataTable)
        assert table.row_count == PAGE_SIZE
        table.move_cursor(row=PAGE_SIZE - 1)
        await settle(pilot)
        assert table.row_count == PAGE_SIZE * 2
        table.move_cursor(row=PAGE_SIZE * 2 - 1)
        await settle(pilot)
        assert table.row_count == PAGE_SIZE * 2 + 5
        dates = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert dates == sorted(dates, reverse=True) and len(set(dates)) == len(dates)
        assert table.get_row_at(table.row_count - 1)[2] == "40×5"  # the oldest session
        records = str(app.screen.query_one("#records", Static).render())
        # the heaviest 5 is the newest session's: 40 + 124 × 0.5 kg
        assert f"5 × {40 + (PAGE_SIZE * 2 + 4) * 0.5:g} kg" in " ".join(records.split())


async def test_the_view_switches_at_once_without_sliding_the_tab_underline(
    ctx: Log,
) -> None:
    add_sessions(ctx, 3)
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.animation_level = "full"  # what a user gets by default
        await pilot.press("h")
        await settle(pilot)
        tabs = app.screen.query_one("#views Tabs", Tabs)
        underline = tabs.query_one(Underline)
        for _ in range(2):  # to the exercise's view and back
            screen = app.screen
            assert isinstance(screen, HistoryScreen)
            screen.action_toggle_view()  # what `v` does, without waiting for idle
            tab = tabs.active_tab
            assert tab is not None
            span = tab.virtual_region.shrink(tab.styles.gutter).column_span
            assert (underline.highlight_start, underline.highlight_end) == span
            await asyncio.sleep(0.1)  # Textual's 0.3 s slide would be under way
            assert not app.animator.is_being_animated(underline, "highlight_start")
            assert (underline.highlight_start, underline.highlight_end) == span
            await settle(pilot)


async def test_switching_views_keeps_the_footer_it_does_not_need_to_rebuild(
    ctx: Log,
) -> None:
    add_sessions(ctx, 3)
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        keys = list(app.screen.query(FooterKey))
        assert "Sessions/Exercise" in [key.description for key in keys]
        await pilot.press("v")  # focus moves to the exercise's table: the same keys
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#ex-sessions")
        assert list(app.screen.query(FooterKey)) == keys
        await pilot.press("f")  # the exercise picker: its own keys
        await settle(pilot)
        assert list(app.screen.query(FooterKey)) != keys
