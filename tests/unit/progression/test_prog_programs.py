"""Default programs per season phase (data/programs.toml) and the athlete's routine."""

from __future__ import annotations

from pathlib import Path

import pytest
from prog_support import D0, day_rx, days, sets

from liftlog.progression import Athlete, Race, default_program, load_program, routine

SPEC_CATALOG = {
    "Back Squat", "Deadlift", "Leg Press", "Single-Leg Squat", "Split Squat",
    "Rear-Foot-Elevated Split Squat", "Forward Lunge", "Lateral Lunge", "Jumping Lunge",
    "Jumping Lunge with Hip Rotation", "Jump Squat", "Bodyweight Squat", "Step-Up",
    "Single-Leg Deadlift", "Push-Up", "Triangle Push-Up", "Plank", "Side Plank",
    "Side Plank with Twist", "Side Plank with Leg Lift", "Bicycle Crunch", "Leg Raise",
    "Bear Crawl", "Bear Crawl with Twist", "Pallof Press", "Cable Twist", "Glute Bridge",
    "Hamstring Bridge", "Lying Side Raise", "Clamshell", "Calf Raise", "Box Jump", "Ankling",
    "Skipping", "Hop for Distance",
}  # fmt: skip
DATA = Path(__file__).resolve().parents[3] / "data" / "programs.toml"


def test_shipped_programs_name_only_spec_catalog_exercises():
    program = load_program(DATA)
    for day in program.days.values():
        assert set(day.exercises) <= SPEC_CATALOG
    assert default_program() == program


def test_r14_general_program_is_general_strength():
    general = default_program().days["GENERAL"].exercises
    assert {"Back Squat", "Deadlift", "Push-Up", "Plank"} <= set(general)


def test_r15_specific_program_is_single_leg_plyometric_and_rotational_with_the_squat_weekly():
    day = default_program().days["SPECIFIC"]
    assert {"Single-Leg Squat", "Rear-Foot-Elevated Split Squat", "Single-Leg Deadlift"} <= set(
        day.exercises
    )
    assert {"Jump Squat", "Box Jump", "Jumping Lunge"} <= set(day.exercises)
    assert {"Pallof Press", "Side Plank with Twist", "Bear Crawl with Twist"} <= set(day.exercises)
    assert day.once_a_week == frozenset({"Back Squat"})


def test_taper_uses_the_specific_program_and_stop_has_none():
    program = default_program()
    assert routine(program, "TAPER", Athlete()) == routine(program, "SPECIFIC", Athlete())
    assert routine(program, "STOP", Athlete()) == []


def test_routine_add_and_drop():
    program = load_program('[GENERAL]\nexercises = ["Back Squat", "Deadlift", "Plank"]\n')
    athlete = Athlete(routine_add=("Calf Raise",), routine_drop=("deadlift",))
    assert routine(program, "GENERAL", athlete) == ["Back Squat", "Plank", "Calf Raise"]


def test_r15_the_squat_is_kept_once_a_week_in_the_specific_season():
    program = load_program(
        '[SPECIFIC]\nexercises = ["Back Squat", "Push-Up"]\nonce_a_week = ["Back Squat"]\n'
    )
    race = Race("Marathon", days(60), "A")
    first = day_rx(days(1), races=[race], program=program)
    assert [e.exercise for e in first.exercises] == ["Back Squat", "Push-Up"]
    again = day_rx(
        days(3), sets(days(1), "Back Squat", 20, [10, 10]), races=[race], program=program
    )
    assert [e.exercise for e in again.exercises] == ["Push-Up"]
    next_week = day_rx(
        days(7), sets(days(1), "Back Squat", 20, [10, 10]), races=[race], program=program
    )
    assert [e.exercise for e in next_week.exercises] == ["Back Squat", "Push-Up"]


def test_unknown_program_exercise_is_left_out_with_a_warning():
    program = load_program('[GENERAL]\nexercises = ["Back Squat", "Zumba"]\n')
    d = day_rx(D0, program=program)
    assert [e.exercise for e in d.exercises] == ["Back Squat"]
    assert any("Zumba" in w for w in d.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "[OFFSEASON]\nexercises = []\n",
        "[GENERAL]\nexercise = []\n",
        "not toml [",
        '[GENERAL]\nexercises = ["A"]\nonce_a_week = ["B"]\n',
    ],
)
def test_malformed_programs_are_refused(text: str):
    with pytest.raises(ValueError, match="programs"):
        load_program(text)
