"""The app's `import: CSV`: a preview of what the file would add (a dry run, nothing
written), then the import on the app's writer; a file with invalid rows offers to
import the valid ones (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Button, Static

from liftlog.service.log import Log
from liftlog.tui.app import LiftlogApp
from liftlog.tui.dialogs.import_dialog import ImportDialog, ImportForm

from .conftest import TODAY
from .helpers import settle

DATA = Path(__file__).parents[1] / "data" / "csv"
Sql = Callable[..., list[tuple[object, ...]]]


def shown(app: LiftlogApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_import(app: LiftlogApp, pilot: object, path: Path) -> None:
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("ctrl+o")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, ImportForm)
    await pilot.press(*str(path), "enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, ImportDialog)


async def test_the_preview_says_what_the_import_would_do_then_it_does_it(
    ctx: Log, sql: Sql
) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await open_import(app, pilot, DATA / "strong_comma_lb.csv")
        preview = shown(app, "#import-preview")
        assert "Would import 8 sets in 2 workouts (2 new) from strong_comma_lb.csv" in preview
        assert "Weights read in lb" in preview and "135, 225 and 315" in preview
        assert "New exercises, now your own (1): Bench Press (Barbell) (barbell)." in preview
        assert sql("SELECT count(*) FROM workout_set") == [(0,)]  # nothing yet
        import_button = app.screen.query_one("#import", Button)
        assert not import_button.disabled
        await pilot.click("#import")
        await settle(pilot)
        assert not isinstance(app.screen, ImportDialog)
    assert sql("SELECT count(*) FROM workout_set") == [(8,)]
    assert sql("SELECT units FROM athlete") == [("lb",)]
    assert app.athlete.units == "lb"  # the screens show pounds from now on
    assert sql("SELECT count(*) FROM import_batch") == [(1,)]


async def test_a_file_with_invalid_rows_offers_the_valid_ones(
    ctx: Log, sql: Sql, tmp_path: Path
) -> None:
    header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
    good = "2023-09-01,Barbell Squat,Legs,100,kgs,5,,,,\n"
    path = tmp_path / "typo.csv"
    path.write_text(header + good + good.replace(",5,", ",877777,") + good)
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await open_import(app, pilot, path)
        assert "typo.csv has 1 invalid row" in shown(app, "#import-status")
        assert "line 3: reps 877777 must be between 1 and 100" in shown(app, "#import-preview")
        assert app.screen.query_one("#import", Button).disabled
        await pilot.click("#skip")
        await settle(pilot)
        assert "Would import 2 sets" in shown(app, "#import-preview")
        assert "Skipped 1 invalid row, as asked:" in shown(app, "#import-preview")
        await pilot.click("#import")
        await settle(pilot)
    assert sql("SELECT count(*) FROM workout_set") == [(2,)]


async def test_cancel_imports_nothing(ctx: Log, sql: Sql) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await open_import(app, pilot, DATA / "hevy_metric.csv")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ImportDialog)
    assert sql("SELECT count(*) FROM workout_set") == [(0,)]


async def test_the_form_refuses_a_file_that_is_not_there(ctx: Log, tmp_path: Path) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press(*str(tmp_path / "nope.csv"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportForm)
        assert "nope.csv is not there." in shown(app, "#form-error")
