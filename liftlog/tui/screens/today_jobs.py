"""Logging one set from Today, as a job for the app's one writer, and the rule for
when no rest follows a set (the other side of the same set comes next, R11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.message import Message

from liftlog.inputs import ParsedSet
from liftlog.service import ExerciseRow
from liftlog.service.log import Log
from liftlog.service.today import PlannedSet
from liftlog.tui.screens import today_messages as msg
from liftlog.tui.text import not_saved
from liftlog.tui.widgets.set_list import set_label


def log_job(
    log: Log, date: dt.date, s: PlannedSet, row: ExerciseRow, parsed: ParsedSet
) -> Callable[[], Message]:
    """Write `parsed` as the set `s` of `date` (on the writer's thread); the message says
    whether it is saved, the records it set (R12) and the week's sessions after it."""
    key, kind, what = s.key, s.kind, f"{s.exercise} {set_label(s)}"

    def job() -> Message:
        from liftlog.service.records import records_of_set
        from liftlog.service.sets import log_sets
        from liftlog.service.today import sessions_this_week

        warmup = kind == "warmup"
        try:
            logged = log_sets(log, row, [] if warmup else [parsed], date=date,
                              warmups=[parsed] if warmup else [],
                              kind="work" if warmup else kind)  # fmt: skip
        except Exception as exc:  # shown to the athlete; the set stays unlogged
            return msg.LogFailed(key, not_saved(what, exc, log))
        set_id = logged.ids[0]
        try:  # the set is saved; what follows only adds to what is shown
            records = () if warmup else records_of_set(log, row.id, date, set_id)
            week: int | None = sessions_this_week(log, date)
        except Exception:
            records, week = (), None
        return msg.Logged(key, set_id, records, week)

    return job


def sides_of_one_set(done: PlannedSet, nxt: PlannedSet | None) -> bool:
    """True when `nxt` is the other side of the same set as `done` (R11: no rest)."""
    return (
        nxt is not None
        and done.side is not None
        and nxt.side is not None
        and nxt.side != done.side
        and nxt.exercise_id == done.exercise_id
        and nxt.kind == done.kind == "work"
        and nxt.number == done.number
        and not nxt.extra
    )
