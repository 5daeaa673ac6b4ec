"""Importing in-process (`service.imports`): one transaction, every invalid row listed,
--skip-invalid, counted duplicates, own exercises, batches and undo, the summary rebuilt
once, progress."""

from __future__ import annotations

import io
import sqlite3

import pytest

from liftlog.service.imports import (
    ImportRefused,
    ImportsError,
    import_file,
    imports,
    undo_import,
)
from liftlog.service.transfer import write_csv
from tests.unit.csvio.conftest import NewDatabase, NewFile

HEADER = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
SQUAT = "2023-09-01,Barbell Squat,Legs,100,kgs,5,,,,\n"


def counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    return (
        conn.execute("SELECT count(*) FROM workout").fetchone()[0],
        conn.execute("SELECT count(*) FROM workout_set").fetchone()[0],
        conn.execute("SELECT count(*) FROM exercise WHERE athlete_id IS NOT NULL").fetchone()[0],
    )


def test_identical_sets_are_counted_not_merged(new_db: NewDatabase, new_file: NewFile) -> None:
    conn, log = new_db()
    three = new_file(HEADER + SQUAT * 3)
    assert import_file(log, three).sets == 3
    # a longer file: the three are there already, the fourth is new
    four = import_file(log, new_file(HEADER + SQUAT * 4))
    assert (four.sets, four.duplicates, four.new_workouts) == (1, 3, 0)
    assert counts(conn) == (1, 4, 0)
    positions = [p for (p,) in conn.execute("SELECT position FROM workout_set ORDER BY id")]
    assert positions == [1, 2, 3, 4]


