"""The liftlog Textual app: modes, global keys, error reporting. Screens live in screens/."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ScreenStackError
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from liftlog.textsafe import visible, visible_lines
from liftlog.tui import compat
from liftlog.tui.rest import RestClock
from liftlog.tui.screens import MODE_BY_NAME
from liftlog.tui.screens import MODES as SCREEN_MODES
from liftlog.tui.watch import LogChanged, LogGone, Watcher
from liftlog.tui.widgets.rest_timer import REST_VIEW
from liftlog.tui.writer import WriteFailed, Writer

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from textual.screen import Screen

    from liftlog.service import AthleteRow
    from liftlog.service.log import Log
    from liftlog.tui.dialogs.export import FitRequest
    from liftlog.tui.prefetch import Prefetch


def _mode_factory(name: str) -> Any:
    return lambda: MODE_BY_NAME[name].screen_class()()


def _commands() -> Any:
    """The command palette's provider, imported when the palette first opens."""
    from liftlog.tui.commands import LiftlogCommands

    return LiftlogCommands


class LiftlogApp(App[int]):
    """Log strength sessions between sets; review the history; plan the season."""

    TITLE = "liftlog"
    CSS_PATH = "app.tcss"
    DEFAULT_MODE = "today"
    MODES: ClassVar[dict[str, Any]] = {mode.name: _mode_factory(mode.name) for mode in SCREEN_MODES}
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                mode.key,
                f"go('{mode.name}')",
                mode.title,
                show=False,
                id=f"go.{mode.name}",
                tooltip=f"Show the {mode.title} screen",
            )
            for mode in SCREEN_MODES
        ),
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="List every key"),
        Binding(
            "ctrl+e",
            "export_csv",
            "Export CSV",
            show=False,
            id="app.export_csv",
            tooltip="Write the whole log to a CSV file",
        ),
        Binding(
            "ctrl+g",
            "export_fit",
            "Export FIT",
            show=False,
            id="app.export_fit",
            tooltip="Write a day's lifting as a Garmin FIT activity (History: that session's)",
        ),
        Binding(
            "ctrl+o",
            "import_csv",
            "Import CSV",
            show=False,
            id="app.import_csv",
            tooltip="Bring in a history from another app's CSV export",
        ),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit liftlog (every set is saved)"),
    ]

    COMMANDS = App.COMMANDS | {_commands}

    def __init__(
        self, log: Log, *, today: dt.date | None = None, prefetch: Prefetch | None = None
    ) -> None:
        super().__init__()
        #: Today's session being read since before the app was built (see `run_app`).
        self.prefetch = prefetch
        self.logbook = log
        self.athlete: AthleteRow = log.athlete
        #: Other programs' writes to the log, and the file deleted or replaced.
        self.watcher = Watcher(self)
        #: Every write of every screen, in order (see `writer`).
        self.writer = Writer(self, around=self.watcher.watch.own_write)
        self._today = today
        #: Bumped after every write, so screens know to reload when shown again.
        self.data_version = 0
        #: After the first paint, load the write path and build History in the
        #: background, so the first set and the first look back don't wait for imports.
        self.warm_up = True
        #: The rest between sets: one clock for every screen (see `tick_rest`).
        self.rest = RestClock()

    def tick_rest(self) -> None:
        """Redraw the rest countdown on the screen in front; ring once when it is over."""
        if not self.rest.running:
            return
        if self.rest.over and not self.rest.rang:
            self.rest.rang = True
            self.bell()
        self.show_rest()

    def show_rest(self) -> None:
        """Redraw every view of the rest clock on the screen in front (after a start,
        a stop, or a tick)."""
        try:
            screen = self.screen
        except ScreenStackError:  # closing: nothing to redraw
            return
        for view in screen.query(f".{REST_VIEW}"):
            refresh = getattr(view, "refresh_clock", None)
            if refresh is not None:
                refresh()

    def start_rest(self, span: tuple[int, int], next_label: str) -> None:
        self.rest.start(span, next_label)
        self.show_rest()

    def stop_rest(self) -> bool:
        """Stop the rest clock; False when it was not running."""
        stopped = self.rest.stop()
        self.show_rest()
        return stopped

    def on_mount(self) -> None:
        self.watcher.start()
        self.set_interval(0.5, self.tick_rest)

    def on_unmount(self) -> None:
        self.watcher.close()

    def on_log_changed(self, _message: LogChanged) -> None:
        self.watcher.changed()

    def on_log_gone(self, message: LogGone) -> None:
        self.watcher.lost(message.reason)

    @property
    def today(self) -> dt.date:
        """The session's date: fixed in tests and snapshots, else the calendar's."""
        return self._today or dt.date.today()

    def action_go(self, mode: str) -> None:
        """Switch to a top-level screen (closing any dialog first)."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.switch_mode(mode)

    def prepare_mode(self, mode: str) -> None:
        """Build a mode's screen ahead of time, hidden, so switching to it is instant."""
        if not compat.mode_started(self, mode) and mode != self.current_mode:
            compat.init_mode(self, mode)

    def action_help(self) -> None:
        from liftlog.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_export_csv(self) -> None:
        """Ask where; ask again before replacing a file that is there; then export."""
        from liftlog.tui.dialogs.export import ExportForm, ExportProgress, default_export_path

        def chosen(path: object) -> None:
            from pathlib import Path

            if isinstance(path, Path):
                target = path
                self._unless_refused(target, lambda: self.push_screen(ExportProgress(target)))

        self.push_screen(ExportForm(default_export_path(self.today), self.logbook), chosen)

    def action_export_fit(self) -> None:
        """Ask which day (History's highlighted session's, else today) and where; ask
        again before replacing a file; then write the FIT file."""
        from liftlog.tui.dialogs.export import FitExportForm, FitRequest
        from liftlog.tui.widgets.session_detail import SessionDetail

        day = self.today
        for detail in self.screen.query(SessionDetail):
            if detail.session is not None:
                day = detail.session.date

        def chosen(request: object) -> None:
            if isinstance(request, FitRequest):
                self._unless_refused(request.path, lambda: self._write_fit(request))

        self.push_screen(FitExportForm(day, self.logbook), chosen)

    def _write_fit(self, request: FitRequest) -> None:
        from liftlog.service.strength_fit import export_fit_file

        def write() -> None:
            sets = export_fit_file(self.logbook, request.day, request.path)
            self.call_from_thread(
                self.notify,
                f"{sets} sets of {request.day.isoformat()} written to {request.path}; upload"
                " it to Garmin Connect (Import Data) or Strava.",
                title="Exported FIT",
            )

        self.run_worker(write, thread=True, exit_on_error=False, group="export-fit")

    def _unless_refused(self, path: Path, then: Callable[[], object]) -> None:
        """`then()`, after asking first when it would replace a file that is there."""
        from liftlog.tui.dialogs.confirm import Confirm
        from liftlog.tui.dialogs.export import replaces_a_file

        if not replaces_a_file(path):
            then()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.push_screen(Confirm(f"{path} is already there. Replace it?"), answered)

    def action_import_csv(self) -> None:
        from liftlog.tui.dialogs.import_dialog import ImportDialog, ImportForm, ImportRequest

        def chosen(request: object) -> None:
            if isinstance(request, ImportRequest):
                self.push_screen(ImportDialog(request))

        self.push_screen(ImportForm(), chosen)

    async def run_screen_action(self, mode: str | None, action: str) -> None:
        """Run an action of a screen (switching to it first) or of the app (mode None)."""
        if mode is None:
            await self.run_action(action)
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        await self.switch_mode(mode)
        await self.run_action(action, self.screen)

    def data_changed(self, *, athlete: AthleteRow | None = None) -> None:
        """Called (on the UI thread) after a write: screens reload when next shown."""
        if athlete is not None:
            self.athlete = athlete
        self.data_version += 1

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification (any screen's, any widget's) shows its text as text: a
        name, a path or an error is never read as markup, and its control characters
        are shown as visible escapes. `markup` is ignored."""
        super().notify(
            visible_lines(message),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_write_failed(self, message: WriteFailed) -> None:
        """A write that could not be made: say so; nothing is shown as saved."""
        from liftlog.service.log import failure_reason

        self.notify(
            f"{failure_reason(message.error)}; it was not saved.",
            title=f"Not saved: {message.what}",
            severity="error",
            timeout=10,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed database job becomes a notification, never a crash."""
        if event.state == WorkerState.ERROR:
            from liftlog.service.log import failure_reason

            error = event.worker.error
            self.notify(
                f"{failure_reason(error)}." if error else "Something went wrong.",
                title="Could not finish that",
                severity="error",
                timeout=8,
            )

    def screen_for_mode(self, mode: str) -> Screen[Any] | None:
        """The mode's base screen if it has been opened."""
        if not compat.mode_started(self, mode):
            return None
        return self.get_screen_stack(mode)[0]


def run_app(log: Log) -> int:
    """Run the TUI until the athlete quits; the exit code for the command line."""
    from liftlog.tui.prefetch import Prefetch

    today = dt.date.today()
    app = LiftlogApp(log, today=None)  # its watcher notes the log as it is: before reading
    app.prefetch = Prefetch(log, today)
    result = app.run()
    return int(result or 0)
