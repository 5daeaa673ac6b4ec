"""Units are a display preference (SPEC §5, issue 9): kg → lb → kg changes no phase and no
decision; prescribed loads are only rounded to that unit's plates, and a lb-rounded load
logged back counts as the same load."""

from __future__ import annotations

import pytest
from prog_support import CATALOG, D0, days, flat, rx, sets

from liftlog.progression import Athlete, ExerciseInfo, Loader, plate_breakdown
from liftlog.progression.constants import KG_PER_LB

BW = ((D0, 60.0),)  # Back Squat's cap: 1.5 × 60 = 90 kg
KG = Athlete(bodyweights=BW)
LB = Athlete(units="lb", bar_kg=45 * KG_PER_LB, bodyweights=BW)  # the lb default kit
LB_KIT = Loader.for_athlete(LB)
FIVE_LB = 5 * KG_PER_LB


def squat(*sessions: tuple[int, float, tuple[int, ...]]) -> list:
    return flat(*(sets(days(d), "Back Squat", w, list(r)) for d, w, r in sessions))


PHASES = {
    "FORM": squat((0, 20, (12, 12))),
    "BUILD": squat((0, 20, (12, 12)), (2, 20, (12, 12)), (4, 25, (12, 12, 12))),
    "STRENGTH": squat((0, 60, (8, 8, 8, 8)), (7, 60, (8, 8, 8, 8))),
    "MAINTAIN": squat((0, 90, (8, 8, 8, 8)), (7, 90, (8, 8, 8, 8))),
}


@pytest.mark.parametrize("phase", list(PHASES))
def test_switching_kg_lb_kg_keeps_every_phase_and_decision(phase: str):
    history = PHASES[phase]
    for offset in range(8, 30):
        day = days(offset)
        kg, lb, kg_again = (rx(day, history, athlete=a) for a in (KG, LB, KG))
        assert kg == kg_again
        assert lb.phase == kg.phase and lb.rules == kg.rules, (phase, offset)
        (kg_load,) = {w.weight_kg for w in kg.work}
        (lb_load,) = {w.weight_kg for w in lb.work}
        # only rounded to lb plates: on the lb kit, within one lb step below the kg load
        # (never below the athlete's bar: 45 lb is 20.41 kg)
        assert plate_breakdown(lb_load / KG_PER_LB, 45.0, LB_KIT.plates) is not None
        top = max(kg_load, LB.bar_kg) + 0.01
        assert kg_load - FIVE_LB < lb_load <= top, (phase, offset, kg_load, lb_load)
    if phase != "FORM":
        assert rx(days(8), history, athlete=KG).phase == phase


def test_a_lb_rounded_load_logged_back_is_the_same_load_and_the_r4_clock_runs_on():
    history = squat((0, 60, (8, 8, 8, 8)), (7, 60, (8, 8, 8, 8)))
    held = rx(days(10), history, athlete=LB)
    assert [w.weight_kg for w in held.work] == pytest.approx([130 * KG_PER_LB] * 4)  # 60 kg
    logged = flat(history, sets(days(10), "Back Squat", 130 * KG_PER_LB, [8] * 4))
    # 14 days after the first session at 60 kg: R4 adds, in either unit
    assert {w.weight_kg for w in rx(days(14), logged, athlete=KG).work} == {65.0}
    lb = rx(days(14), logged, athlete=LB)
    assert [w.weight_kg for w in lb.work] == pytest.approx([140 * KG_PER_LB] * 4)
    assert "R4: 14 days since the last load change" in lb.why and "add 10 lb: 140 lb" in lb.why
    assert rx(days(13), logged, athlete=KG).why.startswith("R4: 13 days at 60 kg — same load")


def test_r1_form_at_a_45_lb_bar_is_clean_for_a_kg_athlete_and_20_kg_for_a_lb_athlete():
    lb_bar = flat(*(sets(days(d), "Back Squat", 45 * KG_PER_LB, [12, 12]) for d in (0, 2)))
    kg_bar = flat(*(sets(days(d), "Back Squat", 20, [12, 12]) for d in (0, 2)))
    for history in (lb_bar, kg_bar):
        assert rx(days(4), history, athlete=KG).phase == "BUILD"
        assert rx(days(4), history, athlete=LB).phase == "BUILD"


def test_r1_a_dumbbell_start_load_rounded_to_lb_is_clean():
    start = CATALOG["Split Squat"].start_load_kg  # 6 kg: 13.2 lb → 10 lb on a 5 lb rack
    assert start == 6.0
    ten_lb = 10 * KG_PER_LB
    history = flat(
        *(sets(days(d), "Split Squat", ten_lb, [12, 12], side=s) for d in (0, 2) for s in "LR")
    )
    for athlete in (KG, LB):
        assert rx(days(4), history, exercise="Split Squat", athlete=athlete).phase == "BUILD"


def test_lb_athletes_see_whole_lb_plate_loads_in_the_text():
    history = PHASES["STRENGTH"]
    lb = rx(days(14), history, athlete=LB)
    assert "add 10 lb: 140 lb" in lb.why and ".2" not in lb.why  # not "132.28 lb"
    assert (lb.plates, lb.plate_unit) == ((45.0, 2.5), "lb")


def test_r9_lb_racks_round_a_machine_load_to_5_lb_not_to_its_converted_step() -> None:
    """R9 in lb: a 40 kg leg press (10 kg steps) is 85 lb, the heaviest 5-lb rack load
    under 88.2 lb — not 67.5 lb on a grid of 22.5-lb steps; increases stay one step."""
    press = ExerciseInfo("Leg Press", "general", "machine", "bilateral", "reps", 10.0)
    lb = Loader.for_athlete(Athlete(units="lb", bar_kg=45 * KG_PER_LB))
    assert lb.round_down(40.0, press) / KG_PER_LB == pytest.approx(85.0)
    assert lb.step(press) == 22.5
    assert lb.round_down(40.0 + 10.0, press) / KG_PER_LB == pytest.approx(110.0)
    kg = Loader.for_athlete(Athlete())
    assert kg.round_down(47.0, press) == 40.0  # kg racks keep the catalog's step
