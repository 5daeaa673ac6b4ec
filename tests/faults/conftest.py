"""Helpers of the fault tests: the real CLI as a child process, file fingerprints,
small realistic histories, and running a child without root's power over files."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: A fixed end date keeps the generated histories the same from run to run.
HISTORY_END = dt.date(2026, 11, 1)


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def liftlog(
    db: Path, *args: str, prefix: tuple[str, ...] = (), timeout: float = 120, **kwargs: object
) -> Outcome:
    """Run `liftlog --db DB ARGS...` as a child process, as a person would."""
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "liftlog", "--db", str(db), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        cwd=REPO,
        **kwargs,  # type: ignore[arg-type]
    )
    return Outcome(proc.returncode, proc.stdout, proc.stderr)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in `folder` by name, with the SHA-256 of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def make_history(path: Path, sets: int = 3000) -> Path:
    """A liftlog database holding a realistic history of `sets` sets."""
    from benchmarks.generate import write_history

    write_history(path, sets, seed=7, end=HISTORY_END)
    return path


@pytest.fixture(scope="session")
def history_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One generated history per test session; tests copy it before touching it."""
    return make_history(tmp_path_factory.mktemp("template") / "history.sqlite3")


@pytest.fixture
def history_db(history_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "liftlog.sqlite3"
    shutil.copyfile(history_template, target)
    return target


def unprivileged() -> tuple[tuple[str, ...], dict[str, object]] | None:
    """How to run a child whose file access obeys permissions: (argv prefix, Popen
    options). As root, chmod stops nothing; a child as `nobody` does, when nobody can
    reach the interpreter, else root without CAP_DAC_OVERRIDE (setpriv). None when
    neither is possible."""
    if os.geteuid() != 0:
        return (), {}
    probe = [sys.executable, "-c", "import liftlog.cli"]
    try:
        as_nobody = subprocess.run(
            probe, user=65534, group=65534, extra_groups=[], capture_output=True, cwd="/"
        )
        if as_nobody.returncode == 0:
            return (), {"user": 65534, "group": 65534, "extra_groups": []}
    except (OSError, subprocess.SubprocessError):
        pass
    setpriv = shutil.which("setpriv")
    if setpriv is not None:
        prefix = (setpriv, "--bounding-set=-dac_override,-dac_read_search", "--")
        if subprocess.run([*prefix, *probe], capture_output=True).returncode == 0:
            return prefix, {}
    return None
