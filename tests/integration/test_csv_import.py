"""`liftlog import`: Strong, Hevy, FitNotes and liftlog files, end to end (SPEC §5 CSV)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.integration.conftest import CLI

DATA = Path(__file__).parent.parent / "data" / "csv"
LB = 0.45359237


def sessions(cli: CLI) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = cli.ok("history", "--json").json()["sessions"]
    return result


def brief(s: dict[str, Any]) -> tuple[Any, ...]:
    """A set as (exercise, kind, kg rounded, reps, seconds, rpe)."""
    return (s["exercise"], s["kind"], round(s["weight_kg"], 4), s["reps"], s["seconds"], s["rpe"])


def test_strong_comma_form_in_kilograms(cli: CLI) -> None:
    result = cli.ok("import", str(DATA / "strong_comma.csv"))
    assert "Imported 8 sets in 2 workouts" in result.out
    assert "The file gives no unit, so weights were read as kg" in result.out
    assert "Skipped 2 rows without reps or time" in result.out  # the run, the rest timer
    assert "New exercises, now your own (1): Bench Press (Barbell)." in result.out

    days = sessions(cli)
    assert [d["date"] for d in days] == ["2024-03-04", "2024-03-06"]
    assert [brief(s) for s in days[0]["sets"]] == [
        ("Back Squat", "warmup", 20, 10, None, None),
        ("Back Squat", "work", 60, 8, None, 8),
        ("Back Squat", "work", 62.5, 6, None, 8.5),
        ("Back Squat", "work", 62.5, 4, None, 10),  # F: a failed work set
        ("Back Squat", "work", 50, 8, None, None),  # D: a drop set
        ("Plank", "work", 0, None, 60, None),
        ("Bench Press (Barbell)", "work", 40, 10, None, None),
    ]
    # a note with a comma, quotes and a line break arrives whole
    assert days[0]["sets"][1]["note"] == 'Depth ok, "slow" descent\nsecond line of the note'
    # a foreign file's note is the user's text: no apostrophe games
    assert days[1]["sets"][0]["note"] == "=cmd|' /C calc'!A0"

    own = [e for e in cli.ok("exercises", "--json").json() if e["name"] == "Bench Press (Barbell)"]
    assert len(own) == 1


def test_strong_comma_form_takes_the_unit_given(cli: CLI) -> None:
    result = cli.ok("import", str(DATA / "strong_comma.csv"), "--units", "lb")
    assert "gives no unit" not in result.out
    squat = sessions(cli)[0]["sets"][1]
    assert squat["weight_kg"] == pytest.approx(60 * LB)


def test_strong_semicolon_form_with_units_per_row(cli: CLI) -> None:
    result = cli.ok("import", str(DATA / "strong_semicolon.csv"))
    assert "Imported 4 sets in 1 workout" in result.out
    assert "gives no unit" not in result.out
    (day,) = sessions(cli)
    assert [brief(s) for s in day["sets"]] == [
        ("Push-Up", "work", 0, 15, None, None),  # reps written 15.0
        ("Deadlift", "warmup", round(135 * LB, 4), 5, None, None),
        ("Deadlift", "work", round(225 * LB, 4), 5, None, 8),
        ("Deadlift", "work", 102.5, 3, None, 9),  # 102,5 kg: a decimal comma
    ]
    assert day["sets"][2]["note"] == 'Grip "mixed"; then straps'


def test_hevy_metric_day_first_dates(cli: CLI) -> None:
    result = cli.ok("import", str(DATA / "hevy_metric.csv"), "--from", "hevy")
    assert "Imported 6 sets in 1 workout" in result.out
    assert "Skipped 1 row without reps or time" in result.out
    (day,) = sessions(cli)
    assert day["date"] == "2025-07-26"
    assert [brief(s) for s in day["sets"]] == [
        ("Back Squat", "warmup", 20, 10, None, None),
        ("Back Squat", "work", 70, 5, None, 8),
        ("Back Squat", "work", 70, 3, None, 10),
        ("Back Squat", "work", 50, 8, None, None),
        ("Plank", "work", 0, None, 45, None),
        ("Rear-Foot-Elevated Split Squat", "work", 12.5, 8, None, 7.5),
    ]
    assert day["sets"][0]["note"] == 'Knees out, "big" breath'
    assert day["sets"][5]["note"] == "line one\nline two"


def test_hevy_imperial_us_dates_and_a_byte_order_mark(cli: CLI) -> None:
    assert (DATA / "hevy_imperial.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    result = cli.ok("import", str(DATA / "hevy_imperial.csv"))
    assert "Imported 3 sets in 2 workouts (2 new)" in result.out
    days = sessions(cli)
    assert [d["date"] for d in days] == ["2026-05-07", "2026-05-07"]  # 6:13 AM and 6:13 PM
    assert [brief(s) for d in days for s in d["sets"]] == [
        ("Deadlift", "warmup", round(135 * LB, 4), 5, None, None),
        ("Deadlift", "work", round(225 * LB, 4), 5, None, 8.5),
        ("Push-Up", "work", 0, 20, None, None),
    ]


def test_fitnotes_with_a_unit_on_every_row(cli: CLI) -> None:
    result = cli.ok("import", str(DATA / "fitnotes.csv"))
    assert "Imported 5 sets in 2 workouts" in result.out
    assert "Dumbbell Curl" in result.out
    days = sessions(cli)
    assert [brief(s) for s in days[0]["sets"]] == [
        ("Back Squat", "work", 80, 5, None, None),
        ("Back Squat", "work", 80, 5, None, None),  # two identical sets are two sets
        ("Plank", "work", 0, None, 60, None),
        ("Dumbbell Curl", "work", round(25 * LB, 4), 10, None, None),
    ]
    assert days[0]["sets"][1]["note"] == 'Good, fast; "easy"'
    assert [brief(s) for s in days[1]["sets"]] == [
        ("Back Squat", "work", round(180 * LB, 4), 5, None, None)
    ]


@pytest.mark.parametrize(
    "name", ["strong_comma", "strong_semicolon", "hevy_metric", "hevy_imperial", "fitnotes"]
)
def test_importing_the_same_file_twice_adds_nothing(cli: CLI, name: str) -> None:
    cli.ok("import", str(DATA / f"{name}.csv"))
    before = sessions(cli)
    again = cli.ok("import", str(DATA / f"{name}.csv"))
    assert again.out.startswith(f"Nothing new in {name}.csv")
    assert "already in the log" in again.out
    assert "New exercises" not in again.out
    assert sessions(cli) == before


def test_a_longer_export_of_the_same_app_adds_only_what_is_new(cli: CLI, tmp_path: Path) -> None:
    lines = (DATA / "fitnotes.csv").read_text().splitlines(keepends=True)
    early = tmp_path / "early.csv"
    early.write_text("".join(lines[:2]))  # the header and the first squat set
    cli.ok("import", str(early))
    result = cli.ok("import", str(DATA / "fitnotes.csv"))
    assert "Imported 4 sets" in result.out
    assert "Skipped 1 set already in the log" in result.out
    assert [s["reps"] for s in sessions(cli)[0]["sets"]] == [5, 5, None, 10]


def test_dry_run_reports_and_writes_nothing(cli: CLI) -> None:
    result = cli.ok("import", str(DATA / "strong_comma.csv"), "--dry-run")
    assert "Would import 8 sets in 2 workouts" in result.out
    assert "Bench Press (Barbell)" in result.out
    assert "nothing was written" in result.out
    assert sessions(cli) == []
    names = [e["name"] for e in cli.ok("exercises", "--json").json()]
    assert "Bench Press (Barbell)" not in names


STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)


@pytest.mark.parametrize(
    ("bad_row", "why"),
    [
        ("Squat (Barbell),1,60,150,0,0,,,", "reps 150 must be between 1 and 100"),
        ("Squat (Barbell),1,60,5,0,0,,,7.3", "RPE 7.3 must be between 1 and 10 in half steps"),
        ("Squat (Barbell),1,-20,5,0,0,,,", "can't be negative"),
        ("Squat (Barbell),1,sixty,5,0,0,,,", "Weight 'sixty' is not a number"),
        ("Squat (Barbell),1,60,5.5,0,0,,,", "Reps '5.5' is not a whole number"),
        ("Squat (Barbell),X,60,5,0,0,,,", "Set Order 'X' is not a set number, W, D or F"),
        ("Squat (Barbell),1,2000,5,0,0,,,", "more than liftlog accepts"),
    ],
)
def test_a_bad_row_rejects_the_whole_file_with_its_line(
    cli: CLI, tmp_path: Path, bad_row: str, why: str
) -> None:
    good = "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),1,60,5,0,0,,,\n"
    # line 3 holds a note over two lines, so the bad row is on line 5 of the file
    two_lines = '2024-03-04 07:30:00,Legs,45m,Squat (Barbell),2,60,5,0,0,"a\nb",,\n'
    path = tmp_path / "bad.csv"
    path.write_text(STRONG_HEADER + good + two_lines + f"2024-03-04 07:30:00,Legs,45m,{bad_row}\n")
    result = cli("import", str(path))
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("liftlog: line 5: ")
    assert why in result.err
    assert "nothing was imported" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert sessions(cli) == []


def test_a_bad_row_after_an_unknown_exercise_leaves_no_exercise_behind(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        STRONG_HEADER
        + "2024-03-04 07:30:00,Legs,45m,Zercher Squat,1,60,5,0,0,,,\n"
        + "2024-03-04 07:30:00,Legs,45m,Zercher Squat,2,60,five,0,0,,,\n"
    )
    result = cli("import", str(path))
    assert result.code == 1
    assert "line 3: Reps 'five' is not a number" in result.err
    assert "Zercher Squat" not in [e["name"] for e in cli.ok("exercises", "--json").json()]


def test_an_empty_file_is_refused(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    result = cli("import", str(path))
    assert result.code == 1
    assert "empty.csv is empty" in result.err
    assert sessions(cli) == []


def test_a_header_only_file_imports_nothing(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text(STRONG_HEADER)
    result = cli.ok("import", str(path))
    assert "Imported 0 sets in 0 workouts" in result.out


def test_a_file_of_another_format_is_refused(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("Booking date,Amount,Payee\n2024-01-02,-12.50,Coffee\n")
    result = cli("import", str(path))
    assert result.code == 1
    assert "bank.csv is not a liftlog, Strong, Hevy or FitNotes export" in result.err
    assert "Booking date" in result.err
    assert sessions(cli) == []


def test_from_names_a_format_the_file_is_not(cli: CLI) -> None:
    result = cli("import", str(DATA / "hevy_metric.csv"), "--from", "strong")
    assert result.code == 1
    assert "is not a Strong export; it looks like a Hevy export" in result.err
    assert sessions(cli) == []


def test_a_missing_file_is_one_clear_line(cli: CLI, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "nope.csv"))
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "nope.csv" in result.err


def test_a_file_that_is_not_utf8_is_refused(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        STRONG_HEADER.encode()
        + "2024-03-04 07:30:00,Légs,45m,Squat,1,60,5,0,0,,,\n".encode("latin-1")
    )
    result = cli("import", str(path))
    assert result.code == 1
    assert "is not UTF-8 text" in result.err
    assert sessions(cli) == []


def test_imported_sets_join_the_days_logged_in_liftlog(cli: CLI) -> None:
    cli.ok("log", "Back Squat", "60x5", "--date", "2023-09-01")
    cli.ok("import", str(DATA / "fitnotes.csv"))
    sets = sessions(cli)[0]["sets"]
    # FitNotes has no times: its days start at midnight, like a day logged afterwards in
    # liftlog, so the file's sets join that workout, after the set already there
    assert [brief(s)[2:4] for s in sets] == [
        (60, 5),
        (80, 5),
        (80, 5),
        (0, None),
        (round(25 * LB, 4), 10),
    ]
