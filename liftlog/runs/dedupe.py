"""The same activity twice is one run: the watch's FIT and Strava's copy of it.

Two records are the same activity when they started within `START_TOLERANCE_S` of each
other and their elapsed times agree within `DURATION_TOLERANCE` (or
`DURATION_FLOOR_S`, whichever is larger), or when they carry the same `source_id`.
Strava keeps the uploaded file's start to the second; a GPX export of the same run
may start at its first GPS fix, seconds later; and two separate runs of one person
never start two minutes apart. The tolerances are our choice.

`dedupe` merges records among themselves (the richer file first, the other filling
its gaps) and drops those that match something already stored; the service passes
its stored runs as `known` so a re-import adds nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from liftlog.runs.record import RunRecord, fill_gaps

START_TOLERANCE_S = 120  # our choice
DURATION_TOLERANCE = 0.10  # of the longer of the two; our choice
DURATION_FLOOR_S = 120  # short runs: two minutes of slack whatever 10% is

# Which record of a pair is kept whole (the other fills its gaps): a device's own file
# measures most; a Strava row holds the athlete's name and Strava's relative effort.
_RANK = {"fit": 0, "strava": 1, "tcx": 2, "gpx": 3}


class Timed(Protocol):
    """Anything with a start and an elapsed time: a `RunRecord`, a stored run's row."""

    @property
    def start(self) -> datetime: ...

    @property
    def elapsed_s(self) -> float: ...


T = TypeVar("T", bound=Timed)


def same_activity(a: Timed, b: Timed) -> bool:
    """Whether `a` and `b` are one activity recorded twice (see the module docstring)."""
    if abs((a.start - b.start).total_seconds()) > START_TOLERANCE_S:
        return False
    longer = max(a.elapsed_s, b.elapsed_s)
    return abs(a.elapsed_s - b.elapsed_s) <= max(DURATION_FLOOR_S, DURATION_TOLERANCE * longer)


@dataclass(frozen=True, slots=True)
class Deduped:
    """`records`: one per activity, oldest first; `merged`: how many were folded into
    another; `known`: how many matched something already stored and were dropped."""

    records: tuple[RunRecord, ...]
    merged: int
    known: int


def find_match(record: Timed, candidates: Sequence[T]) -> T | None:
    """The candidate that is the same activity as `record`; `candidates` sorted by start."""
    starts = [c.start for c in candidates]
    return _match(record, candidates, starts)


def _match(record: Timed, candidates: Sequence[T], starts: list[datetime]) -> T | None:
    window = timedelta(seconds=START_TOLERANCE_S)
    index = bisect.bisect_left(starts, record.start - window)
    while index < len(candidates) and starts[index] <= record.start + window:
        if same_activity(record, candidates[index]):
            return candidates[index]
        index += 1
    return None


def dedupe(records: Iterable[RunRecord], known: Sequence[Timed] = ()) -> Deduped:
    """Each activity once (merged), without those already `known` (sorted or not)."""
    known_sorted = sorted(known, key=lambda item: item.start)
    known_starts = [item.start for item in known_sorted]
    ordered = sorted(records, key=lambda r: (r.start, _RANK.get(r.source_format, 9)))
    kept: list[RunRecord] = []
    by_id: dict[str, int] = {}
    merged = dropped = 0
    for record in ordered:
        if _match(record, known_sorted, known_starts) is not None:
            dropped += 1
            continue
        twin = by_id.get(record.source_id)
        if twin is None:
            twin = _recent_twin(record, kept)
        if twin is None:
            by_id[record.source_id] = len(kept)
            kept.append(record)
            continue
        merged += 1
        first, second = kept[twin], record
        if _RANK.get(second.source_format, 9) < _RANK.get(first.source_format, 9):
            first, second = second, first
        kept[twin] = fill_gaps(first, second)
        by_id[record.source_id] = twin
    return Deduped(tuple(sorted(kept, key=lambda r: r.start)), merged, dropped)


def _recent_twin(record: RunRecord, kept: list[RunRecord]) -> int | None:
    """Index of a kept record that is `record`'s twin; `kept` grows in start order."""
    index = len(kept) - 1
    while index >= 0 and (record.start - kept[index].start).total_seconds() <= START_TOLERANCE_S:
        if same_activity(record, kept[index]):
            return index
        index -= 1
    return None
