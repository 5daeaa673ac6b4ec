"""R14–R18: where the athlete is in the season, set by the next A race; B and C races.

The next race of priority A (date D) sets the phase: GENERAL until D−85, SPECIFIC from
D−84 to D−29, TAPER from D−28 until the stop, STOP for the last `stop_days` (default
14) up to race day, RECOVERY from D+1 to D+7. A B race makes D−10…D−5 light (as in
R16) and D−4…D free of lifting; a C race changes nothing. Also the share of the last
52 weeks that had strength sessions ([001] "60-80% of the year").
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple

from .constants import (
    B_LIGHT_FROM_DAYS,
    B_LIGHT_TO_DAYS,
    B_NONE_FROM_DAYS,
    B_REST_DAYS_AFTER,
    RECOVERY_DAYS,
    SESSIONS_PER_WEEK,
    SPECIFIC_FROM_DAYS,
    STOP_DAYS_DEFAULT,
    STOP_DAYS_RANGE,
    TAPER_FACTOR,
    TAPER_FROM_DAYS,
    YEAR_SHARE_WEEKS,
)
from .model import Race
from .words import percent, plural

SeasonPhase = Literal["GENERAL", "SPECIFIC", "TAPER", "STOP", "RECOVERY"]


class SeasonStatus(NamedTuple):
    """The season on one day, and what it means for lifting."""

    phase: SeasonPhase
    race: Race | None  # the next A race (the one setting the season), if any
    days_to_race: int | None
    sessions_per_week: tuple[int, int]
    why: str
    resumes_on: dt.date | None = None  # first lifting day, when today has none
    lift: bool = True  # False in STOP, RECOVERY and a B race's last 4 days
    light: bool = False  # TAPER, or a B race's D−10…D−5 (R16 adjustments)
    b_race: Race | None = None  # the B race that makes today light or free
    rules: tuple[str, ...] = ()


def clamp_stop_days(days: int | None) -> int:
    """R17: the stop is settable from 7 to 28 days (default 14)."""
    lo, hi = STOP_DAYS_RANGE
    return STOP_DAYS_DEFAULT if days is None else min(hi, max(lo, days))


def _a_races(races: Iterable[Race]) -> list[Race]:
    return sorted((r for r in races if r.priority == "A"), key=lambda r: (r.date, r.name))


def _phase_only(day: dt.date, races: Sequence[Race], stop_days: int) -> SeasonStatus:
    a_races = _a_races(races)
    nxt = next((r for r in a_races if r.date >= day), None)
    prev = next((r for r in reversed(a_races) if r.date < day), None)
    days = None if nxt is None else (nxt.date - day).days
    ahead = ""
    if nxt is not None and days is not None:
        when = "today" if days == 0 else f"in {plural(days, 'day')}"
        ahead = f"{nxt.name} (A) on {nxt.date.isoformat()}, {when}"

    def status(
        phase: SeasonPhase, why: str, rule: str, *, lift: bool = True, light: bool = False
    ) -> SeasonStatus:
        per_week = SESSIONS_PER_WEEK[phase]
        return SeasonStatus(phase, nxt, days, per_week, why, lift=lift, light=light, rules=(rule,))

    if nxt is not None and days is not None and days <= stop_days:
        return status(
            "STOP",
            f"R17: {ahead} — no strength in the last {stop_days} days before an A race.",
            "R17",
            lift=False,
        )
    if prev is not None and (day - prev.date).days <= RECOVERY_DAYS:
        since = (day - prev.date).days
        return status(
            "RECOVERY",
            f"R18: {plural(since, 'day')} after {prev.name} — recovery, no "
            f"strength until {RECOVERY_DAYS} days have passed.",
            "R18",
            lift=False,
        )
    if nxt is not None and days is not None and days <= TAPER_FROM_DAYS:
        return status(
            "TAPER",
            f"R16: {ahead} — taper: lighter ({percent(TAPER_FACTOR)} load, one set fewer, reps "
            "at the bottom), "
            f"no load increases.",
            "R16",
            light=True,
        )
    if nxt is not None and days is not None and days <= SPECIFIC_FROM_DAYS:
        return status(
            "SPECIFIC",
            f"R15: {ahead} — race build-up: functional strength (single-leg, plyometric, "
            f"rotational core), the squat once a week.",
            "R15",
        )
    why = (
        f"R14: no A race within {SPECIFIC_FROM_DAYS // 7} weeks"
        + (f" ({ahead})" if nxt else "")
        + " — general strength: squat, deadlift, push-ups, planks."
    )
    return status("GENERAL", why, "R14")


def _with_b_races(status: SeasonStatus, day: dt.date, races: Sequence[Race]) -> SeasonStatus:
    if not status.lift:
        return status
    for race in races:
        after = (day - race.date).days
        if race.priority == "B" and 1 <= after <= B_REST_DAYS_AFTER:
            return status._replace(
                lift=False,
                light=False,
                b_race=race,
                why=f"R21: {race.name} (B) was {'yesterday' if after == 1 else f'{after} days ago'}"
                " — the day after a B race is not a lifting day.",
                rules=(*status.rules, "R21"),
            )
    for race in sorted(
        (r for r in races if r.priority == "B" and r.date >= day), key=lambda r: r.date
    ):
        left = (race.date - day).days
        if left <= B_NONE_FROM_DAYS:
            when = "today" if left == 0 else "tomorrow" if left == 1 else f"in {left} days"
            return status._replace(
                lift=False,
                light=False,
                b_race=race,
                why=f"{race.name} (B) is {when} — no strength session in the last "
                f"{B_NONE_FROM_DAYS} days before a B race.",
            )
        if B_LIGHT_TO_DAYS <= left <= B_LIGHT_FROM_DAYS:
            if status.light:  # already tapering: one lightening is enough
                return status._replace(b_race=race)
            return status._replace(
                light=True,
                b_race=race,
                why=status.why + f" {race.name} (B) is in {left} days: a lighter session (as R16).",
                rules=(*status.rules, "R16"),
            )
    return status


def _first_lifting_day(day: dt.date, races: Sequence[Race], stop_days: int) -> dt.date:
    d = day
    for _ in range(400):
        d += dt.timedelta(days=1)
        if _with_b_races(_phase_only(d, races, stop_days), d, races).lift:
            return d
    return d


def season_status(
    day: dt.date, races: Sequence[Race], stop_days: int | None = None
) -> SeasonStatus:
    """The season on `day` (R14–R18, B and C races); says when lifting resumes if not today."""
    stop = clamp_stop_days(stop_days)
    status = _with_b_races(_phase_only(day, races, stop), day, races)
    if status.lift:
        return status
    resumes = _first_lifting_day(day, races, stop)
    note = " Lifting resumes on " + resumes.isoformat()
    if status.phase in ("STOP", "RECOVERY") and status.b_race is None:
        note += (
            " (R18: after a week of recovery the first session is at 90% of your pre-taper loads)"
        )
    elif status.b_race is not None:
        note += " (R21: the first session after a B race holds every load)"
    return status._replace(resumes_on=resumes, why=status.why + note + ".")


def is_light_or_off(day: dt.date, races: Sequence[Race], stop_days: int | None = None) -> bool:
    """True when a session on `day` must not move the progression (taper, stop, B race)."""
    stop = clamp_stop_days(stop_days)
    status = _with_b_races(_phase_only(day, races, stop), day, races)
    return status.light or (not status.lift and status.phase != "RECOVERY")


def year_share(session_dates: Sequence[dt.date], day: dt.date) -> float:
    """Share of the 52 weeks up to `day` that had at least one strength session.

    `session_dates` must be sorted; week k covers (day − 7(k+1), day − 7k].
    """
    start = day - dt.timedelta(days=7 * YEAR_SHARE_WEEKS)
    lo = bisect.bisect_right(session_dates, start)
    hi = bisect.bisect_right(session_dates, day)
    weeks = {(day - d).days // 7 for d in session_dates[lo:hi]}
    return len(weeks) / YEAR_SHARE_WEEKS
