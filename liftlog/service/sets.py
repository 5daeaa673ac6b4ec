"""Logging sets, undoing and fixing them, and reading them back.

Every set is committed the moment it is logged (`store.sets`). The checks that keep a
set honest — timed or reps as the exercise is measured, a side only for unilateral
work — live here, so the command line and the app refuse the same sets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from liftlog.inputs import SET_KINDS, InputError, ParsedSet, choice, clean_note, parse_set
from liftlog.progression import rest_day_warning
from liftlog.service.log import Log
from liftlog.store import sets as store
from liftlog.store.exercises import get_exercise
from liftlog.store.rows import ExerciseRow, SetRow


@dataclass(frozen=True, slots=True)
class Logged:
    """What `log_sets` wrote, and what the athlete should hear about it."""

    ids: tuple[int, ...]
    exercise: ExerciseRow
    date: dt.date
    warnings: tuple[str, ...]


def parse_sets(texts: Iterable[str], log: Log) -> list[ParsedSet]:
    """SETs as typed (`60x8`, `x12`, `45s`, `L:20x8@8`) in the athlete's unit."""
    return [parse_set(text, log.athlete.units) for text in texts]


def check_fits(exercise: ExerciseRow, parsed: ParsedSet) -> None:
    """A timed set for a timed exercise, reps otherwise; a side only for unilateral work."""
    if parsed.is_timed != (exercise.measure == "seconds"):
        how = "in seconds, e.g. 45s" if exercise.measure == "seconds" else "with reps, e.g. 60x8"
        raise InputError(f"{exercise.name} is logged {how}.")
    if parsed.side and exercise.laterality == "bilateral":
        raise InputError(f"{exercise.name} works both sides at once; drop the L:/R: prefix.")


def day_warnings(log: Log, date: dt.date) -> tuple[str, ...]:
    """R19: what to say about lifting on `date` (a rest day of the runner's week, from
    the template or, without one, the runs), as the coach sees the athlete."""
    from liftlog.service.coach import load_inputs

    with log.reading() as conn:
        athlete = load_inputs(conn, log.athlete_id, runs_from=date).athlete
    warning = rest_day_warning(date, athlete)
    return (warning,) if warning else ()


def log_sets(
    log: Log,
    exercise: ExerciseRow,
    works: Sequence[ParsedSet],
    *,
    date: dt.date,
    warmups: Sequence[ParsedSet] = (),
    kind: str = "work",
    note: str = "",
) -> Logged:
    """Append warm-ups, then work sets (of `kind`), to the day's session; each set is
    committed on its own. Nothing is written when any set is refused."""
    kind = choice(kind, SET_KINDS, "set kind")
    note = clean_note(note)
    for parsed in (*warmups, *works):
        check_fits(exercise, parsed)
    new = [_new("warmup", p, note) for p in warmups] + [_new(kind, p, note) for p in works]
    ids = store.log_sets(
        log.db, athlete_id=log.athlete_id, exercise_id=exercise.id, date=date, sets=new
    )
    return Logged(tuple(ids), exercise, date, day_warnings(log, date))


def _new(kind: str, parsed: ParsedSet, note: str) -> store.NewSet:
    return store.NewSet(
        kind, parsed.weight_kg, parsed.reps, parsed.seconds, parsed.rpe, parsed.side, note
    )


def undo_last(log: Log, date: dt.date) -> SetRow | None:
    """Delete the set logged last on `date`; it, or None when the day has none."""
    with log.reading() as conn:
        last = store.last_set_on(conn, log.athlete_id, date)
    if last is None:
        return None
    store.delete_set(log.db, athlete_id=log.athlete_id, set_id=last.id)
    return last


def get_set(log: Log, set_id: int) -> SetRow:
    with log.reading() as conn:
        found = store.get_set(conn, log.athlete_id, set_id)
    if found is None:
        raise InputError(f"there is no set {set_id} (`liftlog history --json` shows the ids).")
    return found


def delete_set(log: Log, set_id: int) -> SetRow:
    """Delete one logged set, whatever its date; the set that was deleted."""
    found = get_set(log, set_id)
    store.delete_set(log.db, athlete_id=log.athlete_id, set_id=set_id)
    return found


def edit_set(
    log: Log,
    set_id: int,
    exercise: ExerciseRow,
    *,
    parsed: ParsedSet | None = None,
    kind: str | None = None,
    note: str | None = None,
    date: dt.date | None = None,
) -> SetRow:
    """Change a logged set: what was lifted (`parsed`: load, reps or seconds, RPE,
    side), its kind, its note, its day. The set as it is now."""
    changes: dict[str, object] = {}
    if parsed is not None:
        check_fits(exercise, parsed)
        changes.update(
            weight_kg=parsed.weight_kg,
            reps=parsed.reps,
            seconds=parsed.seconds,
            rpe=parsed.rpe,
            side=parsed.side,
        )
    if kind is not None:
        changes["kind"] = choice(kind, SET_KINDS, "set kind")
    if note is not None:
        changes["note"] = clean_note(note)
    if not store.edit_set(
        log.db, athlete_id=log.athlete_id, set_id=set_id, changes=changes, date=date
    ):
        raise InputError(f"there is no set {set_id} (`liftlog history --json` shows the ids).")
    return get_set(log, set_id)


def exercise_of(log: Log, row: SetRow) -> ExerciseRow:
    """The exercise a logged set is of."""
    with log.reading() as conn:
        found = get_exercise(conn, row.exercise_id)
    if found is None:  # a foreign key holds it; a damaged file is the only way here
        raise InputError(f"set {row.id} names an exercise that is not in the log.")
    return found


def edit_as_typed(
    log: Log,
    set_id: int,
    text: str | None,
    *,
    kind: str | None = None,
    note: str | None = None,
    date: dt.date | None = None,
) -> SetRow:
    """`edit_set` with what was lifted as typed in the SET grammar, in the athlete's
    unit (None, empty or `-`: unchanged). A SET without an L:/R: prefix keeps the
    set's side."""
    current = get_set(log, set_id)
    exercise = exercise_of(log, current)
    parsed = None
    if text is not None and text.strip() not in ("", "-"):
        parsed = parse_set(text, log.athlete.units)
        if parsed.side is None and current.side is not None:
            parsed = parsed._replace(side=current.side)
    return edit_set(log, set_id, exercise, parsed=parsed, kind=kind, note=note, date=date)


def history(log: Log, exercise: ExerciseRow | None = None) -> Iterator[SetRow]:
    """Every set (or one exercise's), oldest session first, streamed."""
    with log.reading() as conn:
        yield from store.iter_sets(
            conn, log.athlete_id, exercise_id=None if exercise is None else exercise.id
        )


def sessions(rows: Iterable[SetRow]) -> Iterator[list[SetRow]]:
    """Set rows (ordered by workout) grouped into one list per workout."""
    current: list[SetRow] = []
    for row in rows:
        if current and row.workout_id != current[0].workout_id:
            yield current
            current = []
        current.append(row)
    if current:
        yield current


def sets_on_day(log: Log, date: dt.date) -> list[SetRow]:
    with log.reading() as conn:
        return store.sets_on_day(conn, log.athlete_id, date)


def warm_up() -> None:
    """Import the write path (sqlmodel, SQLAlchemy: a few hundred ms) ahead of the
    first logged set; the app calls it from a thread after its first paint."""
    import liftlog.store.models  # noqa: F401
