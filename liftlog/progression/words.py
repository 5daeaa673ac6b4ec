"""Small helpers for the words the rules write: counts and numbers as a runner reads them."""

from __future__ import annotations


def percent(share: float) -> str:
    """0.9 → '90%': a constant's share as the why writes it (the number lives in one place)."""
    return f"{round(share * 100)}%"


def plural(n: int, word: str) -> str:
    """'1 day', '2 days' (issue 13: never '1 days')."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
