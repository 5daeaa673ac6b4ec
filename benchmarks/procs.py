"""Running the programs under test as child processes: wall time, exit status, peak
memory (ru_maxrss from wait4), and for Textual apps a pseudo-terminal of a fixed size.

Every measure of BENCHMARKS.md is a child process, never an in-process call, so the
numbers are what a person at a terminal waits for, imports included.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: A screen the size of a laptop terminal in the gym.
TERMINAL_SIZE = (40, 120)  # rows, columns
_ANSI = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)


@dataclass
class Run:
    """One run of a child process."""

    seconds: float
    code: int | None  # None when it was killed for running too long
    maxrss_mb: float
    stderr: str = ""
    screen: str = ""  # the text a pty child wrote, escape sequences removed

    @property
    def ok(self) -> bool:
        return self.code == 0


def liftlog_argv() -> list[str]:
    """How a person starts liftlog: the console script next to this interpreter."""
    script = Path(sys.executable).parent / "liftlog"
    return [str(script)] if script.exists() else [sys.executable, "-m", "liftlog"]


def _wait(pid: int, box: dict[str, object]) -> None:
    _, status, usage = os.wait4(pid, 0)
    box["end"] = time.perf_counter()
    box["status"] = status
    box["maxrss"] = usage.ru_maxrss  # kB on Linux


def run(
    argv: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    stdout: Path | None = None,
    timeout: float = 300.0,
    cwd: Path | None = None,
) -> Run:
    """Run `argv` to completion with standard output to `stdout` (or nowhere)."""
    out = stdout.open("wb") if stdout is not None else subprocess.DEVNULL
    box: dict[str, object] = {}
    try:
        began = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE, env=env, cwd=cwd
        )
        waiter = threading.Thread(target=_wait, args=(proc.pid, box), daemon=True)
        waiter.start()
        assert proc.stderr is not None
        err = proc.stderr.read()  # the waiter records the exit time, not this read
        waiter.join(timeout)
        if waiter.is_alive():
            proc.kill()
            waiter.join()
            return Run(timeout, None, 0.0, err.decode(errors="replace"))
    finally:
        if stdout is not None:
            out.close()  # type: ignore[union-attr]
    proc.returncode = os.waitstatus_to_exitcode(box["status"])  # type: ignore[arg-type]
    return Run(
        float(box["end"]) - began,  # type: ignore[arg-type]
        proc.returncode,
        int(box["maxrss"]) / 1024,  # type: ignore[call-overload]
        err.decode(errors="replace"),
    )


def run_in_terminal(
    argv: Sequence[str],
    *,
    env: dict[str, str],
    size: tuple[int, int] = TERMINAL_SIZE,
    timeout: float = 60.0,
    stderr: Path | None = None,
    cwd: Path | None = None,
) -> Run:
    """Run a Textual app in a pseudo-terminal until it exits by itself (or `timeout`)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
    err = stderr.open("wb") if stderr is not None else None
    box: dict[str, object] = {}
    screen = bytearray()
    try:
        began = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=err if err is not None else slave,
            env={**env, "TERM": "xterm-256color", "COLORTERM": "truecolor"},
            start_new_session=True,
            cwd=cwd,
        )
        os.close(slave)
        waiter = threading.Thread(target=_wait, args=(proc.pid, box), daemon=True)
        waiter.start()
        deadline = began + timeout
        while True:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                screen += chunk
                if chunk:
                    continue
            if not waiter.is_alive():
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                waiter.join()
                return Run(timeout, None, 0.0, "", _text(screen))
    finally:
        os.close(master)
        if err is not None:
            err.close()
    proc.returncode = os.waitstatus_to_exitcode(box["status"])  # type: ignore[arg-type]
    return Run(
        float(box["end"]) - began,  # type: ignore[arg-type]
        proc.returncode,
        int(box["maxrss"]) / 1024,  # type: ignore[call-overload]
        "",
        _text(screen),
    )


def _text(raw: bytes) -> str:
    return _ANSI.sub(b"", bytes(raw)).decode("utf-8", errors="replace")


def import_profile(lines: str, top: int = 6) -> tuple[float, list[tuple[str, float]]]:
    """From `python -X importtime` output: the total import ms, and the packages that
    cost most (cumulative ms each time one is first pulled in by another package),
    liftlog's own package left out since it holds all the others."""
    entries = []
    for line in lines.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if match is not None:
            entries.append((len(match[2]) // 2, match[3].split(".")[0], int(match[1]) / 1000))
    total = sum(ms for level, _, ms in entries if level == 0)
    packages: dict[str, float] = {}
    stack: list[tuple[int, str]] = []
    for level, root, ms in reversed(entries):  # reversed post-order: parents first
        while stack and stack[-1][0] >= level:
            stack.pop()
        if not stack or stack[-1][1] != root:
            packages[root] = packages.get(root, 0.0) + ms
        stack.append((level, root))
    packages.pop("liftlog", None)
    ranked = sorted(packages.items(), key=lambda kv: kv[1], reverse=True)
    return total, ranked[:top]
