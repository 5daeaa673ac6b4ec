"""R12 records as they are set (`progression.new_records`): one test per record and edge."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from liftlog.progression.new_records import Bests, DaySet, NewRecord, check_set, session_records


def bests(by_reps: dict[int, float], seconds: int | None = None, volume: float = 0.0) -> Bests:
    return Bests(MappingProxyType(by_reps), seconds, volume, True)


def work(
    kg: float, reps: int | None = None, seconds: int | None = None, kind: str = "work"
) -> DaySet:
    return DaySet(kind, kg, reps, seconds)


def kinds(found: tuple[NewRecord, ...]) -> list[str]:
    return [r.kind for r in found]


def test_r12_heaviest_at_a_rep_count_is_announced_with_the_old_best():
    found, _, _ = check_set(bests({8: 47.5}), work(50, 8), 0)
    heaviest = next(r for r in found if r.kind == "heaviest")
    assert (heaviest.value, heaviest.previous, heaviest.reps) == (50, 47.5, 8)
    assert heaviest.describe("kg") == "heaviest for 8 reps: 50 kg (was 47.5 kg)"


def test_r12_fewer_reps_under_a_heavier_set_of_more_reps_is_no_record():
    # 50 × 5 is not a 5-rep best when 52.5 × 8 was lifted: the 8 were 5 and more
    found, _, _ = check_set(bests({8: 52.5}), work(50, 5), 0)
    assert "heaviest" not in kinds(found)


def test_r12_best_e1rm_is_announced_when_beaten():
    # e1RM of 60 × 5 = 70; of 55 × 8 = 69.67
    found, _, _ = check_set(bests({5: 60.0}), work(55, 8), 0)
    assert "e1rm" not in kinds(found)
    found, _, _ = check_set(bests({5: 60.0}), work(57.5, 8), 0)
    e1rm = next(r for r in found if r.kind == "e1rm")
    assert e1rm.value == pytest.approx(57.5 * (1 + 8 / 30))
    assert e1rm.previous == pytest.approx(70.0)


def test_r12_best_session_volume_is_announced_once_when_crossed():
    before = bests({8: 60.0}, volume=1000.0)
    found = session_records(before, [work(40, 10), work(40, 10), work(40, 10), work(40, 10)])
    volume = [[r for r in news if r.kind == "volume"] for news in found]
    # 400, 800, 1200 (crosses 1000 here), 1600: announced on the third set only
    assert [len(v) for v in volume] == [0, 0, 1, 0]
    assert volume[2][0].value == 1200 and volume[2][0].previous == 1000


def test_r12_bodyweight_lifts_record_the_most_reps_in_a_set():
    found, _, _ = check_set(bests({12: 0.0, 10: 0.0}), work(0, 13), 0)
    assert kinds(found) == ["reps"]
    assert found[0].describe("kg") == "most reps in a set: 13 reps (was 12 reps)"
    found, _, _ = check_set(bests({12: 0.0}), work(0, 12), 0)
    assert found == ()


def test_r12_timed_lifts_record_the_longest_hold():
    found, _, _ = check_set(bests({}, seconds=45), work(0, seconds=50), 0)
    assert kinds(found) == ["hold"]
    assert found[0].describe("kg") == "longest hold: 50 s (was 45 s)"
    assert check_set(bests({}, seconds=45), work(0, seconds=45), 0)[0] == ()


def test_r12_the_first_session_of_an_exercise_sets_no_records():
    assert session_records(Bests(), [work(20, 12), work(20, 12)]) == [(), ()]


def test_r12_warm_ups_never_set_records_and_drop_sets_do():
    assert check_set(bests({8: 40.0}), work(60, 8, kind="warmup"), 0)[0] == ()
    assert "heaviest" in kinds(check_set(bests({8: 40.0}), work(45, 8, kind="drop"), 0)[0])


def test_r12_a_set_of_the_day_raises_the_bar_for_the_next_one():
    found = session_records(bests({8: 47.5}), [work(50, 8), work(50, 8), work(52.5, 8)])
    assert ["heaviest" in kinds(news) for news in found] == [True, False, True]
    assert found[2][0].previous == 50


def test_r12_records_are_in_the_athletes_unit():
    record = NewRecord("heaviest", 102.0582, 99.79, 5)  # 225 lb and 220 lb
    assert record.describe("lb") == "heaviest for 5 reps: 225 lb (was 220 lb)"
