"""The use-cases both front ends call: headless (no Textual, no argparse, no printing).

A person acts in `liftlog.tui` or `liftlog.commands`; that calls a function here, which
reads and writes through `liftlog.store` and asks `liftlog.progression` what comes next.
A rule that both front ends need lives here (or in `liftlog.inputs`), never in both.

- `log`        opening the log: `open_log`, the `Log` every call takes
- `coach`      the day's prescription (`prescription_for`), cached folded states
- `today`      today's session as the Today screen works it
- `sets`       logging, undoing, editing and deleting sets; the history's sets
- `history`    the History screen's pages, an exercise's trend and records
- `season`     races, the season today and its timeline
- `profile`    units and kit (`switch_units`), name, stop days, run template, bodyweight
- `races`      the race calendar
- `exercises`  the catalog and own exercises, overrides, the routine
- `transfer`   CSV export (atomic, never onto the log)
- `imports`    importing another app's export (or liftlog's), the imports made, undo
- `runs`       runs in from FIT/GPX/TCX files and Strava exports (R22)
- `strength_fit`  a day's lifting out as a Garmin FIT activity
- `plan_calendar` the plan as iCalendar (projected sessions, races, windows)

The rows the store hands out are re-exported here for the front ends' type hints.
"""

from liftlog.store.rows import AthleteRow, ExerciseRow, RaceRow, RunRow, SetRow

__all__ = ["AthleteRow", "ExerciseRow", "RaceRow", "RunRow", "SetRow"]
