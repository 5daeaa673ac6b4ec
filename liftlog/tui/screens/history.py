"""The History screen: sessions newest first, and one exercise's sessions, trend and records.

Twenty years of sets never go into a widget at once: sessions, and an exercise's
sessions, are read a page at a time as the cursor nears the end of their table; an
exercise's chart is drawn from a few hundred points that SQLite buckets from the
per-session summary (see `data.history`), and its records come from index probes.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Select, Static, TabbedContent, TabPane, Tabs

from liftlog.progression.constants import IMBALANCE_FLAG
from liftlog.service.history import (
    Cursor,
    ExerciseHistory,
    ExerciseKind,
    ExerciseSession,
    SessionSets,
    TrendPoint,
)
from liftlog.tui.compat import jump_underline
from liftlog.tui.format import load, session_summary
from liftlog.tui.screens.base import LiftlogScreen
from liftlog.tui.screens.history_fix import HistoryFixes
from liftlog.tui.text import cell, plain_text
from liftlog.tui.widgets.records import from_units, records_content
from liftlog.tui.widgets.session_detail import SessionDetail

#: How close to the end of a table the cursor fetches its next page.
FETCH_AHEAD = 15


class HistoryScreen(HistoryFixes, LiftlogScreen):
    """`v` switches between the session list and one exercise's history."""

    MODE = "history"
    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "toggle_view", "Sessions/Exercise", id="history.view",
                tooltip="Switch between the session list and one exercise's history"),
        Binding("f", "pick_exercise", "Pick exercise", id="history.pick",
                tooltip="Choose the exercise whose history to show"),
        Binding("e", "edit_set", "Edit set", id="history.edit",
                tooltip="Change or delete a set of the session (Tab goes to its sets)"),
        Binding("u,delete", "delete_set", "Delete set", show=False, id="history.delete",
                tooltip="Delete the highlighted set of the session"),
    ]  # fmt: skip

    class SessionsPage(Message):
        def __init__(self, page: list[SessionSets], cursor: Cursor | None, first: bool) -> None:
            super().__init__()
            self.page, self.cursor, self.first = page, cursor, first

    class Exercises(Message):
        def __init__(self, exercises: list[tuple[int, str]]) -> None:
            super().__init__()
            self.exercises = exercises

    class ExerciseLoaded(Message):
        def __init__(self, history: ExerciseHistory) -> None:
            super().__init__()
            self.history = history

    class ExercisePage(Message):
        def __init__(
            self,
            exercise_id: int,
            after: Cursor,
            page: list[ExerciseSession],
            cursor: Cursor | None,
        ) -> None:
            super().__init__()
            self.exercise_id, self.after = exercise_id, after
            self.page, self.cursor = page, cursor

    #: What the footer was last told to show (see `refresh_bindings`).
    _bindings_shown: tuple[object, ...] | None = None

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[SessionSets] = []
        self.next_page: Cursor | None = None
        self.fetching = False
        self.exercise_id: int | None = None
        self.ex_kind = ExerciseKind(timed=False, sides=False)
        self.ex_shown = 0  # rows in the exercise's table
        self.ex_next_page: Cursor | None = None
        self.ex_fetching = False
        self._names: dict[str, int] = {}
        self._keep_row = 0  # the session row to go back to after a reload

    def compose(self) -> ComposeResult:
        from liftlog.tui.widgets.chart import TrendChart

        yield from self.compose_chrome_top()
        with TabbedContent(id="views"):
            with TabPane("Sessions", id="sessions-tab"):
                table: DataTable[str | Text] = DataTable(id="sessions", cursor_type="row")
                table.add_columns("Date", "Sets", "Exercises")
                yield table
                yield SessionDetail(id="session-detail", classes="panel")
            with TabPane("By exercise", id="exercise-tab"):
                yield Select[int]([], prompt="Exercise", id="exercise", compact=True)
                with Horizontal(id="ex-top"):
                    chart = TrendChart(id="ex-chart", classes="panel")
                    chart.border_title = "Top set and e1RM"
                    yield chart
                    with Vertical(id="records-box", classes="panel") as box:
                        box.border_title = "Records (R12)"
                        yield Static("", id="records")
                ex_table: DataTable[str] = DataTable(id="ex-sessions", cursor_type="row")
                ex_table.add_columns("Date", "Sets", "Top set", "e1RM", "Volume")
                ex_table.add_column("L / R · R11", width=18)
                yield ex_table
        yield from self.compose_chrome_bottom()

    def refresh_bindings(self) -> None:
        """Tell the footer only when the keys it shows change. Textual asks at every
        change of focus, twice, and the footer rebuilds all its keys each time; from
        the session table to the exercise table (the same keys) that is two rebuilds
        and several repaints for an identical footer."""
        if not self.is_current:  # being installed, or under another screen
            self._bindings_shown = None
            super().refresh_bindings()
            return
        shown = tuple(
            (key, type(active.node).__name__, active.binding, active.enabled, active.tooltip)
            for key, active in self.active_bindings.items()
        )
        if shown != self._bindings_shown:
            self._bindings_shown = shown
            super().refresh_bindings()

    @property
    def units(self) -> str:
        return self.liftlog.athlete.units

    def on_mount(self) -> None:
        self.query_one("#sessions", DataTable).focus()

    def reload(self) -> None:
        self._keep_row = self.query_one("#sessions", DataTable).cursor_row
        self.sessions, self.next_page = [], None
        self.query_one("#sessions", DataTable).clear()
        self.load_sessions(None, first=True)
        self.load_exercises()
        if self.exercise_id is not None:
            self.load_exercise(self.exercise_id)

    # --- sessions ------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="history-sessions")
    def load_sessions(self, after: Cursor | None, first: bool = False) -> None:
        from liftlog.service.history import sessions_page

        page, cursor = sessions_page(self.logbook, after)
        self.post_message(self.SessionsPage(page, cursor, first))

    def on_history_screen_sessions_page(self, message: SessionsPage) -> None:
        self.fetching = False
        table: DataTable[str | Text] = self.query_one("#sessions", DataTable)
        if message.first:
            table.clear()
            self.sessions = []
        self.sessions += message.page
        self.next_page = message.cursor
        units = self.liftlog.athlete.units
        for session in message.page:
            work = sum(1 for s in session.sets if s.kind == "work")
            table.add_row(
                session.date.isoformat(),
                str(work),
                cell(session_summary(session.sets, units)),
                key=str(session.workout_id),
            )
        if message.first:
            start = min(self._keep_row, max(0, len(self.sessions) - 1))
            self._keep_row = 0
            if start:
                table.move_cursor(row=start)
            self._show_session(start)
        if not self.sessions:
            self.query_one(SessionDetail).show(
                None, self.liftlog.athlete.units, "No sessions yet. Log one on Today (t)."
            )

    @on(DataTable.RowHighlighted, "#sessions")
    def _session_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_session(event.cursor_row)
        near_end = event.cursor_row >= len(self.sessions) - FETCH_AHEAD
        if near_end and self.next_page is not None and not self.fetching:
            self.fetching = True
            self.load_sessions(self.next_page)

    def _show_session(self, index: int) -> None:
        if not 0 <= index < len(self.sessions):
            return
        units = self.liftlog.athlete.units
        detail = self.query_one(SessionDetail)
        detail.show(self.sessions[index], units)
        detail.border_title = f"{units} · Tab: its sets · e edits · u deletes"

    @on(DataTable.RowSelected, "#sessions")
    def _session_selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.sessions):
            sets = self.sessions[event.cursor_row].sets
            if sets:
                self._open_exercise_named(sets[0].exercise)

    # --- one exercise --------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="history-exercises")
    def load_exercises(self) -> None:
        from liftlog.service.history import exercises_with_history

        self.post_message(self.Exercises(exercises_with_history(self.logbook)))

    def on_history_screen_exercises(self, message: Exercises) -> None:
        select: Select[int] = self.query_one("#exercise", Select)
        self._names = {name: ex_id for ex_id, name in message.exercises}
        with self.prevent(Select.Changed):
            select.set_options((plain_text(name), ex_id) for ex_id, name in message.exercises)
            if self.exercise_id is not None and self.exercise_id in self._names.values():
                select.value = self.exercise_id

    def show_exercise(self, name: str) -> None:
        """Open one exercise's history by name (Enter on a session; the benchmarks)."""
        self._open_exercise_named(name)

    def _open_exercise_named(self, name: str) -> None:
        ex_id = self._names.get(name)
        if ex_id is not None:
            self.exercise_id = ex_id
            self.load_exercise(ex_id)
        # the read runs while the view switches; switching a moment later lets the
        # worker's thread start first instead of after the switch's repaint
        self.call_later(self._show_exercise_view, name, ex_id)

    def _show_exercise_view(self, name: str, ex_id: int | None) -> None:
        self._switch_view("exercise-tab")
        self.query_one("#ex-sessions", DataTable).focus()
        if ex_id is None:
            self.notify(f"No sets of {name} logged yet.", severity="warning")
            return
        with self.prevent(Select.Changed):
            self.query_one("#exercise", Select).value = ex_id

    @on(Select.Changed, "#exercise")
    def _exercise_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, int) and event.value != self.exercise_id:
            self.exercise_id = event.value
            self.load_exercise(event.value)
            self.query_one("#ex-sessions", DataTable).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="history-exercise")
    def load_exercise(self, exercise_id: int) -> None:
        """The exercise's newest sessions, trend and records, read together: they come
        from the per-session summary and a few index probes, a few ms on 20 years."""
        from liftlog.service.history import exercise_history

        self.post_message(self.ExerciseLoaded(exercise_history(self.logbook, exercise_id)))

    def on_history_screen_exercise_loaded(self, message: ExerciseLoaded) -> None:
        history = message.history
        if history.exercise_id != self.exercise_id:
            return
        with self.app.batch_update():  # table, chart and records: one repaint
            self.ex_kind = history.kind
            self.ex_shown = 0
            self.ex_fetching = False
            self.query_one("#ex-sessions", DataTable).clear()
            self._add_exercise_rows(history.sessions, history.more)
            # the trend's spans each keep their best: the best of them is the record
            most = max((p.best_reps or 0 for p in history.trend), default=0)
            hold = max((p.best_seconds or 0 for p in history.trend), default=0)
            records = records_content(history.records, self.units, most, hold)
            self.query_one("#records", Static).update(records)
            self._show_trend(history.trend)

    @work(thread=True, exclusive=True, exit_on_error=False, group="history-exercise-page")
    def _load_exercise_page(self, exercise_id: int, kind: ExerciseKind, after: Cursor) -> None:
        from liftlog.service.history import exercise_sessions_page

        page, cursor = exercise_sessions_page(self.logbook, exercise_id, kind, after)
        self.post_message(self.ExercisePage(exercise_id, after, page, cursor))

    def on_history_screen_exercise_page(self, message: ExercisePage) -> None:
        # only the page the table asked for last: not one of an exercise since left,
        # nor one read before the table was reloaded
        if (message.exercise_id, message.after) == (self.exercise_id, self.ex_next_page):
            self.ex_fetching = False
            self._add_exercise_rows(message.page, message.cursor)

    def _show_trend(self, trend: list[TrendPoint]) -> None:
        from liftlog.tui.widgets.chart import Series, TrendChart

        factor = from_units(1.0, self.units)
        chart = self.query_one(TrendChart)
        if any(p.top_kg for p in trend):
            top = [(p.date, p.top_kg * factor) for p in trend if p.top_kg]
            est = [(p.date, p.e1rm_kg * factor) for p in trend if p.e1rm_kg]
            chart.show(
                [
                    Series("top set", [d for d, _ in top], [v for _, v in top]),
                    Series("e1RM", [d for d, _ in est], [v for _, v in est]),
                ],
                self.units,
            )
            chart.border_title = "Top set and e1RM"
        else:
            timed = self.ex_kind.timed
            best = [float((p.best_seconds if timed else p.best_reps) or 0) for p in trend]
            chart.show(
                [Series("best set", [p.date for p in trend], best)],
                "seconds" if timed else "reps",
            )
            chart.border_title = "Best set"

    def _add_exercise_rows(self, sessions: list[ExerciseSession], more: Cursor | None) -> None:
        table: DataTable[str] = self.query_one("#ex-sessions", DataTable)
        units = self.liftlog.athlete.units
        for s in sessions:
            top = (
                f"{load(s.top_kg, units)}×{s.top_reps or '?'}"
                if s.top_kg
                else (f"{s.best_seconds}s" if s.best_seconds else f"×{s.best_reps or '?'}")
            )
            e1rm = f"{from_units(s.e1rm_kg, units):.1f}" if s.e1rm_kg else ""
            volume = f"{from_units(s.volume_kg, units):,.0f}" if s.volume_kg else ""
            sides = ""
            if s.left is not None or s.right is not None:
                sides = f"{s.left or 0} / {s.right or 0}"
                if s.imbalance is not None:
                    flag = " !" if s.imbalance > IMBALANCE_FLAG else ""
                    sides += f"  {round(s.imbalance * 100)}%{flag}"
            table.add_row(s.date.isoformat(), str(s.work_sets), top, e1rm, volume, sides)
        self.ex_shown += len(sessions)
        self.ex_next_page = more

    @on(DataTable.RowHighlighted, "#ex-sessions")
    def _ex_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        near_end = event.cursor_row >= self.ex_shown - FETCH_AHEAD
        more, ex_id = self.ex_next_page, self.exercise_id
        if near_end and more is not None and ex_id is not None and not self.ex_fetching:
            self.ex_fetching = True
            self._load_exercise_page(ex_id, self.ex_kind, more)

    # --- actions -------------------------------------------------------------------

    def _switch_view(self, pane: str) -> None:
        """Show one of the two views at once: the tab underline jumps to the new tab
        instead of Textual's 0.3 s slide (our choice: the screen is still, and its
        repaints over, as soon as the view is drawn)."""
        tabs = self.query_one(TabbedContent)
        if tabs.active == pane:
            return
        tabs.active = pane
        bar = tabs.query_one(Tabs)
        tab = bar.active_tab
        if tab is None or not tab.virtual_region:
            return  # not laid out yet: nothing on screen to slide
        # the slide starts after the next refresh, from where the underline is; once
        # it is already there, Textual has nothing to animate
        start, end = tab.virtual_region.shrink(tab.styles.gutter).column_span
        jump_underline(bar, start, end)

    def action_toggle_view(self) -> None:
        to_exercise = self.query_one(TabbedContent).active == "sessions-tab"
        self._switch_view("exercise-tab" if to_exercise else "sessions-tab")
        self.query_one("#ex-sessions" if to_exercise else "#sessions", DataTable).focus()

    def action_pick_exercise(self) -> None:
        self._switch_view("exercise-tab")
        select = self.query_one("#exercise", Select)
        select.focus()
        select.action_show_overlay()
