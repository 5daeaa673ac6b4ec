"""The same activity twice is one run; a re-import against stored runs adds nothing."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from liftlog.runs.dedupe import dedupe, find_match, same_activity
from liftlog.runs.record import RunRecord

T = datetime(2027, 3, 1, 6, 30, tzinfo=UTC)


def run(
    seconds_late: float = 0,
    elapsed: float = 3600,
    source_format: str = "fit",
    source_id: str | None = None,
    **fields: object,
) -> RunRecord:
    base = RunRecord(
        sport="running",
        sub_sport=None,
        start=T + timedelta(seconds=seconds_late),
        elapsed_s=elapsed,
        source=f"x.{source_format}",
        source_id=source_id or f"{source_format}:{seconds_late}:{elapsed}",
        source_format=source_format,
    )
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("late", "elapsed", "same"),
    [
        (0, 3600, True),
        (120, 3600, True),  # two minutes apart: the edge, still one activity
        (121, 3600, False),
        (-120, 3600, True),
        (0, 3600 * 1.1, True),  # 10% longer
        (0, 3600 * 1.12, False),
        (0, 600 + 120, True),  # a 10-minute run: two minutes of slack, more than 10%
        (0, 600 + 121, False),
    ],
)
def test_same_activity_needs_close_starts_and_similar_durations(
    late: float, elapsed: float, same: bool
) -> None:
    reference = run(elapsed=3600 if elapsed > 1000 else 600)
    assert same_activity(reference, run(late, elapsed)) is same


def test_the_watchs_file_is_kept_whole_and_strava_fills_its_gaps() -> None:
    watch = run(aerobic_te=3.2, avg_hr=150)
    strava = run(5, 3610, "strava", "strava:1", relative_effort=90, avg_hr=149, name="Tempo")
    result = dedupe([strava, watch])
    [merged] = result.records
    assert merged.source_id == watch.source_id
    assert (merged.avg_hr, merged.aerobic_te) == (150, 3.2)  # the watch's own
    assert (merged.relative_effort, merged.name) == (90, "Tempo")  # filled from Strava
    assert (result.merged, result.known) == (1, 0)


def test_runs_minutes_apart_stay_two() -> None:
    result = dedupe([run(), run(3 * 60)])
    assert len(result.records) == 2
    assert result.merged == 0


def test_the_same_source_id_is_one_run_even_when_times_disagree() -> None:
    result = dedupe([run(source_id="strava:5"), run(4000, source_id="strava:5")])
    assert len(result.records) == 1


def test_records_come_out_oldest_first() -> None:
    result = dedupe([run(7200), run(0), run(3 * 3600)])
    assert [r.start for r in result.records] == sorted(r.start for r in result.records)


def test_a_run_already_stored_is_dropped_and_counted() -> None:
    stored = [run(0), run(86_400)]
    result = dedupe([run(30, 3620, "gpx"), run(2 * 86_400)], known=stored)
    assert [r.start for r in result.records] == [T + timedelta(days=2)]
    assert result.known == 1


def test_find_match_returns_the_stored_twin_or_none() -> None:
    stored = sorted([run(0), run(86_400), run(2 * 86_400)], key=lambda r: r.start)
    assert find_match(run(86_400 + 60, 3500), stored) is stored[1]
    assert find_match(run(86_400 + 600), stored) is None
