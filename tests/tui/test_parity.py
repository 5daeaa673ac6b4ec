"""One rule, two front ends: what the command line and the app take and refuse is the
same, because both call the same service and inputs functions (issue 9).

Each test does one thing through the real CLI (a subprocess) and through the real app
(Pilot) on two fresh logs, and compares what is then in each database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from liftlog.service.log import open_log
from liftlog.tui.app import LiftlogApp
from tests.integration.conftest import CLI

from .conftest import TODAY
from .helpers import settle


def rows(path: Path, query: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


@pytest.fixture
def two_logs(tmp_path: Path) -> tuple[CLI, Path]:
    """A log for the command line and a path for the app's (both fresh)."""
    return CLI(tmp_path / "cli.sqlite3"), tmp_path / "app.sqlite3"


def form_error(app: LiftlogApp) -> str:
    return str(app.screen.query_one("#form-error").render())


async def save_kit(path: Path, *, units: str | None = None, bar: str, plates: str) -> None:
    app = LiftlogApp(open_log(path), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        if units is not None:
            app.screen.query_one("#units", Select).value = units
            await settle(pilot)
        app.screen.query_one("#bar", Input).value = bar
        app.screen.query_one("#plates", Input).value = plates
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.screen.query("#form-error"), form_error(app)  # the form closed


KIT = "SELECT units, round(bar_kg, 4), plates FROM athlete"


@pytest.mark.parametrize("plates", ["25:4,20:2,1.25:2", "25x4 20x2 1.25x2"])
async def test_plates_are_typed_the_same_way_in_both(
    two_logs: tuple[CLI, Path], plates: str
) -> None:
    cli, app_db = two_logs
    cli.ok("profile", "--bar", "20", "--plates", plates)
    await save_kit(app_db, bar="20", plates=plates)
    expected = [("kg", 20.0, "[[25.0, 4], [20.0, 2], [1.25, 2]]")]
    assert rows(cli.db, KIT) == rows(app_db, KIT) == expected


async def test_a_bar_in_pounds_is_taken_by_both(two_logs: tuple[CLI, Path]) -> None:
    cli, app_db = two_logs
    cli.ok("profile", "--bar", "45lb", "--plates", "20:2")
    await save_kit(app_db, bar="45lb", plates="20:2")
    assert rows(cli.db, KIT) == rows(app_db, KIT) == [("kg", 20.4117, "[[20.0, 2]]")]


async def test_a_switch_to_pounds_brings_the_same_kit_in_both(
    two_logs: tuple[CLI, Path],
) -> None:
    cli, app_db = two_logs
    cli.ok("profile", "--units", "lb")
    app = LiftlogApp(open_log(app_db), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        app.screen.query_one("#units", Select).value = "lb"
        await settle(pilot)  # the form offers what the switch would set
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert rows(cli.db, KIT) == rows(app_db, KIT)
    assert rows(app_db, KIT)[0][:2] == ("lb", 20.4117)


async def test_a_bodyweight_in_pounds_is_taken_by_both(two_logs: tuple[CLI, Path]) -> None:
    cli, app_db = two_logs
    cli.ok("bodyweight", "154lb", "--date", TODAY.isoformat())
    app = LiftlogApp(open_log(app_db), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press(*"154lb", "enter")
        await settle(pilot)
    query = "SELECT date, round(kg, 4) FROM bodyweight"
    assert rows(cli.db, query) == rows(app_db, query) == [(TODAY.isoformat(), 69.8532)]


async def add_own_exercise(path: Path, name: str, equipment: str, step: str = "") -> str:
    """Add an exercise through the Exercises screen's form; the form's error, if any."""
    app = LiftlogApp(open_log(path), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#name", Input).value = name
        app.screen.query_one("#equipment", Select).value = equipment
        app.screen.query_one("#step", Input).value = step
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = form_error(app) if app.screen.query("#form-error") else ""
    return error


async def test_a_name_the_catalog_has_is_refused_by_both_with_the_same_words(
    two_logs: tuple[CLI, Path],
) -> None:
    cli, app_db = two_logs
    refused = cli("exercise", "add", "Push Up", "--equipment", "bodyweight")
    assert refused.code == 1
    said = await add_own_exercise(app_db, "Push Up", "bodyweight")
    assert said == "'Push Up' is already the name of Push-Up."
    assert refused.err == f"liftlog: {said}\n"
    own = "SELECT count(*) FROM exercise WHERE athlete_id IS NOT NULL"
    assert rows(cli.db, own) == rows(app_db, own) == [(0,)]


@pytest.mark.parametrize(
    ("equipment", "step", "start"),
    [("kettlebell", 4.0, 4.0), ("dumbbell", 2.0, 2.0), ("barbell", 5.0, None)],
)
async def test_an_own_exercise_gets_its_equipments_step_in_both(
    two_logs: tuple[CLI, Path], equipment: str, step: float, start: float | None
) -> None:
    cli, app_db = two_logs
    cli.ok("exercise", "add", "Zercher Squat", "--equipment", equipment)
    assert await add_own_exercise(app_db, "Zercher Squat", equipment) == ""
    query = "SELECT name, equipment, increment_kg, start_load_kg FROM exercise WHERE athlete_id"
    expected = [("Zercher Squat", equipment, step, start)]
    assert rows(cli.db, query) == rows(app_db, query) == expected


async def test_a_step_in_pounds_is_taken_by_both(two_logs: tuple[CLI, Path]) -> None:
    cli, app_db = two_logs
    cli.ok("exercise", "add", "Sled Push", "--equipment", "machine", "--increment", "10lb")
    assert await add_own_exercise(app_db, "Sled Push", "machine", "10lb") == ""
    query = "SELECT round(increment_kg, 4) FROM exercise WHERE athlete_id"
    assert rows(cli.db, query) == rows(app_db, query) == [(4.5359,)]
