"""Every number the coaching rules use, in one place, with where it comes from.

The seeds ([000]…[004], see SPEC.md) fix some numbers and leave others open. Each
constant below says which: a quote from a seed, or "our choice" where we picked a
value a coach would accept. A coach can tune liftlog by editing this file; the rules
read nothing else. Durations are days unless the name says otherwise; loads are kg.
"""

from __future__ import annotations

from liftlog.units import DEFAULT_BAR, DEFAULT_PLATES, KG_PER_LB

__all__ = ["KG_PER_LB"]  # re-exported for the rules: its home is liftlog.units

# --- The rules' version ------------------------------------------------------------------
# Part of `fold_key`: the store caches folded states under that key, so bump this whenever
# what a fold computes from the same sets changes (a new state field, a rule replayed
# differently). 2: SPEC revision 2 (R20 layoffs, R5 at the start load, R7, R10, set kinds);
# 3: lb racks round to 5 lb (LB_RACK_STEP).
RULES_VERSION = 3

# --- R1 FORM -------------------------------------------------------------------------
# [000] "learning the proper form with the empty bar"; [001] "start with a low weight
# (or only the bar)". The number of clean sessions is ours.
FORM_SETS = 2  # SPEC R1
FORM_REPS = (10, 12)  # SPEC R1, [000] "10 to 12 reps nice and clean"
FORM_CLEAN_SESSIONS = 2  # our choice (SPEC R1)
FORM_CLEAN_MIN_REPS = 10  # SPEC R1 "every set ≥ 10 reps"

# --- R2 BUILD ------------------------------------------------------------------------
# [000] "increase the load until you can get 10 to 12 reps nice and clean for 2 to 3 sets"
BUILD_SETS = 3
BUILD_REPS = (10, 12)
BUILD_MIN_DAYS = 21  # our choice (SPEC R2)
BUILD_MIN_SESSIONS = 4  # our choice (SPEC R2)
BUILD_FAILS_BEFORE_DROP = 2  # SPEC R2 "twice in a row takes one increment off"

# --- R3 STRENGTH / R6 MAINTAIN -------------------------------------------------------
# [000] "about 5 to 8 maximum, longer rest between sets and about 3 to 5 sets";
# [004] "rest 2-3mins"; [001] "feel like they can do another 2 or 3 reps".
STRENGTH_REPS = (5, 8)
STRENGTH_SETS_GENERAL = 4  # our choice within [000]'s 3–5 (SPEC R3)
STRENGTH_SETS_RACE = 3  # our choice: race build-up (SPECIFIC, TAPER) (SPEC R3)
MAINTAIN_SETS = 3  # SPEC R6 "3 × 5–8"
STRENGTH_TARGET_RPE = (7.0, 8.0)  # [001] "last 2-3 reps should be pretty tough"
REST_STRENGTH_S = (120, 180)  # [004] "rest 2-3mins"
REST_FORM_BUILD_S = (60, 90)  # our choice: lighter sets need less rest
REST_BODYWEIGHT_S = (45, 90)  # our choice
REST_PLYOMETRIC_S = (60, 120)  # our choice: full recovery keeps jumps fast

# --- R4 load increase -----------------------------------------------------------------
# [001] "Most of my runners add about 5 kg every 2-4 weeks"
DEFAULT_INCREMENT_KG = 5.0  # [001] "about 5 kg"
INCREASE_FAST_DAYS = 14  # [001] "every 2-4 weeks" (lower end)
INCREASE_FAST_MIN_REPS = 8  # SPEC R4: last session every work set ≥ 8
INCREASE_SLOW_DAYS = 28  # [001] "every 2-4 weeks" (upper end)
INCREASE_SLOW_MIN_REPS = 6  # SPEC R4: last 2 sessions every work set ≥ 6
INCREASE_SLOW_SESSIONS = 2  # SPEC R4
# SPEC R4's RPE gate: a work set of the last session logged at this RPE or harder holds the
# load (the clock keeps running). Our choice: [001] wants 2–3 reps in reserve (RPE 7–8);
# RPE 9 leaves one.
RPE_GATE = 9.0
# SPEC §1: a `failure` set counts as a work set at RPE 10 unless another RPE is logged.
FAILURE_RPE = 10.0

