"""Reading and writing single CSV cells: formula neutralising, numbers, dates, durations.

Every parser here raises `CellError` with a short reason; the importer adds the line
number and turns it into a `CsvError` the user sees as one line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from liftlog.errors import LiftlogError

#: A text cell starting with one of these is prefixed with an apostrophe on export so
#: a spreadsheet shows it as text instead of evaluating it. The apostrophe itself is in
#: the set so that a note that really begins with one survives the round trip.
FORMULA_STARTS = frozenset("=+-@\t\r'")


class CsvError(LiftlogError):
    """A file liftlog will not import (or cannot write); the message says where and why."""


class CellError(ValueError):
    """One cell that does not hold what its column needs."""


def neutralise(text: str) -> str:
    """`=SUM(A1)` → `'=SUM(A1)`: spreadsheets show it as text (OWASP CSV injection)."""
    return "'" + text if text and text[0] in FORMULA_STARTS else text


def restore(text: str) -> str:
    """Undo `neutralise` (only liftlog's own files are neutralised)."""
    if len(text) >= 2 and text[0] == "'" and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def number(text: str, column: str) -> float | None:
    """A decimal number; None for an empty cell. `62,5` (decimal comma) is accepted."""
    text = text.strip()
    if not text:
        return None
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise CellError(f"{column} {text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise CellError(f"{column} {text!r} is not a number")
    return value


def whole(text: str, column: str) -> int | None:
    """A whole number (`10` or `10.0`); None for an empty cell."""
    value = number(text, column)
    if value is None:
        return None
    if not value.is_integer():
        raise CellError(f"{column} {text.strip()!r} is not a whole number")
    return int(value)


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
# "May 7, 2026, 6:13 AM" (Hevy, US style)
_MONTH_FIRST = re.compile(
    r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$"
)
# "26 Jul 2025, 07:06" (Hevy, day first)
_DAY_FIRST = re.compile(
    r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$"
)


def _month(name: str) -> int:
    month = _MONTHS.get(name[:3].casefold())
    if month is None:
        raise ValueError(name)
    return month


def _clock(hour: str, minute: str, second: str | None, meridiem: str | None) -> dt.time:
    h = int(hour)
    if meridiem is not None:
        if not 1 <= h <= 12:
            raise ValueError(hour)
        h = h % 12 + (12 if meridiem.casefold() == "pm" else 0)
    return dt.time(h, int(minute), int(second or 0))


def timestamp(text: str, column: str) -> dt.datetime:
    """An ISO date and time (`2026-05-07 06:13:00`, `2026-05-07T06:13`), a date alone
    (midnight), or Hevy's `May 7, 2026, 6:13 AM` and `26 Jul 2025, 07:06`."""
    text = text.strip()
    if not text:
        raise CellError(f"{column} is empty")
    value = _timestamp(text)
    if value is None:
        raise CellError(f"{column} {text!r} is not a date and time liftlog understands")
    return value


@functools.lru_cache(maxsize=256)  # every set of a workout repeats its start
def _timestamp(text: str) -> dt.datetime | None:
    try:
        if text[:4].isdigit():
            value = dt.datetime.fromisoformat(text)
            if value.tzinfo is not None:  # wall-clock time, as the app records it
                value = value.replace(tzinfo=None)
            return value
        match = _MONTH_FIRST.match(text)
        if match:
            month, day, year, hour, minute, second, meridiem = match.groups()
            day_ = dt.date(int(year), _month(month), int(day))
            return dt.datetime.combine(day_, _clock(hour, minute, second, meridiem))
        match = _DAY_FIRST.match(text)
        if match:
            day, month, year, hour, minute, second, meridiem = match.groups()
            day_ = dt.date(int(year), _month(month), int(day))
            return dt.datetime.combine(day_, _clock(hour, minute, second, meridiem))
    except ValueError:
        pass
    return None


def duration(text: str, column: str) -> int | None:
    """Seconds from `45`, `45.0`, `0:45`, `1:30` or `0:01:30`; None when empty or zero."""
    text = text.strip()
    if not text:
        return None
    if ":" in text:
        parts = text.split(":")
        if len(parts) > 3 or not all(p.strip().isdigit() for p in parts):
            raise CellError(f"{column} {text!r} is not a duration (write 45, 0:45 or 0:01:30)")
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + int(part)
        return seconds or None
    value = whole(text, column)
    return value or None


@functools.lru_cache(maxsize=256)
def store_datetime(value: dt.datetime) -> str:
    """The text SQLAlchemy writes for a DateTime on SQLite, so the ORM reads ours back."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")
