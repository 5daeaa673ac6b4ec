"""liftlog.runs is pure I/O on files (STYLE.md): no database, no UI, no Rich."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = {"textual", "rich", "sqlmodel", "sqlalchemy", "alembic"}
MODULES = (
    "liftlog.runs.read",
    "liftlog.runs.dedupe",
    "liftlog.runs.fit_strength",
    "liftlog.runs.ical",
)


def test_the_runs_package_loads_neither_the_orm_nor_the_ui() -> None:
    code = (
        f"import json, sys; import {', '.join(MODULES)}; "
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert HEAVY.isdisjoint(loaded)
    assert "liftlog" in loaded  # the probe did import something


def test_importing_the_package_loads_no_fit_sdk() -> None:
    # liftlog/runs/__init__ imports nothing: the CLI can name the package cheaply
    code = "import sys, liftlog.runs; print('garmin_fit_sdk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_coach_and_the_app_do_not_load_the_file_readers() -> None:
    # `liftlog next` and the app's start read runs from the database, never files:
    # the FIT SDK (a large profile) and icalendar load only for an import or an export
    code = (
        "import json, sys; import liftlog.service.coach, liftlog.service.today, "
        "liftlog.service.season; print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert "liftlog.service.runs" in loaded
    assert {"garmin_fit_sdk", "icalendar", "liftlog.runs.read"}.isdisjoint(loaded)
