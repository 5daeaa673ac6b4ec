"""Pilot tests of issue 11 items 8–11 and the help: unilateral and timed sets, History's
fixes and its R11 column, the CLI-only actions in the app, the cosmetics, units, and
every new action in the help screen and the command palette."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, Static, Tree

from liftlog.service.exercises import list_exercises
from liftlog.service.history import SessionSets
from liftlog.service.log import Log
from liftlog.service.profile import update_profile
from liftlog.service.races import save_race
from liftlog.service.season import Segment
from liftlog.tui.app import LiftlogApp
from liftlog.tui.dialogs.exercise_picker import ranked
from liftlog.tui.keys import all_actions
from liftlog.tui.screens.help import HelpScreen
from liftlog.tui.screens.history import HistoryScreen
from liftlog.tui.widgets.session_detail import SessionDetail
from liftlog.tui.widgets.timeline import bar_content

from .conftest import TODAY
from .helpers import screen_text, settle, wait_for
from .seed import seed_history
from .test_gym_today import SETS, T, frozen, prompt, setlist

Sql = Callable[..., list[tuple[object, ...]]]


# --- item 8: unilateral and timed sets -----------------------------------------------


async def test_item8_no_rest_between_the_two_sides_of_a_set(with_bodyweight: Log) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        frozen(app)
        await settle(pilot)
        await pilot.press("a", *"split squat", "enter")
        await settle(pilot)
        while setlist(app).current is not None and setlist(app).current.kind == "warmup":  # type: ignore[union-attr]
            await pilot.press("enter")
            await settle(pilot)
        await pilot.press("enter")  # set 1 L
        await settle(pilot)
        assert setlist(app).current.side == "R" and not app.rest.running  # type: ignore[union-attr]
        await pilot.press("enter")  # set 1 R: now the rest
        await settle(pilot)
        assert app.rest.running and app.rest.next_label == "Split Squat set 2 L"


async def test_item8_the_hold_timer_logs_the_seconds_held(with_bodyweight: Log, sql: Sql) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        now = frozen(app)
        await settle(pilot)
        await pilot.press("a", *"plank", "enter")
        await settle(pilot)
        current = setlist(app).current
        assert current is not None and current.exercise == "Plank" and current.timed
        await pilot.press("g")
        now[0] += 37.4
        await pilot.pause(0.6)
        assert app.screen.query_one("#glance-set").value == "0:37"  # type: ignore[attr-defined]
        await pilot.press("g")  # stop: logs what was held
        await settle(pilot)
        await pilot.press("g", "escape")  # the next set: started, then cancelled
        await settle(pilot)
    assert [(r[0], r[5]) for r in sql(SETS, T)] == [("Plank", 37)]


async def test_item8_history_shows_left_right_with_the_imbalance_and_its_flag(ctx: Log) -> None:
    seed_history(ctx)  # Split Squat: L 10 + 10, R 12 + 12 each session
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(170, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        screen.show_exercise("Split Squat")
        await settle(pilot)
        table = screen.query_one("#ex-sessions", DataTable)
        assert table.get_row_at(0)[-1] == "20 / 24  17% !"  # (24 − 20) / 24, above 10%
        records = str(screen.query_one("#records", Static).render())
        assert "Imbalance (R11) 17%" in records


# --- item 2 in History: any set of any day -------------------------------------------


async def test_item2_history_edits_and_deletes_a_set_of_an_older_day(ctx: Log, sql: Sql) -> None:
    seed_history(ctx)
    last = (TODAY - dt.timedelta(days=3)).isoformat()  # the seed's last session
    before = len(sql(SETS, last))
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("e")  # from the table: goes to the session's sets
        detail = app.screen.query_one(SessionDetail)
        assert detail.has_focus and detail.current is not None
        assert detail.current[0].kind == "warmup"
        await pilot.press("down", "e")  # Back Squat set 1
        await settle(pilot)
        app.screen.query_one("#set").value = "70x6"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("tab")
        detail = app.screen.query_one(SessionDetail)
        detail.focus()
        detail.highlighted = 3  # Back Squat warm-up, after the date and the heading… set 1
        await pilot.press("down", "u")  # set 2
        await settle(pilot)
    rows = sql(SETS, last)
    assert len(rows) == before - 1
    squat = [(r[3], r[4]) for r in rows if r[0] == "Back Squat" and r[1] == "work"]
    assert squat == [(70.0, 6), (67.5, 8)]


# --- item 9: what only the CLI could do ----------------------------------------------


async def test_item9_overrides_and_the_routine_from_the_exercises_screen(
    with_bodyweight: Log, sql: Sql
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("x")
        await settle(pilot)  # the cursor starts on Back Squat
        await pilot.press("o", "1")  # form is fine, move on
        await settle(pilot)
        await pilot.press("r", "2")  # drop it from the routine
        await settle(pilot)
        # the write, then the Details panel's reload: under load more than one settle
        await wait_for(
            pilot, lambda: "dropped from your routine" in screen_text(app), "the new routine"
        )
    overrides = "SELECT e.name, o.kind, o.date FROM lift_override o JOIN exercise e"
    assert sql(overrides + " ON e.id = o.exercise_id") == [("Back Squat", "advance", T)]
    routine = "SELECT e.name, r.action FROM routine_change r JOIN exercise e"
    assert sql(routine + " ON e.id = r.exercise_id") == [("Back Squat", "drop")]


async def test_item9_override_on_today_and_stop_days_on_profile(
    with_bodyweight: Log, sql: Sql
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o", "2")  # Back Squat: start over
        await settle(pilot)
        await pilot.press("p", "d")
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"21", "enter")
        await settle(pilot)
        assert "21 days" in str(app.screen.query_one("#kit", Static).render())
    assert sql("SELECT kind FROM lift_override") == [("restart",)]
    assert sql("SELECT stop_days FROM athlete") == [(21,)]


async def test_item9_logging_for_another_day_and_a_note(with_bodyweight: Log, sql: Sql) -> None:
    day = TODAY - dt.timedelta(days=2)
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d", "ctrl+a", "ctrl+k", *day.isoformat(), "enter")
        await settle(pilot)
        assert "another day" in str(app.screen.query_one("#session").border_title)
        await pilot.press("enter", "up", "e")
        await settle(pilot)
        app.screen.query_one("#note").value = "bar felt heavy"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [(r[7], r[8]) for r in sql(SETS, day.isoformat())] == [
        (day.isoformat(), "bar felt heavy")
    ]
    assert sql(SETS, T) == []


# --- item 10: cosmetics ----------------------------------------------------------------


def test_item10_the_timeline_never_cuts_a_phases_name() -> None:
    start = dt.date(2027, 1, 1)
    segments = [
        Segment("SPECIFIC", start, start + dt.timedelta(days=19), True, (1, 2), False),
        Segment(
            "SPECIFIC",
            start + dt.timedelta(days=20),
            start + dt.timedelta(days=25),
            True,
            (1, 2),
            True,
        ),
        Segment(
            "TAPER",
            start + dt.timedelta(days=26),
            start + dt.timedelta(days=39),
            True,
            (1, 1),
            True,
        ),
        Segment(
            "RECOVERY",
            start + dt.timedelta(days=40),
            start + dt.timedelta(days=46),
            False,
            (0, 0),
            False,
        ),
    ]
    words = bar_content(segments, 60).plain.split()
    assert words == ["SPECIFIC", "light", "TAPER", "REC"]
    assert bar_content(segments, 14).plain.split() == ["SPEC", "TAP"]  # short, never cut


def test_item10_add_exercise_finds_names_that_start_with_the_search_first(ctx: Log) -> None:
    found = [row.name for row in ranked(list_exercises(ctx), "split")]
    assert found[0] == "Split Squat" and found.index("Jumping Lunge") > 0


async def test_item10_history_lists_every_exercise_of_a_long_session(ctx: Log) -> None:
    seed_history(ctx)
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        detail = app.screen.query_one(SessionDetail)
        session = detail.session
        assert isinstance(session, SessionSets)
        names = {s.exercise for s in session.sets}
        shown = [o.prompt.plain for o in detail.options if o.disabled]  # type: ignore[union-attr]
        assert names <= set(shown) and detail.max_scroll_y > 0  # all there, scrolling


async def test_item10_the_cursor_reaches_every_set_after_an_exercise_is_added(
    with_bodyweight: Log,
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"calf raise", "enter")
        await settle(pilot)
        screen = app.screen
        visited = []
        while screen.view.prescribed_left():  # type: ignore[attr-defined]
            visited.append(setlist(app).current)
            await pilot.press("enter")
            await settle(pilot)
            while isinstance(app.screen, type(screen)) is False:
                await pilot.press("escape")
        planned = [s for s in screen.view.sets() if not s.extra]  # type: ignore[attr-defined]
        assert all(s.done is not None for s in planned)
        assert len(visited) == len(planned)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_item10_one_scrollbar_at_a_time_and_every_race_column_shown(
    ctx: Log, size: tuple[int, int]
) -> None:
    """The catalog scrolls only up and down (a long name is cut; Details shows it), and
    the races table's four columns fit its box beside its scrollbar."""
    seed_history(ctx)
    for year in range(2005, 2027):  # a long list of races, with long names
        save_race(ctx, name=f"City Half Marathon {year}", date=dt.date(year, 3, 5), priority="B")
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("x")
        await settle(pilot)
        catalog = app.screen.query_one("#catalog", Tree)
        assert catalog.show_vertical_scrollbar and not catalog.show_horizontal_scrollbar
        await pilot.press("s")
        await settle(pilot)
        races = app.screen.query_one("#races", DataTable)
        assert races.show_vertical_scrollbar and not races.show_horizontal_scrollbar
        assert races.virtual_size.width <= races.scrollable_content_region.width
        assert "City Half Marathon 2005" in screen_text(app)  # the first row, whole


