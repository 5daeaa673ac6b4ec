"""What every top-level screen shares: the navigation bar, the footer, reading the
database from a worker, and reloading when the data changed while it was hidden."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from liftlog.store.queries import AthleteRow, get_athlete
from liftlog.tui.widgets.nav import NavBar

if TYPE_CHECKING:
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

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection of this worker's own (sqlite3 connections are not shared)."""
        conn = self.liftlog.ctx.db.connect()
        try:
            yield conn
        finally:
            conn.close()

    def read_athlete(self) -> AthleteRow:
        """The athlete as now saved (call from a worker, after a write)."""
        with self.reading() as conn:
            return get_athlete(conn, self.liftlog.athlete.id)

    def saved(self, athlete: AthleteRow | None = None) -> None:
        """After this screen wrote: tell the app, and don't reload for our own write."""
        self.liftlog.data_changed(athlete=athlete)
        self._seen_version = self.liftlog.data_version

    def on_screen_resume(self) -> None:
        if self._seen_version != self.liftlog.data_version:
            self._seen_version = self.liftlog.data_version
            self.reload()

    def reload(self) -> None:
        """Read what the screen shows (start a worker); called when shown and stale."""
