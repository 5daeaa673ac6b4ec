"""A small, fixed training history for snapshots: eight weeks before TODAY."""

from __future__ import annotations

import datetime as dt

from liftlog.commands.common import Context
from liftlog.setgrammar import parse_set

from .conftest import TODAY


def seed_history(ctx: Context) -> None:
    """Twice-weekly sessions of squat, deadlift, push-ups, plank and split squats,
    a bodyweight a week, an A race in 70 days (SPECIFIC season) and a B race."""
    from liftlog.store.writes import add_race, log_sets, set_bodyweight

    names = {row.name: row.id for row in ctx.exercises()}
    start = TODAY - dt.timedelta(weeks=8)
    with ctx.db.session() as session:
        for week in range(8):
            monday = start + dt.timedelta(weeks=week)
            set_bodyweight(session, athlete_id=1, date=monday, kg=72.0 - week * 0.25)
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
                        session,
                        athlete_id=1,
                        exercise_id=names[name],
                        date=day,
                        sets=[("warmup", parse_set(s)) for s in warm]
                        + [("work", parse_set(s)) for s in work],
                    )
        add_race(session, athlete_id=1, name="Spring Marathon", priority="A",
                 date=TODAY + dt.timedelta(days=70))  # fmt: skip
        add_race(session, athlete_id=1, name="City 10K", priority="B",
                 date=TODAY + dt.timedelta(days=30))  # fmt: skip
        add_race(session, athlete_id=1, name="Club relay", priority="C",
                 date=TODAY + dt.timedelta(days=12))  # fmt: skip
    ctx.conn.execute(
        "UPDATE athlete SET run_template = ?",
        ('{"1": "hard", "2": "easy", "3": "rest", "4": "hard", "5": "easy", "6": "hard"}',),
    )
    ctx.conn.commit()
