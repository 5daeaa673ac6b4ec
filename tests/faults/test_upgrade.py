"""A database made by the oldest schema, full of rows, upgrades to the newest intact."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from liftlog.store.db import HEAD_REVISION, MIGRATIONS_DIR, REVISIONS, open_database
from tests.faults.conftest import liftlog

OLDEST = REVISIONS[0]
TABLES = ("athlete", "bodyweight", "race", "exercise", "workout", "workout_set", "app_meta")
NOTES = ("", "", "", "=SUM(A1)", "two\nlines", 'said "go"', "Ünïcödé, 12°C", "-", "\t@x")


def _oldest_schema(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, OLDEST)
    engine.dispose()


def _fill(path: Path, rng: random.Random) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO athlete VALUES (1, 'Ann', 'lb', 20.41, ?, ?, 10, '2020-01-01 07:00:00')",
            (json.dumps([[20.41, 4], [2.27, 2]]), json.dumps({"1": "hard", "5": "rest"})),
        )
        conn.executemany(
            "INSERT INTO exercise (id, athlete_id, name, aliases, category, equipment,"
            " laterality, measure, increment_kg, cap_ratio, start_load_kg, harder,"
            " single_leg_of, range_min, range_max) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    1,
                    None,
                    "Back Squat",
                    '["Squat (Barbell)"]',
                    "general",
                    "barbell",
                    "bilateral",
                    "reps",
                    5.0,
                    1.5,
                    None,
                    None,
                    None,
                    None,
                    None,
                ),
                (
                    2,
                    None,
                    "Plank",
                    "[]",
                    "core",
                    "bodyweight",
                    "bilateral",
                    "seconds",
                    2.5,
                    None,
                    None,
                    "Side Plank",
                    None,
                    20,
                    60,
                ),
                (
                    3,
                    None,
                    "Split Squat",
                    "[]",
                    "functional",
                    "dumbbell",
                    "unilateral",
                    "reps",
                    2.0,
                    None,
                    6.0,
                    None,
                    "Back Squat",
                    None,
                    None,
                ),
                (
                    4,
                    1,
                    "Sled Push",
                    '["Prowler"]',
                    "general",
                    "machine",
                    "bilateral",
                    "reps",
                    10.0,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                ),
            ],
        )
        conn.executemany(
            "INSERT INTO bodyweight (athlete_id, date, kg) VALUES (1, ?, ?)",
            [(f"2020-{m:02d}-{d:02d}", round(rng.uniform(60, 80), 1))
             for m in range(1, 13) for d in (1, 15)],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO race (athlete_id, name, date, priority) VALUES (1, ?, ?, ?)",
            [("Spring Marathon", "2020-04-19", "A"), ("Half", "2020-03-08", "B"),
             ("Parkrun, \"fast\"", "2020-06-06", "C")],
        )  # fmt: skip
        set_id = 0
        for workout_id in range(1, 121):
            day = f"2020-{1 + workout_id // 11:02d}-{1 + workout_id % 28:02d}"
            conn.execute(
                "INSERT INTO workout VALUES (?, 1, ?, ?, ?, ?)",
                (workout_id, day, f"{day} 18:30:00.000000", "Strength", rng.choice(NOTES)),
            )
            for position in range(1, rng.randint(2, 9)):
                set_id += 1
                exercise = rng.choice((1, 2, 3, 4))
                timed = exercise == 2
                conn.execute(
                    "INSERT INTO workout_set VALUES (?,1,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        set_id, workout_id, exercise, position,
                        rng.choice(("warmup", "work", "work")),
                        rng.choice(("L", "R")) if exercise == 3 else None,
                        0.0 if timed else rng.choice((20.0, 42.5, 61.23, 100.0)),
                        None if timed else rng.randint(1, 12),
                        rng.randint(20, 90) if timed else None,
                        rng.choice((None, None, 7.0, 8.5, 10.0)),
                        rng.choice(NOTES),
                        f"{day} 18:{30 + position:02d}:00.000000",
                    ),
                )  # fmt: skip
        conn.execute("INSERT INTO app_meta VALUES ('catalog_digest', 'an old digest')")
    conn.close()


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    finally:
        conn.close()


def test_oldest_schema_upgrades_to_newest_with_every_row_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _oldest_schema(path)
    _fill(path, random.Random(1))
    before = _snapshot(path)
    assert len(before["workout_set"]) > 400

    open_database(path).close()

    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    after = _snapshot(path)
    for table in TABLES:
        # every old column of every old row is as it was (new columns may follow)
        old_width = len(before[table][0]) if before[table] else 0
        assert [row[:old_width] for row in after[table]] == before[table], table


def test_an_upgraded_database_reads_and_logs_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _oldest_schema(path)
    _fill(path, random.Random(2))
    sets_before = _snapshot(path)["workout_set"]
    history = liftlog(path, "history", "--json")
    assert history.code == 0, history.err
    shown = [s for session in json.loads(history.out)["sessions"] for s in session["sets"]]
    assert len(shown) == len(sets_before)
    assert sorted(s["note"] for s in shown) == sorted(row[11] for row in sets_before)
    assert liftlog(path, "log", "Sled Push", "100x8").code == 0
    assert liftlog(path, "log", "prowler", "110x8").code == 0  # the own exercise's alias
