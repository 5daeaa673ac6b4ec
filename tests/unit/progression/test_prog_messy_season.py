"""Issue 13: coaching through a messy season (SPEC rev 2), one test per item, exact numbers.

Item 10 (the CLI's rest-day warning) belongs to the CLI; items 6 and 11's cap suggestion
live in test_prog_cap_single_leg.py, the light plank and plyometric volume in
test_prog_season.py, the fold == replay properties in test_prog_fold.py.
"""

from __future__ import annotations

import datetime as dt
import re

from prog_support import (
    CATALOG,
    D0,
    announced,
    day_rx,
    days,
    flat,
    load_program,
    loads,
    rx,
    sets,
    timed,
)

from liftlog.progression import Athlete, Override, Race, fold
from liftlog.progression.layoff import days_away

RFESS = "Rear-Foot-Elevated Split Squat"
MONDAY = dt.date(2026, 3, 2)


def on(day: dt.date, load: float = 20, reps: tuple[int, ...] = (12, 12)) -> list:
    return sets(day, "Back Squat", load, list(reps))


# --- item 1: R19 with one hard day a week -----------------------------------------------------

# issue 13's template: sat=hard sun=rest mon=easy tue=easy wed=rest thu=easy fri=rest
ONE_HARD_DAY = Athlete(
    run_template=(
        (0, "easy"),
        (1, "easy"),
        (2, "rest"),
        (3, "easy"),
        (4, "rest"),
        (5, "hard"),
        (6, "rest"),
    )
)


def test_item1_r19_one_hard_day_gives_the_hard_day_and_one_easy_day_never_back_to_back():
    first = day_rx(MONDAY, athlete=ONE_HARD_DAY, pick=True)
    assert first.date == MONDAY  # easy: Saturday alone can't make GENERAL's 2
    assert "easy day" in first.why and "1 hard day left this week" in first.why
    history = on(MONDAY)
    second = day_rx(MONDAY + dt.timedelta(days=1), history, athlete=ONE_HARD_DAY, pick=True)
    # rev 1 gave Tuesday (back to back); Thursday is easy but Saturday makes the 2
    assert second.date == dt.date(2026, 3, 7)
    assert "Saturday 2026-03-07 is a hard day (your run template)" in second.why
    history += on(dt.date(2026, 3, 7))
    third = day_rx(dt.date(2026, 3, 8), history, athlete=ONE_HARD_DAY, pick=True)
    assert third.date == dt.date(2026, 3, 9)  # Monday again: 48 h after Saturday


def test_item1_r19_never_the_day_before_a_hard_day():
    tue_thu = Athlete(run_template=((1, "hard"), (3, "hard")))  # the rest unset: easy
    assert day_rx(D0, athlete=tue_thu, pick=True).date == days(1)  # Monday precedes Tuesday
    # with Tuesday done, Wednesday is 24 h later and precedes Thursday: Thursday
    assert day_rx(days(2), on(days(1)), athlete=tue_thu, pick=True).date == days(3)


# --- item 2: same-day sessions are judged by the history before their day ---------------------


def test_item2_r1_r7_a_variant_logged_the_day_its_squat_enters_strength_stays_in_form():
    squat = flat(
        on(D0, 20, (10, 10)),
        on(days(2), 20, (10, 11)),
        *(on(days(d), 25, (11, 11, 10)) for d in (4, 9, 14, 19)),
    )
    day = days(25)  # the squat enters STRENGTH (R2: 4 sessions, 21 days)
    assert rx(day, squat).phase == "STRENGTH"
    variant = rx(day, squat, exercise=RFESS)
    assert variant.phase == "FORM" and loads(variant) == [2.0] * 4
    logged = flat(
        squat,
        on(day, 27.5, (8, 8, 8, 8)),
        *(sets(day, RFESS, 2, [12, 12], side=side) for side in ("L", "R")),
    )
    later = rx(days(27), logged, exercise=RFESS)
    assert later.phase == "FORM" and "1 of 2 clean sessions" in later.why  # rev 1: BUILD 6 kg


# --- item 3: R5 at the empty bar --------------------------------------------------------------

