"""The schema comes from the shipped Alembic migrations, and old databases upgrade intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from liftlog.store.db import HEAD_REVISION, MIGRATIONS_DIR, REVISIONS, open_database
from liftlog.store.models import SQLModel
from tests.integration.conftest import CLI

OLD_DB = Path(__file__).parent.parent / "data" / "rev0001.sqlite3"


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def test_known_revisions_match_the_shipped_scripts() -> None:
    script = _script()
    assert script.get_current_head() == HEAD_REVISION
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == REVISIONS


def test_migrations_create_exactly_the_models_schema(db_path: Path) -> None:
    open_database(db_path).close()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_a_first_revision_database_opens_with_its_data_intact(tmp_path: Path, cli: CLI) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(OLD_DB, path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        columns = {
            table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            for table in ("athlete", "bodyweight", "race", "workout", "workout_set")
        }
        before = {
            table: conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1").fetchall()
            for table, cols in columns.items()
        }
    conn.close()

    history = cli("history", "--json", db=path)
    assert history.code == 0, history.err
    sets = history.json()["sessions"][0]["sets"]
    assert [
        (s["exercise"], s["kind"], s["weight_kg"], s["reps"], s["rpe"], s["note"]) for s in sets
    ] == [
        ("Back Squat", "warmup", 20.0, 8, None, ""),
        ("Back Squat", "work", 40.0, 10, 7.5, ""),
        ("Back Squat", "work", 40.0, 9, 8.0, "=grip slipped"),
        ("Sled Push", "work", 60.0, 12, None, ""),
    ]
    with sqlite3.connect(path) as conn:
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
        )
        for table, rows in before.items():
            cols = ", ".join(columns[table])
            assert conn.execute(f"SELECT {cols} FROM {table} ORDER BY 1").fetchall() == rows, table
        # revision 0005's new columns start empty on the old rows
        assert conn.execute(
            "SELECT count(*) FROM workout_set WHERE superset IS NOT NULL"
            " OR import_batch_id IS NOT NULL"
        ).fetchone() == (0,)
        assert conn.execute(
            "SELECT count(*) FROM workout WHERE ended_at IS NOT NULL OR import_batch_id IS NOT NULL"
        ).fetchone() == (0,)
        # the new revision's tables exist and the catalog was brought in step
        assert conn.execute("SELECT count(*) FROM lift_override").fetchone()[0] == 0
        assert (
            conn.execute("SELECT count(*) FROM exercise WHERE athlete_id IS NULL").fetchone()[0]
            >= 30
        )
    conn.close()
    # and the upgraded database takes new sets
    assert cli("log", "Back Squat", "45x8", "--date", "2026-01-08", db=path).code == 0


def test_a_database_from_a_newer_liftlog_is_refused_untouched(tmp_path: Path, cli: CLI) -> None:
    path = tmp_path / "future.sqlite3"
    shutil.copy(OLD_DB, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = path.read_bytes()
    result = cli("exercises", db=path)
    assert result.code != 0
    assert "newer liftlog" in result.err
    assert path.read_bytes() == before
