"""Garmin FIT activity files → `RunRecord`s, decoded with Garmin's own `garmin-fit-sdk`.

Only the summary messages matter here (`file_id`, `session`, `activity`, `sport`), but
an hour's run holds thousands of `record` messages (one a second), and the SDK's
decoder, written in pure Python, turns each into a dictionary: about 0.1–0.3 s a file,
which for a 10-year Strava export (~3,000 activities) would be many minutes. So
`summary_messages` first walks the file's framing (one header byte and a size per
message, from the definition messages) and copies only the summary messages, with
their definitions, into a small FIT file of their own; the SDK then decodes that one
in about a millisecond, with its CRC checked. The walk also catches a truncated or
garbled file: a message that runs past the data, or uses a local type never defined.

The whole file's CRC is not checked (the SDK's CRC is computed a byte at a time in
Python, ~50 ms for a 100 kB file): a flipped bit inside a record cannot change the
summary, and one that breaks the framing is caught by the walk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone

from garmin_fit_sdk import CrcCalculator, Decoder, Stream

from liftlog.runs.record import RunFileError, RunRecord, clean_name

# Global message numbers of the FIT profile that the summary needs (developer data ids
# and field descriptions too, so developer fields in a kept message still decode).
_FILE_ID, _SPORT, _SESSION, _ACTIVITY = 0, 12, 18, 34
_KEEP = frozenset({_FILE_ID, _SPORT, _SESSION, _ACTIVITY, 206, 207})

_HEADER = 14
_FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_MAX_UTC_OFFSET_S = 14 * 3600


def summary_messages(data: bytes) -> bytes:
    """A small FIT file holding only the summary messages of `data` (see the docstring).

    Raises `RunFileError` when `data` is not a FIT file or its framing is broken.
    """
    kept = bytearray()
    profile_version = b"\x00\x00"
    pos, size = 0, len(data)
    if size < 12:
        raise RunFileError("is not a FIT file")
    while pos < size:
        if pos > 0 and not any(data[pos:]):
            break  # zero padding after the last chained file
        header_size = data[pos]
        if header_size not in (12, 14) or data[pos + 8 : pos + 12] != b".FIT":
            raise RunFileError("is not a FIT file" if pos == 0 else "has junk after its data")
        if pos == 0:
            profile_version = data[2:4]
        start = pos + header_size
        end = start + int.from_bytes(data[pos + 4 : pos + 8], "little")
        if end + 2 > size:
            raise RunFileError("is cut short (the file ends before its data does)")
        _walk(data, start, end, kept)
        pos = end + 2  # the file's CRC
    header = bytearray(_HEADER)
    header[0], header[1] = _HEADER, 0x20
    header[2:4] = profile_version
    header[4:8] = len(kept).to_bytes(4, "little")
    header[8:12] = b".FIT"
    header[12:14] = CrcCalculator.calculate_crc(header, 0, 12).to_bytes(2, "little")
    body = bytes(header) + bytes(kept)
    return body + CrcCalculator.calculate_crc(body, 0, len(body)).to_bytes(2, "little")


def _walk(data: bytes, pos: int, end: int, kept: bytearray) -> None:
    """Copy the kept messages of one FIT file's data section (bytes pos..end) to `kept`."""
    # local message type -> (global message number, data size in bytes)
    local: dict[int, tuple[int, int]] = {}
    while pos < end:
        head = data[pos]
        if head & 0x80:  # compressed-timestamp header: a data message of type bits 5-6
            number = (head >> 5) & 0x03
        elif head & 0x40:  # a definition message
            if pos + 6 > end:
                raise RunFileError("is cut short inside a message definition")
            big_endian = data[pos + 2] == 1
            global_num = int.from_bytes(data[pos + 3 : pos + 5], "big" if big_endian else "little")
            fields = data[pos + 5]
            after = pos + 6 + 3 * fields
            length = sum(data[pos + 7 : after : 3])
            if head & 0x20:  # developer fields follow
                if after >= end:
                    raise RunFileError("is cut short inside a message definition")
                dev_fields = data[after]
                dev_end = after + 1 + 3 * dev_fields
                length += sum(data[after + 2 : dev_end : 3])
                after = dev_end
            if after > end:
                raise RunFileError("is cut short inside a message definition")
            local[head & 0x0F] = (global_num, length)
            if global_num in _KEEP:
                kept += data[pos:after]
            pos = after
            continue
        else:
            number = head & 0x0F
        if number not in local:
            raise RunFileError("is damaged (a message of a type it never defined)")
        global_num, length = local[number]
        after = pos + 1 + length
        if after > end:
            raise RunFileError("is cut short inside a message")
        if global_num in _KEEP:
            kept += data[pos:after]
        pos = after


