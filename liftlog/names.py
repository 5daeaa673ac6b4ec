"""Matching an exercise name the user typed to the catalog, by name or alias.

Matching ignores case, punctuation and spacing: "squat (barbell)" is "Squat
(Barbell)", "single leg squat" is "Single-Leg Squat", "pushup" is "Push-Up". An
unknown name gets the nearest names as suggestions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


def normalise(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


class NameIndex(Generic[T]):
    """Looks items up by any of their names."""

    def __init__(self, entries: Iterable[tuple[T, str, Iterable[str]]]) -> None:
        self._by_key: dict[str, T] = {}
        self._display: dict[str, str] = {}
        self._by_compact: dict[str, T] = {}
        entries = list(entries)
        # names first, so that a name always beats another exercise's alias
        for item, name, _aliases in entries:
            self._add(normalise(name), item, name)
        for item, name, aliases in entries:
            for alias in aliases:
                self._add(normalise(alias), item, name)

    def _add(self, key: str, item: T, display: str) -> None:
        if key and key not in self._by_key:
            self._by_key[key] = item
            self._display[key] = display
            self._by_compact.setdefault(key.replace(" ", ""), item)

    def get(self, name: str) -> T | None:
        key = normalise(name)
        found = self._by_key.get(key)
        if found is None:  # "pushup" is "Push-Up", "step up" is "Step-Up"
            found = self._by_compact.get(key.replace(" ", ""))
        return found

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """The display names closest to `name`, best first, without repeats."""
        key = normalise(name)
        close = difflib.get_close_matches(key, list(self._by_key), n=n * 3, cutoff=0.5)
        close += [k for k in self._by_key if key and key in k and k not in close]
        seen: list[str] = []
        for k in close:
            display = self._display[k]
            if display not in seen:
                seen.append(display)
        return seen[:n]
