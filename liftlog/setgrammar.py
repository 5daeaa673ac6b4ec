"""The SET grammar of the command line (SPEC §5), parsed and validated.

    [L:|R:] WEIGHT[kg|lb] x REPS [@RPE]     60x8, 62.5kgx5@8, L:20x8, 135lbx5
    [L:|R:] x REPS [@RPE]                   x12 (bodyweight)
    [L:|R:] SECONDS s [@RPE]                45s (a timed set)

Weights without a suffix are in the athlete's unit. Every refusal is a `SetError`
with one sentence that names the offending text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from liftlog.errors import LiftlogError
from liftlog.units import Unit, to_kg

MAX_WEIGHT_KG = 1000.0
MAX_REPS = 100
MAX_SECONDS = 3600

_SET = re.compile(
    r"""^\s*
    (?:(?P<side>[LRlr]):)?
    (?:
        (?P<weight>\d+(?:[.,]\d+)?)?\s*(?P<unit>kg|kgs|lb|lbs)?\s*[x×X]\s*(?P<reps>\d+)
      | (?P<seconds>\d+)\s*s
    )
    (?:\s*@\s*(?P<rpe>\d+(?:[.,]\d+)?))?
    \s*$""",
    re.VERBOSE,
)


class SetError(LiftlogError, ValueError):
    """A SET the user typed that liftlog will not record; the message says why."""


@dataclass(frozen=True, slots=True)
class ParsedSet:
    """One set as typed, in kg."""

    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None
    side: str | None

    @property
    def is_timed(self) -> bool:
        return self.seconds is not None


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_rpe(text: str, original: str) -> float:
    rpe = _number(text)
    if not 1 <= rpe <= 10 or (rpe * 2) % 1:
        raise SetError(f"RPE in {original!r} must be between 1 and 10 in half steps.")
    return rpe


def parse_set(text: str, unit: Unit = "kg") -> ParsedSet:
    """Parse one SET; raise SetError with one clear sentence when it is not valid."""
    stripped = text.strip()
    if stripped.startswith("-") or re.match(r"^[LRlr]:\s*-", stripped):
        raise SetError(f"{text!r}: a weight can't be negative.")
    match = _SET.match(text)
    if match is None:
        raise SetError(
            f"{text!r} is not a set; write WEIGHTxREPS (60x8), xREPS (x12) or SECONDS (45s), "
            "optionally with @RPE and an L:/R: side."
        )
    side = match["side"].upper() if match["side"] else None
    rpe = parse_rpe(match["rpe"], text) if match["rpe"] else None
    if match["seconds"] is not None:
        seconds = int(match["seconds"])
        if not 1 <= seconds <= MAX_SECONDS:
            raise SetError(f"{text!r}: a timed set must last 1 to {MAX_SECONDS} seconds.")
        return ParsedSet(0.0, None, seconds, rpe, side)
    reps = int(match["reps"])
    if not 1 <= reps <= MAX_REPS:
        raise SetError(f"{text!r}: reps must be between 1 and {MAX_REPS}.")
    weight_kg = 0.0
    if match["weight"] is not None:
        suffix = match["unit"]
        set_unit: Unit = unit if suffix is None else ("lb" if suffix.startswith("lb") else "kg")
        weight_kg = to_kg(_number(match["weight"]), set_unit)
    elif match["unit"]:
        raise SetError(f"{text!r}: a unit needs a weight before it (e.g. 60kgx8).")
    if weight_kg > MAX_WEIGHT_KG:
        raise SetError(f"{text!r}: {weight_kg:.0f} kg is more than liftlog accepts (1000 kg).")
    return ParsedSet(weight_kg, reps, None, rpe, side)
