"""The messages Today's workers and writes post back to it (handlers: `on_today_…`)."""

from __future__ import annotations

from textual.message import Message

from liftlog.progression.new_records import NewRecord
from liftlog.service.summary import SessionSummary
from liftlog.service.today import DoneSet, ExerciseBlock, TodayView


class Loaded(Message, namespace="today"):
    """The day's session, read."""

    def __init__(self, view: TodayView) -> None:
        super().__init__()
        self.view = view


class Logged(Message, namespace="today"):
    """A set is on disk: its id, the records it set (R12), the week's sessions now."""

    def __init__(
        self, key: int, set_id: int, records: tuple[NewRecord, ...], week: int | None
    ) -> None:
        super().__init__()
        self.key, self.set_id, self.records, self.week = key, set_id, records, week


class LogFailed(Message, namespace="today"):
    """A set could not be saved: it is shown as not logged again."""

    def __init__(self, key: int, error: str) -> None:
        super().__init__()
        self.key, self.error = key, error


class Removed(Message, namespace="today"):
    """A logged set was deleted (`what` says which); None: there was none to undo."""

    def __init__(self, set_id: int | None, what: str) -> None:
        super().__init__()
        self.set_id, self.what = set_id, what


class Edited(Message, namespace="today"):
    """A logged set was changed in place (typed over its row)."""

    def __init__(self, key: int, done: DoneSet, what: str) -> None:
        super().__init__()
        self.key, self.done, self.what = key, done, what


class Changed(Message, namespace="today"):
    """A write that changes the day's view (an edit, an override): read it again."""

    def __init__(self, what: str, focus_set_id: int | None = None, error: str = "") -> None:
        super().__init__()
        self.what, self.focus_set_id, self.error = what, focus_set_id, error


class BlockAdded(Message, namespace="today"):
    def __init__(self, block: ExerciseBlock) -> None:
        super().__init__()
        self.block = block


class SummaryRead(Message, namespace="today"):
    def __init__(self, summary: SessionSummary) -> None:
        super().__init__()
        self.summary = summary
