"""R6 cap at cap ratio × bodyweight (MAINTAIN), R7 single-leg variants (SPEC rev 2)."""

from __future__ import annotations

import datetime as dt

from prog_support import D0, announced, days, flat, loads, rx, sets

from liftlog.progression import Athlete


def bw(kg: float, when: dt.date = D0) -> Athlete:
    return Athlete(bodyweights=((when, kg),))


def two_weeks_at(load: float, exercise: str = "Back Squat") -> list:
    """Sessions on days 0 and 7 at `load` with every set at 8: R4 is due on day 14 (and
    no session is ≥ 14 days after the one before, so R20 holds nothing)."""
    return flat(sets(D0, exercise, load, [8, 8, 8, 8]), sets(days(7), exercise, load, [8] * 4))


def test_r6_cap_reached_is_maintain_3x5_8_at_the_same_load_with_single_leg_suggested():
    # bodyweight 60 kg → cap 90 kg; the squat is at 90 kg with 8s for 14 days
    ex = rx(days(14), two_weeks_at(90), athlete=bw(60))
    assert ex.phase == "MAINTAIN"
    assert [(w.reps_min, w.reps_max, w.weight_kg) for w in ex.work] == [(5, 8, 90.0)] * 3
    assert "R6" in ex.rules and "at the cap" in ex.why
    # R4 was due (14 days, 8s) but the cap holds: it is not announced, nor listed
    assert announced(ex.why) == [] and "R4" not in ex.rules
    # issue 13: the next step of the chain (Split Squat), not the hardest variant
    assert ex.suggestion is not None and ex.suggestion.startswith("Try Split Squat:")


def test_r6_the_suggestion_moves_up_the_chain_once_a_variant_is_done():
    done = flat(
        two_weeks_at(90), *(sets(days(9), "Split Squat", 6, [12, 12], side=s) for s in "LR")
    )
    ex = rx(days(14), done, athlete=bw(60))
    assert ex.suggestion is not None
    assert ex.suggestion.startswith("Try Rear-Foot-Elevated Split Squat:")


def test_r6_an_increase_past_the_cap_stops_at_the_cap():
    # 87.5 + 5 = 92.5 > 90: capped at 90, still STRENGTH (next time MAINTAIN)
    ex = rx(days(14), two_weeks_at(87.5), athlete=bw(60))
    assert ex.phase == "STRENGTH" and loads(ex)[0] == 90.0
    # the increase is said as prescribed: +2.5 kg to 90 kg, not "add 5 kg: 92.5 kg"
    assert "add 2.5 kg: 90 kg (R6: capped at 1.5 × 60 kg bodyweight → 90 kg)" in ex.why
    assert "92.5" not in ex.why and {"R4", "R6"} <= set(ex.rules)


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
    ex = rx(days(14), two_weeks_at(150))
    assert ex.phase == "STRENGTH" and loads(ex)[0] == 155.0
    assert "no bodyweight logged, so no cap applied" in ex.why
    assert "R6" not in ex.rules  # a note that shaped no number


def test_r6_lifts_without_a_cap_ratio_are_not_capped():
    ex = rx(days(14), two_weeks_at(150, "Deadlift"), exercise="Deadlift", athlete=bw(60))
    assert loads(ex)[0] == 155.0 and "R6" not in ex.rules


RFESS = "Rear-Foot-Elevated Split Squat"


def test_r7_a_never_logged_variant_starts_in_form_at_its_own_start_load():
    """SPEC rev 2 (R7): not BUILD at 50% of the squat (rev 1: a pair of 20 kg dumbbells)."""
    ex = rx(days(3), sets(D0, "Back Squat", 80, [8, 8, 8, 8]), exercise=RFESS)
    assert ex.phase == "FORM"
    assert {w.weight_kg for w in ex.work} == {2.0}  # the lightest dumbbell: one 2 kg step
    assert len(ex.work) == 4  # 2 sets per side
    assert "R1" in ex.rules and "R7" not in ex.rules


def test_r7_its_build_starts_one_step_above_its_start_load_and_climbs_by_r2():
    form = flat(
        *(sets(days(d), RFESS, 2, [12, 12], side=side) for d in (0, 2) for side in ("L", "R"))
    )
    first = rx(days(4), form, exercise=RFESS)
    assert first.phase == "BUILD" and {w.weight_kg for w in first.work} == {4.0}
    assert "add 2 kg: 4 kg" in first.why
    build = flat(form, *(sets(days(4), RFESS, 4, [12] * 3, side=side) for side in ("L", "R")))
    assert {w.weight_kg for w in rx(days(6), build, exercise=RFESS).work} == {6.0}  # R2: +2 kg


def test_r7_fifty_percent_of_the_bilateral_load_is_a_ceiling():
    """Squat in STRENGTH at 40 kg: the variant never goes past 50% (20 kg) — 10 kg a dumbbell."""
    history = flat(
        sets(D0, "Back Squat", 40, [8, 8, 8, 8]),
        *(sets(days(2), RFESS, 10, [12, 12, 12], side=side) for side in ("L", "R")),
    )
    over = flat(history, *(sets(days(4), RFESS, 10, [12] * 3, side=side) for side in ("L", "R")))
    ex = rx(days(6), over, exercise=RFESS)
    # R2 would start BUILD one step up (12 kg); R7 holds a pair of 10 kg dumbbells
    assert {w.weight_kg for w in ex.work} == {10.0}
    assert ex.why.startswith("R7: at most 50% of Back Squat's working load 40 kg, 20 kg")
    assert announced(ex.why) == [] and "R7" in ex.rules


def test_r7_the_ceiling_trims_an_increase_and_says_the_load_prescribed():
    history = flat(
        sets(D0, "Back Squat", 45, [8, 8, 8, 8]),  # 50% = 22.5 kg → 11 kg a dumbbell (2 kg steps)
        *(sets(days(2), RFESS, 10, [12, 12, 12], side=side) for side in ("L", "R")),
        *(sets(days(4), RFESS, 10, [12, 12, 12], side=side) for side in ("L", "R")),
    )
    ex = rx(days(6), history, exercise=RFESS)
    assert {w.weight_kg for w in ex.work} == {10.0}  # 11 kg is not a 2 kg step: 10 held
    heavier = flat(history, sets(days(5), "Back Squat", 50, [8, 8, 8, 8]))
    ex = rx(days(6), heavier, exercise=RFESS)
    assert {w.weight_kg for w in ex.work} == {12.0}  # R2's +2 kg fits under 12.5
    assert "add 2 kg: 12 kg" in ex.why


def test_r7_no_ceiling_while_the_bilateral_lift_is_not_in_strength():
    history = flat(
        sets(D0, "Back Squat", 20, [10, 10]),
        *(sets(days(2), RFESS, 30, [12, 12, 12], side=side) for side in ("L", "R")),
    )
    assert {w.weight_kg for w in rx(days(4), history, exercise=RFESS).work} == {30.0}