TO_STRENGTH = [Override("Back Squat", D0, "advance"), Override("Back Squat", D0, "advance")]


def test_item3_r5_at_the_start_load_holds_restarts_the_clock_and_names_the_easier_variation():
    fails = flat(on(D0, 20, (4, 4, 4, 4)), on(days(2), 20, (4, 4, 3, 3)))
    ex = rx(days(4), fails, overrides=TO_STRENGTH)
    assert loads(ex) == [20.0] * 4 and "R5" in ex.rules
    assert "20 kg is the start load and can't go lower: same load" in ex.why
    assert "the 14-day clock restarts" in ex.why and "Goblet Squat" in ex.why
    assert "90%" not in ex.why
    held = flat(fails, on(days(4), 20, (8, 8, 8, 8)), on(days(11), 20, (8, 8, 8, 8)))
    # 17 days after the first session at 20 kg, but the clock restarted on day 4
    assert loads(rx(days(17), held, overrides=TO_STRENGTH)) == [20.0] * 4
    assert loads(rx(days(18), held, overrides=TO_STRENGTH)) == [25.0] * 4
    # and the R5 text is not repeated: the failed sessions are behind the restart
    assert "R5" not in rx(days(13), held, overrides=TO_STRENGTH).rules


# --- item 4: R10 after a break ----------------------------------------------------------------


def test_item4_r10_r20_after_9_weeks_the_plank_climbs_from_the_bottom():
    held = flat(*(timed(days(2 * k), "Plank", [20 + 5 * k] * 3) for k in range(9)))  # 20…60 s
    back = days(16 + 63)
    ex = rx(back, held, exercise="Plank")
    assert {(w.seconds_min, w.seconds_max) for w in ex.work} == {(20, 20)}
    again = rx(back + dt.timedelta(days=2), flat(held, timed(back, "Plank", [20, 20, 20])), "Plank")
    assert {(w.seconds_min, w.seconds_max) for w in again.work} == {(25, 25)}  # rev 1: 60 s
    assert "every set reached 20 s" in again.why


def test_item4_r10_r20_push_ups_restart_at_8_and_climb_to_9():
    history = sets(D0, "Push-Up", 0, [12, 12, 12])
    assert [w.reps_max for w in rx(days(70), history, exercise="Push-Up").work] == [8] * 3
    after = flat(history, sets(days(70), "Push-Up", 0, [8, 8, 8]))
    assert [w.reps_max for w in rx(days(72), after, exercise="Push-Up").work] == [9] * 3


# --- item 5: R20 layoffs ----------------------------------------------------------------------


def test_item5_r20_42_days_off_holds_the_deadlift():
    history = flat(*(sets(days(d), "Deadlift", 50, [8, 8, 8, 8]) for d in (0, 7)))
    ex = rx(days(49), history, exercise="Deadlift")  # 42 days after day 7
    assert loads(ex) == [50.0] * 4  # rev 1: 55 kg, "46 days since the last load change"
    assert ex.why.startswith("R20: first session after 42 days away — same load, 50 kg")
    assert "R20" in ex.rules and "R4" not in ex.rules


def test_item5_r20_a_build_squat_back_after_6_weeks_stays_in_build_and_its_clock_restarts():
    build = flat(
        on(D0, 20, (10, 10)),
        on(days(2), 20, (10, 10)),
        on(days(4), 25, (11, 10, 10)),
        on(days(9), 25, (11, 11, 10)),
        on(days(14), 25, (11, 11, 11)),
        on(days(19), 25, (11, 11, 10)),
    )
    back = days(19 + 42)
    first = rx(back, build)
    assert first.phase == "BUILD" and loads(first) == [25.0] * 3  # rev 1: STRENGTH 27.5
    logged = flat(build, *(on(back + dt.timedelta(days=d), 25, (11, 11, 10)) for d in (0, 7, 14)))
    assert rx(back + dt.timedelta(days=20), logged).phase == "BUILD"  # 20 days since the return
    assert rx(back + dt.timedelta(days=21), logged).phase == "STRENGTH"


