"""What people type, parsed and validated once for the command line and the app alike.

Every function takes the text as typed (and the athlete's unit where a weight may be
typed) and returns a value in liftlog's own terms — kilograms, dates, names — or raises
`InputError` with one sentence that names the offending text. Both front ends show that
sentence as it is, so they refuse the same input with the same words.

The SET grammar (SPEC §5):

    [L:|R:] WEIGHT[kg|lb] x REPS [@RPE]     60x8, 62.5kgx5@8, L:20x8, 135lbx5
    [L:|R:] x REPS [@RPE]                   x12 (bodyweight)
    [L:|R:] SECONDS s [@RPE]                45s (a timed set)

Names (exercises, races, the athlete's) keep what was typed but may not hold control
characters (our choice: a name with an escape or a bell in it is never meant; names
read from files are stored as given and shown safely by the front ends instead).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Final, NamedTuple, get_args

from liftlog.errors import LiftlogError
from liftlog.progression.model import Category, Equipment, Priority, RunDay, SetKind
from liftlog.units import Unit, format_weight, from_kg, number_text, to_kg

#: The domain's choices, from the rules' own types: what may be typed for each.
CATEGORIES: Final[tuple[str, ...]] = get_args(Category)
EQUIPMENT: Final[tuple[str, ...]] = get_args(Equipment)
PRIORITIES: Final[tuple[str, ...]] = get_args(Priority)
RUN_DAYS: Final[tuple[str, ...]] = get_args(RunDay)
SET_KINDS: Final[tuple[str, ...]] = get_args(SetKind)
WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: "Form is fine, move on" and "start over" (SPEC §2); adding to or dropping from the
#: default program, or back to it.
OVERRIDE_KINDS: Final = ("advance", "restart")
ROUTINE_ACTIONS: Final = ("add", "drop", "reset")
#: R17: the stop before an A race is settable from 7 to 28 days.
STOP_DAYS_RANGE: Final = (7, 28)

MAX_WEIGHT_KG: Final = 1000.0
MAX_REPS: Final = 100
MAX_SECONDS: Final = 3600
#: Bodyweights outside this range (kg) are typing mistakes, not athletes.
BODYWEIGHT_RANGE_KG: Final = (20.0, 400.0)
#: A bar weighs up to this much (kg); 0 is a machine or no bar at all.
MAX_BAR_KG: Final = 50.0
#: A load step (kg) of an exercise: more than 0, at most this.
MAX_INCREMENT_KG: Final = 50.0
#: A plate is up to this big (in the athlete's unit), up to this many pairs of it.
MAX_PLATE, MAX_PAIRS = 100.0, 20
#: The dates liftlog accepts: a typo such as 0202 or 20266 is refused, not stored.
FIRST_DATE: Final = dt.date(1900, 1, 1)
LAST_DATE: Final = dt.date(2100, 12, 31)
#: Names longer than this are refused (a pasted paragraph, not a name).
MAX_NAME_LENGTH: Final = 120
#: A typed number has at most this many characters (digits, point, comma).
_MAX_NUMBER_CHARS = 12


class InputError(LiftlogError, ValueError):
    """Something a person typed that liftlog will not take; the message says why."""


class SetError(InputError):
    """A SET that liftlog will not record."""


def number(text: str, what: str) -> float:
    """A decimal number (`62.5` or `62,5`), refused in one sentence when it is not one."""
    cleaned = text.strip().replace(",", ".")
    if not re.fullmatch(r"\d+(?:\.\d+)?", cleaned) or len(cleaned) > _MAX_NUMBER_CHARS:
        raise InputError(f"{text!r} is not a {what}; write a number such as 20.")
    return float(cleaned)


_WEIGHT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(kg|kgs|lb|lbs)?\s*$", re.IGNORECASE)


def parse_weight(
    text: str, unit: Unit, what: str = "load", *, max_kg: float | None = MAX_WEIGHT_KG
) -> float:
    """A weight in the athlete's unit, or with a `kg`/`lb` suffix (`154lb`), in kg."""
    stripped = text.strip()
    if stripped.startswith("-"):
        raise InputError(f"{text!r}: a {what} can't be negative.")
    match = _WEIGHT.match(stripped)
    if match is None or len(match[1]) > _MAX_NUMBER_CHARS:
        raise InputError(f"{text!r} is not a {what}; write a number such as 20 (or 45lb).")
    suffix = (match[2] or "").lower()
    given: Unit = unit if not suffix else ("lb" if suffix.startswith("lb") else "kg")
    kg = to_kg(float(match[1].replace(",", ".")), given)
    if max_kg is not None and kg > max_kg:
        raise InputError(f"{text!r} is more than liftlog accepts ({max_kg:.0f} kg).")
    return kg


