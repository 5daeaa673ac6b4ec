"""Child process of `benchmarks.run`: time opening one exercise's history in the TUI.

    python -m benchmarks.tui_probe --db HISTORY.sqlite3 [--exercise "Back Squat"]

Starts liftlog's app headless (Textual's `run_test`, 120×40) on the given history,
waits until the Today screen has loaded, opens the History screen (timed as
`screen_ms`), then times opening the exercise's history until its workers are done
and the screen has refreshed (`history_ms`). Prints one JSON object:
`{"history_ms", "screen_ms", "sql_ms", "data_ms", "how"}`, or `{"error", "unavailable"}`;
`data_ms` is the time spent in each function of `liftlog.service.history` (they run
in the screen's worker threads) while the exercise's history opened. The parent reads
this process's peak memory from wait4.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import importlib.util
import inspect
import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

SIZE = (120, 40)


def _sql_floor(db: Path, exercise: str) -> tuple[float, int, int]:
    """ms for SQLite alone to list the exercise's sessions, the least a history screen
    reads: one row per session (date, heaviest set, sets), through the schema's index
    on (athlete, exercise, workout). Best of three, warm; with the sessions and sets."""
    conn = sqlite3.connect(db)
    (athlete,) = conn.execute("SELECT id FROM athlete ORDER BY id LIMIT 1").fetchone()
    (exercise_id,) = conn.execute(
        "SELECT id FROM exercise WHERE name = ? AND (athlete_id IS NULL OR athlete_id = ?)",
        (exercise, athlete),
    ).fetchone()
    best, sessions = float("inf"), []
    for _ in range(3):
        began = time.perf_counter()
        sessions = conn.execute(
            "SELECT w.date, MAX(s.weight_kg), COUNT(*) FROM workout_set s"
            " JOIN workout w ON w.id = s.workout_id"
            " WHERE s.athlete_id = ? AND s.exercise_id = ? GROUP BY s.workout_id",
            (athlete, exercise_id),
        ).fetchall()
        best = min(best, (time.perf_counter() - began) * 1000)
    conn.close()
    return best, len(sessions), sum(row[2] for row in sessions)


async def _settle(app: Any, pilot: Any) -> None:
    """Until no worker is running and the screen has refreshed."""
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            return


async def _open_history(app: Any, pilot: Any, exercise: str) -> tuple[float, str]:
    """Open the exercise's history on the (already open) History screen; the ms it
    took until rendered, and how it was done."""
    screen = app.screen
    for name in ("show_exercise", "open_exercise", "select_exercise"):
        method = getattr(screen, name, None)
        if callable(method):
            began = time.perf_counter()
            outcome = method(exercise)
            if asyncio.iscoroutine(outcome):
                await outcome
            await _settle(app, pilot)
            elapsed = (time.perf_counter() - began) * 1000
            return elapsed, f"{type(screen).__name__}.{name}({exercise!r}) until rendered"
    raise LookupError(
        f"{type(screen).__name__} has no show_exercise/open_exercise/select_exercise(name)"
    )


def _time_data_layer(spent: dict[str, float]) -> None:
    """Wrap the History screen's data functions (run in its workers) to time each call;
    a build without that module is simply not broken down."""
    try:
        from liftlog.service import history as data
    except ImportError:
        return
    for name in dir(data):
        func = getattr(data, name)
        if name.startswith("_") or not inspect.isfunction(func) or func.__module__ != data.__name__:
            continue

        def timed(*args: Any, __func: Any = func, __name: str = name, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return __func(*args, **kwargs)
            finally:
                spent[__name] = spent.get(__name, 0.0) + (time.perf_counter() - began) * 1000

        setattr(data, name, functools.wraps(func)(timed))


async def probe(db: Path, exercise: str) -> dict[str, object]:
    if importlib.util.find_spec("liftlog.tui.app") is None:
        return {"error": "the TUI is not in this build yet", "unavailable": True}
    from liftlog.service.log import open_log
    from liftlog.tui.app import LiftlogApp

    app = LiftlogApp(open_log(db))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        began = time.perf_counter()
        await app.run_action("go('history')")  # the History screen's first opening
        await _settle(app, pilot)
        screen_ms = (time.perf_counter() - began) * 1000
        idle = time.perf_counter()
        await _settle(app, pilot)  # what waiting for "rendered" costs when nothing happens
        settle_ms = (time.perf_counter() - idle) * 1000
        spent: dict[str, float] = {}
        _time_data_layer(spent)
        try:
            elapsed, how = await _open_history(app, pilot, exercise)
        except LookupError as exc:
            return {"error": str(exc), "unavailable": True}
    sql_ms, sessions, sets = _sql_floor(db, exercise)
    return {
        "history_ms": elapsed,
        "data_ms": spent,
        "screen_ms": screen_ms,
        "settle_ms": settle_ms,
        "sql_ms": sql_ms,
        "how": f"{how}; {exercise}: {sets:,} sets in {sessions:,} sessions",
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tui_probe")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--exercise", default="Back Squat")
    args = parser.parse_args()
    answer = asyncio.run(probe(args.db, args.exercise))
    json.dump(answer, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
