"""The Profile screen: bodyweight log with a chart; units, bar and plates."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static

from liftlog.inputs import plates_text
from liftlog.service import AthleteRow
from liftlog.tui.screens.base import LiftlogScreen
from liftlog.units import format_bodyweight, format_weight, from_kg


class ProfileScreen(LiftlogScreen):
    """Bodyweight caps the squat (R6); bar and plates decide every load (R9)."""

    MODE = "profile"
    CSS_PATH = "profile.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "log_bodyweight", "Log bodyweight", id="profile.bodyweight",
                tooltip="Record today's (or a day's) bodyweight"),
        Binding("k", "edit_kit", "Units & plates", id="profile.kit",
                tooltip="Change units, bar weight and the plates you own"),
        Binding("d", "stop_days", "Stop days", id="profile.stop_days",
                tooltip="How many days before an A race to stop lifting (R17, 7–28)"),
    ]  # fmt: skip

    class Loaded(Message):
        def __init__(self, athlete: AthleteRow, weights: list[tuple[dt.date, float]]) -> None:
            super().__init__()
            self.athlete = athlete
            self.weights = weights

    def __init__(self) -> None:
        super().__init__()
        self.weights: list[tuple[dt.date, float]] = []

    def compose(self) -> ComposeResult:
        from liftlog.tui.widgets.chart import TrendChart

        yield from self.compose_chrome_top()
        kit = Static("Reading your profile…", id="kit", classes="panel")
        kit.border_title = "Kit"
        kit.border_subtitle = "k changes · d stop days"
        yield kit
        with Horizontal(id="weights-row"):
            with Vertical(id="weights-box", classes="panel") as box:
                box.border_title = "Bodyweight"
                box.border_subtitle = "b logs"
                table: DataTable[str] = DataTable(id="weights", cursor_type="row")
                table.add_columns("Date", "Weight")
                yield table
            chart = TrendChart(id="weight-chart", classes="panel")
            chart.border_title = "Bodyweight trend"
            yield chart
        yield from self.compose_chrome_bottom()

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="profile-load")
    def load(self) -> None:
        from liftlog.service.profile import athlete, bodyweights

        self.post_message(self.Loaded(athlete(self.logbook), bodyweights(self.logbook)))

    def on_profile_screen_loaded(self, message: Loaded) -> None:
        from liftlog.tui.widgets.chart import Series, TrendChart

        athlete = message.athlete
        self.weights = message.weights
        units = athlete.units
        plates = plates_text(athlete.plates_kg, units)
        self.query_one("#kit", Static).update(
            Content.assemble(
                Content.styled("Units ", "bold"), units,
                Content.styled("   Bar ", "bold"), format_weight(athlete.bar_kg, units),
                Content.styled("   Stop before A race ", "bold"), f"{athlete.stop_days} days",
                Content.styled("\nPlates (size:pairs) ", "bold"), plates or "none",
            )
        )  # fmt: skip
        table: DataTable[str] = self.query_one("#weights", DataTable)
        table.clear()
        for day, kg in reversed(message.weights):
            table.add_row(day.isoformat(), format_bodyweight(kg, units))
        factor = from_kg(1.0, units)
        self.query_one(TrendChart).show(
            [Series("bodyweight", [d for d, _ in message.weights],
                    [kg * factor for _, kg in message.weights])],
            units,
            empty="No bodyweight yet: b logs one (the squat cap, R6, needs it)",
        )  # fmt: skip

    def action_log_bodyweight(self) -> None:
        from liftlog.tui.dialogs.bodyweight_form import BodyweightForm

        last = self.weights[-1][1] if self.weights else None
        form = BodyweightForm(self.liftlog.athlete.units, self.liftlog.today, last)
        self.app.push_screen(form, self._save_bodyweight)

    def _save_bodyweight(self, entry: object) -> None:
        from liftlog.service.profile import athlete, log_bodyweight
        from liftlog.tui.dialogs.bodyweight_form import BodyweightEntry

        if not isinstance(entry, BodyweightEntry):
            return
        log = self.logbook
        units = self.liftlog.athlete.units
        what = f"{format_bodyweight(entry.kg, units)} on {entry.date.isoformat()}"

        def job() -> Message:
            log_bodyweight(log, entry.kg, entry.date)
            return self.Saved(what, athlete(log))

        self.write(job, "the bodyweight")

    def action_edit_kit(self) -> None:
        from liftlog.tui.dialogs.kit_form import KitForm

        self.app.push_screen(KitForm(self.liftlog.athlete), self._save_kit)

    def _save_kit(self, kit: object) -> None:
        from liftlog.service.profile import Kit, save_kit

        if not isinstance(kit, Kit):
            return
        log = self.logbook

        def job() -> Message:
            return self.Saved("units, bar and plates", save_kit(log, kit))

        self.write(job, "units, bar and plates")

    def action_stop_days(self) -> None:
        from liftlog.tui.dialogs.stop_days import StopDaysForm

        self.app.push_screen(StopDaysForm(self.liftlog.athlete.stop_days), self._save_stop_days)

    def _save_stop_days(self, days: int | None) -> None:
        from liftlog.service.profile import update_profile

        if days is None:
            return
        log = self.logbook

        def job() -> Message:
            return self.Saved(f"stop days: {days}", update_profile(log, stop_days=days))

        self.write(job, "the stop days")

    def on_liftlog_screen_saved(self, message: LiftlogScreen.Saved) -> None:
        self.saved(message.athlete)
        self.notify(f"Saved {message.what}.", title="Profile")
        self.load()
