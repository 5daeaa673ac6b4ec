"""The shipped exercise catalog (`data/exercises.toml`) and keeping the database in step.

The catalog is read and synced only when its digest (SHA-256) differs from the one
recorded in the database, so an ordinary start costs one small query. A quick check
comes first: the file's CRC-32 and size, recorded beside the digest, say "unchanged"
without loading `hashlib` (a tenth of a `liftlog next`'s own start-up). Catalog rows
are updated in place by name (sets keep pointing at them) and never deleted.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path
from typing import Any

from liftlog.locations import data_dir
from liftlog.store.athletes import ensure_athlete
from liftlog.store.db import explain, quick_check, write_transaction

CATALOG_FILE = "exercises.toml"
_DIGEST_KEY = "catalog_digest"
_QUICK_KEY = "catalog_crc32"
_FIELDS = (
    "aliases",
    "category",
    "equipment",
    "laterality",
    "measure",
    "increment_kg",
    "cap_ratio",
    "start_load_kg",
    "harder",
    "single_leg_of",
    "range_min",
    "range_max",
)


def catalog_path() -> Path:
    return data_dir() / CATALOG_FILE


def read_catalog(raw: bytes) -> list[dict[str, Any]]:
    """Rows for the exercise table from the catalog's TOML text."""
    import tomllib  # only when the catalog changed: keeps every other start fast

    doc = tomllib.loads(raw.decode("utf-8"))
    rows = []
    for entry in doc.get("exercise", []):
        low, high = entry.get("range", (None, None))
        rows.append(
            {
                "name": entry["name"],
                "aliases": json.dumps(list(entry.get("aliases", []))),
                "category": entry["category"],
                "equipment": entry["equipment"],
                "laterality": entry.get("laterality", "bilateral"),
                "measure": entry.get("measure", "reps"),
                "increment_kg": float(entry.get("increment_kg", 5.0)),
                "cap_ratio": entry.get("cap_ratio"),
                "start_load_kg": entry.get("start_load_kg"),
                "harder": entry.get("harder"),
                "single_leg_of": entry.get("single_leg_of"),
                "range_min": low,
                "range_max": high,
            }
        )
    return rows


def sync_catalog(conn: sqlite3.Connection, *, path: Path | None = None) -> bool:
    """Bring the catalog rows in step with the shipped file; True when anything changed."""
    raw = (path or catalog_path()).read_bytes()
    quick = f"{zlib.crc32(raw):08x}:{len(raw)}"
    if _meta(conn, _QUICK_KEY) == quick:
        return False
    import hashlib

    digest = hashlib.sha256(raw).hexdigest()
    quick_check(conn)  # never write into a damaged file
    with write_transaction(conn):
        if _meta(conn, _DIGEST_KEY) == digest:  # unchanged (or another process synced it)
            _set_meta(conn, _QUICK_KEY, quick)
            return False
        existing = {
            name: ex_id
            for ex_id, name in conn.execute(
                "SELECT id, name FROM exercise WHERE athlete_id IS NULL"
            )
        }
        for entry in read_catalog(raw):
            values = [entry[f] for f in _FIELDS]
            if entry["name"] in existing:
                assignments = ", ".join(f"{f} = ?" for f in _FIELDS)
                conn.execute(
                    f"UPDATE exercise SET {assignments} WHERE id = ?",
                    [*values, existing[entry["name"]]],
                )
            else:
                columns = ", ".join(("name", *_FIELDS))
                marks = ", ".join("?" * (len(_FIELDS) + 1))
                conn.execute(
                    f"INSERT INTO exercise (athlete_id, {columns}) VALUES (NULL, {marks})",
                    [entry["name"], *values],
                )
        _set_meta(conn, _DIGEST_KEY, digest)
        _set_meta(conn, _QUICK_KEY, quick)
    return True


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO app_meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def prepare(conn: sqlite3.Connection, path: Path, *, read_only: bool = False) -> int:
    """Bring the catalog in step and make sure there is an athlete; the athlete's id.
    A read-only log is read with the catalog it holds."""
    try:
        if not read_only:
            sync_catalog(conn)
        return ensure_athlete(conn)
    except sqlite3.Error as exc:
        raise explain(path, exc) from None
