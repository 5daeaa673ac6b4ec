"""Properties every prescription keeps, whatever the history (hypothesis): R6, R9, R13, R16."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prog_support import CATALOG, D0, histories

from liftlog.progression import Athlete, Loader, plate_breakdown, prescribe

ATHLETE = Athlete(bodyweights=((D0, 64.0),))  # Back Squat cap: 1.5 × 64 = 96 kg
LOADER = Loader.for_athlete(ATHLETE)
EVERYTHING = list(CATALOG)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(), st.integers(1, 400))
def test_every_prescription_is_loadable_capped_and_ramps_up(data, offset: int):
    history, races, overrides = data
    day = D0 + dt.timedelta(days=offset)
    for name in EVERYTHING:
        result = prescribe(
            day, ATHLETE, CATALOG, history, races, overrides, only_exercise=name, pick=False
        )
        if not result.lift:
            assert result.exercises == () and result.season.resumes_on is not None
            continue
        (ex,) = result.exercises
        info = CATALOG[name]
        loads = {w.weight_kg for w in ex.work}
        assert len(loads) == 1  # one working load per exercise
        (load,) = loads
        if info.equipment == "barbell":
            assert load >= 20.0 and plate_breakdown(load, 20.0, LOADER.plates) is not None  # R9
            assert ex.plates is not None
        if info.cap_ratio is not None:
            assert load <= info.cap_ratio * 64.0  # R6
        warm = [w.weight_kg for w in ex.warmup]
        assert warm == sorted(warm) and len(set(warm)) == len(warm)  # R13: no duplicate steps
        assert all(w < load for w in warm[1:])
        assert all(w >= LOADER.minimum(info) for w in warm)
        if result.season.light:  # R16: reps at the bottom, at least 2 sets (plyometrics halved)
            assert all(w.reps_min == w.reps_max for w in ex.work)
        assert ex.why and ex.rules
