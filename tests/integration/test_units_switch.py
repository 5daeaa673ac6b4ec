"""Units are a display preference (SPEC §5, issue 9): switching kg → lb → kg through
the CLI never changes a lift's phase or decision; loads are only rounded to lb plates."""

from __future__ import annotations

from typing import Any

from liftlog.units import KG_PER_LB
from tests.integration.conftest import CLI

DAY = "2027-02-02"  # a Tuesday, two days after the last session below


def prescriptions(cli: CLI, names: list[str]) -> dict[str, dict[str, Any]]:
    found = {}
    for name in names:
        day = cli.ok("next", "--date", DAY, "--exercise", name, "--json").json()
        (exercise,) = day["exercises"]
        found[name] = exercise
    return found


def test_kg_to_lb_and_back_keeps_every_phase_and_load(cli: CLI) -> None:
    cli.ok("bodyweight", "60", "--date", "2027-01-01")  # Back Squat's cap: 90 kg (R6)
    for day in ("2027-01-05", "2027-01-12", "2027-01-19", "2027-01-26", "2027-01-31"):
        cli.ok("log", "Back Squat", "90x8", "90x8", "90x7", "--date", day)  # at the cap
        cli.ok("log", "Romanian Deadlift", "60x7", "60x7", "60x6", "--date", day)
    cli.ok("log", "Deadlift", "20x12", "20x12", "--date", "2027-01-26")  # FORM, then BUILD
    cli.ok("log", "Deadlift", "20x12", "20x12", "--date", "2027-01-31")
    cli.ok("log", "Leg Press", "40x10", "--date", "2027-01-31")  # still in FORM
    names = ["Back Squat", "Romanian Deadlift", "Deadlift", "Leg Press"]
    in_kg = prescriptions(cli, names)
    assert {n: p["phase"] for n, p in in_kg.items()} == {
        "Back Squat": "MAINTAIN",
        "Romanian Deadlift": "STRENGTH",
        "Deadlift": "BUILD",
        "Leg Press": "FORM",
    }

    cli.ok("profile", "--units", "lb")
    in_lb = prescriptions(cli, names)
    for name in names:
        kg, lb = in_kg[name], in_lb[name]
        assert lb["phase"] == kg["phase"], name
        assert [len(kg["work"]), kg["rest_s"]] == [len(lb["work"]), lb["rest_s"]], name
        load_kg, load_lb = kg["work"][0]["weight_kg"], lb["work"][0]["weight_kg"]
        steps = load_lb / KG_PER_LB / 2.5  # lb plates and lb machine steps: 2.5 lb
        assert abs(steps - round(steps)) < 0.01, f"{name}: {load_lb} kg is not an lb load"
        # rounded down to what lb plates make: never more, never a plate pair (5 lb) less
        assert load_kg - 5 * KG_PER_LB - 0.01 <= load_lb <= load_kg + 0.01, name
        if lb["plates"] is not None:
            assert lb["plates"]["unit"] == "lb"

    cli.ok("profile", "--units", "kg")
    assert prescriptions(cli, names) == in_kg  # back to kg: the very same answer
