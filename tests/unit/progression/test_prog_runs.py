"""R22: runs are hard or easy, a hard run makes a hard day for R19, and with no template set
the week is inferred from the last 6 weeks of runs. One test per clause, exact edges."""

from __future__ import annotations

import datetime as dt

import pytest
from prog_support import D0, day_rx, days, sets

from liftlog.progression import Athlete, Race, Run, classify_runs, inferred_template
from liftlog.progression.schedule import rest_day_warning


def run(day: dt.date, minutes: float = 45, name: str = "", **kw: object) -> Run:
    return Run(day, None, "running", int(minutes * 60), name=name, **kw)  # type: ignore[arg-type]


def verdict(r: Run, *others: Run, races: tuple[Race, ...] = ()):
    (v,) = [v for v in classify_runs((r, *others), races) if v.run == r]
    return v


# --- what makes a run hard ----------------------------------------------------------------------


def test_r22_duration_75_minutes_or_more_is_hard():
    assert verdict(run(D0, 75)).hard and "75 min ≥ 75" in verdict(run(D0, 75)).reason
    assert not verdict(run(D0, 74.9)).hard


def test_r22_average_heart_rate_85_percent_of_the_highest_in_180_days_is_hard():
    peak = run(days(-100), 30, max_hr=190)
    assert verdict(run(D0, avg_hr=162, max_hr=170), peak).hard  # 162 / 190 = 85.3%
    easy = verdict(run(D0, avg_hr=161, max_hr=170), peak)  # 84.7%
    assert not easy.hard
    hard = verdict(run(D0, avg_hr=162, max_hr=170), peak)
    assert "average heart rate 162 is 85% of the highest in 180 days (190)" in hard.reason


def test_r22_the_heart_rate_peak_is_of_the_last_180_days_only():
    old_peak = run(days(-181), 30, max_hr=200)
    recent = run(days(-10), 30, max_hr=175)
    assert verdict(run(D0, avg_hr=150, max_hr=160), old_peak, recent).hard  # 150/175 = 86%
    within = run(days(-180), 30, max_hr=200)
    assert not verdict(run(D0, avg_hr=150, max_hr=160), within, recent).hard  # 150/200


def test_r22_training_effect_aerobic_3_5_or_anaerobic_2_0_is_hard():
    assert verdict(run(D0, aerobic_te=3.5)).hard
    assert not verdict(run(D0, aerobic_te=3.4)).hard
    assert verdict(run(D0, anaerobic_te=2.0)).hard
    assert not verdict(run(D0, anaerobic_te=1.9)).hard
    both = verdict(run(D0, aerobic_te=3.8, anaerobic_te=2.2))
    assert both.reason == "aerobic training effect 3.8 ≥ 3.5; anaerobic training effect 2.2 ≥ 2"


def test_r22_strava_relative_effort_100_is_hard():
    assert verdict(run(D0, relative_effort=100)).hard
    assert not verdict(run(D0, relative_effort=99)).hard


def test_r22_a_run_without_any_hard_sign_is_easy():
    v = verdict(run(D0, 40, avg_hr=140, max_hr=150), run(days(-3), 30, max_hr=190))
    assert not v.hard and v.reason == "40 min, easy by R22"


def test_r22_the_heart_rate_peak_includes_the_run_itself():
    """With no other run with heart rate in 180 days, a run is its own reference."""
    assert verdict(run(D0, 40, avg_hr=140, max_hr=150)).hard  # 140 / 150 = 93%


def test_r22_a_run_on_a_races_date_is_that_race():
    race = Race("Spring 10K", D0, "C")
    v = verdict(run(D0, 40, name="10K"), races=(race,))
    assert v.hard and v.race == race and v.reason == "Spring 10K, your C race"


# --- the runner's week for R19 -------------------------------------------------------------------

TUE_THU = ((1, "hard"), (3, "hard"), (6, "rest"))


def test_r22_r19_a_day_with_a_hard_run_is_a_hard_day_whatever_the_template_says():
    friday = days(4)  # unset in the template
    athlete = Athlete(run_template=TUE_THU, runs=(run(friday, 90, name="Long run"),))
    race = Race("Marathon", days(60), "A")  # SPECIFIC: 1–2 a week, so no easy fill-in
    d = day_rx(friday, athlete=athlete, pick=True, races=[race])
    assert d.date == friday
    assert "Friday 2027-01-08 is a hard day (R22: your run 'Long run' (90 min ≥ 75))" in d.why
    without = day_rx(friday, athlete=Athlete(run_template=TUE_THU), pick=True, races=[race])
    assert without.date == friday and "is an easy day (your run template)" in without.why


