"""Real SQLite databases for the CSV tests, made once and copied per test (fast)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from liftlog.service.log import Log, open_log

NewDatabase = Callable[[], tuple[sqlite3.Connection, Log]]
NewFile = Callable[[str], Path]


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the catalog and the default (kg) athlete."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    log = open_log(path)
    log.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log.close()
    return path


@pytest.fixture
def new_db(template_db: Path, tmp_path: Path) -> Iterator[NewDatabase]:
    """Makes fresh databases on copies of the template: the opened log, and its
    connection (the log's own: the tests look at what is there with it)."""
    logs: list[Log] = []

    def make() -> tuple[sqlite3.Connection, Log]:
        path = tmp_path / f"db{len(logs)}.sqlite3"
        shutil.copyfile(template_db, path)
        log = open_log(path)
        logs.append(log)
        return log.conn, log

    yield make
    for log in logs:
        log.close()


@pytest.fixture
def new_file(tmp_path: Path) -> NewFile:
    """Writes CSV text to a new file (exactly, no newline translation)."""
    count = 0

    def write(content: str) -> Path:
        nonlocal count
        count += 1
        path = tmp_path / f"file{count}.csv"
        path.write_text(content, encoding="utf-8", newline="")
        return path

    return write
