"""Kilograms and pounds, and the standard kit in each. Storage and rules are in kg;
people see their own unit. The one home of the kg/lb factor and the default bar and
plates (SPEC §1); the rules (`progression.constants`) read them from here."""

from __future__ import annotations

from typing import Literal

Unit = Literal["kg", "lb"]
KG_PER_LB = 0.45359237  # exact, by definition of the pound
UNITS: tuple[Unit, ...] = ("kg", "lb")
#: Default plate inventories (SPEC §1): plate size in the unit -> pairs available. How
#: many pairs of each size is our choice ("several pairs of each size").
DEFAULT_PLATES: dict[Unit, tuple[tuple[float, int], ...]] = {
    "kg": ((25, 4), (20, 2), (15, 2), (10, 2), (5, 2), (2.5, 2), (1.25, 2)),
    "lb": ((45, 4), (35, 2), (25, 2), (10, 2), (5, 2), (2.5, 2)),
}
#: Default bar (SPEC §1), in the unit.
DEFAULT_BAR: dict[Unit, float] = {"kg": 20.0, "lb": 45.0}


def to_kg(value: float, unit: Unit) -> float:
    return value * KG_PER_LB if unit == "lb" else value


def from_kg(kg: float, unit: Unit) -> float:
    return kg / KG_PER_LB if unit == "lb" else kg


def number_text(value: float) -> str:
    """`62.5`, `135`, `1.25`: at most two decimals, no trailing zeros."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_weight(kg: float, unit: Unit) -> str:
    """`62.5 kg`, `135 lb`: at most two decimals, no trailing zeros."""
    return f"{number_text(from_kg(kg, unit))} {unit}"


def format_bodyweight(kg: float, unit: Unit) -> str:
    """`70.0 kg`, `154.3 lb`: a bodyweight, always to one decimal (scales show one)."""
    return f"{from_kg(kg, unit):.1f} {unit}"


def default_kit_kg(unit: Unit) -> tuple[float, tuple[tuple[float, int], ...]]:
    """The standard bar and plates of a unit, in kg: (bar, ((plate, pairs), …))."""
    plates = tuple((to_kg(size, unit), pairs) for size, pairs in DEFAULT_PLATES[unit])
    return to_kg(DEFAULT_BAR[unit], unit), plates


def is_default_kit(bar_kg: float, plates_kg: tuple[tuple[float, int], ...], unit: Unit) -> bool:
    """True when the bar and plates are the unit's standard ones (to the gram)."""
    bar, plates = default_kit_kg(unit)
    same_bar = abs(bar_kg - bar) < 0.001
    return same_bar and [(round(s, 3), n) for s, n in plates_kg] == [
        (round(s, 3), n) for s, n in plates
    ]
