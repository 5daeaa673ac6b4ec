"""A `DayPrescription` as `liftlog next --json` (SPEC §5) and as a plain-text coach's note.

`to_json` gives exactly the SPEC keys (weights in kg, as numbers), plus a few extra
keys (plates, suggestion, warnings…) that consumers may ignore. `format_text` shows
loads in the athlete's unit, and each exercise's rule IDs with where they are explained
(RULES_DOC, the runner's own words for R1–R22).
"""

from __future__ import annotations

from typing import Any

from .constants import KG_PER_LB, YEAR_SHARE_TARGET
from .model import Race, Units
from .plates import fmt_number
from .prescription import DayPrescription, ExercisePrescription, WorkSet

RULES_DOC = "docs/rules.md"  # every rule R1–R22 as a runner reads it


def _kg(x: float) -> float:
    return round(float(x), 3)


def _race(race: Race | None) -> dict[str, Any] | None:
    if race is None:
        return None
    return {"name": race.name, "date": race.date.isoformat(), "priority": race.priority}


def _work(ws: WorkSet) -> dict[str, Any]:
    return {
        "reps_min": ws.reps_min,
        "reps_max": ws.reps_max,
        "weight_kg": _kg(ws.weight_kg),
        "side": ws.side,
        "seconds_min": ws.seconds_min,
        "seconds_max": ws.seconds_max,
        "match_weaker": ws.match_weaker,
    }


def _exercise(ex: ExercisePrescription) -> dict[str, Any]:
    imb = ex.imbalance
    return {
        "exercise": ex.exercise,
        "phase": ex.phase,
        "warmup": [{"reps": w.reps, "weight_kg": _kg(w.weight_kg)} for w in ex.warmup],
        "work": [_work(ws) for ws in ex.work],
        "rest_s": [ex.rest_s[0], ex.rest_s[1]],
        "rules": list(ex.rules),
        "why": ex.why,
        "plates": None
        if ex.plates is None
        else {"per_side": list(ex.plates), "unit": ex.plate_unit},
        "suggestion": ex.suggestion,
        "imbalance": None
        if imb is None
        else {
            "left": imb.left,
            "right": imb.right,
            "weaker": imb.weaker,
            "ratio": round(imb.ratio, 3),
            "flagged": imb.flagged,
        },
    }


def to_json(day: DayPrescription) -> dict[str, Any]:
    """The SPEC §5 `liftlog next --json` object (json.dumps-ready)."""
    s = day.season
    return {
        "date": day.date.isoformat(),
        "lift": day.lift,
        "season": {
            "phase": s.phase,
            "race": _race(s.race),
            "days_to_race": s.days_to_race,
            "sessions_per_week": [s.sessions_per_week[0], s.sessions_per_week[1]],
            "why": s.why,
            "resumes_on": None if s.resumes_on is None else s.resumes_on.isoformat(),
            "b_race": _race(s.b_race),
        },
        "exercises": [_exercise(ex) for ex in day.exercises],
        "why": day.why,
        "warnings": list(day.warnings),
        "year_share": None if day.year_share is None else round(day.year_share, 3),
    }


def _load(kg: float, units: Units) -> str:
    if units == "kg":
        return f"{fmt_number(kg)} kg"
    return f"{fmt_number(round(kg / KG_PER_LB, 1))} lb"


def _amount(ws: WorkSet) -> str:
    lo: int | None
    hi: int | None
    if ws.seconds_min is not None:
        lo, hi, unit = ws.seconds_min, ws.seconds_max, " s"
    else:
        lo, hi, unit = ws.reps_min, ws.reps_max, ""
    text = f"{lo}" if lo == hi else f"{lo}–{hi}"
    return text + unit


def _set_label(ws: WorkSet, units: Units) -> str:
    side = f"{ws.side}: " if ws.side else ""
    load = f" @ {_load(ws.weight_kg, units)}" if ws.weight_kg > 0 else ""
    match = " (match the weaker side)" if ws.match_weaker else ""
    return f"{side}{_amount(ws)}{load}{match}"


def _work_line(ex: ExercisePrescription, units: Units) -> str:
    labels = [_set_label(ws, units) for ws in ex.work]
    if labels and len(set(labels)) == 1:
        return f"  work:    {len(labels)} × {labels[0]}"
    pair = labels[:2]
    if len(labels) % 2 == 0 and labels == pair * (len(labels) // 2):
        return f"  work:    {len(labels) // 2} × ({pair[0]}, then {pair[1]})"
    return "  work:    " + ", ".join(labels)


def format_text(day: DayPrescription, units: Units = "kg") -> str:
    """A coach's note for `liftlog next`, loads in `units`."""
    s = day.season
    lo, hi = s.sessions_per_week
    head = f"{day.date.strftime('%A')} {day.date.isoformat()} — {s.phase} season"
    if s.race is not None:
        head += f", {s.race.name} (A) in {s.days_to_race} days"
    head += f", {lo}–{hi} sessions a week" if hi else ""
    lines = [head]
    if day.year_share is not None:
        aim_lo, aim_hi = YEAR_SHARE_TARGET
        lines.append(
            f"Strength in {round(day.year_share * 100)}% of the last 52 weeks "
            f"(aim: {round(aim_lo * 100)}–{round(aim_hi * 100)}% [001])."
        )
    lines.extend(f"! {w}" for w in day.warnings)
    if not day.lift:
        lines.append("No strength session. " + day.why)
        return "\n".join(lines) + "\n"
    lines.append(day.why)
    for ex in day.exercises:
        lines.append("")
        lines.append(f"{ex.exercise} — {ex.phase}")
        if ex.warmup:
            lines.append(
                "  warm-up: "
                + ", ".join(f"{w.reps} × {_load(w.weight_kg, units)}" for w in ex.warmup)
            )
        lines.append(_work_line(ex, units))
        if ex.plates is not None:
            per_side = " + ".join(fmt_number(p) for p in ex.plates) or "empty bar"
            lines.append(f"  plates:  per side {per_side} ({ex.plate_unit})")
        lines.append(f"  rest:    {ex.rest_s[0]}–{ex.rest_s[1]} s")
        lines.append(f"  why:     {ex.why}")
        if ex.suggestion:
            lines.append(f"  next:    {ex.suggestion}")
        lines.append(f"  rules:   {' '.join(ex.rules)} — {RULES_DOC}")
    return "\n".join(lines) + "\n"
