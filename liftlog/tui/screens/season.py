"""The Season screen: the race calendar, the weekly run template, the phase timeline."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static

from liftlog.progression.constants import YEAR_SHARE_TARGET
from liftlog.service import RaceRow
from liftlog.service.season import SeasonView
from liftlog.tui.screens.base import LiftlogScreen
from liftlog.tui.text import cell, visible
from liftlog.tui.widgets.run_strip import RunStrip
from liftlog.tui.widgets.run_week import RunWeek
from liftlog.tui.widgets.season_line import PHASE_STYLE
from liftlog.tui.widgets.timeline import Timeline, legend_content

PRIORITY_STYLE = {"A": "bold $text-error", "B": "$text-warning", "C": "$text-muted"}


#: The races table's columns and widths: with a cell's padding (2) and a scrollbar (2)
#: they fill the 48 columns inside `#races-box` (52, less its border and padding); a
#: longer race name is cut.
RACE_COLUMNS = (("Date", 10), ("Race", 23), ("P", 1), ("In", 4))


class SeasonScreen(LiftlogScreen):
    """Races shape the season (R14–R18); the run week places strength days (R19)."""

    MODE = "season"
    CSS_PATH = "season.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add_race", "Add race", id="season.add_race",
                tooltip="Put a race on the calendar"),
        Binding("e", "edit_race", "Edit race", id="season.edit_race",
                tooltip="Change the highlighted race"),
        Binding("d,delete", "delete_race", "Delete race", id="season.delete_race",
                tooltip="Take the highlighted race off the calendar"),
        Binding("r", "focus_run_week", "Run week", id="season.run_week",
                tooltip="Set each weekday to a hard run, easy run or rest (Space cycles)"),
    ]  # fmt: skip

    class Loaded(Message):
        def __init__(self, view: SeasonView) -> None:
            super().__init__()
            self.view = view

    def __init__(self) -> None:
        super().__init__()
        self.view: SeasonView | None = None

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome_top()
        yield Static("Reading the season…", id="season-now")
        with Horizontal(id="season-body"):
            with Vertical(id="races-box", classes="panel") as races:
                races.border_title = "Races"
                races.border_subtitle = "n add · e edit · d delete"
                table: DataTable[str | Content | Text] = DataTable(id="races", cursor_type="row")
                # the four fit the box beside a vertical scrollbar: no sideways scrolling
                for label, width in RACE_COLUMNS:
                    table.add_column(label, width=width)
                yield table
            with VerticalScroll(id="legend-box", classes="panel") as box:
                box.border_title = "Phases"
                yield Static("", id="legend")
        with Vertical(id="timeline-box", classes="panel") as line:
            line.border_title = "Timeline to a week after the next A race"
            yield Timeline(id="timeline")
        with Vertical(id="run-box", classes="panel") as run:
            run.border_title = "Run week (R19: strength after hard runs)"
            run.border_subtitle = "r, then ← → and Space or H E R"
            yield RunWeek(id="run-week")
            yield RunStrip(id="run-strip")
        yield from self.compose_chrome_bottom()

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="season-load")
    def load(self) -> None:
        from liftlog.service.season import load_season

        self.post_message(self.Loaded(load_season(self.logbook, self.liftlog.today)))

    def on_season_screen_loaded(self, message: Loaded) -> None:
        view = self.view = message.view
        now = view.today
        low, high = YEAR_SHARE_TARGET
        share = Content.styled(
            f"Strength in {round(view.year_share * 100)}% of the last 52 weeks "
            f"(aim {round(low * 100)}–{round(high * 100)}% [001])",
            "$text-muted",
        )
        self.query_one("#season-now", Static).update(
            Content.assemble(
                Content.styled(f"{now.phase}", f"bold {PHASE_STYLE[now.phase]}"),
                f"  {visible(now.why)}\n",
                share,
            )
        )
        table: DataTable[str | Content | Text] = self.query_one("#races", DataTable)
        keep = table.cursor_row
        table.clear()
        today = self.liftlog.today
        for race in view.races:
            days = (race.date - today).days
            when = "past" if days < 0 else f"{days}d" if days < 1000 else f"{days // 7}w"
            table.add_row(
                race.date.isoformat(),
                cell(race.name),
                Content.styled(race.priority, PRIORITY_STYLE.get(race.priority, "")),
                when,
                key=str(race.id),
            )
        if view.races:
            table.move_cursor(row=min(keep, len(view.races) - 1))
        self.query_one(Timeline).show(view.timeline)
        self.query_one("#legend", Static).update(legend_content(view.timeline))
        last = view.timeline[-1].end if view.timeline else today
        self.query_one("#timeline-box").border_subtitle = f"{today:%-d %b} → {last:%-d %b %Y}"
        self.query_one(RunWeek).set_template(view.athlete.run_template)
        self.query_one(RunStrip).show(view.recent, today)

    def _highlighted_race(self) -> RaceRow | None:
        if self.view is None or not self.view.races:
            return None
        row = self.query_one("#races", DataTable).cursor_row
        return self.view.races[row] if 0 <= row < len(self.view.races) else None

    # --- races ---------------------------------------------------------------------

    def action_add_race(self) -> None:
        from liftlog.tui.dialogs.race_form import RaceForm

        self.app.push_screen(RaceForm(None, self.liftlog.today), self._save_race)

    def action_edit_race(self) -> None:
        from liftlog.tui.dialogs.race_form import RaceEntry, RaceForm

        race = self._highlighted_race()
        if race is None:
            self.notify("No race to edit; n adds one.", severity="warning")
            return
        entry = RaceEntry(race.id, race.name, race.date, race.priority)
        self.app.push_screen(RaceForm(entry, self.liftlog.today), self._save_race)

    @on(DataTable.RowSelected, "#races")
    def _row_selected(self) -> None:
        self.action_edit_race()

    def _save_race(self, entry: object) -> None:
        from liftlog.service.races import save_race
        from liftlog.tui.dialogs.race_form import RaceEntry

        if not isinstance(entry, RaceEntry):
            return
        log = self.logbook

        def job() -> Message:
            race = save_race(log, name=entry.name, date=entry.date, priority=entry.priority,
                             race_id=entry.race_id)  # fmt: skip
            return self.Saved(f"{race.name} ({race.priority}) on {race.date}")

        self.write(job, entry.name)

    def action_delete_race(self) -> None:
        from liftlog.tui.dialogs.confirm import Confirm

        race = self._highlighted_race()
        if race is None:
            return

        log = self.logbook

        def job() -> Message:
            from liftlog.service.races import delete_race

            delete_race(log, race.id)
            return self.Saved(f"{race.name} removed")

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(job, race.name)

        self.app.push_screen(Confirm(f"Take {race.name} ({race.date}) off the calendar?"), answered)

    # --- run week ------------------------------------------------------------------

    def action_focus_run_week(self) -> None:
        self.query_one(RunWeek).focus()

    @on(RunWeek.Changed)
    def _run_week_changed(self, event: RunWeek.Changed) -> None:
        log, template = self.logbook, event.template

        def job() -> Message:
            from liftlog.service.profile import save_template

            return self.Saved("", save_template(log, template))

        self.write(job, "the run week")

    def on_liftlog_screen_saved(self, message: LiftlogScreen.Saved) -> None:
        self.saved(message.athlete)
        if message.what:
            self.notify(message.what, title="Season saved")
        self.load()
