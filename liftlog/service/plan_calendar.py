"""The plan as iCalendar (`liftlog calendar`): projected sessions, races and their windows.

Sessions are projected with the coach itself: the next session on or after the start
(R19) is what `liftlog next` gives; each after it is the coach's answer with the
sessions before it counted as lifted as prescribed, to the top of each range
(`progression.as_prescribed`), so the loads move as the rules would move them (FORM to
BUILD, 5 kg every 2–4 weeks, the taper). What is really lifted moves them again: a
re-export updates the events. The taper, stop and recovery
windows (and a B race's lighter and no-session days) come from the rules' own
`season_status`, day by day, so the calendar cannot disagree with Today.
"""

from __future__ import annotations

import datetime as dt

from liftlog.progression import (
    DayPrescription,
    LoggedSet,
    Race,
    as_prescribed,
    format_text,
    season_status,
)
from liftlog.runs.ical import PlannedSession, RaceDay, Window, write_calendar
from liftlog.service.coach import prescription_for
from liftlog.service.log import Log
from liftlog.service.runs import local_zone
from liftlog.service.season import as_rules
from liftlog.store.athletes import get_athlete
from liftlog.store.races import list_races
from liftlog.store.rows import RaceRow
from liftlog.units import Unit

DEFAULT_WEEKS = 12
MAX_WEEKS = 104

_WINDOW_TITLES = {
    "taper": "Taper before {race}: lighter lifting (R16)",
    "stop": "No lifting before {race} (R17)",
    "recovery": "Recovery after {race}: no lifting (R18)",
    "lighter": "Lighter lifting before {race} (B race)",
    "no-session": "No lifting around {race} (B race, R21)",
}


def project(log: Log, start: dt.date, weeks: int, today: dt.date) -> list[DayPrescription]:
    """The strength sessions of the `weeks` from `start`, as R19 would pick them."""
    end = start + dt.timedelta(weeks=weeks)
    planned: list[dt.date] = []
    assumed: list[LoggedSet] = []
    sessions: list[DayPrescription] = []
    day = start
    with log.reading() as conn:
        while day < end:
            found = prescription_for(
                conn, log.athlete_id, day, pick=True, today=today, planned=planned,
                assumed=assumed,
            )  # fmt: skip
            if found.date >= end:
                break
            if found.lift and found.exercises:
                sessions.append(found)
                planned.append(found.date)
                assumed += as_prescribed(found)
            day = max(found.date, day) + dt.timedelta(days=1)
    return sessions


def _window_kind(day: dt.date, races: tuple[Race, ...], stop_days: int) -> tuple[str, Race] | None:
    """Which window `day` is in, and the race it belongs to (None: an ordinary day)."""
    status = season_status(day, races, stop_days)
    if status.b_race is not None and not status.lift:
        return "no-session", status.b_race
    if status.phase in ("STOP", "TAPER") and status.race is not None:
        return status.phase.lower(), status.race
    if status.phase == "RECOVERY":
        before = [r for r in races if r.priority == "A" and r.date < day]
        return ("recovery", max(before, key=lambda r: r.date)) if before else None
    if status.b_race is not None and status.light:
        return "lighter", status.b_race
    return None


def windows(races: list[RaceRow], start: dt.date, end: dt.date, stop_days: int) -> list[Window]:
    """Taper, stop, recovery (A races) and lighter, no-session (B races) from `start`
    to `end`: consecutive days of one kind and race make one window."""
    rows = {(r.name, r.date, r.priority): r for r in races}
    rules = as_rules(races)
    spans: list[tuple[str, RaceRow, dt.date, dt.date]] = []
    day = start
    while day <= end:
        found = _window_kind(day, rules, stop_days)
        row = None if found is None else rows.get((found[1].name, found[1].date, found[1].priority))
        if found is not None and row is not None:
            kind = found[0]
            last = spans[-1] if spans else None
            if last and last[:2] == (kind, row) and last[3] == day - dt.timedelta(days=1):
                spans[-1] = (kind, row, last[2], day)
            else:
                spans.append((kind, row, day, day))
        day += dt.timedelta(days=1)
    return [
        Window(kind, first, last_day, _WINDOW_TITLES[kind].format(race=row.name), _race_day(row))
        for kind, row, first, last_day in spans
    ]


def _race_day(row: RaceRow) -> RaceDay:
    return RaceDay(row.name, row.date, row.priority, key=str(row.id))


#: The line under every projected session after the first.
ASSUMED = (
    "Loads as if the sessions before this one are lifted as prescribed, to the top of"
    " each range; what you lift moves them (export the calendar again to update it)."
)


def _session(day: DayPrescription, units: Unit, first: bool) -> PlannedSession:
    phase = day.season.phase.title()
    names = ", ".join(e.exercise for e in day.exercises)
    text = format_text(day, units)
    return PlannedSession(
        day=day.date,
        title=f"Strength ({phase}): {names}",
        description=text if first else f"{text}\n\n{ASSUMED}",
    )


def calendar_bytes(
    log: Log,
    *,
    start: dt.date,
    weeks: int = DEFAULT_WEEKS,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    zone: dt.tzinfo | None = None,
) -> bytes:
    """The .ics of the plan from `start`: sessions for `weeks`, every race from `start` on,
    and the windows up to a week after the last of them."""
    today = today or dt.date.today()
    sessions = project(log, start, weeks, today)
    with log.reading() as conn:
        athlete = get_athlete(conn, log.athlete_id)
        races = [r for r in list_races(conn, log.athlete_id) if r.date >= start]
    last = max([start + dt.timedelta(weeks=weeks), *(r.date for r in races)])
    return write_calendar(
        sessions=[_session(s, athlete.units, i == 0) for i, s in enumerate(sessions)],
        races=[_race_day(r) for r in races],
        windows=windows(races, start, last + dt.timedelta(days=7), athlete.stop_days),
        tz=zone or local_zone(),
        now=now or dt.datetime.now(dt.UTC),
    )
