"""R19: which day the next strength session goes on.

Strength goes on hard run days, after the run ([002] "should be on a hard day … do your
weights routine later that day"; [003] "within 3 hours of your harder … workouts").
`pick_day` takes the earliest day from the given date on that meets all of: at least
48 hours after the last strength session (our choice); room left in the calendar week
(Monday–Sunday) for the season's sessions; not a rest day; not the day before a hard
day; and either a hard day, or an easy day when the hard days left in that week cannot
reach the season's minimum (a day the template leaves unset counts as easy). With one
hard day a week in GENERAL (2–3 sessions) that gives the hard day plus one easy day,
never two days in a row. The days' kinds come from the template, or from the runs of
R22 where there are runs (runs.py). Knowing nothing of the runner's week, sessions are
at least 48 hours apart. Logging on a rest day is allowed, with a warning.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .constants import MIN_GAP_DAYS, SCHEDULE_HORIZON_DAYS
from .model import Athlete, Race
from .runs import RunWeek, run_week
from .season import SeasonStatus
from .words import plural

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ONE_DAY = dt.timedelta(days=1)


class Slot(NamedTuple):
    """The chosen day, why it was chosen, and the season on it."""

    date: dt.date
    season: SeasonStatus
    why: str
    warnings: tuple[str, ...] = ()


def rest_day_warning(day: dt.date, athlete: Athlete, races: Sequence[Race] = ()) -> str | None:
    """R19: the warning to show when lifting (or logging) on a rest day of the runner's week."""
    week = run_week(athlete, races or athlete.races, day)
    kind, _ = week.kind(day)
    if kind == "rest":
        where = "your run template" if not week.inferred else "the week your runs show (R22)"
        return (
            f"R19: {WEEKDAYS[day.weekday()]} is a rest day in {where} — lifting is "
            "allowed, but strength belongs on a hard day, after the run [002]."
        )
    return None


def _week_count(session_dates: Sequence[dt.date], day: dt.date) -> int:
    monday = day - dt.timedelta(days=day.weekday())
    return bisect.bisect_left(session_dates, day) - bisect.bisect_left(session_dates, monday)


def _last_before(session_dates: Sequence[dt.date], day: dt.date) -> dt.date | None:
    i = bisect.bisect_left(session_dates, day)
    return session_dates[i - 1] if i else None


def _hard_days_left(week: RunWeek, day: dt.date) -> int:
    """Hard days after `day` up to its Sunday."""
    return sum(
        week.kind(day + dt.timedelta(days=k))[0] == "hard" for k in range(1, 7 - day.weekday())
    )


def _fits(week: RunWeek, day: dt.date, done: int, lo: int) -> str | None:
    """Why `day` is a lifting day by the runner's week, or None when it is not."""
    kind, _ = week.kind(day)
    if kind == "rest" or week.kind(day + ONE_DAY)[0] == "hard":
        return None
    name = f"{WEEKDAYS[day.weekday()]} {day.isoformat()}"
    if kind == "hard":
        return f"R19: {name} is a hard day ({week.source(day)}), lift after the run"
    left = _hard_days_left(week, day)
    if done + left < lo:
        return (
            f"R19: {name} is an easy day ({week.source(day)}) and the "
            f"{plural(left, 'hard day')} left this week can't reach the season's "
            f"{plural(lo, 'session')}"
        )
    return None


def pick_day(
    start: dt.date,
    athlete: Athlete,
    session_dates: Sequence[dt.date],
    season_at: Callable[[dt.date], SeasonStatus],
    races: Sequence[Race] = (),
) -> Slot:
    """The next lifting day on or after `start` (R19). `session_dates`: sorted, distinct.

    A day that already has a session logged is that session (in progress). A day on
    which the season allows no lifting stops the search: the slot says why (lift False).
    """
    week = run_week(athlete, races or athlete.races, start)
    i = bisect.bisect_left(session_dates, start)
    if i < len(session_dates) and session_dates[i] == start:
        warning = rest_day_warning(start, athlete, races)
        return Slot(
            start,
            season_at(start),
            "R19: today's session is under way.",
            (warning,) if warning else (),
        )
    for offset in range(SCHEDULE_HORIZON_DAYS + 1):
        day = start + dt.timedelta(days=offset)
        season = season_at(day)
        if not season.lift:
            return Slot(day, season, season.why)
        lo, hi = season.sessions_per_week
        done = _week_count(session_dates, day)
        last = _last_before(session_dates, day)
        if done >= hi or (last is not None and (day - last).days < MIN_GAP_DAYS):
            continue
        counted = f"; {done} of {lo}–{hi} sessions done this week."
        if week.kind(day)[1]:
            why = _fits(week, day, done, lo)
            if why is not None:
                return Slot(day, season, why + counted)
            continue
        gap = (
            "" if last is None else f", {plural((day - last).days, 'day')} after {last.isoformat()}"
        )
        return Slot(
            day,
            season,
            f"R19: no run template or runs — sessions at least {MIN_GAP_DAYS * 24} hours "
            f"apart{gap}{counted}",
        )
    warning = (
        f"R19: no lifting day in the next {SCHEDULE_HORIZON_DAYS} days fits your run week "
        "and the season; this is the session for the day asked."
    )
    return Slot(start, season_at(start), "", (warning,))
