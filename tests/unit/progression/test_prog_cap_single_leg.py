"""R6 cap at cap ratio × bodyweight (MAINTAIN), R7 switch to a single-leg variant at 50%."""

from __future__ import annotations

import datetime as dt

from prog_support import D0, days, flat, loads, rx, sets

from liftlog.progression import Athlete


def bw(kg: float, when: dt.date = D0) -> Athlete:
    return Athlete(bodyweights=((when, kg),))


def test_r6_cap_reached_is_maintain_3x5_8_at_the_same_load_with_single_leg_suggested():
    # bodyweight 60 kg → cap 90 kg; the squat is at 90 kg with 8s for 14 days
    ex = rx(days(14), sets(D0, "Back Squat", 90, [8, 8, 8, 8]), athlete=bw(60))
    assert ex.phase == "MAINTAIN"
    assert [(w.reps_min, w.reps_max, w.weight_kg) for w in ex.work] == [(5, 8, 90.0)] * 3
    assert "R6" in ex.rules and "at the cap" in ex.why
    assert ex.suggestion is not None and "Rear-Foot-Elevated Split Squat" in ex.suggestion


def test_r6_an_increase_past_the_cap_stops_at_the_cap():
    # 87.5 + 5 = 92.5 > 90: capped at 90, still STRENGTH (next time MAINTAIN)
    ex = rx(days(14), sets(D0, "Back Squat", 87.5, [8, 8, 8, 8]), athlete=bw(60))
    assert ex.phase == "STRENGTH" and loads(ex)[0] == 90.0
    assert "capped" in ex.why


def test_r6_cap_passed_when_bodyweight_dropped_goes_back_to_the_cap():
    # bodyweight now 55 → cap 82.5 (1.5 × 55), rounded down to plates
    athlete = Athlete(bodyweights=((D0, 60.0), (days(5), 55.0)))
    ex = rx(days(14), sets(D0, "Back Squat", 90, [8, 8, 8, 8]), athlete=athlete)
    assert ex.phase == "MAINTAIN" and loads(ex)[0] == 82.5
    assert "past the cap" in ex.why


def test_r6_uses_the_latest_bodyweight_on_or_before_the_day():
    athlete = Athlete(bodyweights=((D0, 60.0), (days(30), 100.0)))
    ex = rx(days(14), sets(D0, "Back Squat", 90, [8, 8, 8, 8]), athlete=athlete)
    assert ex.phase == "MAINTAIN"


def test_r6_no_bodyweight_logged_means_no_cap_and_the_why_says_so():
    ex = rx(days(14), sets(D0, "Back Squat", 150, [8, 8, 8, 8]))
    assert ex.phase == "STRENGTH" and loads(ex)[0] == 155.0
    assert "no bodyweight logged, so no cap applied" in ex.why


def test_r6_lifts_without_a_cap_ratio_are_not_capped():
    ex = rx(days(14), sets(D0, "Deadlift", 150, [8, 8, 8, 8]), exercise="Deadlift", athlete=bw(60))
    assert loads(ex)[0] == 155.0 and "R6" not in ex.rules


def test_r7_single_leg_variant_of_a_strength_lift_starts_at_half_in_build():
    history = sets(D0, "Back Squat", 80, [8, 8, 8, 8])
    ex = rx(days(3), history, exercise="Rear-Foot-Elevated Split Squat")
    assert ex.phase == "BUILD"
    # 50% of 80 kg is 40 kg in the hands: dumbbells are logged per dumbbell, so 2 × 20 kg
    assert {w.weight_kg for w in ex.work} == {20.0}
    assert "a pair of 20 kg dumbbells" in ex.why
    assert len(ex.work) == 6  # 3 sets per side
    assert "R7" in ex.rules


def test_r7_rounds_down_to_the_variants_steps():
    history = sets(D0, "Back Squat", 90, [8, 8, 8, 8])
    ex = rx(days(3), history, exercise="Rear-Foot-Elevated Split Squat")
    assert {w.weight_kg for w in ex.work} == {22.0}  # 45 kg over a pair: 22.5 → 22 in 2 kg steps


def test_r7_does_not_apply_when_the_bilateral_lift_is_not_in_strength():
    history = sets(D0, "Back Squat", 20, [10, 10])
    ex = rx(days(3), history, exercise="Rear-Foot-Elevated Split Squat")
    assert ex.phase == "FORM"


def test_r7_after_the_first_session_the_variant_follows_its_own_history():
    history = flat(
        sets(D0, "Back Squat", 80, [8, 8, 8, 8]),
        sets(days(3), "Rear-Foot-Elevated Split Squat", 40, [12, 12, 12], side="L"),
        sets(days(3), "Rear-Foot-Elevated Split Squat", 40, [12, 12, 12], side="R"),
        sets(days(5), "Back Squat", 100, [8, 8, 8, 8]),
    )
    ex = rx(days(7), history, exercise="Rear-Foot-Elevated Split Squat")
    assert ex.phase == "BUILD" and {w.weight_kg for w in ex.work} == {42.0}  # R2: +2 kg
