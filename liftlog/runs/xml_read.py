"""GPX and TCX activity files → `RunRecord`s, with the standard library's XML parser.

Why no package: a run needs only its start, duration, distance, heart rate and sport,
which sit in a handful of elements (GPX `trkpt/time`, Garmin's TrackPointExtension
`hr`; TCX `Lap` totals and `HeartRateBpm`). `gpxpy` and `tcxreader` build a full object
model of every point for that, and would be two more dependencies to keep current.

Files are data from anywhere: one with a DOCTYPE or an entity declaration is refused
(GPX and TCX never need them; it is how XML bombs are built), and whitespace before the
XML declaration (Strava's TCX files have it) is tolerated.
"""

from __future__ import annotations

import hashlib
import math
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

from liftlog.runs.record import RunFileError, RunRecord, clean_name, sport_from_word, utc

_EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG), what GPS tools use for haversine
_TCX = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"
# Strava's GPX files name the sport by its own number (`<type>9</type>` is a run).
_STRAVA_GPX_TYPES = {"1": "ride", "9": "run"}


def _parse(data: bytes, kind: str) -> ET.Element:
    data = data.lstrip()
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise RunFileError(f"is not a plain {kind} file (it declares a DOCTYPE)")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise RunFileError(f"is not well-formed {kind} ({error})") from None


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return utc(datetime.fromisoformat(text.strip()))
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        value = round(float(text)) if text else 0
    except ValueError:
        return None
    return value if value > 0 else None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def read_gpx(data: bytes, source: str) -> tuple[list[RunRecord], bool]:
    """A GPX track as one record, and whether the file named its sport.

    Start and elapsed time from the first and last timed points, distance along the
    points (haversine, segment by segment), heart rate from any extension element
    named `hr` (Garmin's TrackPointExtension, Strava's and others' copies of it).
    """
    root = _parse(data, "GPX")
    if _local(root.tag) != "gpx":
        raise RunFileError("is not a GPX file")
    ns = root.tag[: -len("gpx")]
    track = root.find(f"{ns}trk")
    if track is None:
        raise RunFileError("has no track")
    first_text: str | None = None
    last_text: str | None = None
    distance = 0.0
    beats: list[int] = []
    for segment in track.iter(f"{ns}trkseg"):
        previous: tuple[float, float] | None = None
        for point in segment.iter(f"{ns}trkpt"):
            stamp = point.findtext(f"{ns}time")
            if stamp:
                first_text = first_text or stamp
                last_text = stamp
            lat, lon = _float(point.get("lat")), _float(point.get("lon"))
            if lat is not None and lon is not None:
                if previous is not None:
                    distance += _haversine(previous, (lat, lon))
                previous = (lat, lon)
            for element in point.iter():
                if element.tag.endswith("}hr") or element.tag == "hr":
                    bpm = _int(element.text)
                    if bpm is not None:
                        beats.append(bpm)
    first, last = _time(first_text), _time(last_text)
    if first is None or last is None:
        raise RunFileError("has no timestamps, so its day is unknown")
    type_text = (track.findtext(f"{ns}type") or "").strip()
    sport, sub_sport = sport_from_word(_STRAVA_GPX_TYPES.get(type_text, type_text or "run"))
    name = track.findtext(f"{ns}name") or root.findtext(f"{ns}metadata/{ns}name")
    record = RunRecord(
        sport=sport,
        sub_sport=sub_sport,
        start=first,
        elapsed_s=max((last - first).total_seconds(), 0.0),
        distance_m=round(distance, 1) if distance > 0 else None,
        avg_hr=round(sum(beats) / len(beats)) if beats else None,
        max_hr=max(beats) if beats else None,
        name=clean_name(name),
        source=source,
        source_id=f"gpx:{hashlib.sha256(data).hexdigest()[:20]}",
        source_format="gpx",
    )
    return [record], bool(type_text)


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lat2 = math.radians(a[0]), math.radians(b[0])
    dlat, dlon = lat2 - lat1, math.radians(b[1] - a[1])
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def read_tcx(data: bytes, source: str) -> list[RunRecord]:
    """Each TCX `Activity` as one record, from its laps' totals (trackpoints fill gaps).

    Timer time and distance are the laps' sums; average heart rate is the laps'
    averages weighted by their time; elapsed time runs from the activity's start to
    its last trackpoint (or to the end of its last lap).
    """
    root = _parse(data, "TCX")
    if root.tag != f"{_TCX}TrainingCenterDatabase":
        raise RunFileError("is not a TCX file")
    records = []
    for activity in root.iter(f"{_TCX}Activity"):
        records.append(_tcx_activity(activity, source))
    if not records:
        raise RunFileError("has no activity")
    return records


def _tcx_activity(activity: ET.Element, source: str) -> RunRecord:
    laps = activity.findall(f"{_TCX}Lap")
    start = _time(activity.findtext(f"{_TCX}Id"))
    if laps and start is None:
        start = _time(laps[0].get("StartTime"))
    if start is None:
        raise RunFileError("has an activity with no start time")
    timer = distance = weighted_hr = weighted_s = 0.0
    lap_max: list[int] = []
    end = start
    for lap in laps:
        seconds = _float(lap.findtext(f"{_TCX}TotalTimeSeconds")) or 0.0
        timer += seconds
        distance += _float(lap.findtext(f"{_TCX}DistanceMeters")) or 0.0
        avg = _int(lap.findtext(f"{_TCX}AverageHeartRateBpm/{_TCX}Value"))
        if avg is not None and seconds > 0:
            weighted_hr += avg * seconds
            weighted_s += seconds
        top = _int(lap.findtext(f"{_TCX}MaximumHeartRateBpm/{_TCX}Value"))
        if top is not None:
            lap_max.append(top)
        lap_start = _time(lap.get("StartTime"))
        if lap_start is not None:
            end = max(end, lap_start + timedelta(seconds=seconds))
    beats: list[int] = []
    for point in activity.iter(f"{_TCX}Trackpoint"):
        stamp = _time(point.findtext(f"{_TCX}Time"))
        if stamp is not None:
            end = max(end, stamp)
        bpm = _int(point.findtext(f"{_TCX}HeartRateBpm/{_TCX}Value"))
        if bpm is not None:
            beats.append(bpm)
        if not laps or distance == 0:
            distance = max(distance, _float(point.findtext(f"{_TCX}DistanceMeters")) or 0.0)
    avg_hr = round(weighted_hr / weighted_s) if weighted_s else None
    if avg_hr is None and beats:
        avg_hr = round(sum(beats) / len(beats))
    max_hr = max(lap_max + beats) if lap_max or beats else None
    sport, sub_sport = sport_from_word(activity.get("Sport") or "other")
    elapsed = (end - start).total_seconds()
    return RunRecord(
        sport=sport,
        sub_sport=sub_sport,
        start=start,
        elapsed_s=elapsed if elapsed > 0 else timer,
        timer_s=timer or None,
        distance_m=distance or None,
        avg_hr=avg_hr,
        max_hr=max_hr,
        name=clean_name(activity.findtext(f"{_TCX}Notes")),
        source=source,
        source_id=f"tcx:{start.isoformat()}",
        source_format="tcx",
    )
