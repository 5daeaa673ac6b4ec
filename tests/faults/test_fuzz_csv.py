"""Fuzzed CSV files through `liftlog import`: for every format, whatever the cells hold,
the person sees either a summary or one sentence saying why the file is refused (with,
for invalid rows, one line per row: which line and why), never a traceback; a refused
file, and every dry run, writes nothing."""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftlog.cli import build_parser, main

pytestmark = pytest.mark.slow


def _has_import() -> bool:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            build_parser().parse_args(["import", "x.csv"])
        except SystemExit:
            return False
    return True


if not _has_import():
    pytest.skip("`liftlog import` is not in this build yet", allow_module_level=True)

TABLES = ("athlete", "exercise", "workout", "workout_set")
HEADERS = {
    "liftlog": "date,time,workout,workout_notes,exercise,order,kind,side,weight_kg,weight,"
    "unit,reps,seconds,rpe,note,logged_at",
    "strong": "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,"
    "Seconds,Notes,Workout Notes,RPE",
    "strong-semicolon": "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;"
    "RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration",
    "hevy": "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe",
    "fitnotes": "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,"
    "Comment",
}
SOURCE = {"strong-semicolon": "strong"}
#: A good row per format; the fuzzer swaps some of its cells for odd ones.
GOOD = {
    "liftlog": "2026-05-07,06:13:00,Strength A,,Back Squat,1,work,,60,60,kg,5,,8,,"
    "2026-05-07T06:13:00",
    "strong": "2026-05-07 06:13:00,Strength A,1h 5m,Squat (Barbell),1,60,5,0,0,,,8",
    "strong-semicolon": "2026-05-07 06:13:00;Strength A;Squat (Barbell);1;60;kg;5;8;0;km;0;;;3600",
    "hevy": 'Strength A,"26 Jul 2025, 07:06","26 Jul 2025, 08:06",,Squat (Barbell),,,0,normal,60,'
    "5,,,8",
    "fitnotes": "2026-05-07,Squat (Barbell),Legs,60,kgs,5,,,,",
}

any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
plausible = st.sampled_from(
    [
        "", "0", "1", "5", "10.0", "62.5", "-5", "1e309", "nan", "inf", "999999", "8.5", "11",
        "2026-05-07", "2026-05-07 06:13:00", "2026-02-30 10:00:00", "May 7, 2026, 6:13 AM",
        "26 Jul 2025, 07:06", "07:06:00", "1h 5m", "45m", "kg", "kgs", "lb", "lbs", "km",
        "warmup", "normal", "failure", "dropset", "work", "L", "R", "W", "Back Squat",
        "Squat (Barbell)", "Plank", "=1+1", "+x", "'=quoted", "a,b", 'say "hi"', "two\nlines",
        "2026-05-07T06:13:00", "Strength A",
    ]
)  # fmt: skip
cell = st.one_of(plausible, plausible, any_text)


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, bytes, bool]:
    """(format, the file's bytes, whether a message may echo a line break from it)"""
    kind = draw(st.sampled_from(sorted(HEADERS)))
    delimiter = ";" if kind == "strong-semicolon" else ","
    header = HEADERS[kind].split(delimiter)
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))
    )
    writer.writerow(header)
    good = next(csv.reader([GOOD[kind]], delimiter=delimiter))
    breaks = False
    assert len(good) == len(header), kind
    for _ in range(draw(st.integers(0, 6))):
        row = list(good)
        for _ in range(draw(st.integers(0, 3))):
            row[draw(st.integers(0, len(row) - 1))] = draw(cell)
        breaks = breaks or any("\n" in c or "\r" in c for c in row)
        if draw(st.integers(0, 9)) == 0:
            row = row[:-1] if draw(st.booleans()) else [*row, draw(cell)]
        writer.writerow(row)
    raw = buffer.getvalue().encode("utf-8")
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw  # a byte-order mark, as Excel writes
    if draw(st.integers(0, 9)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]  # cut anywhere, mid-character too
    if draw(st.integers(0, 9)) == 0:
        raw += draw(st.binary(max_size=20))
        breaks = True
    return kind, raw, breaks


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


@contextlib.contextmanager
def _quiet() -> Iterator[io.StringIO]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        yield err


def _run(argv: list[str]) -> tuple[int, str]:
    with _quiet() as err:
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, err.getvalue()


@pytest.fixture(scope="module")
def import_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("csvfuzz") / "liftlog.sqlite3"
    assert _run(["--db", str(db), "log", "Back Squat", "40x8"])[0] == 0
    return db


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(csv_files(), st.booleans(), st.booleans())
def test_any_csv_file_is_imported_or_refused_in_one_clear_line(
    import_db: Path, tmp_path: Path, file: tuple[str, bytes, bool], named: bool, dry_run: bool
) -> None:
    kind, raw, breaks = file
    path = tmp_path / "fuzz.csv"
    path.write_bytes(raw)
    argv = ["--db", str(import_db), "import", str(path)]
    if named:
        argv += ["--from", SOURCE.get(kind, kind)]
    if dry_run:
        argv.append("--dry-run")
    before = _counts(import_db)
    code, err = _run(argv)
    assert "Traceback" not in err
    assert "unexpected error" not in err, err
    if code != 0 or dry_run:
        assert _counts(import_db) == before, err
    if code != 0:
        assert err.startswith("liftlog"), err
        # one sentence, then (for invalid rows) one line per row: `  line N: why`
        first, *rows = err.strip("\n").split("\n")
        listed = all(r.startswith("  line ") or r.startswith("  … and ") for r in rows)
        assert breaks or not rows or ("invalid row" in first and listed), err


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_a_file_of_random_bytes_is_refused_without_a_traceback(
    import_db: Path, tmp_path: Path, raw: bytes
) -> None:
    path = tmp_path / "noise.csv"
    path.write_bytes(raw)
    before = _counts(import_db)
    code, err = _run(["--db", str(import_db), "import", str(path)])
    assert "Traceback" not in err and "unexpected error" not in err, err
    if code != 0:
        assert _counts(import_db) == before
