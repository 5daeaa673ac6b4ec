"""The summary of a day's session, shown after its last prescribed set: how many sets,
the volume, the records (R12), the time it took, and what changes next time and why.

What changes next time is the coach's answer for the next strength day (R19), read
exercise by exercise, next to today's: nothing here re-derives a rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from liftlog.progression import ExercisePrescription
from liftlog.progression.new_records import RECORD_KINDS, NewRecord
from liftlog.service.coach import prescription_for
from liftlog.service.log import Log
from liftlog.service.records import day_records
from liftlog.store.sets import sets_on_day
from liftlog.units import Unit, format_weight


@dataclass(frozen=True, slots=True)
class ExerciseSummary:
    """One exercise of the session."""

    exercise: str
    sets: int  # work, failure and drop sets
    volume_kg: float  # Σ load × reps of those sets
    records: tuple[NewRecord, ...]
    today: ExercisePrescription | None  # what was prescribed (None: not prescribed)
    next: ExercisePrescription | None  # the coach's for the next session (None: not in it)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """The day's session, and the next one."""

    date: dt.date
    sets: int
    warmups: int
    volume_kg: float
    started: dt.datetime | None  # the first set logged
    ended: dt.datetime | None  # the last one
    exercises: tuple[ExerciseSummary, ...]
    next_date: dt.date | None  # the next strength day (R19)
    next_why: str  # why that day (the season's words when it is far off)

    @property
    def minutes(self) -> int | None:
        """From the first set logged to the last, in whole minutes."""
        if self.started is None or self.ended is None:
            return None
        return round((self.ended - self.started).total_seconds() / 60)

    @property
    def records(self) -> list[tuple[str, NewRecord]]:
        return [(ex.exercise, r) for ex in self.exercises for r in ex.records]


def _when(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def session_summary(log: Log, date: dt.date) -> SessionSummary:
    """The session logged on `date` and what the coach prescribes for the next one."""
    with log.reading() as conn:
        day_sets = sets_on_day(conn, log.athlete_id, date)
        order: dict[int, str] = {}
        for s in day_sets:
            order.setdefault(s.exercise_id, s.exercise)
        counted = [s for s in day_sets if s.kind in RECORD_KINDS]
        following = prescription_for(
            conn, log.athlete_id, date + dt.timedelta(days=1), pick=True, today=date
        )
        exercises = []
        for exercise_id, name in order.items():
            mine = [s for s in counted if s.exercise_id == exercise_id]
            if not mine:
                continue
            records = day_records(conn, log.athlete_id, exercise_id, date, day_sets)
            today = prescription_for(
                conn, log.athlete_id, date, exercise=name, pick=False, today=date
            ).exercises
            nxt = (
                prescription_for(
                    conn, log.athlete_id, following.date, exercise=name, pick=False, today=date
                ).exercises
                if following.lift
                else ()
            )
            exercises.append(
                ExerciseSummary(
                    name,
                    len(mine),
                    sum(s.weight_kg * s.reps for s in mine if s.reps and s.weight_kg > 0),
                    tuple(r for s in mine for r in records.get(s.id, ())),
                    today[0] if today else None,
                    nxt[0] if nxt else None,
                )
            )
    times = [t for t in (_when(s.logged_at) for s in day_sets) if t is not None]
    return SessionSummary(
        date=date,
        sets=len(counted),
        warmups=sum(1 for s in day_sets if s.kind == "warmup"),
        volume_kg=sum(ex.volume_kg for ex in exercises),
        started=min(times, default=None),
        ended=max(times, default=None),
        exercises=tuple(exercises),
        next_date=following.date if following.lift else None,
        next_why=following.why,
    )


def _dose(p: ExercisePrescription, units: Unit) -> str:
    """`3 × 5–8 at 67.5 kg`, `3 × 40 s`, `2 × 10–12 (L then R) at 16 kg`."""
    sides = {w.side for w in p.work if w.side}
    count = len(p.work) // (2 if len(sides) == 2 else 1) if p.work else 0
    first = p.work[0] if p.work else None
    if first is None:
        return "no work sets"
    low, high = (
        (first.seconds_min, first.seconds_max)
        if first.seconds_min is not None
        else (first.reps_min, first.reps_max)
    )
    unit = " s" if first.seconds_min is not None else ""
    amount = f"{low}{unit}" if low == high or high is None else f"{low}–{high}{unit}"
    dose = f"{count} × {amount}" + (" a side" if len(sides) == 2 else "")
    load = p.load_kg if p.load_kg is not None else first.weight_kg
    return dose + (f" at {format_weight(load, units)}" if load and load > 0 else "")


def next_time(ex: ExerciseSummary, units: Unit) -> str:
    """What changes for this exercise next session, and the coach's why."""
    if ex.next is None:
        return "not in the next session's program"
    after = _dose(ex.next, units)
    if ex.today is None:
        return f"{ex.next.phase}: {after} — {ex.next.why}"
    before = _dose(ex.today, units)
    phase = (
        f"{ex.today.phase} → {ex.next.phase}" if ex.today.phase != ex.next.phase else ex.next.phase
    )
    change = f"{before} → {after}" if before != after else f"{after} again"
    return f"{phase}: {change} — {ex.next.why}"