def test_item5_r20_race_windows_do_not_count_as_days_away():
    race = Race("City Marathon", days(100), "A")  # STOP days 86–100, RECOVERY 101–107
    assert days_away(days(80), days(108), [race]) == 28 - 22
    b = Race("Half", days(50), "B")  # no session days 46–50, and 51 (R21)
    assert days_away(days(40), days(60), [b]) == 20 - 6
    assert days_away(days(40), days(60), [Race("Parkrun", days(50), "C")]) == 20


def test_item5_r18_and_r20_do_not_stack():
    race = Race("City Marathon", days(150), "A")
    history = flat(*(on(days(d), 60, (8, 8, 8, 8)) for d in (0, 7)))  # then 143 days off
    ex = rx(days(158), history, races=[race])  # g = 151 − 22 = 129 ≥ 56
    assert loads(ex) == [52.5] * 4  # 90% of 60 → 52.5 once (not 81%: 47.5)
    assert "R18" in ex.rules and "R20" not in ex.rules


# --- item 6: at most one new loaded lift per session ------------------------------------------

SPECIFIC = load_program(
    '[GENERAL]\nexercises = ["Back Squat", "Split Squat", "Rear-Foot-Elevated Split Squat", '
    '"Step-Up", "Plank"]\n[SPECIFIC]\nexercises = ["Back Squat"]\n'
)


def test_item6_new_loaded_lifts_come_in_one_a_session():
    history = flat(*(on(days(d), 60, (8, 8, 8, 8)) for d in (0, 3)))
    day = day_rx(days(6), history, program=SPECIFIC)
    assert [e.exercise for e in day.exercises] == ["Back Squat", "Split Squat", "Plank"]
    assert (
        "One new loaded lift per session (our choice): Rear-Foot-Elevated Split Squat, "
        "Step-Up wait for a later session." in day.why
    )
    split = next(e for e in day.exercises if e.exercise == "Split Squat")
    assert split.phase == "FORM" and loads(split) == [6.0] * 4  # its own start load
    done = flat(history, *(sets(days(6), "Split Squat", 6, [12, 12], side=s) for s in "LR"))
    names = [e.exercise for e in day_rx(days(9), done, program=SPECIFIC).exercises]
    assert names == ["Back Squat", "Split Squat", RFESS, "Plank"]


# --- item 7: the why tells only the decision applied ------------------------------------------


def test_item7_a_taper_cancels_the_increase_and_does_not_announce_it():
    race = Race("City Marathon", days(40), "A")  # taper from day 12
    ex = rx(days(14), flat(*(on(days(d), 100, (8, 8, 8, 8)) for d in (0, 7))), races=[race])
    assert loads(ex) == [90.0] * 2  # 90% of 100, not of 105
    assert ex.why.startswith("R16: taper before your A race — lighter: 90% of 100 kg → 90 kg")
    assert announced(ex.why) == [] and "R4" not in ex.rules and "R16" in ex.rules


def test_item7_a_b_race_week_cancels_the_increase_and_does_not_announce_it():
    b = Race("Half", days(21), "B")  # days 11–16 are light
    ex = rx(days(14), flat(*(on(days(d), 100, (8, 8, 8, 8)) for d in (0, 7))), races=[b])
    assert loads(ex) == [90.0] * 3
    assert ex.why.startswith("R16: Half (B) is close — lighter: 90% of 100 kg → 90 kg")
    assert announced(ex.why) == [] and "R4" not in ex.rules


# --- item 8: R21 after a B race ---------------------------------------------------------------


def test_item8_r21_no_lifting_the_day_after_a_b_race_and_the_first_session_holds():
    b = Race("Ten Miler", days(20), "B")
    # days 0 and 7 normal; day 14 falls in the race's light days (D−10 … D−5)
    history = flat(*(on(days(d), 100, (8, 8, 8, 8)) for d in (0, 7, 14)))
    after = day_rx(days(21), history, races=[b])
    assert not after.lift and after.why.startswith("R21: Ten Miler (B) was yesterday")
    assert after.season.resumes_on == days(22)
    ex = rx(days(22), history, races=[b])  # R4 is due: 22 days at 100 kg, every set 8
    assert loads(ex) == [100.0] * 4  # rev 1: +10 lb the day after a 10-miler
    assert ex.why.startswith("R21: first session after Ten Miler (B) — same load, 100 kg")
    assert "R21" in ex.rules and "R4" not in ex.rules
    logged = flat(history, on(days(22), 100, (8, 8, 8, 8)))
    assert loads(rx(days(25), logged, races=[b])) == [105.0] * 4  # the clock kept running


