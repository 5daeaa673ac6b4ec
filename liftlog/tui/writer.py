"""The app's one writer: every write the screens ask for runs on a single worker
thread, first in, first out.

Sets keep the order they were logged in even when keys come faster than the disk, an
undo never overtakes the set it undoes, and two screens' writes never interleave. A
write is a function of no arguments that returns a `Message` (posted to the screen
that asked) or None; one that raises is reported as a notification, never a crash.
Reads don't come here: they are `exclusive` workers of their screens, where dropping a
stale read is right.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

Write = Callable[[], Message | None]


class WriteFailed(Message):
    """A write raised: `error` says why (shown to the athlete by the app)."""

    def __init__(self, error: BaseException, what: str) -> None:
        super().__init__()
        self.error = error
        self.what = what


class Writer:
    """First in, first out: one worker drains the queue, started when work arrives."""

    def __init__(
        self, app: App[Any], around: Callable[[], AbstractContextManager[None]] | None = None
    ) -> None:
        self._app = app
        #: wraps every write (the log's watcher tells its own writes from others')
        self._around = around or contextlib.nullcontext
        self._jobs: deque[tuple[Write, MessagePump, str]] = deque()
        self._lock = threading.Lock()
        self._draining = False
        #: how many writes were ever submitted (to tell whether one came since)
        self.submitted = 0

    @property
    def busy(self) -> bool:
        """True while writes are queued or running."""
        with self._lock:
            return self._draining or bool(self._jobs)

    def submit(self, write: Write, target: MessagePump, what: str = "that") -> None:
        """Queue `write`; its message (if any) goes to `target` when it is done."""
        with self._lock:
            self._jobs.append((write, target, what))
            self.submitted += 1
            if self._draining:
                return
            self._draining = True
        self._app.run_worker(
            self._drain, thread=True, group="liftlog-writes", exit_on_error=False,
            name="liftlog-writer",
        )  # fmt: skip

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._draining = False
                    return
                write, target, what = self._jobs.popleft()
            try:
                with self._around():
                    message = write()
            except Exception as exc:  # reported, and the next write still runs
                self._app.post_message(WriteFailed(exc, what))
                continue
            if message is not None:
                target.post_message(message)