def parse_bodyweight(text: str, unit: Unit) -> float:
    kg = parse_weight(text, unit, "bodyweight", max_kg=None)
    low, high = BODYWEIGHT_RANGE_KG
    if not low <= kg <= high:
        raise InputError(
            f"{format_weight(kg, unit)} is not a plausible bodyweight "
            f"({format_weight(low, unit)}–{format_weight(high, unit)})."
        )
    return kg


def parse_bar(text: str, unit: Unit) -> float:
    kg = parse_weight(text, unit, "bar weight")
    if kg > MAX_BAR_KG:
        raise InputError(f"a bar weighs at most {format_weight(MAX_BAR_KG, unit)}.")
    return kg


def parse_increment(text: str, unit: Unit) -> float:
    """An exercise's load step, in the athlete's unit (or with a suffix), in kg."""
    kg = parse_weight(text, unit, "load step")
    if not 0 < kg <= MAX_INCREMENT_KG:
        most = format_weight(MAX_INCREMENT_KG, unit)
        raise InputError(f"the load step must be more than 0 and at most {most}.")
    return kg


_PLATE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*(?:kg|lb)?\s*[:x×*]\s*(\d+)$", re.IGNORECASE)


def parse_plates(text: str, unit: Unit) -> tuple[tuple[float, int], ...]:
    """Plates as SIZE:PAIRS or SIZExPAIRS, sizes in the athlete's unit, separated by
    commas or spaces (`25:4,20:2` and `25x4 20x2` alike) → ((kg, pairs), …), largest first."""
    plates: dict[float, int] = {}
    for part in re.split(r"[,\s]+", text.strip()):
        if not part:
            continue
        match = _PLATE.match(part)
        if match is None or len(match[1]) + len(match[2]) > _MAX_NUMBER_CHARS:
            raise InputError(f"{part!r} is not a plate; write SIZE:PAIRS or SIZExPAIRS, e.g. 20:2.")
        size, pairs = float(match[1].replace(",", ".")), int(match[2])
        if not 0 < size <= MAX_PLATE or not 0 < pairs <= MAX_PAIRS:
            raise InputError(
                f"{part!r}: a plate is up to {MAX_PLATE:g} {unit}, up to {MAX_PAIRS} pairs of it."
            )
        plates[to_kg(size, unit)] = plates.get(to_kg(size, unit), 0) + pairs
    if not plates:
        raise InputError("give at least one plate size, e.g. 20:2 10:2 5:2.")
    return tuple(sorted(plates.items(), reverse=True))


def plates_text(plates_kg: tuple[tuple[float, int], ...], unit: Unit) -> str:
    """`25:4 20:2 …` (size in the unit : pairs): what `parse_plates` reads back."""
    return " ".join(f"{number_text(from_kg(size, unit))}:{pairs}" for size, pairs in plates_kg)


def parse_date(text: str, what: str = "date") -> dt.date:
    """A YYYY-MM-DD date between 1900 and 2100, or an InputError naming what is wrong."""
    stripped = text.strip()
    if not stripped:
        raise InputError(f"the {what} is empty; write YYYY-MM-DD.")
    try:
        day = dt.date.fromisoformat(stripped)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stripped):
            raise InputError(f"{text!r} is not a real date.") from None
        raise InputError(f"{text!r} is not a date; write YYYY-MM-DD.") from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise InputError(
            f"{text!r} is outside the dates liftlog keeps ({FIRST_DATE.year}–{LAST_DATE.year})."
        )
    return day


def date_or_today(text: str | None, today: dt.date) -> dt.date:
    """The date typed, or `today` when none was given (an empty text is refused)."""
    return today if text is None else parse_date(text)


