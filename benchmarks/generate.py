"""Write a simulated training history into a liftlog database, or as a Strong CSV export.

    python -m benchmarks.generate --sets 100000 OUT.sqlite3     # ~20 years of training
    python -m benchmarks.generate --sets 1000000 OUT.sqlite3    # the stress history
    python -m benchmarks.generate --strong-rows 100000 OUT.csv  # for `liftlog import`

The database is made by `open_database`, so its schema is the shipped migrations'; the
rows go in with plain `sqlite3` executemany in one transaction, which is hundreds of
times faster than logging them one by one and gives the same rows. The history ends
the day before `--end` (default today) and starts as far back as it takes to hold
exactly the number of sets asked for: about 20 years for 100k sets at 2–3 sessions a
week, and the same runner's pattern over about 200 years for the 1M-set stress
history (the shape that loads one exercise's history hardest). Output is a pure
function of (sets, seed, end): `benchmarks/.data/` caches it by those.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.simulate import RUN_TEMPLATE, LoggedSet, Session, race_calendar, simulate

#: Bump when the generated histories change, so cached files are made again.
GENERATOR_VERSION = 1
DEFAULT_SEED = 2027
DATA_DIR = Path(__file__).parent / ".data"
#: A first guess of sets per year, refined by counting (see `plan_span`).
_SETS_PER_YEAR = 4800
_BATCH = 20_000
#: The names the Strong app uses for our exercises (its export is by display name).
STRONG_NAMES = {
    "Back Squat": "Squat (Barbell)",
    "Deadlift": "Deadlift (Barbell)",
    "Push-Up": "Push Up",
    "Triangle Push-Up": "Triangle Push Up",
    "Split Squat": "Split Squat (Dumbbell)",
    "Single-Leg Deadlift": "Single Leg Deadlift (Dumbbell)",
    "Step-Up": "Step Up",
    "Calf Raise": "Standing Calf Raise",
    "Single-Leg Calf Raise": "Single Leg Calf Raise",
    "Jumping Lunge": "Jumping Lunges",
    "Box Jump": "Box Jump",
}
STRONG_HEADER = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
]


def catalog_info() -> dict[str, dict[str, object]]:
    """The shipped catalog's numbers (start loads, ranges) by exercise name."""
    from liftlog.store.catalog import catalog_path, read_catalog

    return {row["name"]: row for row in read_catalog(catalog_path().read_bytes())}


def plan_span(
    catalog: dict[str, dict[str, object]], sets: int, seed: int, end: dt.date
) -> tuple[dt.date, int]:
    """The first day of a history ending before `end` with at least `sets` sets, and
    how many of its oldest sets to leave out so exactly `sets` remain."""
    years = max(0.5, sets / _SETS_PER_YEAR)
    for _ in range(8):
        start = end - dt.timedelta(days=round(years * 365.25))
        total = sum(
            len(s.sets) for s in simulate(catalog, seed, start, end) if isinstance(s, Session)
        )
        if total >= sets:
            return start, total - sets
        years = years * sets / max(total, 1) * 1.03 + 0.1
    raise RuntimeError(f"could not plan a history of {sets} sets")


def history(
    catalog: dict[str, dict[str, object]], sets: int, seed: int, end: dt.date
) -> Iterator[Session | tuple[dt.date, float]]:
    """Exactly `sets` sets of sessions (and the bodyweight readings) before `end`."""
    start, skip = plan_span(catalog, sets, seed, end)
    for item in simulate(catalog, seed, start, end):
        if isinstance(item, Session) and skip:
            if skip >= len(item.sets):
                skip -= len(item.sets)
                continue
            item = Session(item.started_at, item.name, item.notes, item.sets[skip:])
            skip = 0
        yield item


