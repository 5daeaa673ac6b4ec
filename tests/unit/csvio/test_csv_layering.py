"""The CSV path stays light: no ORM, no UI (STYLE.md, and the export's speed)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = {"textual", "rich", "sqlmodel", "sqlalchemy", "alembic"}


def test_export_and_import_load_neither_the_orm_nor_the_ui() -> None:
    code = (
        "import json, sys; import liftlog.csvio.export, liftlog.csvio.importer; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert HEAVY.isdisjoint(json.loads(out.stdout))
