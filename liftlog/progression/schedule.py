"""R19: which day the next strength session goes on.

Strength goes on hard run days, after the run ([002] "should be on a hard day … do your
weights routine later that day"; [003] "within 3 hours of your harder … workouts").
With a weekly run template, the next session is the next hard day whose calendar week
(Monday–Sunday) still has room in the season's session range; when the template has
fewer hard days than the season's minimum, easy or unset days fill in (our choice),
never rest days. Without a template, sessions are at least 48 hours apart (our choice).
Logging on a rest day is allowed, with a warning.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .constants import MIN_GAP_DAYS_NO_TEMPLATE, SCHEDULE_HORIZON_DAYS
from .model import Athlete, RunDay
from .season import SeasonStatus

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Slot(NamedTuple):
    """The chosen day, why it was chosen, and the season on it."""

    date: dt.date
    season: SeasonStatus
    why: str
    warnings: tuple[str, ...] = ()


def template(athlete: Athlete) -> dict[int, RunDay]:
    return {day: kind for day, kind in athlete.run_template if 0 <= day <= 6}


def rest_day_warning(day: dt.date, athlete: Athlete) -> str | None:
    """R19: the warning to show when lifting (or logging) on a rest day of the template."""
    if template(athlete).get(day.weekday()) == "rest":
        return (
            f"R19: {WEEKDAYS[day.weekday()]} is a rest day in your run template — lifting is "
            "allowed, but strength belongs on a hard day, after the run [002]."
        )
    return None


def _week_count(session_dates: Sequence[dt.date], day: dt.date) -> int:
    monday = day - dt.timedelta(days=day.weekday())
    return bisect.bisect_left(session_dates, day) - bisect.bisect_left(session_dates, monday)


def _last_before(session_dates: Sequence[dt.date], day: dt.date) -> dt.date | None:
    i = bisect.bisect_left(session_dates, day)
    return session_dates[i - 1] if i else None


def pick_day(
    start: dt.date,
    athlete: Athlete,
    session_dates: Sequence[dt.date],
    season_at: Callable[[dt.date], SeasonStatus],
) -> Slot:
    """The next lifting day on or after `start` (R19). `session_dates`: sorted, distinct.

    A day that already has a session logged is that session (in progress). A day on
    which the season allows no lifting stops the search: the slot says why (lift False).
    """
    days = template(athlete)
    hard = sorted(d for d, k in days.items() if k == "hard")
    i = bisect.bisect_left(session_dates, start)
    if i < len(session_dates) and session_dates[i] == start:
        season = season_at(start)
        warning = rest_day_warning(start, athlete)
        return Slot(
            start, season, "R19: today's session is under way.", (warning,) if warning else ()
        )
    for offset in range(SCHEDULE_HORIZON_DAYS + 1):
        day = start + dt.timedelta(days=offset)
        season = season_at(day)
        if not season.lift:
            return Slot(day, season, season.why)
        lo, hi = season.sessions_per_week
        done = _week_count(session_dates, day)
        if done >= hi:
            continue
        if days:
            kind = days.get(day.weekday())
            fill_in = len(hard) < lo and kind in ("easy", None)
            if kind == "hard" or fill_in:
                what = (
                    "a hard run day"
                    if kind == "hard"
                    else f"an {kind or 'unset'} day (fewer hard days than the season's {lo})"
                )
                return Slot(
                    day,
                    season,
                    f"R19: {WEEKDAYS[day.weekday()]} {day.isoformat()} is {what}, lift after the "
                    f"run; {done} of {lo}–{hi} sessions done this week.",
                )
            continue
        last = _last_before(session_dates, day)
        if last is None or (day - last).days >= MIN_GAP_DAYS_NO_TEMPLATE:
            gap = (
                ""
                if last is None
                else f", {(day - last).days} days after the last one ({last.isoformat()})"
            )
            return Slot(
                day,
                season,
                f"R19: no run template — sessions at least 48 hours apart{gap}; "
                f"{done} of {lo}–{hi} sessions done this week.",
            )
    warning = (
        f"R19: no lifting day in the next {SCHEDULE_HORIZON_DAYS} days fits your run template "
        "and the season; this is the session for the day asked."
    )
    return Slot(start, season_at(start), "", (warning,))
