"""R9: loads are the bar plus pairs of plates from the inventory, rounded down; dumbbell steps."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from prog_support import CATALOG

from liftlog.progression import Athlete, Loader, plate_breakdown, round_to_loadable
from liftlog.progression.constants import DEFAULT_PLATES_KG, KG_PER_LB

KG = DEFAULT_PLATES_KG


@pytest.mark.parametrize(
    ("load", "expected"),
    [
        (54.0, 52.5),
        (52.5, 52.5),
        (19.0, 20.0),
        (20.0, 20.0),
        (21.0, 20.0),
        (22.5, 22.5),
        (64.9, 62.5),
    ],
)
def test_r9_rounds_down_to_bar_plus_pairs(load: float, expected: float):
    assert round_to_loadable(load, 20.0, KG) == expected


def test_r9_respects_the_number_of_pairs():
    # one pair of 5s and one pair of 1.25s only: 20, 22.5, 30, 32.5
    plates = ((5.0, 1), (1.25, 1))
    assert round_to_loadable(29.0, 20.0, plates) == 22.5
    assert round_to_loadable(40.0, 20.0, plates) == 32.5
    assert plate_breakdown(32.5, 20.0, plates) == (5.0, 1.25)
    assert plate_breakdown(25.0, 20.0, plates) is None


def test_r9_plate_breakdown_uses_few_plates_heaviest_first():
    assert plate_breakdown(100.0, 20.0, KG) == (25.0, 15.0)
    assert plate_breakdown(20.0, 20.0, KG) == ()
    assert plate_breakdown(52.5, 20.0, KG) == (15.0, 1.25)


@given(st.floats(min_value=0, max_value=400, allow_nan=False))
def test_r9_rounded_load_is_loadable_never_above_and_never_below_the_bar(load: float):
    got = round_to_loadable(load, 20.0, KG)
    assert got >= 20.0
    assert got <= max(load, 20.0) + 1e-9
    per_side = plate_breakdown(got, 20.0, KG)
    assert per_side is not None and abs(20.0 + 2 * sum(per_side) - got) < 1e-9


def test_r9_lb_athlete_rounds_to_lb_plates_and_reports_kg():
    loader = Loader.for_athlete(Athlete(units="lb", bar_kg=45 * KG_PER_LB))
    squat = CATALOG["Back Squat"]
    got = loader.round_down(149 * KG_PER_LB, squat)  # 149 lb → 145 lb (45 + 2 × (45 + 5))
    assert abs(got - 145 * KG_PER_LB) < 1e-6
    assert loader.breakdown(got, squat) == (45.0, 5.0)
    assert loader.fmt(got) == "145 lb"


def test_r9_dumbbells_go_in_catalog_steps_and_never_below_one_step():
    loader = Loader.for_athlete(Athlete())
    split = CATALOG["Rear-Foot-Elevated Split Squat"]  # increment 2 kg
    assert loader.round_down(41.0, split) == 40.0
    assert loader.round_down(0.5, split) == 2.0
    assert loader.breakdown(40.0, split) is None


def test_r9_bodyweight_carries_no_load():
    assert Loader.for_athlete(Athlete()).round_down(30.0, CATALOG["Push-Up"]) == 0.0
