"""The plan as iCalendar (`liftlog calendar`): sessions, races, taper/stop/recovery windows.

Sessions are all-day events unless a clock time is given: liftlog plans days (R19 picks
the day, "after the run"), not hours, and an invented 18:00 would sit wrong in most
people's calendars. Races and windows are all-day. All-day events are transparent
(they do not mark the day busy). A timed session is written in the athlete's zone with
its VTIMEZONE when the zone has an IANA name, else in UTC.

UIDs say what an event is, so importing a newer export updates events instead of adding
copies: a session is the n-th session of its ISO week (`session-2027-W02-1@liftlog`),
so a session that R19 moves from Tuesday to Thursday is the same event moved; a race is
its key (default: its date and name); a window is its kind and its race's key. SEQUENCE
grows with the export time (minutes since 2020), as calendar apps want from an update.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from icalendar import Calendar, Event

PRODID = "-//liftlog//liftlog plan//EN"
DOMAIN = "liftlog"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # keeps tab and line feed
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """A projected strength session: its day, a title, and what to lift (description)."""

    day: date
    title: str
    description: str
    at: time | None = None  # a clock time makes it a timed event; None: all day
    minutes: int = 60


@dataclass(frozen=True, slots=True)
class RaceDay:
    """A race on the calendar. `key` names it for its UID (a database id, say)."""

    name: str
    day: date
    priority: str  # A | B | C
    key: str = ""

    @property
    def uid_key(self) -> str:
        return self.key or f"{self.day.isoformat()}-{_slug(self.name)}"


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of days around a race (taper, stop, recovery, lighter, no-session)."""

    kind: str
    first: date
    last: date  # inclusive
    title: str
    race: RaceDay
    description: str = ""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "race"


def _text(text: str) -> str:
    """Text from people as iCalendar TEXT: no control characters but tab and newline."""
    return _CONTROL.sub("", text)


def session_uids(sessions: Sequence[PlannedSession]) -> list[str]:
    """Each session's UID, in the order given: its ISO week and its place in that week."""
    seen: Counter[tuple[int, int]] = Counter()
    uids = [""] * len(sessions)
    order = sorted(range(len(sessions)), key=lambda i: (sessions[i].day, sessions[i].at or time()))
    for index in order:
        year, week, _ = sessions[index].day.isocalendar()
        seen[(year, week)] += 1
        uids[index] = f"session-{year}-W{week:02d}-{seen[(year, week)]}@{DOMAIN}"
    return uids


def write_calendar(
    *,
    sessions: Sequence[PlannedSession],
    races: Sequence[RaceDay],
    windows: Sequence[Window],
    tz: tzinfo,
    now: datetime,
    name: str = "liftlog plan",
) -> bytes:
    """The calendar as .ics bytes (CRLF lines, folded at 75 octets by `icalendar`)."""
    stamp = now.astimezone(UTC).replace(microsecond=0)
    sequence = int((stamp - _SEQUENCE_EPOCH).total_seconds() // 60)
    zone_name = getattr(tz, "key", None)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _text(name))
    if zone_name:
        calendar.add("x-wr-timezone", zone_name)

    def event(uid: str, summary: str, description: str, categories: list[str]) -> Event:
        item = Event()
        item.add("uid", uid)
        item.add("dtstamp", stamp)
        item.add("sequence", sequence)
        item.add("summary", _text(summary))
        if description:
            item.add("description", _text(description))
        item.add("categories", categories)
        return item

    for session, uid in zip(sessions, session_uids(sessions), strict=True):
        item = event(uid, session.title, session.description, ["liftlog", "strength"])
        if session.at is None:
            _all_day(item, session.day, session.day)
        else:
            begin = datetime.combine(session.day, session.at, tzinfo=tz)
            if not zone_name:
                begin = begin.astimezone(UTC)
            item.add("dtstart", begin)
            item.add("dtend", begin + timedelta(minutes=session.minutes))
        calendar.add_component(item)
    for race in races:
        item = event(
            f"race-{race.uid_key}@{DOMAIN}",
            f"{race.name} ({race.priority} race)",
            f"Priority {race.priority} race.",
            ["liftlog", "race"],
        )
        _all_day(item, race.day, race.day)
        calendar.add_component(item)
    for window in windows:
        item = event(
            f"{_slug(window.kind)}-{window.race.uid_key}@{DOMAIN}",
            window.title,
            window.description,
            ["liftlog", window.kind],
        )
        _all_day(item, window.first, window.last)
        calendar.add_component(item)
    timed = [s.day for s in sessions if s.at is not None]
    if zone_name and timed:
        # the zone's rules only over the plan's span, not 1970-2038
        calendar.add_missing_timezones(
            first_date=date(min(timed).year, 1, 1), last_date=date(max(timed).year + 1, 12, 31)
        )
    return bytes(calendar.to_ical())


def _all_day(item: Event, first: date, last: date) -> None:
    item.add("dtstart", first)
    item.add("dtend", last + timedelta(days=1))  # DTEND of an all-day event is exclusive
    item.add("transp", "TRANSPARENT")
