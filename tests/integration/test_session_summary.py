"""session_summary (revision 0004) always equals a fresh aggregate of the sets.

The reference here is computed in Python from `workout_set`, not with the triggers'
SQL, so a mistake in that SQL cannot hide behind itself.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from liftlog.store.athletes import ensure_athlete
from liftlog.store.catalog import sync_catalog
from liftlog.store.db import MIGRATIONS_DIR, open_database

OLD_DB = Path(__file__).parent.parent / "data" / "rev0001.sqlite3"
EXERCISES = ("Back Squat", "Split Squat", "Plank")
DAY0 = dt.date(2026, 3, 2)

Row = tuple[Any, ...]


def expected(conn: sqlite3.Connection) -> dict[tuple[int, int], Row]:
    """(workout, exercise) → what the summary should hold, aggregated in Python."""
    groups: dict[tuple[int, int], list[Row]] = {}
    for row in conn.execute(
        "SELECT s.workout_id, s.exercise_id, s.athlete_id, w.date, w.started_at,"
        " s.kind, s.side, s.weight_kg, s.reps, s.seconds"
        " FROM workout_set s JOIN workout w ON w.id = s.workout_id"
    ):
        groups.setdefault((row[0], row[1]), []).append(row)
    out: dict[tuple[int, int], Row] = {}
    for key, rows in groups.items():
        work = [r for r in rows if r[5] == "work"]
        # the top set: the heaviest load (to 1/100 kg), then the most reps at it
        top = max(((round(r[7] * 100), min(r[8] or 0, 999)) for r in work), default=(0, 0))
        top_kg = top[0] / 100 if top[0] >= 1 else None
        estimates = [  # R12
            kg if reps == 1 else kg * (1 + reps / 30)
            for *_, kg, reps, _secs in work
            if kg > 0 and reps is not None and 1 <= reps <= 10
        ]
        reps = [r[8] for r in work if r[8] is not None]
        secs = [r[9] for r in work if r[9] is not None]

        def side_total(side: str, work: list[Row] = work) -> int | None:
            amounts = [r[8] if r[8] is not None else r[9] for r in work if r[6] == side]
            known = [a for a in amounts if a is not None]
            return sum(known) if known else None

        out[key] = (
            *rows[0][2:5],  # athlete, date, started_at
            len(rows),
            len(work),
            top_kg,
            (top[1] or None) if top_kg else None,
            pytest.approx(max(estimates)) if estimates else None,
            pytest.approx(sum(r[7] * r[8] for r in work if r[8] is not None)),
            max(reps, default=None),
            max(secs, default=None),
            side_total("L"),
            side_total("R"),
        )
    return out


def stored(conn: sqlite3.Connection) -> dict[tuple[int, int], Row]:
    return {
        (row[0], row[1]): tuple(row[2:])
        for row in conn.execute(
            "SELECT workout_id, exercise_id, athlete_id, date, started_at, sets, work_sets,"
            " top_kg, top_reps, e1rm_kg, volume_kg, best_reps, best_seconds,"
            " left_total, right_total FROM session_summary"
        )
    }


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """A migrated database with the catalog, one athlete and three workouts."""
    path = tmp_path_factory.mktemp("summary") / "template.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    sync_catalog(conn)
    ensure_athlete(conn)
    with conn:
        for i in range(3):
            day = DAY0 + dt.timedelta(days=2 * i)
            conn.execute(
                "INSERT INTO workout (id, athlete_id, date, started_at, name, notes)"
                " VALUES (?, 1, ?, ?, '', '')",
                (i + 1, day.isoformat(), f"{day} 18:00:00.000000"),
            )
    yield conn
    conn.close()


def fresh_copy(template: sqlite3.Connection) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    template.backup(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


# --- operations on the sets, as hypothesis draws them ----------------------------

LOADS = st.sampled_from([0.0, 20.0, 22.5, 60.0, 60.004, 100.25])
REPS = st.none() | st.integers(0, 14)
SET_FIELDS = st.fixed_dictionaries(
    {
        "workout_id": st.integers(1, 3),
        "exercise": st.sampled_from(EXERCISES),
        "kind": st.sampled_from(["work", "work", "warmup"]),
        "side": st.sampled_from([None, None, "L", "R"]),
        "weight_kg": LOADS,
        "reps": REPS,
        "seconds": st.none() | st.integers(5, 90),
    }
)
OPERATION = st.one_of(
    st.tuples(st.just("insert"), SET_FIELDS),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("update"), st.integers(0, 50), SET_FIELDS),
    st.tuples(st.just("redate"), st.integers(1, 3), st.integers(-5, 5)),
)


def apply(conn: sqlite3.Connection, operation: Row, ids: dict[str, int]) -> None:
    kind = operation[0]
    set_ids = [row[0] for row in conn.execute("SELECT id FROM workout_set ORDER BY id")]
    if kind == "insert":
        fields = dict(operation[1])
        fields["exercise_id"] = ids[fields.pop("exercise")]
        (position,) = conn.execute(
            "SELECT COUNT(*) + 1 FROM workout_set WHERE workout_id = ?", (fields["workout_id"],)
        ).fetchone()
        conn.execute(
            "INSERT INTO workout_set (athlete_id, workout_id, exercise_id, position, kind, side,"
            " weight_kg, reps, seconds, note, logged_at) VALUES (1, :workout_id, :exercise_id,"
            " :position, :kind, :side, :weight_kg, :reps, :seconds, '', '2026-03-02 18:10:00')",
            {**fields, "position": position},
        )
    elif kind in ("delete", "update") and set_ids:
        set_id = set_ids[operation[1] % len(set_ids)]
        if kind == "delete":
            conn.execute("DELETE FROM workout_set WHERE id = ?", (set_id,))
        else:
            fields = dict(operation[2])
            fields["exercise_id"] = ids[fields.pop("exercise")]
            conn.execute(
                "UPDATE workout_set SET workout_id = :workout_id, exercise_id = :exercise_id,"
                " kind = :kind, side = :side, weight_kg = :weight_kg, reps = :reps,"
                " seconds = :seconds WHERE id = :id",
                {**fields, "id": set_id},
            )
    elif kind == "redate":
        day = DAY0 + dt.timedelta(days=operation[2])
        conn.execute(
            "UPDATE workout SET date = ?, started_at = ? WHERE id = ?",
            (day.isoformat(), f"{day} 07:30:00.000000", operation[1]),
        )


def exercise_ids(conn: sqlite3.Connection) -> dict[str, int]:
    marks = ",".join("?" * len(EXERCISES))
    return {
        str(name): int(ex_id)
        for ex_id, name in conn.execute(
            f"SELECT id, name FROM exercise WHERE name IN ({marks})", EXERCISES
        )
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPERATION, min_size=1, max_size=25))
def test_summary_equals_a_fresh_aggregate_after_any_writes(
    template: sqlite3.Connection, operations: list[Row]
) -> None:
    conn = fresh_copy(template)
    ids = exercise_ids(conn)
    for operation in operations:
        apply(conn, operation, ids)
    assert stored(conn) == expected(conn)
    conn.close()


def test_a_session_shows_its_top_set_e1rm_volume_and_sides(
    template: sqlite3.Connection,
) -> None:
    conn = fresh_copy(template)
    ids = exercise_ids(conn)
    sets = [
        ("Back Squat", "warmup", None, 40.0, 8),  # warm-ups count only in `sets`
        ("Back Squat", "work", None, 80.0, 5),
        ("Back Squat", "work", None, 80.0, 6),
        ("Back Squat", "work", None, 70.0, 12),  # above 10 reps: no e1RM estimate
        ("Split Squat", "work", "L", 10.0, 8),
        ("Split Squat", "work", "R", 10.0, 10),
    ]
    for exercise, kind, side, kg, reps in sets:
        fields = {"workout_id": 1, "exercise": exercise, "kind": kind, "side": side,
                  "weight_kg": kg, "reps": reps, "seconds": None}  # fmt: skip
        apply(conn, ("insert", fields), ids)
    squat = conn.execute(
        "SELECT sets, work_sets, top_kg, top_reps, e1rm_kg, volume_kg, left_total"
        " FROM session_summary WHERE exercise_id = ?",
        (ids["Back Squat"],),
    ).fetchone()
    assert squat == (4, 3, 80.0, 6, pytest.approx(96.0), 80 * 11 + 70 * 12, None)
    split = conn.execute(
        "SELECT left_total, right_total FROM session_summary WHERE exercise_id = ?",
        (ids["Split Squat"],),
    ).fetchone()
    assert split == (8, 10)
    # the last set of an exercise gone: its row goes too
    conn.execute("DELETE FROM workout_set WHERE exercise_id = ?", (ids["Split Squat"],))
    assert stored(conn).keys() == {(1, ids["Back Squat"])}
    conn.close()


def _upgrade_to(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def test_an_upgraded_0003_database_gets_its_summary_backfilled(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(OLD_DB, path)
    _upgrade_to(path, "0003")
    conn = sqlite3.connect(path)
    ids = {str(n): int(i) for i, n in conn.execute("SELECT id, name FROM exercise")}
    with conn:  # more history, written before the summary existed
        conn.execute(
            "INSERT INTO workout (id, athlete_id, date, started_at, name, notes)"
            " VALUES (90, 1, '2026-02-01', '2026-02-01 18:00:00.000000', '', '')"
        )
        for pos, (kg, reps) in enumerate([(40.0, 8), (60.0, 5), (62.5, 5), (62.5, 3)], 1):
            conn.execute(
                "INSERT INTO workout_set (athlete_id, workout_id, exercise_id, position, kind,"
                " weight_kg, reps, note, logged_at) VALUES (1, 90, ?, ?, ?, ?, ?, '',"
                " '2026-02-01 18:10:00')",
                (ids["Back Squat"], pos, "warmup" if pos == 1 else "work", kg, reps),
            )
    assert conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'session_summary'"
    ).fetchone() == (0,)
    conn.close()

    open_database(path).close()  # upgrades to the head

    conn = sqlite3.connect(path)
    summary = stored(conn)
    assert summary == expected(conn)
    assert summary[(90, ids["Back Squat"])][3:7] == (4, 3, 62.5, 5)
    assert (
        len(summary)
        == conn.execute(
            "SELECT count(DISTINCT workout_id || ',' || exercise_id) FROM workout_set"
        ).fetchone()[0]
    )
    conn.close()
