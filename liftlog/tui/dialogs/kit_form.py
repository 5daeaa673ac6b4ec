"""Units, bar and plates (R9): what every prescribed load is rounded to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select

from liftlog.store.queries import AthleteRow
from liftlog.tui.dialogs.form import FormDialog, FormError
from liftlog.units import DEFAULT_BAR, DEFAULT_PLATES, Unit, from_kg, to_kg

_PLATE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+)$")


@dataclass(frozen=True, slots=True)
class Kit:
    units: Unit
    bar_kg: float
    plates_kg: tuple[tuple[float, int], ...]


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def plates_text(plates_kg: tuple[tuple[float, int], ...], units: Unit) -> str:
    """`25x4 20x2 …`: plate size in the unit × pairs."""
    return " ".join(f"{_num(from_kg(size, units))}x{pairs}" for size, pairs in plates_kg)


def parse_plates(text: str, units: Unit) -> tuple[tuple[float, int], ...]:
    plates = []
    for word in text.replace(",", " ").split():
        match = _PLATE.match(word)
        if match is None:
            raise FormError(f"{word!r}: write each plate as SIZExPAIRS, e.g. 25x4.")
        size, pairs = float(match[1]), int(match[2])
        if not 0 < size <= 100 or not 0 < pairs <= 20:
            raise FormError(f"{word!r}: sizes up to 100 and 1 to 20 pairs.")
        plates.append((round(to_kg(size, units), 4), pairs))
    if not plates:
        raise FormError("List at least one plate size, e.g. 20x2 10x2 5x2.")
    return tuple(sorted(plates, reverse=True))


class KitForm(FormDialog[Kit]):
    FORM_TITLE = "Units, bar and plates"

    def __init__(self, athlete: AthleteRow) -> None:
        super().__init__()
        self.athlete = athlete

    def fields(self) -> ComposeResult:
        a = self.athlete
        yield Label("Units")
        yield Select([("kilograms (kg)", "kg"), ("pounds (lb)", "lb")], value=a.units,
                     allow_blank=False, id="units")  # fmt: skip
        yield Label("Bar weight (in those units)")
        yield Input(_num(from_kg(a.bar_kg, a.units)), id="bar")
        yield Label("Plates: SIZExPAIRS, in those units")
        yield Input(plates_text(a.plates_kg, a.units), id="plates")

    def on_select_changed(self, event: Select.Changed) -> None:
        """Switching units offers that unit's standard bar and plates."""
        units: Unit = "lb" if event.value == "lb" else "kg"
        if units == self.athlete.units:
            self.query_one("#bar", Input).value = _num(from_kg(self.athlete.bar_kg, units))
            self.query_one("#plates", Input).value = plates_text(self.athlete.plates_kg, units)
            return
        self.query_one("#bar", Input).value = _num(DEFAULT_BAR[units])
        self.query_one("#plates", Input).value = " ".join(
            f"{_num(size)}x{pairs}" for size, pairs in DEFAULT_PLATES[units]
        )

    def result(self) -> Kit:
        units: Unit = "lb" if self.query_one("#units", Select).value == "lb" else "kg"
        try:
            bar = float(self.value("#bar").replace(",", "."))
        except ValueError:
            raise FormError("The bar weight must be a number.") from None
        if not 0 < bar <= 50 * (2.2 if units == "lb" else 1):
            raise FormError("The bar weight must be more than 0 (and at most 50 kg).")
        return Kit(units, round(to_kg(bar, units), 4), parse_plates(self.value("#plates"), units))
