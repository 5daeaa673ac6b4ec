"""`service.watch.LogWatch` on real files: another program's commits are seen, this
program's own are not; a deleted or replaced log is named (issue 10.5 and 10.6)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from liftlog.inputs import parse_set
from liftlog.service.exercises import find_exercise
from liftlog.service.log import Log, open_log
from liftlog.service.sets import log_sets
from liftlog.service.watch import LogWatch
from liftlog.store.db import StoreError

DAY = dt.date(2027, 1, 4)


@pytest.fixture
def log(db_path: Path) -> Iterator[Log]:
    opened = open_log(db_path)
    yield opened
    opened.close()


def other_program_logs_a_set(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT INTO bodyweight (athlete_id, date, kg) VALUES (1, '2027-01-01', 70)")
    conn.close()


def test_another_program_s_commit_is_seen_once(log: Log, db_path: Path) -> None:
    watch = LogWatch(log)
    assert watch.look() is False  # the first look takes note
    assert watch.look() is False
    other_program_logs_a_set(db_path)
    assert watch.look() is True
    assert watch.look() is False
    watch.close()


def test_this_program_s_own_writes_are_not_another_program_s(log: Log, db_path: Path) -> None:
    watch = LogWatch(log)
    watch.look()
    squat = find_exercise(log, "Back Squat")
    with watch.own_write():
        log_sets(log, squat, [parse_set("20x8")], date=DAY)
    assert watch.look() is False
    other_program_logs_a_set(db_path)  # before our next write began: still theirs
    with watch.own_write():
        log_sets(log, squat, [parse_set("20x8")], date=DAY)
    assert watch.look() is True
    watch.close()


def test_a_read_that_wrote_the_cache_tells_the_watch(log: Log) -> None:
    told: list[bool] = []
    log.after_own_write = lambda: told.append(True)
    with log.reading() as conn:
        conn.execute("SELECT count(*) FROM workout_set").fetchone()
    assert told == []
    with log.reading() as conn, conn:
        conn.execute("INSERT INTO app_meta (key, value) VALUES ('probe', '1')")
    assert told == [True]


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_log_deleted_or_replaced_refuses_writes_and_says_why(
    log: Log, db_path: Path, tmp_path: Path, how: str
) -> None:
    watch = LogWatch(log)
    assert watch.problem() is None
    if how == "deleted":
        db_path.unlink()
    else:
        shutil.copyfile(db_path, tmp_path / "copy")
        os.replace(tmp_path / "copy", db_path)
    assert (
        watch.problem()
        == f"{db_path} was {how}"
        + (" by another file" if how == "replaced" else "")
        + " while liftlog had it open"
    )
    with pytest.raises(StoreError):
        watch.look()
    with pytest.raises(StoreError, match="restart liftlog"):
        log_sets(log, find_exercise(log, "Back Squat"), [parse_set("20x8")], date=DAY)
    watch.close()
