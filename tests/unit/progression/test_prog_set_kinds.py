"""SPEC rev 2 set kinds: a `failure` set is a work set at RPE 10 unless another RPE is
logged; a `drop` set counts for volume and records (R12), never for the rules' decisions."""

from __future__ import annotations

from prog_support import D0, days, flat, loads, rx, sets

from liftlog.progression import imbalance, records


def session(day: int, load: float, reps: list[int], **kw: object) -> list:
    return sets(days(day), "Back Squat", load, reps, **kw)  # type: ignore[arg-type]


def test_a_failure_set_counts_as_a_work_set_for_r5():
    history = flat(
        session(0, 100, [6, 6, 6]),
        session(0, 100, [3], kind="failure"),
        session(3, 100, [6, 6, 6]),
        session(3, 100, [4], kind="failure"),
    )
    ex = rx(days(6), history)
    assert loads(ex) == [90.0] * 4 and "R5" in ex.rules  # two sessions with a set under 5


def test_a_failure_set_is_at_rpe_10_for_the_r4_gate_unless_another_rpe_is_logged():
    base = flat(session(0, 100, [8] * 4), session(7, 100, [8] * 3))
    at_10 = flat(base, session(7, 100, [8], kind="failure"))
    assert loads(rx(days(14), at_10)) == [100.0] * 4
    assert "RPE 10" in rx(days(14), at_10).why
    at_8 = flat(base, session(7, 100, [8], kind="failure", rpe=8.0))
    assert loads(rx(days(14), at_8)) == [105.0] * 4


def test_drop_sets_never_decide():
    work = flat(session(0, 100, [8] * 4), session(7, 100, [8] * 4))
    with_drops = flat(work, session(7, 70, [4, 3, 3, 3, 3], kind="drop"))  # lighter, fewer reps
    assert rx(days(14), with_drops) == rx(days(14), work)
    assert loads(rx(days(14), with_drops)) == [105.0] * 4


def test_a_session_of_drop_sets_only_does_not_move_the_lift():
    work = session(0, 100, [8] * 4)
    drops_only = flat(work, session(3, 80, [8] * 4, kind="drop"))
    assert rx(days(5), drops_only) == rx(days(5), work)


def test_r12_drop_sets_count_for_records_and_volume():
    history = flat(
        session(0, 100, [5, 5]),  # 1000 kg
        session(0, 80, [4], kind="drop"),  # heaviest at 4 reps: 80; volume 1320
        session(0, 60, [8], kind="warmup"),  # warm-ups never count
    )
    r = records(history)
    assert r.heaviest_by_reps[4].value == 80.0 and 8 not in r.heaviest_by_reps
    assert r.best_volume is not None and r.best_volume.value == 1320.0 and r.best_volume.date == D0


def test_r11_imbalance_leaves_drop_sets_out():
    history = flat(
        sets(D0, "Split Squat", 10, [10], side="L"),
        sets(D0, "Split Squat", 10, [10], side="R"),
        sets(D0, "Split Squat", 6, [12], side="R", kind="drop"),
    )
    i = imbalance(history)
    assert i is not None and (i.left, i.right, i.flagged) == (10, 10, False)
