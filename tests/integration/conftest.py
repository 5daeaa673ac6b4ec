"""The real CLI as a subprocess on temporary database files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class CLI:
    db: Path

    def __call__(
        self,
        *args: str,
        db: Path | None = None,
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> Result:
        cmd = [sys.executable, "-m", "liftlog"]
        target = db if db is not None else self.db
        cmd += ["--db", str(target), *args]
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            input=input,
            timeout=120,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def ok(self, *args: str) -> Result:
        result = self(*args)
        assert result.code == 0, result.err
        assert result.err == ""
        return result


@pytest.fixture
def cli(db_path: Path) -> CLI:
    return CLI(db_path)
