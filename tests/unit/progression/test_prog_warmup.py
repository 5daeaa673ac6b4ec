"""R13: warm-up ramp 8-6-4-2 at 40/60/75/85% (STRENGTH, MAINTAIN), one easy set (FORM, BUILD)."""

from __future__ import annotations

from prog_support import CATALOG, days, flat, rx, sets

from liftlog.progression import Athlete, Loader, warmup

LOADER = Loader.for_athlete(Athlete())
SQUAT = CATALOG["Back Squat"]


def ramp(phase: str, load: float) -> list[tuple[int, float]]:
    return [(w.reps, w.weight_kg) for w in warmup(phase, load, SQUAT, LOADER)]  # type: ignore[arg-type]


def test_r13_strength_ramp_at_100kg():
    # 40, 60, 75, 85 kg are all loadable
    assert ramp("STRENGTH", 100.0) == [(8, 40.0), (6, 60.0), (4, 75.0), (2, 85.0)]


def test_r13_ramp_rounds_down_and_drops_duplicate_steps():
    # 60 kg: 24 → 22.5, 36 → 35, 45, 51 → 50
    assert ramp("MAINTAIN", 60.0) == [(8, 22.5), (6, 35.0), (4, 45.0), (2, 50.0)]
    # 30 kg: 12 → bar, 18 → bar (dropped), 22.5, 25.5 → 25
    assert ramp("STRENGTH", 30.0) == [(8, 20.0), (4, 22.5), (2, 25.0)]


def test_r13_ramp_never_below_the_bar_and_never_reaches_the_work_load():
    assert ramp("STRENGTH", 25.0) == [(8, 20.0)]
    for load in (20.0, 22.5, 27.5, 42.5, 57.5, 117.5):
        steps = ramp("STRENGTH", load)
        assert all(w >= 20.0 for _, w in steps)
        assert all(w < load for _, w in steps[1:])


def test_r13_form_and_build_get_one_easy_set_of_8_at_half_not_below_the_bar():
    assert ramp("BUILD", 60.0) == [(8, 30.0)]
    assert ramp("FORM", 20.0) == [(8, 20.0)]


def test_r13_bodyweight_and_plyometric_have_no_warmup():
    assert rx(days(0), exercise="Push-Up").warmup == ()
    assert rx(days(0), exercise="Box Jump").warmup == ()


def test_r13_prescription_ramp_follows_the_work_load():
    history = flat(
        sets(days(0), "Back Squat", 60, [8] * 4), sets(days(7), "Back Squat", 60, [8] * 4)
    )
    ex = rx(days(14), history)
    assert ex.load_kg == 65.0
    assert [(w.reps, w.weight_kg) for w in ex.warmup] == [
        (8, 25.0),
        (6, 37.5),
        (4, 47.5),
        (2, 55.0),
    ]
