"""`liftlog next --json` (SPEC §5) and the plain-text note; lb athletes see lb, JSON stays kg."""

from __future__ import annotations

import json

from prog_support import D0, day_rx, days, flat, sets

from liftlog.progression import Athlete, Race, format_text, to_json
from liftlog.progression.constants import KG_PER_LB

SPEC_TOP = {"date", "lift", "season", "exercises", "why"}
SPEC_SEASON = {"phase", "race", "days_to_race", "sessions_per_week"}
SPEC_EXERCISE = {"exercise", "phase", "warmup", "work", "rest_s", "rules", "why"}
SPEC_WORK = {"reps_min", "reps_max", "weight_kg", "side"}


def two_weeks_at(load: float) -> list:
    """Days 0 and 7 at `load` with 8s: R4 adds one increment on day 14 (no R20 gap)."""
    return flat(sets(D0, "Back Squat", load, [8] * 4), sets(days(7), "Back Squat", load, [8] * 4))


def test_json_has_the_spec_keys_and_types():
    day = day_rx(days(14), two_weeks_at(60))
    out = json.loads(json.dumps(to_json(day)))
    assert set(out) >= SPEC_TOP and set(out["season"]) >= SPEC_SEASON
    assert out["date"] == "2027-01-18" and out["lift"] is True
    assert out["season"]["race"] is None and out["season"]["days_to_race"] is None
    assert out["season"]["sessions_per_week"] == [2, 3]
    (ex,) = out["exercises"]
    assert set(ex) >= SPEC_EXERCISE
    assert ex["exercise"] == "Back Squat" and ex["phase"] == "STRENGTH"
    assert ex["warmup"][0] == {"reps": 8, "weight_kg": 25.0}
    assert all(set(w) >= SPEC_WORK for w in ex["work"])
    assert [(w["reps_min"], w["reps_max"], w["weight_kg"], w["side"]) for w in ex["work"]] == [
        (5, 8, 65.0, None)
    ] * 4
    assert all(isinstance(w["weight_kg"], float) for w in ex["work"] + ex["warmup"])
    assert ex["rest_s"] == [120, 180] and "R4" in ex["rules"]
    assert ex["plates"] == {"per_side": [20.0, 2.5], "unit": "kg"}


def test_json_no_lift_has_empty_exercises_and_a_top_level_why():
    race = Race("City Marathon", days(10), "A")
    out = to_json(day_rx(D0, races=[race]))
    assert out["lift"] is False and out["exercises"] == []
    assert out["season"]["race"] == {"name": "City Marathon", "date": "2027-01-14", "priority": "A"}
    assert out["season"]["days_to_race"] == 10 and "R17" in out["why"]


def test_text_note_shows_warmup_work_plates_and_why():
    text = format_text(day_rx(days(14), two_weeks_at(60)), "kg")
    assert "Back Squat — STRENGTH" in text
    assert "4 × 5–8 @ 65 kg" in text and "per side 20 + 2.5" in text
    assert "R4: 14 days since the last load change" in text
    assert "  rules:   R3 R4 R9 R13 — docs/rules.md" in text  # where the rules are explained


def test_text_note_without_lifting_says_so():
    race = Race("City Marathon", days(10), "A")
    assert "No strength session" in format_text(day_rx(D0, races=[race]))


def test_lb_athlete_gets_lb_plate_loads_in_text_and_kg_in_json():
    lb = Athlete(units="lb", bar_kg=45 * KG_PER_LB)
    history = flat(
        sets(D0, "Back Squat", 45 * KG_PER_LB, [10, 10]),
        sets(days(2), "Back Squat", 45 * KG_PER_LB, [12, 12]),
    )
    day = day_rx(days(4), history, athlete=lb)
    (ex,) = day.exercises
    # BUILD: 45 lb + 5 kg (11 lb) = 56 lb, rounded down to lb plates: 55 lb
    assert ex.phase == "BUILD" and ex.plates == (5.0,) and ex.plate_unit == "lb"
    out = to_json(day)
    assert out["exercises"][0]["work"][0]["weight_kg"] == round(55 * KG_PER_LB, 3)
    text = format_text(day, "lb")
    assert "3 × 10–12 @ 55 lb" in text and "kg" not in text.split("Back Squat")[1].split("why")[0]


def test_unilateral_text_pairs_the_sides():
    text = format_text(day_rx(D0, only="Single-Leg Squat"))
    assert "3 × (L: 8, then R: 8 (match the weaker side))" in text


def test_lb_athlete_reads_the_increase_in_lb_plates():
    lb = Athlete(units="lb", bar_kg=45 * KG_PER_LB)
    (ex,) = day_rx(days(14), two_weeks_at(135 * KG_PER_LB), athlete=lb).exercises
    # 135 lb + 5 kg (11 lb) = 146 lb, rounded down to lb plates: 145 lb
    assert ex.plates == (45.0, 5.0)
    assert "add 10 lb: 145 lb" in ex.why
