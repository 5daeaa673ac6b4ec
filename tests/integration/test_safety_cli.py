"""Issue 10 through the real command line: what a person types or a file carries never
destroys the log or reaches the terminal raw (SPEC §5 "What is shown to a terminal").

Each test names the issue's item it holds (10.1 … 10.10)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.conftest import CLI

OSC_NAME = "Curl \x1b]52;c;cm0gLXJmIH4K\x07\x1b]0;owned\x07"
#: What a terminal could act on: C0 (but line ends), DEL, C1, bidi controls.
RAW_CONTROL = [chr(c) for c in (*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
RAW_CONTROL += ["\u202e", "\u2066", "\u2028"]

LIFTLOG_HEADER = (
    "date,time,workout,workout_notes,exercise,order,kind,side,weight_kg,weight,unit,reps,"
    "seconds,rpe,note,logged_at"
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_controls(text: str) -> list[str]:
    return [c for c in RAW_CONTROL if c in text.replace("\r\n", "\n")]


def liftlog_csv(path: Path, names_and_notes: list[tuple[str, str]]) -> Path:
    """A liftlog CSV with one set a day for each (exercise, note), as a shared file is."""
    lines = [LIFTLOG_HEADER]
    for day, (name, note) in enumerate(names_and_notes, start=1):
        cells = [
            f"2026-03-{day:02d}",
            "07:00:00",
            "",
            "",
            name,
            "1",
            "work",
            "",
            "20",
            "20",
            "kg",
            "8",
            "",
            "",
            note,
            f"2026-03-{day:02d}T07:05:00",
        ]
        lines.append(",".join(_quoted(c) for c in cells))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\r\n') else cell


# --- 10.1 export never writes onto the log --------------------------------------------


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_10_1_export_onto_the_log_or_its_side_files_is_refused(
    cli: CLI, db_path: Path, suffix: str
) -> None:
    cli.ok("log", "Back Squat", "20x8", "--date", "2027-01-04")
    before = sha(db_path)
    result = cli("export", "-o", f"{db_path}{suffix}")
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and "your log's own database file" in result.err
    assert sha(db_path) == before
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM workout_set").fetchone() == (1,)


def test_10_1_export_through_a_link_or_a_relative_liftlog_db_is_refused(
    db_path: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "LIFTLOG_DB": db_path.name}
    run = [sys.executable, "-m", "liftlog"]
    subprocess.run(
        [*run, "bodyweight", "70"], cwd=tmp_path, env=env, check=True, capture_output=True
    )
    link = tmp_path / "link.csv"
    link.symlink_to(db_path)
    before = sha(db_path)
    for target in (db_path.name, "./" + db_path.name, "link.csv"):
        done = subprocess.run(
            [*run, "export", "-o", target], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert done.returncode == 1, target
        assert "your log's own database file" in done.stderr
    assert sha(db_path) == before and link.is_symlink()


# --- 10.3 escapes in names never reach the terminal raw; --json stays exact ------------


def test_10_3_names_from_a_file_are_stored_as_given_and_printed_as_visible_escapes(
    cli: CLI, db_path: Path, tmp_path: Path
) -> None:
    shared = liftlog_csv(tmp_path / "shared.csv", [(OSC_NAME, "note \x1b[2J\u202eevil")])
    imported = cli.ok("import", str(shared))
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO race (athlete_id, name, date, priority) VALUES (1, ?, '2027-04-18', 'A')",
        (OSC_NAME,),
    )
    conn.commit()
    assert conn.execute("SELECT count(*) FROM exercise WHERE name = ?", (OSC_NAME,)).fetchone()[0]
    cli.ok("routine", "add", OSC_NAME)  # a name typed to find one matches it
    outputs = [imported.out]
    for command in (
        ("exercises",),
        ("history",),
        ("history", OSC_NAME),
        ("race", "list"),
        ("next", "--date", "2027-01-05"),
        ("profile",),
    ):
        outputs.append(cli.ok(*command).out)
    for out in outputs:
        assert raw_controls(out) == [], out
    assert "Curl \\x1b]52;c;cm0gLXJmIH4K\\x07\\x1b]0;owned\\x07" in outputs[1]
    history = cli.ok("history", "--json").json()  # --json gives them exactly
    (only,) = [s for session in history["sessions"] for s in session["sets"]]
    assert only["exercise"] == OSC_NAME and only["note"] == "note \x1b[2J\u202eevil"
    assert cli.ok("race", "list", "--json").json()[0]["name"] == OSC_NAME
    for command in (("history", "--json"), ("race", "list", "--json"), ("exercises", "--json")):
        assert raw_controls(cli.ok(*command).out) == []


def test_10_3_typed_names_refuse_control_characters(cli: CLI, db_path: Path) -> None:
    for args in (
        ("exercise", "add", "Curl\x1b]0;x\x07"),
        ("race", "add", "Run\x07", "2027-04-18", "--priority", "A"),
    ):
        result = cli(*args)
        assert result.code == 1 and "control characters" in result.err
        assert raw_controls(result.err) == []


# --- 10.8 and 10.9: one clear line, nothing written -----------------------------------


def test_10_9_arguments_that_are_not_utf8_are_one_line(db_path: Path) -> None:
    run = [sys.executable, "-m", "liftlog", "--db", str(db_path)]
    subprocess.run([*run, "bodyweight", "70"], check=True, capture_output=True)
    before = sha(db_path)
    for argv in (
        [b"log", b"Squat\xff", b"20x8"],
        [b"race", b"add", b"Caf\xe9 10K", b"2027-04-18", b"--priority", b"A"],
        [b"exercise", b"add", b"\xc3("],
    ):
        done = subprocess.run([*run, *argv], capture_output=True)
        assert done.returncode == 1
        err = done.stderr.decode()
        assert err.count("\n") == 1 and "is not UTF-8 text" in err, err
        assert "unexpected" not in err
    assert sha(db_path) == before
    # a file name may hold any bytes
    odd = os.fsencode(db_path.parent) + b"/caf\xe9.csv"
    done = subprocess.run([*run, "export", "-o", odd], capture_output=True)
    assert done.returncode == 0 and b"caf\\xe9.csv" in done.stdout
    assert os.path.exists(odd)


def test_10_9_names_of_punctuation_alone_are_names_of_their_own(cli: CLI, tmp_path: Path) -> None:
    cli.ok("exercise", "add", "###")
    assert cli.ok("log", "###", "20x8", "--date", "2026-03-01").out.startswith("Logged 1 set")
    shared = liftlog_csv(tmp_path / "marks.csv", [("???", ""), ("!!!", "")])
    cli.ok("import", str(shared))
    sets = [
        s["exercise"] for x in cli.ok("history", "--json").json()["sessions"] for s in x["sets"]
    ]
    assert sets == ["###", "???", "!!!"]


@pytest.mark.parametrize(
    "args",
    [
        ("log", "Back Squat", "1" + "0" * 5000 + "x8"),
        ("log", "Back Squat", "20x" + "9" * 5000),
        ("bodyweight", "7" * 5000),
        ("log", "Back Squat", "20x8", "--date", "0001-01-01"),
        ("log", "Back Squat", "20x8", "--date", "9999-12-31"),
        ("bodyweight", "70", "--date", ""),
        ("next", "--date", "9999-12-31"),
    ],
    ids=[
        "5000-digit-load",
        "5000-digit-reps",
        "5000-digit-weight",
        "year-1",
        "year-9999",
        "empty-date",
        "next-9999",
    ],
)
def test_10_8_huge_numbers_and_far_dates_are_one_clear_line(
    cli: CLI, db_path: Path, args: tuple[str, ...]
) -> None:
    cli.ok("bodyweight", "70", "--date", "2027-01-01")
    before = sha(db_path)
    result = cli(*args)
    assert result.code == 1 and result.err.count("\n") == 1, result.err
    assert "unexpected" not in result.err and "Traceback" not in result.err
    assert sha(db_path) == before
    cli.ok("profile")  # and the profile still reads


def test_10_9_an_empty_alembic_version_table_is_refused_untouched(cli: CLI, db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.executescript(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL);"
        "CREATE TABLE athlete (id INTEGER PRIMARY KEY, name TEXT);"
    )
    conn.close()
    before = sha(db_path)
    result = cli("history")
    assert result.code == 1 and result.err.count("\n") == 1
    assert "not a liftlog database" in result.err and "already exists" not in result.err
    assert sha(db_path) == before


# --- 10.10 privacy ---------------------------------------------------------------------


def test_10_10_a_new_log_and_its_folder_are_private_whatever_the_umask(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    out = tmp_path / "out.csv"
    for args in (("bodyweight", "70"), ("export", "-o", str(out))):
        subprocess.run(
            [sys.executable, "-m", "liftlog", *args],
            env=env,
            check=True,
            capture_output=True,
            preexec_fn=lambda: os.umask(0),
        )
    folder = tmp_path / "data" / "liftlog"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "liftlog.sqlite3").stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_10_10_the_log_s_wal_and_shm_files_are_private_too(tmp_path: Path) -> None:
    from liftlog.service.log import open_log

    path = tmp_path / "new" / "liftlog.sqlite3"
    old = os.umask(0)
    try:
        log = open_log(path)
    finally:
        os.umask(old)
    try:
        log.conn.execute("SELECT count(*) FROM workout_set").fetchone()
        for name in ("liftlog.sqlite3", "liftlog.sqlite3-wal", "liftlog.sqlite3-shm"):
            assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600, name
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        log.close()


def test_10_3_json_of_every_printer_is_exact(cli: CLI, db_path: Path) -> None:
    name = 'Row "[bold red]X"\u202e \\ \x7f'
    conn = sqlite3.connect(db_path)
    cli.ok("bodyweight", "70")
    conn.execute(
        "INSERT INTO exercise (athlete_id, name, aliases, category, equipment, laterality,"
        " measure, increment_kg) VALUES (1, ?, '[]', 'general', 'barbell', 'bilateral',"
        " 'reps', 2.5)",
        (name,),
    )
    conn.commit()
    listed = cli.ok("exercises", "--json").json()
    assert name in [e["name"] for e in listed]
    assert json.loads(cli.ok("exercises", "--json").out) == listed
