"""liftlog's own CSV: one row per set, streamed from SQLite, lossless on re-import.

Columns, in this order (`HEADER`):

    date           the workout's date, YYYY-MM-DD
    time           the workout's start, HH:MM:SS (local wall-clock time)
    workout        the workout's name (empty for sessions logged in liftlog)
    workout_notes  the workout's notes, repeated on each of its rows
    exercise       the exercise's name (catalog or the athlete's own)
    order          the set's position in the workout, from 1
    kind           warmup | work
    side           L | R | empty
    weight_kg      the stored load in kg, to 15 significant digits (60, 62.5,
                   61.23496995), which reads back as the same text
    weight         the load in the athlete's unit, to 2 decimals (for people and
                   spreadsheets; the importer reads `weight_kg` when it is there)
    unit           the athlete's unit, kg | lb
    reps, seconds  whole numbers or empty
    rpe            1–10 in half steps, or empty
    note           the set's note
    logged_at      when the set was logged, YYYY-MM-DDTHH:MM:SS

A workout is identified by its date, start time and name. Text cells that a
spreadsheet would run as a formula (they begin with = + - @ tab CR, or an apostrophe)
get an apostrophe in front (`cells.neutralise`); `liftlog import` removes it again.
Rows end in CRLF (RFC 4180); a line break inside a note stays inside its quotes.

Speed: SQLite formats each row into one CSV line (quoting and neutralising included)
and the rows come out in order without a sort: the athlete's workouts are first
numbered in order in a small TEMP table (one row per workout), which then drives the
`(workout_id, position)` index of the sets. Python only writes the lines, a batch at a
time, so the export costs about what `sqlite3 -csv` does and its memory stays flat.
Plain `sqlite3` only (no ORM), inside one read transaction (a consistent snapshot).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from liftlog.units import KG_PER_LB

if TYPE_CHECKING:
    from liftlog.store.queries import AthleteRow

HEADER = (
    "date",
    "time",
    "workout",
    "workout_notes",
    "exercise",
    "order",
    "kind",
    "side",
    "weight_kg",
    "weight",
    "unit",
    "reps",
    "seconds",
    "rpe",
    "note",
    "logged_at",
)
LINE_END = "\r\n"

#: Rows fetched and written per batch (and between two progress reports).
BATCH_ROWS = 2000

Progress = Callable[[int, int], None]

_WORKOUTS = "temp.liftlog_export_workout"
_EXERCISES = "temp.liftlog_export_exercise"


def _neutralised(x: str) -> str:
    """SQL for `cells.neutralise`: the same characters, apostrophe first."""
    return (
        f"(CASE WHEN substr({x}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13), '''')"
        f" THEN '''' || {x} ELSE {x} END)"
    )


def _cell(x: str) -> str:
    """SQL for one text cell as the csv module writes it (quoted when it holds a comma,
    a quote or a line break), neutralised against formulas. Neutralising after doubling
    the quotes is the same: a leading quote is not one of the formula characters."""
    needs_quotes = (
        f"instr({x}, ',') OR instr({x}, '\"') OR instr({x}, char(10)) OR instr({x}, char(13))"
    )
    quoted = _neutralised(f"replace({x}, '\"', '\"\"')")
    return (
        f"(CASE WHEN {x} = '' THEN '' WHEN {needs_quotes} THEN '\"' || {quoted} || '\"'"
        f" ELSE {_neutralised(x)} END)"
    )


_SETUP = (
    f"DROP TABLE IF EXISTS {_WORKOUTS}",
    f"DROP TABLE IF EXISTS {_EXERCISES}",
    f"CREATE TEMP TABLE {_WORKOUTS[5:]}"
    " (rn INTEGER PRIMARY KEY, id INTEGER NOT NULL, head TEXT NOT NULL)",
    f"CREATE TEMP TABLE {_EXERCISES[5:]} (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
)

# the first four cells of every row of a workout, made once per workout, in order
_FILL_WORKOUTS = f"""
INSERT INTO {_WORKOUTS} (id, head)
SELECT id, date || ',' || strftime('%H:%M:%S', started_at) || ','
           || {_cell("name")} || ',' || {_cell("notes")}
FROM workout WHERE athlete_id = :athlete
ORDER BY date, started_at, id
"""

_FILL_EXERCISES = f"INSERT INTO {_EXERCISES} (id, name) SELECT id, {_cell('name')} FROM exercise"

# `format` builds the line in one allocation; NULL prints as an empty cell under %s
_ROWS = f"""
SELECT format('%s,%s,%d,%s,%s,%.15g,%.15g,%s,%s,%s,%s,%s,%s' || char(13, 10),
              w.head, e.name, s.position, s.kind, s.side,
              s.weight_kg, round(s.weight_kg / :per_unit, 2), :unit,
              s.reps, s.seconds, iif(s.rpe IS NULL, NULL, format('%g', s.rpe)),
              {_cell("s.note")},
              strftime('%Y-%m-%dT%H:%M:%S', s.logged_at))
FROM {_WORKOUTS} w
CROSS JOIN workout_set s ON s.workout_id = w.id
JOIN {_EXERCISES} e ON e.id = s.exercise_id
ORDER BY w.rn, s.position, s.id
"""


def export_csv(
    conn: sqlite3.Connection,
    athlete: AthleteRow,
    out: TextIO,
    progress: Progress | None = None,
) -> int:
    """Write the athlete's whole log to `out` as liftlog CSV; return the rows written.

    `out` is a text stream opened with `newline=""` (the rows carry their own CRLF).
    `progress(done, total)` is called at the start and after each batch when given;
    the TUI's "export: CSV" uses it from a worker thread with its own connection.
    """
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")  # one snapshot for the workouts and their sets
    try:
        for statement in _SETUP:
            conn.execute(statement)
        conn.execute(_FILL_WORKOUTS, {"athlete": athlete.id})
        conn.execute(_FILL_EXERCISES)
        total = 0
        if progress is not None:
            total = conn.execute(
                "SELECT count(*) FROM workout_set WHERE athlete_id = ?", (athlete.id,)
            ).fetchone()[0]
            progress(0, total)
        out.write(",".join(HEADER) + LINE_END)
        per_unit = KG_PER_LB if athlete.units == "lb" else 1.0
        cursor = conn.execute(_ROWS, {"per_unit": per_unit, "unit": athlete.units})
        done = 0
        while batch := cursor.fetchmany(BATCH_ROWS):
            out.write("".join([row[0] for row in batch]))
            done += len(batch)
            if progress is not None:
                progress(done, max(total, done))
        cursor.close()
    finally:
        conn.execute(f"DROP TABLE IF EXISTS {_WORKOUTS}")
        conn.execute(f"DROP TABLE IF EXISTS {_EXERCISES}")
        if own_transaction:
            conn.rollback()  # it only ever wrote the TEMP tables just dropped
    return done