def test_every_invalid_row_is_listed_and_nothing_is_written(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    conn, log = new_db()
    bad = [SQUAT.replace("100", "-1"), SQUAT.replace(",5,", ",877777,")] * 15  # 30 rows
    path = new_file(HEADER + SQUAT + "2023-09-01,Zercher Squat,Legs,60,kgs,5,,,,\n" + "".join(bad))
    with pytest.raises(ImportRefused) as caught:
        import_file(log, path)
    refused = caught.value
    assert str(refused) == (
        f"{path.name} has 30 invalid rows, so nothing was imported; fix them, or import the"
        " others with --skip-invalid."
    )
    assert refused.count == 30
    assert [(p.line, p.why) for p in refused.problems[:2]] == [
        (4, "weight -1 kg can't be negative"),
        (5, "reps 877777 must be between 1 and 100"),
    ]
    assert len(refused.problems) == 20  # the first 20, and the count
    assert counts(conn) == (0, 0, 0)
    assert conn.execute("SELECT count(*) FROM import_batch").fetchone()[0] == 0
    assert not conn.in_transaction


def test_skip_invalid_imports_the_valid_rows_and_reports_the_others(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    conn, log = new_db()
    path = new_file(HEADER + SQUAT + SQUAT.replace("100", "-1") + SQUAT)
    summary = import_file(log, path, skip_invalid=True)
    assert (summary.sets, summary.invalid_count) == (2, 1)
    assert [(p.line, p.why) for p in summary.invalid] == [(3, "weight -1 kg can't be negative")]
    assert counts(conn) == (1, 2, 0)


def test_dry_run_counts_everything_and_keeps_nothing(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    conn, log = new_db()
    path = new_file(HEADER + SQUAT + "2023-09-01,Zercher Squat,Legs,60,kgs,5,,,,\n")
    summary = import_file(log, path, dry_run=True)
    assert (summary.sets, summary.workouts) == (2, 1)
    assert summary.new_exercises == [("Zercher Squat", "barbell")]
    assert counts(conn) == (0, 0, 0)


def test_unknown_exercises_become_the_athletes_own_once(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    conn, log = new_db()
    rows = [
        "2023-09-01,Curl (Dumbbell),Arms,12,kgs,10,,,,\n",
        "2023-09-01,curl (dumbbell),Arms,12,kgs,10,,,,\n",  # the same name, other case
        "2023-09-01,Dead Hang,Back,,,,,,0:00:30,\n",
    ]
    summary = import_file(log, new_file(HEADER + "".join(rows)))
    assert summary.new_exercises == [("Curl (Dumbbell)", "dumbbell"), ("Dead Hang", "bodyweight")]
    own = conn.execute(
        "SELECT name, equipment, measure, athlete_id FROM exercise WHERE athlete_id IS NOT NULL"
        " ORDER BY id"
    ).fetchall()
    assert own == [
        ("Curl (Dumbbell)", "dumbbell", "reps", log.athlete_id),
        ("Dead Hang", "bodyweight", "seconds", log.athlete_id),
    ]


def test_progress_is_reported_in_bytes(new_db: NewDatabase, new_file: NewFile) -> None:
    _, log = new_db()
    path = new_file(HEADER + SQUAT * 4500)
    seen: list[tuple[int, int]] = []
    import_file(log, path, progress=lambda done, total: seen.append((done, total)))
    size = path.stat().st_size
    assert seen[-1] == (size, size)
    assert len(seen) >= 3
    assert all(0 < done <= total == size for done, total in seen)


def test_export_reports_progress_for_the_tui(new_db: NewDatabase, new_file: NewFile) -> None:
    conn, log = new_db()
    import_file(log, new_file(HEADER + SQUAT * 4500))
    seen: list[tuple[int, int]] = []
    out = io.StringIO(newline="")
    rows = write_csv(log, out, progress=lambda done, total: seen.append((done, total)))
    assert rows == 4500
    assert seen[0] == (0, 4500) and seen[-1] == (4500, 4500)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert out.getvalue().count("\r\n") == 4501
    # the export leaves nothing behind on the connection
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0


def test_the_import_refuses_to_join_a_callers_open_transaction(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    conn, log = new_db()
    conn.execute(
        "INSERT INTO bodyweight (athlete_id, date, kg) VALUES (?, '2026-01-01', 70)",
        (log.athlete_id,),
    )
    with pytest.raises(RuntimeError):
        import_file(log, new_file(HEADER + SQUAT))


def test_cardio_and_other_rows_that_are_not_sets_are_counted_by_why(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    _, log = new_db()
    rows = "2023-09-01,Zumba,Cardio,,,,,,0:25:00,\n2023-09-01,Treadmill,Cardio,,,,5,km,0:30:00,\n"
    summary = import_file(log, new_file(HEADER + SQUAT + rows + "2023-09-01,Plank,Abs,,,,,,,\n"))
    assert summary.skipped == {"cardio": 2, "no reps or time": 1}
    assert summary.sets == 1


def test_an_import_is_a_batch_that_undo_removes_exactly(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    conn, log = new_db()
    import_file(log, new_file(HEADER + SQUAT))  # a first import stays
    before = dump(conn)
    second = import_file(
        log,
        new_file(HEADER + SQUAT * 2 + "2023-09-02,Zercher Squat,Legs,60,kgs,5,,,,\n"),
    )
    assert second.batch_id == 2
    assert (second.sets, second.duplicates) == (2, 1)  # one more squat, and a new day
    assert [(b.id, b.sets, b.format) for b in imports(log)] == [
        (1, 1, "fitnotes"),
        (2, 2, "fitnotes"),
    ]
    _, undone = undo_import(log, 2)
    assert (undone.sets, undone.workouts, undone.exercises) == (2, 1, 1)
    assert dump(conn) == before  # sets, workouts, exercises and the summary as they were
    assert imports(log)[1].undone_at is not None
    with pytest.raises(ImportsError, match=r"import 2 .* was undone already"):
        undo_import(log, 2)
    with pytest.raises(ImportsError, match="there is no import 9"):
        undo_import(log, 9)


def test_undo_then_import_again_gives_the_same_log(new_db: NewDatabase, new_file: NewFile) -> None:
    conn, log = new_db()
    path = new_file(HEADER + SQUAT * 3 + "2023-09-02,Zercher Squat,Legs,60,kgs,5,,,,\n")
    first = import_file(log, path)
    after_first = dump(conn, ids=False)
    again = import_file(log, path)
    assert (again.sets, again.duplicates, again.batch_id) == (0, 4, None)  # nothing, unrecorded
    assert again.imported_before == [first.batch_id]
    undo_import(log, first.batch_id or 0)
    assert counts(conn) == (0, 0, 0)
    import_file(log, path)
    assert dump(conn, ids=False) == after_first


def test_a_sqlite_that_binds_few_values_gets_the_same_import(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    """Sets go in multi-row INSERTs, as many rows as the library binds values for: a
    SQLite limited to 30 values per statement (two sets) imports the very same log."""
    rows = [f"2023-09-0{day},Barbell Squat,Legs,{60 + n},kgs,5,,,,\n" for day in (1, 3)
            for n in range(5)]  # fmt: skip
    path = new_file(HEADER + "".join(rows))
    wide_conn, wide_log = new_db()
    narrow_conn, narrow_log = new_db()
    narrow_conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 30)
    assert import_file(wide_log, path).sets == import_file(narrow_log, path).sets == 10
    assert dump(narrow_conn) == dump(wide_conn)


def test_the_summary_rebuilt_once_is_what_the_triggers_keep(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    """The import writes with the summary triggers aside and rebuilds once; logging the
    same sets one by one (triggers on) gives the very same session_summary."""
    bulk_conn, bulk_log = new_db()
    rows = [
        "2023-09-01,Barbell Squat,Legs,100,kgs,5,,,,\n",
        "2023-09-01,Barbell Squat,Legs,105,kgs,3,,,,\n",
        "2023-09-01,Plank,Abs,,,,,,0:01:00,\n",
        "2023-09-03,Barbell Squat,Legs,110,kgs,2,,,,\n",
    ]
    import_file(bulk_log, new_file(HEADER + "".join(rows)))
    by_hand, _ = new_db()
    copy_sets(bulk_conn, by_hand)
    query = "SELECT * FROM session_summary ORDER BY workout_id, exercise_id"
    assert by_hand.execute(query).fetchall() == bulk_conn.execute(query).fetchall()
    assert (
        bulk_conn.execute("SELECT count(*) FROM app_meta WHERE key = 'bulk_write'").fetchone()[0]
        == 0
    )


def test_a_pound_file_sets_a_fresh_log_to_pounds(new_db: NewDatabase, new_file: NewFile) -> None:
    conn, log = new_db()
    summary = import_file(log, new_file(HEADER + SQUAT.replace("100,kgs", "225,lbs")))
    assert (summary.unit, summary.units_set, log.athlete.units) == ("lb", "lb", "lb")
    assert conn.execute("SELECT units FROM athlete").fetchone()[0] == "lb"
    kept = import_file(log, new_file(HEADER + SQUAT))  # not fresh any more: units stay
    assert (kept.unit, kept.units_set, log.athlete.units) == ("kg", None, "lb")


def dump(conn: sqlite3.Connection, *, ids: bool = True) -> list[list[tuple[object, ...]]]:
    tables = {
        "workout": "date, started_at, name, notes, ended_at",
        "workout_set": "exercise_id, position, kind, weight_kg, reps, seconds, note, superset",
        "exercise": "name, equipment",
        "session_summary": "date, sets, work_sets, top_kg, top_reps, volume_kg",
    }
    out = []
    for table, columns in tables.items():
        if ids:
            columns = "*"
        where = " WHERE athlete_id IS NOT NULL" if table == "exercise" else ""
        out.append(conn.execute(f"SELECT {columns} FROM {table}{where} ORDER BY 1, 2").fetchall())
    return out


def copy_sets(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """The source's workouts and sets into `target` one by one, triggers on."""
    for row in source.execute("SELECT * FROM exercise WHERE athlete_id IS NOT NULL"):
        target.execute(f"INSERT INTO exercise VALUES ({','.join('?' * len(row))})", row)
    for row in source.execute("SELECT * FROM workout ORDER BY id"):
        target.execute(f"INSERT INTO workout VALUES ({','.join('?' * len(row))})", row)
    for row in source.execute("SELECT * FROM workout_set ORDER BY id"):
        target.execute(f"INSERT INTO workout_set VALUES ({','.join('?' * len(row))})", row)
    target.commit()
