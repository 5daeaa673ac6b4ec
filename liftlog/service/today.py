"""Today's session as the Today screen works it: the prescription's sets, in order,
each with what was logged against it so far. Data and functions, no Textual.

`load_today` runs in a worker: it asks the coach for the day's prescription (never the
rules directly), reads the sets already logged today and matches them to the
prescribed ones, so the cursor can start on the first set not yet done, even after a
restart. Exercises logged today that the coach did not prescribe are added with their
own prescription, or free-form (no prescription) on a day without lifting. Each
exercise ends with an open slot for one more set, typed in the SET grammar, and
carries its last session before the day ("last time").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from liftlog.progression import DayPrescription, ExercisePrescription
from liftlog.progression.plates import Loader, default_plates_kg, plate_breakdown
from liftlog.service.coach import prescription_for, session_dates
from liftlog.service.log import Log
from liftlog.service.runs import hard_run_on
from liftlog.store.db import Connection
from liftlog.store.exercises import list_exercises
from liftlog.store.records import last_session
from liftlog.store.rows import AthleteRow, ExerciseRow, SetRow
from liftlog.store.sets import sets_on_day
from liftlog.units import from_kg


@dataclass(slots=True)
class DoneSet:
    """A set in the log: what was actually lifted."""

    set_id: int
    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None = None
    note: str = ""


@dataclass(slots=True)
class PlannedSet:
    """One prescribed set (or an extra logged one) of today's session."""

    key: int  # unique within the session: the row of the set list
    exercise: str
    exercise_id: int
    kind: str  # "warmup" | "work"
    number: int  # 1-based, within its kind (per side for unilateral work)
    side: str | None
    weight_kg: float
    low: int | None  # reps (or seconds for a timed set) prescribed
    high: int | None
    timed: bool
    match_weaker: bool = False  # R11: the target is what the other side just did
    done: DoneSet | None = None
    pending: bool = False  # written to the queue, not yet confirmed by the database
    extra: bool = False  # a set beyond the prescription (the open slot, or one logged there)

    @property
    def is_open(self) -> bool:
        """Not logged, nor being logged."""
        return self.done is None and not self.pending

    @property
    def target(self) -> int | None:
        """What Enter logs: the top of the prescribed range."""
        return self.high if self.high is not None else self.low


@dataclass(frozen=True, slots=True)
class LastTime:
    """An exercise's last session before the day: its date and its sets but warm-ups."""

    date: dt.date
    sets: tuple[SetRow, ...]


@dataclass(slots=True)
class ExerciseBlock:
    """One exercise of the day: its prescription (None: logged free-form) and its sets
    in lifting order, the last one the open slot for one more."""

    prescription: ExercisePrescription | None
    row: ExerciseRow
    sets: list[PlannedSet] = field(default_factory=list)
    last: LastTime | None = None

    @property
    def rest_s(self) -> tuple[int, int]:
        """The rest after a work set: prescribed, else our default for sets typed in."""
        return self.prescription.rest_s if self.prescription is not None else FREE_REST_S


@dataclass(slots=True)
class TodayView:
    """Everything the Today screen shows."""

    date: dt.date
    day: DayPrescription
    blocks: list[ExerciseBlock]
    sessions_this_week: int
    athlete: AthleteRow
    after_run: str | None = None  # today's hard run (R22), described: lift after it (R19)

    def sets(self) -> list[PlannedSet]:
        return [s for block in self.blocks for s in block.sets]

    def first_open(self) -> PlannedSet | None:
        """The first prescribed set not yet logged (the cursor starts there); else the
        open slot of the last exercise."""
        order = self.sets()
        found = next((s for s in order if s.is_open and not s.extra), None)
        return found or next((s for s in reversed(order) if s.is_open), None)

    def prescribed_left(self) -> int:
        """Prescribed sets not yet logged (0: the session is done)."""
        return sum(1 for s in self.sets() if s.is_open and not s.extra)


def loader_for(athlete: AthleteRow) -> Loader:
    """The athlete's bar and plates in their own unit (R9), for plate breakdowns."""
    plates = athlete.plates_kg or default_plates_kg(athlete.units)
    return Loader(
        athlete.units,
        from_kg(athlete.bar_kg, athlete.units),
        tuple((from_kg(size, athlete.units), pairs) for size, pairs in plates),
    )


def plates_per_side(athlete: AthleteRow, weight_kg: float) -> tuple[float, ...] | None:
    """The plates on each side of the bar for a barbell load, in the athlete's unit."""
    loader = loader_for(athlete)
    return plate_breakdown(loader.to_units(weight_kg), loader.bar, loader.plates)


