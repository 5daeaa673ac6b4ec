"""R14–R18: the season from the next A race; B races lighten then stop; C races change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from prog_support import D0, day_rx, days, flat, loads, rx, sets, timed

from liftlog.progression import Athlete, Race, season_status, year_share

RACE_DAY = days(200)
A = Race("City Marathon", RACE_DAY, "A")


def before(n: int) -> dt.date:
    return RACE_DAY - dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("days_before", "phase", "per_week"),
    [
        (85, "GENERAL", (2, 3)),
        (84, "SPECIFIC", (1, 2)),
        (29, "SPECIFIC", (1, 2)),
        (28, "TAPER", (1, 1)),
        (15, "TAPER", (1, 1)),
        (14, "STOP", (0, 0)),
        (0, "STOP", (0, 0)),
        (-1, "RECOVERY", (0, 0)),
        (-7, "RECOVERY", (0, 0)),
        (-8, "GENERAL", (2, 3)),
    ],
)
def test_r14_to_r18_phase_boundaries(days_before: int, phase: str, per_week: tuple[int, int]):
    s = season_status(before(days_before), [A])
    assert (s.phase, s.sessions_per_week) == (phase, per_week)
    assert s.lift == (phase not in ("STOP", "RECOVERY"))


def test_r14_no_race_is_general():
    s = season_status(D0, [])
    assert s.phase == "GENERAL" and s.race is None and s.days_to_race is None


def test_r17_stop_says_why_and_when_lifting_resumes():
    d = day_rx(before(10), races=[A])
    assert not d.lift and d.exercises == ()
    assert d.season.race == A and d.season.days_to_race == 10
    assert "R17" in d.why
    assert d.season.resumes_on == RACE_DAY + dt.timedelta(days=8)
    assert (RACE_DAY + dt.timedelta(days=8)).isoformat() in d.why


def test_r17_stop_length_is_settable_from_7_to_28_days():
    athlete = Athlete(stop_days=7)
    assert season_status(before(8), [A], athlete.stop_days).phase == "TAPER"
    assert season_status(before(7), [A], athlete.stop_days).phase == "STOP"
    assert season_status(before(20), [A], 40).phase == "STOP"  # clamped to 28


STRENGTH_60 = sets(days(100), "Back Squat", 60, [8, 8, 8, 8])
LATE_60 = sets(before(40), "Back Squat", 60, [8, 8, 8, 8])  # 20 days before the taper session


def test_r16_taper_is_90_percent_one_set_fewer_reps_at_the_bottom_and_no_increase():
    ex = rx(before(20), LATE_60, races=[A])  # R4 would add 5 kg (20 days at 60 kg, 8s)
    assert [(w.reps_min, w.reps_max, w.weight_kg) for w in ex.work] == [(5, 5, 52.5)] * 2
    assert "R16" in ex.rules and "90% of 60 kg" in ex.why


def test_r16_taper_form_keeps_two_sets_at_the_bar():
    ex = rx(before(20), races=[A])
    assert ex.phase == "FORM" and [(w.reps_min, w.weight_kg) for w in ex.work] == [(10, 20.0)] * 2


def test_r16_taper_halves_plyometric_volume():
    """Issue 13: exactly half the jumps (rev 1 cut 3 × 8 to 2 × 8 at the bottom: −33%)."""
    normal = rx(before(40), exercise="Box Jump", races=[A])
    taper = rx(before(20), exercise="Box Jump", races=[A])
    assert [w.reps_max for w in normal.work] == [8, 8, 8]
    assert [w.reps_max for w in taper.work] == [4, 4, 4]  # 24 jumps → 12
    assert "plyometric volume halved: 3 × 4 reps instead of 3 × 8 reps" in taper.why


def test_r16_taper_halves_an_odd_plyometric_volume_to_the_nearest_rep():
    history = sets(before(40), "Box Jump", 0, [8, 8, 8])  # 9 asked next: 27 jumps → 14
    taper = rx(before(20), history, exercise="Box Jump", races=[A])
    assert [w.reps_max for w in taper.work] == [5, 5, 4]


def test_r16_taper_keeps_a_timed_hold_and_cuts_a_set():
    """Issue 13: a 60 s plank stays 60 s (rev 1: 2 × 20 s); 3 sets → 2."""
    held = flat(*(timed(days(2 * k), "Plank", [20 + 5 * k] * 3) for k in range(9)))
    race = Race("Marathon", days(45), "A")  # its taper starts on day 17: day 18 is light
    ex = rx(days(18), held, exercise="Plank", races=[race])
    assert [(w.seconds_min, w.seconds_max) for w in ex.work] == [(60, 60)] * 2
    assert "one set fewer, the same 60 s hold" in ex.why


def test_r16_taper_bodyweight_reps_go_to_the_bottom_of_the_range():
    history = sets(before(40), "Push-Up", 0, [11, 11, 11])
    assert {w.reps_max for w in rx(before(30), history, exercise="Push-Up", races=[A]).work} == {9}
    taper = rx(before(20), history, exercise="Push-Up", races=[A])
    assert [(w.reps_min, w.reps_max) for w in taper.work] == [(8, 8)] * 2


def test_r15_specific_season_gives_3_strength_sets():
    assert len(rx(before(30), LATE_60, races=[A]).work) == 3
    assert len(rx(before(90), STRENGTH_60, races=[A]).work) == 4


def test_r18_first_session_after_recovery_is_90_percent_of_the_pre_taper_load():
    history = flat(
        STRENGTH_60,
        sets(before(20), "Back Squat", 52.5, [5, 5]),  # the taper session, as prescribed
    )
    assert not day_rx(RACE_DAY + dt.timedelta(days=7), history, races=[A]).lift
    ex = rx(RACE_DAY + dt.timedelta(days=8), history, races=[A])
    # 90% of 60 (the pre-taper load), not of the 52.5 lifted in the taper
    assert loads(ex)[0] == 52.5 and "R18" in ex.rules
    after = flat(
        history,
        sets(RACE_DAY + dt.timedelta(days=8), "Back Squat", 52.5, [8, 8, 8, 8]),
        sets(RACE_DAY + dt.timedelta(days=15), "Back Squat", 52.5, [8, 8, 8, 8]),
    )
    assert loads(rx(RACE_DAY + dt.timedelta(days=22), after, races=[A]))[0] == 57.5  # R4 again


def test_two_a_races_close_together_stop_runs_into_the_second_and_resumes_after_it():
    second = Race("Trail 50k", RACE_DAY + dt.timedelta(days=12), "A")
    s = season_status(RACE_DAY + dt.timedelta(days=2), [A, second])
    assert s.phase == "STOP" and s.race == second
    assert s.resumes_on == second.date + dt.timedelta(days=8)


def test_two_a_races_recovery_of_the_first_comes_before_the_taper_for_the_second():
    second = Race("Trail 50k", RACE_DAY + dt.timedelta(days=25), "A")
    s = season_status(RACE_DAY + dt.timedelta(days=3), [A, second])
    assert s.phase == "RECOVERY" and s.race == second and not s.lift
    assert season_status(RACE_DAY + dt.timedelta(days=8), [A, second]).phase == "TAPER"


B = Race("Half", days(150), "B")


def test_b_race_d10_to_d5_is_lighter_and_d4_to_d_has_no_session():
    assert season_status(days(139), [B]).light is False
    for d in (140, 145):
        s = season_status(days(d), [B])
        assert s.lift and s.light and s.b_race == B and s.phase == "GENERAL"
    for d in (146, 150):
        s = season_status(days(d), [B])
        assert not s.lift and s.resumes_on == days(152)  # rev 2, R21: not the day after
    ex = rx(days(142), STRENGTH_60, races=[B])
    assert [(w.reps_min, w.reps_max, w.weight_kg) for w in ex.work] == [(5, 5, 52.5)] * 3  # 4 − 1


def test_b_race_inside_a_taper_does_not_lighten_twice_and_still_stops():
    b = Race("Tune-up 10k", before(20), "B")
    ex = rx(before(27), LATE_60, races=[A, b])  # taper and B's D−7
    assert loads(ex) == [52.5, 52.5]  # 0.9 × 60 once, not 0.81 × 60
    d = day_rx(before(22), LATE_60, races=[A, b])  # B's D−2, inside the taper
    assert not d.lift and "Tune-up 10k" in d.why


def test_c_race_changes_nothing():
    c = Race("Parkrun", days(105), "C")
    assert day_rx(days(103), STRENGTH_60, races=[c]) == day_rx(days(103), STRENGTH_60)


def test_a_race_moved_or_deleted_changes_the_season():
    moved = Race(A.name, A.date + dt.timedelta(days=60), "A")
    assert season_status(before(20), [A]).phase == "TAPER"
    assert season_status(before(20), [moved]).phase == "SPECIFIC"
    assert season_status(before(20), []).phase == "GENERAL"


def test_a_past_race_deleted_makes_its_taper_sessions_ordinary_history():
    history = flat(STRENGTH_60, sets(before(20), "Back Squat", 52.5, [5, 5]))
    after = RACE_DAY + dt.timedelta(days=8)
    with_race = rx(after, history, races=[A])
    without = rx(after, history)
    assert loads(with_race)[0] == 52.5  # R18 from 60
    assert loads(without)[0] == 52.5 and "R18" not in without.rules  # 52.5 is simply the load


def test_year_share_counts_weeks_with_sessions():
    day = days(400)
    every_week = [day - dt.timedelta(days=7 * k) for k in range(52)]
    assert year_share(sorted(every_week), day) == 1.0
    assert year_share([], day) == 0.0
    three_quarters = sorted(every_week[:39])
    assert year_share(three_quarters, day) == 0.75
    assert year_share(sorted([*every_week, day - dt.timedelta(days=400)]), day) == 1.0
