"""Seal every test off from the developer's own database and settings."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("LIFTLOG_DB", raising=False)
    monkeypatch.delenv("LIFTLOG_DEBUG", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file (not created yet)."""
    return tmp_path / "liftlog.sqlite3"