#: Rest after a set of an exercise that was not prescribed today (our choice).
FREE_REST_S = (60, 120)


class _Keys:
    def __init__(self) -> None:
        self.next = 0

    def __call__(self) -> int:
        self.next += 1
        return self.next


def build_block(
    prescription: ExercisePrescription | None, row: ExerciseRow, keys: _Keys | None = None
) -> ExerciseBlock:
    """The sets of one exercise: warm-ups, then work sets in lifting order, then the
    open slot for a set beyond them (the only row of an exercise not prescribed)."""
    keys = keys or _Keys()
    block = ExerciseBlock(prescription, row)
    timed = row.measure == "seconds"
    if prescription is not None:
        for n, warm in enumerate(prescription.warmup, 1):
            block.sets.append(
                PlannedSet(keys(), row.name, row.id, "warmup", n, None, warm.weight_kg,
                           warm.reps, warm.reps, timed)
            )  # fmt: skip
        counts: dict[str | None, int] = {}
        for work in prescription.work:
            counts[work.side] = counts.get(work.side, 0) + 1
            low, high = (
                (work.seconds_min, work.seconds_max) if timed else (work.reps_min, work.reps_max)
            )
            block.sets.append(
                PlannedSet(keys(), row.name, row.id, "work", counts[work.side], work.side,
                           work.weight_kg, low, high, timed, work.match_weaker)
            )  # fmt: skip
    add_open_slot(block, keys)
    return block


def _slot_load(block: ExerciseBlock) -> float:
    """The load an open slot offers: the last work set's of today, else the
    prescription's, else last time's heaviest, else the exercise's start load."""
    done = [s.done.weight_kg for s in block.sets if s.done is not None and s.kind != "warmup"]
    if done:
        return done[-1]
    work = [s.weight_kg for s in block.sets if s.kind == "work" and not s.extra]
    if work:
        return work[-1]
    if block.last is not None and block.last.sets:
        return max(s.weight_kg for s in block.last.sets)
    return block.row.start_load_kg or 0.0


def add_open_slot(block: ExerciseBlock, keys: Callable[[], int]) -> PlannedSet:
    """Give the block its open slot (the row where a set beyond the prescription is
    typed) when it has none; the slot."""
    for s in block.sets:
        if s.extra and s.is_open:
            s.weight_kg = _slot_load(block)
            return s
    number = 1 + sum(1 for s in block.sets if s.kind == "work")
    slot = PlannedSet(
        keys(), block.row.name, block.row.id, "work", number, None, _slot_load(block),
        None, None, block.row.measure == "seconds", extra=True,
    )  # fmt: skip
    block.sets.append(slot)
    return slot


def attach_logged(block: ExerciseBlock, logged: list[tuple[str, str | None, DoneSet]],
                  keys: _Keys) -> None:  # fmt: skip
    """Mark the block's sets done by today's logged sets (kind, side, set), in order;
    sets beyond the prescription become extra rows before the open slot."""
    for kind, side, done in logged:
        slot = next(
            (s for s in block.sets
             if s.done is None and not s.extra and s.kind == kind
             and (s.side == side or kind == "warmup")),
            None,
        )  # fmt: skip
        if slot is None:
            number = 1 + sum(1 for s in block.sets if s.kind == kind and s.side == side
                             and not (s.extra and s.is_open))  # fmt: skip
            slot = PlannedSet(
                keys(), block.row.name, block.row.id, kind, number, side, done.weight_kg,
                done.reps, done.reps, block.row.measure == "seconds", extra=True,
            )  # fmt: skip
            position = max(
                (i for i, s in enumerate(block.sets) if s.kind == kind and not s.is_open),
                default=-1,
            )
            if position < 0:
                position = max((i for i, s in enumerate(block.sets) if not s.extra), default=-1)
            block.sets.insert(position + 1, slot)
        slot.done = done
    add_open_slot(block, keys)
    apply_matching(block)


def apply_matching(block: ExerciseBlock) -> None:
    """R11: a side that matches the weaker one aims for the reps the weaker side just did."""
    previous: PlannedSet | None = None
    for s in block.sets:
        if s.kind != "work" or s.extra:
            continue
        if s.match_weaker and s.done is None and previous is not None and previous.done:
            amount = previous.done.seconds if s.timed else previous.done.reps
            if amount is not None:
                s.low = s.high = amount
        previous = s


