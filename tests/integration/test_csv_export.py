"""`liftlog export`: one row per set, formulas neutralised, lossless through import."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

from tests.integration.conftest import CLI

HEADER = (
    "date,time,workout,workout_notes,exercise,order,kind,side,weight_kg,weight,unit,reps,"
    "seconds,rpe,note,logged_at,superset,ended_at"
)


def log_a_week(cli: CLI) -> None:
    cli.ok(
        "log",
        "Back Squat",
        "60x8@8",
        "62.5x5",
        "--warmup",
        "20x10",
        "--date",
        "2026-03-02",
        "--note",
        '=HYPERLINK("http://x"), "quoted"',
    )
    cli.ok("log", "Plank", "45s", "--date", "2026-03-02", "--note", "-5 felt easy")
    cli.ok(
        "log",
        "Split Squat",
        "L:12x8",
        "R:12x8",
        "--date",
        "2026-03-04",
        "--note",
        "line one\nline two",
    )
    cli.ok("log", "Push-Up", "x12", "--date", "2026-03-04", "--note", "+1 rep, @home")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_export_writes_one_row_per_set_with_a_header(cli: CLI) -> None:
    log_a_week(cli)
    out = cli.ok("export").out
    assert out.splitlines()[0] == HEADER
    table = rows(out)
    assert len(table) == 7
    first = table[0]
    assert first["date"] == "2026-03-02"
    assert first["exercise"] == "Back Squat"
    assert (first["order"], first["kind"], first["weight_kg"], first["reps"]) == (
        "1",
        "warmup",
        "20",
        "10",
    )
    assert first["unit"] == "kg"
    assert first["logged_at"][:4].isdigit() and "T" in first["logged_at"]
    assert [r["side"] for r in table if r["exercise"] == "Split Squat"] == ["L", "R"]
    assert [r["seconds"] for r in table if r["exercise"] == "Plank"] == ["45"]
    assert table[1]["rpe"] == "8" and table[2]["weight_kg"] == "62.5"


def test_text_that_looks_like_a_formula_is_neutralised(cli: CLI) -> None:
    log_a_week(cli)
    notes = [r["note"] for r in rows(cli.ok("export").out)]
    assert notes[0] == "'" + '=HYPERLINK("http://x"), "quoted"'
    assert "'-5 felt easy" in notes
    assert "'+1 rep, @home" in notes
    assert "line one\nline two" in notes  # not a formula: left alone
    # numbers are not text: a weight is never prefixed
    assert all(not r["weight_kg"].startswith("'") for r in rows(cli.ok("export").out))


def test_export_then_import_into_an_empty_database_then_export_is_identical(
    cli: CLI, tmp_path: Path
) -> None:
    log_a_week(cli)
    first = tmp_path / "first.csv"
    cli.ok("export", "-o", str(first))
    other = tmp_path / "other.sqlite3"
    imported = cli("import", str(first), db=other)
    assert imported.code == 0, imported.err
    assert "Imported 7 sets in 2 workouts" in imported.out
    second = tmp_path / "second.csv"
    assert cli("export", "-o", str(second), db=other).code == 0
    assert second.read_bytes() == first.read_bytes()
    assert cli("history", "--json", db=other).json() == cli.ok("history", "--json").json()


def test_a_pound_athletes_export_comes_back_in_pounds(cli: CLI, tmp_path: Path) -> None:
    cli.ok("profile", "--units", "lb")
    cli.ok("log", "Deadlift", "225x5", "135x8", "--date", "2026-03-02")
    first = tmp_path / "first.csv"
    cli.ok("export", "-o", str(first))
    assert b",225,lb,5," in first.read_bytes()
    other = tmp_path / "other.sqlite3"
    result = cli("import", str(first), db=other)
    assert "Set your units to lb, as in the file." in result.out
    second = tmp_path / "second.csv"
    assert cli("export", "-o", str(second), db=other).code == 0
    assert second.read_bytes() == first.read_bytes()


def test_export_to_a_file_says_how_many_sets(cli: CLI, tmp_path: Path) -> None:
    log_a_week(cli)
    target = tmp_path / "out.csv"
    result = cli.ok("export", "-o", str(target))
    assert result.out == f"Exported 7 set(s) to {target}.\n"
    data = target.read_bytes()
    assert data.startswith(HEADER.encode() + b"\r\n")
    assert list(tmp_path.glob(".out.csv.*")) == []  # no temporary file left behind


def test_export_of_an_empty_log_is_the_header(cli: CLI) -> None:
    assert cli.ok("export").out.splitlines() == [HEADER]
    assert cli.ok("export", "-o", "-").out.splitlines() == [HEADER]


def test_export_into_a_missing_folder_is_one_clear_line(cli: CLI, tmp_path: Path) -> None:
    result = cli("export", "-o", str(tmp_path / "nope" / "out.csv"))
    assert result.code == 1
    assert "does not exist" in result.err


def test_export_to_a_device_writes_through_it_and_never_replaces_it(cli: CLI) -> None:
    # renaming a temporary file over /dev/null (as root) would replace the device
    cli.ok("log", "Back Squat", "20x12", "--date", "2027-01-04")
    before = os.stat("/dev/null")
    result = cli.ok("export", "-o", "/dev/null")
    assert "Exported 1 set(s)" in result.out
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
