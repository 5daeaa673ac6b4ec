"""The app in a real terminal (tmux): a fresh database with only a bodyweight shows the
Back Squat; Enter logs it; q quits; a set logged just before SIGKILL survives."""

from __future__ import annotations

import os
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
    terminal.wait(lambda: "Back Squat" in terminal.screen(), "the Back Squat prescription")
    assert "Enter logs 8 × 20 kg" in terminal.screen()
    assert "20 kg = the bar" in terminal.screen()  # an empty bar, said so
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
    assert "Enter logs 12 × 20 kg" in terminal.screen()  # the cursor is on set 2
