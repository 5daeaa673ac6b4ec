"""The race calendar: A races shape the season (R14–R18), B races lighten it (R21)."""

from __future__ import annotations

import datetime as dt

from liftlog.inputs import PRIORITIES, InputError, choice, clean_name, parse_date
from liftlog.service.log import Log
from liftlog.store import races as store
from liftlog.store.rows import RaceRow


def list_races(log: Log) -> list[RaceRow]:
    """The races, soonest first."""
    with log.reading() as conn:
        return store.list_races(conn, log.athlete_id)


def save_race(
    log: Log, *, name: str, date: str | dt.date, priority: str, race_id: int | None = None
) -> RaceRow:
    """Add a race (race_id None) or change one; the name, date and priority as typed."""
    name = clean_name(name, "race name")
    day = date if isinstance(date, dt.date) else parse_date(date, "race date")
    priority = choice(priority, PRIORITIES, "priority")
    try:
        return store.save_race(
            log.db,
            athlete_id=log.athlete_id,
            race_id=race_id,
            name=name,
            date=day,
            priority=priority,
        )
    except LookupError as exc:
        raise InputError(str(exc)) from None


def delete_race(log: Log, race_id: int) -> bool:
    """Take one race off the calendar; False when it was already gone."""
    return store.delete_races(log.db, athlete_id=log.athlete_id, race_ids=[race_id]) == 1


def delete_races_named(log: Log, name: str) -> int:
    """Take every race called `name` (any case) off the calendar; how many."""
    matches = [r.id for r in list_races(log) if r.name.casefold() == name.strip().casefold()]
    if not matches:
        raise InputError(f"no race called {name!r}.")
    return store.delete_races(log.db, athlete_id=log.athlete_id, race_ids=matches)
