"""Activity files made in the tests: FIT with Garmin's encoder, GPX, TCX, Strava exports.

Every builder takes the facts a test checks (start, duration, distance, heart rate,
training effect) and writes them the way the real producers do, so a reader that
gets a field wrong fails a test.
"""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from garmin_fit_sdk import Encoder, Profile

MESG = Profile["mesg_num"]
T0 = datetime(2027, 3, 1, 6, 30, tzinfo=UTC)  # a Monday, 06:30 UTC


@dataclass
class Activity:
    """What an activity file says; each builder writes the fields its format has."""

    start: datetime = T0
    elapsed_s: float = 3600.0
    timer_s: float = 3500.0
    distance_m: float = 10_000.0
    sport: str = "running"
    sub_sport: str = "generic"
    avg_hr: int | None = 150
    max_hr: int | None = 172
    aerobic_te: float | None = 3.1
    anaerobic_te: float | None = 1.4
    serial: int = 3_900_000_123
    utc_offset_s: int | None = 3600
    records: int = 120  # record messages (a real file has one a second)
    developer_field: bool = False
    extra: dict[str, object] = field(default_factory=dict)


def fit_file(activity: Activity, file_type: str = "activity") -> bytes:
    """A FIT activity file as a Garmin watch writes one (file_id, events, records, ...)."""
    a = activity
    end = a.start + timedelta(seconds=a.elapsed_s)
    encoder = Encoder(field_descriptions=_developer_fields() if a.developer_field else None)
    encoder.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": file_type,
            "manufacturer": "garmin",
            "product": 3113,
            "serial_number": a.serial,
            "time_created": a.start,
        }
    )
    if a.developer_field:
        encoder.write_mesg(_DEV_ID)
        encoder.write_mesg(_DEV_FIELD)
    encoder.write_mesg(
        {"mesg_num": MESG["EVENT"], "timestamp": a.start, "event": "timer", "event_type": "start"}
    )
    step = a.elapsed_s / max(a.records, 1)
    for i in range(a.records):
        record: dict[str, object] = {
            "mesg_num": MESG["RECORD"],
            "timestamp": a.start + timedelta(seconds=i * step),
            "distance": a.distance_m * i / max(a.records, 1),
            "enhanced_speed": 2.8,
            "cadence": 86,
            "position_lat": 623_000_000 + i * 100,
            "position_long": 48_000_000 + i * 100,
        }
        if a.avg_hr is not None:
            record["heart_rate"] = a.avg_hr + (i % 5) - 2
        if a.developer_field:
            record["developer_fields"] = {0: 1.5 * i}
        encoder.write_mesg(record)
    encoder.write_mesg(
        {"mesg_num": MESG["EVENT"], "timestamp": end, "event": "timer", "event_type": "stop_all"}
    )
    summary: dict[str, object] = {
        "timestamp": end,
        "start_time": a.start,
        "total_elapsed_time": a.elapsed_s,
        "total_timer_time": a.timer_s,
        "total_distance": a.distance_m,
        "sport": a.sport,
        "sub_sport": a.sub_sport,
    }
    if a.avg_hr is not None:
        summary["avg_heart_rate"] = a.avg_hr
        summary["max_heart_rate"] = a.max_hr
    if a.aerobic_te is not None:
        summary["total_training_effect"] = a.aerobic_te
    if a.anaerobic_te is not None:
        summary["total_anaerobic_training_effect"] = a.anaerobic_te
    summary.update(a.extra)
    encoder.write_mesg({"mesg_num": MESG["LAP"], "message_index": 0, **summary})
    encoder.write_mesg(
        {"mesg_num": MESG["SESSION"], "message_index": 0, "first_lap_index": 0, "num_laps": 1}
        | summary
    )
    activity_mesg: dict[str, object] = {
        "mesg_num": MESG["ACTIVITY"],
        "timestamp": end,
        "num_sessions": 1,
        "total_timer_time": a.timer_s,
        "type": "manual",
        "event": "activity",
        "event_type": "stop",
    }
    if a.utc_offset_s is not None:
        fit_end = int(end.timestamp()) - 631_065_600
        activity_mesg["local_timestamp"] = fit_end + a.utc_offset_s
    encoder.write_mesg(activity_mesg)
    return encoder.close()


