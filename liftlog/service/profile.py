"""The athlete's profile: units and kit (bar, plates), name, stop days, the weekly run
template, and the bodyweight log.

Units are a display preference (SPEC §5): storage and the rules stay in kg, and a
switch never changes what was logged. `switch_units` is the one place that decides what
a switch does to the kit (the profile command, the import and the kit dialog use it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from liftlog.inputs import (
    InputError,
    clean_name,
    parse_bar,
    parse_plates,
    parse_stop_days,
    parse_template,
)
from liftlog.service.log import Log
from liftlog.store import athletes as store
from liftlog.store.rows import AthleteRow
from liftlog.units import Unit, default_kit_kg, is_default_kit

Plates = tuple[tuple[float, int], ...]


@dataclass(frozen=True, slots=True)
class Kit:
    """What a unit switch (or a kit change) sets: units, bar and plates, in kg."""

    units: Unit
    bar_kg: float
    plates_kg: Plates


def switch_units(athlete: AthleteRow, units: Unit) -> Kit:
    """The kit that goes with `units`: the unit's standard bar and plates when the
    athlete has the old unit's standard ones, else their own kit unchanged."""
    if units == athlete.units or not is_default_kit(
        athlete.bar_kg, athlete.plates_kg, athlete.units
    ):
        return Kit(units, athlete.bar_kg, athlete.plates_kg)
    bar, plates = default_kit_kg(units)
    return Kit(units, bar, plates)


def update_profile(
    log: Log,
    *,
    units: Unit | None = None,
    bar: str | None = None,
    plates: str | None = None,
    name: str | None = None,
    stop_days: int | None = None,
) -> AthleteRow:
    """Change what was given, as typed (bar and plates in the new units, with kg/lb
    suffixes); a unit switch brings the unit's standard kit when the athlete has the
    old one's. Nothing is written when any value is refused."""
    athlete = log.athlete
    changes: dict[str, object] = {}
    unit: Unit = units or athlete.units
    if units is not None and units != athlete.units:
        kit = switch_units(athlete, units)
        changes.update(units=kit.units, bar_kg=kit.bar_kg, plates_kg=kit.plates_kg)
    if bar is not None:
        changes["bar_kg"] = parse_bar(bar, unit)
    if plates is not None:
        changes["plates_kg"] = parse_plates(plates, unit)
    if name is not None:
        changes["name"] = clean_name(name)
    if stop_days is not None:
        changes["stop_days"] = parse_stop_days(stop_days)
    if changes:
        store.update_athlete(log.db, athlete_id=athlete.id, **changes)  # type: ignore[arg-type]
    return log.refresh()


def save_kit(log: Log, kit: Kit) -> AthleteRow:
    """Units, bar and plates at once (the kit dialog)."""
    store.update_athlete(
        log.db,
        athlete_id=log.athlete_id,
        units=kit.units,
        bar_kg=kit.bar_kg,
        plates_kg=kit.plates_kg,
    )
    return log.refresh()


def read_kit(units: Unit, bar: str, plates: str) -> Kit:
    """A kit as typed in a form (bar and plates in `units`)."""
    if not bar.strip():
        raise InputError("give the bar's weight (0 for none).")
    return Kit(units, parse_bar(bar, units), parse_plates(plates, units))


def set_template(log: Log, items: Sequence[str], *, clear: bool = False) -> AthleteRow:
    """`tue=hard thu=easy …` (or a whole new template with `clear`)."""
    base = {} if clear else log.athlete.run_template
    template = parse_template(list(items), base)
    if items or clear:
        store.update_athlete(log.db, athlete_id=log.athlete_id, run_template=template)
    return log.refresh()


def save_template(log: Log, template: dict[int, str]) -> AthleteRow:
    """The whole weekly run template at once (the Season screen's run week)."""
    store.update_athlete(log.db, athlete_id=log.athlete_id, run_template=template)
    return log.refresh()


def log_bodyweight(log: Log, kg: float, date: dt.date) -> None:
    store.set_bodyweight(log.db, athlete_id=log.athlete_id, date=date, kg=kg)


def bodyweights(log: Log) -> list[tuple[dt.date, float]]:
    with log.reading() as conn:
        return store.list_bodyweights(conn, log.athlete_id)


def athlete(log: Log) -> AthleteRow:
    """The athlete as now saved."""
    return log.refresh()
