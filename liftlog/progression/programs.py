"""Default programs per season phase (data/programs.toml) and the athlete's routine.

Loading stays pure: `load_program` takes the TOML text (a `str`) or a `pathlib.Path`;
`default_program()` reads the file shipped in `data/`. The routine for a day is the
season phase's program, minus the athlete's drops, plus their additions; an exercise
marked `once_a_week` is left out when it was already done that calendar week.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

from .model import Athlete, ExerciseInfo

PHASES_WITH_PROGRAM = ("GENERAL", "SPECIFIC")
PROGRAM_FOR = {"GENERAL": "GENERAL", "SPECIFIC": "SPECIFIC", "TAPER": "SPECIFIC"}


class ProgramDay(NamedTuple):
    exercises: tuple[str, ...]
    once_a_week: frozenset[str] = frozenset()


class Program(NamedTuple):
    """Season phase → the exercises of a session in that phase."""

    days: Mapping[str, ProgramDay] = MappingProxyType({})

    def day(self, season_phase: str) -> ProgramDay:
        key = PROGRAM_FOR.get(season_phase)
        return self.days.get(key, ProgramDay(())) if key else ProgramDay(())


def load_program(source: str | Path) -> Program:
    """Parse a program: TOML text, or a Path to a TOML file. Raises ValueError when malformed."""
    import tomllib  # here, not at the top: importing the rules stays cheap

    text = source if isinstance(source, str) else source.read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"programs: {exc}") from exc
    days: dict[str, ProgramDay] = {}
    for phase, body in raw.items():
        if phase not in PHASES_WITH_PROGRAM:
            raise ValueError(f"programs: unknown season phase [{phase}] (use GENERAL or SPECIFIC)")
        if not isinstance(body, dict) or not isinstance(body.get("exercises"), list):
            raise ValueError(f"programs: [{phase}] needs a list `exercises`")
        names = tuple(str(n) for n in body["exercises"])
        once = frozenset(str(n) for n in body.get("once_a_week", []))
        if not once <= set(names):
            raise ValueError(f"programs: [{phase}] once_a_week names an exercise not in the list")
        days[phase] = ProgramDay(names, once)
    return Program(days)


def default_program_path() -> Path:
    """data/programs.toml: in the source tree, or liftlog/data/ inside the wheel."""
    from pathlib import Path

    here = Path(__file__).resolve().parent
    for candidate in (
        here.parent / "data" / "programs.toml",
        here.parent.parent / "data" / "programs.toml",
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("data/programs.toml not found")


def default_program() -> Program:
    return load_program(default_program_path())


def unknown_exercises(program: Program, catalog: Mapping[str, ExerciseInfo]) -> list[str]:
    """Program names the catalog does not know (to check the data files)."""
    return sorted({n for day in program.days.values() for n in day.exercises if n not in catalog})


def routine(
    program: Program,
    season_phase: str,
    athlete: Athlete,
    done_this_week: Collection[str] = (),
) -> list[str]:
    """The exercises of one session: program − drops + additions, once-a-week respected."""
    day = program.day(season_phase)
    if season_phase not in PROGRAM_FOR:
        return []
    drop = {n.casefold() for n in athlete.routine_drop}
    done = {n.casefold() for n in done_this_week}
    out: list[str] = []
    for name in (*day.exercises, *athlete.routine_add):
        key = name.casefold()
        if key in drop or any(key == o.casefold() for o in out):
            continue
        if name in day.once_a_week and key in done:
            continue
        out.append(name)
    return out
