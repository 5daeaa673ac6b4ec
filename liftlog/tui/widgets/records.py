"""The records panel of an exercise's history (R12) and its R11 imbalance line."""

from __future__ import annotations

from textual.content import Content

from liftlog.progression.constants import IMBALANCE_FLAG
from liftlog.service.history import ExerciseRecords
from liftlog.tui.format import load
from liftlog.units import Unit, from_kg


def from_units(kg: float, units: str) -> float:
    return from_kg(kg, "lb" if units == "lb" else "kg")


def records_content(
    rec: ExerciseRecords, units: str, most_reps: int | None = None, longest: int | None = None
) -> Content:
    """R12's records; for a lift without load, the most reps in a set (`most_reps`) or
    the longest hold (`longest`, seconds)."""
    lines: list[Content] = []
    u: Unit = "kg" if units == "kg" else "lb"
    if rec.best_e1rm:
        kg, day = rec.best_e1rm
        lines.append(
            Content.assemble(Content.styled("e1RM   ", "bold"), f"{load(kg, u)} {u}  {day}")
        )
    if rec.best_volume:
        kg, day = rec.best_volume
        lines.append(Content.assemble(
            Content.styled("Volume ", "bold"), f"{from_units(kg, u):,.0f} {u}  {day}"
        ))  # fmt: skip
    if rec.by_reps:
        lines.append(Content.styled("Heaviest at each rep count", "bold"))
        lines += [
            Content(f"{reps:>3} × {load(kg, u):>6} {u}  {day}") for reps, kg, day in rec.by_reps
        ]
    if longest:
        lines.append(Content.assemble(Content.styled("Longest hold ", "bold"), f"{longest} s"))
    elif most_reps and not rec.by_reps:
        lines.append(
            Content.assemble(Content.styled("Most reps in a set ", "bold"), str(most_reps))
        )
    if rec.imbalance is not None:
        pct = round(rec.imbalance * 100)
        style = "bold $text-warning" if rec.imbalance_flagged else "$text-muted"
        flag = f" — above {round(IMBALANCE_FLAG * 100)}%" if rec.imbalance_flagged else ""
        lines.append(Content.styled(f"Imbalance (R11) {pct}%{flag}", style))
    if not lines:
        return Content.styled("No loaded sets yet.", "$text-muted")
    return Content("\n").join(lines)
