"""Today's session read in a thread started before the app is built, so reading the
log overlaps Textual's own start-up; the Today screen takes it once."""

from __future__ import annotations

import datetime as dt
import threading

from liftlog.service.log import Log
from liftlog.service.today import TodayView, today_view


class Prefetch:
    """`today_view(log, date)`, computed in the background; `take` it once."""

    def __init__(self, log: Log, date: dt.date) -> None:
        self.date = date
        self._done = threading.Event()
        self._view: TodayView | None = None
        self._error: BaseException | None = None
        self._taken = False
        thread = threading.Thread(
            target=self._run, args=(log, date), name="liftlog-prefetch", daemon=True
        )
        thread.start()

    def _run(self, log: Log, date: dt.date) -> None:
        try:
            self._view = today_view(log, date)
        except BaseException as exc:  # handed to the screen, which reports it
            self._error = exc
        finally:
            self._done.set()

    @property
    def ready(self) -> bool:
        return self._done.is_set() and not self._taken

    def take(self, date: dt.date) -> TodayView | None:
        """The view (waiting for it) the first time, for that date; None after that."""
        if self._taken or date != self.date:
            return None
        self._taken = True
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._view
