"""The runner's tools through the real CLI: runs in, strength out as FIT, the plan as .ics."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from garmin_fit_sdk import Decoder, Stream
from icalendar import Calendar

from tests.integration.conftest import CLI
from tests.unit.runs.runs_support import (
    T0,
    Activity,
    StravaActivity,
    fit_file,
    gz,
    write_export,
)

DAY = timedelta(days=1)


def _export(folder: Path) -> Path:
    tempo = Activity(start=T0, aerobic_te=3.8)
    return write_export(
        folder,
        [
            StravaActivity(1, tempo, name="Tempo", relative_effort=110,
                           filename="activities/1.fit.gz", file_bytes=gz(fit_file(tempo))),
            StravaActivity(2, Activity(start=T0 + 2 * DAY, elapsed_s=5400), type="Trail Run",
                           name="Long", relative_effort=None),
            StravaActivity(3, Activity(start=T0 + 3 * DAY), type="Ride", name="Commute"),
        ],
    )  # fmt: skip


def test_runs_import_reads_an_export_and_a_watch_file_once_each(cli: CLI, tmp_path: Path) -> None:
    export = _export(tmp_path / "export")
    watch = tmp_path / "watch.fit"
    watch.write_bytes(fit_file(Activity(start=T0, aerobic_te=3.8)))  # the same run as row 1
    broken = tmp_path / "broken.fit"
    broken.write_bytes(b"not a fit file")
    utc = {"TZ": "UTC"}  # a run without the watch's offset is placed in the local zone
    first = cli("runs", "import", str(export), str(watch), str(broken), env=utc)
    assert first.code == 0, first.err
    assert first.err == f"liftlog: skipped {broken}: is not a FIT file.\n"
    assert first.out.splitlines() == [
        "Imported 2 runs.",
        "1 activity found twice (e.g. the watch's file and Strava's copy) and kept once.",
        "Skipped 1 activity that is not a run (cycling 1).",
        "Could not read 1 file (listed above).",
    ]
    again = cli("runs", "import", str(export), env=utc)
    assert again.out.splitlines() == [
        "No new runs.",
        "2 runs already in the log, not added again.",
        "Skipped 1 activity that is not a run (cycling 1).",
    ]
    runs = cli.ok("runs", "--json").json()
    assert [(r["date"], r["sport"], r["duration_s"]) for r in runs] == [
        ("2027-03-01", "running", 3600),
        ("2027-03-03", "trail_running", 5400),
    ]
    tempo = runs[0]
    assert (tempo["aerobic_te"], tempo["relative_effort"], tempo["name"]) == (3.8, 110, "Tempo")
    assert tempo["start"] == "2027-03-01T07:30:00"  # the watch's own local time (UTC+1)
    assert (tempo["distance_m"], tempo["avg_hr"], tempo["max_hr"]) == (10_000.0, 150, 172)
    # R22: the tempo is hard by its training effect, the long run by its length
    assert [(r["hard"], r["race"]) for r in runs] == [(True, None), (True, None)]
    assert "aerobic training effect 3.8 ≥ 3.5" in runs[0]["why"]
    assert runs[1]["why"].startswith("90 min ≥ 75")
    listed = cli.ok("runs").out.splitlines()
    assert listed[0] == "2027-03-01 07:30  HARD   60 min  10.0 km  Tempo"
    assert listed[2] == "2027-03-03 06:30  HARD   90 min  10.0 km  trail running  Long"
    assert listed[3].startswith("    90 min ≥ 75")


def test_a_hard_run_makes_next_pick_its_day_and_say_so(cli: CLI, tmp_path: Path) -> None:
    easy = Activity(start=T0, elapsed_s=1800, avg_hr=None, max_hr=None, aerobic_te=2.0)
    tempo = Activity(start=T0 + 2 * DAY, elapsed_s=3000, avg_hr=150, max_hr=160, aerobic_te=3.9)
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "easy.fit").write_bytes(fit_file(easy))
    (folder / "tempo.fit").write_bytes(fit_file(dataclasses.replace(tempo, serial=2)))
    cli("runs", "import", str(folder), env={"TZ": "UTC"})
    easy_day = cli.ok("runs", "--json").json()[0]
    assert (easy_day["hard"], easy_day["why"]) == (False, "30 min, easy by R22")
    nxt = cli.ok("next", "--date", "2027-03-03", "--json").json()
    assert nxt["date"] == "2027-03-03"  # the tempo's day
    assert "R22: your run" in cli.ok("next", "--date", "2027-03-03").out


def test_runs_import_of_nothing_readable_fails_with_one_line_each(cli: CLI, tmp_path: Path) -> None:
    result = cli("runs", "import", str(tmp_path / "missing.fit"))
    assert result.code == 1
    assert result.err.splitlines() == [
        f"liftlog: skipped {tmp_path / 'missing.fit'}: does not exist.",
        "liftlog: no activity could be read; nothing was imported.",
    ]
    assert cli.ok("runs", "--json").json() == []


def test_run_names_from_files_reach_the_terminal_as_text(cli: CLI, tmp_path: Path) -> None:
    write_export(tmp_path / "e", [StravaActivity(1, Activity(), name="Evil \x1b[2J run")])
    cli.ok("runs", "import", str(tmp_path / "e"))
    assert "\x1b" not in cli.ok("runs").out


def test_export_fit_has_the_same_sets_as_history(cli: CLI, tmp_path: Path) -> None:
    day = "2027-03-02"
    cli.ok("log", "Back Squat", "60x5", "62.5x5", "62.5x4", "--warmup", "20x8", "--date", day)
    cli.ok("log", "Plank", "45s", "50s", "--date", day)
    cli.ok("log", "Split Squat", "L:10x8", "R:10x8", "--date", day)
    target = tmp_path / "day.fit"
    written = cli.ok("export", "--fit", day, "-o", str(target))
    assert str(target) in written.out
    data = target.read_bytes()
    assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    [session] = messages["session_mesgs"]
    assert (session["sport"], session["sub_sport"]) == ("training", "strength_training")
    active = [s for s in messages["set_mesgs"] if s["set_type"] == "active"]
    [logged] = cli.ok("history", "--json").json()["sessions"]
    assert [(s.get("repetitions"), s.get("weight"), s["category"]) for s in active] == [
        (s["reps"], s["weight_kg"] or None, _category(s["exercise"])) for s in logged["sets"]
    ]
    timed = [s for s in active if s["category"] == "plank"]
    assert [s["duration"] for s in timed] == [45.0, 50.0]


def _category(exercise: str) -> str:
    return {"Back Squat": "squat", "Plank": "plank", "Split Squat": "squat"}[exercise]


def test_export_fit_of_an_empty_day_says_so_and_writes_nothing(cli: CLI, tmp_path: Path) -> None:
    target = tmp_path / "none.fit"
    result = cli("export", "--fit", "2027-03-05", "-o", str(target))
    assert result.code == 1
    assert result.err == "liftlog: nothing was logged on 2027-03-05; no FIT file written.\n"
    assert not target.exists()
    bad = cli("export", "--fit", "2027-02-30")
    assert (bad.code, bad.err) == (1, "liftlog: '2027-02-30' is not a real date.\n")


def test_export_fit_to_standard_output_is_the_file(cli: CLI, tmp_path: Path) -> None:
    cli.ok("log", "Deadlift", "80x5", "--date", "2027-03-02")
    proc = subprocess.run(
        [sys.executable, "-m", "liftlog", "--db", str(cli.db), "export", "--fit", "2027-03-02",
         "-o", "-"],
        capture_output=True, check=True,
    )  # fmt: skip
    assert proc.stdout[8:12] == b".FIT"
    assert Decoder(Stream.from_byte_array(bytearray(proc.stdout))).check_integrity()


def _calendar(cli: CLI, *args: str) -> Calendar:
    result = cli.ok("calendar", *args)
    return Calendar.from_ical(result.out)


def test_calendar_holds_the_sessions_next_gives_the_races_and_their_windows(
    cli: CLI, tmp_path: Path
) -> None:
    cli.ok("log", "Back Squat", "60x5", "--date", "2027-03-01")
    cli.ok("race", "add", "Oslo Marathon", "2027-09-19", "--priority", "A")
    cli.ok("race", "add", "Fjord 10k", "2027-05-01", "--priority", "B")
    start = "2027-03-02"
    calendar = _calendar(cli, "--date", start, "--weeks", "3")
    events = {str(e["uid"]): e for e in calendar.events}
    assert len(events) == len(calendar.events)
    sessions = sorted(
        (e for uid, e in events.items() if uid.startswith("session-")),
        key=lambda e: e.decoded("dtstart"),
    )
    nxt = cli.ok("next", "--date", start, "--json").json()
    first = sessions[0]
    assert first.decoded("dtstart") == dt.date.fromisoformat(nxt["date"])
    for exercise in nxt["exercises"]:
        assert exercise["exercise"] in str(first["description"])
    # the next session after the first, with the first counted as done (R19: 48 h apart)
    assert (sessions[1].decoded("dtstart") - sessions[0].decoded("dtstart")).days >= 2
    assert len(sessions) == 9  # GENERAL, no template: 3 a week
    summaries = {uid.split("@")[0]: str(e["summary"]) for uid, e in events.items()}
    assert summaries["race-1"] == "Oslo Marathon (A race)"
    assert summaries["race-2"] == "Fjord 10k (B race)"
    windows = {
        uid: e for uid, e in events.items() if uid.split("-")[0] in ("taper", "stop", "recovery")
    }
    assert sorted(windows) == ["recovery-1@liftlog", "stop-1@liftlog", "taper-1@liftlog"]
    taper = windows["taper-1@liftlog"]
    assert (taper.decoded("dtstart"), taper.decoded("dtend")) == (
        dt.date(2027, 8, 22),
        dt.date(2027, 9, 5),
    )
    stop = windows["stop-1@liftlog"]
    assert (stop.decoded("dtstart"), stop.decoded("dtend")) == (
        dt.date(2027, 9, 5),
        dt.date(2027, 9, 20),
    )
    assert "lighter-2@liftlog" in events and "no-session-2@liftlog" in events
    again = _calendar(cli, "--date", start, "--weeks", "3")
    assert {str(e["uid"]) for e in again.events} == set(events)


def _squat(event: Any) -> tuple[str, float]:
    """The squat's phase and work load in a session event's description."""
    found = re.search(
        r"Back Squat — (\w+)\n(?:.*\n)*?  work: .*@ ([\d.]+) kg", str(event["description"])
    )
    assert found is not None, event["description"]
    return found[1], float(found[2])


def test_calendar_loads_move_as_the_rules_would_and_nothing_assumed_is_cached(
    cli: CLI, db_path: Path
) -> None:
    """Each projected session counts the ones before it as lifted as prescribed (to the
    top of each range): FORM is done, BUILD adds load; the first is exactly `next`'s."""
    cli.ok("bodyweight", "70")
    for day in ("2027-03-01", "2027-03-03"):
        cli.ok("log", "Back Squat", "20x12", "20x12", "--date", day)
    start = "2027-03-05"
    calendar = _calendar(cli, "--date", start, "--weeks", "4")
    sessions = sorted(
        (e for e in calendar.events if str(e["uid"]).startswith("session-")),
        key=lambda e: e.decoded("dtstart"),
    )
    nxt = cli.ok("next", "--date", start, "--json").json()
    squat = next(e for e in nxt["exercises"] if e["exercise"] == "Back Squat")
    first = (squat["phase"], squat["work"][0]["weight_kg"])
    assert _squat(sessions[0]) == first == ("BUILD", 25.0)
    later = [_squat(e) for e in sessions[1:]]
    assert max(load for _, load in later) > 25.0
    assert [load for _, load in later] == sorted(load for _, load in later)  # never down
    assumed = "Loads as if the sessions before this one are lifted as prescribed"
    assert assumed not in str(sessions[0]["description"])
    assert all(assumed in str(e["description"]) for e in sessions[1:])
    with sqlite3.connect(db_path) as conn:
        cached = conn.execute("SELECT max(through_date) FROM progression_cache").fetchone()[0]
    conn.close()
    assert cached is None or cached < start  # the cache holds what was lifted only


def test_calendar_to_a_file_and_bad_weeks(cli: CLI, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    written = cli.ok("calendar", "-o", str(target), "--weeks", "1", "--date", "2027-03-02")
    assert str(target) in written.out
    assert Calendar.from_ical(target.read_bytes()).events
    bad = cli("calendar", "--weeks", "0")
    assert (bad.code, bad.err) == (1, "liftlog: --weeks must be 1 to 104 (got 0).\n")
