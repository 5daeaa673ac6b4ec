"""`open_export`: every dialect's fixture read set by set, the unit and why, the rows that
are not sets, every invalid row with its line, and the refusals of a whole file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftlog.csvio.cells import CsvError
from liftlog.csvio.formats import DIALECTS, Format
from liftlog.csvio.reader import ExportFile, open_export
from liftlog.csvio.rows import ImportedSet, RowError, SkippedRow
from liftlog.units import Unit

DATA = Path(__file__).parents[2] / "data" / "csv"
Brief = tuple[object, ...]


def opened(name: str, **kwargs: object) -> ExportFile:
    return open_export((DATA / name).open("rb"), name, **kwargs)  # type: ignore[arg-type]


def text_file(text: str, name: str = "file.csv", **kwargs: object) -> ExportFile:
    return open_export(io.BytesIO(text.encode()), name, **kwargs)  # type: ignore[arg-type]


def brief(export: ExportFile) -> list[Brief]:
    """Each row as (line, exercise, kind, kg, reps, seconds, rpe), or (line, why)."""
    out: list[Brief] = []
    for line, item in export.rows():
        if isinstance(item, ImportedSet):
            out.append(
                (line, item.exercise, item.kind, item.weight_kg, item.reps, item.seconds, item.rpe)
            )
        else:
            out.append((line, item.why))
    return out


def test_strong_2025_semicolon_kg() -> None:
    export = opened("strong_2025_kg.csv")
    assert (export.format.key, export.delimiter, export.unit) == ("strong", ";", "kg")
    assert export.unit_why == "the file says kilograms (its Weight (kg) column)"
    assert brief(export) == [
        (2, "Squat (Barbell)", "warmup", 20.0, 10, None, None),
        (3, "Squat (Barbell)", "work", 65.181223569, 5, None, 8.0),  # 143.7 lb, exact
        (4, "rest timer"),
        (5, "Squat (Barbell)", "failure", 65.181223569, 3, None, None),
        (6, "Squat (Barbell)", "drop", 50.0, 8, None, None),
        (7, "note row"),
        (8, "Push Up", "work", 0.0, 12, None, None),  # bodyweight: an empty weight
        (9, "Plank", "work", 0.0, None, 60, None),
        (10, "cardio"),
        (11, "Deadlift (Barbell)", "work", 100.0, 5, None, 9.5),
    ]
    sets = [item for _, item in export.rows() if isinstance(item, ImportedSet)]
    assert {s.workout_ended_at for s in sets} == {
        dt.datetime(2025, 3, 3, 8, 15, 6),  # 4195 s after 07:05:11
        dt.datetime(2025, 3, 5, 18, 30, 55),
    }


def test_strong_2025_comma_pounds_with_spelled_out_set_types() -> None:
    export = opened("strong_2025_lbs.csv")
    assert (export.delimiter, export.unit) == (",", "lb")
    assert brief(export) == [
        (2, "Bench Press (Barbell)", "warmup", 43.09127515, 10, None, None),
        (3, "Bench Press (Barbell)", "work", 61.23496995, 8, None, 8.0),
        (4, "Bench Press (Barbell)", "failure", 61.23496995, 6, None, None),
        (5, "Bench Press (Barbell)", "drop", 43.09127515, 10, None, None),
        (6, "Pull Up (Assisted)", "work", -22.6796185, 8, None, None),  # assistance
    ]


def test_strong_2016_kg_columns_crlf() -> None:
    assert b"\r\n" in (DATA / "strong_2016.csv").read_bytes()
    export = opened("strong_2016.csv")
    assert export.format.variant == "2016 form with kg/km columns"
    assert brief(export) == [
        (2, "Squat (Barbell)", "work", 60.0, 5, None, None),
        (3, "Squat (Barbell)", "work", 60.0, 5, None, None),
        (4, "Bench Press (Barbell)", "work", 40.0, 5, None, None),
        (5, "cardio"),
    ]


def test_strong_comma_form_in_pounds_is_read_as_pounds() -> None:
    export = opened("strong_comma_lb.csv")
    assert export.unit == "lb"
    assert export.unit_why.startswith(
        "the file names no unit, and its barbell loads like 135, 225 and 315 are"
        " plate-loaded pounds"
    )
    rows = brief(export)
    assert rows[2] == (4, "Romanian Deadlift (Barbell)", "work", 142.88159655, 5, None, 8.0)
    assert rows[4] == (6, "cardio")  # Treadmill 1800 s: not a timed strength set
    assert [r[3] for r in rows if len(r) > 2] == [
        61.23496995, 102.05828325, 142.88159655, 142.88159655,
        43.09127515, 61.23496995, 61.23496995, 83.91458845,
    ]  # fmt: skip
    ends = {i.workout_ended_at for _, i in export.rows() if isinstance(i, ImportedSet)}
    assert ends == {dt.datetime(2024, 1, 8, 19, 10), dt.datetime(2024, 1, 10, 17, 40, 55)}


def test_strong_comma_form_in_kilograms_stays_kilograms() -> None:
    export = opened("strong_comma.csv", athlete_units="lb")
    assert export.unit == "kg"
    assert "62.5, 20 and 40 are not made with pound plates" in export.unit_why


@pytest.mark.parametrize("units", ["kg", "lb"])
def test_units_decides_for_a_file_that_names_none(units: Unit) -> None:
    export = opened("strong_comma_lb.csv", units=units)
    assert (export.unit, export.unit_why) == (units, f"--units {units}")


def test_units_does_not_override_a_file_that_names_its_unit() -> None:
    export = opened("hevy_imperial.csv", units="kg")
    assert export.unit == "lb"
    assert export.unit_why.endswith("; --units kg is only for a file that names no unit")


def test_loads_that_do_not_tell_are_read_in_the_athletes_unit() -> None:
    export = opened("strong_comma_bare.csv")  # 20 and 62.5: kilograms for sure
    assert export.unit == "kg"
    plain = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n2024-01-01,A,Curl,1,30,10\n"
    export = text_file(plain, athlete_units="lb")
    assert export.unit == "lb"
    assert export.unit_why == (
        "the file names no unit and it has no barbell loads to tell kilograms from pounds by,"
        " so they are read in your unit (lb; for the other, --units)"
    )


def test_strong_comma_variants_without_duration_or_notes_reps_as_decimals() -> None:
    assert brief(opened("strong_comma_bare.csv")) == [
        (2, "Squat (Barbell)", "work", 20.0, 10, None, None),
        (3, "Squat (Barbell)", "work", 62.5, 5, None, 7.0),
        (4, "Squat (Barbell)", "work", 62.5, 5, None, None),
        (5, "Plank", "work", 0.0, None, 45, None),
    ]


def test_strong_semicolon_form_with_units_on_its_rows() -> None:
    export = opened("strong_semicolon.csv")
    assert (export.delimiter, export.unit) == (";", "lb")
    assert export.unit_why == (
        "the file says pounds on 2 of its 3 weighted rows (each row is read in its own unit)"
    )
    assert [r[3] for r in brief(export) if len(r) > 2] == [0.0, 61.23496995, 102.05828325, 102.5]


def test_a_kg_file_of_pound_conversions_is_read_as_pounds() -> None:
    header = '"Workout #";"Date";"Workout Name";"Exercise Name";"Set Order";"Weight (kg)";"Reps"\n'
    rows = [
        f'"1";"2025-03-03 07:05:11";"A";"Squat (Barbell)";"1";"{kg}";"5"\n'
        for kg in ("61.23496995", "65.181223569", "20.41165665")
    ]
    export = text_file(header + "".join(rows))
    assert export.unit == "lb"
    assert export.unit_why == (
        "the file gives kilograms (Weight (kg)), but they are pounds the app converted"
        " (61.23496995 kg is 135 lb)"
    )


def test_hevy_supersets_set_types_end_times_and_notes_in_other_languages() -> None:
    export = opened("hevy_supersets.csv")
    items = [item for _, item in export.rows()]
    sets = [i for i in items if isinstance(i, ImportedSet)]
    assert [(s.kind, s.superset) for s in sets] == [
        ("warmup", "0"),
        ("work", "0"),
        ("work", "0"),
        ("drop", "0"),
        ("failure", "0"),
        ("work", None),
    ]
    assert sets[0].started_at == dt.datetime(2026, 4, 7, 10, 14)  # 7 Apr 2026, 10:14
    assert sets[0].workout_ended_at == dt.datetime(2026, 4, 7, 11, 2)
    assert sets[0].note == "Rücken gerade halten"
    assert sets[-1].started_at == dt.datetime(2026, 6, 11, 13, 1)  # Jun 11, 2026, 1:01 PM
    assert sets[-1].note == "Pés afastados, joelhos alinhados"
    assert items[-1] == SkippedRow("cardio")


def test_fitnotes_names_with_unquoted_commas_are_put_back_together() -> None:
    export = opened("fitnotes_lbs.csv")
    assert export.unit == "lb"
    assert brief(export) == [
        (2, "Overhead Press (Each Side, Dumbbells)", "work", 11.33980925, 10, None, None),
        (3, "Overhead Press (Each Side, Dumbbells)", "work", 11.33980925, 8, None, None),
        (4, "Seated Leg Press (Machine)", "work", 81.6466266, 12, None, None),
        (5, "cardio"),  # Zumba, 0:25:00
        (6, "cardio"),  # Stair Climber
        (7, "Barbell Squat", "work", 61.23496995, 5, None, None),
        (8, "cardio"),  # Rowing Machine, 2 km
    ]
    notes = [i.note for _, i in export.rows() if isinstance(i, ImportedSet)]
    assert notes[1] == "last one slow, good"


@pytest.mark.parametrize(
    ("cells", "exercise", "comment"),
    [
        ("2024-02-12,Press (Side, Dumbbells),Legs,25,lbs,10,,,,", "Press (Side, Dumbbells)", ""),
        ("2024-02-12,Press (A, B, C),Shoulders,25,lbs,10,,,,ok", "Press (A, B, C)", "ok"),
        ("2024-02-12,Curl,Arms,25,lbs,10,,,,slow, then fast", "Curl", "slow, then fast"),
        ("2024-02-12,Curl (A, B),Arms,25,lbs,10,,,,slow, fast", "Curl (A, B)", "slow, fast"),
    ],
)  # fmt: skip
def test_fitnotes_repair_finds_where_the_commas_belong(
    cells: str, exercise: str, comment: str
) -> None:
    header = "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
    ((_, item),) = text_file(header + cells + "\n").rows()
    assert isinstance(item, ImportedSet)
    assert (item.exercise, item.note, item.reps) == (exercise, comment, 10)


def test_fitnotes_in_kilograms_without_a_comment_column() -> None:
    assert brief(opened("fitnotes_kgs.csv")) == [
        (2, "Barbell Squat", "work", 80.0, 5, None, None),
        (3, "Romanian Deadlift", "work", 70.0, 8, None, None),
        (4, "Plank", "work", 0.0, None, 60, None),
    ]


def test_fitbod_days_are_workouts_and_cardio_is_skipped() -> None:
    export = opened("fitbod.csv")
    assert export.format.key == "fitbod"
    rows = list(export.rows())
    sets = [i for _, i in rows if isinstance(i, ImportedSet)]
    assert [(s.exercise, s.kind, s.reps, s.seconds, s.weight_kg) for s in sets] == [
        ("Back Squat", "warmup", 8, None, 40.0),
        ("Back Squat", "work", 5, None, 80.0),
        ("Back Squat", "work", 5, None, 80.0),
        ("Dumbbell Romanian Deadlift", "work", 10, None, 16.0),  # one dumbbell
        ("Plank", "work", None, 45, 0.0),
    ]
    assert {(s.started_at, s.workout_ended_at) for s in sets} == {
        (dt.datetime(2024, 11, 26, 17, 18, 41), dt.datetime(2024, 11, 26, 17, 55, 12))
    }
    assert rows[-1] == (7, SkippedRow("cardio"))


def test_fitbod_old_form() -> None:
    export = opened("fitbod_old.csv")
    assert export.format.variant == "older form with Sets"
    assert [r[:5] for r in brief(export)] == [
        (2, "Goblet Squat", "work", 16.0, 10),
        (2, "Goblet Squat", "work", 16.0, 10),
        (2, "Goblet Squat", "work", 16.0, 10),
        (3, "Push Up", "work", 0.0, 15),
        (3, "Push Up", "work", 0.0, 15),
    ]


STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
GOOD = "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),1,60,5,0,0,,,\n"


def test_every_invalid_row_is_listed_with_its_line_and_reading_goes_on() -> None:
    rows = [
        GOOD,
        '2024-03-04 07:30:00,Legs,45m,Squat (Barbell),2,60,5,0,0,"a\nb",,\n',  # lines 3-4
        "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),1,60,877777,0,0,,,\n",  # a typo
        "2024-03-04 07:30:00,Legs,45m,Steps,1,0,4500,0,0,,,\n",  # a step count
        "2024-03-04 07:30:00,Legs,45m,Climbing,1,0,0,0,9600,,,\n",  # 9600 s
        "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),1," + "9" * 5000 + ",5,0,0,,,\n",
        GOOD,
    ]
    assert [(line, type(item).__name__, getattr(item, "why", "")) for line, item in text_file(
        STRONG_HEADER + "".join(rows), units="kg"
    ).rows()] == [
        (2, "ImportedSet", ""),
        (3, "ImportedSet", ""),
        (5, "RowError", "reps 877777 must be between 1 and 100"),
        (6, "RowError", "reps 4500 must be between 1 and 100"),
        (7, "RowError", "a timed set must last 1 to 3600 seconds, not 9600"),
        (8, "RowError", "Weight '999999999999999999999999…' is not a number"),
        (9, "ImportedSet", ""),
    ]  # fmt: skip


def test_a_row_with_cells_past_the_header_is_invalid_not_the_file() -> None:
    rows = "2024-03-04 07:30:00,Legs,45m,Squat (Barbell),1,60,5,0,0,a,b,8,extra\n" + GOOD
    items = list(text_file(STRONG_HEADER + rows).rows())
    assert items[0] == (
        2,
        RowError("13 cells but the header has 12 (a delimiter inside an unquoted name or note?)"),
    )
    assert isinstance(items[1][1], ImportedSet)


def test_blank_lines_are_not_rows_and_lines_count_as_an_editor_shows() -> None:
    text = STRONG_HEADER + "\n" + GOOD + "\r\n" + GOOD
    assert [line for line, _ in text_file(text).rows()] == [3, 5]


def test_rows_can_be_read_again() -> None:
    export = opened("hevy_metric.csv")
    assert list(export.rows()) == list(export.rows())


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "empty.csv is empty: it has no header row, so there is nothing to import."),
        (b"\n\n", "empty.csv is empty: it has no header row, so there is nothing to import."),
        (b"Date,\xff\xfe\n", "empty.csv is not UTF-8 text; export it again as CSV (UTF-8)."),
    ],
)
def test_a_file_with_no_header_is_refused(content: bytes, why: str) -> None:
    with pytest.raises(CsvError) as caught:
        open_export(io.BytesIO(content), "empty.csv")
    assert str(caught.value) == why


def test_a_bad_byte_after_the_header_is_refused_when_reached() -> None:
    export = open_export(io.BytesIO(STRONG_HEADER.encode() + b"2024,\xff\n"), "x.csv", units="kg")
    with pytest.raises(CsvError, match=r"^x\.csv is not UTF-8 text"):
        list(export.rows())


def test_a_file_of_another_kind_names_the_delimiter_and_what_is_missing() -> None:
    with pytest.raises(CsvError) as caught:
        text_file("Booking date;Amount;Payee\n2024-01-02;-12.50;Coffee\n", "bank.csv")
    message = str(caught.value)
    assert message.startswith(
        "bank.csv is not an export liftlog reads (liftlog, Strong, Hevy, FitNotes or Fitbod):"
        " its header, split at ';' (semicolon), is 'Booking date', 'Amount', 'Payee'; the"
        " nearest, a "
    )
    assert ", and this one lacks " in message
    assert "\n" not in message


def test_from_an_app_the_file_is_not_says_which_columns_are_missing() -> None:
    with pytest.raises(CsvError) as caught:
        opened("hevy_metric.csv", source="strong")
    assert str(caught.value).startswith(
        "hevy_metric.csv is not a Strong export: its header, split at ',' (comma), is 'title',"
    )
    assert str(caught.value).endswith("; it looks like a Hevy export.")
    lacks = "this one lacks Date, Workout Name, Exercise Name, Set Order and Weight;"
    assert lacks in str(caught.value)


@pytest.mark.parametrize(
    "name",
    [
        "strong_comma.csv",
        "strong_comma_lb.csv",
        "strong_comma_bare.csv",
        "strong_semicolon.csv",
        "strong_2025_kg.csv",
        "strong_2025_lbs.csv",
        "strong_2016.csv",
    ],
)
def test_from_strong_accepts_every_strong_form(name: str) -> None:
    assert opened(name, source="strong").format.key == "strong"


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("hevy_supersets.csv", "hevy"),
        ("fitnotes_lbs.csv", "fitnotes"),
        ("fitbod.csv", "fitbod"),
        ("fitbod_old.csv", "fitbod"),
    ],
)
def test_from_names_the_app(name: str, source: str) -> None:
    assert opened(name, source=source).format.key == source


class _Generated(io.RawIOBase):
    """A big Strong file made on the fly, never whole in memory."""

    def __init__(self, rows: int) -> None:
        self._lines: Iterator[bytes] = iter(
            [STRONG_HEADER.encode()]
            + [
                f"2024-{1 + i // 28 % 12:02d}-{1 + i % 28:02d} 07:30:00,W{i},45m,Squat (Barbell),"
                f"{1 + i % 5},{60 + i % 40},5,0,0,note {i},,8\n".encode()
                for i in range(rows)
            ]
        )
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while len(self._buffer) < len(target):
            line = next(self._lines, None)
            if line is None:
                break
            self._buffer += line
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def test_rows_stream_a_100k_row_file_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as out:
        generated = io.BufferedReader(_Generated(100_000))
        while chunk := generated.read(1 << 16):
            out.write(chunk)
    size = path.stat().st_size
    with path.open("rb") as raw:
        export = open_export(raw, "big.csv", units="kg")
        tracemalloc.start()
        count = sum(1 for _, item in export.rows() if isinstance(item, ImportedSet))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert count == 100_000
    assert peak < size / 10  # a few rows at a time, never the file (about 8 MB)


def test_a_stream_that_cannot_seek_is_read_twice_all_the_same() -> None:
    export = open_export(io.BufferedReader(_Generated(50)), "pipe.csv")  # the unit pass
    assert export.unit == "kg"
    assert sum(1 for _ in export.rows()) == 50


_ODD = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "0", "-1", "1e400", "nan", "9" * 5000, "1:2:3:4", "10.5", "W", " 6"]),
    st.sampled_from(["7 Apr 2026, 10:14", "2024-11-26 17:18:41 +0000", "lbs", "Cardio", "true"]),
)


@settings(max_examples=150, deadline=None)
@given(
    dialect=st.sampled_from(list(DIALECTS)),
    rows=st.lists(st.lists(_ODD, min_size=0, max_size=16), max_size=6),
    delimiter=st.sampled_from([",", ";"]),
)
def test_any_cells_give_sets_skips_or_row_errors(
    dialect: Format, rows: list[list[str]], delimiter: str
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([*dialect.required, *dialect.any_of[:1]])
    writer.writerows(rows)
    try:
        export = text_file(out.getvalue())
        items = [item for _, item in export.rows()]
    except CsvError as exc:
        assert "\n" not in str(exc)
        return
    assert all(isinstance(i, ImportedSet | SkippedRow | RowError) for i in items)
    assert all("\n" not in i.why for i in items if isinstance(i, RowError))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_are_read_or_refused_in_one_sentence(content: bytes) -> None:
    try:
        export = open_export(io.BytesIO(content), "x.csv")
        list(export.rows())
    except CsvError as exc:
        assert "\n" not in str(exc)
