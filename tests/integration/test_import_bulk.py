"""An import writes with the set table's insert triggers (and, into an empty log, its
indexes) set aside, and puts them back from the schema's own SQL (issue 12 item 9):
the schema after any import, dry run or refusal is the schema before, and what the
triggers would have done is done once — the summary rebuilt, the cached progression of
the lifts the file holds dropped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.integration.conftest import CLI

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
OLD_SQUATS = (
    "2026-08-03 18:00:00,Old,45m,Back Squat,1,40,8,0,0,,,\n"
    "2026-08-03 18:00:00,Old,45m,Back Squat,2,40,8,0,0,,,\n"
)
BAD_ROW = "2026-08-05 18:00:00,Old,45m,Back Squat,1,40,-3,0,0,,,\n"


def schema(db: Path) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    return rows


def cached(db: Path) -> dict[str, int]:
    """Cached progression states per exercise name."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT e.name, count(*) FROM progression_cache c JOIN exercise e"
            " ON e.id = c.exercise_id GROUP BY e.name"
        ).fetchall()
    conn.close()
    return dict(rows)


def file_of(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "strong.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize(
    ("logged_first", "extra", "flags", "code"),
    [
        (False, "", (), 0),  # into an empty log: indexes and triggers aside
        (True, "", (), 0),  # into a log with sets: the triggers only
        (False, "", ("--dry-run",), 0),
        (False, BAD_ROW, (), 1),  # refused: nothing written
        (False, BAD_ROW, ("--skip-invalid",), 0),
    ],
    ids=["empty-log", "log-with-sets", "dry-run", "refused", "skip-invalid"],
)
def test_an_import_leaves_the_schema_as_it_was(
    cli: CLI,
    db_path: Path,
    tmp_path: Path,
    logged_first: bool,
    extra: str,
    flags: tuple[str, ...],
    code: int,
) -> None:
    cli.ok("bodyweight", "70")
    if logged_first:
        cli.ok("log", "Deadlift", "60x5", "--date", "2026-09-01")
    before = schema(db_path)
    path = file_of(tmp_path, STRONG + OLD_SQUATS + extra)
    result = cli("import", str(path), "--from", "strong", "--units", "kg", *flags)
    assert result.code == code, result.err
    assert schema(db_path) == before


def test_an_import_drops_the_cached_progression_of_its_lifts_only(
    cli: CLI, db_path: Path, tmp_path: Path
) -> None:
    cli.ok("bodyweight", "70")
    for date in ("2026-09-01", "2026-09-03", "2026-09-05"):
        cli.ok("log", "Back Squat", "20x12", "20x12", "--date", date)
        cli.ok("log", "Deadlift", "20x12", "20x12", "--date", date)
    cli.ok("next", "--json")  # warms the cache of both lifts
    assert cached(db_path).keys() >= {"Back Squat", "Deadlift"}
    # older squats: every cached squat state is stale, the deadlift's are not
    cli.ok("import", str(file_of(tmp_path, STRONG + OLD_SQUATS)), "--from", "strong",
           "--units", "kg")  # fmt: skip
    left = cached(db_path)
    assert "Back Squat" not in left and left["Deadlift"] >= 1
    after_import = cli.ok("next", "--json").json()
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM progression_cache")
    conn.close()
    assert cli.ok("next", "--json").json() == after_import  # the same as a full replay


def test_sets_logged_after_an_import_keep_the_summary_and_cache_exact(
    cli: CLI, db_path: Path, tmp_path: Path
) -> None:
    """The triggers are back after the import: a set logged by hand afterwards updates
    the summary and drops stale cache states as before."""
    cli.ok("bodyweight", "70")
    cli.ok("import", str(file_of(tmp_path, STRONG + OLD_SQUATS)), "--from", "strong",
           "--units", "kg")  # fmt: skip
    cli.ok("next", "--json")
    assert "Back Squat" in cached(db_path)
    cli.ok("log", "Back Squat", "45x8", "--date", "2026-08-03")
    assert "Back Squat" not in cached(db_path)
    with sqlite3.connect(db_path) as conn:
        sets, top = conn.execute(
            "SELECT s.sets, s.top_kg FROM session_summary s JOIN exercise e"
            " ON e.id = s.exercise_id WHERE e.name = 'Back Squat'"
        ).fetchone()
    conn.close()
    assert (sets, top) == (3, 45.0)
