"""Issue 10.2/10.3 in a real terminal (tmux): the app on a log holding `[/]`, `[/link]`
and an OSC 52 name visits every screen, stays alive, and never writes the names'
escape sequences: `pipe-pane` records every byte the app sends to the terminal (a
capture of the pane would only show what the terminal made of them)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from liftlog.service.log import open_log

from .hostile import seed_hostile
from .test_terminal import Terminal

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

#: Every screen and dialog: the key that reaches it (tmux's name), and a text on screen
#: there ("-" in front: a text gone, for a dialog that closed).
TOUR = [
    ("a", "Add an exercise"),  # Today's picker lists every name
    ("Escape", "-Add an exercise"),
    ("h", "Sessions"),
    ("v", "Records"),
    ("f", "Lift [/] x"),  # History's exercise list
    ("Escape", "-Lift [/] x"),
    ("s", "Races"),
    ("e", "Date (YYYY-MM-DD)"),
    ("Escape", "-Date (YYYY-MM-DD)"),
    ("x", "Catalog"),
    ("End", "yours"),
    ("p", "Bodyweight"),
    ("?", "Keys"),
    ("Escape", "-Esc closes"),
    ("C-p", "Search for commands"),
    ("Escape", "-Search for commands"),
    ("t", "Enter logs"),
]


def on_screen(terminal: Terminal, text: str) -> bool:
    screen = terminal.screen()
    return text[1:] not in screen if text.startswith("-") else text in screen


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"liftlog-safety-{os.getpid()}")
    yield term
    term.tmux("kill-server")


def test_hostile_names_never_reach_the_terminal_raw(
    terminal: Terminal, db_path: Path, tmp_path: Path
) -> None:
    log = open_log(db_path)
    seed_hostile(log, dt.date.today())
    log.close()
    written = tmp_path / "written.bin"
    # a shell that waits for Enter, so the recording starts before the app does
    terminal.runs += 1
    terminal.target = "safety"
    app = f"exec {sys.executable} -m liftlog --db {db_path}"
    terminal.tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", terminal.target,
                  f"read _; {app}")  # fmt: skip
    terminal.tmux("set-option", "-t", terminal.target, "remain-on-exit", "on")
    terminal.tmux("pipe-pane", "-t", terminal.target, f"cat > {written}")
    terminal.keys("Enter")
    terminal.wait(lambda: "Enter logs" in terminal.screen(), "Today")
    for key, shows in TOUR:
        terminal.keys(key)
        terminal.wait(lambda s=shows: on_screen(terminal, s), f"{shows!r} after {key}")
        assert not terminal.dead(), f"the app died after {key}"
    terminal.keys("q")
    terminal.wait(terminal.dead, "liftlog to quit on q")
    time.sleep(0.5)  # the last bytes on their way through the pipe
    data = written.read_bytes()
    assert b"cm0gLXJmIH4K" in data  # the OSC 52 name was drawn…
    assert b"\\x1b]52;c;cm0gLXJmIH4K" in data  # …as visible escapes
    for raw in (b"\x1b]52", b"\x1b]0;owned", b"\xc2\x9b", b"\xe2\x80\xae"):
        assert raw not in data, raw
