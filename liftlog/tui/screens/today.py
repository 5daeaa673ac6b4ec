"""The Today screen: the day's prescription, logged set by set between sets.

Enter logs the highlighted set as prescribed; a SET typed first (`7`, `62.5x8`, `45s`,
`L:20x8`, `@8`) logs that instead — typing never switches screens. Each set is
committed when logged, by the app's one writer; the rest clock (the app's) starts
after a work set, never between the two sides of a unilateral set nor after the last
set. A new record (R12) is announced when it is logged, and the last prescribed set
brings the session's summary. Fixing sets (`u`, `e`, typing over a logged row), the
hold timer, overrides and other days live in `today_actions`.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from liftlog.inputs import InputError, ParsedSet, SetError
from liftlog.service.today import (
    DoneSet,
    ExerciseBlock,
    PlannedSet,
    TodayView,
    add_open_slot,
    apply_matching,
)
from liftlog.textsafe import visible
from liftlog.tui.screens import today_messages as msg
from liftlog.tui.screens.base import LiftlogScreen
from liftlog.tui.screens.today_actions import TodayActions
from liftlog.tui.screens.today_jobs import log_job, sides_of_one_set
from liftlog.tui.widgets.entry_line import EntryLine
from liftlog.tui.widgets.glance import Glance
from liftlog.tui.widgets.season_line import SeasonLine, no_lift_content, today_line
from liftlog.tui.widgets.set_list import SetList, plates_text, set_label


class TodayScreen(TodayActions, LiftlogScreen):
    """Today's session. The first screen the app opens on."""

    MODE = "today"
    CSS_PATH = "today.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "log", "Log set", id="today.log",
                tooltip="Log the highlighted set as prescribed (or the SET you typed)"),
        Binding("u", "undo", "Undo", id="today.undo",
                tooltip="Delete the highlighted logged set, else the set logged last"),
        Binding("e", "edit_set", "Edit", id="today.edit",
                tooltip="Change or delete the highlighted logged set (SET, kind, note, day)"),
        Binding("w", "edit_load", "Load", show=False, id="today.load",
                tooltip="Change the load of this set and the sets after it"),
        Binding("a", "add_exercise", "Add", id="today.add",
                tooltip="Add any catalog exercise to the session (fuzzy search)"),
        Binding("space", "skip_rest", "Skip rest", show=False, id="today.skip_rest",
                tooltip="Stop the rest timer"),
        Binding("g", "hold", "Hold timer", show=False, id="today.hold",
                tooltip="Time a hold (timed sets): g again or Enter logs the seconds held"),
        Binding("i", "why", "Why", id="today.why",
                tooltip="Show this exercise's full reason, or fold it back to one line"),
        Binding("o", "override", "Override", show=False, id="today.override",
                tooltip="Form is fine, move on — or start over — for this exercise"),
        Binding("d", "pick_day", "Day", show=False, id="today.day",
                tooltip="Log for another day (a session you missed entering)"),
        Binding("S", "summary", "Summary", show=False, id="today.summary",
                tooltip="The session's summary: sets, volume, records, what changes next"),
        Binding("escape", "clear_typed", "Clear", id="today.clear", show=False,
                tooltip="Forget the SET typed so far (or cancel the hold timer)"),
    ]  # fmt: skip

    class Ready(Message):
        """Today's session is on the screen for the first time (the app is usable)."""

    def __init__(self) -> None:
        super().__init__()
        self.view: TodayView | None = None
        self._shown = False
        self.summary_shown = False
        #: The day being logged: None is the app's today (`d` picks another).
        self.day: dt.date | None = None
        self.focus_set_id: int | None = None
        self.init_actions()

    @property
    def date(self) -> dt.date:
        return self.day or self.liftlog.today

    def compose(self) -> ComposeResult:
        yield from self.compose_chrome_top()
        yield SeasonLine("Reading today's session…", id="season")
        yield Static("", id="warnings")
        with Vertical(id="session", classes="panel"):
            yield SetList(id="sets")
            yield Static("", id="no-lift")
        yield Glance(id="glance")
        yield EntryLine("", id="entry")
        yield from self.compose_chrome_bottom()

    # --- loading ---------------------------------------------------------------------

    def on_mount(self) -> None:
        """When the view read at start-up is already there, show it in the first frame."""
        app = self.liftlog
        self.query_one(Glance).bind(app.rest, self.hold)
        if app.prefetch is not None and app.prefetch.ready:
            view = app.prefetch.take(app.today)
            if view is not None:
                self._seen_version = app.data_version
                self.on_today_loaded(msg.Loaded(view))

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="today-load")
    def load(self) -> None:
        from liftlog.service.today import today_view

        app, date = self.liftlog, self.date
        view = app.prefetch.take(date) if app.prefetch is not None else None
        if view is None:
            view = today_view(self.logbook, date)
        self.post_message(msg.Loaded(view))

    def on_today_loaded(self, message: msg.Loaded) -> None:
        view = self.view = message.view
        if view.date != self.date:
            return  # read for a day since left
        self.summary_shown = view.prescribed_left() == 0
        self._show_view()
        sets = self.query_one(SetList)
        wanted = next((s for s in view.sets() if s.done and s.done.set_id == self.focus_set_id),
                      None)  # fmt: skip
        self.focus_set_id = None
        sets.move_to(wanted or view.first_open())
        if view.blocks:
            sets.focus()
        else:  # nothing to focus: the same screen whichever widget Textual tried first
            self.set_focus(None)
        self._show_entry()
        if not self._shown:
            self._shown = True
            self.call_after_refresh(self.post_message, self.Ready())
            if self.liftlog.warm_up:
                self._warm_writes()

    def _show_view(self) -> None:
        """Draw the whole view: season line, warnings, the sets (or why there are none)."""
        view = self.view
        if view is None:
            return
        day = view.day
        self.query_one(SeasonLine).update(today_line(view))
        notes = [Content.styled(f"! {visible(w)}", "$text-warning") for w in day.warnings]
        if not day.lift and view.blocks:
            notes.append(Content.styled(
                f"No lifting today ({day.season.phase}) — the sets logged are kept; "
                "a adds an exercise.", "$text-warning",
            ))  # fmt: skip
        warnings = self.query_one("#warnings", Static)
        warnings.update(Content("\n").join(notes))
        warnings.display = bool(notes)
        panel = self.query_one("#session")
        title = self.date.strftime("%A %-d %B %Y")
        panel.border_title = title if self.day is None else f"{title} · another day (d)"
        sets, no_lift = self.query_one(SetList), self.query_one("#no-lift", Static)
        sets.display = bool(view.blocks)
        no_lift.display = not view.blocks
        if view.blocks:
            sets.show_view(view)
            count = len(view.blocks)
            panel.border_subtitle = f"{count} exercise{'s' if count != 1 else ''}"
        else:
            no_lift.update(no_lift_content(day.season) if not day.lift else "No sets today.")
            panel.border_subtitle = ""

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

    # --- the entry line and the glance ------------------------------------------------

    def _show_entry(self, error: str | None = None) -> None:
        entry = self.query_one(EntryLine)
        if error is not None:
            entry.error(error)
        current = self.query_one(SetList).current if self._lifting else None
        if error is None:
            hint = "a adds an exercise" if self.view is not None else "Reading…"
            entry.show(current, self.liftlog.athlete.units, hint=hint)
        self._show_glance(current)

    def _show_glance(self, current: PlannedSet | None) -> None:
        view = self.view
        if current is None or not current.is_open:
            current = view.first_open() if view is not None else None
        plates = ""
        if current is not None and not current.extra:
            block = self.query_one(SetList).block_of(current)
            plates = plates_text(block, view, current.weight_kg)  # type: ignore[arg-type]
        if view is None or not view.blocks:
            idle = "No sets today · a adds an exercise"
        else:
            idle = "Session done · S shows the summary"
        units = self.liftlog.athlete.units
        self.query_one(Glance).show_set(current, units, plates=plates, idle=idle)

    @on(SetList.OptionHighlighted)
    def _highlighted(self) -> None:
        self.query_one(EntryLine).clear()
        self._show_entry()

    @property
    def _lifting(self) -> bool:
        """True when there are sets to show (a day with no exercise has none)."""
        return self.view is not None and bool(self.view.blocks)

    def on_key(self, event: events.Key) -> None:
        """A SET being typed takes every key of the grammar; while something is typed,
        no other letter reaches the screen's keys."""
        if not self._lifting or self.hold.running:
            return
        entry = self.query_one(EntryLine)
        if entry.takes(event.character):
            event.stop()
            entry.type(event.character or "")
            self._show_entry()
        elif event.key == "backspace" and entry.typed:
            event.stop()
            entry.backspace()
            self._show_entry()
        elif entry.typed and event.is_printable:
            event.stop()  # not part of a SET: never a screen's key mid-entry
            self.app.bell()

    def action_clear_typed(self) -> None:
        if self.hold.running:
            self.cancel_hold()
            return
        self.query_one(EntryLine).clear()
        self._show_entry()

    # --- logging -----------------------------------------------------------------------

    def action_log(self) -> None:
        if self.hold.running:
            self.stop_hold()
            return
        sets = self.query_one(SetList)
        s = sets.current if self._lifting else None
        if s is None:
            return
        entry = self.query_one(EntryLine)
        if s.pending:
            self._show_entry(f"{s.exercise} {set_label(s)} is being saved.")
            return
        if s.done is not None:
            if entry.typed:
                self.edit_typed(s)
            else:
                self._show_entry(f"{s.exercise} {set_label(s)} is logged: type a SET to change "
                                 "it, e edits, u deletes it.")  # fmt: skip
            return
        block = sets.block_of(s)
        try:
            if entry.typed:
                parsed = entry.parse(s, self.liftlog.athlete.units)
            elif s.target is None:
                raise SetError("Type a SET first (e.g. 60x8, 8 or 45s), then Enter.")
            else:
                amount = s.target
                parsed = ParsedSet(s.weight_kg, None if s.timed else amount,
                                   amount if s.timed else None, None, s.side)  # fmt: skip
            from liftlog.service.sets import check_fits

            check_fits(block.row, parsed)
        except (SetError, InputError) as exc:
            self._show_entry(str(exc))
            return
        self.log_set(s, block, parsed)

    def log_set(self, s: PlannedSet, block: ExerciseBlock, parsed: ParsedSet) -> None:
        """Show `s` as logged with `parsed` at once, queue the write, move on, rest."""
        sets = self.query_one(SetList)
        self.query_one(EntryLine).clear()
        s.pending = True
        s.done = DoneSet(0, parsed.weight_kg, parsed.reps, parsed.seconds, parsed.rpe)
        if s.extra:  # a set beyond the prescription: it takes what was typed
            s.side, s.weight_kg = parsed.side, parsed.weight_kg
            s.number = sum(1 for x in block.sets if x.kind == s.kind and x.side == s.side
                           and not x.is_open)  # fmt: skip
            add_open_slot(block, self.new_key)
            apply_matching(block)
            self._show_view()
        else:
            apply_matching(block)
            sets.refresh_block(block)
        self.write(
            log_job(self.logbook, self.date, s, block.row, parsed), f"{s.exercise} {set_label(s)}"
        )
        nxt = self._next_open(s, block)
        sets.move_to(nxt or s)
        app = self.liftlog
        label = visible(f"{nxt.exercise} {set_label(nxt)}") if nxt and not nxt.extra else ""
        if s.kind != "warmup" and not s.extra and self.view and not self.view.prescribed_left():
            app.stop_rest()  # the last set of the day: no rest after it
        elif s.kind != "warmup" and not sides_of_one_set(s, nxt):
            app.start_rest(block.rest_s, label)
        elif sides_of_one_set(s, nxt):
            app.stop_rest()  # straight on to the other side (R11): no rest between them
        elif app.rest.running:
            app.rest.next_label = label  # after a warm-up: "next" follows
            app.show_rest()
        self._show_entry()

    def _next_open(self, after: PlannedSet, block: ExerciseBlock) -> PlannedSet | None:
        """The set to go to after `after`: the next prescribed set not yet logged (the
        same exercise's open slot after a set typed there)."""
        assert self.view is not None
        if after.extra:
            return next((x for x in block.sets if x.extra and x.is_open), None)
        order = self.view.sets()
        i = order.index(after)
        rest = order[i + 1 :] + order[:i]
        return next((x for x in rest if x.is_open and not x.extra), None)

    def new_key(self) -> int:
        """A key for a new row (the set list's rows are keyed by it)."""
        return 1 + max((s.key for s in self.view.sets()), default=0) if self.view else 1

    def set_by_key(self, key: int) -> PlannedSet | None:
        if self.view is None:
            return None
        return next((s for s in self.view.sets() if s.key == key), None)

    def on_today_logged(self, message: msg.Logged) -> None:
        s = self.set_by_key(message.key)
        if s is None or s.done is None or self.view is None:
            return
        s.pending = False
        s.done.set_id = message.set_id
        self.query_one(SetList).refresh_set(s)
        self.saved()
        if message.week is not None:
            self.view.sessions_this_week = message.week
            self.query_one(SeasonLine).update(today_line(self.view))
        if message.records:
            units = self.liftlog.athlete.units
            lines = [visible(f"{s.exercise}: {r.describe(units)}") for r in message.records]
            self.notify("\n".join(lines), title="New record (R12)", timeout=12, markup=False)
        pending = any(x.pending for x in self.view.sets())
        done = not s.extra and not self.view.prescribed_left() and not pending
        if done and not self.summary_shown:
            self.summary_shown = True
            self.action_summary()
        self._show_entry()

    def on_today_log_failed(self, message: msg.LogFailed) -> None:
        s = self.set_by_key(message.key)
        if s is not None:
            s.pending, s.done = False, None
            self.query_one(SetList).refresh_set(s)
            self.query_one(SetList).move_to(s)
        self.notify(
            visible(message.error), title="Not saved", severity="error", timeout=10, markup=False
        )
        self._show_entry()
