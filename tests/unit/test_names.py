"""Exercise names: matching by name or alias, loosely but without false friends, the
app names of the catalog's lifts, and what a name says (SPEC §1, §5 CSV)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from liftlog.names import (
    NameIndex,
    equipment_from_name,
    is_assisted,
    is_cardio_name,
    normalise,
    signed_load_kg,
)

CATALOG = [
    ("Back Squat", ["Squat (Barbell)", "Barbell Squat", "Squat"]),
    ("Single-Leg Squat", ["Pistol Squat"]),
    ("Deadlift", ["Deadlift (Barbell)"]),
    ("Push-Up", ["Push Up"]),
    ("Plank", []),
]


@pytest.fixture
def index() -> NameIndex[str]:
    return NameIndex((name, name, aliases) for name, aliases in CATALOG)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Back Squat", "Back Squat"),
        ("back squat", "Back Squat"),
        ("BACK  SQUAT", "Back Squat"),
        ("squat (barbell)", "Back Squat"),
        ("Squat (Barbell)", "Back Squat"),
        ("single leg squat", "Single-Leg Squat"),
        ("pistol squat", "Single-Leg Squat"),
        ("push up", "Push-Up"),
        ("pushup", "Push-Up"),
        ("SingleLeg squat", "Single-Leg Squat"),
        ("plank", "Plank"),
        ("bench press", None),
    ],
)
def test_lookup(index: NameIndex[str], typed: str, found: str | None) -> None:
    assert index.get(typed) == found


def test_a_name_beats_another_exercises_alias() -> None:
    index = NameIndex([("A", "Lunge", []), ("B", "Forward Lunge", ["Lunge"])])
    assert index.get("lunge") == "A"


def test_unknown_names_get_the_nearest_suggestions(index: NameIndex[str]) -> None:
    assert index.suggest("Back Squot")[0] == "Back Squat"
    assert "Deadlift" in index.suggest("deadlfit")
    assert index.suggest("zzzz") == []


def test_normalise_drops_case_accents_apostrophes_and_punctuation() -> None:
    assert normalise("  Squat (Barbell) ") == "squat barbell"
    assert normalise("Single-Leg  Squat") == "single leg squat"
    assert normalise("Knee Raise (Captain’s Chair)") == "knee raise captains chair"
    assert normalise("Übung") == "ubung"


# --- loose matching ----------------------------------------------------------


@pytest.fixture
def equipped() -> NameIndex[str]:
    return NameIndex(
        [
            ("Back Squat", "Back Squat", ["Squat (Barbell)"], "barbell"),
            ("Split Squat", "Split Squat", ["Split Squat (Dumbbell)"], "dumbbell"),
            ("Plank", "Plank", [], "bodyweight"),
            ("Calf Raise", "Calf Raise", ["Calf Raise (Machine)"], "bodyweight"),
            ("Leg Raise", "Leg Raise", ["Flat Leg Raise"], "bodyweight"),
            ("Lying Leg Raise", "Lying Leg Raise", [], "bodyweight"),
        ]
    )


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Split Squats", "Split Squat"),  # plural
        ("Dumbbells Split Squats", "Split Squat"),  # "Dumbbells"/"Dumbbell"
        ("Split Squat (Dumbbells)", "Split Squat"),
        ("Plank 1:00", "Plank"),  # a number in the name
        ("Planks (Weighted)", "Plank"),  # a bodyweight lift with a vest
        ("Back Squats (Barbell)", "Back Squat"),
        ("Machine Calf Raises", "Calf Raise"),  # the machine its alias names
        ("Split Squat (Barbell)", None),  # another implement: another lift
        ("Back Squat (Dumbbell)", None),
        ("Plank (Machine)", None),
    ],
)
def test_loose_matching_keeps_to_the_equipment(
    equipped: NameIndex[str], typed: str, found: str | None
) -> None:
    assert equipped.get(typed) == found


def test_a_loose_key_two_exercises_share_matches_neither() -> None:
    index = NameIndex([("A", "Row", ["Rows (Cable)"], "machine"), ("B", "Rower", [], "machine")])
    assert index.get("rows") == "A"  # plural of A's name
    two = NameIndex(
        [("A", "Curl A", ["Hammer Curls"], None), ("B", "Curl B", ["Hammer Curl"], None)]
    )
    assert two.get("Hammer Curl") == "B"  # exact still works
    assert two.get("Hammer Curl 2") is None  # loosely, both: neither


def test_without_equipment_a_name_with_an_equipment_word_matches_only_exactly() -> None:
    index = NameIndex([("A", "Split Squat", [])])
    assert index.get("Split Squats") == "A"
    assert index.get("Split Squat (Dumbbell)") is None


# --- the shipped catalog and the apps' names -----------------------------------


def _catalog() -> list[dict[str, Any]]:
    path = Path(__file__).parents[2] / "data" / "exercises.toml"
    entries: list[dict[str, Any]] = tomllib.loads(path.read_text())["exercise"]
    return entries


SHIPPED = _catalog()
SHIPPED_INDEX = NameIndex(
    (e["name"], e["name"], e.get("aliases", []), e["equipment"]) for e in SHIPPED
)

#: What each app calls the catalog's lifts (their libraries' spellings), issue 12 item 3
#: first. Each one is a test.
APP_NAMES: dict[str, dict[str, str]] = {
    "issue 12": {
        "Seated Leg Press (Machine)": "Leg Press",
        "Leg Press Horizontal (Machine)": "Leg Press",
        "Knee Raise (Captain's Chair)": "Hanging Leg Raise",
        "Hanging Knee Raise": "Hanging Leg Raise",
        "Romanian Deadlift (Dumbbell)": "Romanian Deadlift",
        "Stiff Leg Deadlift (Dumbbell)": "Romanian Deadlift",
        "Lunge (Barbell)": "Forward Lunge",
        "Walking Lunges": "Forward Lunge",
        "Bulgarian Split Squat": "Rear-Foot-Elevated Split Squat",
        "Single Leg Squats": "Single-Leg Squat",
        "Machine Calf Raises": "Calf Raise",
        "Plank 1:00": "Plank",
        "Low Plank": "Plank",
        "Body Squat": "Bodyweight Squat",
        "Box Jump (With Height)": "Box Jump",
        "Barbell Split Squat": "Split Squat",
        "Hip Thrust (Machine)": "Hip Thrust",
    },
    "Strong": {
        "Squat (Barbell)": "Back Squat",
        "Deadlift (Barbell)": "Deadlift",
        "Romanian Deadlift (Barbell)": "Romanian Deadlift",
        "Stiff Leg Deadlift (Barbell)": "Romanian Deadlift",
        "Leg Press": "Leg Press",
        "Goblet Squat (Kettlebell)": "Goblet Squat",
        "Hip Thrust (Barbell)": "Hip Thrust",
        "Hip Thrust (Bodyweight)": "Glute Bridge",
        "Squat (Bodyweight)": "Bodyweight Squat",
        "Push Up": "Push-Up",
        "Push Up (Knees)": "Kneeling Push-Up",
        "Pistol Squat": "Single-Leg Squat",
        "Lunge (Dumbbell)": "Forward Lunge",
        "Lunge (Bodyweight)": "Forward Lunge",
        "Walking Lunge": "Forward Lunge",
        "Step-up": "Step-Up",
        "Jump Squat": "Jump Squat",
        "Box Jump": "Box Jump",
        "Jump Rope": "Skipping",
        "Plank": "Plank",
        "Side Plank": "Side Plank",
        "Bicycle Crunch": "Bicycle Crunch",
        "Flat Leg Raise": "Leg Raise",
        "Flat Knee Raise": "Leg Raise",
        "Hanging Leg Raise": "Hanging Leg Raise",
        "Cable Twist": "Cable Twist",
        "Russian Twist": "Russian Twist",
        "Single Leg Bridge": "Single-Leg Glute Bridge",
        "Standing Calf Raise (Dumbbell)": "Calf Raise",
        "Standing Calf Raise (Machine)": "Calf Raise",
        "Standing Calf Raise (Bodyweight)": "Calf Raise",
    },
    "Hevy": {
        "Squat (Barbell)": "Back Squat",
        "Deadlift (Barbell)": "Deadlift",
        "Romanian Deadlift (Barbell)": "Romanian Deadlift",
        "Straight Leg Deadlift": "Romanian Deadlift",
        "Leg Press (Machine)": "Leg Press",
        "Goblet Squat": "Goblet Squat",
        "Kettlebell Goblet Squat": "Goblet Squat",
        "Hip Thrust (Barbell)": "Hip Thrust",
        "Hip Thrust (Smith Machine)": "Hip Thrust",
        "Squat (Bodyweight)": "Bodyweight Squat",
        "Kneeling Push Up": "Kneeling Push-Up",
        "Push Up": "Push-Up",
        "Push Up (Weighted)": "Push-Up",
        "Diamond Push Up": "Triangle Push-Up",
        "Pistol Squat": "Single-Leg Squat",
        "Assisted Pistol Squats": "Single-Leg Squat",
        "Split Squat (Dumbbell)": "Split Squat",
        "Lunge": "Forward Lunge",
        "Lunge (Dumbbell)": "Forward Lunge",
        "Walking Lunge (Dumbbell)": "Forward Lunge",
        "Lateral Lunge": "Lateral Lunge",
        "Step Up": "Step-Up",
        "Dumbbell Step Up": "Step-Up",
        "Single Leg Romanian Deadlift (Dumbbell)": "Single-Leg Deadlift",
        "Jumping Lunge": "Jumping Lunge",
        "Jump Squat": "Jump Squat",
        "Box Jump": "Box Jump",
        "Jump Rope": "Skipping",
        "High Knee Skips": "A-Skip",
        "Plank": "Plank",
        "Side Plank": "Side Plank",
        "Bicycle Crunch": "Bicycle Crunch",
        "Lying Leg Raise": "Leg Raise",
        "Lying Knee Raise": "Leg Raise",
        "Hanging Leg Raise": "Hanging Leg Raise",
        "Leg Raise Parallel Bars": "Hanging Leg Raise",
        "Knee Raise Parallel Bars": "Hanging Leg Raise",
        "Cable Core Palloff Press": "Pallof Press",
        "Cable Twist (Down to up)": "Cable Twist",
        "Cable Twist (Up to down)": "Cable Twist",
        "Russian Twist (Bodyweight)": "Russian Twist",
        "Russian Twist (Weighted)": "Russian Twist",
        "Dead Bug": "Dead Bug",
        "Bird Dog": "Bird Dog",
        "Glute Bridge": "Glute Bridge",
        "Single Leg Glute Bridge": "Single-Leg Glute Bridge",
        "Lateral Leg Raises": "Lying Side Raise",
        "Clamshell": "Clamshell",
        "Lateral Band Walks": "Lateral Band Walk",
        "Standing Calf Raise": "Calf Raise",
        "Standing Calf Raise (Barbell)": "Calf Raise",
        "Standing Calf Raise (Smith)": "Calf Raise",
        "Single Leg Standing Calf Raise": "Single-Leg Calf Raise",
        "Single Leg Standing Calf Raise (Dumbbell)": "Single-Leg Calf Raise",
        "Nordic Hamstrings Curls": "Nordic Hamstring Curl",
    },
    "FitNotes": {
        "Barbell Squat": "Back Squat",
        "Deadlift": "Deadlift",
        "Romanian Deadlift": "Romanian Deadlift",
        "Stiff-Legged Deadlift": "Romanian Deadlift",
        "Leg Press": "Leg Press",
        "Barbell Glute Bridge": "Hip Thrust",
        "Barbell Calf Raise": "Calf Raise",
        "Standing Calf Raise Machine": "Calf Raise",
        "Push Up": "Push-Up",
        "Diamond Push Up": "Triangle Push-Up",
        "Plank": "Plank",
        "Side Plank": "Side Plank",
        "Hanging Leg Raise": "Hanging Leg Raise",
        "Nordic Curls": "Nordic Hamstring Curl",
    },
    "Fitbod": {
        "Back Squat": "Back Squat",
        "Barbell Back Squat": "Back Squat",
        "Deadlift": "Deadlift",
        "Romanian Deadlift": "Romanian Deadlift",
        "Dumbbell Romanian Deadlift": "Romanian Deadlift",
        "Leg Press": "Leg Press",
        "Goblet Squat": "Goblet Squat",
        "Dumbbell Goblet Squat": "Goblet Squat",
        "Barbell Hip Thrust": "Hip Thrust",
        "Air Squats": "Bodyweight Squat",
        "Push Up": "Push-Up",
        "Diamond Push Up": "Triangle Push-Up",
        "Dumbbell Split Squat": "Split Squat",
        "Dumbbell Bulgarian Split Squat": "Rear-Foot-Elevated Split Squat",
        "Dumbbell Lunge": "Forward Lunge",
        "Walking Lunge": "Forward Lunge",
        "Side Lunge": "Lateral Lunge",
        "Dumbbell Step Up": "Step-Up",
        "Single Leg Romanian Deadlift": "Single-Leg Deadlift",
        "Jump Squat": "Jump Squat",
        "Box Jump": "Box Jump",
        "Jump Rope": "Skipping",
        "Plank": "Plank",
        "Side Plank": "Side Plank",
        "Bicycle Crunch": "Bicycle Crunch",
        "Hanging Knee Raise": "Hanging Leg Raise",
        "Hanging Leg Raise": "Hanging Leg Raise",
        "Bear Crawl": "Bear Crawl",
        "Pallof Press": "Pallof Press",
        "Russian Twist": "Russian Twist",
        "Dead Bug": "Dead Bug",
        "Bird Dog": "Bird Dog",
        "Glute Bridge": "Glute Bridge",
        "Single Leg Glute Bridge": "Single-Leg Glute Bridge",
        "Calf Raise": "Calf Raise",
        "Machine Calf Raise": "Calf Raise",
        "Single Leg Calf Raise": "Single-Leg Calf Raise",
    },
}


@pytest.mark.parametrize(
    ("app", "app_name", "catalog_name"),
    [(app, name, ours) for app, names in APP_NAMES.items() for name, ours in names.items()],
    ids=lambda value: str(value),
)
def test_app_name_maps_to_the_catalog_lift(app: str, app_name: str, catalog_name: str) -> None:
    assert SHIPPED_INDEX.get(app_name) == catalog_name


@pytest.mark.parametrize(
    "app_name",
    [
        "Bench Press (Barbell)",
        "Front Squat (Barbell)",
        "Reverse Lunge",
        "Deadlift (Dumbbell)",  # not the barbell Deadlift
        "Squat (Machine)",
        "Squat (Smith Machine)",
        "Deadlift (Trap bar)",
        "Seated Calf Raise",
        "Pull Up (Assisted)",
        "Single Leg Romanian Deadlift (Barbell)",
    ],
)
def test_other_lifts_stay_the_athletes_own(app_name: str) -> None:
    assert SHIPPED_INDEX.get(app_name) is None


def test_no_catalog_name_or_alias_steals_another_exercises() -> None:
    """Every name and alias finds its own exercise, and so do their plurals, other
    cases and numbers added; with an implement added, its own exercise, nothing, or
    an exercise done with that implement ("Squats (Bodyweight)" is Bodyweight Squat)."""
    implements = {
        e["name"]: {e["equipment"], *filter(None, map(equipment_from_name, e.get("aliases", [])))}
        for e in SHIPPED
    }
    words = {
        "Barbell": "barbell",
        "Dumbbell": "dumbbell",
        "Kettlebell": "kettlebell",
        "Machine": "machine",
        "Cable": "machine",
        "Band": "band",
        "Bodyweight": "bodyweight",
    }
    for entry in SHIPPED:
        name = entry["name"]
        for text in [name, *entry.get("aliases", [])]:
            assert SHIPPED_INDEX.get(text) == name, text
            assert SHIPPED_INDEX.get(text.upper()) == name, text
            assert SHIPPED_INDEX.get(text + " 2") in (name, None), text
            assert SHIPPED_INDEX.get(text + "s") in (name, None), text
            for word, implement in words.items():
                for variant in (f"{text} ({word})", f"{word} {text}"):
                    found = SHIPPED_INDEX.get(variant)
                    assert found in (name, None) or implement in implements[found], variant


def test_a_bare_name_never_finds_an_exercise_by_its_implement() -> None:
    """ "Bodyweight Squat" minus its implement is "squat": that is Back Squat's alias."""
    assert SHIPPED_INDEX.get("Squat 2") == "Back Squat"
    assert SHIPPED_INDEX.get("Squats (Bodyweight)") == "Bodyweight Squat"
    assert SHIPPED_INDEX.get("Squats (Barbell)") == "Back Squat"


