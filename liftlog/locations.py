"""Where liftlog keeps its files: the default database and the shipped data."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "liftlog"
DB_ENV = "LIFTLOG_DB"


def default_db_path() -> Path:
    """The per-user database: the platform's user data directory (platformdirs)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "liftlog.sqlite3"


def resolve_db_path(cli_value: str | None) -> Path:
    """`--db` wins, then `LIFTLOG_DB`, then the per-user default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def data_dir() -> Path:
    """The catalog and programs: inside the package when installed from a wheel,
    the repository's top-level `data/` in a source checkout (editable install)."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "data"
