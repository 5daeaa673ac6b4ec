"""A runner's strength training, simulated day by day: the history behind the benchmarks.

The runner races every year (a spring marathon A race, a half-marathon B race six
weeks before it, C races in summer and autumn, and an autumn marathon A race every
other year) and lifts on the hard run days of a Tue/Thu/Sat template: 2–3 sessions a
week in the general season, 1–2 in the race build-up, one in the taper, none in the
last two weeks before an A race or the week after. Loaded lifts move through FORM,
BUILD and STRENGTH (SPEC R1–R5), the squat stops at 1.5 × bodyweight (R6), warm-ups
follow R13, unilateral work is logged per side, weaker (left) side first (R11),
bodyweight and timed work progresses within the catalog's range (R10). Life happens:
skipped sessions, and every few years a long break after which the lifts start over.

Everything comes from one seeded `random.Random`, so a (seed, start, end) triple
always gives the same history. Nothing here touches a database or a file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

#: The weekly run template stored for the athlete (Monday = 0).
RUN_TEMPLATE = {0: "easy", 1: "hard", 2: "easy", 3: "hard", 4: "rest", 5: "hard", 6: "easy"}
#: Which hard days get a session, by the number of sessions wanted that week.
SESSION_DAYS = {0: (), 1: (3,), 2: (1, 5), 3: (1, 3, 5)}
BAR_KG = 20.0

NOTES = (
    "felt strong",
    "left knee a bit sore, kept it easy",
    'coach said "one more" and I did it',
    "=felt easy",  # looks like a spreadsheet formula: export must neutralise it
    "+2.5 next time",
    "-tired after the long run",
    "@home gym, no 1.25 plates",
    "grip gave out; use chalk",
    "12°C in the garage — Ünïcödé is fine",
    "two lines:\nfirst set slow, second fast",
)
WORKOUT_NOTES = (
    "after 10 x 400 m on the track",
    "tempo run first, legs heavy",
    "short on time, skipped the last exercise",
    "travel week, hotel gym",
    "great session, felt fresh",
)


@dataclass(frozen=True, slots=True)
class RaceDay:
    name: str
    date: dt.date
    priority: str


@dataclass(frozen=True, slots=True)
class LoggedSet:
    exercise: str
    kind: str  # warmup | work
    side: str | None
    weight_kg: float
    reps: int | None
    seconds: int | None
    rpe: float | None
    note: str


@dataclass(frozen=True, slots=True)
class Session:
    started_at: dt.datetime
    name: str
    notes: str
    sets: list[LoggedSet]


def _sunday_near(year: int, month: int, day: int) -> dt.date:
    d = dt.date(year, month, day)
    return d + dt.timedelta(days=(6 - d.weekday()) % 7)


def race_calendar(first_year: int, last_year: int) -> list[RaceDay]:
    """Every race from `first_year` to `last_year`, by date."""
    races = []
    for year in range(first_year, last_year + 1):
        spring = _sunday_near(year, 4, 14)
        races += [
            RaceDay(f"Spring Marathon {year}", spring, "A"),
            RaceDay(f"City Half Marathon {year}", spring - dt.timedelta(days=42), "B"),
            RaceDay(f"Midsummer 10K {year}", _sunday_near(year, 6, 18), "C"),
            RaceDay(f"Autumn Trail {year}", _sunday_near(year, 9, 10), "C"),
        ]
        if year % 2 == 0:
            races.append(RaceDay(f"Autumn Marathon {year}", _sunday_near(year, 10, 20), "A"))
    return sorted(races, key=lambda r: r.date)


class Season:
    """The season phase (SPEC R14–R18) of any day, from the race calendar."""

    def __init__(self, races: list[RaceDay]) -> None:
        self._a = sorted(r.date for r in races if r.priority == "A")
        self._b = sorted(r.date for r in races if r.priority == "B")

    def phase(self, day: dt.date) -> str:
        i = bisect.bisect_left(self._a, day)
        if i < len(self._a):
            left = (self._a[i] - day).days
            if left <= 14:
                return "STOP"
            if left <= 28:
                return "TAPER"
            if left <= 84:
                return "SPECIFIC"
        if i > 0 and (day - self._a[i - 1]).days <= 7:
            return "RECOVERY"
        return "GENERAL"

    def b_race(self, day: dt.date) -> str | None:
        """ "off" from D−4 to D of a B race, "light" from D−10 to D−5, else None."""
        i = bisect.bisect_left(self._b, day)
        if i < len(self._b):
            left = (self._b[i] - day).days
            if left <= 4:
                return "off"
            if left <= 10:
                return "light"
        return None


def _floor_to(value: float, step: float, least: float) -> float:
    return max(least, math.floor(value / step + 1e-9) * step)


@dataclass
class LoadedLift:
    """A barbell or dumbbell lift moving through FORM → BUILD → STRENGTH (R1–R6)."""

    name: str
    start_kg: float
    increment: float
    step: float  # what the equipment can load: 2.5 kg barbell, 2 kg dumbbells
    least: float  # the bar, or the lightest dumbbell
    cap_ratio: float | None  # SPEC R6 (the squat)
    plateau_ratio: float  # where this runner stops getting stronger (failures start)
    barbell: bool
    unilateral: bool = False
    phase: str = "FORM"
    load: float = 0.0
    sessions_in_phase: int = 0
    phase_start: dt.date | None = None
    last_change: dt.date | None = None
    last_day: dt.date | None = None
    failures: int = 0

    def restart(self, day: dt.date) -> None:
        self.phase, self.load, self.sessions_in_phase = "FORM", self.start_kg, 0
        self.phase_start = self.last_change = day
        self.failures = 0

    def session(
        self, rng: random.Random, day: dt.date, season: str, light: bool, bodyweight: float
    ) -> list[LoggedSet]:
        if self.last_day is None or (day - self.last_day).days > 84:
            self.restart(day)
        elif (day - self.last_day).days > 35:
            self.load = _floor_to(self.load * 0.9, self.step, self.least)
            self.last_change = day
        self.last_day = day
        taper = light or season == "TAPER"
        if self.phase == "FORM":
            work = [(self.load, rng.choice((10, 11, 12, 12))) for _ in range(2)]
        elif self.phase == "BUILD":
            n = 2 if taper else 3
            plateau = self.load >= self.plateau_ratio * bodyweight
            choices = (9, 10, 11, 12) if plateau else (10, 11, 12, 12, 12)
            work = [(self.load, rng.choice(choices)) for _ in range(n)]
            if taper:
                work = [(_floor_to(self.load * 0.9, self.step, self.least), 10) for _ in range(n)]
        else:
            n = 2 if taper else 3 if season == "SPECIFIC" else 4
            load = _floor_to(self.load * 0.9, self.step, self.least) if taper else self.load
            near_limit = self.load >= 0.95 * self.plateau_ratio * bodyweight
            top = rng.choice((5, 6, 6, 7) if near_limit else (6, 7, 8, 8, 8))
            work = []
            for i in range(n):
                reps = max(5, top - (i and rng.choice((0, 0, 1))))
                if near_limit and rng.random() < 0.15:
                    reps = 4
                work.append((load, 5 if taper else reps))
        warmups = self._warmups(work[0][0])
        rpe_logged = rng.random() < 0.35
        sets = [self._set("warmup", w, r, None, rng) for w, r in warmups]
        for w, r in work:
            rpe = (9.0 if r < 5 else rng.choice((7.0, 7.5, 8.0))) if rpe_logged else None
            sets.append(self._set("work", w, r, rpe, rng))
        if self.unilateral:
            sets = [
                LoggedSet(s.exercise, s.kind, side, s.weight_kg, s.reps, s.seconds, s.rpe, s.note)
                for s in sets
                for side in ("L", "R")
            ]
        if not taper:
            self._progress(day, [r for _, r in work], bodyweight)
        return sets

    def _set(
        self, kind: str, weight: float, reps: int, rpe: float | None, rng: random.Random
    ) -> LoggedSet:
        note = rng.choice(NOTES) if rng.random() < 0.03 else ""
        return LoggedSet(self.name, kind, None, weight, reps, None, rpe, note)

    def _warmups(self, work_kg: float) -> list[tuple[float, int]]:
        """SPEC R13: a ramp before STRENGTH work, one easy set before FORM/BUILD."""
        if not self.barbell:
            return []
        if self.phase in ("FORM", "BUILD"):
            return [(_floor_to(work_kg * 0.5, self.step, self.least), 8)]
        ramp: list[tuple[float, int]] = []
        for share, reps in ((0.40, 8), (0.60, 6), (0.75, 4), (0.85, 2)):
            load = _floor_to(work_kg * share, self.step, self.least)
            if load < work_kg and (not ramp or load > ramp[-1][0]):
                ramp.append((load, reps))
        return ramp

    def _progress(self, day: dt.date, reps: list[int], bodyweight: float) -> None:
        assert self.phase_start is not None and self.last_change is not None
        self.sessions_in_phase += 1
        if self.phase == "FORM":
            if self.sessions_in_phase >= 2 and min(reps) >= 10:
                self._enter("BUILD", day, self.load + self.increment)
        elif self.phase == "BUILD":
            ready = (day - self.phase_start).days >= 21 and self.sessions_in_phase >= 4
            if ready and self.barbell and all(10 <= r <= 12 for r in reps):
                e1rm = self.load * (1 + (min(reps) + 2) / 30)
                self._enter("STRENGTH", day, max(self.load, e1rm / (1 + 8 / 30)))
            elif min(reps) >= 12:
                self.load += self.increment
                self.last_change = day
        else:
            self.failures = self.failures + 1 if min(reps) < 5 else 0
            since = (day - self.last_change).days
            if self.failures >= 2:
                self.load = _floor_to(self.load * 0.9, self.step, self.least)
                self.last_change, self.failures = day, 0
            elif (since >= 14 and min(reps) >= 8) or (since >= 28 and min(reps) >= 6):
                self.load += self.increment
                self.last_change = day
            if self.cap_ratio is not None:
                cap = _floor_to(self.cap_ratio * bodyweight, self.step, self.least)
                self.phase = "MAINTAIN" if self.load >= cap else "STRENGTH"
                self.load = min(self.load, cap)
        self.load = _floor_to(self.load, self.step, self.least)

    def _enter(self, phase: str, day: dt.date, load: float) -> None:
        self.phase, self.sessions_in_phase = phase, 0
        self.phase_start = self.last_change = day
        self.load = _floor_to(load, self.step, self.least)


@dataclass
class BodyweightWork:
    """Reps or seconds within the catalog's range, one step up when every set hit the
    target (R10); `harder` takes over after two sessions at the top."""

    name: str
    low: int
    high: int
    timed: bool
    unilateral: bool = False
    harder: BodyweightWork | None = None
    target: int = 0
    at_top: int = 0
    last_day: dt.date | None = None
    current: BodyweightWork | None = field(default=None, repr=False)

    def session(self, rng: random.Random, day: dt.date, light: bool) -> list[LoggedSet]:
        work = self.current or self
        if self.last_day is None or (day - self.last_day).days > 84:
            self.current, work = None, self
            self.target = self.low
            if self.harder is not None:
                self.harder.target = self.harder.low
        self.last_day = day
        work.target = work.target or work.low
        step = 5 if work.timed else 1
        n = 2 if light else 3
        done = []
        for i in range(n):
            value = work.target if i == 0 or rng.random() < 0.8 else work.target - step
            done.append(max(work.low, value))
        sides: tuple[str | None, ...] = ("L", "R") if work.unilateral else (None,)
        sets = []
        for value in done:
            for side in sides:
                note = rng.choice(NOTES) if rng.random() < 0.02 else ""
                reps, seconds = (None, value) if work.timed else (value, None)
                sets.append(LoggedSet(work.name, "work", side, 0.0, reps, seconds, None, note))
        if not light and min(done) >= work.target:
            if work.target >= work.high:
                work.at_top += 1
                if work.at_top >= 2 and work.harder is not None and work is self:
                    self.current = self.harder
            else:
                work.target = min(work.high, work.target + step)
        return sets


def _lifts(catalog: dict[str, dict[str, object]]) -> dict[str, LoadedLift | BodyweightWork]:
    """The runner's exercises, with their numbers from the shipped catalog."""

    def loaded(name: str, plateau: float) -> LoadedLift:
        info = catalog[name]
        barbell = info["equipment"] == "barbell"
        start = BAR_KG if barbell else float(info["start_load_kg"] or 0.0)  # type: ignore[arg-type]
        return LoadedLift(
            name,
            start_kg=start,
            increment=float(info["increment_kg"]),  # type: ignore[arg-type]
            step=1.25 * 2 if barbell else float(info["increment_kg"]),  # type: ignore[arg-type]
            least=start,
            cap_ratio=info["cap_ratio"],  # type: ignore[arg-type]
            plateau_ratio=plateau,
            barbell=barbell,
            unilateral=info["laterality"] == "unilateral",
        )

    def body(name: str, harder: str | None = None) -> BodyweightWork:
        info = catalog[name]
        low, high = int(info["range_min"]), int(info["range_max"])  # type: ignore[call-overload]
        return BodyweightWork(
            name,
            low,
            high,
            timed=info["measure"] == "seconds",
            unilateral=info["laterality"] == "unilateral",
            harder=body(harder) if harder else None,
        )

    return {
        "Back Squat": loaded("Back Squat", 1.6),
        "Deadlift": loaded("Deadlift", 1.8),
        "Split Squat": loaded("Split Squat", 0.35),
        "Single-Leg Deadlift": loaded("Single-Leg Deadlift", 0.35),
        "Step-Up": loaded("Step-Up", 0.3),
        "Push-Up": body("Push-Up", harder="Triangle Push-Up"),
        "Plank": body("Plank"),
        "Side Plank": body("Side Plank"),
        "Glute Bridge": body("Glute Bridge"),
        "Calf Raise": body("Calf Raise"),
        "Clamshell": body("Clamshell"),
        "Bird Dog": body("Bird Dog"),
        "Jumping Lunge": body("Jumping Lunge", harder="Jumping Lunge with Hip Rotation"),
        "Box Jump": body("Box Jump"),
        "Pallof Press": body("Pallof Press"),
        "Single-Leg Calf Raise": body("Single-Leg Calf Raise"),
        "Ankling": body("Ankling"),
    }


