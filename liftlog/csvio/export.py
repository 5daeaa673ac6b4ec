"""liftlog's own CSV: one row per set, lossless on re-import. The format only: the
store writes the rows (`liftlog.store.export`) and the importer reads them back.

Columns, in this order (`HEADER`):

    date           the workout's date, YYYY-MM-DD
    time           the workout's start, HH:MM:SS (local wall-clock time)
    workout        the workout's name (empty for sessions logged in liftlog)
    workout_notes  the workout's notes, repeated on each of its rows
    exercise       the exercise's name (catalog or the athlete's own)
    order          the set's position in the workout, from 1
    kind           warmup | work | drop | failure
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
    superset       the set's superset group (a label shared by the sets of one
                   superset, within its workout), or empty
    ended_at       when the workout ended, YYYY-MM-DDTHH:MM:SS, or empty

The last two came with SPEC revision 2: a file without them (liftlog 0.1) still
imports, its sets with no superset and its workouts with no end.

A workout is identified by its date, start time and name. Text cells that a
spreadsheet would run as a formula (they begin with = + - @ tab CR, or an apostrophe)
get an apostrophe in front (`cells.neutralise`); `liftlog import` removes it again.
Rows end in CRLF (RFC 4180); a line break inside a note stays inside its quotes.
"""

from __future__ import annotations

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
    "superset",
    "ended_at",
)
LINE_END = "\r\n"
