"""A log holding hostile text, as a shared file or another program could leave it:
Rich markup in names, terminal escapes (OSC 52 clipboard, OSC 0 title), bidi controls.

The names go in through SQL, as the importer stores a file's names (as given), not
through `clean_name`, which refuses what a person types with control characters."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from liftlog.inputs import parse_set
from liftlog.service.exercises import change_routine, list_exercises
from liftlog.service.log import Log
from liftlog.service.profile import log_bodyweight
from liftlog.service.sets import log_sets

OSC_NAME = "Curl \x1b]52;c;cm0gLXJmIH4K\x07\x1b]0;owned\x07"
HOSTILE_NAMES = ("[/]", "Lift [/] x", "Row [bold red]X", OSC_NAME)
HOSTILE_RACE = "[/link]City \x1b]0;owned\x07 10K \u202eKR01"
HOSTILE_NOTE = "felt [b]great[/b] \x1b[2J\x9b\u202e"

#: What a terminal acts on, were it written raw: C0 controls (not line breaks), DEL,
#: C1 controls, and the bidi overrides and isolates.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def add_own_exercise(log: Log, name: str) -> None:
    with log.conn:
        log.conn.execute(
            "INSERT INTO exercise (athlete_id, name, aliases, category, equipment, laterality,"
            " measure, increment_kg, start_load_kg) VALUES (?, ?, '[]', 'general', 'dumbbell',"
            " 'bilateral', 'reps', 2.0, 10.0)",
            (log.athlete_id, name),
        )


def seed_hostile(
    log: Log,
    today: dt.date,
    names: Sequence[str] = HOSTILE_NAMES,
    race: str = HOSTILE_RACE,
    note: str = HOSTILE_NOTE,
) -> None:
    """A bodyweight; each name an exercise of the athlete's own, in the routine, with a
    set (and `note`) yesterday; the first also with a set today; an A race `race`."""
    log_bodyweight(log, 70.0, today - dt.timedelta(days=3))
    for name in names:
        add_own_exercise(log, name)
    rows = {row.name: row for row in list_exercises(log)}
    for i, name in enumerate(names):
        row = rows[name]
        change_routine(log, row, "add")
        log_sets(log, row, [parse_set("10x8")], date=today - dt.timedelta(days=1))
        if i == 0:
            log_sets(log, row, [parse_set("10x8")], date=today)
    with log.conn:
        log.conn.execute("UPDATE workout_set SET note = ?", (note,))
        log.conn.execute(
            "INSERT INTO race (athlete_id, name, date, priority) VALUES (?, ?, ?, 'A')",
            (log.athlete_id, race, (today + dt.timedelta(days=60)).isoformat()),
        )
    log.refresh()