def _stamp(moment: dt.datetime) -> str:
    # the text SQLAlchemy writes for a DateTime column, so rows match logged ones
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def write_history(path: Path, sets: int, *, seed: int = DEFAULT_SEED, end: dt.date) -> None:
    """Create the liftlog database `path` (which must not exist) holding the history."""
    from liftlog.store.athletes import ensure_athlete
    from liftlog.store.catalog import sync_catalog
    from liftlog.store.db import open_database

    if path.exists():
        raise FileExistsError(path)
    open_database(path)
    catalog = catalog_info()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")  # a generated file: no need to sync each page
    sync_catalog(conn)
    athlete_id = ensure_athlete(conn)
    exercise_ids = {
        name: ex_id
        for ex_id, name in conn.execute("SELECT id, name FROM exercise WHERE athlete_id IS NULL")
    }
    workouts: list[tuple[object, ...]] = []
    set_rows: list[tuple[object, ...]] = []
    bodyweights: list[tuple[object, ...]] = []
    first_day: dt.date | None = None

    def flush() -> None:
        conn.executemany(
            "INSERT INTO workout (id, athlete_id, date, started_at, name, notes)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            workouts,
        )
        conn.executemany(
            "INSERT INTO workout_set (id, athlete_id, workout_id, exercise_id, position, kind,"
            " side, weight_kg, reps, seconds, rpe, note, logged_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            set_rows,
        )
        workouts.clear()
        set_rows.clear()

    with conn:  # one transaction
        workout_id = set_id = 0
        for item in history(catalog, sets, seed, end):
            if not isinstance(item, Session):
                bodyweights.append((athlete_id, item[0].isoformat(), item[1]))
                continue
            workout_id += 1
            first_day = first_day or item.started_at.date()
            workouts.append(
                (
                    workout_id,
                    athlete_id,
                    item.started_at.date().isoformat(),
                    _stamp(item.started_at),
                    item.name,
                    item.notes,
                )
            )
            for position, s in enumerate(item.sets, start=1):
                set_id += 1
                logged = item.started_at + dt.timedelta(seconds=75 * position)
                set_rows.append(
                    (
                        set_id,
                        athlete_id,
                        workout_id,
                        exercise_ids[s.exercise],
                        position,
                        s.kind,
                        s.side,
                        s.weight_kg,
                        s.reps,
                        s.seconds,
                        s.rpe,
                        s.note,
                        _stamp(logged),
                    )
                )
            if len(set_rows) >= _BATCH:
                flush()
        flush()
        conn.executemany(
            "INSERT INTO bodyweight (athlete_id, date, kg) VALUES (?, ?, ?)", bodyweights
        )
        assert first_day is not None
        conn.executemany(
            "INSERT INTO race (athlete_id, name, date, priority) VALUES (?, ?, ?, ?)",
            [
                (athlete_id, r.name, r.date.isoformat(), r.priority)
                for r in race_calendar(first_day.year, end.year + 1)
                if r.date >= first_day
            ],
        )
        conn.execute(
            "UPDATE athlete SET run_template = ?, created_at = ? WHERE id = ?",
            (
                json.dumps({str(k): v for k, v in RUN_TEMPLATE.items()}),
                f"{first_day.isoformat()} 08:00:00",
                athlete_id,
            ),
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _strong_duration(minutes: int) -> str:
    return f"{minutes // 60}h {minutes % 60}m" if minutes >= 60 else f"{minutes}m"


def _strong_rows(session: Session) -> Iterator[list[str]]:
    order: dict[str, int] = {}
    minutes = 20 + 2 * len(session.sets)
    for s in session.sets:
        name = STRONG_NAMES.get(s.exercise, s.exercise)
        order[name] = order.get(name, 0) + 1
        yield [
            session.started_at.strftime("%Y-%m-%d %H:%M:%S"),
            session.name,
            _strong_duration(minutes),
            name,
            str(order[name]),
            f"{s.weight_kg:g}",
            str(s.reps or 0),
            "0",
            str(s.seconds or 0),
            s.note,
            session.notes,
            "" if s.rpe is None else f"{s.rpe:g}",
        ]


def write_strong_csv(path: Path, rows: int, *, seed: int = DEFAULT_SEED, end: dt.date) -> None:
    """A Strong export (comma form, kg) of exactly `rows` sets."""
    catalog = catalog_info()
    # Strong users also do lifts we don't ship: those become the athlete's own exercises
    bench = LoggedSet("Bench Press (Barbell)", "work", None, 50.0, 8, None, None, "")
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(STRONG_HEADER)
        written = 0
        for item in history(catalog, rows, seed, end):
            if not isinstance(item, Session):
                continue
            sets = item.sets
            if item.started_at.toordinal() % 5 == 0 and len(sets) > 3:
                sets = [*sets[:-3], bench, bench, bench]  # same row count, one lift swapped
            for row in _strong_rows(Session(item.started_at, item.name, item.notes, sets)):
                writer.writerow(row)
                written += 1
    assert written == rows, (written, rows)


def _cached(name: str, make: object) -> Path:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    target = DATA_DIR / name
    if not target.exists():
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        make(tmp)  # type: ignore[operator]
        tmp.replace(target)
    return target


def history_file(sets: int, *, seed: int = DEFAULT_SEED, end: dt.date | None = None) -> Path:
    """The cached database holding `sets` sets ending before `end` (default today)."""
    from liftlog.store.db import HEAD_REVISION

    end = end or dt.date.today()
    name = f"history-{sets}-s{seed}-{end.isoformat()}-g{GENERATOR_VERSION}-m{HEAD_REVISION}.sqlite3"
    return _cached(name, lambda tmp: write_history(tmp, sets, seed=seed, end=end))


def strong_file(rows: int, *, seed: int = DEFAULT_SEED, end: dt.date | None = None) -> Path:
    """The cached Strong CSV export of `rows` sets."""
    end = end or dt.date.today()
    name = f"strong-{rows}-s{seed}-{end.isoformat()}-g{GENERATOR_VERSION}.csv"
    return _cached(name, lambda tmp: write_strong_csv(tmp, rows, seed=seed, end=end))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--sets", type=int, help="write a liftlog database with this many sets")
    what.add_argument("--strong-rows", type=int, help="write a Strong CSV with this many rows")
    parser.add_argument("out", type=Path, metavar="OUT")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--end", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the history ends the day before (default today)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} exists; pick a new file name")
    began = time.perf_counter()
    if args.sets is not None:
        write_history(args.out, args.sets, seed=args.seed, end=args.end)
        conn = sqlite3.connect(args.out)
        first, last, workouts = conn.execute(
            "SELECT min(date), max(date), count(*) FROM workout"
        ).fetchone()
        conn.close()
        what_ = f"{args.sets} sets in {workouts} workouts, {first} to {last}"
    else:
        write_strong_csv(args.out, args.strong_rows, seed=args.seed, end=args.end)
        what_ = f"{args.strong_rows} Strong rows"
    print(f"{args.out}: {what_} ({time.perf_counter() - began:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
