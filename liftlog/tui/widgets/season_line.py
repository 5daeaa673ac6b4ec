"""The line at the top of Today: season phase, the next A race, sessions this week."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from liftlog.progression import SeasonStatus
from liftlog.service.today import TodayView
from liftlog.tui.text import visible

PHASE_STYLE = {
    "GENERAL": "$text-primary",
    "SPECIFIC": "$text-accent",
    "TAPER": "$text-warning",
    "STOP": "$text-error",
    "RECOVERY": "$text-success",
}


def season_text(
    season: SeasonStatus, sessions_this_week: int, after_run: str | None = None
) -> Content:
    """`SPECIFIC · Spring Marathon (A) in 70 days · 1 of 1–2 sessions this week`, and on
    a day with a hard run (R22) a second line: lift after it (R19). The run's name came
    from a file: it is text, never markup."""
    phase = Content.styled(season.phase, f"bold {PHASE_STYLE[season.phase]}")
    if season.race is not None and season.days_to_race is not None:
        days = season.days_to_race
        race = f"{visible(season.race.name)} (A) in {days} day{'s' if days != 1 else ''}"
    else:
        race = "no A race on the calendar"
    low, high = season.sessions_per_week
    if high == 0:
        week = "no strength sessions this week"
    else:
        target = f"{low}–{high}" if low != high else f"{low}"
        week = f"{sessions_this_week} of {target} sessions this week"
    line = Content.assemble(phase, " · ", race, " · ", week)
    if after_run is None:
        return line
    run = Content.assemble(
        Content.styled("After your run: ", "bold $text-error"),
        Content(visible(after_run)),
        Content.styled(" — lift later today (R19)", "$text-muted"),
    )
    return Content("\n").join([line, run])


def today_line(view: TodayView) -> Content:
    """The Today screen's line for its view."""
    return season_text(view.day.season, view.sessions_this_week, view.after_run)


class SeasonLine(Static):
    """One line, updated when the view loads."""

    DEFAULT_CSS = """
    SeasonLine { height: auto; padding: 0 1; }
    """


def no_lift_content(season: SeasonStatus) -> Content:
    """What Today says on a day without lifting: why, and when lifting resumes."""
    lines = [
        Content.styled("No lifting today.", "bold $text-warning"),
        Content(""),
        Content(visible(season.why)),
    ]
    if season.resumes_on is not None:
        lines += [Content(""), Content.styled(
            f"Next strength session: {season.resumes_on.strftime('%A %-d %B %Y')}.", "bold"
        )]  # fmt: skip
    return Content("\n").join(lines)
