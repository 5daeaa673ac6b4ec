"""The command line end to end: a real subprocess on a temporary database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.integration.conftest import CLI

SPEC_NAMES = [
    "Back Squat", "Deadlift", "Leg Press", "Single-Leg Squat", "Split Squat",
    "Rear-Foot-Elevated Split Squat", "Forward Lunge", "Lateral Lunge", "Jumping Lunge",
    "Jumping Lunge with Hip Rotation", "Jump Squat", "Bodyweight Squat", "Step-Up",
    "Single-Leg Deadlift", "Push-Up", "Triangle Push-Up", "Plank", "Side Plank",
    "Side Plank with Twist", "Side Plank with Leg Lift", "Bicycle Crunch", "Leg Raise",
    "Bear Crawl", "Bear Crawl with Twist", "Pallof Press", "Cable Twist", "Glute Bridge",
    "Hamstring Bridge", "Lying Side Raise", "Clamshell", "Calf Raise", "Box Jump", "Ankling",
    "Skipping", "Hop for Distance",
]  # fmt: skip


def set_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM workout_set").fetchone()[0])


def test_exercises_json_lists_the_whole_catalog(cli: CLI) -> None:
    exercises = cli.ok("exercises", "--json").json()
    assert len(exercises) >= 30
    names = {e["name"] for e in exercises}
    assert set(SPEC_NAMES) <= names
    squat = next(e for e in exercises if e["name"] == "Back Squat")
    assert set(squat) == {"name", "aliases", "category", "equipment", "laterality", "measure"}
    assert "Squat (Barbell)" in squat["aliases"]
    assert squat["category"] == "general" and squat["equipment"] == "barbell"


def test_log_then_history_gives_exactly_those_sets(cli: CLI) -> None:
    cli.ok("bodyweight", "70")
    cli.ok("log", "Back Squat", "20x12", "20x11", "--date", "2027-01-04")
    assert cli.ok("history", "--json").json() == {
        "sessions": [
            {
                "date": "2027-01-04",
                "sets": [
                    {"id": 1, "exercise": "Back Squat", "kind": "work", "side": None,
                     "weight_kg": 20.0, "reps": 12, "seconds": None, "rpe": None, "note": ""},
                    {"id": 2, "exercise": "Back Squat", "kind": "work", "side": None,
                     "weight_kg": 20.0, "reps": 11, "seconds": None, "rpe": None, "note": ""},
                ],
            }
        ]
    }  # fmt: skip


def test_full_set_grammar_through_the_cli(cli: CLI) -> None:
    cli.ok(
        "log", "squat (barbell)", "60x8@8", "62.5kgx5", "--warmup", "20x8", "--date", "2027-01-05"
    )
    cli.ok(
        "log",
        "Split Squat",
        "L:10x8",
        "R:10x9@7.5",
        "--date",
        "2027-01-05",
        "--note",
        "tight hip, left",
    )
    cli.ok("log", "plank", "45s", "60s", "--date", "2027-01-05")
    cli.ok("log", "push up", "x12", "--date", "2027-01-05")
    cli.ok("log", "Back Squat", "135lbx5", "--date", "2027-01-06")
    sessions = cli.ok("history", "--json").json()["sessions"]
    assert [s["date"] for s in sessions] == ["2027-01-05", "2027-01-06"]
    sets = sessions[0]["sets"]
    assert [(s["exercise"], s["kind"], s["weight_kg"], s["reps"], s["rpe"]) for s in sets[:3]] == [
        ("Back Squat", "warmup", 20.0, 8, None),
        ("Back Squat", "work", 60.0, 8, 8.0),
        ("Back Squat", "work", 62.5, 5, None),
    ]
    assert [(s["side"], s["reps"], s["note"]) for s in sets[3:5]] == [
        ("L", 8, "tight hip, left"),
        ("R", 9, "tight hip, left"),
    ]
    assert [(s["seconds"], s["reps"], s["weight_kg"]) for s in sets[5:7]] == [
        (45, None, 0.0),
        (60, None, 0.0),
    ]
    assert sets[7]["exercise"] == "Push-Up" and sets[7]["reps"] == 12
    assert sessions[1]["sets"][0]["weight_kg"] == pytest.approx(61.235, abs=1e-3)


def test_history_of_one_exercise(cli: CLI) -> None:
    cli.ok("log", "Back Squat", "20x12", "--date", "2027-01-04")
    cli.ok("log", "Deadlift", "40x10", "--date", "2027-01-04")
    sessions = cli.ok("history", "deadlift", "--json").json()["sessions"]
    assert [s["exercise"] for s in sessions[0]["sets"]] == ["Deadlift"]
    text = cli.ok("history").out
    assert "2027-01-04" in text and "Back Squat" in text and "40kg×10" in text


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["log", "Back Squat", "sixty"], "is not a set"),
        (["log", "Back Squat", "-20x8"], "negative"),
        (["log", "Back Squat", "1200x5"], "more than liftlog accepts"),
        (["log", "Back Squat", "60x0"], "reps must be between"),
        (["log", "Back Squat", "60x500"], "reps must be between"),
        (["log", "Back Squat", "60x8@11"], "RPE"),
        (["log", "Back Squat", "60x8@0.5"], "RPE"),
        (["log", "Back Squat", "60x8", "--date", "2027-02-30"], "not a real date"),
        (["log", "Back Squat", "60x8", "--date", "tomorrow"], "not a date"),
        (["log", "Back Squat", "60x8", "60x8", "60x"], "is not a set"),
        (["log", "Back Squat", "45s"], "logged with reps"),
        (["log", "Plank", "x12"], "logged in seconds"),
        (["log", "Back Squat", "L:60x8"], "both sides"),
        (["log", "Bak Squat", "60x8"], "Did you mean 'Back Squat'"),
        (["log", "Zumba", "60x8"], "unknown exercise"),
        (["race", "add", "Boston", "2027-04-19", "--priority", "D"], "not A, B or C"),
        (["race", "add", "Boston", "2027-13-01", "--priority", "A"], "not a real date"),
        (["bodyweight", "-70"], "can't be negative"),
        (["bodyweight", "7000"], "not a plausible bodyweight"),
        (["bodyweight", "seventy"], "not a bodyweight"),
        (["bodyweight", "70", "--date", "2027-02-29"], "not a real date"),
    ],
)
def test_bad_input_is_refused_in_one_line_and_writes_nothing(
    cli: CLI, db_path: Path, args: list[str], fragment: str
) -> None:
    cli.ok("log", "Back Squat", "20x12", "--date", "2027-01-04")  # something to protect
    before = db_path.read_bytes()
    result = cli(*args)
    assert result.code != 0
    assert fragment in result.err
    assert result.err.count("\n") == 1 and result.err.startswith("liftlog: ")
    assert "Traceback" not in result.err
    assert result.out == ""
    assert set_count(db_path) == 1
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM race").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM bodyweight").fetchone()[0] == 0
    assert len(before) > 0


def test_races_add_and_list(cli: CLI) -> None:
    cli.ok("race", "add", "Spring 10k", "2027-03-07", "--priority", "b")
    cli.ok("race", "add", "City Marathon", "2027-04-18", "--priority", "A")
    assert cli.ok("race", "list", "--json").json() == [
        {"name": "Spring 10k", "date": "2027-03-07", "priority": "B"},
        {"name": "City Marathon", "date": "2027-04-18", "priority": "A"},
    ]
    cli.ok("race", "delete", "spring 10k")
    assert [r["name"] for r in cli.ok("race", "list", "--json").json()] == ["City Marathon"]


def test_own_exercise_can_be_added_and_logged(cli: CLI) -> None:
    cli.ok("exercise", "add", "Sled Push", "--equipment", "machine", "--alias", "Prowler")
    names = {e["name"] for e in cli.ok("exercises", "--json").json()}
    assert "Sled Push" in names
    cli.ok("log", "prowler", "80x10", "--date", "2027-01-04")
    assert cli("exercise", "add", "squat (barbell)").code != 0


def test_lb_athlete_logs_in_pounds(cli: CLI, db_path: Path) -> None:
    cli.ok("exercises")  # creates the database and the athlete
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE athlete SET units = 'lb'")
    cli.ok("log", "Deadlift", "225x5", "--date", "2027-01-04")
    weight = cli.ok("history", "--json").json()["sessions"][0]["sets"][0]["weight_kg"]
    assert weight == pytest.approx(102.058, abs=1e-3)
    assert "225lb×5" in cli.ok("history").out


def test_db_flag_and_env_variable_choose_the_database(cli: CLI, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "other.sqlite3"
    result = cli("log", "Back Squat", "20x12", env={"LIFTLOG_DB": str(other)}, db=other)
    assert result.code == 0
    assert other.exists()
    import os
    import subprocess
    import sys

    env = {**os.environ, "LIFTLOG_DB": str(tmp_path / "env.sqlite3")}
    proc = subprocess.run(
        [sys.executable, "-m", "liftlog", "bodyweight", "71"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "env.sqlite3").exists()


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env.pop("LIFTLOG_DB", None)
    proc = subprocess.run(
        [sys.executable, "-m", "liftlog", "bodyweight", "70"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert (home / "data" / "liftlog" / "liftlog.sqlite3").exists()


@pytest.mark.parametrize(
    "content",
    [b"hello, I am a text file\n", b"SQLite format 3\x00" + b"\x00" * 50, b"\x89PNG\r\n" * 30],
)
def test_a_file_that_is_not_a_liftlog_database_is_refused_and_untouched(
    cli: CLI, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    result = cli("log", "Back Squat", "20x12", db=path)
    assert result.code != 0
    assert "Traceback" not in result.err and result.err.count("\n") == 1
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.sqlite3-wal").exists()


def test_a_foreign_sqlite_database_is_refused_and_untouched(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ann')")
    conn.close()
    before = path.read_bytes()
    result = cli("exercises", db=path)
    assert result.code != 0
    assert "not a liftlog database" in result.err
    assert path.read_bytes() == before


def test_a_folder_is_not_a_database(cli: CLI, tmp_path: Path) -> None:
    result = cli("exercises", db=tmp_path)
    assert result.code != 0 and "is a folder" in result.err


def test_an_own_dumbbell_exercise_starts_at_one_load_step(cli: CLI) -> None:
    cli.ok("exercise", "add", "Zercher Lunge", "--equipment", "dumbbell", "--unilateral")
    day = cli.ok("next", "--exercise", "zercher lunge", "--date", "2027-01-04", "--json").json()
    exercise = day["exercises"][0]
    assert exercise["phase"] == "FORM"
    assert {w["weight_kg"] for w in exercise["work"]} == {2.0}
    assert {w["side"] for w in exercise["work"]} == {"L", "R"}
