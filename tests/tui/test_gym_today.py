"""Pilot tests of issue 11 on Today (items 1–7): last time, typing a SET, fixing any
set, the large current set and rest, counters, records and the summary, no-lift days.

Each drives the real app with keys on a real database file and checks what is shown
and what is on disk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from textual.widgets import Digits, Static

from liftlog.inputs import parse_set
from liftlog.service.exercises import find_exercise
from liftlog.service.log import Log
from liftlog.service.races import save_race
from liftlog.service.sets import log_sets
from liftlog.tui.app import LiftlogApp
from liftlog.tui.dialogs.summary import SummaryDialog
from liftlog.tui.screens.today import TodayScreen
from liftlog.tui.widgets.glance import Glance
from liftlog.tui.widgets.rest_timer import RestBadge
from liftlog.tui.widgets.set_list import SetList

from .conftest import TODAY
from .helpers import settle
from .seed import seed_history

Sql = Callable[..., list[tuple[object, ...]]]
SETS = (
    "SELECT e.name, s.kind, s.side, s.weight_kg, s.reps, s.seconds, s.rpe, w.date, s.note"
    " FROM workout_set s JOIN exercise e ON e.id = s.exercise_id"
    " JOIN workout w ON w.id = s.workout_id WHERE w.date = ? ORDER BY s.id"
)
T = TODAY.isoformat()


@pytest.fixture
def seeded(ctx: Log) -> Log:
    seed_history(ctx)
    return ctx


def frozen(app: LiftlogApp, at: list[float] | None = None) -> list[float]:
    """Stop the app's clocks at `at[0]` (the test moves them by changing it)."""
    now = at if at is not None else [1000.0]
    app.rest.now = lambda: now[0]
    return now


def entry(app: LiftlogApp) -> str:
    return str(app.screen.query_one("#entry", Static).render())


def setlist(app: LiftlogApp) -> SetList:
    return app.screen.query_one(SetList)


def prompt(app: LiftlogApp, option_id: str) -> str:
    return setlist(app).get_option(option_id).prompt.plain  # type: ignore[union-attr]


def notes(app: LiftlogApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


async def log_prescribed(pilot: object, app: LiftlogApp, count: int) -> None:
    for _ in range(count):
        await pilot.press("enter")  # type: ignore[attr-defined]
        await settle(pilot)  # type: ignore[arg-type]


# --- item 1: last time ---------------------------------------------------------------


async def test_item1_each_exercise_shows_last_times_date_and_sets(seeded: Log) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        heading = prompt(app, "ex-0")
        assert heading.startswith("Back Squat")
        assert "last Sat 2 Jan: 67.5 × 8 8 8" in heading  # the seed's last session
        # at 120 columns each set row has last time's set beside it
        work = setlist(app).view.blocks[0].sets[4]  # type: ignore[union-attr]
        assert "last 67.5 × 8" in prompt(app, f"set-{work.key}")


# --- item 4: typing a SET never switches screens -------------------------------------


async def test_item4_a_set_typed_on_today_is_logged_and_today_stays(seeded: Log, sql: Sql) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"16x10", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await pilot.press(*"45s")  # `s` after a number is part of the SET, not Season
        assert isinstance(app.screen, TodayScreen)
        assert "45s" in entry(app)
    assert [(r[3], r[4]) for r in sql(SETS, T)] == [(16.0, 10)]


async def test_item4_screen_keys_act_only_when_nothing_is_typed(seeded: Log) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"62.5", "h", "p")  # letters outside the grammar: refused
        assert isinstance(app.screen, TodayScreen) and "62.5" in entry(app)
        await pilot.press("escape", "h")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "HistoryScreen"


async def test_item4_a_refused_entry_is_cleared(seeded: Log, sql: Sql) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*"999", "enter")
        assert "'999': reps must be between 1 and 100" in entry(app)
        await pilot.press(*"8@11", "enter")
        assert "'8@11'" in entry(app) and "9998" not in entry(app)
        await pilot.press(*"L:20x8", "enter")  # Back Squat has no sides
        assert "works both sides at once" in entry(app)
    assert sql(SETS, T) == []


# --- item 2: fixing any set ----------------------------------------------------------


async def test_item2_u_on_a_logged_row_deletes_that_row_and_says_so(seeded: Log, sql: Sql) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await log_prescribed(pilot, app, 3)  # warm-ups 1–3
        await pilot.press("up", "up", "up", "u")  # warm-up 1
        await settle(pilot)
        assert ("Deleted", "Removed Back Squat warm-up 1 (25 × 8).") in notes(app)
    assert [(r[1], r[3]) for r in sql(SETS, T)] == [("warmup", 40.0), ("warmup", 50.0)]


