"""Files liftlog must refuse: damaged, truncated, foreign, not a database at all, or in
a place it may not write. Each gets one clear line on standard error, a non-zero exit,
no traceback, and the file is left byte for byte as it was."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from liftlog.cli import build_parser
from tests.faults.conftest import Outcome, liftlog, unprivileged

pytestmark = pytest.mark.slow


def _available() -> set[str]:
    parser = build_parser()
    for action in parser._actions:
        if hasattr(action, "choices") and isinstance(action.choices, dict):
            return set(action.choices)
    return set()


_COMMANDS = [
    ("history",),
    ("history", "Back Squat", "--json"),
    ("log", "Back Squat", "60x5"),
    ("bodyweight", "70"),
    ("race", "add", "Spring Marathon", "2027-04-18", "--priority", "A"),
    ("exercises",),
    ("next", "--json"),
    ("export",),
]
COMMANDS = [c for c in _COMMANDS if c[0] in _available()]
READ_COMMANDS = {"history", "exercises", "next", "export"}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _garbage(path: Path, offset: int, size: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(random.Random(offset).randbytes(size))


def corrupt_header(history: Path, target: Path) -> None:
    """Page 1's header (page size, counters, schema cookie…) overwritten."""
    shutil.copyfile(history, target)
    _garbage(target, 16, 84)


def corrupt_pages(history: Path, target: Path) -> None:
    """64 KiB of noise in the middle of the data: the header and schema still read."""
    shutil.copyfile(history, target)
    _garbage(target, target.stat().st_size // 2, 64 * 1024)


def truncated(history: Path, target: Path) -> None:
    """Cut to half its size, as by a full disk or an interrupted copy."""
    shutil.copyfile(history, target)
    with target.open("r+b") as fh:
        fh.truncate(target.stat().st_size // 2)


def foreign(_: Path, target: Path) -> None:
    """Another program's SQLite database."""
    conn = sqlite3.connect(target)
    conn.executescript(
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);"
        "INSERT INTO contacts (name) VALUES ('Ann'), ('Bob');"
    )
    conn.close()


def text_file(_: Path, target: Path) -> None:
    target.write_text("Squat 60x5\nDeadlift 80x5\n", encoding="utf-8")


KINDS: list[object] = [
    pytest.param(corrupt_header, id="corrupt-header"),
    pytest.param(corrupt_pages, id="corrupt-pages"),
    pytest.param(truncated, id="truncated"),
    pytest.param(foreign, id="foreign-sqlite"),
    pytest.param(text_file, id="text-file"),
]


def assert_clear_refusal(result: Outcome, db: Path) -> None:
    assert result.code != 0, f"accepted: {result.out[:200]!r}"
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("liftlog: "), lines[0]
    assert "unexpected error" not in lines[0], lines[0]
    assert "export what" not in lines[0], lines[0]  # export refuses such a file too
    assert db.name in lines[0] or str(db.parent) in lines[0], lines[0]


@pytest.mark.parametrize("make", KINDS)
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_bad_file_is_refused_clearly_and_left_untouched(
    make: Callable[[Path, Path], None],
    command: tuple[str, ...],
    history_template: Path,
    tmp_path: Path,
) -> None:
    db = tmp_path / "liftlog.sqlite3"
    make(history_template, db)
    before = _sha(db)
    others = set(os.listdir(tmp_path))
    result = liftlog(db, *command, timeout=60)
    # Damage deep in the data is found by reading it: a command that only reads may
    # finish when it never touches the damaged pages (checking every page on every
    # start would cost every start); whatever writes is refused before writing.
    lucky_read = make is corrupt_pages and command[0] in READ_COMMANDS and result.code == 0
    if not lucky_read:
        assert_clear_refusal(result, db)
    assert _sha(db) == before
    # at most SQLite's empty side files may appear next to it, never new data
    for name in set(os.listdir(tmp_path)) - others:
        assert name in (f"{db.name}-wal", f"{db.name}-shm"), name
        if name.endswith("-wal"):
            assert (tmp_path / name).stat().st_size == 0


# --- a read-only location ------------------------------------------------------------


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder an unprivileged child can reach (pytest's own tmp is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="liftlog-ro-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


def _run_unprivileged(db: Path, command: tuple[str, ...]) -> Outcome:
    how = unprivileged()
    if how is None:
        pytest.skip("running as root, and neither `nobody` nor setpriv can drop the power "
                    "to write read-only files")  # fmt: skip
    prefix, options = how
    return liftlog(db, *command, prefix=prefix, timeout=60, **options)


READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


@pytest.mark.parametrize(
    "command", [c for c in COMMANDS if c[0] not in READ_COMMANDS], ids=" ".join
)
def test_a_read_only_database_refuses_writes_clearly_and_is_left_untouched(
    command: tuple[str, ...], history_template: Path, shared_tmp: Path
) -> None:
    folder = shared_tmp / "ro"
    folder.mkdir()
    db = folder / "liftlog.sqlite3"
    shutil.copyfile(history_template, db)
    db.chmod(READ_ONLY)
    folder.chmod(READ_ONLY | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    before, listing = _sha(db), sorted(os.listdir(folder))
    result = _run_unprivileged(db, command)
    assert_clear_refusal(result, db)
    assert "read-only" in result.err
    assert _sha(db) == before
    assert sorted(os.listdir(folder)) == listing


def test_a_new_database_in_a_read_only_folder_is_refused_clearly(shared_tmp: Path) -> None:
    folder = shared_tmp / "ro"
    folder.mkdir(mode=0o555)
    folder.chmod(0o555)
    db = folder / "liftlog.sqlite3"
    result = _run_unprivileged(db, ("log", "Back Squat", "60x5"))
    assert_clear_refusal(result, db)
    assert os.listdir(folder) == []