#: The programs per season phase: general strength early, functional work late [000].
GENERAL: tuple[str, ...] = (
    "Back Squat", "Deadlift", "Push-Up", "Plank", "Side Plank", "Glute Bridge",
    "Calf Raise", "Clamshell", "Bird Dog",
)  # fmt: skip
SPECIFIC: tuple[str, ...] = (
    "Split Squat", "Single-Leg Deadlift", "Step-Up", "Jumping Lunge", "Box Jump",
    "Pallof Press", "Side Plank", "Single-Leg Calf Raise", "Ankling",
)  # fmt: skip


def simulate(
    catalog: dict[str, dict[str, object]], seed: int, start: dt.date, end: dt.date
) -> Iterator[Session | tuple[dt.date, float]]:
    """Sessions (and Monday bodyweight readings, as (date, kg)) from `start` up to the
    day before `end`, in date order."""
    rng = random.Random(seed)
    season = Season(race_calendar(start.year, end.year + 1))
    lifts = _lifts(catalog)
    breaks: list[tuple[dt.date, dt.date]] = []
    for year in range(start.year, end.year + 1):
        if rng.random() < 0.15:
            first = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            breaks.append((first, first + dt.timedelta(weeks=rng.randint(5, 14))))
    bodyweight = 70.0
    monday = start - dt.timedelta(days=start.weekday())
    squat_this_week = False
    while monday < end:
        bodyweight = min(78.0, max(64.0, bodyweight + rng.gauss(0, 0.35)))
        if monday >= start:
            yield (monday, round(bodyweight, 1))
        phase = season.phase(monday + dt.timedelta(days=1))
        wanted = {"GENERAL": (2, 3, 3, 3), "SPECIFIC": (2,), "TAPER": (1,)}.get(phase, (0,))
        squat_this_week = False
        for weekday in SESSION_DAYS[rng.choice(wanted)]:
            day = monday + dt.timedelta(days=weekday)
            day_phase = season.phase(day)
            b_race = season.b_race(day)
            if not start <= day < end or day_phase in ("STOP", "RECOVERY") or b_race == "off":
                continue
            if rng.random() < 0.04 or any(a <= day < b for a, b in breaks):
                continue
            program = GENERAL if day_phase == "GENERAL" else SPECIFIC
            if day_phase != "GENERAL" and not squat_this_week:
                program = ("Back Squat", *program)  # the squat is kept once a week (R15)
            squat_this_week = squat_this_week or "Back Squat" in program
            light = day_phase == "TAPER" or b_race == "light"
            sets: list[LoggedSet] = []
            for name in program:
                lift = lifts[name]
                if isinstance(lift, LoadedLift):
                    sets += lift.session(rng, day, day_phase, light, bodyweight)
                else:
                    sets += lift.session(rng, day, light)
            hour = 9 if weekday == 5 else 18
            started = dt.datetime.combine(day, dt.time(hour, rng.randrange(0, 60)))
            note = rng.choice(WORKOUT_NOTES) if rng.random() < 0.15 else ""
            name = "Strength " + ("A" if day_phase == "GENERAL" else "B")
            yield Session(started, name, note, sets)
        monday += dt.timedelta(days=7)
