"""liftlog's exercises → Garmin's `exercise_category` and exercise name (FIT profile).

Garmin Connect names a strength set by two numbers: a category (`squat`, `plank`, ...)
and, within it, an exercise (`squat_exercise_name` 6 is "Barbell Back Squat"). The
table maps every exercise of the shipped catalog (data/exercises.toml) by name; an
exercise name of Garmin's is given only where it is the same movement, else the
category alone (Garmin shows the category's name). An athlete's own exercise is
matched by words in its name, then by its liftlog category; what matches nothing is
Garmin's `unknown`. Names are checked against the SDK's profile by the tests.
"""

from __future__ import annotations

import re
from functools import cache

from garmin_fit_sdk import Profile

UNKNOWN = "unknown"

# catalog name (lower case) -> (Garmin category, Garmin exercise name or None)
CATALOG: dict[str, tuple[str, str | None]] = {
    "back squat": ("squat", "barbell_back_squat"),
    "deadlift": ("deadlift", "barbell_deadlift"),
    "romanian deadlift": ("deadlift", "romanian_deadlift"),
    "leg press": ("squat", "leg_press"),
    "goblet squat": ("squat", "goblet_squat"),
    "hip thrust": ("hip_raise", "barbell_hip_thrust_with_bench"),
    "bodyweight squat": ("squat", "air_squat"),
    "kneeling push-up": ("push_up", "kneeling_push_up"),
    "push-up": ("push_up", "push_up"),
    "triangle push-up": ("push_up", "diamond_push_up"),
    "single-leg squat": ("squat", None),
    "split squat": ("squat", "dumbbell_split_squat"),
    "rear-foot-elevated split squat": ("lunge", "dumbbell_bulgarian_split_squat"),
    "forward lunge": ("lunge", "dumbbell_lunge"),
    "lateral lunge": ("lunge", "side_lunge"),
    "step-up": ("squat", "dumbbell_step_up"),
    "single-leg deadlift": ("deadlift", "single_leg_romanian_deadlift_with_dumbbell"),
    "jumping lunge": ("plyo", "alternating_jump_lunge"),
    "jumping lunge with hip rotation": ("plyo", None),
    "jump squat": ("plyo", "body_weight_jump_squat"),
    "box jump": ("plyo", "box_jump"),
    "pogo jump": ("plyo", None),
    "ankling": ("plyo", None),
    "skipping": ("cardio", "jump_rope"),
    "hop for distance": ("plyo", None),
    "a-skip": ("plyo", None),
    "plank": ("plank", "plank"),
    "side plank": ("plank", "side_plank"),
    "side plank with twist": ("plank", None),
    "side plank with leg lift": ("plank", "side_plank_with_leg_lift"),
    "bicycle crunch": ("crunch", "bicycle_crunch"),
    "leg raise": ("leg_raise", "lying_straight_leg_raise"),
    "hanging leg raise": ("leg_raise", "hanging_leg_raise"),
    "bear crawl": ("plank", "bear_crawl"),
    "bear crawl with twist": ("plank", None),
    "pallof press": ("core", "cable_core_press"),  # Garmin's name for the Pallof press
    "cable twist": ("chop", None),
    "russian twist": ("core", "russian_twist"),
    "dead bug": ("hip_stability", "dead_bug"),
    "bird dog": ("core", None),
    "glute bridge": ("hip_raise", "hip_raise"),
    "hamstring bridge": ("hip_raise", None),
    "single-leg glute bridge": ("hip_raise", "single_leg_hip_raise"),
    "lying side raise": ("hip_stability", "side_lying_leg_raise"),
    "clamshell": ("hip_raise", "clams"),
    "lateral band walk": ("hip_stability", "lateral_walks_with_band_at_ankles"),
    "calf raise": ("calf_raise", "standing_calf_raise"),
    "single-leg calf raise": ("calf_raise", "single_leg_standing_calf_raise"),
    "nordic hamstring curl": ("leg_curl", None),
    "copenhagen plank": ("plank", None),
}

# An athlete's own exercise: the first of these words that begins a word of its name
# decides the category.
KEYWORDS: tuple[tuple[str, str], ...] = (
    ("deadlift", "deadlift"),
    ("rdl", "deadlift"),
    ("split squat", "lunge"),
    ("lunge", "lunge"),
    ("jump", "plyo"),
    ("hop", "plyo"),
    ("squat", "squat"),
    ("leg press", "squat"),
    ("step-up", "squat"),
    ("step up", "squat"),
    ("plank", "plank"),
    ("push-up", "push_up"),
    ("push up", "push_up"),
    ("pushup", "push_up"),
    ("bench", "bench_press"),
    ("pull-up", "pull_up"),
    ("pull up", "pull_up"),
    ("chin", "pull_up"),
    ("row", "row"),
    ("calf", "calf_raise"),
    ("bridge", "hip_raise"),
    ("hip thrust", "hip_raise"),
    ("crunch", "crunch"),
    ("sit-up", "sit_up"),
    ("sit up", "sit_up"),
    ("leg raise", "leg_raise"),
    ("leg curl", "leg_curl"),
    ("curl", "curl"),
    ("shoulder press", "shoulder_press"),
    ("overhead press", "shoulder_press"),
    ("carry", "carry"),
    ("swing", "hip_swing"),
)

# Last resort: liftlog's own category, where Garmin has a like one.
BY_LIFTLOG_CATEGORY = {"core": "core", "plyometric": "plyo"}


def garmin_names(exercise: str, category: str) -> tuple[str, str | None]:
    """Garmin's category and exercise name for a liftlog exercise (see the docstring)."""
    key = " ".join(exercise.lower().split())
    if key in CATALOG:
        return CATALOG[key]
    for word, garmin_category in KEYWORDS:
        if re.search(rf"\b{re.escape(word)}", key):  # "rows" is a row, "throw" is not
            return garmin_category, None
    return BY_LIFTLOG_CATEGORY.get(category, UNKNOWN), None


@cache
def _numbers(type_name: str) -> dict[str, int]:
    """A FIT profile type's values by name (the profile maps numbers to names)."""
    values: dict[int, str] = Profile["types"][type_name]
    return {name: number for number, name in values.items()}


def garmin_codes(exercise: str, category: str) -> tuple[int, int | None]:
    """The FIT `set` message's `category` and `category_subtype` numbers."""
    garmin_category, name = garmin_names(exercise, category)
    category_number = _numbers("exercise_category")[garmin_category]
    if name is None:
        return category_number, None
    return category_number, _numbers(f"{garmin_category}_exercise_name")[name]
