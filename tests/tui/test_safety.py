"""Issue 10 in the app, under Pilot, on real files: hostile names are text on every
screen, Ctrl+E never writes onto the log and asks before replacing a file, other
programs' sets show up, a deleted or replaced log refuses to pretend, a long lock is
said in words. Each test names the issue's item (10.1 … 10.9)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Select, Tree

from liftlog.service.log import Log, open_log
from liftlog.store.db import StoreError
from liftlog.textsafe import visible
from liftlog.tui.app import LiftlogApp
from liftlog.tui.dialogs.confirm import Confirm
from liftlog.tui.widgets.set_list import SetList

from .conftest import TODAY
from .helpers import settle, wait_for
from .hostile import HOSTILE_RACE, OSC_NAME, RAW, seed_hostile

Sql = Callable[..., list[tuple[object, ...]]]
SETS = "SELECT e.name, s.kind, s.reps FROM workout_set s JOIN exercise e ON e.id = s.exercise_id"


def raw_on_screen(app: LiftlogApp) -> list[str]:
    """Control characters in what the screen shows (a screenshot keeps them as drawn)."""
    return RAW.findall(app.export_screenshot())


def notes(app: LiftlogApp) -> list[tuple[str, str, str]]:
    return [(n.title, n.message, n.severity) for n in app._notifications]


async def visit(pilot: Pilot[int], *keys: str) -> None:
    app = pilot.app
    assert isinstance(app, LiftlogApp)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
        assert app.is_running, key
        assert raw_on_screen(app) == [], f"after {key!r} on {type(app.screen).__name__}"


async def test_10_2_and_10_3_hostile_names_are_text_on_every_screen(ctx: Log) -> None:
    seed_hostile(ctx, TODAY)
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert raw_on_screen(app) == []
        prompts = [str(o.prompt) for o in app.screen.query_one(SetList).options]
        assert any("Row [bold red]X" in p for p in prompts)  # shown as typed, not styled
        assert any(visible(OSC_NAME) in p for p in prompts)  # escapes shown as escapes
        await visit(pilot, "end", "a", *"[/", "escape", "a", "enter", "w", "escape")
        await visit(pilot, "h", "enter", "v", "f", "escape", "v")
        shown = {str(prompt) for prompt, _ in app.screen.query_one("#exercise", Select)._options}
        assert {"[/]", "Lift [/] x", "Row [bold red]X", visible(OSC_NAME)} <= shown
        await visit(pilot, "s", "e", "escape", "d", "n")
        race_cell = app.screen.query_one("#races", DataTable).get_cell_at((0, 1))
        assert str(race_cell) == visible(HOSTILE_RACE)
        await visit(pilot, "x")
        tree = app.screen.query_one("#catalog", Tree)
        leaves = {str(n.label): n for n in tree.root.children[0].children}
        assert "Row [bold red]X ·yours" in leaves and f"{visible(OSC_NAME)} ·yours" in leaves
        for label in ("[/] ·yours", f"{visible(OSC_NAME)} ·yours"):
            tree.move_cursor(leaves[label])
            await settle(pilot)
            assert raw_on_screen(app) == []
        await visit(pilot, "p", "question_mark", "escape", "ctrl+p", *"[/", "escape")
        await visit(pilot, "t", "ctrl+e", "escape")
        assert app.is_running


async def test_10_3_an_unchanged_race_name_is_kept_exactly_as_stored(ctx: Log, sql: Sql) -> None:
    seed_hostile(ctx, TODAY)
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await visit(pilot, "s", "e", "ctrl+s")
    assert sql("SELECT name FROM race") == [(HOSTILE_RACE,)]


# --- 10.1 and 10.4: the app's export ----------------------------------------------


async def export_to(pilot: Pilot[int], target: Path) -> None:
    await pilot.press("ctrl+e")
    await settle(pilot)
    await pilot.press("ctrl+a", "ctrl+k", *str(target), "enter")
    await settle(pilot)


async def test_10_1_ctrl_e_onto_the_log_is_refused_in_the_form(
    with_bodyweight: Log, db_path: Path, sql: Sql
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # one set in the log
        await settle(pilot)
        for target in (db_path, Path(f"{db_path}-wal")):
            await export_to(pilot, target)
            error = str(app.screen.query_one("#form-error").render())
            assert "your log's own database file" in error
            await pilot.press("escape")
            await settle(pilot)
    assert db_path.read_bytes().startswith(b"SQLite format 3\x00")
    assert sql(SETS) == [("Back Squat", "warmup", 8)]


async def test_10_4_ctrl_e_onto_a_file_that_is_there_asks_first(
    with_bodyweight: Log, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("keep me\n")
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await export_to(pilot, target)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text() == "keep me\n"
        await export_to(pilot, target)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
    assert target.read_text(encoding="utf-8").startswith("date,time,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert list(tmp_path.glob(".out.csv.*")) == []


# --- 10.5: other programs' writes ---------------------------------------------------


async def test_10_5_sets_another_program_logs_show_up_and_are_not_logged_twice(
    with_bodyweight: Log, db_path: Path, sql: Sql
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        sets = app.screen.query_one(SetList)
        assert sets.current is not None and sets.current.kind == "warmup"
        other = [sys.executable, "-m", "liftlog", "--db", str(db_path)]
        subprocess.run(
            [*other, "log", "Back Squat", "20x12", "--warmup", "20x8", "--date", TODAY.isoformat()],
            check=True,
            capture_output=True,
        )
        await wait_for(
            pilot,
            lambda: sets.current is not None and sets.current.number == 2,
            "Today to show the other program's sets as done",
        )
        await pilot.press("enter")  # the second work set, not the warm-up again
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert app.screen.query_one("#sessions", DataTable).row_count == 1
    assert sql(SETS) == [
        ("Back Squat", "warmup", 8),
        ("Back Squat", "work", 12),
        ("Back Squat", "work", 12),
    ]


# --- 10.6: the log deleted or replaced under the app ----------------------------------


@pytest.mark.parametrize("how", ["deleted", "replaced"])
async def test_10_6_a_log_deleted_or_replaced_is_said_and_no_set_shows_as_saved(
    with_bodyweight: Log, db_path: Path, tmp_path: Path, how: str
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        sets = app.screen.query_one(SetList)
        first = sets.current
        assert first is not None
        if how == "deleted":
            db_path.unlink()
        else:  # a sync tool puts another copy in its place
            copy = tmp_path / "copy.sqlite3"
            shutil.copyfile(db_path, copy)
            os.replace(copy, db_path)
        await pilot.press("enter")
        await settle(pilot)
        assert first.done is None and not first.pending  # not shown as saved
        (title, message, severity), *_ = notes(app)
        assert (title, severity) == ("Not saved", "error")
        assert f"was {how}" in message and "while liftlog had it open" in message
        assert message.endswith("the set was not saved.")
        await wait_for(pilot, lambda: len(notes(app)) == 2, "the watcher to say so")
        assert notes(app)[1][0] == "The log is gone"
    if how == "replaced":  # nothing went into the file now at the path
        assert sqlite3.connect(db_path).execute(SETS).fetchall() == []


# --- 10.9: a long lock --------------------------------------------------------------


async def test_10_9_a_long_lock_is_said_in_words(
    with_bodyweight: Log, db_path: Path, sql: Sql, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("liftlog.store.db.BUSY_TIMEOUT_MS", 200)
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            await pilot.press("enter")
            await settle(pilot)
        finally:
            other.rollback()
            other.close()
        assert notes(app) == [
            (
                "Not saved",
                "Back Squat warm-up 1: the log is busy in another program; the set was not saved.",
                "error",
            )
        ]
        current = app.screen.query_one(SetList).current
        assert current is not None and current.done is None
    assert sql(SETS) == []


def test_10_6_reads_never_make_a_new_file_where_the_log_was(db_path: Path) -> None:
    log = open_log(db_path)
    try:
        db_path.unlink()
        with pytest.raises(StoreError, match="was deleted while liftlog had it open"):
            log.db.connect()  # as a reading worker does
        assert not db_path.exists()
    finally:
        log.close()


async def test_10_9_a_read_only_log_is_said_at_start_and_refuses_sets(
    with_bodyweight: Log, db_path: Path, sql: Sql
) -> None:
    # as `open_database` opens a file it may not write (the tests run as root, who may)
    with_bodyweight.db.read_only = True
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert notes(app) == [
            (
                "Read-only log",
                f"{db_path} is read-only: liftlog can show it but not change it.",
                "warning",
            )
        ]
        await pilot.press("enter")
        await settle(pilot)
        title, message, severity = notes(app)[-1]
        assert (title, severity) == ("Not saved", "error")
        assert "is read-only" in message and message.endswith("the set was not saved.")
        current = app.screen.query_one(SetList).current
        assert current is not None and current.done is None
    assert sql(SETS) == []
