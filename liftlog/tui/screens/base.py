"""What every top-level screen shares: the navigation bar, the footer, reading the
database from a worker, and reloading when the data changed while it was hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer

from liftlog.service import AthleteRow
from liftlog.tui.widgets.nav import NavBar
from liftlog.tui.writer import Write

if TYPE_CHECKING:
    from liftlog.service.log import Log
    from liftlog.tui.app import LiftlogApp


class LiftlogScreen(Screen[None]):
    """A mode's screen. Subclasses compose their body and implement `reload`."""

    MODE: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__()
        self._seen_version = -1

    @property
    def liftlog(self) -> LiftlogApp:
        from liftlog.tui.app import LiftlogApp

        app = self.app
        assert isinstance(app, LiftlogApp)
        return app

    def compose_chrome_top(self) -> ComposeResult:
        yield NavBar(self.MODE)

    def compose_chrome_bottom(self) -> ComposeResult:
        yield Footer()

    @property
    def logbook(self) -> Log:
        """The opened log every service call takes."""
        return self.liftlog.logbook

    def write(self, job: Write, what: str = "that") -> None:
        """Queue a write on the app's one writer; its message comes back to this screen."""
        self.liftlog.writer.submit(job, self, what)

    class Saved(Message):
        """A write of this screen is on disk: `what` to tell the athlete (may be empty)."""

        def __init__(self, what: str, athlete: AthleteRow | None = None) -> None:
            super().__init__()
            self.what = what
            self.athlete = athlete

    def saved(self, athlete: AthleteRow | None = None) -> None:
        """After this screen wrote: tell the app, and don't reload for our own write."""
        self.liftlog.data_changed(athlete=athlete)
        self._seen_version = self.liftlog.data_version

    def on_screen_resume(self) -> None:
        self.liftlog.show_rest()  # the rest clock may have stopped while hidden
        if self._seen_version != self.liftlog.data_version:
            self._seen_version = self.liftlog.data_version
            self.reload()

    def reload_now(self) -> None:
        """Read again at once, on view (another program changed the log)."""
        self._seen_version = self.liftlog.data_version
        self.reload()

    def reload(self) -> None:
        """Read what the screen shows (start a worker); called when shown and stale."""
