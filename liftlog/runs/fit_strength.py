"""A day's lifting as a Garmin FIT activity file (`liftlog export --fit DATE`).

Written with `garmin-fit-sdk`'s Encoder the way a Garmin watch records a strength
session: `file_id` (an activity), `device_info`, `sport`, timer `event`s, a `record` at the
start and the end (an activity file must hold records), then one `set` message per
set: `active` with repetitions, weight (kg, to Garmin's 1/16 kg) and the exercise's
Garmin category (`garmin_exercises`), timed sets with their duration; a `rest` set
between two sets. Then a `lap`, a `session` (sport `training`, sub-sport
`strength_training`) and the `activity`. Garmin Connect, Strava and intervals.icu read
it (docs/garmin.md says how to upload).

liftlog knows when each set was logged (its end), not how long it took: a timed set
lasted its seconds, a set of reps `SECONDS_PER_REP` a rep (our choice: a controlled
tempo). When the log times are unusable (an imported workout's sets all share one
time, or one is out of order), the sets are laid out from the session's start with
`REST_S` between them instead. Warm-up sets are written as sets (Garmin has no
warm-up flag); a load of 0 or less (bodyweight, assistance) is written without weight.
The same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from garmin_fit_sdk import Encoder, Profile

from liftlog.runs.garmin_exercises import garmin_codes

SECONDS_PER_REP = 3  # our choice: ~3 s a rep, a controlled tempo
REST_S = 90  # our choice: the rest between sets when the log times cannot be used
_FIT_EPOCH_S = 631_065_600
_MESG = Profile["mesg_num"]


class FitWriteError(ValueError):
    """The session cannot be written (nothing logged that day)."""


@dataclass(frozen=True, slots=True)
class StrengthSet:
    """One logged set. Times without a zone are the athlete's local wall clock."""

    exercise: str
    category: str  # liftlog's: general | functional | plyometric | core | prehab
    equipment: str
    kind: str  # warmup | work | drop | failure
    side: str | None
    reps: int | None
    seconds: int | None
    weight_kg: float
    logged_at: datetime | None


@dataclass(frozen=True, slots=True)
class StrengthSession:
    """A day's workout: when it started, in which time zone, and its sets in order."""

    start: datetime  # naive: the athlete's wall clock in `tz`
    tz: tzinfo
    sets: Sequence[StrengthSet]
    end: datetime | None = None
    weight_unit: str = "kg"  # how Garmin Connect shows the loads: kg | lb


@dataclass(frozen=True, slots=True)
class _Timed:
    """A set placed on the clock (UTC)."""

    set: StrengthSet
    start: datetime
    end: datetime


def _utc(moment: datetime, tz: tzinfo) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)


def _estimate_s(item: StrengthSet) -> int:
    if item.seconds:
        return item.seconds
    return max(1, (item.reps or 0) * SECONDS_PER_REP) if item.reps else 30


def timeline(session: StrengthSession) -> list[_Timed]:
    """Each set's start and end, from the log times when they make sense (docstring)."""
    start = _utc(session.start, session.tz)
    ends = [_utc(s.logged_at, session.tz) if s.logged_at else None for s in session.sets]
    placed: list[_Timed] = []
    usable = all(end is not None for end in ends)
    previous = start
    for item, end in zip(session.sets, ends, strict=True):
        if end is None or end - previous < timedelta(seconds=1):
            usable = False
            break
        begin = max(previous, end - timedelta(seconds=_estimate_s(item)))
        placed.append(_Timed(item, begin, end))
        previous = end
    if usable:
        return placed
    placed, clock = [], start
    for index, item in enumerate(session.sets):
        if index:
            clock += timedelta(seconds=REST_S)
        end = clock + timedelta(seconds=_estimate_s(item))
        placed.append(_Timed(item, clock, end))
        clock = end
    return placed


