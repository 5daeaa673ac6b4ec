"""kill -9 in the middle of logging loses nothing that was reported as logged."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.faults.conftest import REPO, liftlog

pytestmark = pytest.mark.slow


def _log_until_killed(db: Path, after: int) -> list[tuple[int, float, int]]:
    """Start a child logging sets, SIGKILL it once it has reported `after` of them,
    and return every set it reported (each line is printed after its commit)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.logging_child", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert child.stdout is not None
    lines = []
    for line in child.stdout:
        lines.append(line)
        if len(lines) >= after:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    # the pipe may still hold lines the child printed before it died: those count too
    lines += child.stdout.readlines()
    return [(int(i), float(w), int(r)) for i, w, r in (line.split() for line in lines)]


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_every_set_reported_before_a_kill_survives_it(tmp_path: Path) -> None:
    db = tmp_path / "liftlog.sqlite3"
    reported: list[tuple[int, float, int]] = []
    # three crashes in a row, each recovering from the one before (WAL replay)
    for after in (25, 60, 140):
        reported += _log_until_killed(db, after)
        assert _integrity(db) == "ok"
        conn = sqlite3.connect(db)
        stored = {
            row[0]: (row[1], row[2])
            for row in conn.execute("SELECT id, weight_kg, reps FROM workout_set")
        }
        conn.close()
        missing = [r for r in reported if stored.get(r[0]) != (r[1], r[2])]
        assert missing == [], f"{len(missing)} reported sets lost or changed, e.g. {missing[:3]}"
    # and the database is still a working liftlog database
    history = liftlog(db, "history", "Back Squat", "--json")
    assert history.code == 0, history.err
    assert liftlog(db, "log", "Back Squat", "40x5").code == 0


def test_a_cli_log_killed_half_way_leaves_a_clean_prefix(tmp_path: Path) -> None:
    db = tmp_path / "liftlog.sqlite3"
    assert liftlog(db, "bodyweight", "70").code == 0  # the database exists, migrated
    sets = [f"{20 + i % 40}x5" for i in range(300)]
    child = subprocess.Popen(
        [sys.executable, "-m", "liftlog", "--db", str(db), "log", "Back Squat", *sets],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
    )
    conn = sqlite3.connect(db, timeout=10)
    # kill it once some sets are in, while it is still writing the rest
    for _ in range(2000):
        if conn.execute("SELECT count(*) FROM workout_set").fetchone()[0] >= 20:
            break
        if child.poll() is not None:
            break
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    conn.close()
    assert _integrity(db) == "ok"
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT position, weight_kg FROM workout_set ORDER BY position").fetchall()
    conn.close()
    assert 20 <= len(rows) <= 300
    # what is there is exactly the first sets typed, in order: nothing half-written
    assert rows == [(i + 1, float(20 + i % 40)) for i in range(len(rows))]
