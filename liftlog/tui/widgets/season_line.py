"""The line at the top of Today: season phase, the next A race, sessions this week."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from liftlog.progression import SeasonStatus

PHASE_STYLE = {
    "GENERAL": "$text-primary",
    "SPECIFIC": "$text-accent",
    "TAPER": "$text-warning",
    "STOP": "$text-error",
    "RECOVERY": "$text-success",
}


def season_text(season: SeasonStatus, sessions_this_week: int) -> Content:
    phase = Content.styled(f"{season.phase} season", f"bold {PHASE_STYLE[season.phase]}")
    if season.race is not None and season.days_to_race is not None:
        days = season.days_to_race
        weeks = f", {days // 7} wk" if days >= 14 else ""
        race = f"{season.race.name} (A) in {days} day{'s' if days != 1 else ''}{weeks}"
    else:
        race = "no A race on the calendar" if season.race is None else ""
    low, high = season.sessions_per_week
    target = f"{low}–{high}" if low != high else f"{low}"
    week = f"this week {sessions_this_week} of {target} sessions"
    return Content.assemble(phase, " · ", race, " · ", week)


class SeasonLine(Static):
    """One line, updated when the plan loads."""

    DEFAULT_CSS = """
    SeasonLine { height: auto; padding: 0 1; }
    """
