"""R19: strength on hard run days within the season's weekly range; else 48 h apart."""

from __future__ import annotations

import datetime as dt

from prog_support import D0, day_rx, days, flat, sets

from liftlog.progression import Athlete, Race, rest_day_warning

# D0 is a Monday
TEMPLATE = Athlete(
    run_template=(
        (0, "easy"),
        (1, "hard"),
        (2, "easy"),
        (3, "hard"),
        (4, "easy"),
        (5, "hard"),
        (6, "rest"),
    )
)


def squat_on(*offsets: int) -> list:
    return flat(*(sets(days(o), "Back Squat", 20, [10, 10]) for o in offsets))


def test_r19_without_template_and_history_today_is_the_day():
    assert day_rx(D0, pick=True).date == D0


def test_r19_without_template_sessions_are_48_hours_apart():
    assert day_rx(days(3), squat_on(2), pick=True).date == days(4)
    d = day_rx(days(4), squat_on(2), pick=True)
    assert d.date == days(4) and "48 hours" in d.why


def test_r19_without_template_a_full_week_moves_to_next_monday():
    # GENERAL allows 3 a week: Mon, Wed, Fri done → Saturday asks → next Monday
    assert day_rx(days(5), squat_on(0, 2, 4), pick=True).date == days(7)


def test_r19_with_template_picks_the_next_hard_day():
    d = day_rx(D0, athlete=TEMPLATE, pick=True)
    assert d.date == days(1) and "Tuesday 2027-01-05 is a hard day (your run template)" in d.why
    assert day_rx(days(2), squat_on(1), athlete=TEMPLATE, pick=True).date == days(3)


def test_r19_with_template_keeps_the_week_inside_the_seasons_range():
    race = Race("Marathon", days(60), "A")  # SPECIFIC: 1–2 a week
    d = day_rx(days(4), squat_on(1, 3), athlete=TEMPLATE, races=[race], pick=True)
    assert d.season.phase == "SPECIFIC" and d.date == days(8)  # Saturday skipped: next Tuesday


def test_r19_a_session_already_logged_today_is_todays_session():
    assert day_rx(days(1), squat_on(1), athlete=TEMPLATE, pick=True).date == days(1)


def test_r19_too_few_hard_days_fill_in_with_easy_days_never_rest_days():
    one_hard = Athlete(
        run_template=(
            (0, "rest"),
            (1, "hard"),
            (2, "easy"),
            (3, "easy"),
            (4, "rest"),
            (5, "rest"),
            (6, "rest"),
        )
    )
    # SPEC rev 2: never 48 h apart, so not Wednesday after Tuesday's session (rev 1 gave
    # Wednesday: two days in a row); Thursday is the easy day that makes the week's 2
    d = day_rx(days(2), squat_on(1), athlete=one_hard, pick=True)
    assert d.date == days(3) and "easy day" in d.why
    # the week is full (2 of 2–3 and no hard day left): next Tuesday, not a rest day
    assert day_rx(days(4), squat_on(1, 3), athlete=one_hard, pick=True).date == days(8)


def test_r19_rest_day_lifting_is_allowed_with_a_warning():
    d = day_rx(days(6), athlete=TEMPLATE)  # Sunday, exactly that day
    assert d.lift and any("rest day" in w and "R19" in w for w in d.warnings)
    assert rest_day_warning(days(1), TEMPLATE) is None
    assert rest_day_warning(days(6), Athlete()) is None


def test_r19_the_search_stops_at_a_day_without_lifting():
    race = Race("Marathon", days(21), "A")  # TAPER until day 6, STOP from day 7
    d = day_rx(days(3), squat_on(1), athlete=TEMPLATE, races=[race], pick=True)
    assert not d.lift and d.season.phase == "STOP" and d.date == days(7)
    assert d.season.resumes_on == race.date + dt.timedelta(days=8)


def test_r19_a_template_of_only_rest_days_gives_the_day_asked_with_a_warning():
    resting = Athlete(run_template=tuple((d, "rest") for d in range(7)))
    d = day_rx(days(2), athlete=resting, pick=True)
    assert d.lift and d.date == days(2)
    assert any("no lifting day" in w for w in d.warnings)