def test_r22_r19_runs_replace_the_template_for_the_days_they_cover():
    tuesday = days(1)
    athlete = Athlete(run_template=TUE_THU, runs=(run(tuesday, 30, name="Shakeout"),))
    race = Race("Marathon", days(60), "A")  # SPECIFIC: 1–2 a week
    # Tuesday's run was easy: not a hard day any more (Thursday is, and makes the 1)
    assert day_rx(tuesday, athlete=athlete, pick=True, races=[race]).date == days(3)
    # in GENERAL (2–3) Tuesday is the easy day that, with Thursday, makes the 2
    general = day_rx(tuesday, athlete=athlete, pick=True)
    assert general.date == tuesday
    assert "is an easy day (R22: your runs that day were easy)" in general.why
    sunday = days(6)  # a template rest day with a run on it is not a rest day
    ran = Athlete(run_template=TUE_THU, runs=(run(sunday, 30),))
    assert rest_day_warning(sunday, ran) is None
    assert rest_day_warning(sunday, Athlete(run_template=TUE_THU)) is not None


def weeks_of(pattern: dict[int, str], weeks: int, end: dt.date) -> tuple[Run, ...]:
    """Runs in the `weeks` weeks before `end` (a Monday): weekday → 'hard' or 'easy'."""
    out = []
    for w in range(weeks):
        monday = end - dt.timedelta(weeks=weeks - w)
        for weekday, kind in pattern.items():
            day = monday + dt.timedelta(days=weekday)
            out.append(run(day, 90 if kind == "hard" else 35))
    return tuple(out)


MONDAY = days(42)  # D0 is a Monday


def test_r22_with_no_template_the_week_is_inferred_from_6_weeks_of_runs():
    runs = weeks_of({1: "hard", 3: "easy", 5: "hard", 6: "easy"}, 6, MONDAY)
    template = inferred_template(classify_runs(runs), MONDAY)
    assert template == {
        0: "rest",
        1: "hard",
        2: "rest",
        3: "easy",
        4: "rest",
        5: "hard",
        6: "easy",
    }
    d = day_rx(MONDAY, athlete=Athlete(runs=runs), pick=True)
    assert d.date == MONDAY + dt.timedelta(days=1)
    assert "R22: your runs of the last 6 weeks (no template set)" in d.why


def test_r22_inferred_template_a_tie_is_not_most():
    hard3 = weeks_of({1: "hard"}, 3, MONDAY - dt.timedelta(weeks=3))
    easy3 = weeks_of({1: "easy"}, 3, MONDAY)
    assert inferred_template(classify_runs(hard3 + easy3), MONDAY)[1] == "easy"  # 3 of 6
    ran3 = weeks_of({2: "easy"}, 3, MONDAY)  # Wednesdays: 3 runs in 6 weeks, 3 without
    first = weeks_of({1: "easy"}, 6, MONDAY)  # the window starts 6 weeks back
    assert inferred_template(classify_runs(first + ran3), MONDAY)[2] == "easy"  # not rest


def test_r22_inferred_template_no_runs_means_the_48_hour_rule():
    assert inferred_template((), MONDAY) == {}
    d = day_rx(days(3), [*sets(days(2), "Back Squat", 20, [12, 12])], pick=True)
    assert d.date == days(4) and "48 hours" in d.why
    old = (run(MONDAY - dt.timedelta(weeks=7), 90),)  # only older than 6 weeks
    assert inferred_template(classify_runs(old), MONDAY) == {}


def test_r22_inferred_template_follows_a_changed_week():
    before = weeks_of({1: "hard"}, 2, MONDAY - dt.timedelta(weeks=4))
    after = weeks_of({3: "hard"}, 4, MONDAY)  # hard runs moved to Thursday 4 weeks ago
    template = inferred_template(classify_runs(before + after), MONDAY)
    assert template[3] == "hard" and template[1] == "rest"
    three = weeks_of({3: "hard"}, 3, MONDAY)  # only 3 weeks of the new week: a tie
    earlier = weeks_of({1: "hard"}, 3, MONDAY - dt.timedelta(weeks=3))
    template = inferred_template(classify_runs(earlier + three), MONDAY)
    assert template[1] != "hard" and template[3] != "hard"


def test_r22_an_inferred_rest_day_gets_the_rest_day_warning():
    runs = weeks_of({1: "hard", 5: "hard"}, 6, MONDAY)
    warning = rest_day_warning(MONDAY + dt.timedelta(days=2), Athlete(runs=runs))
    assert warning is not None and "the week your runs show (R22)" in warning


@pytest.mark.parametrize("name", ["\x1b[31mRed\x1b[0m", "[bold]x[/bold]"])
def test_r22_a_runs_name_from_a_file_is_plain_text_in_the_why(name: str):
    athlete = Athlete(runs=(run(D0, 90, name=name),))
    d = day_rx(D0, athlete=athlete, pick=True)
    assert "\x1b" not in d.why
    assert ("[bold]x[/bold]" in d.why) == (name == "[bold]x[/bold]")  # shown as typed
