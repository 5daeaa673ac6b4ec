"""Issue 10.2/10.3 as properties: any text at all — markup brackets, control and escape
sequences, right-to-left and combining marks, very long strings — stored as an exercise
name, a race name and a note, goes through every screen of the app and every printer
of the command line without an exception and without a raw control character out.

The app runs under Pilot (its screenshots keep every character as drawn); the command
line runs in-process, as `test_fuzz_cli` does, for speed. `liftlog export` is left out
on purpose: it writes the CSV exactly, as data, for `liftlog import` to read back."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Tree

from liftlog.cli import main
from liftlog.service.log import open_log
from liftlog.tui.app import LiftlogApp
from tests.tui.helpers import settle
from tests.tui.hostile import RAW, seed_hostile

pytestmark = pytest.mark.slow

TODAY = dt.date(2027, 1, 5)
HOSTILE_PIECES = st.sampled_from(
    ["[", "]", "[/]", "[/link]", "[bold red]", "[@click=app.quit]", "$text", "\\", "\x00",
     "\x1b]52;c;cm0gLXJmIH4K\x07", "\x1b]0;owned\x1b\\", "\x1b[2J", "\x07", "\x08", "\r", "\n",
     "\t", "\x7f", "\x9b31m", "\x85", "\u202e", "\u2066", "\u2028", "\u200d", "\u0301",
     "שלום", "مرحبا", "e\u0301\u0301\u0301", "🏋\ufe0f", "ｗｉｄｅ"]
)  # fmt: skip
ANY_CHARACTER = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
text = st.one_of(
    st.lists(st.one_of(HOSTILE_PIECES, ANY_CHARACTER), min_size=1, max_size=8).map("".join),
    st.text(st.characters(exclude_categories=["Cs"]), min_size=300, max_size=2000),
)
#: An own exercise's name never equals a catalog name: the marker keeps them apart.
exercise_names = text.map(lambda t: "~" + t)


def seeded(folder: Path, name: str, race: str, note: str) -> Path:
    db = folder / "liftlog.sqlite3"
    log = open_log(db)
    try:
        seed_hostile(log, TODAY, names=(name,), race=race, note=note)
    finally:
        log.close()
    return db


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(name=exercise_names, race=text, note=text)
def test_any_text_goes_through_every_screen(name: str, race: str, note: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = seeded(Path(folder), name, race, note)
        asyncio.run(_tour(db))


async def _tour(db: Path) -> None:
    log = open_log(db)
    app = LiftlogApp(log, today=TODAY)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            for key in ("end", "a", "escape", "h", "enter", "v", "f", "escape", "s", "e",
                        "escape", "x", "p", "t"):  # fmt: skip
                await pilot.press(key)
                await settle(pilot)
                assert app.is_running, key
                assert RAW.findall(app.export_screenshot()) == [], key
                if key == "x":  # every leaf of the catalog, with its details
                    tree = app.screen.query_one("#catalog", Tree)
                    tree.move_cursor(tree.root.children[0].children[-1])
                    await settle(pilot)
                    assert RAW.findall(app.export_screenshot()) == []
    finally:
        log.close()


# --- the command line ------------------------------------------------------------------


def _run(db: Path, *argv: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), *argv])
    assert code == 0, (argv, err.getvalue())
    return out.getvalue(), err.getvalue()


PRINTERS = [
    ("exercises",),
    ("history",),
    ("race", "list"),
    ("next", "--date", TODAY.isoformat()),
    ("profile",),
]
JSON_PRINTERS = [
    ("exercises", "--json"),
    ("history", "--json"),
    ("race", "list", "--json"),
    ("next", "--date", TODAY.isoformat(), "--json"),
]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(name=exercise_names, race=text, note=text)
def test_any_text_goes_through_every_printer(name: str, race: str, note: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = seeded(Path(folder), name, race, note)
        for command in PRINTERS:
            for printed in _run(db, *command):
                assert RAW.findall(printed) == [], command
        for command in JSON_PRINTERS:
            printed, err = _run(db, *command)
            assert err == "" and RAW.findall(printed) == [], command
            json.loads(printed)  # still JSON
        history = json.loads(_run(db, "history", "--json")[0])
        stored = {(s["exercise"], s["note"]) for x in history["sessions"] for s in x["sets"]}
        assert stored == {(name, note)}  # exactly as stored
        (listed,) = json.loads(_run(db, "race", "list", "--json")[0])
        assert listed["name"] == race
        names = {e["name"] for e in json.loads(_run(db, "exercises", "--json")[0])}
        assert name in names
