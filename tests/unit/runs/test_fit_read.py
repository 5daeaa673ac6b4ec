"""FIT activity files in (R22's facts), built with garmin-fit-sdk's own encoder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from garmin_fit_sdk import Decoder, Stream

from liftlog.runs.fit_read import read_fit, summary_messages
from liftlog.runs.record import RunFileError
from tests.unit.runs.runs_support import T0, Activity, fit_file


def test_a_run_with_heart_rate_and_training_effect_gives_every_field() -> None:
    [run] = read_fit(fit_file(Activity()), "2027-03-01.fit")
    assert run.sport == "running"
    assert run.sub_sport is None  # "generic" says nothing more than "running"
    assert run.is_run
    assert run.start == T0
    assert run.start.tzinfo is UTC
    assert run.start_local == datetime(2027, 3, 1, 7, 30, tzinfo=timezone(timedelta(hours=1)))
    assert run.elapsed_s == 3600.0
    assert run.timer_s == 3500.0
    assert run.distance_m == 10_000.0
    assert (run.avg_hr, run.max_hr) == (150, 172)
    assert (run.aerobic_te, run.anaerobic_te) == (3.1, 1.4)
    assert run.relative_effort is None  # Strava's, never in a FIT file
    assert run.source == "2027-03-01.fit"
    assert run.source_id == f"fit:3900000123:{int(T0.timestamp()) - 631_065_600}"
    assert run.source_format == "fit"


def test_a_run_without_heart_rate_or_training_effect_leaves_them_empty() -> None:
    bare = Activity(avg_hr=None, max_hr=None, aerobic_te=None, anaerobic_te=None)
    [run] = read_fit(fit_file(bare), "bare.fit")
    assert (run.avg_hr, run.max_hr, run.aerobic_te, run.anaerobic_te) == (None,) * 4
    assert (run.elapsed_s, run.distance_m) == (3600.0, 10_000.0)


@pytest.mark.parametrize("sub_sport", ["trail", "treadmill", "track", "virtual_activity"])
def test_every_kind_of_run_is_a_run(sub_sport: str) -> None:
    [run] = read_fit(fit_file(Activity(sub_sport=sub_sport)), "x.fit")
    assert (run.sport, run.sub_sport, run.is_run) == ("running", sub_sport, True)


@pytest.mark.parametrize(
    ("sport", "sub_sport"),
    [("cycling", "road"), ("swimming", "lap_swimming"), ("walking", "generic")],
)
def test_a_ride_a_swim_and_a_walk_are_not_runs(sport: str, sub_sport: str) -> None:
    [activity] = read_fit(fit_file(Activity(sport=sport, sub_sport=sub_sport)), "x.fit")
    assert activity.sport == sport
    assert not activity.is_run


def test_without_a_local_time_the_local_start_is_unknown() -> None:
    [run] = read_fit(fit_file(Activity(utc_offset_s=None)), "x.fit")
    assert run.start_local is None
    assert run.local_day(timezone(timedelta(hours=-8))) == T0.date() - timedelta(days=1)


def test_the_local_day_is_the_devices_own() -> None:
    late = Activity(start=datetime(2027, 3, 1, 23, 30, tzinfo=UTC), utc_offset_s=2 * 3600)
    [run] = read_fit(fit_file(late), "x.fit")
    assert run.local_day(UTC) == datetime(2027, 3, 2).date()


def test_developer_fields_in_the_records_do_not_upset_the_framing() -> None:
    [run] = read_fit(fit_file(Activity(developer_field=True)), "stryd.fit")
    assert (run.elapsed_s, run.avg_hr, run.aerobic_te) == (3600.0, 150, 3.1)


def test_the_summary_file_decodes_to_the_same_session_as_the_whole_file() -> None:
    data = fit_file(Activity(records=600))
    whole, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    summary = summary_messages(data)
    small, errors = Decoder(Stream.from_byte_array(bytearray(summary))).read()
    assert errors == []
    assert Decoder(Stream.from_byte_array(bytearray(summary))).check_integrity()
    assert small["session_mesgs"] == whole["session_mesgs"]
    assert small["file_id_mesgs"] == whole["file_id_mesgs"]
    assert "record_mesgs" not in small
    assert len(summary) < len(data) / 10


def test_two_chained_fit_files_give_both_sessions() -> None:
    later = Activity(start=T0 + timedelta(hours=3), serial=77)
    runs = read_fit(fit_file(Activity()) + fit_file(later), "chained.fit")
    assert [r.start for r in runs] == [T0, later.start]
    assert len({r.source_id for r in runs}) == 2


def test_a_workout_file_is_not_an_activity() -> None:
    with pytest.raises(RunFileError, match="is a FIT workout file, not an activity"):
        read_fit(fit_file(Activity(), file_type="workout"), "plan.fit")


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (lambda d: d[: len(d) // 2], "is cut short"),
        (lambda d: b"not a fit file at all, just text", "is not a FIT file"),
        (lambda d: d[:14] + b"\x0f" * (len(d) - 14), "is damaged"),
        (lambda d: d + b"GARBAGE-AFTER-THE-CRC", "has junk after its data"),
        (lambda d: b"", "is not a FIT file"),
    ],
)
def test_a_corrupt_file_says_why_in_one_line(damage: object, why: str) -> None:
    data = fit_file(Activity())
    assert callable(damage)
    with pytest.raises(RunFileError, match=why):
        read_fit(damage(data), "broken.fit")


def _big_endian_fit(start: datetime, elapsed_s: int) -> bytes:
    """A minimal FIT file in big-endian byte order, as some older devices write them."""
    from garmin_fit_sdk import CrcCalculator

    stamp = int(start.timestamp()) - 631_065_600
    body = (
        bytes([0x40, 0, 1])
        + (0).to_bytes(2, "big")
        + bytes([3, 0, 1, 0x00, 4, 4, 0x86, 3, 4, 0x8C])
    )
    body += bytes([0x00, 4]) + stamp.to_bytes(4, "big") + (42).to_bytes(4, "big")
    body += (
        bytes([0x41, 0, 1])
        + (18).to_bytes(2, "big")
        + bytes([3, 2, 4, 0x86, 7, 4, 0x86, 5, 1, 0x00])
    )
    body += (
        bytes([0x01])
        + stamp.to_bytes(4, "big")
        + (elapsed_s * 1000).to_bytes(4, "big")
        + bytes([1])
    )
    header = bytearray([14, 0x20, 0, 0]) + len(body).to_bytes(4, "little") + b".FIT"
    header += CrcCalculator.calculate_crc(header, 0, 12).to_bytes(2, "little")
    data = bytes(header) + body
    return data + CrcCalculator.calculate_crc(data, 0, len(data)).to_bytes(2, "little")


def test_a_big_endian_file_reads_the_same() -> None:
    [run] = read_fit(_big_endian_fit(T0, 2700), "old-edge.fit")
    assert (run.sport, run.start, run.elapsed_s) == ("running", T0, 2700.0)
    assert run.source_id.startswith("fit:42:")
