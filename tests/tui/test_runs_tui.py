"""Runs in the app (R22): the Season screen's strip of recent weeks, Today's "after your run"."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from liftlog.service.log import Log
from liftlog.service.runs import import_runs
from liftlog.tui.app import LiftlogApp
from liftlog.tui.widgets.run_strip import RunStrip
from liftlog.tui.widgets.season_line import SeasonLine
from tests.unit.runs.runs_support import Activity, fit_file

from .conftest import TODAY
from .helpers import settle


def _morning(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(6, 30), tzinfo=dt.UTC)


def _import(log: Log, folder: Path, runs: dict[str, Activity]) -> None:
    folder.mkdir()
    for name, activity in runs.items():
        (folder / f"{name}.fit").write_bytes(fit_file(activity))
    result = import_runs(log, [folder], zone=dt.UTC)
    assert result.added == len(runs)


async def test_the_season_strip_shows_last_weeks_runs_hard_or_easy_and_lifts(
    with_bodyweight: Log, tmp_path: Path
) -> None:
    monday = TODAY - dt.timedelta(days=TODAY.weekday())  # TODAY is a Tuesday
    easy = Activity(avg_hr=None, max_hr=None, aerobic_te=2.1, anaerobic_te=0.5, elapsed_s=1800)
    _import(
        with_bodyweight,
        tmp_path / "watch",
        {
            # last week's Tuesday: 80 minutes, hard by R22's first clause
            "long": dataclasses.replace(
                easy, start=_morning(monday - dt.timedelta(days=6)), elapsed_s=80 * 60, serial=1
            ),
            "easy": dataclasses.replace(easy, start=_morning(monday), serial=2),
        },
    )
    with with_bodyweight.conn:  # a strength session last Thursday
        with_bodyweight.conn.execute(
            "INSERT INTO workout (athlete_id, date, started_at, name, notes)"
            " VALUES (1, ?, ?, '', '')",
            (
                (monday - dt.timedelta(days=4)).isoformat(),
                f"{monday - dt.timedelta(days=4)} 18:00:00",
            ),
        )
        with_bodyweight.conn.execute(
            "INSERT INTO workout_set (athlete_id, workout_id, exercise_id, position, kind,"
            " weight_kg, reps, note, logged_at) SELECT 1, w.id, e.id, 1, 'work', 60, 5, '', ?"
            " FROM workout w, exercise e WHERE e.name = 'Back Squat'",
            (f"{monday - dt.timedelta(days=4)} 18:05:00",),
        )
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        lines = str(app.screen.query_one(RunStrip).render()).splitlines()
    assert lines[0] == "Last 4 weeks: your runs (R22), + a strength session"
    last_week, this_week = lines[3], lines[4]
    assert last_week.split() == ["·", "hard", "·", "·+", "·", "·", "·", "28", "Dec"]
    assert this_week.split() == ["easy", "·", "·", "·", "·", "·", "·", "4", "Jan"]


async def test_today_says_after_your_run_on_a_hard_run_day(
    with_bodyweight: Log, tmp_path: Path
) -> None:
    tempo = Activity(start=_morning(TODAY), elapsed_s=50 * 60, aerobic_te=3.7, avg_hr=None,
                     max_hr=None)  # fmt: skip
    _import(with_bodyweight, tmp_path / "watch", {"tempo": tempo})
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one(SeasonLine).render())
    assert "After your run: 'running' (aerobic training effect 3.7 ≥ 3.5)" in text
    assert "lift later today (R19)" in text


async def test_today_says_nothing_of_an_easy_run(with_bodyweight: Log, tmp_path: Path) -> None:
    jog = Activity(start=_morning(TODAY), elapsed_s=30 * 60, aerobic_te=2.0, anaerobic_te=0.3,
                   avg_hr=None, max_hr=None)  # fmt: skip
    _import(with_bodyweight, tmp_path / "watch", {"jog": jog})
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one(SeasonLine).render())
    assert "After your run" not in text