_DEV_ID = {
    "mesg_num": MESG["DEVELOPER_DATA_ID"],
    "application_id": [7] * 16,
    "application_version": 1,
    "developer_data_index": 0,
}
_DEV_FIELD = {
    "mesg_num": MESG["FIELD_DESCRIPTION"],
    "developer_data_index": 0,
    "field_definition_number": 0,
    "fit_base_type_id": 0x88,  # float32
    "field_name": "Stryd power",
    "units": "W",
    "native_mesg_num": MESG["RECORD"],
}


def _developer_fields() -> dict[int, Any]:
    return {0: {"developer_data_id_mesg": _DEV_ID, "field_description_mesg": _DEV_FIELD}}


def gpx_file(
    activity: Activity,
    points: int = 61,
    sport: str | None = "running",
    name: str | None = "Morning Run",
    heart_rate: bool = True,
    step_deg: float = 0.0009,
) -> bytes:
    """A GPX 1.1 track as Garmin Connect and Strava write them (TrackPointExtension hr)."""
    a = activity
    step = a.elapsed_s / (points - 1)
    rows = []
    for i in range(points):
        stamp = (a.start + timedelta(seconds=i * step)).strftime("%Y-%m-%dT%H:%M:%SZ")
        hr = ""
        if heart_rate and a.avg_hr is not None:
            bpm = a.avg_hr + (5 if i % 2 else -5) if i < points - 1 else a.avg_hr
            hr = (
                "<extensions><gpxtpx:TrackPointExtension>"
                f"<gpxtpx:hr>{bpm}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>"
            )
        rows.append(
            f'<trkpt lat="{60.0 + i * step_deg:.7f}" lon="10.0000000">'
            f"<ele>12.0</ele><time>{stamp}</time>{hr}</trkpt>"
        )
    type_element = f"<type>{sport}</type>" if sport is not None else ""
    name_element = f"<name>{name}</name>" if name is not None else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx creator="StravaGPX" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<metadata><time>{a.start:%Y-%m-%dT%H:%M:%SZ}</time></metadata>"
        f"<trk>{name_element}{type_element}<trkseg>{''.join(rows)}</trkseg></trk></gpx>"
    ).encode()


def tcx_file(
    activity: Activity,
    sport: str = "Running",
    laps: Sequence[tuple[float, float, int | None, int | None]] = (
        (1800.0, 5000.0, 140, 160),
        (1700.0, 5000.0, 160, 172),
    ),
    lead: str = "",
) -> bytes:
    """A TCX file as Garmin Connect writes one: laps (time, metres, avg/max hr) + points."""
    a = activity
    parts = []
    clock = a.start
    for seconds, metres, avg, top in laps:
        hr = ""
        if avg is not None:
            hr += f"<AverageHeartRateBpm><Value>{avg}</Value></AverageHeartRateBpm>"
        if top is not None:
            hr += f"<MaximumHeartRateBpm><Value>{top}</Value></MaximumHeartRateBpm>"
        lap_end = clock + timedelta(seconds=seconds)
        point = f"<Trackpoint><Time>{lap_end:%Y-%m-%dT%H:%M:%S.000Z}</Time></Trackpoint>"
        parts.append(
            f'<Lap StartTime="{clock:%Y-%m-%dT%H:%M:%S.000Z}">'
            f"<TotalTimeSeconds>{seconds}</TotalTimeSeconds>"
            f"<DistanceMeters>{metres}</DistanceMeters>{hr}<Intensity>Active</Intensity>"
            f"<TriggerMethod>Manual</TriggerMethod><Track>{point}</Track></Lap>"
        )
        clock += timedelta(seconds=seconds)
    return (
        f'{lead}<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="{sport}"><Id>{a.start:%Y-%m-%dT%H:%M:%S.000Z}</Id>'
        f"{''.join(parts)}</Activity></Activities></TrainingCenterDatabase>"
    ).encode()


