"""Make `rev0001.sqlite3`: a database as liftlog's first schema revision wrote it.

Run once when the fixture is (re)made: `python tests/data/make_rev0001_db.py`. The
file is committed so that the upgrade test reads a real old file, not one made by
today's code.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from liftlog.store.db import MIGRATIONS_DIR

HERE = Path(__file__).parent
TARGET = HERE / "rev0001.sqlite3"


def make(target: Path = TARGET) -> Path:
    target.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{target}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    conn = sqlite3.connect(target)
    with conn:
        conn.execute(
            "INSERT INTO athlete VALUES (1, 'Ann', 'kg', 20.0, '[[25, 4], [20, 2], [10, 2], "
            '[5, 2], [2.5, 2], [1.25, 2]]\', \'{"1": "hard", "3": "hard"}\', 14, '
            "'2026-01-01 08:00:00')"
        )
        conn.execute("INSERT INTO bodyweight VALUES (1, 1, '2026-01-01', 61.5)")
        conn.execute("INSERT INTO race VALUES (1, 1, 'Spring Half', '2026-04-12', 'A')")
        conn.execute(
            "INSERT INTO exercise (id, athlete_id, name, aliases, category, equipment, laterality,"
            " measure, increment_kg) VALUES (1, NULL, 'Back Squat', '[\"Squat (Barbell)\"]',"
            " 'general', 'barbell', 'bilateral', 'reps', 5.0),"
            " (2, 1, 'Sled Push', '[]', 'general', 'machine', 'bilateral', 'reps', 10.0)"
        )
        conn.execute(
            "INSERT INTO workout VALUES"
            " (1, 1, '2026-01-05', '2026-01-05 18:30:00', '', 'felt good')"
        )
        conn.executemany(
            "INSERT INTO workout_set VALUES (?, 1, 1, ?, ?, ?, NULL, ?, ?, NULL, ?, ?, ?)",
            [
                (1, 1, 1, "warmup", 20.0, 8, None, "", "2026-01-05 18:31:00"),
                (2, 1, 2, "work", 40.0, 10, 7.5, "", "2026-01-05 18:35:00"),
                (3, 1, 3, "work", 40.0, 9, 8.0, "=grip slipped", "2026-01-05 18:39:00"),
                (4, 2, 4, "work", 60.0, 12, None, "", "2026-01-05 18:45:00"),
            ],
        )
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return target


if __name__ == "__main__":
    print(make())
