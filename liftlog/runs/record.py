"""What a reader makes of one activity file: `RunRecord`, and what a whole read returns.

A `RunRecord` is any activity (a ride too); `is_run` says whether it counts for R22.
Sports use the FIT profile's names (`running`, `cycling`, ...) whatever the file's
format, so a GPX `<type>running</type>`, a TCX `Sport="Running"` and Strava's
`Trail Run` all land on `running` (with `sub_sport` `trail` for the last).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

#: The sub-sports of `running` that a file may name; all of them are runs.
RUN_SUB_SPORTS = frozenset(
    {"street", "trail", "treadmill", "track", "virtual_activity", "indoor_running"}
)

#: Longest activity name kept (a name is shown in one line of the runs list).
MAX_NAME_CHARS = 120

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


class RunFileError(ValueError):
    """A file (or one row of a Strava export) that cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One activity from a file: the facts R22 needs, and where they came from."""

    sport: str  # the FIT profile's name: running, cycling, swimming, walking, ...
    sub_sport: str | None  # trail, treadmill, track, virtual_activity, ... (None: generic)
    start: datetime  # aware, UTC
    elapsed_s: float  # start to finish, pauses included
    source: str  # the file it came from, as the user would find it (zip:member for zips)
    source_id: str  # what the activity is: "strava:123", "fit:<serial>:<time_created>", ...
    start_local: datetime | None = None  # aware, at the device's own UTC offset, when known
    timer_s: float | None = None  # moving/timer time, when the file has it
    distance_m: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    aerobic_te: float | None = None  # Garmin's training effect, 0.0-5.0
    anaerobic_te: float | None = None
    relative_effort: int | None = None  # Strava's
    name: str | None = None
    source_format: str = ""  # fit | gpx | tcx | strava: which reader made it

    @property
    def is_run(self) -> bool:
        """A run for R22: running on any surface (road, trail, treadmill, track, virtual)."""
        return self.sport == "running"

    @property
    def end(self) -> datetime:
        """When the activity finished (UTC)."""
        return self.start + timedelta(seconds=self.elapsed_s)

    def local_day(self, tz: tzinfo) -> date:
        """The calendar day of the start: the device's own when known, else in `tz`."""
        if self.start_local is not None:
            return self.start_local.date()
        return self.start.astimezone(tz).date()


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or row) that gave no activity, and why, in one sentence."""

    name: str
    why: str


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What `read_paths` found.

    `runs` are the runs, oldest first, each activity once. `not_runs` counts the other
    activities by sport. `skipped` lists what could not be read at all; `warnings` what
    was read with something missing (a Strava row whose file was absent or broken, a
    GPX that named no sport). `merged` counts activities found twice and kept once.
    """

    runs: tuple[RunRecord, ...]
    skipped: tuple[Skipped, ...] = ()
    not_runs: dict[str, int] = field(default_factory=dict)
    warnings: tuple[Skipped, ...] = ()
    merged: int = 0


def clean_name(text: str | None) -> str | None:
    """A file's activity name as plain text: control characters out, one line, bounded."""
    if text is None:
        return None
    cleaned = " ".join(_CONTROL.sub(" ", text).split())
    return cleaned[:MAX_NAME_CHARS] or None


def utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken as UTC (as GPX, TCX and Strava mean)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def fill_gaps(primary: RunRecord, other: RunRecord) -> RunRecord:
    """`primary`, with each field it lacks (None) taken from `other`."""
    missing = {
        f.name: getattr(other, f.name)
        for f in dataclasses.fields(primary)
        if getattr(primary, f.name) is None and getattr(other, f.name) is not None
    }
    return dataclasses.replace(primary, **missing) if missing else primary


# Sport names as other formats write them, to the FIT profile's (sport, sub_sport).
_SPORT_WORDS: dict[str, tuple[str, str | None]] = {
    "run": ("running", None),
    "running": ("running", None),
    "street_running": ("running", "street"),
    "road_running": ("running", "street"),
    "trail_run": ("running", "trail"),
    "trail_running": ("running", "trail"),
    "treadmill": ("running", "treadmill"),
    "treadmill_running": ("running", "treadmill"),
    "indoor_running": ("running", "indoor_running"),
    "track_running": ("running", "track"),
    "virtual_run": ("running", "virtual_activity"),
    "virtual_running": ("running", "virtual_activity"),
    "ride": ("cycling", None),
    "biking": ("cycling", None),
    "cycling": ("cycling", None),
    "virtual_ride": ("cycling", "virtual_activity"),
    "mountain_bike_ride": ("cycling", "mountain"),
    "gravel_ride": ("cycling", "gravel_cycling"),
    "e_bike_ride": ("e_biking", None),
    "swim": ("swimming", None),
    "swimming": ("swimming", None),
    "walk": ("walking", None),
    "walking": ("walking", None),
    "hike": ("hiking", None),
    "hiking": ("hiking", None),
    "weight_training": ("training", "strength_training"),
    "workout": ("training", None),
    "yoga": ("training", "yoga"),
}


def sport_from_word(word: str) -> tuple[str, str | None]:
    """A sport as a file or Strava names it (`Trail Run`, `running`, `Biking`) → FIT's."""
    key = re.sub(r"[^a-z0-9]+", "_", word.strip().lower()).strip("_")
    if key in _SPORT_WORDS:
        return _SPORT_WORDS[key]
    return (key or "unknown"), None
