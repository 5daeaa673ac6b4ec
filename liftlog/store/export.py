"""Writing the log as liftlog CSV (`liftlog.csvio.export` defines the format), fast.

SQLite formats each row into one CSV line (quoting and neutralising included) and the
rows come out in order without a sort: the athlete's workouts are first numbered in
order in a small TEMP table (one row per workout), which then drives the
`(workout_id, position)` index of the sets. Python only writes the lines, a batch at a
time, so the export costs about what `sqlite3 -csv` does and its memory stays flat.
Plain `sqlite3` only (no ORM), inside one read transaction (a consistent snapshot).
The cell rule is `csvio.cells.neutralise` written in SQL; a test compares the two.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from liftlog.csvio.cells import FORMULA_STARTS
from liftlog.csvio.export import HEADER, LINE_END
from liftlog.units import KG_PER_LB

if TYPE_CHECKING:
    from liftlog.store.rows import AthleteRow


#: Rows fetched and written per batch (and between two progress reports).
BATCH_ROWS = 2000

Progress = Callable[[int, int], None]

_WORKOUTS = "temp.liftlog_export_workout"
_EXERCISES = "temp.liftlog_export_exercise"


def _sql_char(ch: str) -> str:
    """A one-character SQL literal (control characters as char(n))."""
    if ch.isprintable():
        return "'" + ch.replace("'", "''") + "'"
    return f"char({ord(ch)})"


#: `cells.FORMULA_STARTS` as an SQL list, so the two can never disagree.
_FORMULA_STARTS = ", ".join(_sql_char(ch) for ch in sorted(FORMULA_STARTS))


def _neutralised(x: str) -> str:
    """SQL for `cells.neutralise`: an apostrophe before a formula's first character."""
    return f"(CASE WHEN substr({x}, 1, 1) IN ({_FORMULA_STARTS}) THEN '''' || {x} ELSE {x} END)"


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
    " (rn INTEGER PRIMARY KEY, id INTEGER NOT NULL, head TEXT NOT NULL, tail TEXT NOT NULL)",
    f"CREATE TEMP TABLE {_EXERCISES[5:]} (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
)

# the first four cells and the last one of every row of a workout, made once per
# workout, in order
_FILL_WORKOUTS = f"""
INSERT INTO {_WORKOUTS} (id, head, tail)
SELECT id, date || ',' || strftime('%H:%M:%S', started_at) || ','
           || {_cell("name")} || ',' || {_cell("notes")},
       IFNULL(strftime('%Y-%m-%dT%H:%M:%S', ended_at), '')
FROM workout WHERE athlete_id = :athlete
ORDER BY date, started_at, id
"""

_FILL_EXERCISES = f"INSERT INTO {_EXERCISES} (id, name) SELECT id, {_cell('name')} FROM exercise"

# `format` builds the line in one allocation; NULL prints as an empty cell under %s
_ROWS = f"""
SELECT format('%s,%s,%d,%s,%s,%.15g,%.15g,%s,%s,%s,%s,%s,%s,%s,%s' || char(13, 10),
              w.head, e.name, s.position, s.kind, s.side,
              s.weight_kg, round(s.weight_kg / :per_unit, 2), :unit,
              s.reps, s.seconds, iif(s.rpe IS NULL, NULL, format('%g', s.rpe)),
              {_cell("s.note")},
              strftime('%Y-%m-%dT%H:%M:%S', s.logged_at),
              {_cell("IFNULL(s.superset, '')")}, w.tail)
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
    cursor: sqlite3.Cursor | None = None
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
    finally:
        # closed first: a table a running statement reads cannot be dropped, and that
        # error would hide the real one (a reader that left, a full disk)
        if cursor is not None:
            cursor.close()
        conn.execute(f"DROP TABLE IF EXISTS {_WORKOUTS}")
        conn.execute(f"DROP TABLE IF EXISTS {_EXERCISES}")
        if own_transaction:
            conn.rollback()  # it only ever wrote the TEMP tables just dropped
    return done
