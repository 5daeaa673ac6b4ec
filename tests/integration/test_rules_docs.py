"""docs/rules.md never drifts from the code: its worked examples are what the CLI prints.

Each `<!-- example: NAME -->` block is a list of `$ liftlog …` commands; the test runs
them with the real CLI on a new database and puts the output of every `next` under its
command. A difference fails the test with a diff; `LIFTLOG_REGEN_DOCS=1` rewrites the
blocks instead (read the diff before committing it). The rest of the document is checked
too: every rule R1–R22 has its section and source, and every constant it names exists.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
from pathlib import Path

import pytest

from liftlog.progression import constants
from tests.integration.conftest import CLI

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "rules.md"
BLOCK = re.compile(
    r"(?P<head><!-- example: (?P<name>[\w-]+) -->\n```console\n)(?P<body>.*?)(?P<tail>```)", re.S
)
PROMPT = "$ liftlog "


def run_example(name: str, body: str, tmp_path: Path) -> str:
    """The block as it should read: each command, and under each `next` what it printed."""
    cli = CLI(tmp_path / f"{name}.sqlite3")
    lines: list[str] = []
    for line in body.splitlines():
        if not line.startswith(PROMPT):
            continue
        args = shlex.split(line[len(PROMPT) :])
        result = cli.ok(*args)
        lines.append(line)
        if args[0] == "next":
            lines.extend(result.out.rstrip("\n").splitlines())
    return "\n".join(lines) + "\n"


def test_the_worked_examples_are_what_liftlog_next_prints(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert len(blocks) >= 5, "docs/rules.md lost its worked examples"

    def fresh(m: re.Match[str]) -> str:
        return m["head"] + run_example(m["name"], m["body"], tmp_path) + m["tail"]

    regenerated = BLOCK.sub(fresh, text)
    if regenerated == text:
        return
    if os.environ.get("LIFTLOG_REGEN_DOCS") == "1":
        DOC.write_text(regenerated, encoding="utf-8")
        return
    diff = "".join(
        difflib.unified_diff(
            text.splitlines(keepends=True),
            regenerated.splitlines(keepends=True),
            "docs/rules.md",
            "what liftlog prints",
        )
    )
    pytest.fail(
        "docs/rules.md's examples differ from the CLI (LIFTLOG_REGEN_DOCS=1 rewrites them):\n"
        + diff
    )


def test_every_rule_has_its_section_a_source_and_its_constants_exist() -> None:
    text = DOC.read_text(encoding="utf-8")
    prose = BLOCK.sub("", text)
    for n in range(1, 23):
        section = re.search(rf'<a id="r{n}"></a>\n### R{n} — .*?(?=\n<a id=|\n## |\Z)', prose, re.S)
        assert section is not None, f"R{n} has no section"
        assert "Source:" in section[0] and "Tuned by:" in section[0], f"R{n}"
    named = set(re.findall(r"`([A-Z][A-Z0-9_]{2,})`", prose))
    assert len(named) > 40
    missing = sorted(n for n in named if not hasattr(constants, n))
    assert missing == [], f"docs/rules.md names constants that do not exist: {missing}"


def test_next_points_from_the_rule_ids_to_this_document(cli: CLI) -> None:
    out = cli.ok("next", "--date", "2027-01-04", "--exercise", "Back Squat").out
    assert "  rules:   R1 R9 R13 — docs/rules.md" in out
    for rule in ("R1", "R9", "R13"):
        assert f'<a id="{rule.lower()}"></a>' in DOC.read_text(encoding="utf-8")
