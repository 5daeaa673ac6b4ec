"""Opening a liftlog database: checks, migrations, pragmas, connections.

`open_database` refuses files that are not liftlog databases (or are damaged or
unreadable, or not regular files) with a `StoreError` whose message is one sentence for
the user, and leaves such files exactly as they were. A log that may not be written is
opened read-only: it can be read, and every write is refused in one sentence. A
database made by an older version is upgraded by the shipped Alembic migrations before
anything else runs; the check that it is already current reads `alembic_version` with
plain `sqlite3`, so the usual start pays nothing for Alembic or SQLAlchemy.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liftlog.store.files import FileIdentity, StoreError, check_file

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

#: Every revision shipped, oldest first; a test keeps this in step with the scripts.
REVISIONS = ("0001", "0002", "0003", "0004", "0005")
HEAD_REVISION = REVISIONS[-1]
#: How long a writer waits for another process's lock before giving up (ms).
BUSY_TIMEOUT_MS = 10_000
_SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


#: A plain connection to a log, for the service layer's type hints (which never import
#: sqlite3 themselves: every statement lives in `liftlog.store`).
Connection = sqlite3.Connection


__all__ = ["StoreError"]  # defined in store.files; raised from here too


def _pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # WAL lets the TUI read while the CLI writes; FULL syncs each commit to disk so
    # a logged set survives a crash or a closed laptop lid.
    _use_wal(conn)
    conn.execute("PRAGMA synchronous = FULL")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL once; later connections only read the mode.

    Changing the journal mode needs the file to itself, and SQLite answers SQLITE_BUSY
    at once (without the busy timeout) while another process holds it, e.g. a new file
    being set up by a second liftlog: so wait for it here, up to the busy timeout.
    """
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def connect(path: Path, *, read_only: bool = False, create: bool = True) -> sqlite3.Connection:
    """A plain sqlite3 connection with liftlog's pragmas (autocommit off).

    `create=False` never makes a new file (a log deleted while open stays deleted);
    `read_only` opens it for reading only (see `_read_only`)."""
    if read_only:
        return _read_only(path)
    target: str | Path = path
    if not create:
        target = f"{path.resolve().as_uri()}?mode=rw"
    try:
        conn = sqlite3.connect(
            target, uri=not create, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise explain(path, exc) from None
    try:
        _pragmas(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise explain(path, exc) from None
    return conn


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write. A WAL log needs its `-shm` file even to be read;
    where that cannot be made (a read-only folder), the file is read as immutable:
    nothing may write it there anyway."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    for options in ("", "&immutable=1"):
        try:
            conn = sqlite3.connect(uri + options, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise explain(path, exc) from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if options or not _cannot_write(exc):
                raise explain(path, exc) from None
    raise AssertionError("unreachable")


def _cannot_write(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's count that moves whenever another connection commits to the file
    (this connection's own commits leave it alone)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def is_database_error(exc: BaseException) -> bool:
    """An error from SQLite itself, raised directly or wrapped by SQLAlchemy."""
    return isinstance(exc, sqlite3.Error) or isinstance(getattr(exc, "orig", None), sqlite3.Error)


def explain_any(path: Path, exc: BaseException) -> StoreError | None:
    """One sentence for an SQLite error (direct or wrapped); None for anything else."""
    if not is_database_error(exc):
        return None
    cause = getattr(exc, "orig", None)
    return explain(path, cause if isinstance(cause, sqlite3.Error) else exc)  # type: ignore[arg-type]


def explain(path: Path, exc: sqlite3.Error) -> StoreError:
    """One sentence for the user about an SQLite error on `path`."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return read_only_error(path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return damaged(path, exc)
    if "unable to open" in text:
        return StoreError(f"cannot open {path}: check that the folder exists and is writable.")
    if is_busy(exc):
        return StoreError(f"{path} is busy in another program; try again in a moment.")
    return StoreError(f"cannot use {path}: {exc}.")


def is_busy(exc: BaseException) -> bool:
    """A lock another program held for longer than the busy timeout."""
    cause = getattr(exc, "orig", exc)
    text = str(cause).lower()
    return isinstance(cause, sqlite3.Error) and ("locked" in text or "busy" in text)


def read_only_error(path: Path) -> StoreError:
    return StoreError(
        f"{path} is read-only: liftlog can show it but not change it; nothing was written."
    )


def _current_revision(path: Path) -> str | None:
    """The database's Alembic revision; None for a new, empty database."""
    conn = _read_only(path)
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "alembic_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise StoreError(f"{path} is not a liftlog database (it has other tables).")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        raise explain(path, exc) from None
    finally:
        conn.close()
    if row is None:
        if tables - {"alembic_version", "sqlite_sequence"}:
            # tables, but no record of which schema they are: never migrate over them
            raise StoreError(
                f"{path} is not a liftlog database (its schema version is missing); "
                "liftlog has left it as it was."
            )
        return None
    revision = str(row[0])
    if revision not in REVISIONS:
        raise StoreError(
            f"{path} was made by a newer liftlog (schema {revision}); please upgrade liftlog."
        )
    return revision


def _upgrade(path: Path) -> None:
    """Apply the shipped migrations up to the head, atomically and one process at a time.

    Python's sqlite3 module commits DDL as it goes; here the whole upgrade runs inside
    one `BEGIN IMMEDIATE` transaction instead, so a crash mid-upgrade leaves the old
    schema intact, and a second process starting at the same moment waits for the
    first and then finds nothing left to do.
    """
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    _immediate_transactions(engine)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def db_file(conn: sqlite3.Connection) -> Path:
    """The file behind a connection (for messages); its name may be any bytes."""
    raw = conn.execute("SELECT CAST(file AS BLOB) FROM pragma_database_list").fetchone()[0]
    return Path(os.fsdecode(raw))


def _immediate_transactions(engine: Engine) -> None:
    """Make every transaction on `engine` take SQLite's write lock when it begins.

    pysqlite would otherwise begin lazily, at the first INSERT, so a "look, then
    insert" (the day's workout, the next position) could interleave with another
    process doing the same. All of liftlog's ORM sessions write, so none loses by it.
    """
    from sqlalchemy import event

    def _manual_transactions(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we say BEGIN ourselves
        _pragmas(dbapi_conn)

    def _begin_immediate(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", _manual_transactions)
    event.listen(engine, "begin", _begin_immediate)


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A transaction on a plain connection that holds the write lock from its start,
    so what it reads stays true until it commits."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def quick_check(conn: sqlite3.Connection, path: Path | None = None) -> None:
    """Raise StoreError when SQLite finds the file damaged. Reads every page (about
    30 ms for 20 years of training), so it runs once, before the first write."""
    path = path or db_file(conn)
    try:
        row = conn.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.DatabaseError as exc:
        raise damaged(path, exc) from None
    if row is None or row[0] != "ok":
        raise damaged(path, row[0] if row else "no answer")


def damaged(path: Path, detail: object) -> StoreError:
    said = " ".join(str(detail).replace("*** in database main ***", "").split())
    return StoreError(
        f"{path} is damaged (SQLite says: {said}); liftlog has not written to it. "
        "Restore it from a backup."
    )


@dataclass
class Database:
    """An opened, migrated liftlog database."""

    path: Path
    #: The file may not be written: reads only, every write refused in one sentence.
    read_only: bool = False
    #: The file `path` named when it was opened (see `check_present`).
    identity: FileIdentity | None = field(default=None, repr=False)
    _engine: Engine | None = field(default=None, repr=False)
    _verified: bool = field(default=False, repr=False)

    def check_present(self) -> None:
        """Raise StoreError when the file was deleted or replaced since it was opened."""
        if self.identity is not None:
            self.identity.check()

    def check_writable(self) -> None:
        """Raise StoreError before a write that cannot be saved."""
        if self.read_only:
            raise read_only_error(self.path)
        self.check_present()

    def verify(self, conn: sqlite3.Connection | None = None) -> None:
        """Check the file is sound before the first write of this process (see quick_check)."""
        if self._verified:
            return
        own = conn is None
        conn = conn or self.connect()
        try:
            quick_check(conn, self.path)
        finally:
            if own:
                conn.close()
        self._verified = True

    def connect(self) -> sqlite3.Connection:
        """A new plain connection for fast reads (and simple writes); refused once the
        file is gone, rather than making a new, empty one in its place."""
        self.check_present()
        return connect(self.path, read_only=self.read_only, create=False)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine behind sqlmodel sessions, made on first use."""
        if self._engine is None:
            from sqlalchemy import create_engine

            engine = create_engine(
                f"sqlite:///{self.path}",
                connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            )
            _immediate_transactions(engine)
            self._engine = engine
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A sqlmodel session for writes; the caller commits (one commit per logged set).

        The first session of a process checks the file first: liftlog never writes
        into a damaged database."""
        from sqlmodel import Session

        self.check_writable()
        self.verify()

        with Session(self.engine, expire_on_commit=False) as session:
            yield session
        # deleted or replaced while this wrote: what it wrote no one will see again
        self.check_present()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def open_database(path: Path) -> Database:
    """Check, create or upgrade the database at `path` and return it ready to use."""
    path = Path(path)
    found = check_file(path, _SQLITE_MAGIC)
    revision = _current_revision(path) if found.exists else None
    if not found.writable:
        if revision != HEAD_REVISION:
            raise StoreError(
                f"{path} is read-only and was made by an older liftlog; it must be "
                "upgraded, which needs writing to it and its folder."
            )
        connect(path, read_only=True).close()  # prove it can be read
        return Database(path, read_only=True, identity=FileIdentity.of(path))
    if revision != HEAD_REVISION:
        try:
            _upgrade(path)
        except StoreError:
            raise
        except Exception as exc:  # an OperationalError from SQLAlchemy, a locked file…
            cause = getattr(exc, "orig", exc)
            if isinstance(cause, sqlite3.Error):
                raise explain(path, cause) from None
            raise StoreError(f"cannot prepare the database {path}: {exc}.") from None
    connect(path).close()  # switch to WAL and prove the pragmas hold
    return Database(path, identity=FileIdentity.of(path))