# The header of a real activities.csv (2024): names repeat, the second block in SI units.
STRAVA_HEADER = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute",
    "Activity Private Note", "Activity Gear", "Filename", "Athlete Weight", "Bike Weight",
    "Elapsed Time", "Moving Time", "Distance", "Max Speed", "Average Speed", "Elevation Gain",
    "Max Heart Rate", "Average Heart Rate", "Relative Effort", "Calories",
]  # fmt: skip


@dataclass
class StravaActivity:
    """One row of activities.csv, and the file Strava kept for it (if any)."""

    activity_id: int
    activity: Activity
    type: str = "Run"
    name: str = "Morning Run"
    relative_effort: int | None = 64
    csv_heart_rate: bool = True
    filename: str = ""  # activities/<id>.fit.gz, ... ; "" for a manual entry
    file_bytes: bytes | None = None  # what is in the export under filename (None: absent)


def strava_date(moment: datetime) -> str:
    """`Mar 5, 2027, 6:30:00 AM`, as activities.csv writes a UTC start."""
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%b} {moment.day}, {moment.year}, {hour}:{moment:%M:%S} {half}"


# An export from before Strava added the SI block and the heart-rate columns.
OLD_STRAVA_HEADER = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Commute", "Activity Gear", "Filename",
]  # fmt: skip


def strava_csv(rows: Sequence[StravaActivity], header: Sequence[str] = STRAVA_HEADER) -> bytes:
    """activities.csv for `rows`; a repeated column name takes its values in turn
    (display units first, SI second, as Strava writes them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    si_block = header.count("Distance") > 1
    for row in rows:
        a = row.activity
        hr_max = str(a.max_hr) if row.csv_heart_rate and a.max_hr else ""
        hr_avg = f"{a.avg_hr}.0" if row.csv_heart_rate and a.avg_hr else ""
        effort = "" if row.relative_effort is None else str(row.relative_effort)
        km = f"{a.distance_m / 1000:.2f}"
        values: dict[str, list[str]] = {
            "Activity ID": [str(row.activity_id)],
            "Activity Date": [strava_date(a.start)],
            "Activity Name": [row.name],
            "Activity Type": [row.type],
            "Elapsed Time": [str(int(a.elapsed_s)), f"{a.elapsed_s:.1f}"],
            "Distance": [km, f"{a.distance_m:.1f}"] if si_block else [km],
            "Max Heart Rate": [hr_max, hr_max],
            "Relative Effort": [effort, effort],
            "Commute": ["false"],
            "Filename": [row.filename],
            "Moving Time": [f"{a.timer_s:.1f}"],
            "Average Heart Rate": [hr_avg],
        }
        writer.writerow(
            [values.get(name, [""]).pop(0) if values.get(name) else "" for name in header]
        )
    return out.getvalue().encode()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def write_export(
    folder: Path, rows: Sequence[StravaActivity], header: Sequence[str] = STRAVA_HEADER
) -> Path:
    """A Strava export folder: activities.csv and the activities/ it names."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "activities.csv").write_bytes(strava_csv(rows, header))
    for row in rows:
        if row.filename and row.file_bytes is not None:
            target = folder / row.filename
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(row.file_bytes)
    (folder / "profile.csv").write_text("Athlete ID\n1\n")  # exports hold other files too
    return folder


def zip_folder(folder: Path, target: Path, inside: str = "") -> Path:
    """`folder` as a zip, its files under `inside/` (Strava's zip has them at the top)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{inside}{path.relative_to(folder).as_posix()}")
    return target
