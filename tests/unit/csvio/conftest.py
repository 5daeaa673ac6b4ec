"""Real SQLite databases for the CSV tests, made once and copied per test (fast)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from liftlog.store.catalog import sync_catalog
from liftlog.store.db import open_database
from liftlog.store.queries import AthleteRow, ensure_athlete, get_athlete

NewDatabase = Callable[[], tuple[sqlite3.Connection, AthleteRow]]
NewFile = Callable[[str], Path]


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the catalog and the default (kg) athlete."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    conn = db.connect()
    sync_catalog(conn)
    ensure_athlete(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db.close()
    return path


@pytest.fixture
def new_db(template_db: Path, tmp_path: Path) -> Iterator[NewDatabase]:
    """Makes fresh databases: (connection, athlete) on a copy of the template."""
    conns: list[sqlite3.Connection] = []

    def make() -> tuple[sqlite3.Connection, AthleteRow]:
        path = tmp_path / f"db{len(conns)}.sqlite3"
        shutil.copyfile(template_db, path)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA foreign_keys = ON")
        conns.append(conn)
        athlete_id = conn.execute("SELECT id FROM athlete").fetchone()[0]
        return conn, get_athlete(conn, athlete_id)

    yield make
    for conn in conns:
        conn.close()


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