async def test_item2_u_on_an_open_row_removes_the_last_set_and_names_it(
    seeded: Log, sql: Sql
) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await log_prescribed(pilot, app, 2)
        await pilot.press("u")
        await settle(pilot)
        assert ("Deleted", "Removed Back Squat warmup set (40 × 6).") in notes(app)
        current = setlist(app).current
        assert current is not None and current.number == 2 and current.done is None
    assert [r[3] for r in sql(SETS, T)] == [25.0]


async def test_item2_a_set_typed_over_a_logged_row_changes_it(seeded: Log, sql: Sql) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await log_prescribed(pilot, app, 6)  # 4 warm-ups, sets 1 and 2
        await pilot.press("up", "up", "7", "enter")  # set 1, logged 2 sets ago: 7 reps
        await settle(pilot)
        assert "✓ set 1       7 × 67.5 kg" in prompt(app, f"set-{setlist(app).current.key}")  # type: ignore[union-attr]
    work = [(r[3], r[4]) for r in sql(SETS, T) if r[1] == "work"]
    assert work == [(67.5, 7), (67.5, 8)]


async def test_item2_e_changes_kind_note_and_day_or_deletes(seeded: Log, sql: Sql) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await log_prescribed(pilot, app, 5)  # 4 warm-ups and set 1
        await pilot.press("up", "e")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#set").value = "65x6@9"  # type: ignore[attr-defined]
        dialog.query_one("#note").value = "[bold]grinder[/]"  # type: ignore[attr-defined]
        dialog.query_one("#kind").value = "failure"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert sql(SETS, T)[-1][1:] == ("failure", None, 65.0, 6, None, 9.0, T, "[bold]grinder[/]")
        current = setlist(app).current
        assert current is not None and current.done is not None
        assert "“[bold]grinder[/]”" in prompt(app, f"set-{current.key}")  # shown as typed
        await pilot.press("e", "ctrl+d")
        await settle(pilot)
    assert [r[1] for r in sql(SETS, T)] == ["warmup"] * 4


async def test_item2_a_set_logged_3_sets_ago_is_4_keys_plus_the_set_away(
    seeded: Log, sql: Sql
) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await log_prescribed(pilot, app, 7)  # warm-ups, sets 1–3: on to the next exercise
        current = setlist(app).current
        assert current is not None and current.exercise != "Back Squat"
        await pilot.press("up", "up", "up", *"62.5x7", "enter")  # set 1, 3 sets ago
        await settle(pilot)
    work = [(r[3], r[4]) for r in sql(SETS, T) if r[0] == "Back Squat" and r[1] == "work"]
    assert work == [(62.5, 7), (67.5, 8), (67.5, 8)]


# --- item 3: glanceable --------------------------------------------------------------


async def test_item3_the_current_set_and_the_rest_are_large_digits(seeded: Log) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        frozen(app)
        await settle(pilot)
        assert app.screen.query_one("#glance-set", Digits).value == "25x8"
        await log_prescribed(pilot, app, 5)  # warm-ups, set 1: the rest starts
        assert app.screen.query_one("#glance-set", Digits).value == "67.5x8"
        assert app.screen.query_one("#glance-rest", Digits).value == "2:00"
        what = str(app.screen.query_one("#glance-rest-what", Static).render())
        assert "next: Back Squat set 2" in what


def test_item3_a_clock_tick_before_the_glance_is_built_draws_nothing_and_never_crashes() -> None:
    """The app's rest clock ticks on its own timer: a tick can reach Today's glance
    panel after it joined the screen and before its parts were mounted (once, the
    app stopped with NoMatches)."""
    glance = Glance()
    glance.refresh_clock()  # no parts yet: nothing to draw, no error


async def test_item3_the_rest_timer_is_on_every_screen(seeded: Log) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        frozen(app)
        await settle(pilot)
        await log_prescribed(pilot, app, 5)
        for key in ("h", "s", "p", "x"):
            await pilot.press(key)
            await settle(pilot)
            badge = app.screen.query_one(RestBadge)
            assert badge.display and "rest 2:00" in str(badge.render()), key
        await pilot.press("t", "space", "h")
        await settle(pilot)
        assert not app.screen.query_one(RestBadge).display


async def test_item3_the_why_is_one_line_until_i_opens_it(seeded: Log) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        folded = prompt(app, "ex-0").splitlines()
        assert len(folded) == 3 and folded[1].endswith("… i")  # name, why, last time
        await pilot.press("i")  # the cursor is on Back Squat's first set
        opened = prompt(app, "ex-0")
        assert "… i" not in opened and "if every work set reaches 8 reps." in opened
        await pilot.press("i")
        assert prompt(app, "ex-0").splitlines() == folded


