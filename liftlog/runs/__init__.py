"""The runner's files: activities in (FIT, GPX, TCX, a Strava export), strength and plan out.

No database and no front end here (STYLE.md): plain values in, plain values out.

- `liftlog.runs.read.read_paths(paths, progress=)` reads files, folders, zips and a
  Strava export's `activities.csv` into a `ReadResult`: the runs (`RunRecord`, one per
  activity, duplicates merged), one line per file it could not read, and how many
  activities were not runs, by sport.
- `liftlog.runs.dedupe` says when two records are the same activity (the watch's FIT
  and Strava's copy of it); the service uses it against the runs it has stored.
- `liftlog.runs.fit_strength.write_strength_fit(session)` writes a day's lifting as a
  Garmin FIT activity (`set` messages with reps, load and Garmin's exercise categories).
- `liftlog.runs.ical.write_calendar(...)` writes planned sessions, races and the taper,
  stop and recovery windows as iCalendar with stable UIDs.

This `__init__` imports nothing, so importing one module does not load the others
(the FIT SDK's profile is large and only the FIT modules need it).
"""