def write_strength_fit(session: StrengthSession) -> bytes:
    """The session as FIT activity bytes (see the module docstring)."""
    if not session.sets:
        raise FitWriteError("no sets were logged that day")
    sets = timeline(session)
    start = _utc(session.start, session.tz)
    end = max(sets[-1].end, _utc(session.end, session.tz) if session.end else start)
    elapsed = (end - start).total_seconds()
    stamp = int(start.timestamp())
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": _MESG["FILE_ID"],
            "type": "activity",
            "manufacturer": "development",
            "product": 0,
            "product_name": "liftlog",
            "serial_number": stamp & 0xFFFFFFF or 1,  # stable: the session's start
            "time_created": start,
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": _MESG["DEVICE_INFO"],
            "device_index": "creator",
            "manufacturer": "development",
            "product": 0,
            "product_name": "liftlog",
            "serial_number": stamp & 0xFFFFFFF or 1,
            "software_version": 1.0,
            "timestamp": start,
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": _MESG["SPORT"],
            "sport": "training",
            "sub_sport": "strength_training",
            "name": "Strength",
        }
    )
    encoder.write_mesg(
        {"mesg_num": _MESG["EVENT"], "timestamp": start, "event": "timer", "event_type": "start"}
    )
    encoder.write_mesg({"mesg_num": _MESG["RECORD"], "timestamp": start})
    _write_sets(encoder, sets, session.weight_unit)
    encoder.write_mesg({"mesg_num": _MESG["RECORD"], "timestamp": end})
    encoder.write_mesg(
        {"mesg_num": _MESG["EVENT"], "timestamp": end, "event": "timer", "event_type": "stop_all"}
    )
    summary = {
        "timestamp": end,
        "start_time": start,
        "total_elapsed_time": elapsed,
        "total_timer_time": elapsed,
        "sport": "training",
        "sub_sport": "strength_training",
        "event": "lap",
        "event_type": "stop",
    }
    encoder.write_mesg({"mesg_num": _MESG["LAP"], "message_index": 0, **summary})
    encoder.write_mesg(
        {
            "mesg_num": _MESG["SESSION"],
            "message_index": 0,
            "first_lap_index": 0,
            "num_laps": 1,
            **summary,
            "event": "session",
        }
    )
    offset = end.astimezone(session.tz).utcoffset() or timedelta(0)
    encoder.write_mesg(
        {
            "mesg_num": _MESG["ACTIVITY"],
            "timestamp": end,
            "total_timer_time": elapsed,
            "num_sessions": 1,
            "type": "manual",
            "event": "activity",
            "event_type": "stop",
            "local_timestamp": int(end.timestamp()) - _FIT_EPOCH_S + int(offset.total_seconds()),
        }
    )
    return encoder.close()


def _write_sets(encoder: Encoder, sets: list[_Timed], weight_unit: str) -> None:
    index = 0
    unit = "pound" if weight_unit == "lb" else "kilogram"
    for position, timed in enumerate(sets):
        if position:
            rest_start = sets[position - 1].end
            rest = (timed.start - rest_start).total_seconds()
            if rest >= 1:
                encoder.write_mesg(
                    {
                        "mesg_num": _MESG["SET"],
                        "message_index": index,
                        "timestamp": timed.start,
                        "start_time": rest_start,
                        "duration": rest,
                        "set_type": "rest",
                    }
                )
                index += 1
        item = timed.set
        category, subtype = garmin_codes(item.exercise, item.category)
        message: dict[str, object] = {
            "mesg_num": _MESG["SET"],
            "message_index": index,
            "timestamp": timed.end,
            "start_time": timed.start,
            "duration": (timed.end - timed.start).total_seconds(),
            "set_type": "active",
            "category": [category],
            "weight_display_unit": unit,
        }
        if subtype is not None:
            message["category_subtype"] = [subtype]
        if item.reps is not None:
            message["repetitions"] = item.reps
        if item.weight_kg > 0:
            message["weight"] = item.weight_kg
        encoder.write_mesg(message)
        index += 1
