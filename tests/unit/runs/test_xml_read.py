"""GPX and TCX files in: start, duration, distance, heart rate and sport where they say."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from liftlog.runs.record import RunFileError
from liftlog.runs.xml_read import read_gpx, read_tcx
from tests.unit.runs.runs_support import T0, Activity, gpx_file, tcx_file

# 60 steps of 0.0009° along a meridian: R × Δφ, no haversine needed to know it
MERIDIAN_M = 6_371_008.8 * math.radians(60 * 0.0009)


def test_a_gpx_run_gives_start_duration_distance_heart_rate_and_name() -> None:
    [run], named_sport = read_gpx(gpx_file(Activity()), "run.gpx")
    assert named_sport
    assert (run.sport, run.sub_sport, run.is_run) == ("running", None, True)
    assert run.start == T0
    assert run.elapsed_s == 3600.0
    assert run.timer_s is None  # GPX has no timer
    assert run.distance_m == pytest.approx(MERIDIAN_M, abs=0.1)
    # points alternate 145/155 and the last is 150: the mean of 61 points
    assert run.avg_hr == round((30 * 145 + 30 * 155 + 150) / 61)
    assert run.max_hr == 155
    assert (run.aerobic_te, run.anaerobic_te, run.relative_effort) == (None, None, None)
    assert run.name == "Morning Run"
    assert run.start_local is None
    assert run.source == "run.gpx"
    assert run.source_id.startswith("gpx:")
    assert run.source_format == "gpx"


def test_a_gpx_without_heart_rate_leaves_it_empty() -> None:
    [run], _ = read_gpx(gpx_file(Activity(), heart_rate=False), "run.gpx")
    assert (run.avg_hr, run.max_hr) == (None, None)


def test_stravas_numbered_gpx_type_9_is_a_run_and_1_a_ride() -> None:
    [run], _ = read_gpx(gpx_file(Activity(), sport="9"), "a.gpx")
    [ride], _ = read_gpx(gpx_file(Activity(), sport="1"), "b.gpx")
    assert run.is_run
    assert (ride.sport, ride.is_run) == ("cycling", False)


@pytest.mark.parametrize(
    ("word", "sport", "sub_sport"),
    [
        ("trail_running", "running", "trail"),
        ("cycling", "cycling", None),
        ("hiking", "hiking", None),
    ],
)
def test_a_gpx_type_names_the_sport(word: str, sport: str, sub_sport: str | None) -> None:
    [activity], _ = read_gpx(gpx_file(Activity(), sport=word), "a.gpx")
    assert (activity.sport, activity.sub_sport) == (sport, sub_sport)


def test_a_gpx_that_names_no_sport_is_read_as_a_run_and_says_so() -> None:
    [run], named_sport = read_gpx(gpx_file(Activity(), sport=None, name=None), "a.gpx")
    assert run.is_run
    assert not named_sport
    assert run.name is None


def test_a_gpx_name_with_control_characters_is_cleaned() -> None:
    # XML 1.0 cannot hold ESC, but it can hold CSI (U+009B), which 8-bit terminals obey
    data = gpx_file(Activity(), name="Tempo &#x9b;31m run\tnow")
    [run], _ = read_gpx(data, "a.gpx")
    assert run.name == "Tempo 31m run now"


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"<gpx><trk><trkseg></trk>", "is not well-formed GPX"),
        (b'<?xml version="1.0"?><kml/>', "is not a GPX file"),
        (b'<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
         b'<trkpt lat="1" lon="2"/></trkseg></trk></gpx>', "has no timestamps"),
        (b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaa">]><gpx>&a;</gpx>',
         "declares a DOCTYPE"),
        (b"", "is not well-formed GPX"),
    ],
)  # fmt: skip
def test_a_broken_gpx_says_why(data: bytes, why: str) -> None:
    with pytest.raises(RunFileError, match=why):
        read_gpx(data, "bad.gpx")


def test_a_tcx_run_gives_every_field_from_its_laps() -> None:
    [run] = read_tcx(tcx_file(Activity()), "run.tcx")
    assert (run.sport, run.is_run) == ("running", True)
    assert run.start == T0
    assert run.timer_s == 3500.0
    assert run.elapsed_s == 3500.0  # the last trackpoint is at the end of the last lap
    assert run.distance_m == 10_000.0
    assert run.avg_hr == round((140 * 1800 + 160 * 1700) / 3500)  # weighted by lap time
    assert run.max_hr == 172
    assert run.source_id == "tcx:2027-03-01T06:30:00+00:00"
    assert run.source_format == "tcx"


def test_a_tcx_with_a_pause_counts_it_in_the_elapsed_time() -> None:
    # the second lap starts 10 minutes after the first ended (the watch was paused)
    data = tcx_file(Activity(), laps=((1800.0, 5000.0, 140, 160),)).replace(b"</Activity>", b"")
    later = T0 + timedelta(seconds=2400)
    lap = (
        f'<Lap StartTime="{later:%Y-%m-%dT%H:%M:%SZ}"><TotalTimeSeconds>600</TotalTimeSeconds>'
        "<DistanceMeters>1500</DistanceMeters></Lap></Activity>"
    ).encode()
    data = data.replace(b"</Activities>", lap + b"</Activities>")
    [run] = read_tcx(data, "paused.tcx")
    assert run.timer_s == 2400.0
    assert run.elapsed_s == 3000.0
    assert run.distance_m == 6500.0
    assert run.avg_hr == 140  # only the first lap had a heart rate


def test_a_tcx_with_leading_whitespace_as_strava_writes_it_reads() -> None:
    [run] = read_tcx(tcx_file(Activity(), lead="   \n  "), "strava.tcx")
    assert run.start == T0


def test_a_tcx_ride_is_biking_and_not_a_run() -> None:
    [ride] = read_tcx(tcx_file(Activity(), sport="Biking"), "ride.tcx")
    assert (ride.sport, ride.is_run) == ("cycling", False)


def test_a_tcx_named_other_is_not_a_run() -> None:
    [other] = read_tcx(tcx_file(Activity(), sport="Other"), "other.tcx")
    assert not other.is_run


def test_tcx_heart_rate_comes_from_trackpoints_when_laps_have_none() -> None:
    data = tcx_file(Activity(), laps=((1800.0, 5000.0, None, None),))
    points = b"".join(
        b"<Trackpoint><Time>2027-03-01T06:%d:00Z</Time>"
        b"<HeartRateBpm><Value>%d</Value></HeartRateBpm></Trackpoint>" % (minute, bpm)
        for minute, bpm in ((40, 151), (50, 161))
    )
    data = data.replace(b"<Track>", b"<Track>" + points)
    [run] = read_tcx(data, "x.tcx")
    assert (run.avg_hr, run.max_hr) == (156, 161)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"<TrainingCenterDatabase>", "is not well-formed TCX"),
        (b"<gpx/>", "is not a TCX file"),
        (b'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
         b'TrainingCenterDatabase/v2"><Activities/></TrainingCenterDatabase>', "has no activity"),
        (b'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
         b'TrainingCenterDatabase/v2"><Activities><Activity Sport="Running"/></Activities>'
         b"</TrainingCenterDatabase>", "no start time"),
    ],
)  # fmt: skip
def test_a_broken_tcx_says_why(data: bytes, why: str) -> None:
    with pytest.raises(RunFileError, match=why):
        read_tcx(data, "bad.tcx")
