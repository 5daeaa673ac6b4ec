"""What people type, parsed once for both front ends (liftlog.inputs)."""

from __future__ import annotations

import datetime as dt

import pytest

from liftlog.inputs import (
    CATEGORIES,
    EQUIPMENT,
    InputError,
    choice,
    clean_name,
    clean_note,
    parse_bar,
    parse_bodyweight,
    parse_date,
    parse_increment,
    parse_plates,
    parse_template,
    parse_weight,
    plates_text,
)
from liftlog.units import KG_PER_LB


@pytest.mark.parametrize(
    ("text", "unit", "kg"),
    [
        ("60", "kg", 60.0),
        ("62,5", "kg", 62.5),
        ("135", "lb", 135 * KG_PER_LB),
        ("135lb", "kg", 135 * KG_PER_LB),
        ("135 lbs", "kg", 135 * KG_PER_LB),
        ("60kg", "lb", 60.0),
        ("60 KGS", "lb", 60.0),
    ],
)
def test_a_weight_is_in_the_athletes_unit_unless_it_says(text: str, unit: str, kg: float) -> None:
    assert parse_weight(text, unit) == pytest.approx(kg)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "-5", "sixty", "60 st", "1" * 13, "1" * 5000, "60x"])
def test_a_weight_that_is_not_one_is_refused_in_one_sentence(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_weight(text, "kg")
    assert "\n" not in str(err.value)


def test_every_weight_takes_suffixes_bar_bodyweight_and_step_alike() -> None:
    assert parse_bar("45lb", "kg") == pytest.approx(45 * KG_PER_LB)
    assert parse_bodyweight("154lb", "kg") == pytest.approx(154 * KG_PER_LB)
    assert parse_increment("5lb", "kg") == pytest.approx(5 * KG_PER_LB)
    with pytest.raises(InputError, match="not a plausible bodyweight"):
        parse_bodyweight("7000", "kg")
    with pytest.raises(InputError, match="a bar weighs at most"):
        parse_bar("60", "kg")
    with pytest.raises(InputError, match="load step"):
        parse_increment("0", "kg")


@pytest.mark.parametrize("text", ["25:4,20:2", "25x4 20x2", "25×4, 20:2", " 25:4  20x2 "])
def test_plates_are_read_in_either_syntax(text: str) -> None:
    assert parse_plates(text, "kg") == ((25.0, 4), (20.0, 2))


def test_plates_text_reads_back_as_the_same_plates() -> None:
    plates = parse_plates("45:4 35:2 2.5:2", "lb")
    assert plates_text(plates, "lb") == "45:4 35:2 2.5:2"
    assert parse_plates(plates_text(plates, "lb"), "lb") == plates


@pytest.mark.parametrize("text", ["", "25", "25:0", "0:2", "101:2", "25:21", "a:b"])
def test_bad_plates_are_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_plates(text, "kg")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "empty"),
        ("2027-02-30", "not a real date"),
        ("5 Jan", "not a date"),
        ("0001-01-01", "outside the dates"),
        ("9999-12-31", "outside the dates"),
    ],
)
def test_dates_outside_1900_to_2100_or_not_dates_are_refused(text: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        parse_date(text)


def test_dates_in_range_are_read() -> None:
    assert parse_date("1900-01-01") == dt.date(1900, 1, 1)
    assert parse_date(" 2100-12-31 ") == dt.date(2100, 12, 31)


def test_names_keep_what_was_typed_but_no_control_characters() -> None:
    assert clean_name("  Bulgarian   Split  Squat ") == "Bulgarian Split Squat"
    assert clean_name("[bold]Row") == "[bold]Row"  # markup is text, kept as typed
    for bad in ("", "   ", "Curl \x1b]52;c;x\x07", "tab\there", "x" * 121):
        with pytest.raises(InputError):
            clean_name(bad)


def test_notes_keep_line_breaks_but_no_other_control_characters() -> None:
    assert clean_note(" felt good\nknees ok ") == "felt good\nknees ok"
    with pytest.raises(InputError):
        clean_note("bell\x07")


def test_choices_come_from_the_domains_types() -> None:
    assert "plyometric" in CATEGORIES
    assert "kettlebell" in EQUIPMENT
    assert choice("BARBELL", EQUIPMENT, "equipment") == "barbell"
    with pytest.raises(InputError, match="equipment 'rope' is not barbell, dumbbell"):
        choice("rope", EQUIPMENT, "equipment")


def test_a_run_template_is_applied_day_by_day() -> None:
    assert parse_template(["tue=hard", "Sunday=rest"], {0: "easy"}) == {
        0: "easy",
        1: "hard",
        6: "rest",
    }
    assert parse_template(["mon=unset"], {0: "easy"}) == {}
    with pytest.raises(InputError):
        parse_template(["tue=fast"], {})
