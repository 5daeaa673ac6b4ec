"""liftlog.progression stays pure: no Textual, Rich, sqlmodel or SQLAlchemy (STYLE.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FORBIDDEN = ("textual", "rich", "sqlmodel", "sqlalchemy", "alembic", "liftlog.store", "liftlog.tui")


def loaded_by(code: str) -> list[str]:
    """The modules loaded after running `code` in a fresh interpreter."""
    code += ";import json, sys;print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    loaded: list[str] = json.loads(out)
    return loaded


def test_importing_progression_loads_no_ui_or_database_module():
    loaded = loaded_by("from liftlog.progression import *")  # every rule module
    assert "liftlog.progression.engine" in loaded
    bad = [m for m in loaded if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]
    assert bad == []


def test_every_progression_module_starts_with_a_docstring():
    import ast

    for path in sorted((ROOT / "liftlog" / "progression").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path.name} has no module docstring"
