"""R10: bodyweight and timed exercises add a rep (or 5 s) per session, then the harder variation."""

from __future__ import annotations

from prog_support import D0, days, flat, rx, sets, timed


def reps(ex) -> list[tuple[int | None, int | None]]:
    return [(w.reps_min, w.reps_max) for w in ex.work]


def test_r10_new_exercise_starts_at_the_bottom_of_the_default_range():
    ex = rx(D0, exercise="Push-Up")
    assert ex.phase == "BODYWEIGHT" and reps(ex) == [(8, 8)] * 3
    assert ex.warmup == () and {w.weight_kg for w in ex.work} == {0.0}
    assert ex.rules == ("R10",)


def test_r10_every_set_at_the_target_adds_one_rep():
    ex = rx(days(2), sets(D0, "Push-Up", 0, [8, 8, 8]), exercise="Push-Up")
    assert reps(ex) == [(9, 9)] * 3
    assert "every set reached 8 reps" in ex.why


def test_r10_a_set_short_of_the_target_holds_it():
    history = flat(sets(D0, "Push-Up", 0, [8, 8, 8]), sets(days(2), "Push-Up", 0, [9, 9, 7]))
    assert reps(rx(days(4), history, exercise="Push-Up")) == [(9, 9)] * 3


def test_r10_the_target_moves_from_what_was_prescribed_not_from_what_was_done():
    """SPEC rev 2 (R10): 8 asked, 11 done → 9 next (rev 1 went on from the 11 done)."""
    ex = rx(days(2), sets(D0, "Push-Up", 0, [11, 11, 10]), exercise="Push-Up")
    assert reps(ex) == [(9, 9)] * 3


def climb(exercise: str, top: int, step: int = 1, start: int = 8) -> list:
    """Sessions every 2 days, each doing exactly what R10 asked, from `start` to `top`."""
    return flat(
        *(
            sets(days(2 * k), exercise, 0, [start + step * k] * 3)
            for k in range((top - start) // step + 1)
        )
    )


def test_r10_never_above_the_top_of_the_range():
    history = climb("Push-Up", 12)  # 8, 9, 10, 11, 12 on days 0…8
    ex = rx(days(10), history, exercise="Push-Up")
    assert reps(ex) == [(12, 12)] * 3 and ex.suggestion is None


def test_r10_two_sessions_at_the_top_suggest_the_harder_variation():
    history = flat(sets(D0, "Push-Up", 0, [12, 12, 12]), sets(days(2), "Push-Up", 0, [12, 12, 13]))
    ex = rx(days(4), history, exercise="Push-Up")
    assert ex.suggestion is not None and "Triangle Push-Up" in ex.suggestion
    one = rx(days(2), history[:3], exercise="Push-Up")
    assert one.suggestion is None


def test_r10_jumping_lunge_leads_to_the_hip_rotation_variant():
    history = flat(
        sets(D0, "Jumping Lunge", 0, [12, 12, 12], side="L"),
        sets(D0, "Jumping Lunge", 0, [12, 12, 12], side="R"),
        sets(days(3), "Jumping Lunge", 0, [12, 12, 12], side="L"),
        sets(days(3), "Jumping Lunge", 0, [12, 12, 12], side="R"),
    )
    ex = rx(days(6), history, exercise="Jumping Lunge")
    assert ex.suggestion is not None and "Jumping Lunge with Hip Rotation" in ex.suggestion


def test_r10_no_harder_variation_holds_the_top():
    history = flat(
        sets(D0, "Glute Bridge", 0, [12] * 3), sets(days(2), "Glute Bridge", 0, [12] * 3)
    )
    ex = rx(days(4), history, exercise="Glute Bridge")
    assert ex.suggestion is None and "no harder variation" in ex.why


def test_r10_plank_is_timed_20_to_60_seconds_in_5_second_steps():
    first = rx(D0, exercise="Plank")
    assert [(w.seconds_min, w.seconds_max, w.reps_min) for w in first.work] == [(20, 20, None)] * 3
    ex = rx(days(2), timed(D0, "Plank", [20, 25, 20]), exercise="Plank")
    assert {(w.seconds_min, w.seconds_max) for w in ex.work} == {(25, 25)}
    held = flat(*(timed(days(2 * k), "Plank", [20 + 5 * k] * 3) for k in range(9)))  # 20…60 s
    top = rx(days(18), held, exercise="Plank")
    assert {w.seconds_max for w in top.work} == {60}


def test_r10_r20_back_after_8_weeks_starts_again_at_the_bottom():
    ex = rx(days(60), sets(D0, "Push-Up", 0, [11, 11, 11]), exercise="Push-Up")
    assert reps(ex) == [(8, 8)] * 3
    assert ex.why.startswith("R20: 60 days away from Push-Up") and "R20" in ex.rules
