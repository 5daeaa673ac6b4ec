"""The log out as CSV: export to a stream or a file (`service.imports` brings files in).

Export writes liftlog's own CSV (`csvio.export` says what is in it) and never writes
onto the log it reads: a target that is the database, its `-wal`/`-shm` files or a link
to one of them is refused. A file is written beside its target under a temporary name
(created exclusively, 0600: the log is health data), synced, then renamed over it, so
a failed export never leaves half a file with the real name; a device or pipe is
written through; a symlink's target is replaced, not the link.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, TextIO, cast

from liftlog.errors import LiftlogError
from liftlog.service.log import Log
from liftlog.store import export as store_export
from liftlog.store.athletes import get_athlete

Progress = Callable[[int, int], None]

#: Temporary files of an export: `.NAME.PID.liftlog-part` beside the target.
PART_SUFFIX = ".liftlog-part"


class ExportError(LiftlogError):
    """An export that cannot be written; the message says why. Nothing was written."""


def write_csv(log: Log, out: TextIO, progress: Progress | None = None) -> int:
    """Write the whole log to a text stream opened with `newline=""`; the rows written."""
    with log.reading() as conn:  # the athlete as now saved: units are read at export
        return store_export.export_csv(conn, get_athlete(conn, log.athlete_id), out, progress)


def _refuse_the_log(log: Log, target: Path) -> None:
    """A target that is the log (or its WAL/shared-memory file, or a link to either)."""
    db = log.path.resolve()
    guarded = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    real = target.resolve()
    for path in guarded:
        same = real == path
        if not same and target.exists() and path.exists():
            with contextlib.suppress(OSError):
                same = os.path.samefile(target, path)
        if same:
            raise ExportError(
                f"{target} is your log's own database file; export to another file "
                "(e.g. -o liftlog.csv)."
            )


def check_target(log: Log, target: Path) -> Path:
    """The file an export to `target` writes (a symlink's target), or ExportError."""
    _refuse_the_log(log, target)
    real = target.resolve() if target.is_symlink() else target
    if real.is_dir():
        raise ExportError(f"{target} is a folder; give a file name, e.g. liftlog.csv.")
    if not real.parent.is_dir():
        raise ExportError(f"cannot write {target}: the folder {real.parent} does not exist.")
    return real


def _clean_stale_parts(folder: Path, name: str) -> None:
    """Remove temporary files earlier exports of `name` left when they were killed."""
    for part in folder.glob(f".{name}.*{PART_SUFFIX}"):
        pid_text = part.name[len(name) + 2 : -len(PART_SUFFIX)].split(".")[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            part.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def _atomic(log: Log, target: Path, binary: bool) -> Iterator[IO[Any]]:
    """A file object whose content becomes `target` only when the block ends well.

    The log's own files are refused; a device or pipe is written through; anything else
    is written beside the real target (a symlink's target) under a temporary name made
    exclusively (0600), synced, then renamed over it, so a failed write never leaves half
    a file with the real name (and a killed one leaves a part the next export removes).
    """
    real = check_target(log, target)
    mode, encoding = ("wb", None) if binary else ("w", "utf-8")
    try:
        if real.exists() and not stat.S_ISREG(real.stat().st_mode):  # /dev/null, a pipe
            with real.open(mode, encoding=encoding, newline=None if binary else "") as out:
                yield out
            return
    except OSError as exc:
        raise _write_error(target, exc) from None
    _clean_stale_parts(real.parent, real.name)
    part = real.with_name(f".{real.name}.{os.getpid()}.{os.urandom(4).hex()}{PART_SUFFIX}")
    try:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=None if binary else "") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise _write_error(target, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise


def export_csv_file(log: Log, target: Path, progress: Progress | None = None) -> int:
    """Write the whole log to the file `target`, atomically; the rows written."""
    with _atomic(log, target, binary=False) as out:
        return write_csv(log, cast(TextIO, out), progress)


def export_bytes_file(log: Log, target: Path, data: bytes) -> None:
    """Write `data` (a FIT file, a calendar) to `target` as the CSV export writes: never
    onto the log, under a temporary name first, then renamed over the target."""
    with _atomic(log, target, binary=True) as out:
        out.write(data)


def _write_error(target: Path, exc: OSError) -> ExportError:
    if exc.errno == errno.ENOSPC:
        return ExportError(f"cannot write {target}: the disk is full; nothing was exported.")
    return ExportError(f"cannot write {target}: {exc.strerror or exc}.")
