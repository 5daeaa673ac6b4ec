"""`liftlog set edit ID SET [--kind K] [--note TEXT] [--date D]` and `liftlog set delete ID`
(SPEC §5), with `id` on every set of `history --json`: the real CLI on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from .conftest import CLI


def sets_of(cli: CLI) -> list[dict[str, Any]]:
    return [
        s for session in cli.ok("history", "--json").json()["sessions"] for s in session["sets"]
    ]


def rows(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT s.id, w.date, s.kind, s.side, s.weight_kg, s.reps, s.seconds, s.rpe, s.note"
            " FROM workout_set s JOIN workout w ON w.id = s.workout_id ORDER BY s.id"
        ).fetchall()


@pytest.fixture
def logged(cli: CLI) -> CLI:
    cli.ok("log", "Back Squat", "60x8", "60x8", "--date", "2027-01-04", "--warmup", "30x8")
    cli.ok("log", "Split Squat", "L:10x10", "R:10x12", "--date", "2027-01-04")
    cli.ok("log", "Plank", "40s", "--date", "2027-01-04")
    return cli


def test_every_set_of_history_json_has_its_id(logged: CLI, db_path: Path) -> None:
    ids = [s["id"] for s in sets_of(logged)]
    assert ids == [r[0] for r in rows(db_path)]
    assert all(isinstance(i, int) for i in ids)


def test_set_edit_changes_load_reps_and_rpe(logged: CLI, db_path: Path) -> None:
    set_id = sets_of(logged)[1]["id"]  # the first work set
    result = logged.ok("set", "edit", str(set_id), "62.5x7@8")
    assert f"Set #{set_id} is now Back Squat 62.5kg×7@8 (work) on 2027-01-04." in result.out
    assert rows(db_path)[1][4:8] == (62.5, 7, None, 8.0)


def test_set_edit_without_a_side_keeps_the_sets_side(logged: CLI, db_path: Path) -> None:
    right = next(s for s in sets_of(logged) if s["side"] == "R")
    logged.ok("set", "edit", str(right["id"]), "10x11")
    assert next(r for r in rows(db_path) if r[0] == right["id"])[3:6] == ("R", 10.0, 11)


def test_set_edit_kind_note_and_date_without_a_set(logged: CLI, db_path: Path) -> None:
    set_id = sets_of(logged)[2]["id"]
    logged.ok("set", "edit", str(set_id), "-", "--kind", "failure", "--note", "grinder",
              "--date", "2027-01-02")  # fmt: skip
    edited = next(r for r in rows(db_path) if r[0] == set_id)
    assert edited[1:3] == ("2027-01-02", "failure") and edited[8] == "grinder"
    assert edited[4:6] == (60.0, 8)  # `-` kept what was lifted
    sessions = logged.ok("history", "--json").json()["sessions"]
    assert [s["date"] for s in sessions] == ["2027-01-02", "2027-01-04"]


def test_set_edit_of_a_timed_set(logged: CLI, db_path: Path) -> None:
    plank = next(s for s in sets_of(logged) if s["seconds"])
    logged.ok("set", "edit", str(plank["id"]), "55s")
    assert next(r for r in rows(db_path) if r[0] == plank["id"])[6] == 55


def test_set_delete_removes_only_that_set(logged: CLI, db_path: Path) -> None:
    before = rows(db_path)
    victim = before[2]
    result = logged.ok("set", "delete", str(victim[0]))
    assert f"Deleted set #{victim[0]}: Back Squat 60kg×8 on 2027-01-04." in result.out
    assert rows(db_path) == [r for r in before if r[0] != victim[0]]


def test_deleting_the_last_set_of_a_day_removes_its_session(cli: CLI) -> None:
    cli.ok("log", "Push-Up", "x12", "--date", "2027-01-03")
    (only,) = sets_of(cli)
    cli.ok("set", "delete", str(only["id"]))
    assert cli.ok("history", "--json").json() == {"sessions": []}


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["set", "edit", "999", "60x8"], "there is no set 999"),
        (["set", "delete", "999"], "there is no set 999"),
        (["set", "edit", "{work}", "sixty"], "is not a set"),
        (["set", "edit", "{work}", "45s"], "is logged with reps"),
        (["set", "edit", "{plank}", "60x8"], "is logged in seconds"),
        (["set", "edit", "{work}", "L:60x8"], "works both sides at once"),
        (["set", "edit", "{work}", "-", "--kind", "superset"], "set kind"),
        (["set", "edit", "{work}", "-", "--date", "2027-02-30"], "not a real date"),
        (["set", "edit", "{work}", "-", "--note", "bad\x1b[31m"], "control"),
        (["set", "edit", "{work}", "60x8@11"], "RPE"),
    ],
)
def test_bad_edits_are_refused_in_one_line_and_change_nothing(
    logged: CLI, db_path: Path, args: list[str], fragment: str
) -> None:
    ids = {"work": sets_of(logged)[1]["id"], "plank": sets_of(logged)[-1]["id"]}
    before = rows(db_path)
    result = logged(*(a.format(**ids) for a in args))
    assert result.code != 0
    assert fragment in result.err, result.err
    assert result.err.count("\n") == 1 and result.err.startswith("liftlog: ")
    assert "Traceback" not in result.err and result.out == ""
    assert rows(db_path) == before
