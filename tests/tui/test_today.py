"""Pilot tests of the Today screen: each logs through the keys and checks the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.widgets import Static

from liftlog.service.log import Log
from liftlog.tui.app import LiftlogApp
from liftlog.tui.widgets.set_list import SetList

from .conftest import TODAY
from .helpers import settle

Sql = Callable[..., list[tuple[object, ...]]]

SETS = (
    "SELECT e.name, s.kind, s.side, s.weight_kg, s.reps, s.seconds, s.rpe, w.date"
    " FROM workout_set s JOIN exercise e ON e.id = s.exercise_id"
    " JOIN workout w ON w.id = s.workout_id ORDER BY s.id"
)


def entry_text(app: LiftlogApp) -> str:
    return str(app.screen.query_one("#entry", Static).render())


async def test_fresh_athlete_gets_back_squat_and_enter_logs_it(
    with_bodyweight: Log, sql: Sql
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        sets = app.screen.query_one(SetList)
        first = sets.current
        assert first is not None
        assert (first.exercise, first.kind) == ("Back Squat", "warmup")
        await pilot.press("enter")
        await settle(pilot)
        assert sets.current is not None and sets.current.kind == "work"
    assert sql(SETS) == [("Back Squat", "warmup", None, 20.0, 8, None, None, TODAY.isoformat())]


async def test_typed_reps_are_logged_instead_of_the_prescription(
    with_bodyweight: Log, sql: Sql
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the warm-up, as prescribed
        await pilot.press("9", "@", "8", "enter")  # first work set: 9 reps at RPE 8
        await settle(pilot)
    assert sql(SETS) == [
        ("Back Squat", "warmup", None, 20.0, 8, None, None, TODAY.isoformat()),
        ("Back Squat", "work", None, 20.0, 9, None, 8.0, TODAY.isoformat()),
    ]


async def test_bad_typed_input_says_why_and_writes_nothing(with_bodyweight: Log, sql: Sql) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("0", "enter")
        await settle(pilot)
        assert "reps must be between 1 and 100" in entry_text(app)
        await pilot.press("escape", "8", "@", "1", "1", "enter")
        await settle(pilot)
        assert "RPE" in entry_text(app)
    assert sql(SETS) == []


async def test_undo_removes_the_last_set(with_bodyweight: Log, sql: Sql) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert len(sql(SETS)) == 2
        await pilot.press("u")
        await settle(pilot)
        sets = app.screen.query_one(SetList)
        assert sets.current is not None and (sets.current.kind, sets.current.number) == ("work", 1)
    assert [row[1] for row in sql(SETS)] == ["warmup"]


async def test_edited_load_is_what_gets_logged(with_bodyweight: Log, sql: Sql) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "w")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"22.5", "enter")
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
    assert [(r[1], r[3], r[4]) for r in sql(SETS)] == [("work", 22.5, 12), ("work", 22.5, 12)]


async def test_a_unilateral_pair_weaker_side_first_then_matched(
    with_bodyweight: Log, sql: Sql
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"split squat", "enter")
        await settle(pilot)
        sets = app.screen.query_one(SetList)
        current = sets.current
        assert current is not None and current.exercise == "Split Squat"
        while sets.current is not None and sets.current.kind == "warmup":
            await pilot.press("enter")
        left = sets.current
        assert left is not None and left.side == "L"
        await pilot.press("7", "enter")  # the weaker side managed 7
        right = sets.current
        assert right is not None and right.side == "R" and right.target == 7
        await pilot.press("enter")  # the stronger side matches it
        await settle(pilot)
    work = [(r[0], r[2], r[4]) for r in sql(SETS) if r[1] == "work"]
    assert work == [("Split Squat", "L", 7), ("Split Squat", "R", 7)]


async def test_stop_day_says_no_lifting_and_when_it_resumes(with_bodyweight: Log, sql: Sql) -> None:
    race_day = TODAY + dt.timedelta(days=5)
    with with_bodyweight.conn:
        with_bodyweight.conn.execute(
            "INSERT INTO race (athlete_id, name, date, priority) VALUES (1, 'Valencia', ?, 'A')",
            (race_day.isoformat(),),
        )
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one("#no-lift", Static).render())
        assert "No lifting today" in text
        assert "R17" in text
        assert "resumes" in text
        await pilot.press("enter")
        await settle(pilot)
    assert sql(SETS) == []
