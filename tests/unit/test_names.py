"""Exercise names match by name or alias, ignoring case and punctuation (SPEC §5)."""

from __future__ import annotations

import pytest

from liftlog.names import NameIndex, normalise

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


def test_normalise_drops_case_and_punctuation() -> None:
    assert normalise("  Squat (Barbell) ") == "squat barbell"
    assert normalise("Single-Leg  Squat") == "single leg squat"
