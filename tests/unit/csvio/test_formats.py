"""Telling the formats apart by their header, and reading one row of each."""

from __future__ import annotations

import datetime as dt

import pytest

from liftlog.csvio.cells import CellError
from liftlog.csvio.export import HEADER
from liftlog.csvio.formats import (
    ImportedSet,
    Row,
    column_index,
    detect,
    parse_fitnotes,
    parse_hevy,
    parse_liftlog,
    parse_strong,
)


def names(text: str, sep: str = ",") -> list[str]:
    return text.split(sep)


STRONG = names(
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
STRONG_SEMICOLON = names(
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
    ";",
)
HEVY = names(
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe"
)
HEVY_LB = [
    c.replace("weight_kg", "weight_lbs").replace("distance_km", "distance_miles") for c in HEVY
]
FITNOTES = names(
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment"
)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        (list(HEADER), "liftlog"),
        (STRONG, "strong"),
        (STRONG_SEMICOLON, "strong"),
        (HEVY, "hevy"),
        (HEVY_LB, "hevy"),
        (FITNOTES, "fitnotes"),
        ([c.upper() for c in STRONG], "strong"),  # names match in any case
        (["Booking date", "Amount", "Payee"], None),
        (["date", "exercise", "reps"], None),
    ],
)
def test_detect(header: list[str], key: str | None) -> None:
    found = detect(header)
    assert (found.key if found else None) == key


def row(header: list[str], cells: str, sep: str = ",") -> Row:
    return Row(column_index(header), cells.split(sep))


def test_strong_row_in_the_athletes_unit() -> None:
    cells = "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),W,135,5,0,0,deep,fresh,"
    parsed = parse_strong(row(STRONG, cells), "lb")
    assert parsed == ImportedSet(
        date=dt.date(2024, 3, 4),
        started_at=dt.datetime(2024, 3, 4, 7, 30),
        workout="Legs",
        workout_notes="fresh",
        exercise="Squat (Barbell)",
        order=None,
        kind="warmup",
        side=None,
        weight_kg=135 * 0.45359237,
        reps=5,
        seconds=None,
        rpe=None,
        note="deep",
        logged_at=dt.datetime(2024, 3, 4, 7, 30),
    )


@pytest.mark.parametrize(
    ("order", "reps", "distance", "seconds", "expected"),
    [
        ("1", "5", "0", "0", ("work", 5, None)),
        ("D", "8", "0", "0", ("work", 8, None)),
        ("F", "2", "0", "0", ("work", 2, None)),
        ("W", "10", "0", "0", ("warmup", 10, None)),
        ("1", "0", "0", "60", ("work", None, 60)),  # a timed set
        ("1", "0", "5.2", "1800", None),  # a run: distance, not a set
        ("1", "0", "0", "0", None),  # nothing done
        ("Rest Timer", "0", "0", "90", None),
    ],
)
def test_strong_set_order_reps_and_seconds(
    order: str, reps: str, distance: str, seconds: str, expected: tuple[object, ...] | None
) -> None:
    cells = f"2024-03-04 07:30:00,Legs,45m,Plank,{order},0,{reps},{distance},{seconds},,,"
    parsed = parse_strong(row(STRONG, cells), "kg")
    got = None if parsed is None else (parsed.kind, parsed.reps, parsed.seconds)
    assert got == expected


def test_strong_semicolon_row_with_its_own_unit_and_reps_as_decimals() -> None:
    cells = "2025-01-10 06:45:00;Pull;Deadlift (Barbell);1;225;lbs;5.0;8;;;;;;30m"
    parsed = parse_strong(row(STRONG_SEMICOLON, cells, ";"), "kg")
    assert parsed is not None
    assert (parsed.weight_kg, parsed.reps, parsed.rpe) == (225 * 0.45359237, 5, 8.0)


def test_hevy_rows() -> None:
    values = [
        "Legs", "26 Jul 2025, 07:06", "26 Jul 2025, 08:00", "hot", "Squat (Barbell)", "",
        "knees out", "0", "warmup", "20", "10", "", "", "",
    ]  # fmt: skip
    parsed = parse_hevy(Row(column_index(HEVY), values), "kg")
    assert parsed is not None
    assert (parsed.started_at, parsed.kind, parsed.weight_kg, parsed.reps, parsed.note) == (
        dt.datetime(2025, 7, 26, 7, 6),
        "warmup",
        20.0,
        10,
        "knees out",
    )
    values[8:11] = ["dropset", "100", "5"]
    lb = parse_hevy(Row(column_index(HEVY_LB), values), "kg")
    assert lb is not None and (lb.kind, lb.weight_kg) == ("work", 100 * 0.45359237)
    values[8] = "superset"
    with pytest.raises(CellError, match="set_type 'superset'"):
        parse_hevy(Row(column_index(HEVY), values), "kg")


def test_fitnotes_rows() -> None:
    parsed = parse_fitnotes(row(FITNOTES, "2023-09-01,Barbell Squat,Legs,180,lbs,5,,,,"), "kg")
    assert parsed is not None
    assert (parsed.started_at, parsed.weight_kg, parsed.reps) == (
        dt.datetime(2023, 9, 1),
        180 * 0.45359237,
        5,
    )
    timed = parse_fitnotes(row(FITNOTES, "2023-09-01,Plank,Abs,,,,,,0:01:00,"), "kg")
    assert timed is not None and (timed.reps, timed.seconds) == (None, 60)
    with pytest.raises(CellError, match="Weight Unit 'stone' is not kg or lbs"):
        parse_fitnotes(row(FITNOTES, "2023-09-01,Barbell Squat,Legs,12,stone,5,,,,"), "kg")


LIFTLOG_ROW = "2026-03-02,07:00:00,,,Back Squat,2,work,L,61.23496995,135,lb,5,,7.5,'-5 easy,{}"


def test_liftlog_row_reads_weight_kg_and_restores_neutralised_text() -> None:
    parsed = parse_liftlog(row(list(HEADER), LIFTLOG_ROW.format("2026-03-02T07:10:00")), "kg")
    assert (parsed.order, parsed.side, parsed.weight_kg, parsed.rpe) == (2, "L", 61.23496995, 7.5)
    assert parsed.note == "-5 easy"
    assert parsed.unit == "lb"
    assert parsed.logged_at == dt.datetime(2026, 3, 2, 7, 10)


def test_liftlog_row_without_weight_kg_uses_weight_and_unit() -> None:
    cells = LIFTLOG_ROW.format("").replace("61.23496995", "")
    assert parse_liftlog(row(list(HEADER), cells), "kg").weight_kg == 135 * 0.45359237


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (("work", "cooldown"), "kind 'cooldown' must be warmup or work"),
        ((",L,", ",left,"), "side 'left' must be L, R or empty"),
        (("Back Squat,2", "Back Squat,0"), "order '0' must be a whole number from 1"),
        (("2026-03-02,07", "2026-13-02,07"), "date '2026-13-02' is not a date"),
        ((",5,,7.5", ",,,7.5"), "a set needs reps or seconds"),
        ((",7.5,", ",11,"), "RPE 11 must be between 1 and 10"),
    ],
)
def test_liftlog_rows_refused(change: tuple[str, str], why: str) -> None:
    cells = LIFTLOG_ROW.format("").replace(*change)
    with pytest.raises(CellError, match=why):
        parse_liftlog(row(list(HEADER), cells), "kg")