def test_no_alias_is_two_exercises_or_another_exercises_name() -> None:
    owner: dict[str, str] = {}
    for entry in SHIPPED:
        for text in [entry["name"], *entry.get("aliases", [])]:
            assert owner.setdefault(normalise(text), entry["name"]) == entry["name"], text


# --- what a name says ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "equipment"),
    [
        ("Curl (Dumbbell)", "dumbbell"),
        ("Dumbbells Curl", "dumbbell"),
        ("Zercher Squat (Barbell)", "barbell"),
        ("Cable Fly", "machine"),
        ("Hack Squat (Smith Machine)", "machine"),
        ("Swing (Kettlebell)", "kettlebell"),
        ("Pull Up (Band)", "band"),
        ("Resistance Band Row", "band"),
        ("Dips (Bodyweight)", "bodyweight"),
        ("Pull Up (Assisted)", "machine"),  # the assisted pull-up machine
        ("Barbell Curl (Machine)", "machine"),  # the app's label in brackets wins
        ("Zercher Squat", None),
        ("Dead Hang", None),
    ],
)
def test_equipment_from_name(name: str, equipment: str | None) -> None:
    assert equipment_from_name(name) == equipment


@pytest.mark.parametrize(
    ("name", "kg", "stored"),
    [
        ("Pull Up (Assisted)", 25.0, -25.0),
        ("Assisted Dip (Machine)", 20.0, -20.0),
        ("Chin Up (Assisted)", -15.0, -15.0),  # already signed
        ("Pull Up (Assisted)", 0.0, 0.0),
        ("Pull Up", 10.0, 10.0),  # weighted, not assisted
    ],
)
def test_assistance_is_negative_load(name: str, kg: float, stored: float) -> None:
    """SPEC §1: an assisted exercise's load is stored negative."""
    assert signed_load_kg(name, kg) == stored
    assert is_assisted(name) == ("assisted" in name.casefold())


@pytest.mark.parametrize(
    "name",
    [
        "Running",
        "Running (Treadmill)",
        "Treadmill",
        "Zumba",
        "Stair Climber",
        "Stair Machine (Steps)",
        "Rowing (Machine)",
        "Rowing Machine",
        "Cycling",
        "Stationary Bike",
        "Eliptical Trainer",
        "Swimming",
        "Walking",
        "Incline Walking (Treadmill)",
        "Hiking",
    ],
)
def test_cardio_names(name: str) -> None:
    assert is_cardio_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Walking Lunge",
        "Farmer's Walk",
        "Lateral Band Walks",
        "Bent Over Row (Barbell)",
        "Bicycle Crunch",
        "Jump Rope",
        "Plank",
        "Bear Walk",
    ],
)
def test_strength_names_are_not_cardio(name: str) -> None:
    assert not is_cardio_name(name)
