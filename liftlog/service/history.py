"""The history as the History screen reads it: sessions page by page, and one
exercise's sessions, trend and records (R11, R12). The reads and their row types are
`liftlog.store.history`'s; these open a connection of the calling thread's."""

from __future__ import annotations

from liftlog.service.log import Log
from liftlog.store import history as store
from liftlog.store.history import (
    PAGE_SIZE,
    Cursor,
    ExerciseHistory,
    ExerciseKind,
    ExerciseRecords,
    ExerciseSession,
    SessionSets,
    SetLine,
    TrendPoint,
)

__all__ = [
    "PAGE_SIZE",
    "Cursor",
    "ExerciseHistory",
    "ExerciseKind",
    "ExerciseRecords",
    "ExerciseSession",
    "SessionSets",
    "SetLine",
    "TrendPoint",
    "exercise_history",
    "exercise_sessions_page",
    "exercises_with_history",
    "sessions_page",
]


def sessions_page(
    log: Log, after: Cursor | None = None, limit: int = PAGE_SIZE
) -> tuple[list[SessionSets], Cursor | None]:
    """One page of sessions, newest first, and where the next one starts (None: the end)."""
    with log.reading() as conn:
        return store.sessions_page(conn, log.athlete_id, after=after, limit=limit)


def exercises_with_history(log: Log) -> list[tuple[int, str]]:
    """(id, name) of the exercises with at least one set, by name."""
    with log.reading() as conn:
        return store.exercises_with_history(conn, log.athlete_id)


def exercise_history(log: Log, exercise_id: int) -> ExerciseHistory:
    """An exercise's newest sessions, its trend and its records."""
    with log.reading() as conn:
        return store.load_exercise_history(conn, log.athlete_id, exercise_id)


def exercise_sessions_page(
    log: Log, exercise_id: int, kind: ExerciseKind, after: Cursor
) -> tuple[list[ExerciseSession], Cursor | None]:
    """The next page of an exercise's sessions, newest first."""
    with log.reading() as conn:
        return store.exercise_sessions_page(
            conn, log.athlete_id, exercise_id, kind=kind, after=after
        )
