"""R1–R5 and R8: the phase machine of a loaded lift, with the SPEC's worked numbers."""

from __future__ import annotations

from prog_support import D0, days, flat, loads, rx, sets

from liftlog.progression import LoggedSet, Override


def strength_at(load: float, reps: list[int], day: int = 0) -> list:
    """A lift entering STRENGTH directly: a fresh lift logged heavy with ≤ 8 reps (see
    test_session_heavier_than_prescribed_jumps_to_strength)."""
    return sets(days(day), "Back Squat", load, reps)


def weekly(load: float, reps: list[int], *offsets: int) -> list:
    """The same session on each day of `offsets`: no gap of 14 days, so R20 holds nothing."""
    return flat(*(sets(days(d), "Back Squat", load, reps) for d in offsets))


def form_and_build(build_reps: list[int] | None = None, rpe: float | None = None) -> list:
    """Two clean FORM sessions, then four BUILD sessions at 25 kg on days 4, 9, 14, 19."""
    reps = build_reps or [12, 11, 10]
    return flat(
        sets(days(0), "Back Squat", 20, [10, 10]),
        sets(days(2), "Back Squat", 20, [10, 11]),
        sets(days(4), "Back Squat", 25, [11, 10, 10]),
        sets(days(9), "Back Squat", 25, [11, 11, 10]),
        sets(days(14), "Back Squat", 25, [11, 11, 11]),
        sets(days(19), "Back Squat", 25, reps, rpe=rpe),
    )


# --- R1 FORM ---------------------------------------------------------------------------


def test_r1_fresh_athlete_back_squat_is_form_2x10_12_at_the_bar_with_one_warmup_at_the_bar():
    ex = rx(D0)
    assert ex.phase == "FORM"
    assert [(w.reps_min, w.reps_max, w.weight_kg, w.side) for w in ex.work] == [
        (10, 12, 20.0, None)
    ] * 2
    assert [(w.reps, w.weight_kg) for w in ex.warmup] == [(8, 20.0)]
    assert "R1" in ex.rules and ex.why.startswith("R1:")


def test_r1_r2_two_clean_sessions_move_to_build_3x10_12_at_25():
    history = flat(sets(D0, "Back Squat", 20, [10, 10]), sets(days(2), "Back Squat", 20, [12, 11]))
    ex = rx(days(4), history)
    assert ex.phase == "BUILD"
    assert [(w.reps_min, w.reps_max, w.weight_kg) for w in ex.work] == [(10, 12, 25.0)] * 3
    assert "R2" in ex.rules


def test_r1_a_session_with_a_set_under_10_is_not_clean():
    history = flat(sets(D0, "Back Squat", 20, [10, 9]), sets(days(2), "Back Squat", 20, [12, 11]))
    ex = rx(days(4), history)
    assert ex.phase == "FORM"
    assert "1 of 2 clean sessions" in ex.why


def test_r1_override_advance_moves_form_to_build():
    ex = rx(D0, overrides=[Override("Back Squat", D0, "advance")])
    assert ex.phase == "BUILD" and loads(ex) == [25.0] * 3


# --- R2 BUILD --------------------------------------------------------------------------

BUILD_START = flat(sets(D0, "Back Squat", 20, [10, 10]), sets(days(2), "Back Squat", 20, [10, 10]))


def test_r2_every_set_at_12_adds_one_increment():
    ex = rx(days(7), flat(BUILD_START, sets(days(4), "Back Squat", 25, [12, 12, 12])))
    assert ex.phase == "BUILD" and loads(ex) == [30.0] * 3
    assert "every set reached 12 reps" in ex.why


def test_r2_a_set_under_10_holds_the_load():
    ex = rx(days(7), flat(BUILD_START, sets(days(4), "Back Squat", 25, [12, 12, 9])))
    assert loads(ex) == [25.0] * 3


def test_r2_two_sessions_in_a_row_under_10_take_one_increment_off():
    history = flat(
        BUILD_START,
        sets(days(4), "Back Squat", 30, [12, 9, 8]),
        sets(days(7), "Back Squat", 30, [11, 9, 9]),
    )
    ex = rx(days(9), history)
    assert loads(ex) == [25.0] * 3
    assert "one increment off" in ex.why


def test_r2_never_drops_below_the_start_load():
    history = flat(
        BUILD_START,
        sets(days(4), "Back Squat", 20, [9, 9, 8]),
        sets(days(7), "Back Squat", 20, [9, 8, 8]),
    )
    assert loads(rx(days(9), history)) == [20.0] * 3


def test_r2_build_to_strength_needs_21_days():
    history = form_and_build()  # BUILD since day 4
    assert rx(days(24), history).phase == "BUILD"  # 20 days
    assert rx(days(25), history).phase == "STRENGTH"  # 21 days


def test_r2_build_to_strength_needs_4_sessions():
    history = form_and_build()
    three_sessions = [s for s in history if s.session_date != days(14)]
    assert rx(days(26), three_sessions).phase == "BUILD"
    assert rx(days(26), history).phase == "STRENGTH"


