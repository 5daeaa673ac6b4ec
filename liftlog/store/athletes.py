"""The athlete's profile and bodyweight log: reads on plain sqlite3, writes via sqlmodel."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from liftlog.store.db import write_transaction
from liftlog.store.rows import AthleteRow
from liftlog.units import DEFAULT_BAR, DEFAULT_PLATES, to_kg

if TYPE_CHECKING:
    from liftlog.store.db import Database


def ensure_athlete(conn: sqlite3.Connection) -> int:
    """The id of the database's athlete, creating the default one (kg) on first use."""
    query = "SELECT id FROM athlete ORDER BY id LIMIT 1"
    row = conn.execute(query).fetchone()
    if row is not None:
        return int(row[0])
    plates = [[to_kg(size, "kg"), pairs] for size, pairs in DEFAULT_PLATES["kg"]]
    with write_transaction(conn):
        row = conn.execute(query).fetchone()  # another process may have been first
        if row is not None:
            return int(row[0])
        cur = conn.execute(
            "INSERT INTO athlete (name, units, bar_kg, plates, run_template, stop_days, created_at)"
            " VALUES ('me', 'kg', ?, ?, '{}', 14, ?)",
            (DEFAULT_BAR["kg"], json.dumps(plates), dt.datetime.now().isoformat(" ", "seconds")),
        )
    return int(cur.lastrowid or 0)


def get_athlete(conn: sqlite3.Connection, athlete_id: int) -> AthleteRow:
    row = conn.execute(
        "SELECT id, name, units, bar_kg, plates, run_template, stop_days FROM athlete WHERE id = ?",
        (athlete_id,),
    ).fetchone()
    if row is None:
        raise LookupError(f"no athlete {athlete_id}")
    plates = tuple((float(size), int(pairs)) for size, pairs in json.loads(row[4]))
    template = {int(day): kind for day, kind in json.loads(row[5]).items()}
    return AthleteRow(row[0], row[1], row[2], float(row[3]), plates, template, int(row[6]))


def list_bodyweights(conn: sqlite3.Connection, athlete_id: int) -> list[tuple[dt.date, float]]:
    rows = conn.execute(
        "SELECT date, kg FROM bodyweight WHERE athlete_id = ? ORDER BY date", (athlete_id,)
    )
    return [(dt.date.fromisoformat(d), float(kg)) for d, kg in rows]


def set_bodyweight(db: Database, *, athlete_id: int, date: dt.date, kg: float) -> None:
    """Record the day's bodyweight, replacing an earlier reading that day."""
    from sqlmodel import select

    from liftlog.store.models import Bodyweight

    with db.session() as session:
        entry = session.exec(
            select(Bodyweight).where(Bodyweight.athlete_id == athlete_id, Bodyweight.date == date)
        ).first()
        if entry is None:
            entry = Bodyweight(athlete_id=athlete_id, date=date, kg=kg)
        entry.kg = kg
        session.add(entry)
        session.commit()


def update_athlete(
    db: Database,
    *,
    athlete_id: int,
    units: str | None = None,
    bar_kg: float | None = None,
    plates_kg: Sequence[tuple[float, int]] | None = None,
    run_template: dict[int, str] | None = None,
    stop_days: int | None = None,
    name: str | None = None,
) -> None:
    """Change the profile fields given; the others stay as they are."""
    from liftlog.store.models import Athlete

    with db.session() as session:
        athlete = session.get(Athlete, athlete_id)
        if athlete is None:
            raise LookupError(f"no athlete {athlete_id}")
        if units is not None:
            athlete.units = units
        if bar_kg is not None:
            athlete.bar_kg = bar_kg
        if plates_kg is not None:
            athlete.plates = json.dumps([[size, pairs] for size, pairs in plates_kg])
        if run_template is not None:
            athlete.run_template = json.dumps({str(k): v for k, v in sorted(run_template.items())})
        if stop_days is not None:
            athlete.stop_days = stop_days
        if name is not None:
            athlete.name = name
        session.add(athlete)
        session.commit()
