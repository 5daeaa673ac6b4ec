"""The FIT strength export decodes with garmin-fit-sdk: no errors, the same sets back."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from garmin_fit_sdk import Decoder, Profile, Stream

from liftlog.runs.fit_read import read_fit
from liftlog.runs.fit_strength import (
    REST_S,
    SECONDS_PER_REP,
    FitWriteError,
    StrengthSession,
    StrengthSet,
    write_strength_fit,
)
from liftlog.runs.garmin_exercises import CATALOG, garmin_codes, garmin_names

OSLO = ZoneInfo("Europe/Oslo")
START = datetime(2027, 6, 1, 18, 0)  # wall clock in Oslo (UTC+2 in June)
CATALOG_FILE = Path(__file__).parents[3] / "data" / "exercises.toml"


def lift(
    exercise: str,
    reps: int | None,
    kg: float,
    minute: float,
    seconds: int | None = None,
    kind: str = "work",
    category: str = "general",
    side: str | None = None,
) -> StrengthSet:
    return StrengthSet(
        exercise=exercise,
        category=category,
        equipment="barbell",
        kind=kind,
        side=side,
        reps=reps,
        seconds=seconds,
        weight_kg=kg,
        logged_at=START + timedelta(minutes=minute),
    )


SETS = (
    lift("Back Squat", 8, 20.0, 2, kind="warmup"),
    lift("Back Squat", 6, 62.5, 5),
    lift("Back Squat", 5, 62.5, 8, kind="failure"),
    lift("Split Squat", 8, 12.0, 11, category="functional", side="L"),
    lift("Split Squat", 8, 12.0, 12, category="functional", side="R"),
    lift("Plank", None, 0.0, 15, seconds=45, category="core"),
    lift("Nordic Hamstring Curl", 5, 0.0, 18, category="prehab"),
)


def decode(data: bytes) -> Mapping[str, Any]:
    assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return messages


def active(messages: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [m for m in messages["set_mesgs"] if m["set_type"] == "active"]


def test_the_file_is_a_strength_activity_with_its_start_and_duration() -> None:
    messages = decode(write_strength_fit(StrengthSession(START, OSLO, SETS)))
    [file_id] = messages["file_id_mesgs"]
    assert file_id["type"] == "activity"
    [session] = messages["session_mesgs"]
    assert (session["sport"], session["sub_sport"]) == ("training", "strength_training")
    start_utc = datetime(2027, 6, 1, 16, 0, tzinfo=UTC)
    assert session["start_time"] == start_utc
    assert session["total_elapsed_time"] == 18 * 60.0  # to the last set's log time
    assert session["timestamp"] == start_utc + timedelta(minutes=18)
    [lap] = messages["lap_mesgs"]
    assert lap["total_elapsed_time"] == 18 * 60.0
    [activity] = messages["activity_mesgs"]
    assert activity["num_sessions"] == 1
    # the local clock of the end, 18:18 in Oslo, as FIT's local seconds
    local_end = datetime(2027, 6, 1, 18, 18, tzinfo=UTC).timestamp() - 631_065_600
    assert activity["local_timestamp"] == local_end
    assert len(messages["record_mesgs"]) == 2
    assert [e["event_type"] for e in messages["event_mesgs"]] == ["start", "stop_all"]


def test_every_set_comes_back_with_its_reps_load_and_category() -> None:
    sets = active(decode(write_strength_fit(StrengthSession(START, OSLO, SETS))))
    assert [s.get("repetitions") for s in sets] == [8, 6, 5, 8, 8, None, 5]
    assert [s.get("weight") for s in sets] == [20.0, 62.5, 62.5, 12.0, 12.0, None, None]
    assert [s["category"] for s in sets] == [
        "squat", "squat", "squat", "squat", "squat", "plank", "leg_curl",
    ]  # fmt: skip
    squat_names = Profile["types"]["squat_exercise_name"]
    assert squat_names[sets[0]["category_subtype"]] == "barbell_back_squat"
    assert squat_names[sets[3]["category_subtype"]] == "dumbbell_split_squat"
    assert "category_subtype" not in sets[6]  # Garmin has no Nordic curl: the category alone
    assert [s["weight_display_unit"] for s in sets] == ["kilogram"] * 7


def test_a_timed_set_lasts_its_seconds_and_a_set_of_reps_three_seconds_a_rep() -> None:
    sets = active(decode(write_strength_fit(StrengthSession(START, OSLO, SETS))))
    assert sets[5]["duration"] == 45.0
    assert sets[1]["duration"] == 6 * SECONDS_PER_REP
    end = datetime(2027, 6, 1, 16, 15, tzinfo=UTC)
    assert (sets[5]["start_time"], sets[5]["timestamp"]) == (end - timedelta(seconds=45), end)


def test_rest_fills_the_time_between_two_sets() -> None:
    messages = decode(write_strength_fit(StrengthSession(START, OSLO, SETS)))
    kinds = [m["set_type"] for m in messages["set_mesgs"]]
    assert kinds == ["active"] + ["rest", "active"] * 6
    assert [m["message_index"] for m in messages["set_mesgs"]] == list(range(13))
    every = messages["set_mesgs"]
    for before, rest, after in zip(every[0:-1:2], every[1::2], every[2::2], strict=True):
        assert rest["start_time"] == before["timestamp"]
        assert rest["timestamp"] == after["start_time"]
        assert rest["duration"] == (after["start_time"] - before["timestamp"]).total_seconds()


def test_sets_logged_all_at_once_are_laid_out_with_rests() -> None:
    # an imported workout: every set carries the workout's start time
    imported = [dataclasses.replace(s, logged_at=START) for s in SETS[:3]]
    messages = decode(write_strength_fit(StrengthSession(START, OSLO, imported)))
    sets = active(messages)
    start_utc = datetime(2027, 6, 1, 16, 0, tzinfo=UTC)
    assert sets[0]["start_time"] == start_utc
    assert sets[1]["start_time"] == sets[0]["timestamp"] + timedelta(seconds=REST_S)
    rests = [m for m in messages["set_mesgs"] if m["set_type"] == "rest"]
    assert [r["duration"] for r in rests] == [REST_S, REST_S]
    assert messages["session_mesgs"][0]["total_elapsed_time"] == (
        (8 + 6 + 5) * SECONDS_PER_REP + 2 * REST_S
    )


def test_a_load_is_kept_to_garmins_sixteenth_of_a_kilogram() -> None:
    # 45 lb is 20.41166 kg; FIT stores weight in 1/16 kg
    odd = [lift("Deadlift", 5, 20.41166, 3)]
    [written] = active(
        decode(write_strength_fit(StrengthSession(START, OSLO, odd, weight_unit="lb")))
    )
    assert written["weight"] == 20.4375
    assert written["weight_display_unit"] == "pound"


def test_the_session_end_given_extends_the_activity() -> None:
    session = StrengthSession(START, OSLO, SETS, end=START + timedelta(minutes=40))
    [summary] = decode(write_strength_fit(session))["session_mesgs"]
    assert summary["total_elapsed_time"] == 40 * 60.0


def test_the_same_session_gives_the_same_bytes() -> None:
    session = StrengthSession(START, OSLO, SETS)
    assert write_strength_fit(session) == write_strength_fit(session)


def test_the_export_reads_back_as_training_not_a_run() -> None:
    [activity] = read_fit(write_strength_fit(StrengthSession(START, OSLO, SETS)), "lift.fit")
    assert (activity.sport, activity.sub_sport, activity.is_run) == (
        "training",
        "strength_training",
        False,
    )
    assert activity.start_local is not None
    assert activity.start_local.replace(tzinfo=None) == START


def test_a_day_without_sets_cannot_be_written() -> None:
    with pytest.raises(FitWriteError, match="no sets were logged that day"):
        write_strength_fit(StrengthSession(START, OSLO, ()))


def _catalog_names() -> Sequence[str]:
    with CATALOG_FILE.open("rb") as handle:
        return [entry["name"] for entry in tomllib.load(handle)["exercise"]]


def test_every_catalog_exercise_has_a_garmin_category() -> None:
    names = _catalog_names()
    assert len(names) >= 40
    missing = [name for name in names if name.lower() not in CATALOG]
    assert missing == []


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_every_mapped_name_exists_in_garmins_profile(name: str) -> None:
    category, subtype = garmin_codes(name, "general")
    assert Profile["types"]["exercise_category"][category] == CATALOG[name][0]
    if CATALOG[name][1] is not None:
        assert subtype is not None


@pytest.mark.parametrize(
    ("name", "category", "garmin"),
    [
        ("Trap Bar Deadlift", "general", "deadlift"),
        ("Walking Lunges", "functional", "lunge"),
        ("Front Squat", "general", "squat"),
        ("Seated Cable Row", "general", "row"),
        ("Farmer's Carry", "general", "carry"),
        ("Hollow Hold", "core", "core"),
        ("Bounding", "plyometric", "plyo"),
        ("Foam Rolling", "prehab", "unknown"),
        ("Medicine Ball Throw", "general", "unknown"),  # not a row
    ],
)
def test_an_own_exercise_is_matched_by_its_words_then_its_category(
    name: str, category: str, garmin: str
) -> None:
    assert garmin_names(name, category) == (garmin, None)
