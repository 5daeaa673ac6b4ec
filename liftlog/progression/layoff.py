"""R20: how long a lift has been away, not counting the days the calendar kept it away.

g = days since the lift's last session, minus the days inside an A race's STOP and
RECOVERY windows (R17, R18) and a B race's no-session days (D−4 … D, and the day after
it, R21): a lift the season told the athlete to leave alone was not laid off. The fold
(replaying a session) and the plan (prescribing one) both ask `days_away`, so a session
is judged the same way live and in every replay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from .constants import B_NONE_FROM_DAYS, B_REST_DAYS_AFTER, RECOVERY_DAYS
from .model import Race
from .season import clamp_stop_days

Window = tuple[dt.date, dt.date]  # first and last day, inclusive


@lru_cache(maxsize=32)
def _off_windows(races: tuple[Race, ...], stop_days: int) -> tuple[Window, ...]:
    """The days no session is prescribed because of a race, as merged windows."""
    windows: list[Window] = []
    for race in races:
        if race.priority == "A":
            first = race.date - dt.timedelta(days=stop_days)
            last = race.date + dt.timedelta(days=RECOVERY_DAYS)
        elif race.priority == "B":
            first = race.date - dt.timedelta(days=B_NONE_FROM_DAYS)
            last = race.date + dt.timedelta(days=B_REST_DAYS_AFTER)
        else:
            continue
        windows.append((first, last))
    windows.sort()
    merged: list[Window] = []
    for first, last in windows:
        if merged and first <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return tuple(merged)


def days_away(
    last: dt.date | None, day: dt.date, races: Sequence[Race] = (), stop_days: int | None = None
) -> int | None:
    """R20's g: days from `last` to `day` minus the race days in between; None if never done."""
    if last is None:
        return None
    gap = (day - last).days
    if gap <= 1 or not races:
        return gap
    lo, hi = last + dt.timedelta(days=1), day - dt.timedelta(days=1)
    for first, end in _off_windows(tuple(races), clamp_stop_days(stop_days)):
        if end < lo or first > hi:
            continue
        gap -= (min(end, hi) - max(first, lo)).days + 1
    return gap
