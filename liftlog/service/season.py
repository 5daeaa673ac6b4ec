"""The season as the Season screen shows it: races, run week, the phase timeline, and
the last weeks' runs (hard or easy, R22) beside the days you lifted.

The timeline is computed here from the rules' own `season_status`, day by day, so it
can never disagree with what Today prescribes; consecutive days in one phase (and
lightness, for a B race) become one segment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from liftlog.progression import Race, SeasonStatus, season_status, year_share
from liftlog.progression.constants import RECOVERY_DAYS, SPECIFIC_FROM_DAYS
from liftlog.service.log import Log
from liftlog.service.runs import DayMark, recent_weeks
from liftlog.store.athletes import get_athlete
from liftlog.store.coach import session_dates
from liftlog.store.races import list_races
from liftlog.store.rows import AthleteRow, RaceRow

#: How far the timeline looks when no A race is on the calendar.
TIMELINE_DEFAULT_DAYS = SPECIFIC_FROM_DAYS


@dataclass(frozen=True, slots=True)
class Segment:
    """Days in one season phase, first to last inclusive."""

    phase: str
    start: dt.date
    end: dt.date
    light: bool
    lift: bool
    sessions_per_week: tuple[int, int]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


#: How many weeks the Season screen's strip of runs and lifts shows.
RECENT_WEEKS = 4


@dataclass(frozen=True, slots=True)
class SeasonView:
    athlete: AthleteRow
    races: list[RaceRow]
    today: SeasonStatus
    timeline: list[Segment]
    year_share: float
    recent: list[list[DayMark]] = field(default_factory=list)  # weeks of runs and lifts


def as_rules(races: list[RaceRow]) -> tuple[Race, ...]:
    return tuple(Race(r.name, r.date, r.priority) for r in races)  # type: ignore[arg-type]


def timeline(races: tuple[Race, ...], start: dt.date, stop_days: int) -> list[Segment]:
    """The phases from `start` to a week after the next A race (12 weeks with none)."""
    next_a = min((r.date for r in races if r.priority == "A" and r.date >= start), default=None)
    end = (
        next_a + dt.timedelta(days=RECOVERY_DAYS)
        if next_a
        else start + dt.timedelta(days=TIMELINE_DEFAULT_DAYS)
    )
    segments: list[Segment] = []
    day = start
    while day <= end:
        status = season_status(day, races, stop_days)
        last = segments[-1] if segments else None
        if (
            last is not None
            and last.phase == status.phase
            and last.light == status.light
            and last.lift == status.lift
        ):
            segments[-1] = Segment(
                last.phase, last.start, day, last.light, last.lift, last.sessions_per_week
            )
        else:
            segments.append(
                Segment(status.phase, day, day, status.light, status.lift, status.sessions_per_week)
            )
        day += dt.timedelta(days=1)
    return segments


def load_season(log: Log, today: dt.date) -> SeasonView:
    """Races, the season today, the timeline and the year's share of strength weeks."""
    with log.reading() as conn:
        athlete = get_athlete(conn, log.athlete_id)
        races = list_races(conn, log.athlete_id)
        dates = session_dates(conn, log.athlete_id, today - dt.timedelta(days=7 * 53))
        recent = recent_weeks(conn, log.athlete_id, today, dates, RECENT_WEEKS)
    rules = as_rules(races)
    return SeasonView(
        athlete,
        races,
        season_status(today, rules, athlete.stop_days),
        timeline(rules, today, athlete.stop_days),
        year_share(dates, today),
        recent,
    )
