"""Round trips: a log written the way each app writes its export, read back by
`open_export`, gives the sets that were written (issue 12: every dialect)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, replace

from hypothesis import given, settings
from hypothesis import strategies as st

from liftlog.csvio.reader import open_export
from liftlog.csvio.rows import ImportedSet, stored_kg
from liftlog.names import signed_load_kg
from liftlog.units import Unit

NAMES = ["Squat (Barbell)", "Bench Press (Dumbbell)", "Plank", "Übung Nr. 5", "Pull Up (Assisted)"]
COMMA_NAMES = ["Overhead Press (Each Side, Dumbbells)", "Curl (A, B, C)"]
KINDS = ["warmup", "work", "drop", "failure"]
text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=10
).map(str.strip)


@dataclass(frozen=True)
class Logged:
    """One set as an app holds it: the weight as the app writes it, in its unit."""

    exercise: str
    kind: str
    weight: str
    reps: int | None
    seconds: int | None
    rpe: float | None
    note: str
    at: dt.datetime  # the workout's start (Fitbod: the set's own time)
    workout: str
    minutes: int  # the workout's length
    superset: str | None


def logged(names: list[str], kinds: list[str], minute: bool = False) -> st.SearchStrategy[Logged]:
    moments = st.datetimes(dt.datetime(2015, 1, 1), dt.datetime(2030, 12, 31)).map(
        lambda d: d.replace(second=0 if minute else d.second, microsecond=0)
    )
    return st.builds(
        Logged,
        exercise=st.sampled_from(names),
        kind=st.sampled_from(kinds),
        weight=st.integers(0, 1200).map(lambda q: f"{q / 4:g}"),
        reps=st.one_of(st.none(), st.integers(1, 100)),
        seconds=st.integers(1, 3600),
        rpe=st.one_of(st.none(), st.integers(12, 20).map(lambda n: n / 2)),
        note=text,
        at=moments,
        workout=text,
        minutes=st.integers(1, 240),
        superset=st.one_of(st.none(), st.integers(0, 3).map(str)),
    )


def expected(s: Logged, weights_in: Unit, **changes: object) -> ImportedSet:
    """What reading the set back must give."""
    reps, seconds = (s.reps, None) if s.reps is not None else (None, s.seconds)
    base = ImportedSet(
        date=s.at.date(),
        started_at=s.at,
        workout=s.workout,
        workout_notes="",
        exercise=" ".join(s.exercise.split()),
        order=None,
        kind=s.kind,
        side=None,
        weight_kg=signed_load_kg(s.exercise, stored_kg(s.weight, weights_in, "w")),
        reps=reps,
        seconds=seconds,
        rpe=s.rpe,
        note=s.note,
        logged_at=s.at,
        workout_ended_at=s.at + dt.timedelta(minutes=s.minutes),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def read(content: str, units: Unit | None = None) -> list[ImportedSet]:
    export = open_export(io.BytesIO(content.encode()), "x.csv", units=units)
    return [item for _, item in export.rows() if isinstance(item, ImportedSet)]


def write(rows: list[list[str]], delimiter: str = ",", quote_all: bool = False) -> str:
    out = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator="\n").writerows(rows)
    return out.getvalue()


STRONG_CODES = {
    "short": {"warmup": "W", "drop": "D", "failure": "F"},
    "long": {"warmup": "WARM_UP", "drop": "DROP_SET", "failure": "FAILURE"},
}


def _order(s: Logged, i: int, codes: str) -> str:
    return STRONG_CODES[codes].get(s.kind, str(i + 1))


@settings(max_examples=60)
@given(
    sets=st.lists(logged(NAMES, KINDS), min_size=1, max_size=8),
    unit=st.sampled_from(["kg", "lb"]),
    delimiter=st.sampled_from([",", ";"]),
    codes=st.sampled_from(["short", "long"]),
)
def test_strong_2025(sets: list[Logged], unit: Unit, delimiter: str, codes: str) -> None:
    weight = "Weight (kg)" if unit == "kg" else "Weight (lbs)"
    header = ["Workout #", "Date", "Workout Name", "Duration (sec)", "Exercise Name", "Set Order"]
    header += [weight, "Reps", "RPE", "Distance (meters)", "Seconds", "Notes", "Workout Notes"]
    rows = [header]
    for i, s in enumerate(sets):
        rows.append([str(i), f"{s.at:%Y-%m-%d %H:%M:%S}", s.workout, str(s.minutes * 60)])
        rows[-1] += [s.exercise, _order(s, i, codes), s.weight, str(s.reps or "")]
        rows[-1] += [f"{s.rpe:g}" if s.rpe else "", "", str(s.seconds), s.note, ""]
        rows.append([str(i), f"{s.at:%Y-%m-%d %H:%M:%S}", s.workout, "60", s.exercise])
        rows[-1] += ["Rest Timer", "", "", "", "", "120.0", "", ""]  # not a set
    assert read(write(rows, delimiter, quote_all=True)) == [expected(s, unit) for s in sets]


@settings(max_examples=40)
@given(
    sets=st.lists(logged(NAMES, ["work"]), min_size=1, max_size=8),
    unit=st.sampled_from(["kg", "lb"]),
)
def test_strong_2016(sets: list[Logged], unit: Unit) -> None:
    rows = [["Date", "Workout Name", "Exercise Name", "Set Order"]]
    rows[0] += ["kg" if unit == "kg" else "lbs", "Reps", "km", "Seconds", "Notes"]
    for i, s in enumerate(sets):
        rows.append([f"{s.at:%Y-%m-%d %H:%M:%S}", s.workout, s.exercise, str(i), s.weight])
        rows[-1] += [str(s.reps or 0), "0", str(s.seconds), s.note]
    content = write(rows).replace("\n", "\r\n")
    assert read(content) == [expected(s, unit, rpe=None, workout_ended_at=None) for s in sets]


def _strong_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}h {rest}m" if hours else f"{rest}m"


@settings(max_examples=60)
@given(
    sets=st.lists(logged(NAMES, KINDS), min_size=1, max_size=8),
    unit=st.sampled_from(["kg", "lb"]),
    duration=st.booleans(),
    notes=st.booleans(),
    decimal_reps=st.booleans(),
)
def test_strong_comma_form(
    sets: list[Logged], unit: Unit, duration: bool, notes: bool, decimal_reps: bool
) -> None:
    header = ["Date", "Workout Name", *(["Duration"] * duration), "Exercise Name", "Set Order"]
    header += ["Weight", "Reps", "Distance", "Seconds", *(["Notes", "Workout Notes"] * notes)]
    rows = [[*header, "RPE"]]
    for i, s in enumerate(sets):
        reps = f"{s.reps or 0}.0" if decimal_reps else str(s.reps or 0)
        rows.append([f"{s.at:%Y-%m-%d %H:%M:%S}", s.workout])
        rows[-1] += [_strong_duration(s.minutes)] * duration
        rows[-1] += [s.exercise, _order(s, i, "short"), s.weight, reps, "0", str(s.seconds)]
        rows[-1] += [s.note, ""] * notes + [f"{s.rpe:g}" if s.rpe else "0"]
    want = [
        expected(
            s,
            unit,
            note=s.note if notes else "",
            workout_ended_at=expected(s, unit).workout_ended_at if duration else None,
        )
        for s in sets
    ]
    assert read(write(rows), units=unit) == want


@settings(max_examples=40)
@given(
    sets=st.lists(logged(NAMES, KINDS), min_size=1, max_size=8),
    rows_unit=st.sampled_from(["kg", "lb"]),
)
def test_strong_semicolon_form_with_units_on_its_rows(sets: list[Logged], rows_unit: Unit) -> None:
    header = ["Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit"]
    rows = [[*header, "Reps", "RPE", "Distance", "Distance Unit", "Seconds", "Notes"]]
    rows[0] += ["Workout Notes", "Workout Duration"]
    for i, s in enumerate(sets):
        unit_cell = "kg" if rows_unit == "kg" else "lbs"
        rows.append([f"{s.at:%Y-%m-%d %H:%M:%S}", s.workout, s.exercise, _order(s, i, "short")])
        rows[-1] += [s.weight, unit_cell, f"{s.reps or 0}.0", f"{s.rpe:g}" if s.rpe else ""]
        rows[-1] += ["", "", str(s.seconds), s.note, "", _strong_duration(s.minutes)]
    assert read(write(rows, ";")) == [expected(s, rows_unit) for s in sets]


HEVY_TYPES = {"warmup": "warmup", "work": "normal", "drop": "dropset", "failure": "failure"}
HEVY_DATES: dict[str, Callable[[dt.datetime], str]] = {
    "day first": lambda d: f"{d.day} {d:%b %Y, %H:%M}",
    "US": lambda d: f"{d:%b} {d.day}, {d.year}, {(d.hour - 1) % 12 + 1}:{d:%M %p}",
}


@settings(max_examples=60)
@given(
    sets=st.lists(logged(NAMES, KINDS, minute=True), min_size=1, max_size=8),
    unit=st.sampled_from(["kg", "lb"]),
    dates=st.sampled_from(sorted(HEVY_DATES)),
    quoted=st.booleans(),
)
def test_hevy(sets: list[Logged], unit: Unit, dates: str, quoted: bool) -> None:
    header = ["title", "start_time", "end_time", "description", "exercise_title", "superset_id"]
    header += [
        "exercise_notes",
        "set_index",
        "set_type",
        f"weight_{'kg' if unit == 'kg' else 'lbs'}",
    ]
    header += ["reps", f"distance_{'km' if unit == 'kg' else 'miles'}", "duration_seconds", "rpe"]
    when = HEVY_DATES[dates]
    rows = [header]
    for i, s in enumerate(sets):
        end = s.at + dt.timedelta(minutes=s.minutes)
        rows.append([s.workout, when(s.at), when(end), "", s.exercise, s.superset or ""])
        rows[-1] += [s.note, str(i), HEVY_TYPES[s.kind], s.weight, str(s.reps or 0), ""]
        rows[-1] += [str(s.seconds), f"{s.rpe:g}" if s.rpe else ""]
    content = write(rows, quote_all=quoted)
    assert read(content) == [expected(s, unit, superset=s.superset) for s in sets]


@settings(max_examples=60)
@given(
    sets=st.lists(logged([*NAMES, *COMMA_NAMES], ["work"]), min_size=1, max_size=8),
    form=st.sampled_from(["Weight Unit", "Weight (lbs)", "Weight (kgs)"]),
)
def test_fitnotes_with_names_that_hold_unquoted_commas(sets: list[Logged], form: str) -> None:
    comment = form != "Weight (kgs)"  # one form has no Comment column
    weight = ["Weight", "Weight Unit"] if form == "Weight Unit" else [form]
    header = ["Date", "Exercise", "Category", *weight, "Reps", "Distance", "Distance Unit", "Time"]
    lines = [",".join([*header, *(["Comment"] * comment)])]
    unit: Unit = "kg" if form == "Weight (kgs)" else "lb"
    for s in sets:
        cells = [s.weight, "lbs"] if form == "Weight Unit" else [s.weight]
        time = f"0:{s.seconds // 60:02d}:{s.seconds % 60:02d}"
        tail = write(
            [[*cells, str(s.reps or ""), "", "", "" if s.reps else time, *[s.note] * comment]]
        )
        lines.append(f"{s.at:%Y-%m-%d},{s.exercise},Legs,{tail.rstrip()}")  # the name unquoted
    want = [
        expected(
            s,
            unit,
            started_at=dt.datetime.combine(s.at.date(), dt.time()),
            logged_at=dt.datetime.combine(s.at.date(), dt.time()),
            workout="",
            rpe=None,
            workout_ended_at=None,
            note=s.note if comment else "",
        )
        for s in sets
    ]
    assert read("\n".join(lines) + "\n") == want


@settings(max_examples=40)
@given(sets=st.lists(logged(NAMES, ["warmup", "work"]), min_size=1, max_size=8))
def test_fitbod(sets: list[Logged]) -> None:
    header = "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,"
    rows = [header + "Note,multiplier"]
    for s in sets:
        cells = [f"{s.at:%Y-%m-%d %H:%M:%S} +0000", s.exercise, f" {s.reps or 0}", s.weight]
        cells += ["0.0" if s.reps else f"{s.seconds}.0", "0.0", "0.0", "0.0"]
        cells += ["true" if s.kind == "warmup" else "false", s.note, " 1.0"]
        rows.append(write([cells]).rstrip("\n"))
    days: dict[dt.date, list[dt.datetime]] = {}
    for s in sets:
        days.setdefault(s.at.date(), []).append(s.at)
    want = []
    for s in sets:
        start, end = min(days[s.at.date()]), max(days[s.at.date()])
        want.append(
            expected(
                s,
                "kg",
                started_at=start,
                date=start.date(),
                workout="",
                rpe=None,
                workout_ended_at=end if end > start else None,
            )
        )
    assert read("\n".join(rows) + "\n") == want


@settings(max_examples=40)
@given(
    sets=st.lists(logged(NAMES[:4], ["warmup", "work"]), min_size=1, max_size=6),
    counts=st.lists(st.integers(1, 20), min_size=6, max_size=6),
)
def test_fitbod_old_form_a_row_per_load(sets: list[Logged], counts: list[int]) -> None:
    rows = [["Date", "Exercise", "Sets", "Reps", "Weight", "isWarmup", "Note"]]
    for s, count in zip(sets, counts, strict=False):
        rows.append([f"{s.at:%Y-%m-%d %H:%M:%S} +0000", s.exercise, str(count)])
        rows[-1] += [str(s.reps or 1), s.weight, str(s.kind == "warmup"), s.note]
    days: dict[dt.date, list[dt.datetime]] = {}
    for s in sets:
        days.setdefault(s.at.date(), []).append(s.at)
    want = []
    for s, count in zip(sets, counts, strict=False):
        start, end = min(days[s.at.date()]), max(days[s.at.date()])
        one = expected(
            replace(s, reps=s.reps or 1),
            "kg",
            started_at=start,
            date=start.date(),
            workout="",
            rpe=None,
            workout_ended_at=end if end > start else None,
        )
        want += [one] * count
    assert read(write(rows), units="kg") == want


@settings(max_examples=40)
@given(
    sets=st.lists(logged(NAMES, KINDS), min_size=1, max_size=8), unit=st.sampled_from(["kg", "lb"])
)
def test_liftlogs_own_rows_with_the_new_columns(sets: list[Logged], unit: Unit) -> None:
    from liftlog.csvio.cells import neutralise
    from liftlog.csvio.export import HEADER

    rows = [[*HEADER, "superset", "ended_at"]]
    want = []
    for i, s in enumerate(sets):
        kg = signed_load_kg(s.exercise, stored_kg(s.weight, unit, "w"))
        end = s.at + dt.timedelta(minutes=s.minutes)
        rows.append([f"{s.at:%Y-%m-%d}", f"{s.at:%H:%M:%S}", neutralise(s.workout), ""])
        rows[-1] += [neutralise(s.exercise), str(i + 1), s.kind, "", f"{kg:.15g}", "", unit]
        rows[-1] += [str(s.reps or ""), "" if s.reps else str(s.seconds)]
        rows[-1] += [f"{s.rpe:g}" if s.rpe else "", neutralise(s.note)]
        rows[-1] += [f"{s.at:%Y-%m-%dT%H:%M:%S}", s.superset or "", f"{end:%Y-%m-%dT%H:%M:%S}"]
        want.append(expected(s, unit, order=i + 1, unit=unit, superset=s.superset))
    assert read(write(rows)) == want