# --- item 9: R4's RPE gate --------------------------------------------------------------------


def test_item9_r4_a_work_set_at_rpe_9_holds_the_load_and_the_clock_keeps_running():
    history = flat(on(D0, 100, (8, 8, 8, 8)), sets(days(7), "Back Squat", 100, [8] * 4, rpe=9))
    ex = rx(days(14), history)
    assert loads(ex) == [100.0] * 4
    assert "but a work set was at RPE 9 last session — same load, 100 kg" in ex.why
    assert "R4" in ex.rules
    easier = flat(history, sets(days(14), "Back Squat", 100, [8] * 4, rpe=8))
    assert loads(rx(days(16), easier)) == [105.0] * 4  # 16 days since the change: R4 adds


def test_item9_r4_rpe_8_and_a_failure_set_logged_without_rpe():
    at_8 = flat(on(D0, 100, (8, 8, 8, 8)), sets(days(7), "Back Squat", 100, [8] * 4, rpe=8.5))
    assert loads(rx(days(14), at_8)) == [105.0] * 4
    failed = flat(on(D0, 100, (8, 8, 8, 8)), on(days(7), 100, (8, 8, 8)))
    failed += sets(days(7), "Back Squat", 100, [8], kind="failure")  # RPE 10 (SPEC §1)
    assert loads(rx(days(14), failed)) == [100.0] * 4


# --- item 11: the smaller ones ----------------------------------------------------------------


def test_item11_r11_the_weaker_side_comes_from_the_last_session_light_ones_included():
    race = Race("City Marathon", days(40), "A")  # taper from day 12
    history = flat(
        timed(D0, "Side Plank", [30, 30, 30], side="L"),  # L weaker by 15 s
        timed(D0, "Side Plank", [35, 35, 35], side="R"),
        timed(days(14), "Side Plank", [40, 40], side="L"),  # a light session: R weaker
        timed(days(14), "Side Plank", [40, 39], side="R"),
    )
    ex = rx(days(17), history, exercise="Side Plank", races=[race])
    assert [w.side for w in ex.work][:2] == ["R", "L"]
    assert ex.imbalance is not None and (ex.imbalance.left, ex.imbalance.right) == (80, 79)


def test_item11_counts_read_1_day_and_1_session():
    build = flat(on(D0, 20, (10, 10)), on(days(2), 20, (10, 10)), on(days(4), 25, (10, 10, 10)))
    ex = rx(days(5), build)
    assert "BUILD so far: 1 session over 1 day " in ex.why
    assert not re.search(r"\b1 (sessions|days)\b", ex.why)


def test_item11_r10_a_harder_variation_already_in_the_routine_is_not_suggested():
    top = flat(*(timed(days(2 * k), "Plank", [20 + 5 * k] * 3) for k in range(9)))
    top += timed(days(18), "Plank", [60, 60, 60])
    both = load_program('[GENERAL]\nexercises = ["Plank", "Side Plank"]\n')
    alone = load_program('[GENERAL]\nexercises = ["Plank"]\n')
    ex = rx(days(20), top, exercise="Plank", program=both)
    assert ex.suggestion is None
    assert "Side Plank, the harder variation, is already in your routine" in ex.why
    suggested = rx(days(20), top, exercise="Plank", program=alone).suggestion
    assert suggested is not None and "Side Plank" in suggested


def test_fold_of_the_items_histories_needs_no_bilateral_state():
    """R7 is a ceiling read when prescribing; the fold of a variant reads only itself."""
    history = flat(on(D0, 80, (8, 8, 8, 8)), *(sets(D0, RFESS, 2, [12], side=s) for s in "LR"))
    folded = fold(CATALOG, history, Athlete(), before=days(1), exercises=[RFESS])
    assert set(folded) == {RFESS} and folded[RFESS].phase == "FORM"
