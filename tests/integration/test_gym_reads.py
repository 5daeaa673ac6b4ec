"""The gym floor's reads on real files: last time (issue 11 item 1), records as they are
set (R12), the week's sessions, free-form exercises on a day without lifting, and the
session summary with what the coach changes next time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from liftlog.inputs import parse_set
from liftlog.service.exercises import find_exercise
from liftlog.service.log import Log, open_log
from liftlog.service.races import save_race
from liftlog.service.records import records_of_set
from liftlog.service.sets import log_sets
from liftlog.service.summary import next_time, session_summary
from liftlog.service.today import add_exercise_block, sessions_this_week, today_view

DAY = dt.date(2027, 1, 5)  # a Tuesday


@pytest.fixture
def log(db_path: Path) -> Iterator[Log]:
    opened = open_log(db_path)
    yield opened
    opened.close()


def lift(log: Log, name: str, *sets: str, day: dt.date, warmups: tuple[str, ...] = ()) -> list[int]:
    row = find_exercise(log, name)
    logged = log_sets(log, row, [parse_set(s) for s in sets], date=day,
                      warmups=[parse_set(s) for s in warmups])  # fmt: skip
    return list(logged.ids)


def test_last_time_is_the_last_session_before_the_day_without_warm_ups(log: Log) -> None:
    lift(log, "Back Squat", "40x8", day=DAY - dt.timedelta(days=7))
    lift(
        log,
        "Back Squat",
        "45x8",
        "45x7",
        "42.5x9",
        warmups=("20x8",),
        day=DAY - dt.timedelta(days=3),
    )
    lift(log, "Back Squat", "50x8", day=DAY)  # today's own set is not "last time"
    block = next(b for b in today_view(log, DAY).blocks if b.row.name == "Back Squat")
    assert block.last is not None
    assert block.last.date == DAY - dt.timedelta(days=3)
    assert [(s.weight_kg, s.reps) for s in block.last.sets] == [(45, 8), (45, 7), (42.5, 9)]


def test_a_set_that_beats_the_other_sessions_is_a_record(log: Log) -> None:
    lift(log, "Back Squat", "47.5x8", "47.5x8", day=DAY - dt.timedelta(days=4))
    first, second = lift(log, "Back Squat", "50x8", "50x8", day=DAY)
    records = records_of_set(log, find_exercise(log, "Back Squat").id, DAY, first)
    assert [(r.kind, r.value, r.previous) for r in records if r.kind == "heaviest"] == [
        ("heaviest", 50, 47.5)
    ]
    # the second is no heavier, but the day's volume passes the other session's (760 kg)
    again = records_of_set(log, find_exercise(log, "Back Squat").id, DAY, second)
    assert [(r.kind, r.value, r.previous) for r in again] == [("volume", 800, 760)]


def test_sessions_this_week_count_days_with_work_sets(log: Log) -> None:
    monday = DAY - dt.timedelta(days=1)
    lift(log, "Push-Up", "x10", day=monday - dt.timedelta(days=1))  # last week's Sunday
    assert sessions_this_week(log, DAY) == 0
    lift(log, "Push-Up", "x10", day=monday)
    lift(log, "Push-Up", "x10", day=DAY)
    assert sessions_this_week(log, DAY) == 2


def test_a_day_without_lifting_still_shows_its_sets_and_takes_an_exercise(log: Log) -> None:
    save_race(log, name="Marathon", priority="A", date=DAY + dt.timedelta(days=7))  # STOP
    lift(log, "Calf Raise", "x15", day=DAY)
    view = today_view(log, DAY)
    assert not view.day.lift
    (calf,) = view.blocks
    assert calf.prescription is None  # free-form: no prescription on a STOP day
    assert [(s.done.reps if s.done else None, s.extra) for s in calf.sets] == [
        (15, True),
        (None, True),
    ]
    added = add_exercise_block(log, DAY, find_exercise(log, "Plank"), first_key=100)
    assert added.prescription is None and [s.extra for s in added.sets] == [True]


def test_the_summary_counts_the_day_and_asks_the_coach_for_next_time(log: Log) -> None:
    for week in range(3):
        lift(log, "Back Squat", "20x12", "20x12", day=DAY - dt.timedelta(days=21 - week * 7))
    lift(log, "Back Squat", "20x12", "20x12", warmups=("20x5",), day=DAY)
    summary = session_summary(log, DAY)
    assert (summary.sets, summary.warmups, summary.volume_kg) == (2, 1, 480)
    (squat,) = summary.exercises
    assert squat.today is not None and squat.next is not None
    assert summary.next_date is not None and summary.next_date > DAY
    said = next_time(squat, "kg")
    assert said.startswith(f"{squat.today.phase}") and squat.next.why in said
