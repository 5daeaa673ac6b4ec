"""Pilot tests of what every screen shares: help, the command palette, export, quit."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from liftlog.service.log import Log
from liftlog.tui.app import LiftlogApp
from liftlog.tui.keys import all_actions
from liftlog.tui.screens.help import HelpScreen

from .conftest import TODAY
from .helpers import settle


async def test_every_action_has_a_description_tooltip_and_id(ctx: Log) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    actions = all_actions(app)
    assert {a.section for a in actions} == {
        "Everywhere", "Today", "History", "Season", "Profile", "Exercises"
    }  # fmt: skip
    for action in actions:
        assert action.binding.description and action.binding.tooltip and action.binding.id
    commands = [a.command for a in actions]
    assert len(commands) == len(set(commands))
    assert "export: CSV" in commands and "today: undo" in commands


async def test_question_mark_and_f1_open_help(ctx: Log) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_palette_runs_another_screens_action(ctx: Log) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"season: add race")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "season"
        assert type(app.screen).__name__ == "RaceForm"


async def test_export_csv_writes_the_log(ctx: Log, tmp_path: Path) -> None:
    with ctx.conn:
        ctx.conn.execute(
            "INSERT INTO workout (athlete_id, date, started_at, name, notes)"
            " VALUES (1, '2027-01-01', '2027-01-01 18:00:00', '', '')"
        )
        ctx.conn.execute(
            "INSERT INTO workout_set (athlete_id, workout_id, exercise_id, position, kind,"
            " weight_kg, reps, note, logged_at) VALUES (1, 1, 1, 1, 'work', 60, 5, '',"
            " '2027-01-01 18:05:00')"
        )
    target = tmp_path / "out.csv"
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *str(target), "enter")
        await settle(pilot)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and "Back Squat" in lines[1]


async def test_q_quits(ctx: Log) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
