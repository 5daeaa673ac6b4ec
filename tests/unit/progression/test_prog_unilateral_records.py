"""R11 weaker side first and imbalance; R12 e1RM (Epley) and records."""

from __future__ import annotations

import pytest
from prog_support import D0, days, flat, rx, sets, timed

from liftlog.progression import e1rm, imbalance, records

RFESS = "Rear-Foot-Elevated Split Squat"


def test_r11_no_history_starts_with_the_left_side():
    ex = rx(D0, exercise="Single-Leg Squat")
    assert [w.side for w in ex.work] == ["L", "R"] * 3
    assert [w.match_weaker for w in ex.work] == [False, True] * 3
    assert "R11" in ex.rules and ex.imbalance is None


def test_r11_weaker_side_first_and_the_stronger_side_matches_it():
    history = flat(
        sets(D0, "Single-Leg Squat", 0, [10, 10, 10], side="L"),
        sets(D0, "Single-Leg Squat", 0, [8, 8, 8], side="R"),
    )
    ex = rx(days(2), history, exercise="Single-Leg Squat")
    assert [w.side for w in ex.work] == ["R", "L"] * 3
    assert all(w.match_weaker for w in ex.work[1::2])
    assert ex.imbalance is not None and ex.imbalance.weaker == "R"
    assert ex.imbalance.flagged  # (30 − 24)/30 = 20% > 10%
    assert "20% weaker" in ex.why


def test_r11_imbalance_is_flagged_only_above_10_percent():
    exactly = flat(sets(D0, "X", 0, [10], side="L"), sets(D0, "X", 0, [9], side="R"))
    above = flat(sets(D0, "X", 0, [10], side="L"), sets(D0, "X", 0, [8], side="R"))
    i = imbalance(exactly)
    assert i is not None and i.ratio == pytest.approx(0.10) and not i.flagged
    j = imbalance(above)
    assert j is not None and j.weaker == "R" and j.flagged


def test_r11_imbalance_needs_both_sides_and_uses_seconds_for_timed_sets():
    assert imbalance(sets(D0, "X", 0, [10], side="L")) is None
    i = imbalance(
        flat(timed(D0, "Side Plank", [40], side="L"), timed(D0, "Side Plank", [30], side="R"))
    )
    assert i is not None and (i.left, i.right, i.weaker) == (40, 30, "R")


def test_r11_unilateral_loaded_sets_alternate_sides_at_the_same_load():
    history = flat(
        sets(D0, RFESS, 20, [10, 10, 10], side="L"),
        sets(D0, RFESS, 20, [12, 12, 12], side="R"),
    )
    ex = rx(days(2), history, exercise=RFESS)
    assert ex.phase == "FORM"  # 2 sets per side, the weaker (left: 30 vs 36 reps) first
    assert [(w.side, w.weight_kg) for w in ex.work] == [("L", 20.0), ("R", 20.0)] * 2


@pytest.mark.parametrize(
    ("weight", "reps", "expected"),
    [
        (100.0, 1, 100.0),
        (100.0, 2, 106.667),
        (60.0, 8, 76.0),
        (100.0, 10, 133.333),
        (100.0, 11, None),
        (100.0, 0, None),
    ],
)
def test_r12_epley(weight: float, reps: int, expected: float | None):
    got = e1rm(weight, reps)
    assert (got is None) if expected is None else got == pytest.approx(expected, abs=1e-3)


def test_r12_records_heaviest_per_rep_count_best_e1rm_and_best_volume():
    history = flat(
        sets(D0, "Back Squat", 60, [8, 8, 8]),  # volume 1440
        sets(days(3), "Back Squat", 70, [5, 5]),  # e1RM 81.67
        sets(days(3), "Back Squat", 100, [12]),  # no e1RM above 10 reps; volume 700 + 1200
        sets(days(5), "Back Squat", 65, [8], kind="warmup"),  # warm-ups never count
    )
    r = records(history)
    assert r.exercise == "Back Squat"
    assert r.heaviest_by_reps[8].value == 60.0 and r.heaviest_by_reps[5].value == 70.0
    assert r.heaviest_by_reps[12].value == 100.0
    assert r.best_e1rm is not None and r.best_e1rm.value == pytest.approx(81.667, abs=1e-3)
    assert r.best_e1rm.date == days(3)
    assert r.best_volume is not None
    assert (r.best_volume.value, r.best_volume.date) == (1900.0, days(3))
