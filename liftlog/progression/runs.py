"""R22: runs from a watch or Strava — which were hard, and what they say about the week.

A run is hard when any of: it lasted ≥ 75 min; its average heart rate was ≥ 85% of the
highest heart rate seen in the athlete's runs of the 180 days up to it; Garmin's aerobic
training effect ≥ 3.5 or anaerobic ≥ 2.0; Strava's relative effort ≥ 100 (all our
choices, constants.py). A run on the date of a race on the calendar is that race, and a
race is a hard effort. A day with a hard run is a hard day for R19 whatever the
template says; runs replace the template for the days they cover (a day with a run);
with no template set, the template is inferred from the last 6 weeks of runs: a weekday
is hard when most of its weeks had a hard run, rest when most had no run, else easy.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from .constants import (
    RUN_HARD_AEROBIC_TE,
    RUN_HARD_ANAEROBIC_TE,
    RUN_HARD_HR_SHARE,
    RUN_HARD_MINUTES,
    RUN_HARD_RELATIVE_EFFORT,
    RUN_HR_WINDOW_DAYS,
    RUN_TEMPLATE_WEEKS,
)
from .model import Athlete, Race, Run, RunDay
from .plates import fmt_number

PRIORITY_ORDER = {"A": 0, "B": 1, "C": 2}


class RunVerdict(NamedTuple):
    """One run judged by R22: hard or easy, the reason in words, and the race it was."""

    run: Run
    hard: bool
    reason: str
    race: Race | None = None

    def describe(self) -> str:
        """'Tempo' (48 min, aerobic training effect 3.6 ≥ 3.5) — text from a file, made safe."""
        return f"{run_label(self.run)} ({self.reason})"


def run_label(run: Run) -> str:
    """The run's name (or sport) as plain printable text: it came from a file."""
    text = "".join(ch if ch.isprintable() else " " for ch in (run.name or run.sport)).strip()
    return f"'{text[:40]}'" if text else "a run"


def _peak_hr(run: Run) -> int | None:
    return run.max_hr if run.max_hr is not None else run.avg_hr


def _hard_signs(run: Run, peak: int | None) -> list[str]:
    signs: list[str] = []
    minutes = run.duration_s / 60
    if minutes >= RUN_HARD_MINUTES:
        signs.append(f"{round(minutes)} min ≥ {RUN_HARD_MINUTES}")
    if run.avg_hr is not None and peak:
        share = run.avg_hr / peak
        if share >= RUN_HARD_HR_SHARE:
            signs.append(
                f"average heart rate {run.avg_hr} is {round(share * 100)}% of the highest in "
                f"{RUN_HR_WINDOW_DAYS} days ({peak}), ≥ {round(RUN_HARD_HR_SHARE * 100)}%"
            )
    if run.aerobic_te is not None and run.aerobic_te >= RUN_HARD_AEROBIC_TE:
        signs.append(
            f"aerobic training effect {fmt_number(run.aerobic_te)} ≥ "
            f"{fmt_number(RUN_HARD_AEROBIC_TE)}"
        )
    if run.anaerobic_te is not None and run.anaerobic_te >= RUN_HARD_ANAEROBIC_TE:
        signs.append(
            f"anaerobic training effect {fmt_number(run.anaerobic_te)} ≥ "
            f"{fmt_number(RUN_HARD_ANAEROBIC_TE)}"
        )
    if run.relative_effort is not None and run.relative_effort >= RUN_HARD_RELATIVE_EFFORT:
        signs.append(
            f"relative effort {fmt_number(run.relative_effort)} ≥ "
            f"{fmt_number(RUN_HARD_RELATIVE_EFFORT)}"
        )
    return signs


