"""Kilograms or pounds from a file's barbell loads (issue 12 item 6, SPEC §5 CSV)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftlog.csvio.loads import (
    CLASSIC_POUND_LOADS,
    MIN_SETS,
    guess_unit,
    is_barbell_lift,
    plates_per_side,
)
from liftlog.units import Unit


@pytest.mark.parametrize(
    ("load", "unit", "plates"),
    [
        (135, "lb", 1),  # a 45 a side
        (135, "kg", 4),  # 25 + 25 + 5 + 2.5 a side
        (315, "lb", 3),
        (20, "kg", 0),  # the empty bar
        (20, "lb", None),  # below a 45-lb bar
        (62.5, "kg", 2),  # 20 + 1.25
        (62.5, "lb", None),  # 8.75 a side: no pound plates make it
        (60, "lb", 2),  # 5 + 2.5, or one 7.5: not a plate
        (100, "kg", 2),
    ],
)
def test_plates_per_side(load: float, unit: Unit, plates: int | None) -> None:
    assert plates_per_side(load, unit) == plates


def test_the_issues_file_is_pounds() -> None:
    """Bench 135, RDL 315: today read as kg, and `next` prescribes a 355 kg RDL."""
    guess = guess_unit(Counter({95: 2, 135: 4, 185: 1, 225: 3, 315: 6}))
    assert guess.unit == "lb"
    assert guess.why.startswith("barbell loads like 135, 225 and 315 are plate-loaded pounds")


def test_a_kg_file_stays_kg() -> None:
    guess = guess_unit(Counter({20: 1, 60: 1, 62.5: 2, 50: 1, 40: 1, 100: 1}))
    assert guess.unit == "kg"
    assert (
        guess.why
        == "barbell loads like 62.5, 20 and 40 are not made with pound plates on a 45-lb bar"
    )


def test_one_odd_load_among_many_does_not_decide() -> None:
    loads = Counter({135: 10, 225: 10, 315: 19, 137.5: 1})  # one load in 40 off the plates
    assert guess_unit(loads).unit == "lb"


def test_too_few_sets_do_not_tell() -> None:
    assert guess_unit(Counter({135: MIN_SETS - 1})).unit is None
    assert guess_unit(Counter()).why == "it has no barbell loads to tell kilograms from pounds by"


def test_loads_that_are_neither_do_not_tell() -> None:
    # 100, 150, 200: as plain as pounds as kilograms, none a classic pound load
    guess = guess_unit(Counter({100: 5, 150: 5, 200: 5}))
    assert (guess.unit, guess.why) == (None, "its barbell loads do not tell kilograms from pounds")


@pytest.mark.parametrize(
    ("name", "barbell"),
    [
        ("Squat (Barbell)", True),
        ("Barbell Row", True),
        ("Deadlift", True),  # a classic barbell lift named bare
        ("Bench Press", True),
        ("Bench Press (Dumbbell)", False),
        ("Goblet Squat", False),
        ("Leg Press", False),
    ],
)
def test_is_barbell_lift(name: str, barbell: bool) -> None:
    assert is_barbell_lift(name) is barbell


# --- properties over histories written the way people lift -----------------------

POUND_PLATES = (45, 35, 25, 10, 5, 2.5)


def _ramp_in_pounds(work: int) -> list[float]:
    """The empty bar, then a pair of 45s at a time, below the work load."""
    return [45.0, *(float(x) for x in range(135, work, 90))]


@given(
    work=st.integers(27, 80).map(lambda k: 5 * k),  # 135 to 400 lb
    step=st.sampled_from([5, 10]),
    sessions=st.integers(2, 12),
    sets=st.integers(2, 5),
)
def test_pound_histories_with_plate_ramps_are_pounds(
    work: int, step: int, sessions: int, sets: int
) -> None:
    loads: Counter[float] = Counter()
    for _ in range(sessions):
        loads.update(_ramp_in_pounds(work))
        loads[float(work)] += sets
        work += step
    assert guess_unit(loads).unit == "lb"


@given(
    work=st.integers(12, 80).map(lambda k: 2.5 * k),  # 30 to 200 kg
    step=st.sampled_from([2.5, 5.0]),
    sessions=st.integers(1, 12),
    sets=st.integers(2, 5),
)
def test_kg_histories_that_warm_up_on_the_empty_bar_are_kg(
    work: float, step: float, sessions: int, sets: int
) -> None:
    loads: Counter[float] = Counter()
    for _ in range(sessions):
        loads[20.0] += 1
        loads[work] += sets
        work += step
    assert guess_unit(loads).unit == "kg"


@given(
    st.dictionaries(st.integers(1, 400).map(lambda k: 2.5 * k), st.integers(1, 20), min_size=1),
    st.data(),
)
def test_a_file_with_enough_loads_pound_plates_cannot_make_is_never_pounds(
    loads: dict[float, int], data: st.DataObject
) -> None:
    counter = Counter(loads)
    off = data.draw(st.sampled_from([20.0, 42.5, 62.5, 102.5]))
    counter[off] += sum(counter.values())  # half the sets off a pound bar's loads
    assert guess_unit(counter).unit == "kg"


def test_classic_pound_loads_are_the_bar_and_pairs_of_45s_or_25s() -> None:
    assert {45, 95, 135, 185, 225, 275, 315, 405} <= CLASSIC_POUND_LOADS
    assert not {20, 60, 100, 140} & CLASSIC_POUND_LOADS