def rematch(block: ExerciseBlock) -> None:
    """After an undo: a matched side aims at its prescription again, then R11 matching
    is applied to what is still logged."""
    work = block.prescription.work if block.prescription is not None else ()
    for other in block.sets:
        if other.match_weaker and other.done is None:
            original = next((w for w in work if w.side == other.side), None)
            if original is not None:
                other.low, other.high = (
                    (original.seconds_min, original.seconds_max)
                    if other.timed
                    else (original.reps_min, original.reps_max)
                )
    apply_matching(block)


def todays_sets(
    conn: Connection, athlete_id: int, date: dt.date
) -> dict[int, list[tuple[str, str | None, DoneSet]]]:
    """The sets logged on `date` by exercise id, in the order they were logged."""
    found: dict[int, list[tuple[str, str | None, DoneSet]]] = {}
    for row in sets_on_day(conn, athlete_id, date):
        done = DoneSet(row.id, row.weight_kg, row.reps, row.seconds, row.rpe, row.note)
        found.setdefault(row.exercise_id, []).append((row.kind, row.side, done))
    return found


def last_time(
    conn: Connection, athlete_id: int, exercise_id: int, date: dt.date
) -> LastTime | None:
    """The exercise's last session before `date` (its sets but warm-ups), or None."""
    rows = last_session(conn, athlete_id, exercise_id, date)
    if not rows:
        return None
    return LastTime(rows[0].date, tuple(r for r in rows if r.kind != "warmup"))


def sessions_in_week(conn: Connection, athlete_id: int, date: dt.date) -> int:
    """Strength sessions (days with sets that are not warm-ups) from Monday to `date`."""
    monday = date - dt.timedelta(days=date.weekday())
    return sum(1 for d in session_dates(conn, athlete_id, monday) if d <= date)


def load_today(conn: Connection, athlete: AthleteRow, date: dt.date) -> TodayView:
    """The day's session: the coach's prescription with the day's logged sets attached
    (on a day without lifting, every exercise logged that day, free-form)."""
    day = prescription_for(conn, athlete.id, date, pick=False, today=date)
    rows = {row.name: row for row in list_exercises(conn, athlete.id)}
    by_id = {row.id: row for row in rows.values()}
    logged = todays_sets(conn, athlete.id, date)
    keys = _Keys()
    blocks = [build_block(p, rows[p.exercise], keys) for p in day.exercises if p.exercise in rows]
    shown = {block.row.id for block in blocks}
    for ex_id in logged:
        if ex_id in shown or ex_id not in by_id:
            continue
        extra = (
            prescription_for(
                conn, athlete.id, date, exercise=by_id[ex_id].name, pick=False, today=date
            ).exercises
            if day.lift
            else ()
        )
        blocks.append(build_block(extra[0] if extra else None, by_id[ex_id], keys))
    for block in blocks:
        block.last = last_time(conn, athlete.id, block.row.id, date)
        attach_logged(block, logged.get(block.row.id, []), keys)
    hard = hard_run_on(conn, athlete.id, date) if day.lift else None
    after_run = None if hard is None else hard.describe()
    week = sessions_in_week(conn, athlete.id, date)
    return TodayView(date, day, blocks, week, athlete, after_run)


def prescribe_one(
    conn: Connection, athlete: AthleteRow, date: dt.date, row: ExerciseRow, first_key: int
) -> ExerciseBlock:
    """The block for one more exercise added to the day: its prescription, or free-form
    when the coach has none for it that day (a day without lifting)."""
    day = prescription_for(conn, athlete.id, date, exercise=row.name, pick=False, today=date)
    keys = _Keys()
    keys.next = first_key
    block = build_block(day.exercises[0] if day.exercises else None, row, keys)
    block.last = last_time(conn, athlete.id, row.id, date)
    add_open_slot(block, keys)
    return block


def today_view(log: Log, date: dt.date) -> TodayView:
    """`load_today` on a connection of this thread's."""
    with log.reading() as conn:
        return load_today(conn, log.athlete, date)


def add_exercise_block(log: Log, date: dt.date, row: ExerciseRow, first_key: int) -> ExerciseBlock:
    """`prescribe_one` on a connection of this thread's."""
    with log.reading() as conn:
        return prescribe_one(conn, log.athlete, date, row, first_key)


def sessions_this_week(log: Log, date: dt.date) -> int:
    """`sessions_in_week` on a connection of this thread's."""
    with log.reading() as conn:
        return sessions_in_week(conn, log.athlete_id, date)
