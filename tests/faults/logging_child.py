"""A child process that logs sets one at a time through liftlog's own store code,
printing `id weight_kg reps` of each set the moment its commit returns.

    python -m tests.faults.logging_child DB [--count N] [--batch N] [--tag TEXT]
                                            [--wait-for FILE [--first-start]]

Without --count it logs until it is killed. With --batch it logs N sets on 2026-01-01
in one `log_sets` call (as `liftlog log` does) and prints nothing. With --wait-for it
starts only once that file exists, so two children can start writing at the same moment;
with --first-start too, it waits right after opening (migrating) the database, before
the catalog sync and the athlete, as two first starts meet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import time
from pathlib import Path

from liftlog.store.athletes import ensure_athlete
from liftlog.store.catalog import sync_catalog
from liftlog.store.db import open_database
from liftlog.store.sets import NewSet, log_sets


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--count", type=int, default=0)
    parser.add_argument("--batch", type=int, default=0)
    parser.add_argument("--first-start", action="store_true", help="wait before the catalog")
    parser.add_argument("--tag", default="")
    parser.add_argument("--wait-for", type=Path)
    args = parser.parse_args()
    db = open_database(args.db)
    if args.first_start and args.wait_for is not None:
        # the moment two first starts race: both have migrated, neither has synced
        while not args.wait_for.exists():
            time.sleep(0.001)
    conn = db.connect()
    sync_catalog(conn)
    athlete_id = ensure_athlete(conn)
    (squat,) = conn.execute("SELECT id FROM exercise WHERE name = 'Back Squat'").fetchone()
    conn.close()
    if args.wait_for is not None and not args.first_start:
        while not args.wait_for.exists():
            time.sleep(0.005)
    if args.batch:
        log_sets(
            db,
            athlete_id=athlete_id,
            exercise_id=squat,
            date=dt.date(2026, 1, 1),
            sets=[NewSet("work", 20.0 + i % 40, 5, None, None, None, args.tag)
                  for i in range(args.batch)],
        )  # fmt: skip
        return 0
    numbers = range(1, args.count + 1) if args.count else itertools.count(1)
    for i in numbers:
        weight, reps = 20.0 + (i % 40) * 2.5, 1 + i % 12
        [set_id] = log_sets(
            db,
            athlete_id=athlete_id,
            exercise_id=squat,
            date=dt.date(2026, 1, 1) + dt.timedelta(days=i // 30),
            sets=[NewSet("work", weight, reps, None, None, None, args.tag)],
        )
        print(set_id, weight, reps, flush=True)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