# --- item 11: units --------------------------------------------------------------------


async def test_item11_pound_loads_are_whole_plate_loads_with_a_plates_line(
    with_bodyweight: Log, sql: Sql
) -> None:
    update_profile(with_bodyweight, units="lb")
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        view = setlist(app).view
        assert view is not None
        work = next(s for s in view.blocks[0].sets if s.kind == "work")
        row = prompt(app, f"set-{work.key}")
        assert "× 45 lb" in row and "bar only" in row  # the 45 lb bar, in lb
        await pilot.press("p")
        await settle(pilot)
        weights = app.screen.query_one("#weights", DataTable)
        assert weights.get_row_at(0)[1] == "154.3 lb"  # 70 kg, to one decimal


# --- every new action: help and palette ------------------------------------------------

NEW = {
    "today.edit", "today.hold", "today.why", "today.override", "today.day", "today.summary",
    "history.edit", "history.delete", "exercises.routine", "exercises.override",
    "profile.stop_days",
}  # fmt: skip


async def test_every_new_action_is_in_the_help_and_the_palette(ctx: Log) -> None:
    app = LiftlogApp(ctx, today=TODAY)
    actions = {a.binding.id: a for a in all_actions(app)}
    assert set(actions) >= NEW
    async with app.run_test(size=(160, 100)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(screen_text(app).split())
        for key in sorted(NEW):
            tooltip = actions[key].binding.tooltip
            assert tooltip and " ".join(tooltip.split()[:5]) in shown, key
        await pilot.press("escape", "ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"today: hold timer")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "today"


async def test_item8_history_records_most_reps_and_the_longest_hold(ctx: Log) -> None:
    seed_history(ctx)  # Push-Up 12, 11, 10 reps; Plank 40 s and 35 s, each session
    app = LiftlogApp(ctx, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        for name, record in (("Push-Up", "Most reps in a set 12"), ("Plank", "Longest hold 40 s")):
            screen.show_exercise(name)
            await settle(pilot)
            assert record in str(screen.query_one("#records", Static).render()), name
