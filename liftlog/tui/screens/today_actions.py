"""Today's other actions: fixing logged sets (`u`, `e`, a SET typed over a logged row),
the hold timer of timed sets (`g`), the load (`w`), adding an exercise (`a`), the why
(`i`), overrides (`o`), another day (`d`) and the session summary (`S`).

`TodayActions` is the Today screen's base: the screen itself (`today.TodayScreen`)
loads the view and logs sets; every write here goes through the app's one writer and
comes back as a message of `today_messages`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.timer import Timer

from liftlog.inputs import InputError, ParsedSet, SetError
from liftlog.service import ExerciseRow
from liftlog.service.today import DoneSet, ExerciseBlock, PlannedSet, TodayView, rematch
from liftlog.textsafe import visible
from liftlog.tui.format import one_set
from liftlog.tui.rest import HoldClock
from liftlog.tui.screens import today_messages as msg
from liftlog.tui.screens.base import LiftlogScreen
from liftlog.tui.widgets.entry_line import EntryLine, parse_typed
from liftlog.tui.widgets.set_list import SetList, set_label

if TYPE_CHECKING:
    from liftlog.service.summary import SessionSummary


class TodayActions(LiftlogScreen):
    """What Today does besides loading the view and logging sets (see `TodayScreen`)."""

    view: TodayView | None
    focus_set_id: int | None

    def init_actions(self) -> None:
        self.hold = HoldClock(lambda: self.liftlog.rest.now())
        self._hold_ticker: Timer | None = None

    # what the screen provides
    @property
    def date(self) -> dt.date:
        raise NotImplementedError

    def _show_entry(self, error: str | None = None) -> None:
        raise NotImplementedError

    def _show_view(self) -> None:
        raise NotImplementedError

    def log_set(self, s: PlannedSet, block: ExerciseBlock, parsed: ParsedSet) -> None:
        raise NotImplementedError

    def set_by_key(self, key: int) -> PlannedSet | None:
        raise NotImplementedError

    def new_key(self) -> int:
        raise NotImplementedError

    def _current(self) -> PlannedSet | None:
        return self.query_one(SetList).current if self.view and self.view.blocks else None

    def _reload_at(self, set_id: int | None = None) -> None:
        """Read the view again, the cursor going back to `set_id`'s row."""
        self.focus_set_id = set_id
        self.reload()

    # --- fixing logged sets ------------------------------------------------------------

    def edit_typed(self, s: PlannedSet) -> None:
        """A SET typed over a logged row: that set becomes what was typed."""
        assert s.done is not None
        entry = self.query_one(EntryLine)
        logged = PlannedSet(s.key, s.exercise, s.exercise_id, s.kind, s.number, s.side,
                            s.done.weight_kg, s.low, s.high, s.timed)  # fmt: skip
        try:
            parsed = parse_typed(entry.typed, logged, self.liftlog.athlete.units)
        except SetError as exc:
            self._show_entry(str(exc))
            return
        entry.clear()
        block = self.query_one(SetList).block_of(s)
        log, set_id, row = self.logbook, s.done.set_id, block.row
        what = f"{s.exercise} {set_label(s)}"

        def job() -> Message:
            from liftlog.service.sets import edit_set

            try:
                edit_set(log, set_id, row, parsed=parsed)
            except InputError as exc:
                return msg.Changed(what, set_id, error=str(exc))
            done = DoneSet(set_id, parsed.weight_kg, parsed.reps, parsed.seconds, parsed.rpe)
            return msg.Edited(s.key, done, what)

        self.write(job, what)

    def on_today_edited(self, message: msg.Edited) -> None:
        self.saved()
        s = self.set_by_key(message.key)
        if s is None or s.done is None:
            self._reload_at(message.done.set_id)
            return
        message.done.note = s.done.note
        s.done = message.done
        sets = self.query_one(SetList)
        rematch(sets.block_of(s))
        sets.refresh_block(sets.block_of(s))
        units = self.liftlog.athlete.units
        self.notify(
            visible(f"{message.what} is now {_lifted(s, units)}."), title="Changed", markup=False
        )
        self._show_entry()

    def action_undo(self) -> None:
        """On a logged row: delete that set. Elsewhere: delete the set logged last on
        the day. Either way the notification says which set went."""
        s, log, date = self._current(), self.logbook, self.date
        self.query_one(EntryLine).clear()
        if s is not None and s.pending:
            self._show_entry(f"{s.exercise} {set_label(s)} is being saved; u again in a moment.")
            return
        units = self.liftlog.athlete.units
        if s is not None and s.done is not None:
            set_id, what = s.done.set_id, f"{s.exercise} {set_label(s)} ({_lifted(s, units)})"

            def delete() -> Message:
                from liftlog.service.sets import delete_set

                delete_set(log, set_id)
                return msg.Removed(set_id, what)

            self.write(delete, what)
            return

        def undo() -> Message:
            from liftlog.service.sets import undo_last

            row = undo_last(log, date)
            if row is None:
                return msg.Removed(None, "")
            return msg.Removed(row.id, f"{row.exercise} {row.kind} set ({one_set(row, units)})")

        self.write(undo, "the undo")

    def on_today_removed(self, message: msg.Removed) -> None:
        if message.set_id is None:
            self.notify("Nothing logged on this day to undo.", severity="warning")
            return
        self.saved()
        self.notify(visible(f"Removed {message.what}."), title="Deleted", markup=False)
        view = self.view.sets() if self.view else []
        found = [x for x in view if x.done and x.done.set_id == message.set_id]
        if not found or found[0].extra:
            self._reload_at()
            return
        s = found[0]
        s.done = None
        sets = self.query_one(SetList)
        block = sets.block_of(s)
        rematch(block)
        sets.refresh_block(block)
        sets.move_to(s)
        self._show_entry()

    def action_edit_set(self) -> None:
        from liftlog.tui.dialogs.set_edit import SetDelete, SetEdit, SetEditDialog

        s = self._current()
        if s is None or s.done is None or s.pending:
            self._show_entry("Highlight a logged set (✓) to edit it.")
            return
        set_id, log = s.done.set_id, self.logbook
        what = f"{s.exercise} {set_label(s)}"

        def chosen(change: SetEdit | SetDelete | None) -> None:
            if change is None:
                return

            def job() -> Message:
                from liftlog.service.sets import delete_set, edit_as_typed

                if isinstance(change, SetDelete):
                    delete_set(log, set_id)
                    return msg.Changed(f"Deleted {what}.")
                row = edit_as_typed(log, set_id, change.text, kind=change.kind,
                                    note=change.note, date=change.date)  # fmt: skip
                return msg.Changed(f"{what} saved.", row.id)

            self.write(job, what)

        self.app.push_screen(SetEditDialog.for_planned(s, self.liftlog.athlete.units, self.date),
                             chosen)  # fmt: skip

    def on_today_changed(self, message: msg.Changed) -> None:
        if message.error:
            self.notify(visible(message.error), title="Not changed", severity="error", markup=False)
        else:
            self.saved()
            self.notify(visible(message.what), title="Saved", markup=False)
        self._reload_at(message.focus_set_id)

    # --- the hold timer (timed sets) ---------------------------------------------------

    def action_hold(self) -> None:
        if self.hold.running:
            self.stop_hold()
            return
        s = self._current()
        if s is None or not s.timed or not s.is_open:
            self._show_entry("g times a hold: highlight a timed set not yet logged (a plank).")
            return
        self.hold.start(s.key, s.target or 0)
        self._rang = False
        self._hold_ticker = self.set_interval(0.5, self._tick_hold)
        self._show_entry()

    def _tick_hold(self) -> None:
        if self.hold.target and self.hold.held >= self.hold.target and not self._rang:
            self._rang = True
            self.app.bell()
        self._show_entry()

    def _end_hold(self) -> tuple[PlannedSet | None, int]:
        key, held = self.hold.key, self.hold.stop()
        if self._hold_ticker is not None:
            self._hold_ticker.stop()
            self._hold_ticker = None
        return (self.set_by_key(key) if key is not None else None), held

    def stop_hold(self) -> None:
        """Stop the hold and log the seconds held on its set."""
        s, held = self._end_hold()
        if s is None or not s.is_open:
            self._show_entry()
            return
        if held < 1:
            self._show_entry("Held for less than a second: nothing logged.")
            return
        self.log_set(s, self.query_one(SetList).block_of(s),
                     ParsedSet(s.weight_kg, None, held, None, s.side))  # fmt: skip

    def cancel_hold(self) -> None:
        self._end_hold()
        self._show_entry("Hold cancelled: nothing logged.")

    # --- load, rest, why ---------------------------------------------------------------

    def action_skip_rest(self) -> None:
        self.liftlog.stop_rest()

    def action_why(self) -> None:
        s = self._current()
        if s is not None:
            sets = self.query_one(SetList)
            sets.toggle_why(sets.block_of(s))

    def action_edit_load(self) -> None:
        from liftlog.tui.dialogs.load_dialog import LoadDialog

        s = self._current()
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

    # --- exercises: add one, override one ----------------------------------------------

    def action_add_exercise(self) -> None:
        from liftlog.tui.dialogs.exercise_picker import ExercisePicker

        self.app.push_screen(ExercisePicker(), self._add_picked)

    def _add_picked(self, row: ExerciseRow | None) -> None:
        if row is None or self.view is None:
            return
        for block in self.view.blocks:
            if block.row.id == row.id:
                open_set = next((s for s in block.sets if s.is_open), block.sets[0])
                self.query_one(SetList).move_to(open_set)
                self.notify(visible(f"{row.name} is already in the session."), markup=False)
                return
        self._prescribe_added(row, self.new_key())

    @work(thread=True, exclusive=True, exit_on_error=False, group="today-add")
    def _prescribe_added(self, row: ExerciseRow, first_key: int) -> None:
        from liftlog.service.today import add_exercise_block

        block = add_exercise_block(self.logbook, self.date, row, first_key)
        self.post_message(msg.BlockAdded(block))

    def on_today_block_added(self, message: msg.BlockAdded) -> None:
        if self.view is None:
            return
        block = message.block
        self.view.blocks.append(block)
        self._show_view()
        sets = self.query_one(SetList)
        sets.move_to(next((s for s in block.sets if s.is_open), None))
        sets.focus()
        how = "" if block.prescription else " — not prescribed today: type each set as you go"
        self.notify(visible(f"{block.row.name} added{how}."), title="Added", markup=False)
        self._show_entry()

    def action_override(self) -> None:
        from liftlog.tui.dialogs.choose import OVERRIDES, Choose

        s = self._current()
        if s is None:
            return
        row, log, date = self.query_one(SetList).block_of(s).row, self.logbook, self.date

        def chosen(kind: str | None) -> None:
            if kind is None:
                return

            def job() -> Message:
                from liftlog.service.exercises import override

                try:
                    return msg.Changed(override(log, row, kind, date))
                except InputError as exc:
                    return msg.Changed("", error=str(exc))

            self.write(job, f"the override of {row.name}")

        self.app.push_screen(Choose(f"{row.name}: override the coach", OVERRIDES), chosen)

    # --- another day, the summary ------------------------------------------------------

    def action_pick_day(self) -> None:
        from liftlog.tui.dialogs.day_form import DayForm

        def chosen(day: dt.date | None) -> None:
            if day is None:
                return
            self.day = None if day == self.liftlog.today else day
            self.view = None
            self._reload_at()

        self.app.push_screen(DayForm(self.date, self.liftlog.today), chosen)

    def action_summary(self) -> None:
        self._read_summary(self.date)

    @work(thread=True, exclusive=True, exit_on_error=False, group="today-summary")
    def _read_summary(self, date: dt.date) -> None:
        from liftlog.service.summary import session_summary

        self.post_message(msg.SummaryRead(session_summary(self.logbook, date)))

    def on_today_summary_read(self, message: msg.SummaryRead) -> None:
        from liftlog.tui.dialogs.summary import SummaryDialog

        summary: SessionSummary = message.summary
        self.app.push_screen(SummaryDialog(summary, self.liftlog.athlete.units))


def _lifted(s: PlannedSet, units: str) -> str:
    """What a row logged, short: `67.5 × 8`, `12 reps`, `40 s`."""
    from liftlog.service.history import SetLine

    done = s.done
    if done is None:
        return ""
    line = SetLine(s.exercise, s.kind, s.side, done.weight_kg, done.reps, done.seconds, done.rpe)
    return one_set(line, "lb" if units == "lb" else "kg")
