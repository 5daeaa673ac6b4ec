"""Every write the TUI makes, for worker threads; each call commits before it returns.

`liftlog.store.writes` (and with it sqlmodel and SQLAlchemy) is imported here on the
first write, or earlier by `warm_up` in a background thread after the first paint, so
the start of the app never pays for the ORM. One lock serialises the writes of the
app, so sets keep the order they were logged in even when keys come faster than disk.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from liftlog.setgrammar import ParsedSet

if TYPE_CHECKING:
    from liftlog.store.db import Database

WRITE_LOCK = threading.Lock()


def warm_up() -> None:
    """Import the write path ahead of the first logged set (call from a thread)."""
    import liftlog.store.writes  # noqa: F401


def log_set(
    db: Database, *, athlete_id: int, exercise_id: int, date: dt.date, kind: str, parsed: ParsedSet
) -> int:
    """Append one set to the day's workout and commit it; its id (for undo)."""
    from liftlog.store.writes import log_sets

    with WRITE_LOCK, db.session() as session:
        (row,) = log_sets(
            session,
            athlete_id=athlete_id,
            exercise_id=exercise_id,
            date=date,
            sets=[(kind, parsed)],
        )
        assert row.id is not None
        return row.id


@dataclass(frozen=True, slots=True)
class UndoneSet:
    """The set an undo removed."""

    set_id: int
    exercise_id: int
    kind: str
    side: str | None


def undo_last(db: Database, *, athlete_id: int, date: dt.date) -> UndoneSet | None:
    """Delete the set logged last on `date`; None when the day has no sets."""
    from liftlog.store.writes import delete_set

    with WRITE_LOCK:
        conn = db.connect()
        try:
            row = conn.execute(
                "SELECT s.id, s.exercise_id, s.kind, s.side FROM workout w"
                " CROSS JOIN workout_set s ON s.workout_id = w.id"
                " WHERE w.athlete_id = ? AND w.date = ? ORDER BY s.id DESC LIMIT 1",
                (athlete_id, date.isoformat()),
            ).fetchone()
        finally:
            conn.close()
        if row is None:
            return None
        with db.session() as session:
            delete_set(session, athlete_id=athlete_id, set_id=row[0])
    return UndoneSet(row[0], row[1], row[2], row[3])


def set_bodyweight(db: Database, *, athlete_id: int, date: dt.date, kg: float) -> None:
    from liftlog.store import writes

    with WRITE_LOCK, db.session() as session:
        writes.set_bodyweight(session, athlete_id=athlete_id, date=date, kg=kg)


def save_race(
    db: Database,
    *,
    athlete_id: int,
    race_id: int | None,
    name: str,
    date: dt.date,
    priority: str,
) -> None:
    """Add a race (race_id None) or change one."""
    from liftlog.store import writes
    from liftlog.store.models import Race

    with WRITE_LOCK, db.session() as session:
        if race_id is None:
            writes.add_race(session, athlete_id=athlete_id, name=name, date=date, priority=priority)
            return
        race = session.get(Race, race_id)
        if race is None or race.athlete_id != athlete_id:
            raise LookupError("that race is no longer on the calendar")
        race.name, race.date, race.priority = name, date, priority
        session.add(race)
        session.commit()


def delete_race(db: Database, *, athlete_id: int, race_id: int) -> None:
    from liftlog.store.models import Race

    with WRITE_LOCK, db.session() as session:
        race = session.get(Race, race_id)
        if race is not None and race.athlete_id == athlete_id:
            session.delete(race)
            session.commit()


def update_profile(
    db: Database,
    *,
    athlete_id: int,
    units: str | None = None,
    bar_kg: float | None = None,
    plates_kg: Sequence[tuple[float, int]] | None = None,
    run_template: dict[int, str] | None = None,
) -> None:
    from liftlog.store import writes

    with WRITE_LOCK, db.session() as session:
        writes.update_athlete(
            session,
            athlete_id=athlete_id,
            units=units,
            bar_kg=bar_kg,
            plates_kg=plates_kg,
            run_template=run_template,
        )


@dataclass(frozen=True, slots=True)
class NewExercise:
    """An exercise the athlete adds to their catalog."""

    name: str
    category: str
    equipment: str
    laterality: str
    measure: str
    increment_kg: float


def add_exercise(db: Database, *, athlete_id: int, new: NewExercise) -> int:
    from liftlog.store import writes

    with WRITE_LOCK, db.session() as session:
        row = writes.add_exercise(
            session,
            athlete_id=athlete_id,
            name=new.name,
            category=new.category,
            equipment=new.equipment,
            laterality=new.laterality,
            measure=new.measure,
            increment_kg=new.increment_kg,
        )
        assert row.id is not None
        return row.id
