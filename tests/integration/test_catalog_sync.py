"""The shipped catalog is synced into the log only when it changed: a CRC-32 and size
say "unchanged" on an ordinary start (no `hashlib`), the SHA-256 digest decides when
they don't (a log from before the quick check, a new catalog)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from liftlog.store.catalog import catalog_path, sync_catalog
from liftlog.store.db import open_database

NEW_ENTRY = """
[[exercise]]
name = "Zercher Carry"
aliases = []
category = "general"
equipment = "barbell"
laterality = "bilateral"
measure = "seconds"
increment_kg = 5
range = [20, 40]
"""


def meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def test_a_synced_catalog_is_known_again_without_a_write(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "log.sqlite3").connect()
    assert sync_catalog(conn) is True
    assert meta(conn, "catalog_digest") and meta(conn, "catalog_crc32")
    before = conn.total_changes
    assert sync_catalog(conn) is False
    assert conn.total_changes == before
    conn.close()


def test_a_log_from_before_the_quick_check_keeps_its_rows_and_gains_the_crc(
    tmp_path: Path,
) -> None:
    conn = open_database(tmp_path / "log.sqlite3").connect()
    sync_catalog(conn)
    with conn:
        conn.execute("DELETE FROM app_meta WHERE key = 'catalog_crc32'")
    rows = conn.execute("SELECT * FROM exercise ORDER BY id").fetchall()
    before = conn.total_changes
    assert sync_catalog(conn) is False  # the digest matches: nothing to sync
    assert conn.total_changes == before + 1  # only the CRC recorded
    assert conn.execute("SELECT * FROM exercise ORDER BY id").fetchall() == rows
    assert meta(conn, "catalog_crc32")
    conn.close()


def test_a_changed_catalog_is_synced(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "log.sqlite3").connect()
    sync_catalog(conn)
    changed = tmp_path / "exercises.toml"
    changed.write_bytes(catalog_path().read_bytes() + NEW_ENTRY.encode())
    assert sync_catalog(conn, path=changed) is True
    found = conn.execute("SELECT equipment FROM exercise WHERE name = 'Zercher Carry'").fetchone()
    assert found == ("barbell",)
    assert sync_catalog(conn, path=changed) is False
    conn.close()


def test_an_ordinary_start_does_not_load_hashlib(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    conn = open_database(path).connect()
    sync_catalog(conn)
    conn.close()
    code = (
        "import sys; from pathlib import Path; from liftlog.store.catalog import sync_catalog;"
        "from liftlog.store.db import open_database;"
        f"c = open_database(Path({str(path)!r})).connect(); print(sync_catalog(c),"
        " 'hashlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
