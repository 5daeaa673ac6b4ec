"""Data flows one way (STYLE.md): the pure layers never load the UI or the database."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("textual", "rich", "sqlmodel", "sqlalchemy", "alembic")


def loaded_after_import(module: str) -> set[str]:
    code = (
        f"import json, sys; import {module}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


@pytest.mark.parametrize(
    "module",
    ["liftlog.progression", "liftlog.setgrammar", "liftlog.names", "liftlog.units"],
)
def test_pure_modules_load_no_ui_and_no_database(module: str) -> None:
    assert loaded_after_import(module).isdisjoint(HEAVY)


def test_the_store_never_loads_the_tui() -> None:
    loaded = loaded_after_import("liftlog.store.db, liftlog.store.queries, liftlog.store.writes")
    assert "textual" not in loaded


def test_the_command_line_starts_without_the_orm_or_the_tui() -> None:
    # `liftlog --help` and `liftlog next` must stay instant: heavy imports happen in handlers
    assert loaded_after_import("liftlog.cli").isdisjoint(HEAVY)
