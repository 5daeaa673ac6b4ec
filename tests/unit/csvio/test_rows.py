"""What every dialect shares: the SET grammar's limits and the stored precision of kg."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftlog.csvio.cells import CellError
from liftlog.csvio.rows import (
    NOTHING_DONE,
    checked_set,
    column_key,
    is_pound_conversion,
    reps_or_time,
    stored_kg,
)
from liftlog.units import KG_PER_LB, Unit


@given(st.integers(0, 220_462))
def test_a_pound_value_is_stored_so_it_converts_back_exactly(cents: int) -> None:
    """Every 0.01 lb up to 1000 kg: the stored kg is the exact decimal product (10
    decimals), prints without float noise, and gives the same pounds back."""
    pounds = f"{cents / 100:.2f}"
    kg = stored_kg(pounds, "lb", "Weight")
    assert round(kg / KG_PER_LB, 2) == cents / 100
    assert float(f"{kg:.15g}") == kg  # what the export writes is what was stored
    assert len(repr(kg).partition(".")[2]) <= 10


@pytest.mark.parametrize(
    ("text", "unit", "kg"),
    [
        ("135", "lb", 61.23496995),
        ("105", "lb", 47.62719885),
        ("135.004", "lb", 61.23496995),  # a hundredth of a pound is the precision
        ("62.5", "kg", 62.5),
        ("62,5", "kg", 62.5),
        ("", "kg", 0.0),
        ("-0", "kg", 0.0),  # never a negative zero
        ("65.181223569", "kg", 65.181223569),  # Strong's 143.7 lb: exact already
        ("65.1812236", "kg", 65.181223569),  # the same, cut short: 143.7 lb
        ("20.4116567", "kg", 20.41165665),  # 45 lb
        ("47.62719885", "kg", 47.62719885),  # 105 lb
        ("12.3456789", "kg", 12.346),  # no pound value: to the gram
        ("60.125", "kg", 60.125),  # 3 decimals are kept as written
    ],
)
def test_stored_kg(text: str, unit: Unit, kg: float) -> None:
    assert stored_kg(text, unit, "Weight") == kg
    assert repr(stored_kg(text, unit, "Weight")) != "-0.0"


@pytest.mark.parametrize(
    ("text", "conversion"),
    [("65.181223569", True), ("20.41165665", True), ("62.5", False), ("12.3456789", False)],
)
def test_is_pound_conversion(text: str, conversion: bool) -> None:
    assert is_pound_conversion(text) is conversion


@pytest.mark.parametrize(
    ("reps", "seconds", "why"),
    [
        (0, None, "reps 0 must be between 1 and 100"),
        (101, None, "reps 101 must be between 1 and 100"),
        (None, 0, "a timed set must last 1 to 3600 seconds, not 0"),
        (None, 3601, "a timed set must last 1 to 3600 seconds, not 3601"),
    ],
)
def test_limits_of_the_set_grammar(reps: int | None, seconds: int | None, why: str) -> None:
    with pytest.raises(CellError, match=why):
        checked_set(exercise="Squat", weight_kg=60, unit="kg", reps=reps, seconds=seconds)


@pytest.mark.parametrize(("reps", "seconds"), [(1, None), (100, None), (None, 1), (None, 3600)])
def test_limits_take_their_edges(reps: int | None, seconds: int | None) -> None:
    assert checked_set(exercise="Squat", weight_kg=1000, unit="kg", reps=reps, seconds=seconds)


def test_a_load_over_1000_kg_or_negative_is_refused_in_the_files_unit() -> None:
    with pytest.raises(CellError, match=r"weight 2205 lb is more than liftlog accepts"):
        checked_set(
            exercise="Squat",
            weight_kg=stored_kg("2205", "lb", "W"),
            unit="lb",
            reps=5,
            seconds=None,
        )
    with pytest.raises(CellError, match="weight -20 kg can't be negative"):
        checked_set(exercise="Squat", weight_kg=-20, unit="kg", reps=5, seconds=None)


def test_an_assisted_lifts_load_is_stored_negative() -> None:
    """SPEC §1: `Pull Up (Assisted)` 25 kg is 25 kg of help: -25."""
    kg = checked_set(exercise="Pull Up (Assisted)", weight_kg=25, unit="kg", reps=8, seconds=None)
    assert kg == -25


def test_reps_or_time() -> None:
    assert reps_or_time(5, 60) == (5, None)  # reps win: a set is one or the other
    assert reps_or_time(0, 60) == (None, 60)
    assert reps_or_time(None, None) == NOTHING_DONE


@pytest.mark.parametrize(
    ("name", "key"),
    [("Weight (kg)", "weight(kg)"), ('"Workout #"', "workout#"), ("\ufeffDate ", "date")],
)
def test_column_keys_ignore_case_spaces_quotes_and_a_byte_order_mark(name: str, key: str) -> None:
    assert column_key(name) == key
