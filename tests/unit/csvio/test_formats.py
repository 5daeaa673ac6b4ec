"""Telling the dialects apart by their header, and reading one row of each."""

from __future__ import annotations

import datetime as dt

import pytest

from liftlog.csvio import fitbod, hevy, strong
from liftlog.csvio.cells import CellError
from liftlog.csvio.export import HEADER
from liftlog.csvio.fitnotes import parse_fitnotes
from liftlog.csvio.formats import (
    DIALECTS,
    closest,
    find,
    header_keys,
)
from liftlog.csvio.own import parse_liftlog
from liftlog.csvio.rows import (
    CARDIO,
    NOTE_ROW,
    NOTHING_DONE,
    REST_TIMER,
    ImportedSet,
    Parsed,
    Row,
    SkippedRow,
    column_index,
)
from liftlog.csvio.strong import (
    LAYOUT_NO_UNIT,
    LAYOUT_UNIT_COLUMNS,
    StrongLayout,
    layout_2016,
    layout_2025,
    set_kind,
)
from liftlog.units import Unit

LB = 0.45359237


def names(text: str, sep: str = ",") -> list[str]:
    return text.split(sep)


STRONG = names(
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
STRONG_NO_NOTES = names(
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE"
)
STRONG_SEMICOLON = names(
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
    ";",
)
STRONG_2025 = names(
    "Workout #;Date;Workout Name;Duration (sec);Exercise Name;Set Order;Weight (kg);Reps;RPE;"
    "Distance (meters);Seconds;Notes;Workout Notes",
    ";",
)
STRONG_2025_LB = [c.replace("(kg)", "(lbs)") for c in STRONG_2025]
STRONG_2016 = names("Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes")
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
FITNOTES_LBS = names("Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time,Comment")
FITNOTES_KGS = names("Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time")
FITBOD = names(
    "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,"
    "multiplier"
)
FITBOD_OLD = names("Date,Exercise,Sets,Reps,Weight,isWarmup,Note")


@pytest.mark.parametrize(
    ("header", "name"),
    [
        (list(HEADER), "liftlog"),
        (STRONG, "Strong (comma form without a unit)"),
        (STRONG_NO_NOTES, "Strong (comma form without a unit)"),
        (STRONG_SEMICOLON, "Strong (semicolon form with Weight Unit)"),
        (STRONG_2025, 'Strong (2025 "Workout #" form)'),
        (STRONG_2025_LB, 'Strong (2025 "Workout #" form)'),
        (STRONG_2016, "Strong (2016 form with kg/km columns)"),
        (HEVY, "Hevy"),
        (HEVY_LB, "Hevy"),
        ([f'"{c}"' for c in HEVY], "Hevy"),  # quotes a spreadsheet left in the names
        (FITNOTES, "FitNotes"),
        (FITNOTES_LBS, "FitNotes"),
        (FITNOTES_KGS, "FitNotes"),
        (FITBOD, "Fitbod"),
        (FITBOD_OLD, "Fitbod (older form with Sets)"),
        ([c.upper() for c in STRONG], "Strong (comma form without a unit)"),  # any case
        ([c.replace(" ", "") for c in STRONG_2025], 'Strong (2025 "Workout #" form)'),
        (["Booking date", "Amount", "Payee"], None),
        (["date", "exercise", "reps"], None),
    ],
)
def test_find(header: list[str], name: str | None) -> None:
    found = find(header)
    assert (found.name if found else None) == name


def test_every_dialect_is_found_by_its_own_columns() -> None:
    for dialect in DIALECTS:
        header = [*dialect.required, *dialect.any_of[:1]]
        assert find(header) is dialect, dialect.name


def test_from_an_app_finds_only_that_apps_dialects() -> None:
    assert find(HEVY, "strong") is None
    for header in (STRONG, STRONG_SEMICOLON, STRONG_2025, STRONG_2016):
        found = find(header, "strong")
        assert found is not None and found.key == "strong"


def test_the_closest_dialect_says_what_is_missing() -> None:
    header = ["Date", "Workout Name", "Exercise", "Weight", "Reps"]
    near = closest(header, "strong")
    assert near.missing(header_keys(header)) == ["Exercise Name", "Set Order"]


# --- Strong ------------------------------------------------------------------


def row(header: list[str], cells: str, sep: str = ",") -> Row:
    return Row(column_index(header), cells.split(sep))


def padded(header: list[str], cells: list[str]) -> list[str]:
    """A row's cells as the reader hands them over: one empty cell past the header."""
    return [*cells, *[""] * (len(header) + 1 - len(cells))]


def parse_with(
    layout: StrongLayout, header: list[str], cells: str, unit: Unit, sep: str = ","
) -> Parsed:
    parse = strong.parser(layout, column_index(header), len(header))
    return parse(padded(header, cells.split(sep)), unit)


def parse_hevy(header: list[str], values: list[str]) -> Parsed:
    return hevy.parser(column_index(header), len(header))(padded(header, values), "kg")


@pytest.mark.parametrize(
    ("order", "kind"),
    [
        ("1", "work"),
        ("0", "work"),  # the 2016 form counts from 0
        ("3.0", "work"),
        ("W", "warmup"),
        ("WARM_UP", "warmup"),
        ("D", "drop"),
        ("DROP_SET", "drop"),
        ("F", "failure"),
        ("FAILURE", "failure"),
        ("Rest Timer", REST_TIMER),
        ("REST_TIMER", REST_TIMER),
        ("Note", NOTE_ROW),
    ],
)
def test_strong_set_order_is_a_number_or_a_type(order: str, kind: object) -> None:
    assert set_kind(order) == kind


def test_strong_set_order_that_is_neither() -> None:
    with pytest.raises(CellError, match="Set Order 'X' is not a set number, W, D or F"):
        set_kind("X")


def test_strong_comma_row_in_the_unit_given() -> None:
    cells = "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),W,135,5,0,0,deep,fresh,"
    parsed = parse_with(LAYOUT_NO_UNIT, STRONG, cells, "lb")
    assert parsed == ImportedSet(
        date=dt.date(2024, 3, 4),
        started_at=dt.datetime(2024, 3, 4, 7, 30),
        workout="Legs",
        workout_notes="fresh",
        exercise="Squat (Barbell)",
        order=None,
        kind="warmup",
        side=None,
        weight_kg=61.23496995,  # 135 lb exactly, no float noise
        reps=5,
        seconds=None,
        rpe=None,
        note="deep",
        logged_at=dt.datetime(2024, 3, 4, 7, 30),
        workout_ended_at=dt.datetime(2024, 3, 4, 8, 15),  # 45m
    )


@pytest.mark.parametrize(
    ("exercise", "reps", "distance", "seconds", "expected"),
    [
        ("Squat (Barbell)", "5", "0", "0", (5, None)),
        ("Plank", "0", "0", "60", (None, 60)),  # a timed set
        ("Running", "0", "5.2", "1800", CARDIO),  # a run: distance
        ("Treadmill", "0", "0", "1800", CARDIO),  # cardio by its name, no distance
        ("Zumba", "0", "0", "1500", CARDIO),
        ("Plank", "0", "0", "0", NOTHING_DONE),
    ],
)
def test_strong_reps_time_and_cardio(
    exercise: str, reps: str, distance: str, seconds: str, expected: object
) -> None:
    cells = f"2024-03-04 07:30:00,Legs,45m,{exercise},1,0,{reps},{distance},{seconds},,,"
    parsed = parse_with(LAYOUT_NO_UNIT, STRONG, cells, "kg")
    got = parsed if isinstance(parsed, SkippedRow) else (parsed.reps, parsed.seconds)
    assert got == expected


def test_strong_semicolon_row_with_its_own_unit_and_reps_as_decimals() -> None:
    cells = "2025-01-10 06:45:00;Pull;Deadlift (Barbell);1;225;lbs;5.0;8;;;;;;30m"
    parsed = parse_with(LAYOUT_UNIT_COLUMNS, STRONG_SEMICOLON, cells, "kg", ";")
    assert isinstance(parsed, ImportedSet)
    assert (parsed.weight_kg, parsed.reps, parsed.rpe) == (102.05828325, 5, 8.0)
    assert parsed.workout_ended_at == dt.datetime(2025, 1, 10, 7, 15)


def test_strong_2025_row_in_pounds_with_a_duration_in_seconds() -> None:
    cells = "3;2025-06-02 06:00:00;Push;3600;Bench Press (Barbell);FAILURE;135;6;;;;;"
    layout = layout_2025(header_keys(STRONG_2025_LB))
    parsed = parse_with(layout, STRONG_2025_LB, cells, "kg", ";")
    assert isinstance(parsed, ImportedSet)
    assert (parsed.kind, parsed.weight_kg) == ("failure", 61.23496995)
    assert parsed.workout_ended_at == dt.datetime(2025, 6, 2, 7, 0)


def test_strong_2025_float_noise_is_the_pound_value_it_came_from() -> None:
    cells = "1;2025-03-03 07:05:11;Legs;4195;Squat (Barbell);1;65.181223569;5;;;;;"
    layout = layout_2025(header_keys(STRONG_2025))
    parsed = parse_with(layout, STRONG_2025, cells, "lb", ";")
    assert isinstance(parsed, ImportedSet)
    assert parsed.weight_kg == round(143.7 * LB, 10)  # 143.7 lb, kept exact
    assert round(parsed.weight_kg / LB, 2) == 143.7


def test_strong_2016_row_with_the_unit_as_its_columns_name() -> None:
    cells = "2016-04-11 18:02:41,A,Squat (Barbell),0,60,5,0,0,"
    layout = layout_2016(header_keys(STRONG_2016))
    parsed = parse_with(layout, STRONG_2016, cells, "lb")
    assert isinstance(parsed, ImportedSet)
    assert (parsed.kind, parsed.weight_kg, parsed.reps) == ("work", 60.0, 5)


def test_strong_assisted_lift_is_negative_load() -> None:
    """SPEC §1: assistance is stored as negative load."""
    cells = "2024-03-04 07:30:00,Legs,45m,Pull Up (Assisted),1,25,8,0,0,,,"
    parsed = parse_with(LAYOUT_NO_UNIT, STRONG, cells, "kg")
    assert isinstance(parsed, ImportedSet) and parsed.weight_kg == -25.0


# --- Hevy --------------------------------------------------------------------


HEVY_VALUES = [
    "Legs", "26 Jul 2025, 07:06", "26 Jul 2025, 08:00", "hot", "Squat (Barbell)", "1",
    "knees out", "0", "warmup", "20", "10", "", "0", "",
]  # fmt: skip


@pytest.mark.parametrize(
    ("set_type", "kind"),
    [("warmup", "warmup"), ("normal", "work"), ("dropset", "drop"), ("failure", "failure")],
)
def test_hevy_set_types(set_type: str, kind: str) -> None:
    values = [*HEVY_VALUES]
    values[8] = set_type
    parsed = parse_hevy(HEVY, values)
    assert isinstance(parsed, ImportedSet)
    assert parsed.kind == kind


def test_hevy_row_keeps_its_superset_and_the_workouts_end() -> None:
    parsed = parse_hevy(HEVY, HEVY_VALUES)
    assert isinstance(parsed, ImportedSet)
    assert (parsed.started_at, parsed.workout_ended_at, parsed.superset, parsed.note) == (
        dt.datetime(2025, 7, 26, 7, 6),
        dt.datetime(2025, 7, 26, 8, 0),
        "1",
        "knees out",
    )


def test_hevy_imperial_and_an_unknown_set_type() -> None:
    values = [*HEVY_VALUES]
    values[8:11] = ["dropset", "100", "5"]
    lb = parse_hevy(HEVY_LB, values)
    assert isinstance(lb, ImportedSet) and (lb.kind, lb.weight_kg) == ("drop", 45.359237)
    values[8] = "superset"
    with pytest.raises(CellError, match="set_type 'superset'"):
        parse_hevy(HEVY, values)


# --- FitNotes ----------------------------------------------------------------


def test_fitnotes_rows() -> None:
    parsed = parse_fitnotes(row(FITNOTES, "2023-09-01,Barbell Squat,Legs,180,lbs,5,,,,"), "kg")
    assert isinstance(parsed, ImportedSet)
    assert (parsed.started_at, parsed.weight_kg, parsed.reps) == (
        dt.datetime(2023, 9, 1),
        81.6466266,
        5,
    )
    timed = parse_fitnotes(row(FITNOTES, "2023-09-01,Plank,Abs,,,,,,0:01:00,"), "kg")
    assert isinstance(timed, ImportedSet) and (timed.reps, timed.seconds) == (None, 60)
    with pytest.raises(CellError, match="Weight Unit 'stone' is not kg or lbs"):
        parse_fitnotes(row(FITNOTES, "2023-09-01,Barbell Squat,Legs,12,stone,5,,,,"), "kg")


@pytest.mark.parametrize(
    "cells",
    [
        "2024-02-12,Zumba,Cardio,,,,,,0:25:00,",  # the Cardio category
        "2024-02-12,Rowing Machine,Cardio,,,,2.0,km,0:10:00,",
        "2024-02-12,Something,Legs,,,,1.5,km,0:10:00,",  # any distance
    ],
)
def test_fitnotes_cardio(cells: str) -> None:
    assert parse_fitnotes(row(FITNOTES, cells), "kg") == CARDIO


def test_fitnotes_weight_column_named_in_pounds() -> None:
    parsed = parse_fitnotes(row(FITNOTES_LBS, "2024-02-14,Barbell Squat,Legs,135.0,5,,,,"), "kg")
    assert isinstance(parsed, ImportedSet) and parsed.weight_kg == 61.23496995


# --- Fitbod ------------------------------------------------------------------


def test_fitbod_row_with_a_padded_rep_count_and_the_days_span() -> None:
    start, end = dt.datetime(2024, 11, 26, 17, 0), dt.datetime(2024, 11, 26, 18, 0)
    parse = fitbod.parser(column_index(FITBOD), len(FITBOD), {start.date(): (start, end)})
    cells = "2024-11-26 17:18:41 +0000,Hack Squat, 6,20.0,0.0,0.0,0.0,0.0,true,, 1.0"
    parsed = parse(padded(FITBOD, cells.split(",")), "lb")
    assert isinstance(parsed, ImportedSet)
    assert (parsed.kind, parsed.reps, parsed.weight_kg) == ("warmup", 6, 20.0)
    assert (parsed.started_at, parsed.workout_ended_at) == (start, end)
    assert parsed.logged_at == dt.datetime(2024, 11, 26, 17, 18, 41)


@pytest.mark.parametrize(
    "cells",
    [
        "2024-11-26 17:18:41 +0000,Running - Treadmill, 0,0.0,240.0,1000.0,0.0,0.0,false,, 0.0",
        "2024-11-26 17:18:41 +0000,Walking, 0,0.0,240.0,0.0,3.0,0.0,false,, 0.0",  # incline
        "2024-11-26 17:18:41 +0000,Machine, 0,0.0,240.0,0.0,0.0,5.0,false,, 0.0",  # resistance
    ],
)
def test_fitbod_cardio(cells: str) -> None:
    parse = fitbod.parser(column_index(FITBOD), len(FITBOD), {})
    assert parse(padded(FITBOD, cells.split(",")), "kg") == CARDIO


def test_fitbod_old_form_row_is_as_many_sets_as_it_says() -> None:
    parse = fitbod.parser(column_index(FITBOD_OLD), len(FITBOD_OLD), {})
    cells = ["2019-05-12 09:10:00 +0000", "Goblet Squat", "3", "10", "35", "false", ""]
    parsed = parse(padded(FITBOD_OLD, cells), "lb")
    assert isinstance(parsed, tuple) and len(parsed) == 3
    assert {s.weight_kg for s in parsed} == {15.87573295}
    fifty = ["2019-05-12 09:10:00", "Goblet Squat", "50", "10", "35", "false", ""]
    with pytest.raises(CellError, match="Sets 50 must be between 1 and 20"):
        parse(padded(FITBOD_OLD, fifty), "lb")


# --- liftlog -----------------------------------------------------------------


LIFTLOG_ROW = "2026-03-02,07:00:00,,,Back Squat,2,work,L,61.23496995,135,lb,5,,7.5,'-5 easy,{}"


def test_liftlog_row_reads_weight_kg_and_restores_neutralised_text() -> None:
    parsed = parse_liftlog(row(list(HEADER), LIFTLOG_ROW.format("2026-03-02T07:10:00")), "kg")
    assert (parsed.order, parsed.side, parsed.weight_kg, parsed.rpe) == (2, "L", 61.23496995, 7.5)
    assert parsed.note == "-5 easy"
    assert parsed.unit == "lb"
    assert parsed.logged_at == dt.datetime(2026, 3, 2, 7, 10)


def test_liftlog_row_without_weight_kg_uses_weight_and_unit() -> None:
    cells = LIFTLOG_ROW.format("").replace("61.23496995", "")
    assert parse_liftlog(row(list(HEADER), cells), "kg").weight_kg == 61.23496995


def test_liftlog_row_with_the_new_columns() -> None:
    header = [*HEADER, "superset", "ended_at"]
    cells = LIFTLOG_ROW.format("").replace(",work,", ",drop,") + ",A,2026-03-02T08:05:00"
    parsed = parse_liftlog(row(header, cells), "kg")
    assert (parsed.kind, parsed.superset, parsed.workout_ended_at) == (
        "drop",
        "A",
        dt.datetime(2026, 3, 2, 8, 5),
    )


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (("work", "cooldown"), "kind 'cooldown' must be warmup, work, drop or failure"),
        ((",L,", ",left,"), "side 'left' must be L, R or empty"),
        (("Back Squat,2", "Back Squat,0"), "order '0' must be a whole number from 1"),
        (("2026-03-02,07", "2026-13-02,07"), "date '2026-13-02' is not a date"),
        ((",5,,7.5", ",,,7.5"), "a set needs reps or seconds"),
        ((",7.5,", ",11,"), "RPE 11 must be between 1 and 10"),
        ((",61.23496995,", ",-61.2,"), "weight_kg -61.2 can't be negative"),
    ],
)
def test_liftlog_rows_refused(change: tuple[str, str], why: str) -> None:
    cells = LIFTLOG_ROW.format("").replace(*change)
    with pytest.raises(CellError, match=why):
        parse_liftlog(row(list(HEADER), cells), "kg")
