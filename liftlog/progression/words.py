"""Small helpers for the words the rules write: counts and numbers as a runner reads them."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """'1 day', '2 days' (issue 13: never '1 days')."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