# --- R5 failure -----------------------------------------------------------------------
FAIL_REPS = 5  # our choice (SPEC R5): a work set below 5 reps is a failed set
FAIL_SESSIONS = 2  # our choice (SPEC R5; StrongLifts uses 3)
FAIL_FACTOR = 0.9  # our choice (SPEC R5)

# --- R6 cap / R7 single-leg -----------------------------------------------------------
# [001] "until the can handle approx. 150% of their body weight" (Back Squat's cap_ratio
# lives in the catalog); [001] "once you shift from double leg to single leg squats,
# remember to reduce the weight".
SINGLE_LEG_FACTOR = 0.5  # our choice (SPEC R7)
# Dumbbell and kettlebell loads are logged per implement (data/exercises.toml), and a
# single-leg variant is held as a pair: R7's 50% of the barbell load is split over two.
IMPLEMENTS_PER_PAIR = 2  # our choice
# Our choice (issue 13): at most this many loaded lifts never logged before are brought into
# one session; the others wait for the next sessions, so new lifts come in one at a time.
NEW_LOADED_LIFTS_PER_SESSION = 1

# --- R8 Epley -------------------------------------------------------------------------
EPLEY_DIVISOR = 30.0  # Epley: e1RM = w × (1 + r/30)
DEFAULT_RIR = 2  # [001] "feel like they can do another 2 or 3 reps"
R8_TARGET_REPS = 6  # SPEC R8: STRENGTH load = e1RM / (1 + (6 + 2)/30)
R8_TARGET_RIR = 2
RPE_MAX = 10.0

# --- R12 records ------------------------------------------------------------------------
E1RM_MAX_REPS = 10  # SPEC R12: no estimate above 10 reps

# --- R10 bodyweight and timed ---------------------------------------------------------
# [003] "Level 2 or 3"; [000] jumping lunge → jumping lunge with hip rotation.
BODYWEIGHT_REPS = (8, 12)  # SPEC R10 default range
TIMED_SECONDS = (20, 60)  # SPEC R10 plank range
REP_STEP = 1  # SPEC R10 "+1 rep"
SECONDS_STEP = 5  # SPEC R10 "+5 s"
HARDER_AFTER_TOP_SESSIONS = 2  # SPEC R10 "after 2 sessions at the top"
BODYWEIGHT_SETS = 3  # our choice; [004] "repeated 3-5 times"

# --- R11 unilateral -------------------------------------------------------------------
IMBALANCE_FLAG = 0.10  # our choice (SPEC R11): flag (strong − weak)/strong above 10%

# --- R13 warm-up ----------------------------------------------------------------------
# [004] "sets of 8-6-4-2 leading to your desired work weight"; [001] "First do one set
# as warm-up with a weight that is easy to handle".
WARMUP_RAMP = ((8, 0.40), (6, 0.60), (4, 0.75), (2, 0.85))  # our choice of percentages
WARMUP_EASY = (8, 0.50)  # our choice (SPEC R13): FORM and BUILD

# --- R14–R18 season -------------------------------------------------------------------
# [000] general "early in the season, long before your A-race", functional "later in
# the season"; [003] "offseason … 2-3 times per week … race build up … 1-2 times";
# [001] "before the most important races, they may stop for some weeks".
SPECIFIC_FROM_DAYS = 84  # our choice: 12 weeks (SPEC R14/R15)
TAPER_FROM_DAYS = 28  # our choice (SPEC R16)
STOP_DAYS_DEFAULT = 14  # our choice (SPEC R17), settable by the athlete
STOP_DAYS_RANGE = (7, 28)  # SPEC R17
RECOVERY_DAYS = 7  # our choice (SPEC R18)
RECOVERY_FACTOR = 0.9  # our choice (SPEC R18): first session at 90% of pre-taper load
TAPER_FACTOR = 0.9  # our choice (SPEC R16); [001] "we reduce the weight and the reps a bit"
TAPER_MIN_SETS = 2  # SPEC R16 "at least 2"
SESSIONS_PER_WEEK = {
    "GENERAL": (2, 3),  # [003] "offseason … 2-3 times per week"
    "SPECIFIC": (1, 2),  # [003] "race build up … 1-2 times per week"
    "TAPER": (1, 1),  # SPEC R16
    "STOP": (0, 0),  # SPEC R17
    "RECOVERY": (0, 0),  # SPEC R18
}
B_LIGHT_FROM_DAYS = 10  # our choice (SPEC): B race, D−10 … D−5 lighter
B_LIGHT_TO_DAYS = 5
B_NONE_FROM_DAYS = 4  # our choice (SPEC): B race, D−4 … D no session
B_REST_DAYS_AFTER = 1  # SPEC R21 (ours): the day after a B race is not a lifting day
# SPEC R16 "plyometric volume halved": the share of the usual reps (sets × reps) kept.
PLYOMETRIC_LIGHT_SHARE = 0.5
YEAR_SHARE_WEEKS = 52  # [001] "60-80% of the year"
YEAR_SHARE_TARGET = (0.6, 0.8)  # [001]

