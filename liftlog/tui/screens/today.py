"""The Today screen: the day's prescription, logged set by set between sets.

Enter logs the highlighted set as prescribed (a typed number first: that many reps or
seconds); `w` changes the load, `u` undoes, `a` adds an exercise. Each set is committed
when logged, by the app's one writer; the rest timer starts after every work set.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from liftlog.inputs import ParsedSet, SetError
from liftlog.service import ExerciseRow
from liftlog.service.today import (
    DoneSet,
    ExerciseBlock,
    PlannedSet,
    TodayView,
    apply_matching,
    rematch,
)
from liftlog.tui.screens.base import LiftlogScreen
from liftlog.tui.text import not_saved, visible
from liftlog.tui.widgets.entry_line import TYPED_CHARS, EntryLine
from liftlog.tui.widgets.rest_timer import RestTimer
from liftlog.tui.widgets.season_line import SeasonLine, no_lift_content, today_line
from liftlog.tui.widgets.set_list import SetList, set_label


class TodayScreen(LiftlogScreen):
    """Today's session. The first screen the app opens on."""

    MODE = "today"
    CSS_PATH = "today.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "log", "Log set", id="today.log",
                tooltip="Log the highlighted set as prescribed (or with the reps you typed)"),
        Binding("w", "edit_load", "Load", id="today.load",
                tooltip="Change the load of this set and the sets after it"),
        Binding("u", "undo", "Undo", id="today.undo", tooltip="Delete the set logged last today"),
        Binding("a", "add_exercise", "Add exercise", id="today.add",
                tooltip="Add any catalog exercise to today's session (fuzzy search)"),
        Binding("space", "skip_rest", "Skip rest", id="today.skip_rest",
                tooltip="Stop the rest timer"),
        Binding("escape", "clear_typed", "Clear", id="today.clear", show=False,
                tooltip="Forget the number typed so far"),
    ]  # fmt: skip

    class Ready(Message):
        """Today's session is on the screen for the first time (the app is usable)."""

    class Loaded(Message):
        def __init__(self, plan: TodayView) -> None:
            super().__init__()
            self.plan = plan

    class Logged(Message):
        def __init__(self, key: int, set_id: int) -> None:
            super().__init__()
            self.key = key
            self.set_id = set_id

    class LogFailed(Message):
        def __init__(self, key: int, error: str) -> None:
            super().__init__()
            self.key = key
            self.error = error

    class Undone(Message):
        def __init__(self, set_id: int | None) -> None:
            super().__init__()
            self.set_id = set_id

    class BlockAdded(Message):
        def __init__(self, block: ExerciseBlock | None, name: str) -> None:
            super().__init__()
            self.block = block
            self.name = name

    def __init__(self) -> None:
        super().__init__()
        self.plan: TodayView | None = None
        self._shown = False

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome_top()
        yield SeasonLine("Reading today's session…", id="season")
        yield Static("", id="warnings")
        with Vertical(id="session", classes="panel"):
            yield SetList(id="sets")
            yield Static("", id="no-lift")
        yield EntryLine("", id="entry")
        yield RestTimer(id="rest")
        yield from self.compose_chrome_bottom()

    # --- loading ---------------------------------------------------------------------

    def on_mount(self) -> None:
        """When the plan read at start-up is already there, show it in the first frame."""
        app = self.liftlog
        if app.prefetch is not None and app.prefetch.ready:
            plan = app.prefetch.take(app.today)
            if plan is not None:
                self._seen_version = app.data_version
                self.on_today_screen_loaded(self.Loaded(plan))

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="today-load")
    def load(self) -> None:
        from liftlog.service.today import today_view

        app = self.liftlog
        plan = app.prefetch.take(app.today) if app.prefetch is not None else None
        if plan is None:
            plan = today_view(self.logbook, app.today)
        self.post_message(self.Loaded(plan))

    def on_today_screen_loaded(self, message: Loaded) -> None:
        plan = self.plan = message.plan
        day = plan.day
        self.query_one(SeasonLine).update(today_line(plan))
        warnings = self.query_one("#warnings", Static)
        warnings.update(Content("\n").join(Content.styled(f"! {visible(w)}", "$text-warning")
                                           for w in day.warnings))  # fmt: skip
        warnings.display = bool(day.warnings)
        panel = self.query_one("#session")
        panel.border_title = day.date.strftime("%A %-d %B %Y")
        sets = self.query_one(SetList)
        no_lift = self.query_one("#no-lift", Static)
        sets.display = day.lift
        no_lift.display = not day.lift
        if day.lift:
            sets.show_plan(plan)
            sets.move_to(plan.first_open())
            sets.focus()
            panel.border_subtitle = f"{len(plan.blocks)} exercises"
        else:
            no_lift.update(no_lift_content(plan.day.season))
            panel.border_subtitle = ""
        self._show_entry()
        if not self._shown:
            self._shown = True
            self.call_after_refresh(self.post_message, self.Ready())
            if self.liftlog.warm_up:
                self._warm_writes()

    @work(thread=True, exclusive=True, exit_on_error=False, group="today-warm")
    def _warm_writes(self) -> None:
        """After the first paint: import the write path and the History screen's
        modules, then build History hidden, so the first set and the first look at
        the history don't wait for imports (each takes a few hundred ms)."""
        from liftlog.service.sets import warm_up

        warm_up()
        import liftlog.tui.screens.history
        import liftlog.tui.widgets.chart  # noqa: F401  (plotext)

        self.app.call_from_thread(self.liftlog.prepare_mode, "history")

    # --- the entry line ----------------------------------------------------------------

    def _show_entry(self, error: str | None = None) -> None:
        entry = self.query_one(EntryLine)
        if error is not None:
            entry.error(error)
            return
        current = self.query_one(SetList).current if self._lifting else None
        hint = "a adds an exercise" if self._lifting or self.plan is None else "No sets today"
        entry.show(current, self.liftlog.athlete.units, hint=hint)

    @on(SetList.OptionHighlighted)
    def _highlighted(self) -> None:
        self.query_one(EntryLine).clear()
        self._show_entry()

    @property
    def _lifting(self) -> bool:
        """True when there are sets to log (a no-lift day has none)."""
        return self.plan is not None and bool(self.plan.blocks)

    def on_key(self, event: events.Key) -> None:
        if not self._lifting:
            return
        entry = self.query_one(EntryLine)
        if event.character and event.character in TYPED_CHARS:
            event.stop()
            entry.type(event.character)
            self._show_entry()
        elif event.key == "backspace" and entry.typed:
            event.stop()
            entry.backspace()
            self._show_entry()

    def action_clear_typed(self) -> None:
        self.query_one(EntryLine).clear()
        self._show_entry()

    # --- logging -----------------------------------------------------------------------

    def action_log(self) -> None:
        if not self._lifting:
            return
        sets = self.query_one(SetList)
        s = sets.current
        if s is None:
            return
        entry = self.query_one(EntryLine)
        if s.done is not None or s.pending:
            entry.clear()
            self._show_entry(f"{s.exercise} {set_label(s)} is already logged; u undoes it.")
            return
        try:
            if entry.typed:
                parsed = entry.parse(s)
            elif s.target is None:
                raise SetError("Type the reps first, then Enter.")
            else:
                amount = s.target
                parsed = ParsedSet(
                    s.weight_kg,
                    None if s.timed else amount,
                    amount if s.timed else None,
                    None,
                    s.side,
                )
        except SetError as exc:
            self._show_entry(str(exc))
            return
        entry.clear()
        s.pending = True
        s.done = DoneSet(0, parsed.weight_kg, parsed.reps, parsed.seconds, parsed.rpe)
        block = sets.block_of(s)
        apply_matching(block)
        sets.refresh_block(block)
        self.write(self._log_job(s, block.row, parsed), f"{s.exercise} {set_label(s)}")
        nxt = self._next_open(s)
        sets.move_to(nxt)
        if s.kind == "work":
            label = f"{nxt.exercise} {set_label(nxt)}" if nxt else ""
            self.query_one(RestTimer).start(block.prescription.rest_s, label)
        self._show_entry()

    def _next_open(self, after: PlannedSet) -> PlannedSet | None:
        assert self.plan is not None
        order = self.plan.sets()
        i = order.index(after)
        return next(
            (s for s in order[i + 1 :] + order[:i] if s.done is None and not s.pending), None
        )

    def _log_job(self, s: PlannedSet, row: ExerciseRow, parsed: ParsedSet) -> Callable[[], Message]:
        log, date = self.logbook, self.liftlog.today

        def job() -> Message:
            from liftlog.service.sets import log_sets

            work, warm = ([], [parsed]) if s.kind == "warmup" else ([parsed], [])
            try:
                logged = log_sets(log, row, work, date=date, warmups=warm)
            except Exception as exc:  # shown to the athlete; the set stays unlogged
                return self.LogFailed(s.key, not_saved(f"{s.exercise} {set_label(s)}", exc, log))
            return self.Logged(s.key, logged.ids[0])

        return job

    def _set_by_key(self, key: int) -> PlannedSet | None:
        if self.plan is None:
            return None
        return next((s for s in self.plan.sets() if s.key == key), None)

    def on_today_screen_logged(self, message: Logged) -> None:
        s = self._set_by_key(message.key)
        if s is None or s.done is None:
            return
        s.pending = False
        s.done.set_id = message.set_id
        self.query_one(SetList).refresh_set(s)
        self.saved()
        self._show_entry()

    def on_today_screen_log_failed(self, message: LogFailed) -> None:
        s = self._set_by_key(message.key)
        if s is not None:
            s.pending, s.done = False, None
            self.query_one(SetList).refresh_set(s)
            self.query_one(SetList).move_to(s)
        self.notify(message.error, title="Not saved", severity="error", timeout=10)

    # --- undo, load, rest, add ---------------------------------------------------------

    def action_undo(self) -> None:
        log, date = self.logbook, self.liftlog.today

        def job() -> Message:
            from liftlog.service.sets import undo_last

            undone = undo_last(log, date)
            return self.Undone(None if undone is None else undone.id)

        self.query_one(EntryLine).clear()
        self.write(job, "the undo")

    def on_today_screen_undone(self, message: Undone) -> None:
        if message.set_id is None:
            self.notify("Nothing logged today to undo.", severity="warning")
            return
        self.saved()
        s = next((x for x in self.plan.sets() if x.done and x.done.set_id == message.set_id),
                 None) if self.plan else None  # fmt: skip
        self.query_one(RestTimer).skip()
        if s is None:
            self.notify("Removed the last set logged today.", title="Undone")
            self.load()
            return
        s.done = None
        sets = self.query_one(SetList)
        block = sets.block_of(s)
        rematch(block)
        sets.refresh_block(block)
        sets.move_to(s)
        self.notify(f"{s.exercise} {set_label(s)} removed.", title="Undone")
        self._show_entry()

    def action_skip_rest(self) -> None:
        self.query_one(RestTimer).skip()

    def action_edit_load(self) -> None:
        from liftlog.tui.dialogs.load_dialog import LoadDialog

        s = self.query_one(SetList).current if self._lifting else None
        if s is None or s.done is not None:
            self._show_entry("Highlight a set not yet logged to change its load.")
            return

        def apply(kg: float | None) -> None:
            if kg is None:
                return
            sets = self.query_one(SetList)
            block = sets.block_of(s)
            start = block.sets.index(s)
            for other in block.sets[start:]:
                if other.done is None and other.kind == s.kind and (other is s or s.kind == "work"):
                    other.weight_kg = kg
            sets.refresh_block(block)
            self._show_entry()

        self.app.push_screen(LoadDialog(s, self.liftlog.athlete.units), apply)

    def action_add_exercise(self) -> None:
        from liftlog.tui.dialogs.exercise_picker import ExercisePicker

        self.app.push_screen(ExercisePicker(), self._add_picked)

    def _add_picked(self, row: ExerciseRow | None) -> None:
        if row is None or self.plan is None:
            return
        for block in self.plan.blocks:
            if block.row.id == row.id:
                self.query_one(SetList).move_to(
                    next((s for s in block.sets if s.done is None), block.sets[0])
                )
                self.notify(f"{row.name} is already in today's session.")
                return
        self._prescribe_added(row, max((s.key for s in self.plan.sets()), default=0))

    @work(thread=True, exclusive=True, exit_on_error=False, group="today-add")
    def _prescribe_added(self, row: ExerciseRow, first_key: int) -> None:
        from liftlog.service.today import add_exercise_block

        block = add_exercise_block(self.logbook, self.liftlog.today, row, first_key)
        self.post_message(self.BlockAdded(block, row.name))

    def on_today_screen_block_added(self, message: BlockAdded) -> None:
        if self.plan is None:
            return
        if message.block is None:
            self.notify(f"No prescription for {message.name} today.", severity="warning")
            return
        self.plan.blocks.append(message.block)
        if not self.plan.day.lift:
            self.notify("Today is not a lifting day; the sets are logged anyway.")
        self.query_one("#no-lift").display = False
        sets = self.query_one(SetList)
        sets.display = True
        sets.show_plan(self.plan)
        sets.move_to(message.block.sets[0] if message.block.sets else None)
        sets.focus()
        self.notify(f"{message.name} added to today's session.", title="Added")
