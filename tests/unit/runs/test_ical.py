"""The plan as iCalendar: parsed back with `icalendar`, UIDs unique and stable."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from liftlog.runs.ical import PRODID, PlannedSession, RaceDay, Window, write_calendar

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime(2027, 1, 4, 9, 30, tzinfo=UTC)
RACE = RaceDay("Oslo Marathon", date(2027, 9, 19), "A")
B_RACE = RaceDay("Sentrumsløpet", date(2027, 4, 24), "B", key="race-7")


def sessions(*days: date) -> list[PlannedSession]:
    return [
        PlannedSession(day, "Strength (GENERAL)", "Back Squat: 4 × 5–8 at 62.5 kg\nPlank: 3 × 45 s")
        for day in days
    ]


WINDOWS = [
    Window("taper", date(2027, 8, 22), date(2027, 9, 4), "Taper: lighter lifting", RACE),
    Window("stop", date(2027, 9, 5), date(2027, 9, 19), "No lifting before the race", RACE),
    Window("recovery", date(2027, 9, 20), date(2027, 9, 26), "Recovery: no lifting", RACE),
    Window("lighter", date(2027, 4, 14), date(2027, 4, 19), "Lighter: B race", B_RACE),
]


def write(plan: list[PlannedSession], now: datetime = NOW) -> Calendar:
    data = write_calendar(sessions=plan, races=[RACE, B_RACE], windows=WINDOWS, tz=OSLO, now=now)
    assert b"\r\n" in data
    return Calendar.from_ical(data)


def events(calendar: Calendar) -> dict[str, Event]:
    found = {str(e["uid"]): e for e in calendar.events}
    assert len(found) == len(calendar.walk("VEVENT")), "UIDs must be unique"
    return found


def test_sessions_races_and_windows_are_events_with_unique_uids() -> None:
    calendar = write(sessions(date(2027, 1, 5), date(2027, 1, 7), date(2027, 1, 12)))
    assert str(calendar["prodid"]) == PRODID
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["x-wr-timezone"]) == "Europe/Oslo"
    found = events(calendar)
    assert sorted(found) == sorted(
        [
            "session-2027-W01-1@liftlog",
            "session-2027-W01-2@liftlog",
            "session-2027-W02-1@liftlog",
            "race-2027-09-19-oslo-marathon@liftlog",
            "race-race-7@liftlog",
            "taper-2027-09-19-oslo-marathon@liftlog",
            "stop-2027-09-19-oslo-marathon@liftlog",
            "recovery-2027-09-19-oslo-marathon@liftlog",
            "lighter-race-7@liftlog",
        ]
    )
    for event in found.values():
        assert event.decoded("dtstamp") == NOW


def test_a_session_is_an_all_day_event_with_its_exercises() -> None:
    session = events(write(sessions(date(2027, 1, 5))))["session-2027-W01-1@liftlog"]
    assert session.decoded("dtstart") == date(2027, 1, 5)
    assert session.decoded("dtend") == date(2027, 1, 6)
    assert str(session["summary"]) == "Strength (GENERAL)"
    assert str(session["description"]) == "Back Squat: 4 × 5–8 at 62.5 kg\nPlank: 3 × 45 s"
    assert str(session["transp"]) == "TRANSPARENT"


def test_races_and_windows_are_all_day_and_a_window_covers_its_last_day() -> None:
    found = events(write([]))
    race = found["race-2027-09-19-oslo-marathon@liftlog"]
    assert race.decoded("dtstart") == date(2027, 9, 19)
    assert str(race["summary"]) == "Oslo Marathon (A race)"
    taper = found["taper-2027-09-19-oslo-marathon@liftlog"]
    assert (taper.decoded("dtstart"), taper.decoded("dtend")) == (
        date(2027, 8, 22),
        date(2027, 9, 5),  # exclusive: the taper's last day is 4 September
    )
    assert str(found["race-race-7@liftlog"]["summary"]) == "Sentrumsløpet (B race)"


def test_a_second_export_keeps_every_uid_and_raises_the_sequence() -> None:
    plan = sessions(date(2027, 1, 5), date(2027, 1, 7))
    first = events(write(plan))
    second = events(write(plan, now=NOW + timedelta(days=1)))
    assert set(first) == set(second)
    for uid, event in second.items():
        assert event.decoded("sequence") > first[uid].decoded("sequence")


def test_a_session_moved_within_its_week_keeps_its_uid() -> None:
    before = events(write(sessions(date(2027, 1, 5))))
    after = events(write(sessions(date(2027, 1, 7))))
    assert set(before) == set(after)
    assert after["session-2027-W01-1@liftlog"].decoded("dtstart") == date(2027, 1, 7)


def test_a_timed_session_is_in_the_athletes_zone_with_its_vtimezone() -> None:
    plan = [PlannedSession(date(2027, 6, 1), "Strength", "Squat", at=time(18, 30), minutes=45)]
    calendar = write(plan)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Oslo"
    session = events(calendar)["session-2027-W22-1@liftlog"]
    start = session.decoded("dtstart")
    assert start == datetime(2027, 6, 1, 18, 30, tzinfo=OSLO)
    assert start.utcoffset() == timedelta(hours=2)
    assert session.decoded("dtend") - start == timedelta(minutes=45)


def test_a_zone_without_a_name_writes_timed_sessions_in_utc() -> None:
    plan = [PlannedSession(date(2027, 6, 1), "Strength", "Squat", at=time(18, 30))]
    data = write_calendar(
        sessions=plan, races=[], windows=[], tz=timezone(timedelta(hours=2)), now=NOW
    )
    calendar = Calendar.from_ical(data)
    assert calendar.walk("VTIMEZONE") == []
    [session] = calendar.walk("VEVENT")
    assert session.decoded("dtstart") == datetime(2027, 6, 1, 16, 30, tzinfo=UTC)


def test_all_day_plans_need_no_vtimezone() -> None:
    assert write(sessions(date(2027, 1, 5))).walk("VTIMEZONE") == []


def test_text_from_people_is_escaped_and_stripped_of_control_characters() -> None:
    race = RaceDay("Fjell; race, \x1b[31mred\x07", date(2027, 5, 1), "C")
    data = write_calendar(sessions=[], races=[race], windows=[], tz=OSLO, now=NOW)
    assert b"\x1b" not in data and b"\x07" not in data
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["summary"]) == "Fjell; race, [31mred (C race)"
    assert event["uid"] == "race-2027-05-01-fjell-race-31mred@liftlog"
