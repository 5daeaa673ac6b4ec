"""A big import shows a progress bar on a terminal, and nothing when stderr is not one."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.integration.conftest import CLI

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)


def big_strong_file(path: Path, rows: int) -> Path:
    lines = [
        f"2024-{1 + i // 3000 % 12:02d}-{1 + i // 100 % 28:02d} 07:30:00,Legs,45m,"
        f"Squat (Barbell),{1 + i % 100},60,5,0,0,a note to make the row longer,,8\n"
        for i in range(rows)
    ]
    path.write_text(HEADER + "".join(lines))
    return path


def test_a_big_file_gets_a_progress_bar_on_a_terminal(cli: CLI, tmp_path: Path) -> None:
    path = big_strong_file(tmp_path / "big.csv", 14_000)
    assert path.stat().st_size > 1_000_000
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "liftlog", "--db", str(cli.db), "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=slave,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=120)
    os.close(master)
    assert proc.returncode == 0
    assert b"Imported 14000 sets" in out
    assert b"importing big.csv" in seen


def test_no_progress_bar_when_stderr_is_not_a_terminal(cli: CLI, tmp_path: Path) -> None:
    path = big_strong_file(tmp_path / "big.csv", 14_000)
    result = cli.ok("import", str(path))  # .ok checks that stderr stayed empty
    assert "Imported 14000 sets" in result.out