def test_r2_build_to_strength_needs_the_last_session_within_10_12():
    assert rx(days(27), form_and_build([12, 11, 9])).phase == "BUILD"


# --- R8 first STRENGTH load -------------------------------------------------------------


def test_r8_epley_without_rpe_assumes_rir_2():
    # last BUILD 25 kg × 10 (fewest): e1RM 25 × (1 + 12/30) = 35; /1.2667 = 27.6 → 27.5
    ex = rx(days(27), form_and_build([12, 11, 10]))
    assert ex.phase == "STRENGTH"
    assert loads(ex) == [27.5] * 4  # 4 sets in the GENERAL season
    assert (ex.work[0].reps_min, ex.work[0].reps_max) == (5, 8)
    assert ex.rest_s == (120, 180)
    assert {"R3", "R8"} <= set(ex.rules)
    assert "e1RM is 35.0 kg" in ex.why


def test_r8_uses_the_rpe_of_the_set_with_the_fewest_reps():
    def last_build(rpes: list[float]) -> list:
        history = form_and_build()[:-3]  # drop the last BUILD session, log it with RPEs
        return history + [
            LoggedSet(days(19), "Back Squat", "work", 25, reps=r, rpe=p)
            for r, p in zip([12, 11, 10], rpes, strict=True)
        ]

    # the 10-rep set at RPE 4 → RIR 6: 25 × (1 + 16/30) = 38.3; / 1.2667 = 30.3 → 30
    assert loads(rx(days(27), last_build([10, 10, 4])))[0] == 30.0
    # at RPE 10 → RIR 0: 33.3 → 26.3 → 25 (the other sets' RPE does not matter)
    assert loads(rx(days(27), last_build([4, 4, 10])))[0] == 25.0


def test_r8_never_below_the_last_build_load():
    # overridden out of BUILD after 25 kg × 7 @ RPE 10: e1RM 30.8 → 24.3, but never below 25
    history = flat(BUILD_START, sets(days(4), "Back Squat", 25, [8, 7, 7], rpe=10))
    ex = rx(days(6), history, overrides=[Override("Back Squat", days(5), "advance")])
    assert ex.phase == "STRENGTH" and loads(ex)[0] == 25.0


# --- R4 load increases --------------------------------------------------------------------


def test_r4_exactly_13_days_holds_and_14_days_adds_5kg():
    history = weekly(60, [8, 8, 8, 8], 0, 7)
    assert loads(rx(days(13), history))[0] == 60.0
    ex = rx(days(14), history)
    assert loads(ex)[0] == 65.0
    assert (
        "R4: 14 days since the last load change and every work set reached 8 reps — add 5 kg"
        in ex.why
    )


def test_r4_fast_increase_needs_every_work_set_at_8():
    assert loads(rx(days(20), weekly(60, [8, 8, 8, 7], 0, 10)))[0] == 60.0


def test_r4_exactly_27_days_holds_and_28_days_adds_with_two_sessions_of_6():
    history = flat(strength_at(60, [7, 6, 6, 6]), weekly(60, [7, 7, 6, 6], 10, 20))
    assert loads(rx(days(27), history))[0] == 60.0
    ex = rx(days(28), history)
    assert loads(ex)[0] == 65.0 and "28 days" in ex.why


def test_r4_slow_increase_needs_both_sessions_at_6():
    history = flat(strength_at(60, [7, 6, 6, 5]), weekly(60, [7, 7, 6, 5], 10, 20))
    assert loads(rx(days(30), history))[0] == 60.0


def test_r4_only_sessions_at_the_current_load_count():
    history = flat(
        strength_at(60, [8, 8, 8, 8]),
        sets(days(10), "Back Squat", 62.5, [6, 6, 6, 6]),
        sets(days(20), "Back Squat", 60, [6, 6, 6, 6]),  # back to 60: the clock starts again
    )
    # 28 days after day 20 but only one session at 60 since then (day 0's does not count)
    assert loads(rx(days(48), history))[0] == 60.0
    assert loads(rx(days(34), history + sets(days(30), "Back Squat", 60, [8, 8, 8, 8])))[0] == 65.0
    assert loads(rx(days(33), history + sets(days(30), "Back Squat", 60, [8, 8, 8, 8])))[0] == 60.0


def test_r4_never_two_increases_within_14_days():
    history = flat(weekly(60, [8, 8, 8, 8], 0, 7), weekly(65, [8, 8, 8, 8], 14, 21))
    assert loads(rx(days(27), history))[0] == 65.0
    assert loads(rx(days(28), history))[0] == 70.0


# --- R5 failure ------------------------------------------------------------------------------


def test_r5_two_sessions_under_5_reps_take_10_percent_off_rounded_down():
    history = flat(strength_at(60, [6, 5, 4, 4]), sets(days(3), "Back Squat", 60, [5, 4, 4, 3]))
    ex = rx(days(6), history)
    assert loads(ex)[0] == 52.5  # 54 rounded down to the bar + pairs
    assert "R5" in ex.rules and "14-day clock restarts" in ex.why


