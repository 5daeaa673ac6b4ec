"""Single cells: formula neutralising, numbers, dates of every app, durations."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftlog.csvio.cells import (
    CellError,
    duration,
    neutralise,
    number,
    restore,
    store_datetime,
    timestamp,
    whole,
)


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


@pytest.mark.parametrize("text", ["sixty", "nan", "inf", "1,2,3", "1e309"])
def test_number_refuses(text: str) -> None:
    with pytest.raises(CellError, match="Weight"):
        number(text, "Weight")


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
    ],
)
def test_durations(text: str, seconds: int | None) -> None:
    assert duration(text, "Time") == seconds


def test_a_duration_that_is_not_one() -> None:
    with pytest.raises(CellError, match="Time '1h 5m' is not a"):
        duration("1h 5m", "Time")


def test_stored_datetimes_are_what_sqlalchemy_writes() -> None:
    assert store_datetime(dt.datetime(2026, 5, 7, 6, 13)) == "2026-05-07 06:13:00.000000"
