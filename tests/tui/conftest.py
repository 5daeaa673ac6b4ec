"""Fixtures for the TUI tests: a real database file, the app on a fixed date."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from liftlog.service.log import Log, open_log
from liftlog.tui.app import LiftlogApp

#: Every test runs on this Tuesday, so prescriptions and snapshots never move.
TODAY = dt.date(2027, 1, 5)


@pytest.fixture
def ctx(db_path: Path) -> Iterator[Log]:
    """The opened log the app runs on (a real file)."""
    log = open_log(db_path)
    yield log
    log.close()


@pytest.fixture
def sql(db_path: Path) -> Callable[..., list[tuple[object, ...]]]:
    """Run a query on a separate plain sqlite3 connection (what is really on disk)."""

    def run(query: str, *params: object) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(db_path)
        try:
            return conn.execute(query, params).fetchall()
        finally:
            conn.close()

    return run


@pytest.fixture
def with_bodyweight(ctx: Log) -> Log:
    """A fresh athlete with one bodyweight reading (70 kg), nothing else."""
    with ctx.conn:
        ctx.conn.execute(
            "INSERT INTO bodyweight (athlete_id, date, kg) VALUES (?, ?, 70)",
            (ctx.athlete.id, (TODAY - dt.timedelta(days=3)).isoformat()),
        )
    return ctx


@pytest.fixture
def app_factory(ctx: Log) -> Callable[[], LiftlogApp]:
    def make() -> LiftlogApp:
        return LiftlogApp(ctx, today=TODAY)

    return make


@pytest.fixture(autouse=True)
def _steady_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    """No animations, whatever the environment says."""
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
