"""Runs in (R22): files read by `liftlog.runs`, each run once, kept through the store.

`import_runs` reads FIT, GPX and TCX files, folders, zips and Strava exports, drops the
runs the log already holds (the same start within two minutes and about as long:
`liftlog.runs.dedupe`), and adds the rest in one transaction. A run's day is its local
day: the watch's own UTC offset when the file has one, else this computer's time zone
at that date (`local_zone`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from liftlog.progression import Race, RunVerdict, classify_runs
from liftlog.service.log import Log
from liftlog.store import runs as store
from liftlog.store.db import Connection
from liftlog.store.races import list_races
from liftlog.store.rows import RunRow
from liftlog.store.runs import RUNS_LOOKBACK, as_rule_run

if TYPE_CHECKING:  # the readers load the FIT SDK: only an import needs them, not `next`
    from liftlog.runs.record import RunRecord, Skipped

Progress = Callable[[int, int], None]

#: How the `run` table names a run's surface (FIT's sub-sport → liftlog's sport).
STORED_SPORT = {
    None: "running",
    "street": "running",
    "trail": "trail_running",
    "treadmill": "treadmill_running",
    "indoor_running": "treadmill_running",
    "track": "track_running",
    "virtual_activity": "virtual_running",
}


def local_zone() -> dt.tzinfo:
    """This computer's time zone, by its IANA name when it has one (calendar files want
    the name); else the fixed offset it has now."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        link = os.readlink("/etc/localtime")
        candidates.append(link.split("zoneinfo/", 1)[1] if "zoneinfo/" in link else "")
    except OSError:
        pass
    for name in candidates:
        if name and not name.startswith("/"):
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return dt.datetime.now().astimezone().tzinfo or dt.UTC


@dataclass(frozen=True, slots=True)
class RunImport:
    """What `import_runs` did."""

    added: int
    already: int  # runs the log already held
    merged: int  # activities found twice in what was read, kept once
    not_runs: dict[str, int] = field(default_factory=dict)  # sport -> count
    skipped: tuple[Skipped, ...] = ()  # files (or rows) that could not be read
    warnings: tuple[Skipped, ...] = ()  # read, with something missing


def _local_start(record: RunRecord, zone: dt.tzinfo) -> dt.datetime:
    local = record.start_local or record.start.astimezone(zone)
    return local.replace(tzinfo=None)


def new_run(record: RunRecord, zone: dt.tzinfo) -> store.NewRun:
    """A read run as the `run` table keeps it."""
    started_at = _local_start(record, zone)
    return store.NewRun(
        date=started_at.date(),
        started_at=started_at,
        started_utc=record.start,
        sport=STORED_SPORT.get(record.sub_sport, "running"),
        elapsed_s=round(record.elapsed_s),
        timer_s=None if record.timer_s is None else round(record.timer_s),
        distance_m=record.distance_m,
        avg_hr=record.avg_hr,
        max_hr=record.max_hr,
        aerobic_te=record.aerobic_te,
        anaerobic_te=record.anaerobic_te,
        relative_effort=None if record.relative_effort is None else float(record.relative_effort),
        name=record.name or "",
        source=record.source,
        source_id=record.source_id,
    )


def import_runs(
    log: Log,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    zone: dt.tzinfo | None = None,
) -> RunImport:
    """Read `paths` and add the runs the log does not hold yet (see the docstring)."""
    from liftlog.runs.dedupe import dedupe
    from liftlog.runs.read import read_paths

    read = read_paths(paths, progress)
    zone = zone or local_zone()
    with log.reading() as conn:
        found = dedupe(read.runs, known=store.list_runs(conn, log.athlete_id))
        fresh = [new_run(record, zone) for record in found.records]
        added = store.add_runs(conn, log.athlete_id, fresh)
    return RunImport(
        added=added,
        already=found.known,
        merged=read.merged + found.merged,
        not_runs=read.not_runs,
        skipped=read.skipped,
        warnings=read.warnings,
    )


def list_runs(log: Log, since: dt.date | None = None) -> list[RunRow]:
    """The stored runs, oldest first."""
    with log.reading() as conn:
        return store.list_runs(conn, log.athlete_id, since)


def run_json(row: RunRow) -> dict[str, object]:
    """One run as `liftlog runs --json` prints it."""
    return {
        "date": row.date.isoformat(),
        "start": row.started_at.isoformat(timespec="seconds"),
        "start_utc": row.started_utc.isoformat(timespec="seconds"),
        "sport": row.sport,
        "duration_s": row.elapsed_s,
        "moving_s": row.timer_s,
        "distance_m": row.distance_m,
        "avg_hr": row.avg_hr,
        "max_hr": row.max_hr,
        "aerobic_te": row.aerobic_te,
        "anaerobic_te": row.anaerobic_te,
        "relative_effort": row.relative_effort,
        "name": row.name,
        "source": row.source,
    }


@dataclass(frozen=True, slots=True)
class JudgedRun:
    """A stored run and R22's verdict on it."""

    row: RunRow
    verdict: RunVerdict


def _judge(conn: Connection, athlete_id: int, since: dt.date | None) -> list[JudgedRun]:
    first = None if since is None else since - RUNS_LOOKBACK
    rows = store.list_runs(conn, athlete_id, first)
    races = tuple(
        Race(r.name, r.date, r.priority)  # type: ignore[arg-type]
        for r in list_races(conn, athlete_id)
    )
    pairs = [(as_rule_run(row), row) for row in rows]
    row_of = {id(run): row for run, row in pairs}  # the verdicts hold the very Run objects
    judged = [JudgedRun(row_of[id(v.run)], v) for v in classify_runs([p[0] for p in pairs], races)]
    return [j for j in judged if since is None or j.row.date >= since]


def judged_runs(log: Log, since: dt.date | None = None) -> list[JudgedRun]:
    """The stored runs (from `since` on), oldest first, each hard or easy by R22.

    A verdict needs the runs of the 180 days before it (R22's heart-rate share), so
    those are read and judged too, then left out."""
    with log.reading() as conn:
        return _judge(conn, log.athlete_id, since)


def hard_run_on(conn: Connection, athlete_id: int, day: dt.date) -> RunVerdict | None:
    """The day's hard run (R22), if it had one: Today lifts "after your run"."""
    return next(
        (j.verdict for j in _judge(conn, athlete_id, day) if j.row.date == day and j.verdict.hard),
        None,
    )


@dataclass(frozen=True, slots=True)
class DayMark:
    """One day of the recent weeks: its run (hard, easy or none) and whether you lifted."""

    date: dt.date
    run: str | None  # "hard" | "easy" | None
    lifted: bool


def recent_weeks(
    conn: Connection, athlete_id: int, today: dt.date, lift_dates: Iterable[dt.date], weeks: int
) -> list[list[DayMark]]:
    """The last `weeks` weeks (Monday to Sunday, this one last), day by day."""
    monday = today - dt.timedelta(days=today.weekday()) - dt.timedelta(weeks=weeks - 1)
    kinds: dict[dt.date, str] = {}
    for judged in _judge(conn, athlete_id, monday):
        if judged.row.date <= today and kinds.get(judged.row.date) != "hard":
            kinds[judged.row.date] = "hard" if judged.verdict.hard else "easy"
    lifted = set(lift_dates)
    return [
        [
            DayMark(day, kinds.get(day), day in lifted)
            for day in (monday + dt.timedelta(weeks=w, days=d) for d in range(7))
        ]
        for w in range(weeks)
    ]
