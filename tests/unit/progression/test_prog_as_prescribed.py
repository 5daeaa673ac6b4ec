"""`as_prescribed`: a day's sets as if lifted as prescribed, to the top of each range —
what the calendar's projection assumes of a session not lifted yet (issue 14 item 4)."""

from __future__ import annotations

from prog_support import D0, day_rx, days, flat, sets

from liftlog.progression import LoggedSet, as_prescribed, load_program

PROGRAM = load_program(
    '[GENERAL]\nexercises = ["Back Squat", "Split Squat", "Plank"]\n'
    '[SPECIFIC]\nexercises = ["Back Squat"]\n'
)


def test_warm_ups_then_every_work_set_at_the_top_of_its_range() -> None:
    history = flat(sets(D0, "Back Squat", 20, [12, 12]), sets(days(2), "Back Squat", 20, [12, 12]))
    day = day_rx(days(4), history, program=PROGRAM)
    done = as_prescribed(day)
    squat = day.exercises[0]
    assert squat.exercise == "Back Squat" and squat.phase == "BUILD"
    lifted = [s for s in done if s.exercise == "Back Squat"]
    assert [(s.kind, s.weight_kg, s.reps) for s in lifted] == [
        *(("warmup", w.weight_kg, w.reps) for w in squat.warmup),
        *(("work", ws.weight_kg, ws.reps_max) for ws in squat.work),
    ]
    assert all(s.session_date == days(4) for s in done)
    assert [s.order for s in done] == list(range(len(done)))  # in the order lifted


def test_sides_and_timed_sets_are_kept() -> None:
    program = load_program(
        '[GENERAL]\nexercises = ["Split Squat", "Plank"]\n[SPECIFIC]\nexercises = ["Plank"]\n'
    )
    day = day_rx(D0, program=program)
    done = as_prescribed(day)
    split = [s for s in done if s.exercise == "Split Squat" and s.kind == "work"]
    assert [s.side for s in split[:2]] == ["L", "R"]
    plank = next(ex for ex in day.exercises if ex.exercise == "Plank")
    held = [s for s in done if s.exercise == "Plank"]
    assert [(s.reps, s.seconds) for s in held] == [
        (None, ws.seconds_max or ws.seconds_min) for ws in plank.work
    ]


def test_the_rules_fold_an_assumed_session_like_a_logged_one() -> None:
    """Two FORM sessions assumed lifted clean move the squat to BUILD (R1, R2), as two
    logged ones do."""
    first = day_rx(D0, program=PROGRAM, only="Back Squat")
    assert first.exercises[0].phase == "FORM"
    assumed: list[LoggedSet] = [*as_prescribed(first)]
    second = day_rx(days(2), assumed, program=PROGRAM, only="Back Squat")
    assumed += as_prescribed(second)
    third = day_rx(days(4), assumed, program=PROGRAM, only="Back Squat")
    assert third.exercises[0].phase == "BUILD"
    logged = flat(sets(D0, "Back Squat", 20, [12, 12]), sets(days(2), "Back Squat", 20, [12, 12]))
    assert day_rx(days(4), logged, program=PROGRAM, only="Back Squat").exercises == third.exercises
