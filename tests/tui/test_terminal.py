"""The app in a real terminal (tmux): a fresh database with only a bodyweight shows the
Back Squat; Enter logs it; q quits; a set logged just before SIGKILL survives."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Terminal:
    """One tmux server of our own (its own socket), an 80×24 window running liftlog."""

    def __init__(self, socket: str) -> None:
        self.socket = socket
        self.runs = 0
        self.target = ""

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10
        )
        return done.stdout

    def start(self, db: Path) -> None:
        """A new window (the last one stays, dead, so its exit can be seen)."""
        self.runs += 1
        self.target = f"liftlog{self.runs}"
        command = f"exec {sys.executable} -m liftlog --db {db}"
        self.tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", self.target, command)
        self.tmux("set-option", "-t", self.target, "remain-on-exit", "on")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.target, *keys)

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", self.target, "#{pane_pid}").strip())

    def dead(self) -> bool:
        """The process ended (its pane stays, marked dead; or the session is gone)."""
        state = self.tmux("display-message", "-p", "-t", self.target, "#{pane_dead}").strip()
        return state in ("1", "")

    def wait(self, ok: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
        ends = time.monotonic() + timeout
        while time.monotonic() < ends:
            if ok():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen was:\n{self.screen()}")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"liftlog-test-{os.getpid()}")
    yield term
    term.tmux("kill-server")


def sets_on_disk(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT e.name, s.kind, s.weight_kg, s.reps FROM workout_set s"
            " JOIN exercise e ON e.id = s.exercise_id ORDER BY s.id"
        ).fetchall()
    finally:
        conn.close()


def test_real_terminal_log_quit_and_survive_sigkill(terminal: Terminal, db_path: Path) -> None:
    cli = [sys.executable, "-m", "liftlog", "--db", str(db_path)]
    subprocess.run([*cli, "bodyweight", "70"], check=True, capture_output=True, timeout=60)

    terminal.start(db_path)
    # the whole prescription, an empty bar said so (waited for together: a frame may
    # draw the prompt line before the set list, or the other way round)
    wanted = ("Back Squat", "Enter logs 8 × 20 kg", "20 kg = the bar")
    terminal.wait(lambda: all(w in terminal.screen() for w in wanted), "the prescription")
    terminal.keys("Enter")
    terminal.wait(lambda: len(sets_on_disk(db_path)) == 1, "the warm-up on disk")
    terminal.keys("q")
    terminal.wait(terminal.dead, "liftlog to quit on q")

    terminal.start(db_path)
    terminal.wait(lambda: "✓ warm-up 1" in terminal.screen(), "the logged warm-up, ticked")
    terminal.keys("Enter")  # the first work set, 12 × 20 kg
    terminal.wait(lambda: "✓ set 1" in terminal.screen(), "the work set confirmed")
    os.kill(terminal.pid(), signal.SIGKILL)
    terminal.wait(terminal.dead, "the process to die")
    assert sets_on_disk(db_path) == [
        ("Back Squat", "warmup", 20.0, 8),
        ("Back Squat", "work", 20.0, 12),
    ]

    terminal.start(db_path)
    terminal.wait(lambda: "✓ set 1" in terminal.screen(), "both sets after the restart")
    # the cursor is on set 2 (the prompt line may come a frame after the list)
    terminal.wait(lambda: "Enter logs 12 × 20 kg" in terminal.screen(), "the prompt for set 2")


def highlighted_row(terminal: Terminal) -> str | None:
    """The set row under the cursor on Today, as plain text (None: none is on screen).

    The cursor's row is the only set row drawn with a background colour set before
    its mark (`○`, `✓`, `+`); the others start in the panel's own colours."""
    raw = terminal.tmux("capture-pane", "-p", "-e", "-t", terminal.target)
    for line in raw.splitlines():
        plain = re.sub(r"\x1b\[[0-9;]*m", "", line)
        for mark in ("○ ", "✓ ", "+ one more"):
            at = line.find(mark)
            inside = plain.startswith("│") and plain.lstrip("│ ").startswith(mark[0])
            if at > 0 and "48;" in line[:at] and inside:
                return plain
    return None


def seed_weeks(db: Path) -> dt.date:
    """Three sessions of squats and push-ups over the last fortnight (the real today)."""
    from liftlog.inputs import parse_set
    from liftlog.service.exercises import find_exercise
    from liftlog.service.log import open_log
    from liftlog.service.profile import log_bodyweight
    from liftlog.service.sets import log_sets

    log = open_log(db)
    today = dt.date.today()
    log_bodyweight(log, 70, today - dt.timedelta(days=10))
    for ago in (11, 7, 4):
        day = today - dt.timedelta(days=ago)
        squat, push = find_exercise(log, "Back Squat"), find_exercise(log, "Push-Up")
        log_sets(log, squat, [parse_set("60x8")] * 3, date=day, warmups=[parse_set("30x8")])
        log_sets(log, push, [parse_set("x12")] * 3, date=day)
    log.close()
    return today - dt.timedelta(days=4)


def prescribed_left(db: Path) -> int:
    """How many prescribed sets of the real today are not logged yet."""
    from liftlog.service.log import open_log
    from liftlog.service.today import today_view

    log = open_log(db)
    try:
        return today_view(log, dt.date.today()).prescribed_left()
    finally:
        log.close()


def test_real_terminal_the_gym_floor(terminal: Terminal, db_path: Path) -> None:
    """Issue 11 in a real 80×24 terminal: last time on Today; `16x10` Enter logs 16 × 10
    and stays on Today; logging every prescribed set with Enter and Space, the next
    set not yet logged is always on the screen, until the session's summary."""
    last = seed_weeks(db_path)
    terminal.start(db_path)
    last_time = f"last {last.strftime('%a %-d %b')}: 60 × 8 8 8"
    # the whole frame, not the first lines of one the terminal is still drawing
    terminal.wait(lambda: last_time in terminal.screen(), "Today's Back Squat and last time")

    seeded = len(sets_on_disk(db_path))
    terminal.keys("1", "6", "x", "1", "0", "Enter")
    terminal.wait(lambda: len(sets_on_disk(db_path)) == seeded + 1, "16 × 10 on disk")
    assert sets_on_disk(db_path)[-1] == ("Back Squat", "warmup", 16.0, 10)
    screen = terminal.screen()
    assert "Tuesday" in screen or "day " in screen  # Today's panel, not another screen
    assert "Catalog" not in screen and "Sessions" not in screen

    def next_set_on_screen() -> bool:
        return "○" in (highlighted_row(terminal) or "")

    for step in range(prescribed_left(db_path)):
        terminal.wait(next_set_on_screen, f"the next set under the cursor, on screen ({step})")
        count = len(sets_on_disk(db_path))
        terminal.keys("Space" if step % 2 else "Enter")
        if step % 2:
            terminal.keys("Enter")
        terminal.wait(lambda c=count: len(sets_on_disk(db_path)) == c + 1, f"set {step} on disk")
        terminal.wait(lambda: "…" not in (highlighted_row(terminal) or ""), "the row confirmed")
    terminal.wait(lambda: "Session of" in terminal.screen(), "the session's summary")
    terminal.wait(lambda: "Next time" in terminal.screen(), "the summary's next time")
    assert len(sets_on_disk(db_path)) - seeded == step + 2 > 20  # every prescribed set
