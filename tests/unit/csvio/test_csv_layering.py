"""The CSV path stays light: no ORM, no UI (STYLE.md, and the export's speed)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = {"textual", "rich", "sqlmodel", "sqlalchemy", "alembic"}


def test_export_and_import_load_neither_the_orm_nor_the_ui() -> None:
    code = (
        "import json, sys; import liftlog.csvio.export, liftlog.csvio.reader; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert HEAVY.isdisjoint(json.loads(out.stdout))


def test_the_reader_never_loads_the_store() -> None:
    """csvio is rows in, rows out (STYLE.md): reading a file touches no database."""
    code = (
        "import json, sys; import liftlog.csvio.reader; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('liftlog.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert not [m for m in json.loads(out.stdout) if m.startswith("liftlog.store")]
