"""The app's one writer: first in, first out, on one thread; a failed write is said."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from textual.app import App
from textual.message import Message

from liftlog.service.log import Log
from liftlog.tui.app import LiftlogApp
from liftlog.tui.writer import WriteFailed, Writer

from .conftest import TODAY
from .helpers import settle

Sql = Callable[..., list[tuple[object, ...]]]


class Done(Message):
    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n


class Host(App[None]):
    """A bare app that counts what comes back from its writer."""

    def __init__(self) -> None:
        super().__init__()
        self.writer = Writer(self)
        self.done: list[int] = []
        self.failed: list[str] = []

    def on_done(self, message: Done) -> None:
        self.done.append(message.n)

    def on_write_failed(self, message: WriteFailed) -> None:
        self.failed.append(f"{message.what}: {message.error}")


async def test_writes_run_one_at_a_time_in_the_order_they_were_asked() -> None:
    app = Host()
    ran: list[int] = []
    threads: set[int] = set()
    running = threading.Lock()

    def job(n: int) -> Callable[[], Message]:
        def write() -> Message:
            assert running.acquire(blocking=False), "two writes at once"
            try:
                threads.add(threading.get_ident())
                time.sleep(0.002 * (n % 3))  # uneven work must not reorder anything
                ran.append(n)
            finally:
                running.release()
            return Done(n)

        return write

    async with app.run_test() as pilot:
        for n in range(40):
            app.writer.submit(job(n), app, f"write {n}")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.writer.busy
    assert ran == list(range(40))
    assert app.done == list(range(40))
    assert threading.get_ident() not in threads  # never on the UI thread


async def test_a_failed_write_is_reported_and_the_next_one_still_runs() -> None:
    app = Host()

    def broken() -> Message:
        raise OSError("disk full")

    async with app.run_test() as pilot:
        app.writer.submit(broken, app, "set 2")
        app.writer.submit(lambda: Done(3), app, "set 3")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.failed == ["set 2: disk full"]
    assert app.done == [3]


async def test_undo_never_overtakes_the_set_it_undoes(with_bodyweight: Log, sql: Sql) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter", "enter", "u")  # three sets, then undo at once
        await settle(pilot)
    assert sql("SELECT kind, reps FROM workout_set ORDER BY id") == [("warmup", 8), ("work", 12)]