def test_r5_one_failed_session_holds():
    history = flat(strength_at(60, [8, 8, 8, 8]), sets(days(3), "Back Squat", 60, [5, 4, 4, 3]))
    assert loads(rx(days(16), history))[0] == 60.0


def test_r5_deload_restarts_the_14_day_clock():
    history = flat(
        strength_at(60, [6, 5, 4, 4]),
        sets(days(3), "Back Squat", 60, [5, 4, 4, 3]),
        weekly(52.5, [8, 8, 8, 8], 6, 13),
    )
    assert loads(rx(days(19), history))[0] == 52.5
    assert loads(rx(days(20), history))[0] == 57.5


# --- History is the truth ---------------------------------------------------------------------


def test_session_lighter_than_prescribed_becomes_the_current_load():
    # prescribed 65 on day 14, the athlete did 57.5: that is the load now, since day 14
    history = flat(weekly(60, [8, 8, 8, 8], 0, 7), weekly(57.5, [8, 8, 8, 8], 14, 21))
    assert loads(rx(days(20), history))[0] == 57.5  # 6 days at 57.5
    assert loads(rx(days(28), history))[0] == 62.5


def test_session_heavier_than_prescribed_jumps_to_strength():
    """Our choice: a FORM lift logged ≥ 2 increments heavy with ≤ 8 reps is in STRENGTH."""
    ex = rx(days(3), strength_at(60, [8, 8, 8, 8]))
    assert ex.phase == "STRENGTH" and loads(ex)[0] == 60.0


def test_mixed_weights_use_the_most_used_weight_and_its_sets():
    history = flat(
        weekly(60, [8, 8, 8], 0, 7),
        sets(D0, "Back Squat", 70, [3]),  # a heavy single does not make 70 the working load
    )
    ex = rx(days(14), history)
    assert loads(ex)[0] == 65.0


def test_warmup_only_session_does_not_count():
    history = flat(
        sets(D0, "Back Squat", 20, [10, 10]), sets(days(2), "Back Squat", 20, [12], kind="warmup")
    )
    assert rx(days(4), history).phase == "FORM"


def test_sets_logged_on_the_day_itself_do_not_change_that_days_prescription():
    history = sets(D0, "Back Squat", 20, [12, 12])
    assert rx(D0, history) == rx(D0)


# --- R20: a lift not done for weeks -----------------------------------------------------------


def test_r20_layoff_of_8_weeks_returns_at_90_percent():
    history = strength_at(60, [8, 8, 8, 8])
    ex = rx(days(55), history)  # 55 days away: R20 holds (rev 1 added 5 kg here)
    assert loads(ex)[0] == 60.0 and "R4" not in ex.rules
    ex = rx(days(56), history)
    assert loads(ex)[0] == 52.5  # 54 → 52.5
    assert ex.why.startswith("R20: 56 days away from Back Squat — 90% of your last working load")
    assert "R20" in ex.rules


def test_r20_layoff_of_26_weeks_returns_at_80_percent():
    ex = rx(days(200), strength_at(60, [8, 8, 8, 8]))
    assert loads(ex)[0] == 47.5  # 48 → 47.5


def test_r20_after_a_layoff_the_comeback_load_is_the_new_current_load():
    history = flat(strength_at(60, [8, 8, 8, 8]), weekly(52.5, [8, 8, 8, 8], 60, 67))
    assert loads(rx(days(73), history))[0] == 52.5
    assert loads(rx(days(74), history))[0] == 57.5


# --- Overrides --------------------------------------------------------------------------------


def test_override_restart_goes_back_to_form_at_the_start_load():
    history = strength_at(60, [8, 8, 8, 8])
    ex = rx(days(14), history, overrides=[Override("Back Squat", days(10), "restart")])
    assert ex.phase == "FORM" and loads(ex) == [20.0, 20.0]


def test_override_after_the_day_does_not_count_yet():
    ex = rx(D0, overrides=[Override("Back Squat", days(1), "advance")])
    assert ex.phase == "FORM"


# --- Dumbbell lifts that start without weight ----------------------------------------------


def test_r1_r9_a_dumbbell_lift_with_start_load_0_learns_the_form_without_weight():
    ex = rx(D0, exercise="Step-Up")
    assert ex.phase == "FORM" and {w.weight_kg for w in ex.work} == {0.0}
    assert ex.warmup == ()  # nothing lighter than no weight (R13)
    history = flat(
        sets(D0, "Step-Up", 0, [12, 12], side="L"),
        sets(D0, "Step-Up", 0, [12, 12], side="R"),
        sets(days(2), "Step-Up", 0, [12, 12], side="L"),
        sets(days(2), "Step-Up", 0, [12, 12], side="R"),
    )
    build = rx(days(4), history, exercise="Step-Up")
    assert build.phase == "BUILD" and {w.weight_kg for w in build.work} == {2.0}  # one step
    assert [(w.reps, w.weight_kg) for w in build.warmup] == [(8, 0.0)]
