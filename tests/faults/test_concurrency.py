"""Two processes logging into one database at the same time: nothing lost, and no
"database is locked" ever reaches the person."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.conftest import REPO, liftlog

pytestmark = pytest.mark.slow


def _notes(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT note, count(*) FROM workout_set GROUP BY note"))
    finally:
        conn.close()


def _pair(module: str, *args: str, tag_flag: str) -> list[subprocess.Popen[str]]:
    """Two copies of `python -m module ARGS`, tagged A and B, started together."""
    return [
        subprocess.Popen(
            [sys.executable, "-m", module, *args, tag_flag, tag],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for tag in ("A", "B")
    ]


def test_two_store_writers_committing_set_by_set_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "liftlog.sqlite3"
    assert liftlog(db, "bodyweight", "70").code == 0
    go = tmp_path / "go"
    children = _pair(
        "tests.faults.logging_child",
        str(db),
        "--count",
        "100",
        "--wait-for",
        str(go),
        tag_flag="--tag",
    )
    time.sleep(1.0)  # both have opened the database and wait at the line
    go.touch()
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "locked" not in err and "busy" not in err
        assert len(out.splitlines()) == 100
    assert _notes(db) == {"A": 100, "B": 100}


def test_two_cli_commands_logging_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "liftlog.sqlite3"
    assert liftlog(db, "bodyweight", "70").code == 0
    sets = [f"{20 + i % 30}x5" for i in range(100)]
    children = _pair("liftlog", "--db", str(db), "log", "Back Squat", *sets, tag_flag="--note")
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert err == ""
    assert _notes(db) == {"A": 100, "B": 100}
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_first_start_by_two_processes_at_once_makes_one_database(tmp_path: Path) -> None:
    """A brand-new file opened by two commands at the same moment (the TUI and a
    script, say): both succeed, one schema, one athlete, every set kept. Each round
    hit the race about half the time before it was fixed: five rounds find a regression."""
    db = tmp_path / "new.sqlite3"
    rounds = 5
    for i in range(rounds):
        if db.exists():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        children = _pair(
            "liftlog", "--db", str(db), "log", "Back Squat", "20x10", tag_flag="--note"
        )
        errors = []
        for child in children:
            _, err = child.communicate(timeout=120)
            if child.returncode != 0:
                errors.append(err.strip())
        assert errors == [], f"round {i}: {errors}"
        assert _notes(db) == {"A": 1, "B": 1}
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT count(*) FROM athlete").fetchone()[0] == 1
        conn.close()


def test_first_start_by_two_processes_keeps_one_catalog_and_one_workout_a_day(
    tmp_path: Path,
) -> None:
    db = tmp_path / "new.sqlite3"
    rounds = 4
    for i in range(rounds):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        go = tmp_path / f"go-{i}"
        children = _pair(
            "tests.faults.logging_child",
            str(db),
            "--count",
            "1",
            "--wait-for",
            str(go),
            "--first-start",
            tag_flag="--tag",
        )
        time.sleep(1.0)  # both have opened (migrated) the new file and wait at the line
        go.touch()
        outcomes = [(child, child.communicate(timeout=120)[1]) for child in children]
        for child, err in outcomes:
            assert child.returncode == 0, err
        conn = sqlite3.connect(db)
        rows, names = conn.execute(
            "SELECT count(*), count(DISTINCT name) FROM exercise WHERE athlete_id IS NULL"
        ).fetchone()
        athletes = conn.execute("SELECT count(*) FROM athlete").fetchone()[0]
        workouts = conn.execute("SELECT count(*) FROM workout").fetchone()[0]
        conn.close()
        assert rows == names, f"round {i}: the catalog went in twice ({rows} rows, {names} names)"
        assert athletes == 1, f"round {i}: {athletes} athletes"
        assert workouts == 1, f"round {i}: {workouts} workouts for one day"


def test_two_commands_appending_to_one_workout_keep_the_order_of_sets(tmp_path: Path) -> None:
    db = tmp_path / "liftlog.sqlite3"
    assert liftlog(db, "log", "Back Squat", "20x10", "--date", "2026-01-01").code == 0
    go = tmp_path / "go"
    children = _pair(
        "tests.faults.logging_child",
        str(db),
        "--batch",
        "100",
        "--wait-for",
        str(go),
        tag_flag="--tag",
    )
    time.sleep(1.0)  # both have opened the database and wait at the line
    go.touch()  # then both append 100 sets, one commit each, as `liftlog log` does
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    conn = sqlite3.connect(db)
    workouts, positions, distinct = conn.execute(
        "SELECT count(DISTINCT workout_id), count(*), count(DISTINCT position) FROM workout_set"
    ).fetchone()
    conn.close()
    assert (workouts, positions) == (1, 201)
    assert distinct == positions, f"{positions - distinct} sets share a position"


def test_a_command_waits_for_a_writer_while_the_file_becomes_wal(tmp_path: Path) -> None:
    """Deterministic form of the rare 'busy' of two first starts: another program is
    writing to a liftlog file that is not in WAL mode yet (as the first start sets up a
    new file); a command started meanwhile waits for it, then works."""
    db = tmp_path / "liftlog.sqlite3"
    assert liftlog(db, "bodyweight", "70").code == 0
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a file is before its first connect
    conn.execute("BEGIN IMMEDIATE")  # holds the write lock, as a migration does
    conn.execute("INSERT INTO app_meta (key, value) VALUES ('bench', 'x')")
    child = subprocess.Popen(
        [sys.executable, "-m", "liftlog", "--db", str(db), "log", "Back Squat", "20x10"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip
    time.sleep(1.5)  # the command has started and met the lock
    conn.execute("COMMIT")
    conn.close()
    _, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert _notes(db) == {"": 1}
