"""History's fixes: edit or delete any set of any session in place (`e`, `u`, Del).

The session's sets are a list under the session table (`SessionDetail`); the first
`e` or `u` from the table moves there to pick a set. Each change goes through the
app's one writer and the screen reads its sessions again (the cursor stays on the
same session row).
"""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import TabbedContent

from liftlog.service.history import SetLine
from liftlog.textsafe import visible
from liftlog.tui.screens.base import LiftlogScreen
from liftlog.tui.widgets.session_detail import SessionDetail


class HistoryFixes(LiftlogScreen):
    """The History screen's base: fixing logged sets (see `HistoryScreen`)."""

    # what the screen provides
    def _switch_view(self, pane: str) -> None:
        raise NotImplementedError

    def _open_exercise_named(self, name: str) -> None:
        raise NotImplementedError

    # --- fixing a set of any day -----------------------------------------------------

    @on(SessionDetail.OptionSelected, "#session-detail")
    def _set_selected(self, event: SessionDetail.OptionSelected) -> None:
        current = self.query_one(SessionDetail).current
        if current is not None:
            self._open_exercise_named(current[0].exercise)

    def _picked_set(self) -> tuple[SetLine, str] | None:
        """The highlighted set of the session; None (the set list focused) when the
        keys came from the table, so the next key picks a set."""
        detail = self.query_one(SessionDetail)
        if self.query_one(TabbedContent).active != "sessions-tab":
            self._switch_view("sessions-tab")
        if not detail.has_focus or detail.current is None:
            detail.focus()
            detail.first_set()
            self.notify("Pick the set (↑ ↓), then e edits it or u deletes it.")
            return None
        return detail.current

    def action_edit_set(self) -> None:
        from liftlog.tui.dialogs.set_edit import LoggedSetView, SetDelete, SetEditDialog

        picked = self._picked_set()
        session = self.query_one(SessionDetail).session
        if picked is None or session is None:
            return
        line, label = picked
        view = LoggedSetView(
            line.exercise, label, line.kind, line.side, line.weight_kg,
            line.reps, line.seconds, line.rpe, line.note, session.date,
        )  # fmt: skip
        log, what = self.logbook, f"{line.exercise} {label} of {session.date.isoformat()}"

        def chosen(change: object) -> None:
            from liftlog.tui.dialogs.set_edit import SetEdit

            if isinstance(change, SetDelete):
                self._delete(line.set_id, what)
            elif isinstance(change, SetEdit):

                def job() -> Message:
                    from liftlog.service.sets import edit_as_typed

                    edit_as_typed(log, line.set_id, change.text, kind=change.kind,
                                  note=change.note, date=change.date)  # fmt: skip
                    return self.Saved(f"{what} saved.")

                self.write(job, what)

        self.app.push_screen(SetEditDialog(view, self.liftlog.athlete.units), chosen)

    def action_delete_set(self) -> None:
        picked = self._picked_set()
        session = self.query_one(SessionDetail).session
        if picked is not None and session is not None:
            line, label = picked
            self._delete(line.set_id, f"{line.exercise} {label} of {session.date.isoformat()}")

    def _delete(self, set_id: int, what: str) -> None:
        log = self.logbook

        def job() -> Message:
            from liftlog.service.sets import delete_set

            delete_set(log, set_id)
            return self.Saved(f"Deleted {what}.")

        self.write(job, what)

    def on_liftlog_screen_saved(self, message: LiftlogScreen.Saved) -> None:
        self.saved()
        self.notify(visible(message.what), title="History", markup=False)
        self.reload()
