"""A Strava bulk export's `activities.csv` → `RunRecord`s, with each run's own file.

The export ("Settings → My Account → Download or Delete Your Account") is a zip with
`activities.csv` and `activities/` (the uploaded files: `123.fit.gz`, `456.gpx.gz`,
`789.tcx.gz`). The CSV's header repeats names: the first `Elapsed Time`, `Distance`,
`Max Heart Rate` and `Relative Effort` columns are Strava's display values (distance in
km), a second block later holds SI units (distance in metres). We read each name's last
non-empty column for time and distance and its first non-empty one otherwise.
`Activity Date` is UTC, written `Mar 5, 2027, 6:30:00 AM` (older exports: ISO).

Per row: activities that are not runs are counted from the CSV alone (their files are
never opened). A run's FIT file is always read (training effect and the local start
are only there); a GPX or TCX file only when the CSV has no `Average Heart Rate`
column (an old export): Strava fills that column from the same file, so where it is
empty the file has no heart rate either, and parsing an hour of GPS points (~40 ms)
for nothing, a thousand times over, is what would make a big export slow. The row's
values win where it has them (its type is what the athlete set, its distance what they
see on Strava); the file fills the rest. A missing or broken file costs only what it
would have added: the run is kept from its row, with a warning.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from liftlog.runs.record import (
    RunFileError,
    RunRecord,
    Skipped,
    clean_name,
    fill_gaps,
    sport_from_word,
    utc,
)

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_US_DATE = re.compile(
    r"^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ?([AaPp][Mm])$"
)
REQUIRED = ("Activity ID", "Activity Date", "Activity Type")


@dataclasses.dataclass(frozen=True, slots=True)
class StravaRow:
    """One row of activities.csv, read: the record from the CSV and its file's name."""

    line: int
    record: RunRecord
    filename: str
    heart_rate_column: bool  # the CSV has "Average Heart Rate" (newer exports do)


def parse_date(text: str) -> datetime:
    """`Mar 5, 2027, 6:30:00 AM` (or ISO `2027-03-05 06:30:00`) → aware UTC."""
    text = text.strip()
    match = _US_DATE.match(text)
    if match:
        month, day, year, hour, minute, second, half = match.groups()
        number = _MONTHS.get(month.lower())
        if number is None:
            raise ValueError(f"unknown month {month!r}")
        clock = int(hour) % 12 + (12 if half.lower() == "pm" else 0)
        return datetime(int(year), number, int(day), clock, int(minute), int(second), tzinfo=UTC)
    return utc(datetime.fromisoformat(text))


class _Columns:
    """The header's positions by name (names repeat in a real export)."""

    def __init__(self, header: list[str]) -> None:
        self.positions: dict[str, list[int]] = {}
        for index, name in enumerate(header):
            self.positions.setdefault(name.strip().lstrip("\ufeff"), []).append(index)

    def first(self, row: list[str], name: str) -> str:
        for index in self.positions.get(name, []):
            if index < len(row) and row[index].strip():
                return row[index].strip()
        return ""

    def last(self, row: list[str], name: str) -> str:
        for index in reversed(self.positions.get(name, [])):
            if index < len(row) and row[index].strip():
                return row[index].strip()
        return ""

    def count(self, name: str) -> int:
        return len(self.positions.get(name, []))


def _number(text: str, what: str) -> float | None:
    if not text:
        return None
    try:
        return float(text.replace(",", ".") if text.count(",") == 1 and "." not in text else text)
    except ValueError:
        raise ValueError(f"{what} is not a number ({text!r})") from None


def rows(data: bytes, source: str) -> Iterator[StravaRow | Skipped]:
    """Each row of activities.csv as a `StravaRow`, or a `Skipped` line saying why not.

    Raises `RunFileError` when the file is not a Strava activities.csv at all.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RunFileError("is not UTF-8 text (not Strava's activities.csv)") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    columns = _Columns(header or [])
    missing = [name for name in REQUIRED if not columns.count(name)]
    if missing:
        raise RunFileError(
            f"is not Strava's activities.csv (no {', '.join(missing)} column; "
            "an export in English is needed)"
        )
    metres_column = columns.count("Distance") > 1
    heart_rate_column = columns.count("Average Heart Rate") > 0
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        activity_id = columns.first(row, "Activity ID")
        try:
            record = _record(row, columns, activity_id, source, metres_column)
        except ValueError as error:
            yield Skipped(f"{source} line {line} (activity {activity_id or '?'})", str(error))
            continue
        yield StravaRow(line, record, columns.first(row, "Filename"), heart_rate_column)


def _record(
    row: list[str], columns: _Columns, activity_id: str, source: str, metres_column: bool
) -> RunRecord:
    if not activity_id:
        raise ValueError("has no Activity ID")
    try:
        start = parse_date(columns.first(row, "Activity Date"))
    except ValueError:
        raise ValueError(
            f"Activity Date {columns.first(row, 'Activity Date')!r} is not a date"
        ) from None
    sport, sub_sport = sport_from_word(columns.first(row, "Activity Type") or "unknown")
    elapsed = _number(columns.last(row, "Elapsed Time"), "Elapsed Time")
    moving = _number(columns.last(row, "Moving Time"), "Moving Time")
    if not elapsed:
        elapsed = moving
    if not elapsed:
        raise ValueError("has no Elapsed Time")
    distance = _number(columns.last(row, "Distance"), "Distance")
    if distance is not None and not metres_column:
        distance *= 1000.0  # an old export's only Distance column is in km
    avg_hr = _number(columns.first(row, "Average Heart Rate"), "Average Heart Rate")
    max_hr = _number(columns.first(row, "Max Heart Rate"), "Max Heart Rate")
    effort = _number(columns.first(row, "Relative Effort"), "Relative Effort")
    return RunRecord(
        sport=sport,
        sub_sport=sub_sport,
        start=start,
        elapsed_s=elapsed,
        timer_s=moving or None,
        distance_m=distance or None,
        avg_hr=round(avg_hr) if avg_hr else None,
        max_hr=round(max_hr) if max_hr else None,
        relative_effort=round(effort) if effort is not None else None,
        name=clean_name(columns.first(row, "Activity Name")),
        source=source,
        source_id=f"strava:{activity_id}",
        source_format="strava",
    )


def needs_file(row: StravaRow) -> bool:
    """Whether the row's file adds anything R22 uses (see the module docstring)."""
    if not row.record.is_run or not row.filename:
        return False
    name = row.filename.lower().removesuffix(".gz")
    return name.endswith(".fit") or not row.heart_rate_column


def combine(row: StravaRow, from_file: RunRecord, source: str) -> RunRecord:
    """One run from a CSV row and its file (`source`, as the user finds it).

    The row's values win where it has them (they are what the athlete sees on Strava);
    the file adds what the row lacks. The local start is the row's start at the file's
    UTC offset, so the two can never disagree about the day.
    """
    merged = fill_gaps(row.record, from_file)
    offset = from_file.start_local.tzinfo if from_file.start_local else None
    local = merged.start.astimezone(offset) if offset is not None else None
    return dataclasses.replace(merged, source=source, start_local=local)
