"""Data flows one way (STYLE.md): the pure layers never load the UI or the database, and
every SQL statement lives in `liftlog.store` (import-linter holds the imports too)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("textual", "rich", "sqlmodel", "sqlalchemy", "alembic")
PACKAGE = Path(__file__).resolve().parents[2] / "liftlog"
MIGRATIONS = PACKAGE / "store" / "migrations"


def loaded_after_import(module: str) -> set[str]:
    code = (
        f"import json, sys; import {module}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


@pytest.mark.parametrize(
    "module",
    ["liftlog.progression", "liftlog.inputs", "liftlog.names", "liftlog.units", "liftlog.textsafe"],
)
def test_pure_modules_load_no_ui_and_no_database(module: str) -> None:
    assert loaded_after_import(module).isdisjoint(HEAVY)


def test_the_store_and_the_service_never_load_the_tui() -> None:
    loaded = loaded_after_import(
        "liftlog.store.db, liftlog.store.sets, liftlog.service.coach, liftlog.service.today"
    )
    assert "textual" not in loaded


def test_the_command_line_starts_without_the_orm_or_the_tui() -> None:
    # `liftlog --help` and `liftlog next` must stay instant: heavy imports happen in handlers
    assert loaded_after_import("liftlog.cli").isdisjoint(HEAVY)


def _sources(outside_store: bool) -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not (outside_store and (PACKAGE / "store") in path.parents)
    ]


_DATABASE_IMPORT = re.compile(r"^\s*(?:import|from)\s+(sqlite3|sqlmodel|sqlalchemy)\b", re.M)
# a statement's opening words as SQL writes them, inside a string literal
_SQL_TEXT = re.compile(
    r"""["'](?:SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|INDEX|TRIGGER)|PRAGMA\s|BEGIN\b)"""
)


def test_no_database_import_and_no_sql_outside_the_store() -> None:
    offenders = []
    for path in _sources(outside_store=True):
        text = path.read_text(encoding="utf-8")
        if _DATABASE_IMPORT.search(text) or _SQL_TEXT.search(text):
            offenders.append(str(path.relative_to(PACKAGE.parent)))
    assert offenders == []


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in _sources(outside_store=False)
        if MIGRATIONS not in path.parents
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_the_import_contracts_hold() -> None:
    """pyproject.toml's import-linter contracts (`lint-imports`), as `make check` runs them."""
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run(
        [str(lint)], capture_output=True, text=True, cwd=PACKAGE.parent, check=False
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout
