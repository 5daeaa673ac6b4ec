"""`export: CSV`: ask where, then write the whole log with a progress bar; `export: FIT`:
ask which day and where, then write that day's lifting as a Garmin FIT activity.

The form refuses the log's own files at once (`service.transfer.check_target`, the
CLI's rule), and the app asks before an export replaces a file that is there. The
export runs in a worker with a connection of its own (the CSV module reads one
consistent snapshot), so a 20-year log never freezes the screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar, Static

from liftlog.errors import LiftlogError
from liftlog.tui.dialogs.form import FormDialog, FormError
from liftlog.tui.text import plain

if TYPE_CHECKING:
    from liftlog.service.log import Log


def default_export_path(today: dt.date) -> Path:
    return Path.home() / f"liftlog-{today.isoformat()}.csv"


class ExportForm(FormDialog[Path]):
    """Returns the file to write (its folder must exist; never the log itself)."""

    FORM_TITLE = "Export CSV"

    def __init__(self, suggested: Path, log: Log) -> None:
        super().__init__()
        self.suggested = suggested
        self.logbook = log

    def fields(self) -> ComposeResult:
        yield Label("Write every set to this CSV file\n(one row per set, weights in kg and yours)")
        yield Input(str(self.suggested), id="path")

    def result(self) -> Path:
        path = _target(self.value("#path"))
        from liftlog.service.transfer import ExportError, check_target

        try:
            check_target(self.logbook, path)
        except ExportError as exc:
            raise FormError(str(exc)) from None
        return path


def _target(text: str) -> Path:
    """A file to write, as typed: its folder must exist, and it must not be a folder."""
    if not text:
        raise FormError("Give a file name.")
    path = Path(text).expanduser()
    if path.is_dir():
        raise FormError(f"{path} is a folder; add a file name.")
    if not path.parent.is_dir():
        raise FormError(f"The folder {path.parent} does not exist.")
    return path


def default_fit_path(day: dt.date) -> Path:
    return Path.home() / f"liftlog-{day.isoformat()}.fit"


@dataclass(frozen=True)
class FitRequest:
    """The day to write and where; `sets` is how many sets that day holds."""

    day: dt.date
    path: Path
    sets: int


class FitExportForm(FormDialog[FitRequest]):
    """Asks for a day (a session's day when History shows one) and a file; refuses a
    day with nothing logged, a folder that is not there and the log's own files."""

    FORM_TITLE = "Export FIT (Garmin)"

    def __init__(self, day: dt.date, log: Log) -> None:
        super().__init__()
        self.day = day
        self.logbook = log

    def fields(self) -> ComposeResult:
        yield Label("Write one day's lifting as a FIT strength activity\n"
                    "(Garmin Connect: Import Data; Strava: Upload)")  # fmt: skip
        yield Label("Day")
        yield Input(self.day.isoformat(), id="day")
        yield Label("File")
        yield Input(str(default_fit_path(self.day)), id="path")

    def result(self) -> FitRequest:
        from liftlog.inputs import parse_date
        from liftlog.service.strength_fit import strength_session
        from liftlog.service.transfer import ExportError, check_target

        day = parse_date(self.value("#day"), "day")
        typed = self.value("#path")
        if typed == str(default_fit_path(self.day)):  # left as suggested: follow the day
            typed = str(default_fit_path(day))
        path = _target(typed)
        try:
            check_target(self.logbook, path)
        except ExportError as exc:
            raise FormError(str(exc)) from None
        try:
            sets = len(strength_session(self.logbook, day).sets)
        except LiftlogError as exc:  # nothing logged that day
            raise FormError(str(exc)[:1].upper() + str(exc)[1:]) from None
        return FitRequest(day, path, sets)


def replaces_a_file(path: Path) -> bool:
    """True when an export to `path` would replace a file that is there (a device
    or a pipe is written through, not replaced)."""
    target = path.resolve()
    return target.is_file()


class ExportProgress(ModalScreen[None]):
    """Shows the rows written so far; closes itself when the file is complete."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Hide", id="export.hide", tooltip="Hide; the export goes on"),
    ]

    class Done(Message):
        def __init__(self, rows: int, path: Path) -> None:
            super().__init__()
            self.rows, self.path = rows, path

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Exporting"
            yield Static(plain(f"Writing {self.path}"))
            yield ProgressBar(id="export-bar", show_eta=False)

    def on_mount(self) -> None:
        self.export()

    def _progress(self, done: int, total: int) -> None:
        self.app.call_from_thread(
            self.query_one(ProgressBar).update, total=max(total, 1), progress=done
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def export(self) -> None:
        from liftlog.service.transfer import export_csv_file
        from liftlog.tui.app import LiftlogApp

        app = self.app
        assert isinstance(app, LiftlogApp)
        try:
            rows = export_csv_file(app.logbook, self.path, self._progress)
        except BaseException:
            app.call_from_thread(self.dismiss)
            raise
        self.post_message(self.Done(rows, self.path))

    def on_export_progress_done(self, message: Done) -> None:
        self.app.notify(f"{message.rows} sets written to {message.path}.", title="Exported")
        self.dismiss()

    def action_close(self) -> None:
        self.dismiss()
