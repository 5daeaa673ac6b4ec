"""`liftlog next` through the real CLI: SPEC §5's JSON shape and its worked numbers."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from tests.integration.conftest import CLI


def squat(cli: CLI, date: str) -> dict[str, Any]:
    day = cli.ok("next", "--date", date, "--exercise", "back squat", "--json").json()
    assert [e["exercise"] for e in day["exercises"]] == ["Back Squat"]
    return day["exercises"][0]


def work(exercise: dict[str, Any]) -> list[tuple[int, int, float]]:
    return [(w["reps_min"], w["reps_max"], w["weight_kg"]) for w in exercise["work"]]


def test_next_json_has_the_spec_shape(cli: CLI) -> None:
    day = cli.ok("next", "--date", "2027-01-05", "--json").json()
    assert {"date", "lift", "season", "exercises"} <= set(day)
    assert day["lift"] is True
    assert day["season"]["phase"] == "GENERAL"
    assert day["season"]["race"] is None and day["season"]["days_to_race"] is None
    assert day["season"]["sessions_per_week"] == [2, 3]
    for exercise in day["exercises"]:
        assert {"exercise", "phase", "warmup", "work", "rest_s", "rules", "why"} <= set(exercise)
        assert exercise["phase"] in {"FORM", "BUILD", "STRENGTH", "MAINTAIN", "BODYWEIGHT"}
        for w in exercise["work"]:
            assert {"reps_min", "reps_max", "weight_kg", "side"} <= set(w)
            assert isinstance(w["weight_kg"], float)
        assert exercise["why"]
        assert len(exercise["rest_s"]) == 2


def test_a_fresh_athletes_squat_is_form_then_build_after_two_clean_sessions(cli: CLI) -> None:
    cli.ok("bodyweight", "70", "--date", "2027-01-01")
    first = squat(cli, "2027-01-04")
    assert first["phase"] == "FORM"
    assert work(first) == [(10, 12, 20.0), (10, 12, 20.0)]
    assert first["warmup"] == [{"reps": 8, "weight_kg": 20.0}]
    assert "R1" in first["rules"]

    cli.ok("log", "Back Squat", "20x12", "20x11", "--warmup", "20x8", "--date", "2027-01-04")
    assert squat(cli, "2027-01-06")["phase"] == "FORM"  # one clean session is not two
    cli.ok("log", "Back Squat", "20x12", "20x12", "--date", "2027-01-06")

    second = squat(cli, "2027-01-08")
    assert second["phase"] == "BUILD"
    assert work(second) == [(10, 12, 25.0)] * 3
    assert "R2" in second["rules"]


def test_a_stop_day_before_an_a_race_says_why_and_prescribes_nothing(cli: CLI) -> None:
    cli.ok("race", "add", "City Marathon", "2027-04-18", "--priority", "A")
    day = cli.ok("next", "--date", "2027-04-10", "--json").json()
    assert day["lift"] is False
    assert day["exercises"] == []
    assert day["season"]["phase"] == "STOP"
    assert day["season"]["race"] == {"name": "City Marathon", "date": "2027-04-18", "priority": "A"}
    assert day["season"]["days_to_race"] == 8
    assert "R17" in day["why"] and "2027-04-26" in day["why"]  # why, and when lifting resumes
    assert "No strength session" in cli.ok("next", "--date", "2027-04-10").out


def test_the_cache_gives_the_same_answer_as_a_full_replay(cli: CLI, db_path: Path) -> None:
    for date, sets in [
        ("2026-09-01", ["20x12", "20x12"]),
        ("2026-09-03", ["20x12", "20x12"]),
        ("2026-09-05", ["25x12", "25x12", "25x12"]),
    ]:
        cli.ok("log", "Back Squat", *sets, "--date", date)
    warm = cli.ok("next", "--json", "--exercise", "Back Squat").json()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM progression_cache").fetchone()[0] >= 1
        conn.execute("DELETE FROM progression_cache")
    conn.close()
    assert cli.ok("next", "--json", "--exercise", "Back Squat").json() == warm
    # a set logged in the past makes the cached state stale: the trigger drops it
    cli.ok("log", "Back Squat", "30x12", "30x12", "30x12", "--date", "2026-09-08")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM progression_cache").fetchone()[0] == 0
    conn.close()


def test_next_refuses_an_unknown_exercise_and_a_bad_date(cli: CLI) -> None:
    bad = cli("next", "--exercise", "Zumba")
    assert bad.code != 0 and "unknown exercise" in bad.err
    bad = cli("next", "--date", "2027-02-31")
    assert bad.code != 0 and "not a real date" in bad.err


def test_plain_text_reads_like_a_coachs_note(cli: CLI) -> None:
    out = cli.ok("next", "--date", "2027-01-04").out
    assert "Back Squat" in out and "FORM" in out and "R1" in out


def test_a_lift_first_logged_in_the_past_after_the_cache_is_warm_counts(
    cli: CLI, db_path: Path
) -> None:
    cli.ok("log", "Back Squat", "20x12", "20x12", "--date", "2026-09-01")
    cli.ok("next", "--json")  # warms the cache for the squat
    for date in ("2026-08-01", "2026-08-03"):  # a lift the cache has never seen, back-dated
        cli.ok("log", "Deadlift", "20x12", "20x12", "--date", date)
    deadlift = cli.ok("next", "--json", "--exercise", "Deadlift").json()["exercises"][0]
    assert deadlift["phase"] == "BUILD"
    warm = cli.ok("next", "--json").json()
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM progression_cache")
    conn.close()
    assert cli.ok("next", "--json").json() == warm


def test_logging_on_a_rest_day_warns_on_stderr_and_still_logs(cli: CLI) -> None:
    """R19 (issue 13 item 10): the CLI warns as the app does; the set is logged, exit 0."""
    cli.ok("template", "tue=hard", "wed=rest")
    rest = cli("log", "Back Squat", "20x12", "--date", "2027-01-06")  # a Wednesday
    assert rest.code == 0
    assert rest.err.startswith("liftlog: R19: Wednesday is a rest day in your run template")
    assert rest.err.count("\n") == 1
    hard = cli("log", "Back Squat", "20x12", "--date", "2027-01-05")  # a Tuesday
    assert (hard.code, hard.err) == (0, "")
    assert len(cli.ok("history", "--json").json()["sessions"]) == 2
