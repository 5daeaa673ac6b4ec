"""Reading and writing single CSV cells: formula neutralising, numbers, dates, durations.

Every parser here raises `CellError` with a short reason and nothing else, whatever the
cell holds (a 5000-digit number is "not a number", not an `int()` overflow); the reader
adds the line number. A cell echoed in a reason goes through `shown`, which cuts it
short and escapes control characters, so a reason is always one printable line.
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

#: A number cell longer than this is refused before it is parsed: no app writes one,
#: and Python's int() refuses more than 4300 digits with an error of its own.
MAX_NUMBER_CHARS = 32


class CsvError(LiftlogError):
    """A file liftlog will not import (or cannot write); the message says where and why."""


class CellError(ValueError):
    """One cell that does not hold what its column needs."""


def shown(text: str, limit: int = 24) -> str:
    """`text` quoted for a message: at most `limit` characters, control characters
    escaped (repr does both the quoting and the escaping)."""
    text = text.strip()
    if len(text) > limit:
        text = text[:limit] + "…"
    return repr(text)


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
    if 0 < len(text) <= MAX_NUMBER_CHARS and "_" not in text:
        try:  # the common case, fast: every row has several numbers
            value = float(text)
        except ValueError:
            pass
        else:
            if value - value == 0:  # not nan, not ±inf
                return value
    text = text.strip()
    if not text:
        return None
    if len(text) > MAX_NUMBER_CHARS:
        raise CellError(f"{column} {shown(text)} is not a number")
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise CellError(f"{column} {shown(text)} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise CellError(f"{column} {shown(text)} is not a number")
    return value


def whole(text: str, column: str) -> int | None:
    """A whole number (`10` or `10.0`); None for an empty cell."""
    if text.isascii() and text.isdigit() and len(text) < 10:  # the common case, fast
        return int(text)
    value = number(text, column)
    if value is None:
        return None
    if not value.is_integer():
        raise CellError(f"{column} {shown(text)} is not a whole number")
    return int(value)


def decimals(text: str) -> int:
    """How many digits a number cell has after its decimal point (`65.181223569` → 9)."""
    text = text.strip().replace(",", ".")
    if "e" in text.casefold():
        return 15  # written in exponent form: treat as full precision
    _, dot, tail = text.partition(".")
    return len(tail) if dot else 0


def flag(text: str, column: str) -> bool:
    """`true`/`false` (any case), `1`/`0`, `yes`/`no`; an empty cell is false."""
    value = text.strip().casefold()
    if value in ("true", "1", "yes", "y", "1.0"):
        return True
    if value in ("false", "0", "no", "n", "", "0.0"):
        return False
    raise CellError(f"{column} {shown(text)} is not true or false")


# month names as Hevy writes them in English, German and Portuguese (3-letter stems)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
} | {"mär": 3, "mrz": 3, "mai": 5, "okt": 10, "dez": 12, "fev": 2, "abr": 4, "ago": 8}
_MONTHS |= {"set": 9, "out": 10}
_CLOCK = r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?"
# "Jun 11, 2026, 1:01 PM" (Hevy, US style)
_MONTH_FIRST = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+" + _CLOCK + "$")
# "7 Apr 2026, 10:14", "26 Jul 2025, 07:06" (Hevy, day first)
_DAY_FIRST = re.compile(r"^(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4}),?\s+" + _CLOCK + "$")
# "2024-05-11 6:30:00 PM" (Strong, 12-hour clock)
_ISO_12H = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T]" + _CLOCK + "$")
# "2023-01-15 17:22:10 +0000" (Fitbod): a UTC offset after a space
_SPACED_OFFSET = re.compile(r"^(.*\d)\s+([+-]\d{2}:?\d{2}|Z)$")


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
        h = h % 12 + (12 if meridiem.casefold().startswith("p") else 0)
    return dt.time(h, int(minute), int(second or 0))


def timestamp(text: str, column: str) -> dt.datetime:
    """An ISO date and time (`2026-05-07 06:13:00`, `2026-05-07T06:13`, with or without a
    UTC offset, which is dropped: the wall-clock time as written), a date alone
    (midnight), Strong's `2024-05-11 6:30:00 PM`, or Hevy's `Jun 11, 2026, 1:01 PM`,
    `7 Apr 2026, 10:14` and `26 Jul 2025, 07:06`."""
    text = text.strip()
    if not text:
        raise CellError(f"{column} is empty")
    value = _timestamp(text) if len(text) <= 40 else None
    if value is None:
        raise CellError(f"{column} {shown(text)} is not a date and time liftlog understands")
    return value


@functools.lru_cache(maxsize=1024)  # every set of a workout repeats its start
def _timestamp(text: str) -> dt.datetime | None:
    # Strong's iOS export separates the time and AM/PM with a narrow no-break space
    text = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())
    try:
        if text[:4].isdigit():
            match = _ISO_12H.match(text)
            if match:
                year, month, day, hour, minute, second, meridiem = match.groups()
                day_ = dt.date(int(year), int(month), int(day))
                return dt.datetime.combine(day_, _clock(hour, minute, second, meridiem))
            spaced = _SPACED_OFFSET.match(text)
            if spaced:
                text = spaced[1]
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


_SPELLED = re.compile(r"^(?:(\d{1,4})\s*h)?\s*(?:(\d{1,5})\s*m(?:in)?)?\s*(?:(\d{1,6})\s*s)?$")


def duration(text: str, column: str) -> int | None:
    """Seconds from `45`, `45.0`, `0:45`, `1:30`, `0:01:30`, or Strong's `55s`, `45m`,
    `1h 25m`; None when empty or zero."""
    if text in ("", "0", "0.0"):  # most rows: not a timed set
        return None
    return _duration(text, column)


@functools.lru_cache(maxsize=1024)  # a workout's length repeats on each of its rows
def _duration(text: str, column: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if len(text) > MAX_NUMBER_CHARS:
        raise CellError(f"{column} {shown(text)} is not a duration")
    if ":" in text:
        parts = text.split(":")
        if len(parts) > 3 or not all(p.strip().isdigit() and len(p) <= 6 for p in parts):
            raise CellError(f"{column} {shown(text)} is not a duration (write 45, 0:45 or 0:01:30)")
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + int(part)
        return seconds or None
    if text[-1:].casefold() in ("h", "m", "s", "n"):
        match = _SPELLED.match(text.casefold())
        if match is None or not any(match.groups()):
            raise CellError(f"{column} {shown(text)} is not a duration (write 45s or 1h 25m)")
        hours, minutes, seconds_ = (int(g or 0) for g in match.groups())
        return hours * 3600 + minutes * 60 + seconds_ or None
    value = number(text, column)
    if value is None:
        return None
    if value < 0:
        raise CellError(f"{column} {shown(text)} can't be negative")
    if value > 10**7:
        raise CellError(f"{column} {shown(text)} is not a duration liftlog accepts")
    return round(value) or None
