"""`liftlog import`: every dialect's fixture through the real CLI, checked set by set with
`history --json` (SPEC §5 CSV, issue 12)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.integration.conftest import CLI

DATA = Path(__file__).parent.parent / "data" / "csv"
LB = 0.45359237
Brief = tuple[Any, ...]


def sessions(cli: CLI) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = cli.ok("history", "--json").json()["sessions"]
    return result


def brief(s: dict[str, Any]) -> Brief:
    """A set as (exercise, kind, kg to 4 decimals, reps, seconds, rpe)."""
    return (s["exercise"], s["kind"], round(s["weight_kg"], 4), s["reps"], s["seconds"], s["rpe"])


def days(cli: CLI) -> list[tuple[str, list[Brief]]]:
    return [(d["date"], [brief(s) for s in d["sets"]]) for d in sessions(cli)]


def lb(pounds: float) -> float:
    return round(pounds * LB, 4)


SQUAT, DL, RDL, BENCH = "Back Squat", "Deadlift", "Romanian Deadlift", "Bench Press (Barbell)"

#: file → (lines the summary must hold, the log after the import, day by day)
FIXTURES: dict[str, tuple[list[str], list[tuple[str, list[Brief]]]]] = {
    "strong_comma.csv": (
        [
            "Imported 8 sets in 2 workouts (2 new) from strong_comma.csv (Strong, comma form"
            " without a unit).",
            "Weights read in kg: the file names no unit, and its barbell loads like 62.5, 20 and"
            " 40 are not made with pound plates on a 45-lb bar.",
            "Skipped 2 rows that are not strength sets: 1 cardio, 1 rest timer.",
            "New exercises, now your own (1): Bench Press (Barbell) (barbell).",
        ],
        [
            ("2024-03-04", [
                (SQUAT, "warmup", 20, 10, None, None), (SQUAT, "work", 60, 8, None, 8),
                (SQUAT, "work", 62.5, 6, None, 8.5), (SQUAT, "failure", 62.5, 4, None, 10),
                (SQUAT, "drop", 50, 8, None, None), ("Plank", "work", 0, None, 60, None),
                (BENCH, "work", 40, 10, None, None),
            ]),
            ("2024-03-06", [(DL, "work", 100, 5, None, 9)]),
        ],
    ),
    "strong_comma_lb.csv": (
        [
            "Weights read in lb: the file names no unit, and its barbell loads like 135, 225"
            " and 315 are plate-loaded pounds (1.8 plates a side as pounds, 3.9 as kilograms).",
            "Skipped 1 row that is not a strength set: 1 cardio.",  # Treadmill, 1800 s
            "Set your units to lb, as in the file.",
        ],
        [
            ("2024-01-08", [
                (RDL, "warmup", lb(135), 8, None, None), (RDL, "warmup", lb(225), 5, None, None),
                (RDL, "work", lb(315), 5, None, 8), (RDL, "work", lb(315), 5, None, 8.5),
            ]),
            ("2024-01-10", [
                (BENCH, "warmup", lb(95), 10, None, None), (BENCH, "work", lb(135), 8, None, None),
                (BENCH, "work", lb(135), 8, None, None), (BENCH, "work", lb(185), 3, None, None),
            ]),
        ],
    ),
    "strong_comma_bare.csv": (
        ["Imported 4 sets in 1 workout (1 new)"],
        [("2023-05-02", [
            (SQUAT, "work", 20, 10, None, None), (SQUAT, "work", 62.5, 5, None, 7),
            (SQUAT, "work", 62.5, 5, None, None), ("Plank", "work", 0, None, 45, None),
        ])],
    ),
    "strong_semicolon.csv": (
        ["Weights read in lb: the file says pounds on 2 of its 3 weighted rows"],
        [("2025-01-10", [
            ("Push-Up", "work", 0, 15, None, None), (DL, "warmup", lb(135), 5, None, None),
            (DL, "work", lb(225), 5, None, 8), (DL, "work", 102.5, 3, None, 9),  # 102,5 kg
        ])],
    ),
    "strong_2025_kg.csv": (
        [
            "Weights read in kg: the file says kilograms (its Weight (kg) column).",
            "Skipped 3 rows that are not strength sets: 1 cardio, 1 note row, 1 rest timer.",
        ],
        [
            ("2025-03-03", [
                (SQUAT, "warmup", 20, 10, None, None), (SQUAT, "work", lb(143.7), 5, None, 8),
                (SQUAT, "failure", lb(143.7), 3, None, None), (SQUAT, "drop", 50, 8, None, None),
                ("Push-Up", "work", 0, 12, None, None), ("Plank", "work", 0, None, 60, None),
            ]),
            ("2025-03-05", [(DL, "work", 100, 5, None, 9.5)]),
        ],
    ),
    "strong_2025_lbs.csv": (
        ["New exercises, now your own (2): Bench Press (Barbell) (barbell),"
         " Pull Up (Assisted) (machine)."],
        [("2025-06-02", [
            (BENCH, "warmup", lb(95), 10, None, None), (BENCH, "work", lb(135), 8, None, 8),
            (BENCH, "failure", lb(135), 6, None, None), (BENCH, "drop", lb(95), 10, None, None),
            ("Pull Up (Assisted)", "work", -lb(50), 8, None, None),  # assistance: negative
        ])],
    ),
    "strong_2016.csv": (
        ["from strong_2016.csv (Strong, 2016 form with kg/km columns)."],
        [("2016-04-11", [
            (SQUAT, "work", 60, 5, None, None), (SQUAT, "work", 60, 5, None, None),
            (BENCH, "work", 40, 5, None, None),
        ])],
    ),
    "hevy_metric.csv": (
        ["Skipped 1 row that is not a strength set: 1 cardio."],
        [("2025-07-26", [
            (SQUAT, "warmup", 20, 10, None, None), (SQUAT, "work", 70, 5, None, 8),
            (SQUAT, "failure", 70, 3, None, 10), (SQUAT, "drop", 50, 8, None, None),
            ("Plank", "work", 0, None, 45, None),
            ("Rear-Foot-Elevated Split Squat", "work", 12.5, 8, None, 7.5),
        ])],
    ),
    "hevy_imperial.csv": (
        ["Set your units to lb, as in the file."],
        [
            ("2026-05-07", [
                (DL, "warmup", lb(135), 5, None, None), (DL, "work", lb(225), 5, None, 8.5),
            ]),
            ("2026-05-07", [("Push-Up", "work", 0, 20, None, None)]),  # 6:13 PM: another
        ],
    ),
    "hevy_supersets.csv": (
        ["Imported 6 sets in 2 workouts (2 new) from hevy_supersets.csv (Hevy)."],
        [
            ("2026-04-07", [
                (RDL, "warmup", 10, 12, None, None), (RDL, "work", 22.5, 10, None, 8),
                ("Hanging Leg Raise", "work", 0, 15, None, None), (RDL, "drop", 15, 12, None, None),
                ("Hanging Leg Raise", "failure", 0, 11, None, 10),
            ]),
            ("2026-06-11", [("Leg Press", "work", 140, 10, None, None)]),
        ],
    ),
    "fitnotes.csv": (
        ["New exercises, now your own (1): Dumbbell Curl (dumbbell)."],
        [
            ("2023-09-01", [
                (SQUAT, "work", 80, 5, None, None), (SQUAT, "work", 80, 5, None, None),
                ("Plank", "work", 0, None, 60, None),
                ("Dumbbell Curl", "work", lb(25), 10, None, None),
            ]),
            ("2023-09-03", [(SQUAT, "work", lb(180), 5, None, None)]),
        ],
    ),
    "fitnotes_lbs.csv": (
        [
            "Skipped 3 rows that are not strength sets: 3 cardio.",  # Zumba, Stair Climber, Rowing
            "New exercises, now your own (1): Overhead Press (Each Side, Dumbbells) (dumbbell).",
        ],
        [
            ("2024-02-12", [
                ("Overhead Press (Each Side, Dumbbells)", "work", lb(25), 10, None, None),
                ("Overhead Press (Each Side, Dumbbells)", "work", lb(25), 8, None, None),
                ("Leg Press", "work", lb(180), 12, None, None),
            ]),
            ("2024-02-14", [(SQUAT, "work", lb(135), 5, None, None)]),
        ],
    ),
    "fitnotes_kgs.csv": (
        ["Imported 3 sets in 1 workout (1 new) from fitnotes_kgs.csv (FitNotes)."],
        [("2024-03-01", [
            (SQUAT, "work", 80, 5, None, None), (RDL, "work", 70, 8, None, None),
            ("Plank", "work", 0, None, 60, None),
        ])],
    ),
    "fitbod.csv": (
        ["Skipped 1 row that is not a strength set: 1 cardio."],
        [("2024-11-26", [
            (SQUAT, "warmup", 40, 8, None, None), (SQUAT, "work", 80, 5, None, None),
            (SQUAT, "work", 80, 5, None, None), (RDL, "work", 16, 10, None, None),
            ("Plank", "work", 0, None, 45, None),
        ])],
    ),
    "fitbod_old.csv": (
        ["from fitbod_old.csv (Fitbod, older form with Sets)."],
        [("2019-05-12", [("Goblet Squat", "work", 16, 10, None, None)] * 3
                         + [("Push-Up", "work", 0, 15, None, None)] * 2)],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_dialect_imports_set_by_set(cli: CLI, name: str) -> None:
    lines, log = FIXTURES[name]
    out = cli.ok("import", str(DATA / name)).out
    for line in lines:
        assert line in out
    assert days(cli) == log


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_importing_the_same_file_twice_adds_nothing(cli: CLI, name: str) -> None:
    cli.ok("import", str(DATA / name))
    before = sessions(cli)
    again = cli.ok("import", str(DATA / name))
    assert again.out.startswith(f"Nothing new in {name} (")
    assert "This file was imported before (import 1)." in again.out
    assert "New exercises" not in again.out
    assert sessions(cli) == before
    assert [b["id"] for b in cli.ok("imports", "--json").json()] == [1]  # nothing recorded


@pytest.mark.parametrize("source", ["strong", "hevy", "fitnotes", "fitbod"])
def test_from_names_the_app(cli: CLI, source: str) -> None:
    name = {"strong": "strong_2025_kg", "hevy": "hevy_supersets"}.get(source, source)
    assert cli.ok("import", str(DATA / f"{name}.csv"), "--from", source).out.startswith("Imported")


def test_notes_and_formulas_arrive_as_written(cli: CLI) -> None:
    cli.ok("import", str(DATA / "strong_comma.csv"))
    first, second = sessions(cli)
    assert first["sets"][1]["note"] == 'Depth ok, "slow" descent\nsecond line of the note'
    assert second["sets"][0]["note"] == "=cmd|' /C calc'!A0"  # the user's text, as typed


def test_kinds_supersets_and_end_times_survive_export_import_export(
    cli: CLI, tmp_path: Path
) -> None:
    cli.ok("import", str(DATA / "hevy_supersets.csv"))
    cli.ok("import", str(DATA / "strong_2025_kg.csv"))
    first = tmp_path / "first.csv"
    cli.ok("export", "-o", str(first))
    text = first.read_bytes().decode("utf-8")
    assert ",drop," in text and ",failure," in text
    assert ",0,2026-04-07T11:02:00\r\n" in text  # superset 0, the workout's end
    again = tmp_path / "again.sqlite3"
    assert cli("import", str(first), db=again).code == 0
    second = tmp_path / "second.csv"
    assert cli("export", "-o", str(second), db=again).code == 0
    assert second.read_bytes() == first.read_bytes()


def test_a_pound_file_prescribes_pound_plates(cli: CLI) -> None:
    """Issue 12: the RDL is 315 lb, not 315 kg, and `next` loads it with pound plates."""
    cli.ok("import", str(DATA / "strong_comma_lb.csv"))
    plan = cli.ok("next", "--exercise", "Romanian Deadlift", "--date", "2024-01-12", "--json")
    (rdl,) = plan.json()["exercises"]
    for load in [s["weight_kg"] for s in rdl["work"]]:
        pounds = round(load / LB, 2)
        assert pounds < 400 and (pounds - 45) % 5 == 0  # a 45-lb bar and pairs of plates


STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
GOOD = "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),1,60,5,0,0,,,\n"


def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.csv"
    rows = [
        GOOD,
        '2024-03-04 07:30:00,Legs,45m,Squat (Barbell),2,60,5,0,0,"a\nb",,\n',  # lines 3-4
        "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),1,60,877777,0,0,,,\n",
        "2024-03-04 07:30:00,Legs,45m,Zercher Squat,1,sixty,5,0,0,,,\n",
        "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),X,60,5,0,0,,,\n",
        GOOD,
    ]
    path.write_text(STRONG_HEADER + "".join(rows))
    return path


def test_every_invalid_row_is_listed_and_nothing_is_imported(cli: CLI, tmp_path: Path) -> None:
    result = cli("import", str(bad_file(tmp_path)), "--units", "kg")
    assert (result.code, result.out) == (1, "")
    assert result.err.splitlines() == [
        "liftlog: bad.csv has 3 invalid rows, so nothing was imported; fix them, or import the"
        " others with --skip-invalid.",
        "  line 5: reps 877777 must be between 1 and 100",
        "  line 6: Weight 'sixty' is not a number",
        "  line 7: Set Order 'X' is not a set number, W, D or F",
    ]
    assert sessions(cli) == []
    assert "Zercher Squat" not in [e["name"] for e in cli.ok("exercises", "--json").json()]
    assert cli.ok("imports", "--json").json() == []


def test_more_than_20_invalid_rows_are_counted(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text(STRONG_HEADER + GOOD.replace(",5,0,0", ",150,0,0") * 23)
    err = cli("import", str(path), "--units", "kg").err.splitlines()
    assert len(err) == 22 and err[-1] == "  … and 3 more"


def test_skip_invalid_imports_the_rest_and_lists_what_it_skipped(cli: CLI, tmp_path: Path) -> None:
    out = cli.ok("import", str(bad_file(tmp_path)), "--units", "kg", "--skip-invalid").out
    assert "Imported 3 sets in 1 workout (1 new)" in out
    assert "Skipped 3 invalid rows, as asked:\n  line 5: reps 877777" in out
    assert [b[3] for _, sets in days(cli) for b in sets] == [5, 5, 5]


def test_imports_lists_them_and_undo_removes_exactly_what_one_added(cli: CLI) -> None:
    cli.ok("log", "Back Squat", "60x5", "--date", "2024-03-04")
    cli.ok("import", str(DATA / "strong_comma.csv"))
    cli.ok("import", str(DATA / "hevy_metric.csv"))
    listed = cli.ok("imports", "--json").json()
    assert [(b["id"], b["file"], b["format"], b["sets"], b["unit"]) for b in listed] == [
        (1, "strong_comma.csv", "strong", 8, "kg"),
        (2, "hevy_metric.csv", "hevy", 6, "kg"),
    ]
    assert listed[0]["details"]["skipped"] == {"cardio": 1, "rest timer": 1}
    assert "strong_comma.csv (strong, kg): 8 sets in 2 workouts" in cli.ok("imports").out
    out = cli.ok("imports", "undo", "1").out
    assert out == "Undid import 1 (strong_comma.csv): removed 8 sets, 2 workouts, 1 exercise.\n"
    # the set logged in liftlog that day stays, in its own workout
    assert [(d, [b[2] for b in sets]) for d, sets in days(cli)] == [
        ("2024-03-04", [60]),
        ("2025-07-26", [20, 70, 70, 50, 0, 12.5]),
    ]
    assert "Bench Press (Barbell)" not in [e["name"] for e in cli.ok("exercises", "--json").json()]
    assert cli.ok("imports", "--json").json()[0]["undone"] is not None
    again = cli("imports", "undo", "1")
    assert again.code == 1 and "was undone already" in again.err


def test_undo_then_import_again_gives_the_same_log(cli: CLI) -> None:
    cli.ok("import", str(DATA / "strong_2025_lbs.csv"))
    before = sessions(cli)
    cli.ok("imports", "undo", "1")
    assert sessions(cli) == []
    cli.ok("import", str(DATA / "strong_2025_lbs.csv"))
    after = sessions(cli)
    strip = [[{k: v for k, v in s.items() if k != "id"} for s in d["sets"]] for d in after]
    assert strip == [[{k: v for k, v in s.items() if k != "id"} for s in d["sets"]] for d in before]


def test_dry_run_reports_and_writes_nothing(cli: CLI) -> None:
    result = cli.ok("import", str(DATA / "strong_comma.csv"), "--dry-run")
    assert "Would import 8 sets in 2 workouts" in result.out
    assert "Bench Press (Barbell)" in result.out
    assert result.out.endswith("Dry run: nothing was written.\n")
    assert sessions(cli) == []
    assert cli.ok("imports", "--json").json() == []


def test_a_file_of_another_kind_names_its_delimiter_and_the_missing_columns(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("Booking date;Amount;Payee\n2024-01-02;-12.50;Coffee\n")
    result = cli("import", str(path))
    assert result.code == 1
    assert result.err.startswith(
        "liftlog: bank.csv is not an export liftlog reads (liftlog, Strong, Hevy, FitNotes or"
        " Fitbod): its header, split at ';' (semicolon), is 'Booking date', 'Amount', 'Payee';"
    )
    assert "and this one lacks" in result.err
    assert result.err.count("\n") == 1


def test_from_names_an_app_the_file_is_not(cli: CLI) -> None:
    result = cli("import", str(DATA / "hevy_metric.csv"), "--from", "strong")
    assert result.code == 1
    assert "is not a Strong export: its header, split at ',' (comma), is 'title'" in result.err
    assert "this one lacks Date, Workout Name, Exercise Name, Set Order and Weight" in result.err
    assert result.err.endswith("; it looks like a Hevy export.\n")
    assert sessions(cli) == []


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty.csv is empty"),
        (STRONG_HEADER.encode() + "2024-03-04,Légs,,Squat,1,60,5,0,0,,,\n".encode("latin-1"),
         "is not UTF-8 text"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_csv_export_is_one_clear_line(
    cli: CLI, tmp_path: Path, content: bytes, why: str
) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    result = cli("import", str(path))
    assert result.code == 1 and why in result.err
    assert result.err.count("\n") == 1
    assert sessions(cli) == []


def test_a_header_only_file_imports_nothing_and_records_nothing(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text(STRONG_HEADER)
    out = cli.ok("import", str(path)).out
    assert "Imported 0 sets in 0 workouts" in out
    assert "Nothing was added, so no import was recorded." in out


def test_a_missing_file_is_one_clear_line(cli: CLI, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "nope.csv"))
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert "nope.csv" in result.err


def test_imported_sets_join_the_days_logged_in_liftlog(cli: CLI) -> None:
    cli.ok("log", "Back Squat", "60x5", "--date", "2023-09-01")
    cli.ok("import", str(DATA / "fitnotes.csv"))
    # FitNotes has no times: its days start at midnight, like a day logged afterwards in
    # liftlog, so the file's sets join that workout, after the set already there
    assert [b[2:4] for b in days(cli)[0][1]] == [(60, 5), (80, 5), (80, 5), (0, None), (lb(25), 10)]
