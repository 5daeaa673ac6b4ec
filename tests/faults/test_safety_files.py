"""Issue 10 at the edges of files and pipes, through the real command line: an export
that is cut short or cannot be written, a log that is a pipe or read-only, an export
onto a link or beside a killed export's leftovers. Each test names the issue's item."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.conftest import REPO, liftlog, unprivileged

pytestmark = pytest.mark.slow


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- 10.7 a closed pipe, a full disk -----------------------------------------------


def test_10_7_export_into_a_pipe_closed_early_ends_quietly(history_db: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "liftlog", "--db", str(history_db), "export"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"date,time,")  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) in (0, -13, 141)
    assert err == b""


def test_10_7_export_onto_a_full_disk_says_so(history_db: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "liftlog", "--db", str(history_db), "export"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            timeout=120,
        )
    assert done.returncode == 1
    assert done.stderr == "liftlog: cannot write the output: the disk is full.\n"


# --- 10.8 a log that is not a regular file --------------------------------------------


@pytest.fixture
def odd_files(tmp_path: Path) -> Iterator[dict[str, Path]]:
    fifo = tmp_path / "fifo.sqlite3"
    os.mkfifo(fifo)
    sock_path = Path(tempfile.mkdtemp(prefix="ll-")) / "s.sqlite3"  # AF_UNIX paths are short
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    yield {"fifo": fifo, "device": Path("/dev/null"), "socket": sock_path}
    sock.close()
    shutil.rmtree(sock_path.parent)


@pytest.mark.parametrize("kind", ["fifo", "device", "socket"])
def test_10_8_a_log_that_is_a_pipe_device_or_socket_is_refused_at_once(
    odd_files: dict[str, Path], kind: str
) -> None:
    path = odd_files[kind]
    result = liftlog(path, "history", timeout=30)  # a FIFO used to hang here forever
    assert result.code == 1
    assert result.err == (
        f"liftlog: {path} is not a regular file (a pipe, a device or a socket), "
        "so it cannot be a liftlog database.\n"
    )
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# --- 10.9 a read-only log is read; its writes are refused -------------------------------


@pytest.fixture
def read_only_log(history_template: Path) -> Iterator[Path]:
    """A copy of the history, read-only, in a read-only folder an unprivileged child
    can reach (pytest's own tmp is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="liftlog-ro-", dir="/tmp"))
    folder.chmod(0o755)
    db = folder / "ro" / "liftlog.sqlite3"
    db.parent.mkdir()
    shutil.copyfile(history_template, db)
    db.chmod(0o444)
    db.parent.chmod(0o555)
    yield db
    db.parent.chmod(0o755)
    shutil.rmtree(folder)


def _as_unprivileged(db: Path, *args: str) -> tuple[int, str, str]:
    how = unprivileged()
    if how is None:
        pytest.skip("running as root, and no way to drop the power to write any file")
    prefix, options = how
    result = liftlog(db, *args, prefix=prefix, timeout=60, **options)
    return result.code, result.out, result.err


@pytest.mark.parametrize(
    "command",
    [("history",), ("history", "Back Squat", "--json"), ("next", "--json"), ("export",),
     ("exercises",)],
    ids=" ".join,
)  # fmt: skip
def test_10_9_a_read_only_log_can_be_read(read_only_log: Path, command: tuple[str, ...]) -> None:
    before, listing = sha(read_only_log), sorted(os.listdir(read_only_log.parent))
    code, out, err = _as_unprivileged(read_only_log, *command)
    assert (code, err) == (0, "")
    assert out.strip()
    assert sha(read_only_log) == before
    assert sorted(os.listdir(read_only_log.parent)) == listing


@pytest.mark.parametrize(
    "command",
    [("log", "Back Squat", "60x5"), ("bodyweight", "70"), ("exercise", "add", "Sled Push"),
     ("race", "add", "Spring Marathon", "2027-04-18", "--priority", "A")],
    ids=" ".join,
)  # fmt: skip
def test_10_9_a_read_only_log_refuses_writes_in_one_line(
    read_only_log: Path, command: tuple[str, ...]
) -> None:
    before = sha(read_only_log)
    code, out, err = _as_unprivileged(read_only_log, *command)
    assert code == 1 and out == ""
    assert err == (
        f"liftlog: {read_only_log} is read-only: liftlog can show it but not change it; "
        "nothing was written.\n"
    )
    assert sha(read_only_log) == before


# --- 10.4 one atomic export ------------------------------------------------------------


def test_10_4_export_onto_a_link_replaces_its_target_and_keeps_the_link(
    history_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = liftlog(history_db, "export", "-o", str(link))
    assert result.code == 0, result.err
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8").startswith("date,time,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_10_4_a_killed_export_s_leftovers_are_cleaned_and_never_followed(
    history_db: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("mine\n")
    dead = 2**22 + 12345  # no such process (above the usual pid_max)
    stale = tmp_path / f".out.csv.{dead}.0a1b2c3d.liftlog-part"
    stale.write_text("half an export")
    planted = tmp_path / f".out.csv.{dead}.deadbeef.liftlog-part"
    planted.symlink_to(victim)
    result = liftlog(history_db, "export", "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    assert not stale.exists() and not planted.is_symlink()
    assert victim.read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "liftlog.sqlite3",
        "out.csv",
        "victim.txt",
    ]


def test_10_9_a_damaged_log_is_not_said_to_be_exportable(history_db: Path) -> None:
    with history_db.open("r+b") as fh:
        fh.seek(16)
        fh.write(b"\xff" * 84)
    result = liftlog(history_db, "export")
    assert result.code == 1 and "damaged" in result.err
    assert "export" not in result.err.split("damaged", 1)[1]