# --- R19 scheduling -------------------------------------------------------------------
# [002] "should be on a hard day … do your weights routine later that day";
# [003] "within 3 hours of your harder … workouts".
MIN_GAP_DAYS = 2  # our choice (SPEC R19): at least 48 hours between strength sessions
SCHEDULE_HORIZON_DAYS = 42  # our choice: how far `next` looks for a lifting day

# --- R20 layoffs ------------------------------------------------------------------------
# Ours: detraining is small under 3–4 weeks and grows after 8. After ≥ 14 days away the
# first session back holds the last load and the R2/R4 clocks count from the return; after
# ≥ 8 weeks it is 90% of the last working load, after ≥ 26 weeks 80% (rounded down, R9,
# never below the start load). Bodyweight and timed targets restart at the bottom after 8.
LAYOFF_HOLD_DAYS = 14  # our choice (SPEC R20)
LAYOFF_STEPS = ((182, 0.80), (56, 0.90))  # our choice (SPEC R20): (days away, share)
LAYOFF_RESTART_RANGE_DAYS = 56  # our choice (SPEC R20/R10): back to the bottom of the range

# --- R22 runs -----------------------------------------------------------------------------
# Ours (SPEC R22): a run is hard when any of these holds; else it is easy.
RUN_HARD_MINUTES = 75  # elapsed time
RUN_HARD_HR_SHARE = 0.85  # average heart rate ≥ 85% of the highest seen …
RUN_HR_WINDOW_DAYS = 180  # … in the athlete's runs of the last 180 days
RUN_HARD_AEROBIC_TE = 3.5  # Garmin's aerobic training effect
RUN_HARD_ANAEROBIC_TE = 2.0  # Garmin's anaerobic training effect
RUN_HARD_RELATIVE_EFFORT = 100.0  # Strava's relative effort
RUN_TEMPLATE_WEEKS = 6  # with no template set, infer it from the last 6 weeks of runs

# --- Sessions that differ from the prescription ----------------------------------------
# Our choice: in FORM or BUILD, a session at ≥ 2 increments and ≥ 20% above the current
# load with every work set at ≤ 8 reps shows the athlete already trains for strength:
# the lift moves to STRENGTH at that load.
JUMP_TO_STRENGTH_INCREMENTS = 2
JUMP_TO_STRENGTH_MIN_RATIO = 1.2
JUMP_TO_STRENGTH_MAX_REPS = 8

# --- R9 equipment defaults --------------------------------------------------------------
# SPEC §1: the bar and plates a new athlete starts with. Their one home is liftlog.units
# (the kit the profile stores); the rules read them from there.
DEFAULT_BAR_KG = DEFAULT_BAR["kg"]  # SPEC §1
DEFAULT_BAR_LB = DEFAULT_BAR["lb"]  # SPEC §1
DEFAULT_PLATES_KG = tuple((float(size), n) for size, n in DEFAULT_PLATES["kg"])
DEFAULT_PLATES_LB = tuple((float(size), n) for size, n in DEFAULT_PLATES["lb"])
LB_STEP = 2.5  # our choice: for lb athletes a catalog step (kg) becomes a multiple of 2.5 lb
# Our choice: lb dumbbells, kettlebells and machine stacks are racked at least every 5 lb,
# so a load is rounded down to 5 lb (or the step, if finer) while increases stay one step:
# a 40 kg leg press reads 85 lb, not 67.5 lb on a 22.5 lb grid (units never change a load).
LB_RACK_STEP = 5.0
