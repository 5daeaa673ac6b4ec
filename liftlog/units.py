"""Kilograms and pounds. Storage is always kg; people see their own unit."""

from __future__ import annotations

from typing import Literal

Unit = Literal["kg", "lb"]
KG_PER_LB = 0.45359237
UNITS: tuple[Unit, ...] = ("kg", "lb")
#: Default plate inventories (SPEC §1): plate size in the unit -> pairs available.
DEFAULT_PLATES: dict[Unit, tuple[tuple[float, int], ...]] = {
    "kg": ((25, 4), (20, 2), (15, 2), (10, 2), (5, 2), (2.5, 2), (1.25, 2)),
    "lb": ((45, 4), (35, 2), (25, 2), (10, 2), (5, 2), (2.5, 2)),
}
DEFAULT_BAR: dict[Unit, float] = {"kg": 20.0, "lb": 45.0}


def to_kg(value: float, unit: Unit) -> float:
    return value * KG_PER_LB if unit == "lb" else value


def from_kg(kg: float, unit: Unit) -> float:
    return kg / KG_PER_LB if unit == "lb" else kg


def format_weight(kg: float, unit: Unit) -> str:
    """`62.5 kg`, `135 lb`: at most two decimals, no trailing zeros."""
    value = round(from_kg(kg, unit), 2)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}"
