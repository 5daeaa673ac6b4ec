"""The importer in-process: one transaction, counted duplicates, own exercises, progress."""

from __future__ import annotations

import io
import sqlite3

import pytest

from liftlog.csvio.cells import CsvError
from liftlog.service.transfer import import_csv, write_csv
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
    assert import_csv(log, three).sets == 3
    # a longer file: the three are there already, the fourth is new
    four = import_csv(log, new_file(HEADER + SQUAT * 4))
    assert (four.sets, four.duplicates, four.new_workouts) == (1, 3, 0)
    assert counts(conn) == (1, 4, 0)
    positions = [p for (p,) in conn.execute("SELECT position FROM workout_set ORDER BY id")]
    assert positions == [1, 2, 3, 4]


def test_a_bad_row_leaves_the_database_as_it_was(new_db: NewDatabase, new_file: NewFile) -> None:
    conn, log = new_db()
    path = new_file(
        HEADER + SQUAT + "2023-09-01,Zercher Squat,Legs,60,kgs,5,,,,\n" + SQUAT.replace("100", "-1")
    )
    with pytest.raises(CsvError, match=r"^line 4: weight -1 kg can't be negative"):
        import_csv(log, path)
    assert counts(conn) == (0, 0, 0)
    assert not conn.in_transaction


def test_dry_run_counts_everything_and_keeps_nothing(
    new_db: NewDatabase, new_file: NewFile
) -> None:
    conn, log = new_db()
    path = new_file(HEADER + SQUAT + "2023-09-01,Zercher Squat,Legs,60,kgs,5,,,,\n")
    summary = import_csv(log, path, dry_run=True)
    assert (summary.sets, summary.workouts, summary.new_exercises) == (2, 1, ["Zercher Squat"])
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
    summary = import_csv(log, new_file(HEADER + "".join(rows)))
    assert summary.new_exercises == ["Curl (Dumbbell)", "Dead Hang"]
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
    path = new_file(HEADER + SQUAT * 2500)
    seen: list[tuple[int, int]] = []
    import_csv(log, path, progress=lambda done, total: seen.append((done, total)))
    size = path.stat().st_size
    assert seen[-1] == (size, size)
    assert len(seen) >= 3
    assert all(0 < done <= total == size for done, total in seen)


def test_export_reports_progress_for_the_tui(new_db: NewDatabase, new_file: NewFile) -> None:
    conn, log = new_db()
    import_csv(log, new_file(HEADER + SQUAT * 4500))
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
        import_csv(log, new_file(HEADER + SQUAT))
