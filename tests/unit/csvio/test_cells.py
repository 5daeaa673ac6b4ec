"""Single cells: formula neutralising, numbers, dates of every app, durations."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftlog.csvio.cells import (
    CellError,
    decimals,
    duration,
    flag,
    neutralise,
    number,
    restore,
    shown,
    timestamp,
    whole,
)
from liftlog.store.rows import store_datetime


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1 rep", "'+1 rep"),
        ("-5 felt easy", "'-5 felt easy"),
        ("@home", "'@home"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("'quoted", "''quoted"),  # so that undoing it gives the apostrophe back
        ("felt easy = good", "felt easy = good"),
        ("", ""),
    ],
)
def test_neutralise_prefixes_what_a_spreadsheet_would_run(text: str, cell: str) -> None:
    assert neutralise(text) == cell
    assert restore(cell) == text


@given(st.text())
def test_restore_undoes_neutralise(text: str) -> None:
    assert restore(neutralise(text)) == text


def test_restore_leaves_a_hand_written_apostrophe() -> None:
    assert restore("'tis the season") == "'tis the season"


@pytest.mark.parametrize(
    ("text", "value"), [("62.5", 62.5), (" 60 ", 60.0), ("102,5", 102.5), ("", None), ("0", 0.0)]
)
def test_number(text: str, value: float | None) -> None:
    assert number(text, "Weight") == value


@pytest.mark.parametrize("text", ["sixty", "nan", "inf", "1,2,3", "1e309", "9" * 5000])
def test_number_refuses(text: str) -> None:
    with pytest.raises(CellError, match=r"Weight .* is not a number"):
        number(text, "Weight")


@pytest.mark.parametrize("parse", [number, whole, duration])
def test_a_5000_digit_number_is_one_clear_sentence(parse: object) -> None:
    """Not a ValueError from int() (Python refuses over 4300 digits), not a traceback."""
    with pytest.raises(CellError) as caught:
        parse("1" * 5000, "Reps")  # type: ignore[operator]
    assert str(caught.value) == "Reps '111111111111111111111111…' is not a " + (
        "duration" if parse is duration else "number"
    )


def test_a_cell_in_a_message_is_short_and_printable() -> None:
    assert shown("\x1b[31mred\x1b[0m") == "'\\x1b[31mred\\x1b[0m'"
    assert shown("x" * 50) == "'" + "x" * 24 + "…'"


@pytest.mark.parametrize(
    ("text", "places"), [("65.181223569", 9), ("62,5", 1), ("60", 0), ("1e-3", 15), (" 2.50 ", 2)]
)
def test_decimals(text: str, places: int) -> None:
    assert decimals(text) == places


@pytest.mark.parametrize(
    ("text", "value"), [("true", True), ("False", False), ("", False), ("1", True)]
)
def test_flag(text: str, value: bool) -> None:
    assert flag(text, "isWarmup") is value


def test_flag_refuses() -> None:
    with pytest.raises(CellError, match="isWarmup 'maybe' is not true or false"):
        flag("maybe", "isWarmup")


def test_whole_accepts_10_point_0_and_refuses_fractions() -> None:
    assert whole("10.0", "Reps") == 10
    assert whole("", "Reps") is None
    with pytest.raises(CellError, match=r"Reps '10\.5' is not a whole number"):
        whole("10.5", "Reps")


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2024-03-04 07:30:00", dt.datetime(2024, 3, 4, 7, 30)),
        ("2024-03-04T07:30", dt.datetime(2024, 3, 4, 7, 30)),
        ("2024-03-04", dt.datetime(2024, 3, 4)),
        ("May 7, 2026, 6:13 AM", dt.datetime(2026, 5, 7, 6, 13)),
        ("May 7, 2026, 6:13 PM", dt.datetime(2026, 5, 7, 18, 13)),
        ("Dec 31, 2025, 12:05 AM", dt.datetime(2025, 12, 31, 0, 5)),
        ("Dec 31, 2025, 12:05 PM", dt.datetime(2025, 12, 31, 12, 5)),
        ("26 Jul 2025, 07:06", dt.datetime(2025, 7, 26, 7, 6)),
        ("1 Sept 2025, 19:45", dt.datetime(2025, 9, 1, 19, 45)),
        ("2024-03-04T07:30:00+02:00", dt.datetime(2024, 3, 4, 7, 30)),  # wall-clock time
        ("2024-11-26 17:18:41 +0000", dt.datetime(2024, 11, 26, 17, 18, 41)),  # Fitbod
        ("7 Apr 2026, 10:14", dt.datetime(2026, 4, 7, 10, 14)),  # Hevy, day first
        ("Jun 11, 2026, 1:01 PM", dt.datetime(2026, 6, 11, 13, 1)),  # Hevy, US
        ("7 Mai 2026, 10:14", dt.datetime(2026, 5, 7, 10, 14)),  # German month
        ("3 out 2025, 18:00", dt.datetime(2025, 10, 3, 18, 0)),  # Portuguese month
        ("2024-05-11 6:30:00 PM", dt.datetime(2024, 5, 11, 18, 30)),  # Strong, 12-hour
        ("2024-05-11 6:30:00\u202fAM", dt.datetime(2024, 5, 11, 6, 30)),  # narrow space
    ],
)
def test_timestamps_of_every_app(text: str, moment: dt.datetime) -> None:
    assert timestamp(text, "Date") == moment


@pytest.mark.parametrize(
    "text",
    ["", "yesterday", "2026-02-30 10:00:00", "Foo 7, 2026, 6:13 AM", "May 7, 2026, 13:13 PM"],
)
def test_timestamps_refused_name_the_column(text: str) -> None:
    with pytest.raises(CellError, match=r"^start_time"):
        timestamp(text, "start_time")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45", 45),
        ("45.0", 45),
        ("0:45", 45),
        ("1:30", 90),
        ("0:01:30", 90),
        ("", None),
        ("0", None),
        ("120.0", 120),
        ("55s", 55),  # Strong's Duration
        ("45m", 2700),
        ("1h 25m", 5100),
        ("2h", 7200),
        ("1h 5m 3s", 3903),
    ],
)
def test_durations(text: str, seconds: int | None) -> None:
    assert duration(text, "Time") == seconds


@pytest.mark.parametrize(
    ("text", "why"), [("1h 5x", "is not a"), ("-5", "can't be negative"), ("1:xx", "is not a")]
)
def test_a_duration_that_is_not_one(text: str, why: str) -> None:
    with pytest.raises(CellError, match=f"Time '{text}' {why}"):
        duration(text, "Time")


def test_stored_datetimes_are_what_sqlalchemy_writes() -> None:
    assert store_datetime(dt.datetime(2026, 5, 7, 6, 13)) == "2026-05-07 06:13:00.000000"
