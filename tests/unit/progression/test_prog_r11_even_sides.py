"""R11 when both sides did as much last session: the why says they were even, once."""

from __future__ import annotations

from prog_support import D0, days, flat, rx, timed


def test_r11_even_sides_read_as_even_not_as_a_weaker_side():
    history = flat(timed(D0, "Side Plank", [40], side="L"), timed(D0, "Side Plank", [40], side="R"))
    ex = rx(days(2), history, exercise="Side Plank")
    assert "both sides even last session (40 each)" in ex.why
    assert "weaker" not in ex.why and "0%" not in ex.why
    assert ex.why.count("R11:") == 1
    assert [w.side for w in ex.work][:2] == ["L", "R"]


def test_r11_uneven_sides_still_name_the_weaker_one_with_the_imbalance():
    history = flat(timed(D0, "Side Plank", [30], side="L"), timed(D0, "Side Plank", [40], side="R"))
    ex = rx(days(2), history, exercise="Side Plank")
    assert "weaker side first (L: less last session)" in ex.why
    assert "L is 25% weaker" in ex.why
