"""Export → import into an empty database → export gives the same file (SPEC §5 CSV)."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftlog.csvio.export import HEADER
from liftlog.service.imports import import_file
from liftlog.service.log import Log
from liftlog.service.transfer import write_csv
from liftlog.store.rows import store_datetime
from liftlog.units import Unit, to_kg
from tests.unit.csvio.conftest import NewDatabase, NewFile

CATALOG = ["Back Squat", "Deadlift", "Plank", "Side Plank", "Push-Up", "Split Squat"]
# the athlete's own exercises: names a spreadsheet could mistake for formulas, commas,
# quotes; none of them is a catalog name or alias
OWN = ["Bench Press (Barbell)", "=Cable Fly", "-Reverse Hyper", 'Curl, "hammer"', "@home row"]
FORMULAS = ["=", "+", "-", "@", "\t", "\r", "'", "'=", "=1+2", "-5 felt easy", "@SUM(A1)"]

# NUL is left out: SQLite text functions stop at it, and no keyboard types one
text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
    max_size=12,
)
tricky_text = st.one_of(
    text,
    st.builds(lambda a, b: a + b, st.sampled_from(FORMULAS), text),
    st.sampled_from(["a, b", 'say "hi"', "two\nlines", "cr\r\nlf", " padded ", ""]),
)


@dataclass
class LoggedSet:
    exercise: str
    kind: str
    side: str | None
    weight: float  # in the athlete's unit, as typed (two decimals at most)
    reps: int | None
    seconds: int | None
    rpe: float | None
    note: str
    logged_at: dt.datetime
    superset: str | None = None


@dataclass
class LoggedWorkout:
    started_at: dt.datetime
    name: str
    notes: str
    sets: list[LoggedSet]
    ended_at: dt.datetime | None = None


moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 12, 31)).map(
    lambda d: d.replace(microsecond=0)
)


@st.composite
def logged_sets(draw: st.DrawFn) -> LoggedSet:
    timed = draw(st.booleans())
    return LoggedSet(
        exercise=draw(st.sampled_from(CATALOG + OWN)),
        kind=draw(st.sampled_from(["warmup", "work", "drop", "failure"])),
        side=draw(st.sampled_from([None, "L", "R"])),
        weight=draw(st.integers(0, 40000)) / 100,
        reps=None if timed else draw(st.integers(1, 100)),
        seconds=draw(st.integers(1, 3600)) if timed else None,
        rpe=draw(st.one_of(st.none(), st.integers(2, 20).map(lambda n: n / 2))),
        note=draw(tricky_text),
        logged_at=draw(moments),
        superset=draw(st.one_of(st.none(), st.sampled_from(["0", "1", "A"]), tricky_text)),
    )


workouts = st.lists(
    st.builds(
        LoggedWorkout,
        started_at=moments,
        name=tricky_text,
        notes=tricky_text,
        sets=st.lists(logged_sets(), min_size=1, max_size=6),
        ended_at=st.one_of(st.none(), moments),
    ),
    max_size=6,
    unique_by=lambda w: (w.started_at, w.name),  # a workout is its start and name
)


def write_log(conn: sqlite3.Connection, units: Unit, log: list[LoggedWorkout]) -> None:
    """Insert the log as the app stores it (kg, SQLAlchemy's datetime text)."""
    athlete_id = conn.execute("SELECT id FROM athlete").fetchone()[0]
    conn.execute("UPDATE athlete SET units = ?", (units,))
    ids = {name: ex_id for ex_id, name in conn.execute("SELECT id, name FROM exercise")}
    for name in OWN:
        cur = conn.execute(
            "INSERT INTO exercise (athlete_id, name, aliases, category, equipment, laterality,"
            " measure, increment_kg) VALUES (?, ?, '[]', 'general', 'barbell', 'bilateral',"
            " 'reps', 5.0)",
            (athlete_id, name),
        )
        ids[name] = cur.lastrowid
    for workout in log:
        cur = conn.execute(
            "INSERT INTO workout (athlete_id, date, started_at, name, notes, ended_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                athlete_id,
                workout.started_at.date().isoformat(),
                store_datetime(workout.started_at),
                workout.name,
                workout.notes,
                None if workout.ended_at is None else store_datetime(workout.ended_at),
            ),
        )
        for position, s in enumerate(workout.sets, start=1):
            conn.execute(
                "INSERT INTO workout_set (athlete_id, workout_id, exercise_id, position, kind,"
                " side, weight_kg, reps, seconds, rpe, note, logged_at, superset)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    athlete_id,
                    cur.lastrowid,
                    ids[s.exercise],
                    position,
                    s.kind,
                    s.side,
                    to_kg(s.weight, units),
                    s.reps,
                    s.seconds,
                    s.rpe,
                    s.note,
                    store_datetime(s.logged_at),
                    s.superset or None,
                ),
            )
    conn.commit()


def export_text(log: Log) -> str:
    out = io.StringIO(newline="")
    write_csv(log, out)
    return out.getvalue()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(units=st.sampled_from(["kg", "lb"]), log=workouts)
def test_export_import_export_is_identical(  # kinds, supersets and end times included
    new_db: NewDatabase, new_file: NewFile, units: Unit, log: list[LoggedWorkout]
) -> None:
    source, source_log = new_db()
    write_log(source, units, log)
    first = export_text(source_log)

    _, target_log = new_db()
    path = new_file(first)
    summary = import_file(target_log, path)
    second = export_text(target_log)

    assert second == first
    assert summary.sets == sum(len(w.sets) for w in log)
    assert summary.duplicates == 0


def test_a_pound_athletes_file_sets_a_fresh_database_to_pounds(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    source, source_log = new_db()
    log = [
        LoggedWorkout(
            dt.datetime(2026, 5, 7, 6, 13),
            "",
            "",
            [
                LoggedSet(
                    "Back Squat", "work", None, 135, 5, None, 8, "", dt.datetime(2026, 5, 7, 6, 20)
                )
            ],
        )
    ]
    write_log(source, "lb", log)
    first = export_text(source_log)
    assert "61.23496995,135,lb,5" in first

    target, target_log = new_db()
    summary = import_file(target_log, new_file(first))
    assert summary.units_set == "lb"
    units, bar_kg, plates = target.execute("SELECT units, bar_kg, plates FROM athlete").fetchone()
    assert units == "lb"
    assert round(bar_kg / 0.45359237, 6) == 45  # the default bar follows the unit
    assert json.loads(plates)[0][0] == to_kg(45, "lb")
    assert export_text(target_log) == first


def test_a_file_of_liftlog_0_1_without_the_new_columns_still_imports(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    source, source_log = new_db()
    moment = dt.datetime(2026, 5, 7, 6, 13)
    set_ = LoggedSet("Back Squat", "work", None, 60, 5, None, None, "", moment, superset="A")
    write_log(source, "kg", [LoggedWorkout(moment, "", "", [set_], ended_at=moment)])
    new = export_text(source_log)
    assert new.startswith(",".join(HEADER) + "\r\n")
    assert new.endswith(",A,2026-05-07T06:13:00\r\n")
    old = "".join(line.rsplit(",", 2)[0] + "\r\n" for line in new.splitlines())

    _, target_log = new_db()
    assert import_file(target_log, new_file(old)).sets == 1
    assert export_text(target_log) == new.replace(",A,2026-05-07T06:13:00", ",,")
