"""Running the programs under test as child processes: wall time, exit status, peak
memory (ru_maxrss from wait4, taken by a small launcher process), and for Textual apps
a pseudo-terminal of a fixed size.

Every measure of BENCHMARKS.md is a child process, never an in-process call, so the
numbers are what a person at a terminal waits for, imports included.
"""

from __future__ import annotations

import contextlib
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


#: Starts the program under test and reports its time, peak memory and exit code. Peak
#: memory (ru_maxrss) on Linux counts what a child inherits at fork from its parent, so
#: the child is forked from this small process, not from the harness (which may have
#: just generated a history); its time is taken here too, without its own start-up.
_LAUNCHER = """
import os, sys, time
report, argv = int(sys.argv[1]), sys.argv[2:]
began = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.close(report)
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - began
os.write(report, f"{elapsed} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}".encode())
"""


def _launch(argv: Sequence[str], **options: object) -> tuple[subprocess.Popen[bytes], int]:
    """Start `argv` under the launcher; return the launcher and the pipe it reports on."""
    read_end, write_end = os.pipe()
    try:
        proc = subprocess.Popen(  # type: ignore[call-overload]
            [sys.executable, "-S", "-c", _LAUNCHER, str(write_end), *argv],
            pass_fds=(write_end,),
            start_new_session=True,
            **options,
        )
    finally:
        os.close(write_end)
    return proc, read_end


def _report(read_end: int) -> tuple[float, int | None, float]:
    """(seconds, exit code, peak MB) from the launcher; code None when it said nothing."""
    with os.fdopen(read_end, "rb") as fh:
        text = fh.read().decode()
    if not text:
        return 0.0, None, 0.0
    seconds, maxrss_kb, code = text.split()
    return float(seconds), int(code), int(maxrss_kb) / 1024


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


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
    try:
        proc, report = _launch(
            argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE, env=env, cwd=cwd
        )
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            _, err = proc.communicate()
            os.close(report)
            return Run(timeout, None, 0.0, err.decode(errors="replace"))
    finally:
        if stdout is not None:
            out.close()  # type: ignore[union-attr]
    seconds, code, maxrss_mb = _report(report)
    return Run(seconds, code, maxrss_mb, err.decode(errors="replace"))


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
    screen = bytearray()
    try:
        proc, report = _launch(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=err if err is not None else slave,
            env={**env, "TERM": "xterm-256color", "COLORTERM": "truecolor"},
            cwd=cwd,
        )
        os.close(slave)
        deadline = time.perf_counter() + timeout
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
            if proc.poll() is not None:
                break
            if time.perf_counter() > deadline:
                _kill(proc)
                proc.wait()
                os.close(report)
                return Run(timeout, None, 0.0, "", _text(screen))
    finally:
        os.close(master)
        if err is not None:
            err.close()
    seconds, code, maxrss_mb = _report(report)
    return Run(seconds, code, maxrss_mb, "", _text(screen))


def _text(raw: bytes | bytearray) -> str:
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
