"""The README's commands work as written (issue 11 item 12): the set-up, the first
steps and every command-line example, run in order on an empty log with the installed
`liftlog` on the PATH (what `source .venv/bin/activate` does); and it links only to
files that are in the repository."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(heading: str) -> list[str]:
    """The command lines of the first ```sh block after `heading`."""
    rest = README[README.index(heading) :]
    body = re.search(r"```sh\n(.*?)```", rest, re.S)
    assert body is not None, heading
    return [line for line in body[1].splitlines() if line.strip()]


def run(line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "LIFTLOG_DB": str(cwd / "readme.sqlite3"),
    }
    return subprocess.run(
        ["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_set_up_is_two_make_targets_one_runs_liftlog_one_the_tests() -> None:
    setup = block_after("## Set-up")
    assert [line.split("#")[0].strip() for line in setup] == ["make run", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run: .*\n\t\$\(BIN\)/liftlog$", makefile, re.M)
    assert re.search(r"^test: .*\n\t\$\(BIN\)/python -m pytest$", makefile, re.M)
    assert "VENV := .venv" in makefile
    assert "source .venv/bin/activate" in README  # how the examples' `liftlog` is found
    assert (Path(sys.executable).parent / "liftlog").exists()  # what activate puts on PATH


@pytest.mark.slow
def test_first_steps_and_every_cli_example_run_as_written(tmp_path: Path) -> None:
    for line in block_after("## First steps") + block_after("### Command line"):
        done = run(line, tmp_path)
        assert done.returncode == 0, f"{line}\n{done.stderr}"
        assert "Traceback" not in done.stderr


def test_the_readme_links_only_to_files_in_the_repository() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target.replace("%5B", "[").replace("%5D", "]")).exists(), target
    assert "SPEC.md" not in README  # the team's document, not the users'