def classify_runs(runs: Iterable[Run], races: Sequence[Race] = ()) -> tuple[RunVerdict, ...]:
    """Every run, oldest first, hard or easy by R22, with the reason."""
    ordered = sorted(runs, key=lambda r: (r.date, r.start or dt.datetime.min, r.name))
    race_on: dict[dt.date, Race] = {}
    for race in sorted(races, key=lambda r: PRIORITY_ORDER.get(r.priority, 9)):
        race_on.setdefault(race.date, race)
    # the highest heart rate of the runs in the 180 days up to each run: a sliding maximum
    window: deque[tuple[dt.date, int]] = deque()
    pending = deque(ordered)
    out: list[RunVerdict] = []
    for run in ordered:
        while pending and pending[0].date <= run.date:
            nxt = pending.popleft()
            hr = _peak_hr(nxt)
            if hr is None:
                continue
            while window and window[-1][1] <= hr:
                window.pop()
            window.append((nxt.date, hr))
        oldest = run.date - dt.timedelta(days=RUN_HR_WINDOW_DAYS)
        while window and window[0][0] < oldest:
            window.popleft()
        peak = window[0][1] if window else None
        signs = _hard_signs(run, peak)
        if run.date in race_on:
            race = race_on[run.date]
            out.append(RunVerdict(run, True, f"{race.name}, your {race.priority} race", race))
        elif signs:
            out.append(RunVerdict(run, True, "; ".join(signs)))
        else:
            out.append(RunVerdict(run, False, f"{round(run.duration_s / 60)} min, easy by R22"))
    return tuple(out)


def inferred_template(verdicts: Sequence[RunVerdict], day: dt.date) -> dict[int, RunDay]:
    """R22: the week as the runs of the 6 weeks before `day` show it (weekday → kind).

    A weekday's weeks are its dates from the first run of the window on. It is hard when
    most of them had a hard run (a tie is not most), rest when most had no run at all,
    else easy. No runs in the window: no template.
    """
    start = day - dt.timedelta(weeks=RUN_TEMPLATE_WEEKS)
    seen = [v for v in verdicts if start <= v.run.date < day]
    if not seen:
        return {}
    first = min(v.run.date for v in seen)
    ran = {v.run.date for v in seen}
    hard = {v.run.date for v in seen if v.hard}
    template: dict[int, RunDay] = {}
    for weekday in range(7):
        offset = (weekday - first.weekday()) % 7
        dates = [
            first + dt.timedelta(days=offset + 7 * k)
            for k in range(RUN_TEMPLATE_WEEKS + 1)
            if first + dt.timedelta(days=offset + 7 * k) < day
        ]
        if not dates:
            continue
        n = len(dates)
        if 2 * sum(d in hard for d in dates) > n:
            template[weekday] = "hard"
        elif 2 * sum(d not in ran for d in dates) > n:
            template[weekday] = "rest"
        else:
            template[weekday] = "easy"
    return template


class RunWeek(NamedTuple):
    """What R19 knows about each day: hard, easy, rest or unset — and from what."""

    template: Mapping[int, RunDay]  # weekday → kind, set by the athlete or inferred
    inferred: bool
    by_date: Mapping[dt.date, tuple[RunVerdict, ...]]

    def kind(self, day: dt.date) -> tuple[RunDay | None, bool]:
        """(kind, known): a day with runs is what they were; else the template says."""
        verdicts = self.by_date.get(day)
        if verdicts:
            return ("hard" if any(v.hard for v in verdicts) else "easy"), True
        return self.template.get(day.weekday()), bool(self.template)

    def hard_run(self, day: dt.date) -> RunVerdict | None:
        return next((v for v in self.by_date.get(day, ()) if v.hard), None)

    def source(self, day: dt.date) -> str:
        """Why the day has its kind, for the R19 why."""
        run = self.hard_run(day)
        if run is not None:
            return f"R22: your run {run.describe()}"
        if day in self.by_date:
            return "R22: your runs that day were easy"
        if self.inferred:
            return f"R22: your runs of the last {RUN_TEMPLATE_WEEKS} weeks (no template set)"
        return "your run template"


def run_week(athlete: Athlete, races: Sequence[Race], day: dt.date) -> RunWeek:
    """The run week around `day` from the athlete's template and runs (R19, R22)."""
    template: dict[int, RunDay] = {d: k for d, k in athlete.run_template if 0 <= d <= 6}
    verdicts = classify_runs(athlete.runs, races) if athlete.runs else ()
    inferred = False
    if not template and verdicts:
        template = inferred_template(verdicts, day)
        inferred = bool(template)
    by_date: dict[dt.date, tuple[RunVerdict, ...]] = {}
    for v in verdicts:
        by_date[v.run.date] = (*by_date.get(v.run.date, ()), v)
    return RunWeek(template, inferred, by_date)