async def test_item3_after_every_prescribed_set_the_next_one_is_in_view(
    seeded: Log, sql: Sql
) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        frozen(app)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.view is not None
        sets = setlist(app)
        logged = 0
        while screen.view.prescribed_left():
            await pilot.press("space" if logged % 2 else "enter")
            if logged % 2:
                await pilot.press("enter")
            await settle(pilot)
            logged += 1
            if not screen.view.prescribed_left():
                break
            line = sets._index_to_line[sets.highlighted]  # type: ignore[index]
            assert sets.scroll_y <= line < sets.scroll_y + sets.scrollable_content_region.height
            current = sets.current
            assert current is not None and current.is_open and not current.extra
        await settle(pilot)
        assert isinstance(app.screen, SummaryDialog)  # the last set brings the summary
        assert not app.rest.running  # and no rest after it
    assert len(sql(SETS, T)) == logged


# --- item 5: counters that follow ----------------------------------------------------


async def test_item5_counters_follow_what_is_logged(seeded: Log) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        frozen(app)
        await settle(pilot)
        season = app.screen.query_one("#season", Static)
        assert "0 of 1–2 sessions this week" in str(season.render())
        await log_prescribed(pilot, app, 5)
        assert "1 of 1–2 sessions this week" in str(season.render())
        await log_prescribed(pilot, app, 2)  # sets 2 and 3: the rest says the next warm-up
        assert app.rest.next_label == "Rear-Foot-Elevated Split Squat warm-up 1"
        await log_prescribed(pilot, app, 1)  # that warm-up: "next" follows
        assert app.rest.next_label == "Rear-Foot-Elevated Split Squat set 1 L"
        panel = app.screen.query_one("#session")
        count = len(app.screen.view.blocks)  # type: ignore[attr-defined]
        assert panel.border_subtitle == f"{count} exercises"
        await pilot.press("a", *"calf", "enter")
        await settle(pilot)
        assert panel.border_subtitle == f"{count + 1} exercises"


# --- item 6: records and the summary -------------------------------------------------


async def test_item6_a_record_is_announced_when_it_is_logged(seeded: Log) -> None:
    app = LiftlogApp(seeded, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await log_prescribed(pilot, app, 4)
        await pilot.press(*"70x8", "enter")
        await settle(pilot)
        said = dict(notes(app))
        assert "New record (R12)" in said
        assert "Back Squat: heaviest for 8 reps: 70 kg (was 67.5 kg)" in said["New record (R12)"]


async def test_item6_the_summary_follows_the_last_prescribed_set(
    with_bodyweight: Log, sql: Sql
) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.view is not None
        while screen.view.prescribed_left():
            await pilot.press("enter")
            await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, SummaryDialog)
        body = str(app.screen.query_one("#summary-body", Static).render())
        work = [r for r in sql(SETS, T) if r[1] != "warmup"]
        volume = sum(float(r[3]) * int(r[4]) for r in work if r[4])  # type: ignore[arg-type]
        assert body.startswith(f"{len(work)} sets (+") and f"volume {volume:g} kg" in body
        assert "  Back Squat: 2 sets, 480 kg" in body  # FORM: 2 × 12 at the bar (R1)
        assert "Next time (" in body and "Back Squat — FORM: 2 × 10–12 at 20 kg" in body
        await pilot.press("enter")
        await pilot.press("S")  # the summary again, on demand
        await settle(pilot)
        assert isinstance(app.screen, SummaryDialog)


# --- item 7: no-lift days ------------------------------------------------------------


async def test_item7_a_day_without_lifting_shows_its_sets_and_logs_free_form(
    with_bodyweight: Log, sql: Sql
) -> None:
    save_race(with_bodyweight, name="Valencia", priority="A", date=TODAY + dt.timedelta(days=7))
    calf = find_exercise(with_bodyweight, "Calf Raise")
    log_sets(with_bodyweight, calf, [parse_set("x15")], date=TODAY)
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert setlist(app).display
        assert "No lifting today (STOP)" in str(app.screen.query_one("#warnings", Static).render())
        assert "✓ set 1" in prompt(app, f"set-{setlist(app).view.blocks[0].sets[0].key}")  # type: ignore[union-attr]
        await pilot.press(*"20", "enter")  # the open slot: another set of calf raises
        await settle(pilot)
        await pilot.press("a", *"plank", "enter")
        await settle(pilot)
        await pilot.press(*"45", "enter")  # a plank is timed: 45 s
        await settle(pilot)
    assert [(r[0], r[4], r[5]) for r in sql(SETS, T)] == [
        ("Calf Raise", 15, None),
        ("Calf Raise", 20, None),
        ("Plank", None, 45),
    ]