def clean_name(text: str, what: str = "name") -> str:
    """A name as typed, its runs of spaces made one; refused when empty, too long or
    holding a control character. (Our choice, issue 10: what a person types refuses
    control characters; a name read from a file is stored as the file spells it. Both
    front ends show every name through `textsafe.visible`.)"""
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise InputError(f"a {what} can't hold control characters (such as tabs or escapes).")
    name = " ".join(text.split())
    if not name:
        raise InputError(f"a {what} can't be empty.")
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(f"a {what} is at most {MAX_NAME_LENGTH} characters.")
    return name


#: A note is at most this long.
MAX_NOTE_LENGTH: Final = 2000


def clean_note(text: str) -> str:
    """A note as typed (line breaks and tabs kept), trimmed; refused when it holds other
    control characters or is too long."""
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise InputError("a note can't hold control characters (such as escapes).")
    note = text.strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise InputError(f"a note is at most {MAX_NOTE_LENGTH} characters.")
    return note


def choice(text: str, options: tuple[str, ...], what: str) -> str:
    """One of `options` (any case), or an InputError listing them."""
    folded = text.strip().casefold()
    for option in options:
        if option.casefold() == folded:
            return option
    listed = ", ".join(options[:-1]) + f" or {options[-1]}" if len(options) > 1 else options[0]
    raise InputError(f"{what} {text!r} is not {listed}.")


def parse_stop_days(days: int) -> int:
    low, high = STOP_DAYS_RANGE
    if not low <= days <= high:
        raise InputError(f"the stop before an A race is {low} to {high} days, not {days}.")
    return days


def parse_template(items: list[str], template: dict[int, str]) -> dict[int, str]:
    """`tue=hard thu=easy sun=rest mon=unset` applied to a weekly run template."""
    result = dict(template)
    for item in items:
        day, _, kind = item.partition("=")
        day, kind = day.strip().lower()[:3], kind.strip().lower()
        if day not in WEEKDAYS or kind not in (*RUN_DAYS, "unset"):
            raise InputError(f"{item!r} is not DAY=KIND (mon..sun = {'|'.join(RUN_DAYS)}|unset).")
        if kind == "unset":
            result.pop(WEEKDAYS.index(day), None)
        else:
            result[WEEKDAYS.index(day)] = kind
    return result


# --- the SET grammar ----------------------------------------------------------------

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


class ParsedSet(NamedTuple):
    """One set as typed, in kg."""

    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None
    side: str | None

    @property
    def is_timed(self) -> bool:
        return self.seconds is not None


def parse_rpe(text: str, original: str) -> float:
    """RPE 1–10 in half steps (`8`, `7.5`, `7,5`)."""
    if len(text) > 4:
        raise SetError(f"RPE in {original!r} must be between 1 and 10 in half steps.")
    rpe = float(text.replace(",", "."))
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
        seconds = _bounded(match["seconds"], MAX_SECONDS)
        if not 1 <= seconds <= MAX_SECONDS:
            raise SetError(f"{text!r}: a timed set must last 1 to {MAX_SECONDS} seconds.")
        return ParsedSet(0.0, None, seconds, rpe, side)
    reps = _bounded(match["reps"], MAX_REPS)
    if not 1 <= reps <= MAX_REPS:
        raise SetError(f"{text!r}: reps must be between 1 and {MAX_REPS}.")
    weight_kg = 0.0
    if match["weight"] is not None:
        if len(match["weight"]) > _MAX_NUMBER_CHARS:
            raise SetError(f"{text!r}: that weight is more than liftlog accepts (1000 kg).")
        suffix = match["unit"]
        set_unit: Unit = unit if suffix is None else ("lb" if suffix.startswith("lb") else "kg")
        weight_kg = to_kg(float(match["weight"].replace(",", ".")), set_unit)
    elif match["unit"]:
        raise SetError(f"{text!r}: a unit needs a weight before it (e.g. 60kgx8).")
    if weight_kg > MAX_WEIGHT_KG:
        raise SetError(f"{text!r}: {weight_kg:.0f} kg is more than liftlog accepts (1000 kg).")
    return ParsedSet(weight_kg, reps, None, rpe, side)


def _bounded(digits: str, limit: int) -> int:
    """A whole number from digits; anything longer than the limit's digits is past it
    (never int() of a 5000-digit string)."""
    return limit + 1 if len(digits.lstrip("0")) > len(str(limit)) else int(digits)
