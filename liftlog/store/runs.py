"""Runs (R22): the athlete's runs read and added on plain sqlite3, one transaction an import."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import Any, NamedTuple

from liftlog.progression.constants import RUN_HR_WINDOW_DAYS, RUN_TEMPLATE_WEEKS
from liftlog.progression.model import Run
from liftlog.store.db import quick_check, write_transaction
from liftlog.store.rows import RunRow, store_datetime

#: How far back the rules look at runs: R22's heart-rate window and its inferred
#: template, before the earliest day asked about (a week's slack for R19's week).
RUNS_LOOKBACK = dt.timedelta(days=RUN_HR_WINDOW_DAYS + 7 * RUN_TEMPLATE_WEEKS + 7)

_COLUMNS = (
    "date, started_at, started_utc, sport, elapsed_s, timer_s, distance_m, avg_hr, max_hr,"
    " aerobic_te, anaerobic_te, relative_effort, name, source, source_id"
)


class NewRun(NamedTuple):
    """A run to add: the columns of `run` but its id and athlete."""

    date: dt.date
    started_at: dt.datetime  # local wall clock, naive
    started_utc: dt.datetime  # aware UTC
    sport: str
    elapsed_s: int
    timer_s: int | None
    distance_m: float | None
    avg_hr: int | None
    max_hr: int | None
    aerobic_te: float | None
    anaerobic_te: float | None
    relative_effort: float | None
    name: str
    source: str
    source_id: str | None


def _row(values: tuple[Any, ...]) -> RunRow:
    (run_id, date, started_at, started_utc, sport, elapsed, timer, distance, avg_hr, max_hr,
     aerobic, anaerobic, effort, name, source, source_id) = values  # fmt: skip
    local = dt.datetime.fromisoformat(started_at)
    utc = (
        dt.datetime.fromisoformat(started_utc).replace(tzinfo=dt.UTC)
        if started_utc
        else local.astimezone(dt.UTC)  # stored without its UTC start: this machine's zone
    )
    return RunRow(
        run_id, dt.date.fromisoformat(date), local, utc, sport, elapsed, timer, distance,
        avg_hr, max_hr, aerobic, anaerobic, effort, name, source, source_id,
    )  # fmt: skip


def list_runs(
    conn: sqlite3.Connection, athlete_id: int, since: dt.date | None = None
) -> list[RunRow]:
    """The athlete's runs (from `since` on), oldest first."""
    rows = conn.execute(
        f"SELECT id, {_COLUMNS} FROM run WHERE athlete_id = ? AND date >= ?"
        " ORDER BY date, started_at, id",
        (athlete_id, (since or dt.date.min).isoformat()),
    )
    return [_row(r) for r in rows]


def _values(athlete_id: int, run: NewRun, now: str) -> tuple[object, ...]:
    utc = run.started_utc.astimezone(dt.UTC).replace(tzinfo=None)
    return (
        athlete_id, run.date.isoformat(), store_datetime(run.started_at), store_datetime(utc),
        run.sport, run.elapsed_s, run.timer_s, run.distance_m, run.avg_hr, run.max_hr,
        run.aerobic_te, run.anaerobic_te, run.relative_effort, run.name, run.source,
        run.source_id, now,
    )  # fmt: skip


def add_runs(conn: sqlite3.Connection, athlete_id: int, runs: Sequence[NewRun]) -> int:
    """Add `runs` in one transaction; how many were added."""
    if not runs:
        return 0
    quick_check(conn)  # never write into a damaged file
    now = store_datetime(dt.datetime.now().replace(microsecond=0))
    marks = ", ".join("?" * 17)
    with write_transaction(conn):
        conn.executemany(
            f"INSERT INTO run (athlete_id, {_COLUMNS}, created_at) VALUES ({marks})",
            [_values(athlete_id, run, now) for run in runs],
        )
    return len(runs)


def as_rule_run(row: RunRow) -> Run:
    """A stored run as R22 reads it (the rules' own `Run`)."""
    return Run(
        date=row.date,
        start=row.started_at,
        sport=row.sport,
        duration_s=row.elapsed_s,
        distance_m=row.distance_m,
        avg_hr=row.avg_hr,
        max_hr=row.max_hr,
        aerobic_te=row.aerobic_te,
        anaerobic_te=row.anaerobic_te,
        relative_effort=row.relative_effort,
        name=row.name,
    )


def rule_runs(conn: sqlite3.Connection, athlete_id: int, first: dt.date) -> tuple[Run, ...]:
    """The runs the rules need for days from `first` on (`Athlete.runs`)."""
    return tuple(as_rule_run(r) for r in list_runs(conn, athlete_id, first - RUNS_LOOKBACK))
