"""The SET grammar of SPEC §5: what is accepted, in kg, and every refusal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftlog.inputs import ParsedSet, SetError, parse_set
from liftlog.units import KG_PER_LB


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("60x8", ParsedSet(60.0, 8, None, None, None)),
        ("62.5x5", ParsedSet(62.5, 5, None, None, None)),
        ("62,5x5", ParsedSet(62.5, 5, None, None, None)),
        ("x12", ParsedSet(0.0, 12, None, None, None)),
        ("45s", ParsedSet(0.0, None, 45, None, None)),
        ("60x8@8", ParsedSet(60.0, 8, None, 8.0, None)),
        ("60x8@7.5", ParsedSet(60.0, 8, None, 7.5, None)),
        ("L:20x8", ParsedSet(20.0, 8, None, None, "L")),
        ("r:x10", ParsedSet(0.0, 10, None, None, "R")),
        ("R:30s", ParsedSet(0.0, None, 30, None, "R")),
        ("60kgx8", ParsedSet(60.0, 8, None, None, None)),
        ("60X8", ParsedSet(60.0, 8, None, None, None)),
        ("0x12", ParsedSet(0.0, 12, None, None, None)),
    ],
)
def test_accepted_sets(text: str, expected: ParsedSet) -> None:
    assert parse_set(text) == expected


def test_lb_suffix_is_converted_to_kg() -> None:
    parsed = parse_set("135lbx5")
    assert parsed.weight_kg == pytest.approx(135 * KG_PER_LB)


def test_unsuffixed_weight_is_in_the_athletes_unit() -> None:
    assert parse_set("135x5", "lb").weight_kg == pytest.approx(135 * KG_PER_LB)
    assert parse_set("100kgx5", "lb").weight_kg == pytest.approx(100.0)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("-20x8", "negative"),
        ("L:-20x8", "negative"),
        ("1001x1", "more than liftlog accepts"),
        ("2300lbx1", "more than liftlog accepts"),
        ("60x0", "reps must be between 1 and 100"),
        ("60x101", "reps must be between 1 and 100"),
        ("0s", "timed set"),
        ("60x8@11", "RPE"),
        ("60x8@0", "RPE"),
        ("60x8@7.3", "half steps"),
        ("sixty x 8", "is not a set"),
        ("60", "is not a set"),
        ("60x", "is not a set"),
        ("", "is not a set"),
        ("X:60x8", "is not a set"),
        ("kgx8", "needs a weight"),
    ],
)
def test_refused_sets_say_why(text: str, fragment: str) -> None:
    with pytest.raises(SetError, match=fragment):
        parse_set(text)


@given(st.text(max_size=20))
def test_any_text_parses_or_is_refused_cleanly(text: str) -> None:
    try:
        parsed = parse_set(text)
    except SetError as exc:
        assert str(exc)  # one sentence, never an unexpected exception type
        return
    assert 0 <= parsed.weight_kg <= 1000
    assert (parsed.reps is None) != (parsed.seconds is None)


@given(
    st.floats(min_value=0, max_value=1000).map(lambda w: round(w, 2)),
    st.integers(min_value=1, max_value=100),
    st.sampled_from([None, *[x / 2 for x in range(2, 21)]]),
    st.sampled_from([None, "L", "R"]),
)
def test_written_sets_read_back(
    weight: float, reps: int, rpe: float | None, side: str | None
) -> None:
    text = (f"{side}:" if side else "") + f"{weight}x{reps}" + (f"@{rpe}" if rpe else "")
    assert parse_set(text) == ParsedSet(weight, reps, None, rpe, side)
