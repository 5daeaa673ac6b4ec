"""Text from people and files, made safe to show on a terminal.

A name, a note or a file's cell is data: it may hold an escape sequence that would
rewrite the clipboard or the window title (OSC 52, OSC 0), a bell, a carriage return
that overwrites what was printed, or a bidirectional override that reorders what is
seen. `visible` keeps the text and writes every such character as a visible escape
(`\\x1b`, `\\u202e`), so what was stored is what is shown, and nothing reaches the
terminal raw. Printable text of every script (right-to-left, combining marks) passes.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: C0 and C1 controls and DEL; the Unicode line and paragraph separators; and the
#: bidirectional controls, which reorder the text around them (other format
#: characters, such as joiners, pass).
_CONTROL = "\x00-\x1f\x7f-\x9f\u2028\u2029"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: Lone surrogates: what Python makes of bytes that are not UTF-8 in a file name or an
#: argument (surrogateescape); they cannot even be encoded for the terminal.
_SURROGATES = "\ud800-\udfff"
_UNSAFE = re.compile(f"[{_CONTROL}{_BIDI}{_SURROGATES}]")
#: What JSON leaves raw that a terminal may act on (JSON escapes C0 itself).
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI}{_SURROGATES}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # the byte that was not UTF-8, as it was
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control, line-separator and bidi character written as a
    visible escape (`\\x1b`, `\\x07`, a line break as `\\x0a`, `\\u202e`)."""
    return _UNSAFE.sub(_escape, text)


def visible_lines(text: str) -> str:
    """Like `visible`, but line breaks stay line breaks (a note of several lines)."""
    return "\n".join(visible(line) for line in text.split("\n"))


def safe_json(value: Any, *, indent: int | None = 2) -> str:
    """`json.dumps(value)` with every character a terminal could act on written as a
    \\u escape: the same JSON value, nothing raw on the terminal."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
