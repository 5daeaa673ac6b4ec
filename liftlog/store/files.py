"""The log as a file: what may be opened, made private, and still the same file later.

The log holds health data, so a folder liftlog creates for it is 0700 and a log it
creates is 0600, whatever the umask (SQLite gives the log's `-wal` and `-shm` files the
log's own mode). Only a regular file is opened: a pipe, a device or a socket would
block or mean nothing, and is refused at once. A log that may not be written (the
file or its folder) is opened read-only. And because a program that deletes or
replaces the file (a sync tool, `rm`) leaves an open log writing into a file no one
will see again, `FileIdentity` tells whether the path still names the file opened.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NamedTuple

from liftlog.errors import LiftlogError

#: A folder liftlog makes for a log, and a log it makes: the owner's alone.
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


class StoreError(LiftlogError):
    """A problem with the database that the user must hear about in one sentence."""


class Found(NamedTuple):
    """What is at a log's path before it is opened."""

    exists: bool  # a file with data in it (an empty file is a log yet to be made)
    writable: bool  # the file and its folder may be written


def check_file(path: Path, magic: bytes) -> Found:
    """Look at `path` without opening a database: refuse a folder, a pipe, a device, a
    socket, a file that is not SQLite; create a missing folder (0700) and an empty
    private file for a new log. Raises StoreError with one sentence."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}.") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise StoreError(f"{path} is a folder, not a liftlog database.")
    if mode is not None and not stat.S_ISREG(mode):
        # opening a FIFO for reading would wait forever for a writer
        raise StoreError(
            f"{path} is not a regular file (a pipe, a device or a socket), "
            "so it cannot be a liftlog database."
        )
    if mode is None:
        _make_folder(path.parent)
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"cannot create a database in {path.parent}: the folder is read-only.")
        _make_private_file(path)
        return Found(exists=False, writable=True)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(magic))
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}.") from None
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if not head:
        if not writable:
            raise StoreError(f"{path} is read-only and empty; liftlog cannot make a log in it.")
        return Found(exists=False, writable=True)  # e.g. made by `touch`: a new log
    if head != magic:
        raise StoreError(f"{path} is not a liftlog database (it is not an SQLite file).")
    return Found(exists=True, writable=writable)


def _make_folder(folder: Path) -> None:
    """Create `folder` and any missing parents, each private (0700)."""
    missing = []
    for parent in [folder, *folder.parents]:
        if parent.exists():
            break
        missing.append(parent)
    for new in reversed(missing):
        try:
            new.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue  # made by another liftlog at the same moment
        except OSError as exc:
            raise StoreError(f"cannot create the folder {folder}: {exc.strerror}.") from None
        os.chmod(new, PRIVATE_FOLDER)  # mkdir's mode is cut by the umask


def _make_private_file(path: Path) -> None:
    """An empty log file only its owner can read, made before SQLite opens it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE)
    except FileExistsError:
        return  # another liftlog made it first
    except OSError as exc:
        raise StoreError(f"cannot create {path}: {exc.strerror}.") from None
    try:
        os.fchmod(fd, PRIVATE_FILE)  # os.open's mode is cut by the umask
    finally:
        os.close(fd)


class FileIdentity(NamedTuple):
    """The file a path named when the log was opened (device and inode)."""

    path: Path
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity:
        st = path.stat()
        return cls(path, st.st_dev, st.st_ino)

    def problem(self) -> str | None:
        """Why the path no longer names the opened file, or None while it does."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return f"{self.path} was deleted while liftlog had it open"
        except OSError as exc:
            return f"{self.path} cannot be reached any more ({exc.strerror})"
        if (st.st_dev, st.st_ino) != (self.device, self.inode):
            return f"{self.path} was replaced by another file while liftlog had it open"
        return None

    def check(self) -> None:
        """Raise StoreError when the log's file was deleted or replaced: whatever is
        written now goes into a file no one will see again."""
        problem = self.problem()
        if problem is not None:
            raise StoreError(f"{problem}: restart liftlog")
