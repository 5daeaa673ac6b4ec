"""The race calendar: reads on plain sqlite3, writes via sqlmodel."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

from liftlog.store.rows import RaceRow

if TYPE_CHECKING:
    from liftlog.store.db import Database


def list_races(conn: sqlite3.Connection, athlete_id: int) -> list[RaceRow]:
    """The athlete's races, soonest first."""
    rows = conn.execute(
        "SELECT id, name, date, priority FROM race WHERE athlete_id = ? ORDER BY date, id",
        (athlete_id,),
    )
    return [RaceRow(r[0], r[1], dt.date.fromisoformat(r[2]), r[3]) for r in rows]


def save_race(
    db: Database,
    *,
    athlete_id: int,
    race_id: int | None,
    name: str,
    date: dt.date,
    priority: str,
) -> RaceRow:
    """Add a race (race_id None) or change one; LookupError when it is gone."""
    from liftlog.store.models import Race

    with db.session() as session:
        if race_id is None:
            race = Race(athlete_id=athlete_id, name=name, date=date, priority=priority)
        else:
            found = session.get(Race, race_id)
            if found is None or found.athlete_id != athlete_id:
                raise LookupError("that race is no longer on the calendar")
            race = found
            race.name, race.date, race.priority = name, date, priority
        session.add(race)
        session.commit()
        assert race.id is not None
        return RaceRow(race.id, race.name, race.date, race.priority)


def delete_races(db: Database, *, athlete_id: int, race_ids: list[int]) -> int:
    """Delete the athlete's races with these ids; how many were deleted."""
    from liftlog.store.models import Race

    deleted = 0
    with db.session() as session:
        for race_id in race_ids:
            race = session.get(Race, race_id)
            if race is not None and race.athlete_id == athlete_id:
                session.delete(race)
                deleted += 1
        session.commit()
    return deleted
