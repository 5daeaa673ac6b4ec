"""Noticing what other programs do to an open log: their commits, and the file itself
deleted or replaced.

SQLite's `PRAGMA data_version` (`store.db.data_version`) moves on one connection
whenever any *other* connection commits, so it moves for this program's own writes
too (they go through other connections). `LogWatch` keeps one connection for looking
and is told about this program's own writes, around each one (`own_write`); what
moved the version while none of its own writes was under way is another program's.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from liftlog.service.log import Log
from liftlog.store.db import Connection, data_version


class LogWatch:
    """Tells whether another program committed to the log since the last `look`."""

    def __init__(self, log: Log) -> None:
        self.log = log
        self._lock = threading.Lock()
        self._conn: Connection | None = None
        self._seen: int | None = None
        self._foreign = False

    def _version(self) -> int:
        if self._conn is None:
            self._conn = self.log.db.connect()
        return data_version(self._conn)

    def problem(self) -> str | None:
        """Why the log can no longer be written (its file deleted or replaced), or None."""
        identity = self.log.db.identity
        return None if identity is None else identity.problem()

    def look(self) -> bool:
        """True when another program committed to the log since the last look (the
        first look only takes note). Raises StoreError when the file is gone."""
        self.log.db.check_present()
        with self._lock:
            version = self._version()
            changed = self._foreign or (self._seen is not None and version != self._seen)
            self._seen, self._foreign = version, False
        return changed

    @contextmanager
    def own_write(self) -> Iterator[None]:
        """Around one of this program's writes: a change seen before it began is
        another program's; the change it makes is not."""
        self._note_foreign()
        try:
            yield
        finally:
            self.absorb()

    def _note_foreign(self) -> None:
        with self._lock:
            try:
                version = self._version()
            except Exception:  # a gone or busy file: the write itself will say so
                return
            if self._seen is not None and version != self._seen:
                self._foreign = True
            self._seen = version

    def absorb(self) -> None:
        """After a write of this program's own: what it changed is already known."""
        with self._lock:
            try:
                self._seen = self._version()
            except Exception:
                return

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
