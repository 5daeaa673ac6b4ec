"""`import: CSV`: choose a file, see what it would add (a dry run, with a progress bar),
then import it through the app's one writer.

The preview is the very import, rolled back (`service.imports.import_file` with
`dry_run`): the counts, the unit the weights were read in and why, the rows that are not
sets, the new exercises, the invalid rows. A file with invalid rows offers to import the
valid ones. Nothing is written until the athlete says so; the summary lines are the
ones the command line prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static

from liftlog.textsafe import visible_lines
from liftlog.tui.dialogs.form import FormDialog, FormError

if TYPE_CHECKING:
    from liftlog.service.imports import ImportSummary, RowProblem
    from liftlog.tui.app import LiftlogApp
    from liftlog.units import Unit

APPS = (
    ("told from the header", ""),
    ("Strong", "strong"),
    ("Hevy", "hevy"),
    ("FitNotes", "fitnotes"),
    ("Fitbod", "fitbod"),
    ("liftlog", "liftlog"),
)
UNITS = (("what its loads show", ""), ("kg", "kg"), ("lb", "lb"))


class ImportRequest(NamedTuple):
    """The file to import and how (as `liftlog import` takes them)."""

    path: Path
    source: str | None = None
    units: Unit | None = None


class ImportForm(FormDialog[ImportRequest]):
    """Returns the file to read (it must exist) and the app and unit, when given."""

    FORM_TITLE = "Import CSV"

    def fields(self) -> ComposeResult:
        yield Label("A CSV export of Strong, Hevy, FitNotes, Fitbod or liftlog")
        yield Input(placeholder="~/Downloads/strong.csv", id="path")
        yield Label("From")
        yield Select(APPS, value="", allow_blank=False, id="source")
        yield Label("Weights in a file that names no unit")
        yield Select(UNITS, value="", allow_blank=False, id="units")

    def result(self) -> ImportRequest:
        text = self.value("#path")
        if not text:
            raise FormError("Give the file to import.")
        path = Path(text).expanduser()
        if not path.is_file():
            raise FormError(f"{path} is {'a folder' if path.is_dir() else 'not there'}.")
        source = str(self.query_one("#source", Select).value) or None
        units = str(self.query_one("#units", Select).value) or None
        return ImportRequest(path, source, units)  # type: ignore[arg-type]


class ImportDialog(ModalScreen[None]):
    """The preview of an import, then the import itself, each with a progress bar."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Cancel", id="import.cancel", tooltip="Close; import nothing"),
    ]

    class Previewed(Message):
        def __init__(self, summary: ImportSummary) -> None:
            super().__init__()
            self.summary = summary

    class Refused(Message):
        def __init__(self, why: str, problems: list[RowProblem], count: int) -> None:
            super().__init__()
            self.why, self.problems, self.count = why, problems, count

    class Done(Message):
        def __init__(self, summary: ImportSummary | None, error: str = "") -> None:
            super().__init__()
            self.summary, self.error = summary, error

    def __init__(self, request: ImportRequest) -> None:
        super().__init__()
        self.request = request
        self.skip_invalid = False
        self.importing = False

    @property
    def liftlog(self) -> LiftlogApp:
        from liftlog.tui.app import LiftlogApp

        app = self.app
        assert isinstance(app, LiftlogApp)
        return app

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", can_focus=False) as box:
            box.border_title = "Import CSV"
            reading = f"Reading {self.request.path.name} (nothing is written yet)…"
            yield Static(Text(visible_lines(reading)), id="import-status")
            yield ProgressBar(id="import-bar", show_eta=False)
            yield Static("", id="import-preview")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Import the valid rows", id="skip")
                yield Button("Import", variant="primary", id="import", disabled=True)

    def on_mount(self) -> None:
        self.query_one("#skip", Button).display = False
        self.preview()

    def _progress(self, done: int, total: int) -> None:
        self.app.call_from_thread(
            self.query_one(ProgressBar).update, total=max(total, 1), progress=done
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="import-preview")
    def preview(self) -> None:
        """The import, rolled back: exactly what it would do."""
        from liftlog.errors import LiftlogError
        from liftlog.service.imports import ImportRefused, import_file

        request = self.request
        try:
            summary = import_file(
                self.liftlog.logbook, request.path, source=request.source,
                units=request.units, skip_invalid=self.skip_invalid, dry_run=True,
                progress=self._progress,
            )  # fmt: skip
        except ImportRefused as refused:
            self.post_message(self.Refused(str(refused), refused.problems, refused.count))
            return
        except LiftlogError as exc:
            self.post_message(self.Refused(str(exc), [], 0))
            return
        self.post_message(self.Previewed(summary))

    def _show(self, status: str, lines: list[str]) -> None:
        self.query_one("#import-status", Static).update(Text(visible_lines(status)))
        self.query_one("#import-preview", Static).update(Text(visible_lines("\n".join(lines))))

    def on_import_dialog_previewed(self, message: Previewed) -> None:
        from liftlog.service.imports import describe

        summary = message.summary
        lines = describe(summary)[:-1]  # not "Dry run: nothing was written."
        if summary.sets or summary.new_exercises or summary.units_set:
            self._show("Importing this file would do this:", lines)
            self.query_one("#import", Button).disabled = False
            self.query_one("#import", Button).focus()
        else:
            self._show("This file adds nothing to your log:", lines)

    def on_import_dialog_refused(self, message: Refused) -> None:
        from liftlog.service.imports import listed

        if not message.problems:
            self._show(message.why, [])
            return
        rows = "1 invalid row" if message.count == 1 else f"{message.count} invalid rows"
        self._show(
            f"{self.request.path.name} has {rows}; import the valid ones, or fix the file:",
            listed(message.problems, message.count),
        )
        skip = self.query_one("#skip", Button)
        skip.display = True
        skip.focus()

    @on(Button.Pressed, "#skip")
    def _skip_invalid(self) -> None:
        self.skip_invalid = True
        self.query_one("#skip", Button).display = False
        self._show("Reading the file again, without its invalid rows…", [])
        self.preview()

    @on(Button.Pressed, "#import")
    def _import(self) -> None:
        """The import itself, on the app's writer (after any write queued before it)."""
        from liftlog.errors import LiftlogError
        from liftlog.service.imports import import_file

        if self.importing:
            return
        self.importing = True
        self.query_one("#import", Button).disabled = True
        self.query_one(ProgressBar).update(progress=0)
        self._show(f"Importing {self.request.path.name}…", [])
        request, log = self.request, self.liftlog.logbook
        skip_invalid = self.skip_invalid

        def job() -> Message:
            try:
                summary = import_file(
                    log, request.path, source=request.source, units=request.units,
                    skip_invalid=skip_invalid, progress=self._progress,
                )  # fmt: skip
            except LiftlogError as exc:  # the file changed since the preview, say
                return self.Done(None, str(exc))
            return self.Done(summary)

        self.liftlog.writer.submit(job, self, "the import")

    def on_import_dialog_done(self, message: Done) -> None:
        from liftlog.service.imports import describe

        if message.summary is None:
            self.importing = False
            self._show(message.error, [])
            return
        self.liftlog.data_changed(athlete=self.liftlog.logbook.athlete)
        lines = describe(message.summary)
        self.app.notify(visible_lines(lines[0]), title="Imported", markup=False)
        self.dismiss()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        if not self.importing:  # an import under way finishes; its notice says so
            self.dismiss()