def read_fit(data: bytes, source: str) -> list[RunRecord]:
    """Every session of a FIT activity file, one `RunRecord` each (most files have one)."""
    summary = summary_messages(data)
    messages, errors = Decoder(Stream.from_byte_array(bytearray(summary))).read(
        expand_components=False, merge_heart_rates=False
    )
    if errors:
        raise RunFileError(f"could not be decoded ({errors[0]})")
    file_ids: Sequence[Mapping[str, object]] = messages.get("file_id_mesgs", [])
    file_id = file_ids[0] if file_ids else {}
    file_type = file_id.get("type")
    if file_type is not None and file_type != "activity":
        raise RunFileError(f"is a FIT {file_type} file, not an activity")
    sessions: Sequence[Mapping[str, object]] = messages.get("session_mesgs", [])
    if not sessions:
        raise RunFileError("has no session summary (not a finished activity)")
    offset = _utc_offset(messages.get("activity_mesgs", []))
    sport_names = [m.get("name") for m in messages.get("sport_mesgs", [])]
    base_id = _source_id(file_id)
    records = []
    for index, session in enumerate(sessions):
        start = session.get("start_time") or file_id.get("time_created")
        elapsed = _number(session.get("total_elapsed_time")) or _number(
            session.get("total_timer_time")
        )
        if not isinstance(start, datetime) or not elapsed:
            raise RunFileError("has a session with no start time or no duration")
        name = session.get("sport_profile_name")
        if name is None and len(sport_names) == 1:
            name = sport_names[0]
        records.append(
            RunRecord(
                sport=str(session.get("sport") or "unknown"),
                sub_sport=_sub_sport(session.get("sub_sport")),
                start=start.astimezone(UTC),
                start_local=start.astimezone(offset) if offset is not None else None,
                elapsed_s=elapsed,
                timer_s=_number(session.get("total_timer_time")),
                distance_m=_number(session.get("total_distance")),
                avg_hr=_whole(session.get("avg_heart_rate")),
                max_hr=_whole(session.get("max_heart_rate")),
                aerobic_te=_number(session.get("total_training_effect")),
                anaerobic_te=_number(session.get("total_anaerobic_training_effect")),
                name=clean_name(name) if isinstance(name, str) else None,
                source=source,
                source_id=base_id if len(sessions) == 1 else f"{base_id}:{index}",
                source_format="fit",
            )
        )
    return records


def _utc_offset(activities: Sequence[Mapping[str, object]]) -> timezone | None:
    """The device's UTC offset: the activity message's local time minus its UTC time."""
    if not activities:
        return None
    stamp, local = activities[0].get("timestamp"), activities[0].get("local_timestamp")
    if not isinstance(stamp, datetime) or not isinstance(local, int):
        return None
    seconds = local - int((stamp - _FIT_EPOCH).total_seconds())
    seconds = round(seconds / 900) * 900  # offsets are whole quarter hours
    if abs(seconds) > _MAX_UTC_OFFSET_S:
        return None
    return timezone(timedelta(seconds=seconds))


def _source_id(file_id: Mapping[str, object]) -> str:
    """What the file is: its device's serial number and when it was created."""
    created = file_id.get("time_created")
    stamp = int((created - _FIT_EPOCH).total_seconds()) if isinstance(created, datetime) else 0
    serial = file_id.get("serial_number")
    if serial is None:
        serial = f"{file_id.get('manufacturer', '')}-{file_id.get('product', '')}"
    return f"fit:{serial}:{stamp}"


def _sub_sport(value: object) -> str | None:
    if value is None or value in ("generic", "all"):
        return None
    return str(value)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and value >= 0 else None


def _whole(value: object) -> int | None:
    return int(value) if isinstance(value, int | float) and value > 0 else None
