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

from liftlog.store.queries import AthleteRow
from liftlog.tui.screens.base import LiftlogScreen
from liftlog.units import format_weight


class ProfileScreen(LiftlogScreen):
    """Bodyweight caps the squat (R6); bar and plates decide every load (R9)."""

    MODE = "profile"
    CSS_PATH = "profile.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "log_bodyweight", "Log bodyweight", id="profile.bodyweight",
                tooltip="Record today's (or a day's) bodyweight"),
        Binding("k", "edit_kit", "Units & plates", id="profile.kit",
                tooltip="Change units, bar weight and the plates you own"),
    ]  # fmt: skip

    class Loaded(Message):
        def __init__(self, athlete: AthleteRow, weights: list[tuple[dt.date, float]]) -> None:
            super().__init__()
            self.athlete = athlete
            self.weights = weights

    class Saved(Message):
        def __init__(self, what: str, athlete: AthleteRow) -> None:
            super().__init__()
            self.what = what
            self.athlete = athlete

    def __init__(self) -> None:
        super().__init__()
        self.weights: list[tuple[dt.date, float]] = []

    def compose(self) -> ComposeResult:
        from liftlog.tui.widgets.chart import TrendChart

        yield from self.compose_chrome_top()
        kit = Static("Reading your profile…", id="kit", classes="panel")
        kit.border_title = "Kit"
        kit.border_subtitle = "k changes"
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
        from liftlog.store.queries import get_athlete, list_bodyweights

        with self.reading() as conn:
            athlete = get_athlete(conn, self.liftlog.athlete.id)
            weights = list_bodyweights(conn, athlete.id)
        self.post_message(self.Loaded(athlete, weights))

    def on_profile_screen_loaded(self, message: Loaded) -> None:
        from liftlog.tui.widgets.chart import Series, TrendChart

        athlete = message.athlete
        self.weights = message.weights
        units = athlete.units
        plates = "  ".join(
            f"{format_weight(size, units).split()[0]}×{pairs}" for size, pairs in athlete.plates_kg
        )
        self.query_one("#kit", Static).update(
            Content.assemble(
                Content.styled("Units ", "bold"), units,
                Content.styled("   Bar ", "bold"), format_weight(athlete.bar_kg, units),
                Content.styled("   Stop before A race ", "bold"), f"{athlete.stop_days} days",
                Content.styled("\nPlates (size × pairs) ", "bold"), plates or "none",
            )
        )  # fmt: skip
        table: DataTable[str] = self.query_one("#weights", DataTable)
        table.clear()
        for day, kg in reversed(message.weights):
            table.add_row(day.isoformat(), format_weight(kg, units))
        factor = 1.0 if units == "kg" else 1 / 0.45359237
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
        from liftlog.tui.dialogs.bodyweight_form import BodyweightEntry

        if isinstance(entry, BodyweightEntry):
            self._write_bodyweight(entry.date, entry.kg)

    @work(thread=True, exclusive=True, exit_on_error=False, group="profile-write")
    def _write_bodyweight(self, date: dt.date, kg: float) -> None:
        from liftlog.tui.data.edits import set_bodyweight

        set_bodyweight(self.liftlog.ctx.db, athlete_id=self.liftlog.athlete.id, date=date, kg=kg)
        what = f"{format_weight(kg, self.liftlog.athlete.units)} on {date.isoformat()}"
        self.post_message(self.Saved(what, self.read_athlete()))

    def action_edit_kit(self) -> None:
        from liftlog.tui.dialogs.kit_form import KitForm

        self.app.push_screen(KitForm(self.liftlog.athlete), self._save_kit)

    def _save_kit(self, kit: object) -> None:
        from liftlog.tui.dialogs.kit_form import Kit

        if isinstance(kit, Kit):
            self._write_kit(kit)

    @work(thread=True, exclusive=True, exit_on_error=False, group="profile-write")
    def _write_kit(self, kit: object) -> None:
        from liftlog.tui.data.edits import update_profile
        from liftlog.tui.dialogs.kit_form import Kit

        assert isinstance(kit, Kit)
        update_profile(self.liftlog.ctx.db, athlete_id=self.liftlog.athlete.id, units=kit.units,
                       bar_kg=kit.bar_kg, plates_kg=kit.plates_kg)  # fmt: skip
        self.post_message(self.Saved("units, bar and plates", self.read_athlete()))

    def on_profile_screen_saved(self, message: Saved) -> None:
        self.saved(message.athlete)
        self.notify(f"Saved {message.what}.", title="Profile")
        self.load()
