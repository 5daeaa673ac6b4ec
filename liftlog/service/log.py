"""Opening a liftlog: the file found, checked, upgraded and brought in step with the
catalog, and the athlete it is kept for. Both front ends start here.

A `Log` owns one connection for the thread that opened it (the command line does all
its work there); any other thread (a TUI worker) reads through a connection of its own
(`reading`), since an SQLite connection is not shared between threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from liftlog.errors import LiftlogError
from liftlog.locations import resolve_db_path
from liftlog.store.athletes import get_athlete
from liftlog.store.catalog import prepare
from liftlog.store.db import Connection, Database, explain_any, is_busy, open_database
from liftlog.store.rows import AthleteRow


@dataclass
class Log:
    """An opened log and its athlete."""

    db: Database
    conn: Connection  # the opening thread's connection
    athlete: AthleteRow
    #: Called after a read also wrote (the coach's cache), so that a watcher of the
    #: file (`service.watch`) knows the change was this program's own.
    after_own_write: Callable[[], None] | None = field(default=None, repr=False)
    _owner: int = field(default_factory=threading.get_ident, repr=False)

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def athlete_id(self) -> int:
        return self.athlete.id

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for this thread: the log's own on the thread that opened it,
        else a new one, closed afterwards."""
        own = threading.get_ident() == self._owner
        conn = self.conn if own else self.db.connect()
        before = conn.total_changes
        try:
            yield conn
        finally:
            if self.after_own_write is not None and conn.total_changes != before:
                self.after_own_write()
            if not own:
                conn.close()

    def refresh(self) -> AthleteRow:
        """Read the athlete again (after a profile change) and keep it."""
        with self.reading() as conn:
            self.athlete = get_athlete(conn, self.athlete.id)
        return self.athlete

    def close(self) -> None:
        self.conn.close()
        self.db.close()


def open_log(path: str | Path | None = None) -> Log:
    """Open (create, upgrade) the log at `path` (`--db`; else LIFTLOG_DB; else the
    per-user default) and make sure the catalog and the athlete are there."""
    db = open_database(resolve_db_path(None if path is None else str(path)))
    conn = db.connect()
    try:
        athlete_id = prepare(conn, db.path, read_only=db.read_only)
        athlete = get_athlete(conn, athlete_id)
    except BaseException:
        conn.close()
        raise
    return Log(db, conn, athlete)


def failure_reason(exc: BaseException, path: Path | None = None) -> str:
    """Why something could not be done, in words for the athlete (no SQL, no driver
    text), without a closing full stop: "the log is busy in another program"."""
    if isinstance(exc, LiftlogError):
        return str(exc).rstrip(". ")
    if is_busy(exc):
        return "the log is busy in another program"
    found = explain_any(path or Path("the log"), exc)
    if found is not None:
        return str(found).rstrip(". ")
    return f"unexpected error ({type(exc).__name__}: {exc})"


def explain_failure(path_arg: str | None, exc: BaseException) -> str | None:
    """One sentence for a database error met half-way (a damaged page, a lock), or None
    when `exc` did not come from the database."""
    found = explain_any(resolve_db_path(path_arg), exc)
    return None if found is None else str(found)
