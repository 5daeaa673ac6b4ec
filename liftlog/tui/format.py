"""Plain-text summaries of logged sets, in the athlete's unit (no Textual here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby

from liftlog.service.history import SetLine
from liftlog.units import Unit, from_kg


def number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def load(kg: float, units: Unit) -> str:
    return number(from_kg(kg, units))


def amount(s: SetLine) -> str:
    if s.seconds is not None:
        return f"{s.seconds}s"
    return str(s.reps) if s.reps is not None else "?"


def by_exercise(sets: Iterable[SetLine]) -> list[tuple[str, list[SetLine]]]:
    """Sets grouped by exercise, in the order each exercise first appears."""
    groups: dict[str, list[SetLine]] = {}
    for s in sets:
        groups.setdefault(s.exercise, []).append(s)
    return list(groups.items())


def work_summary(sets: Sequence[SetLine], units: Unit) -> str:
    """`80 kg 5·5·5·4`, `L 20 kg 8·8 R 20 kg 8·8`, `45s·45s` — the work sets only."""
    work = [s for s in sets if s.kind == "work"]
    parts = []
    for (side, kg), run in groupby(work, key=lambda s: (s.side, s.weight_kg)):
        reps = "·".join(amount(s) for s in run)
        prefix = f"{side} " if side else ""
        parts.append(f"{prefix}{load(kg, units)} {units} {reps}" if kg > 0 else f"{prefix}{reps}")
    return " ".join(parts) if parts else "warm-up only"


def session_summary(sets: Sequence[SetLine], units: Unit) -> str:
    return " │ ".join(f"{name} {work_summary(group, units)}" for name, group in by_exercise(sets))


def set_text(s: SetLine, units: Unit) -> str:
    side = f"{s.side}:" if s.side else ""
    weight = f"{load(s.weight_kg, units)}×" if s.weight_kg > 0 else "×"
    what = f"{side}{weight}{s.reps}" if s.seconds is None else f"{side}{s.seconds}s"
    return what + (f"@{s.rpe:g}" if s.rpe is not None else "")
