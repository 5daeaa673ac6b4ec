"""`export: FIT` in the app (issue 14 item 3, "and from the app"): a day's lifting as a
Garmin FIT activity — History's highlighted session's day, else today — with the same
refusals as the CLI, inline, and a question before a file is replaced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from garmin_fit_sdk import Decoder, Stream
from textual.widgets import Input, Static

from liftlog.service.log import Log
from liftlog.tui.app import LiftlogApp
from liftlog.tui.dialogs.confirm import Confirm
from liftlog.tui.dialogs.export import FitExportForm
from liftlog.tui.widgets.session_detail import SessionDetail

from .conftest import TODAY
from .helpers import settle
from .seed import seed_history


def _sets_on(log: Log, day: dt.date) -> list[tuple[object, ...]]:
    return log.conn.execute(
        "SELECT s.reps, s.weight_kg FROM workout_set s JOIN workout w ON w.id = s.workout_id"
        " WHERE w.date = ? ORDER BY w.started_at, s.position",
        (day.isoformat(),),
    ).fetchall()


async def _type_path(pilot: object, target: Path) -> None:
    await pilot.press("tab", "ctrl+a", "ctrl+k", *str(target), "enter")  # type: ignore[attr-defined]


async def test_history_s_session_goes_to_a_fit_file_that_decodes_to_its_sets(
    ctx: Log, tmp_path: Path
) -> None:
    seed_history(ctx)
    target = tmp_path / "session.fit"
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        session = app.screen.query_one(SessionDetail).session
        assert session is not None
        await pilot.press("ctrl+g")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FitExportForm)
        assert form.query_one("#day", Input).value == session.date.isoformat()
        await _type_path(pilot, target)
        await settle(pilot)
        assert not isinstance(app.screen, FitExportForm)
    messages, errors = Decoder(Stream.from_byte_array(bytearray(target.read_bytes()))).read()
    assert errors == []
    active = [s for s in messages["set_mesgs"] if s["set_type"] == "active"]
    assert [(s.get("repetitions"), s.get("weight") or 0.0) for s in active] == _sets_on(
        ctx, session.date
    )


async def test_a_day_with_nothing_logged_is_refused_inline_and_nothing_written(
    ctx: Log, tmp_path: Path
) -> None:
    target = tmp_path / "today.fit"
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        await _type_path(pilot, target)
        await settle(pilot)
        assert isinstance(app.screen, FitExportForm)  # still open, saying why
        error = str(app.screen.query_one("#form-error", Static).render())
        assert f"Nothing was logged on {TODAY.isoformat()}" in error
        await pilot.press("shift+tab", "ctrl+a", "ctrl+k", *"2027-02-30", "enter")
        await settle(pilot)
        assert "not a real date" in str(app.screen.query_one("#form-error", Static).render())
    assert not target.exists()


async def test_it_asks_before_replacing_a_file(ctx: Log, tmp_path: Path) -> None:
    seed_history(ctx)
    target = tmp_path / "there.fit"
    target.write_text("mine")
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        await _type_path(pilot, target)
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await settle(pilot)
    assert target.read_text() == "mine"
