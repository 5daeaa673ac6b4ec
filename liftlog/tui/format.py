"""Plain-text summaries of logged sets, in the athlete's unit (no Textual here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Protocol

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


class Lifted(Protocol):
    """A logged set, as the history's and the store's rows both have it."""

    @property
    def side(self) -> str | None: ...
    @property
    def weight_kg(self) -> float: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def seconds(self) -> int | None: ...


def one_set(s: Lifted, units: Unit) -> str:
    """`67.5 × 8`, `12 reps`, `40 s`, `16 × 10` — one set, short."""
    if s.seconds is not None:
        return f"{s.seconds} s" + (f" × {load(s.weight_kg, units)}" if s.weight_kg > 0 else "")
    if s.weight_kg > 0:
        return f"{load(s.weight_kg, units)} × {s.reps if s.reps is not None else '?'}"
    return f"{s.reps if s.reps is not None else '?'} reps"


def sets_line(sets: Sequence[Lifted], units: Unit) -> str:
    """`32.5 × 12 11 9`, `L 16 × 10 10 · R 16 × 12 12`, `12 11 10 reps`, `40 35 s`:
    each side's sets in order, one load written once for the sets in a row at it."""
    parts = []
    for side in (None, "L", "R"):
        mine = [s for s in sets if s.side == side]
        if not mine:
            continue
        runs = []
        for (kg, timed), run in groupby(mine, key=lambda s: (s.weight_kg, s.seconds is not None)):
            amounts = " ".join(
                str(s.seconds if timed else s.reps if s.reps is not None else "?") for s in run
            )
            if timed:
                runs.append(f"{amounts} s" + (f" at {load(kg, units)}" if kg > 0 else ""))
            elif kg > 0:
                runs.append(f"{load(kg, units)} × {amounts}")
            else:
                runs.append(f"{amounts} reps")
        parts.append((f"{side} " if side else "") + ", ".join(runs))
    return " · ".join(parts)


def day_label(date: dt.date, today: dt.date) -> str:
    """`Tue 24 Nov`; `Tue 24 Nov 2025` when it is not in `today`'s year."""
    return date.strftime("%a %-d %b" if date.year == today.year else "%a %-d %b %Y")
