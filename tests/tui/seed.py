"""A small, fixed training history for snapshots: eight weeks before TODAY."""

from __future__ import annotations

import datetime as dt

from liftlog.inputs import parse_set
from liftlog.service.exercises import list_exercises
from liftlog.service.log import Log
from liftlog.service.profile import log_bodyweight
from liftlog.service.races import save_race
from liftlog.service.sets import log_sets

from .conftest import TODAY


def seed_history(ctx: Log) -> None:
    """Twice-weekly sessions of squat, deadlift, push-ups, plank and split squats,
    a bodyweight a week, an A race in 70 days (SPECIFIC season) and a B race."""
    rows = {row.name: row for row in list_exercises(ctx)}
    start = TODAY - dt.timedelta(weeks=8)
    for week in range(8):
        monday = start + dt.timedelta(weeks=week)
        log_bodyweight(ctx, 72.0 - week * 0.25, monday)
        for offset in (1, 4):  # Tuesday and Friday
            day = monday + dt.timedelta(days=offset)
            squat = 50 + week * 2.5
            plan = {
                "Back Squat": ([f"{squat * 0.5:g}x8"], [f"{squat:g}x8"] * 3),
                "Deadlift": ([f"{squat * 0.5:g}x8"], [f"{squat + 10:g}x8"] * 3),
                "Push-Up": ([], ["x12", "x11", "x10"]),
                "Plank": ([], ["40s", "35s"]),
                "Split Squat": ([], ["L:10x10", "R:10x12", "L:10x10", "R:10x12"]),
            }
            for name, (warm, work) in plan.items():
                log_sets(
                    ctx,
                    rows[name],
                    [parse_set(s) for s in work],
                    warmups=[parse_set(s) for s in warm],
                    date=day,
                )
    for name, priority, days in (
        ("Spring Marathon", "A", 70),
        ("City 10K", "B", 30),
        ("Club relay", "C", 12),
    ):
        save_race(ctx, name=name, priority=priority, date=TODAY + dt.timedelta(days=days))
    ctx.conn.execute(
        "UPDATE athlete SET run_template = ?",
        ('{"1": "hard", "2": "easy", "3": "rest", "4": "hard", "5": "easy", "6": "hard"}',),
    )
    ctx.conn.commit()
    ctx.refresh()
