"""The app's eye on the log file: what other programs write shows up without a restart,
and a log deleted or replaced under the app is reported at once.

Once a second, while no write of the app is queued, a worker asks `LogWatch` whether
another program committed (the CLI, a second window, an import). When one did, the
app refreshes the athlete, marks every screen stale and reloads the one on view, so
Today shows sets logged elsewhere as done and Enter moves on instead of logging them
twice. A reload that overlapped one of the app's own writes may have read the log
just before it: the screen is read once more after such a write. When the file was
deleted or replaced (a sync tool, `rm`), the app says so once, in an error that stays;
every write after that is refused by the store and shown as not saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from liftlog.errors import LiftlogError
from liftlog.service.watch import LogWatch

if TYPE_CHECKING:
    from liftlog.tui.app import LiftlogApp

#: How often the app looks at the log (seconds): soon enough to see a set logged in
#: another window before the next one is; a look costs one PRAGMA (our choice).
WATCH_INTERVAL_S = 1.0
#: How long the "log deleted or replaced" error stays on screen (seconds).
GONE_NOTICE_S = 3600.0


class LogChanged(Message):
    """Another program wrote to the log."""


class LogGone(Message):
    """The log's file was deleted or replaced: `reason` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class Watcher:
    """Looks at the log on a timer (started by the app once it is mounted)."""

    def __init__(self, app: LiftlogApp) -> None:
        self.app = app
        self.watch = LogWatch(app.logbook)
        app.logbook.after_own_write = self.watch.absorb
        self._note_start()
        self.gone: str | None = None
        self._looking = False
        #: the writer's count of submitted writes when a reload was last triggered,
        #: while that reload may still be reading
        self._reload_armed: int | None = None

    def _note_start(self) -> None:
        """The log as it is before the app first reads it: a write from now on is seen."""
        try:
            self.watch.look()
        except Exception:  # gone already, or busy: the first tick will tell
            return

    def start(self) -> None:
        self.app.set_interval(WATCH_INTERVAL_S, self.tick, name="liftlog-watch")
        log = self.app.logbook
        if log.db.read_only:  # said before the first set is refused
            self.app.notify(
                f"{log.path} is read-only: liftlog can show it but not change it.",
                title="Read-only log",
                severity="warning",
                timeout=GONE_NOTICE_S,
            )

    def tick(self) -> None:
        """On the UI thread: look, unless the app is writing or already looking."""
        if self.gone is not None or self._looking or self.app.writer.busy:
            return
        self._recheck_overlap()
        self._looking = True
        self.app.run_worker(
            self._look, thread=True, group="liftlog-watch", exit_on_error=False,
            name="liftlog-watch",
        )  # fmt: skip

    def _look(self) -> None:
        """On a worker thread: one look; its outcome is posted to the app."""
        try:
            changed = self.watch.look()
            if changed:
                self.app.logbook.refresh()
        except LiftlogError:  # deleted or replaced: say why
            reason = self.watch.problem() or "the log cannot be read any more"
            self.app.post_message(LogGone(reason))
            return
        except Exception:  # busy, say: look again at the next tick
            return
        finally:
            self._looking = False
        if changed:
            self.app.post_message(LogChanged())

    def changed(self) -> None:
        """On the UI thread, after another program wrote: every screen is stale; the
        one on view reads again now."""
        self.app.data_changed(athlete=self.app.logbook.athlete)
        self._reload_visible()

    def _reload_visible(self) -> None:
        from liftlog.tui.screens.base import LiftlogScreen

        screen = self.app.screen
        if isinstance(screen, LiftlogScreen):  # not under a dialog: it reloads when shown
            screen.reload_now()
            self._reload_armed = self.app.writer.submitted

    def _recheck_overlap(self) -> None:
        """A write submitted while the triggered reload may have been reading: the
        screen may show the log as it was just before that write; read it again."""
        armed = self._reload_armed
        if armed is None:
            return
        screen = self.app.screen
        if any(w.is_running for w in self.app.workers if w.node is screen):
            return  # still reading: decide when it is done
        self._reload_armed = None
        if self.app.writer.submitted != armed:
            self._reload_visible()

    def lost(self, reason: str) -> None:
        """On the UI thread: the file is gone; say so once, in an error that stays."""
        if self.gone is not None:
            return
        self.gone = reason
        self.app.notify(
            f"{reason}. Nothing more can be saved to it: quit (q) and start liftlog again.",
            title="The log is gone",
            severity="error",
            timeout=GONE_NOTICE_S,
        )

    def close(self) -> None:
        self.watch.close()
