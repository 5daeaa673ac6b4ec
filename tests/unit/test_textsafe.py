"""`textsafe`: what the CLI and the app print of text from people and files (SPEC §5)."""

from __future__ import annotations

import json

import pytest

from liftlog.names import normalise
from liftlog.textsafe import safe_json, visible, visible_lines


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Curl \x1b]52;c;cm0g\x07", "Curl \\x1b]52;c;cm0g\\x07"),
        ("a\x9bb\x7f", "a\\x9bb\\x7f"),
        ("evil\u202eKR\u2066", "evil\\u202eKR\\u2066"),
        ("two\nlines\u2028", "two\\x0alines\\u2028"),
        ("Caf\udce9", "Caf\\xe9"),  # a byte that was not UTF-8, as that byte
        ("[bold red]X [/] שלום e\u0301 🏋\ufe0f", "[bold red]X [/] שלום e\u0301 🏋\ufe0f"),
    ],
)
def test_visible_writes_every_control_as_an_escape_and_keeps_the_rest(
    text: str, shown: str
) -> None:
    assert visible(text) == shown
    assert shown.encode("utf-8")  # printable to any UTF-8 terminal


def test_visible_lines_keeps_line_breaks_only() -> None:
    assert visible_lines("one\x1b\ntwo\r") == "one\\x1b\ntwo\\x0d"


def test_safe_json_is_the_same_json_with_nothing_raw() -> None:
    value = {"name": "Row \x9b\u202e\udce9 [/]", "note": "\x1b[2J"}
    text = safe_json(value)
    assert json.loads(text) == value
    assert not any(c in text for c in "\x1b\x9b\u202e\udce9")


@pytest.mark.parametrize(("a", "b"), [("???", "!!!"), ("###", "?"), ("...", "--")])
def test_names_of_punctuation_alone_keep_keys_of_their_own(a: str, b: str) -> None:
    """Issue 10.9: `???` and `!!!` are two exercises, and `###` can be found by name."""
    assert normalise(a) and normalise(b) and normalise(a) != normalise(b)
    assert normalise(" ??? ") == normalise("???")
    assert normalise("Back Squat!") == normalise("back squat")  # words still match loosely
