"""Fuzzed input: the SET grammar and the command line never let a traceback (or an
"unexpected error") reach the person, and a refused command writes nothing."""

from __future__ import annotations

import contextlib
import io
import math
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftlog.cli import main
from liftlog.inputs import MAX_REPS, MAX_SECONDS, MAX_WEIGHT_KG, SetError, parse_set

pytestmark = pytest.mark.slow

#: Text that looks like a SET more often than random text does.
set_like = st.from_regex(
    r"\A\s?([LRlrX]:)?-?\d{0,5}([.,]\d{0,3})?\s?(kg|kgs|lb|lbs|k|s)?\s?[xX×]?\s?-?\d{0,4}"
    r"\s?(s)?(@-?\d{0,3}([.,]\d)?)?\s?\Z"
)
any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@settings(max_examples=600, deadline=None)
@given(st.one_of(set_like, any_text), st.sampled_from(["kg", "lb"]))
def test_parse_set_accepts_only_sane_sets_and_refuses_with_set_error(text: str, unit: str) -> None:
    try:
        parsed = parse_set(text, unit)  # type: ignore[arg-type]
    except SetError as exc:
        message = str(exc)
        assert message and "\n" not in message
        return
    assert math.isfinite(parsed.weight_kg) and 0 <= parsed.weight_kg <= MAX_WEIGHT_KG
    assert (parsed.reps is None) != (parsed.seconds is None)
    if parsed.reps is not None:
        assert 1 <= parsed.reps <= MAX_REPS
    if parsed.seconds is not None:
        assert 1 <= parsed.seconds <= MAX_SECONDS
    if parsed.rpe is not None:
        assert 1 <= parsed.rpe <= 10 and (parsed.rpe * 2) % 1 == 0
    assert parsed.side in (None, "L", "R")


# --- the command line, in-process --------------------------------------------------

TABLES = ("athlete", "bodyweight", "race", "exercise", "workout", "workout_set")
dates = st.one_of(
    st.dates().map(str),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"),
    any_text,
)
names = st.one_of(
    st.sampled_from(["Back Squat", "back squat", "Plank", "Split Squat", "Squat (Barbell)"]),
    any_text,
)
numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(-(10**6), 10**6).map(str),
    any_text,
)
sets = st.lists(st.one_of(set_like, any_text), min_size=0, max_size=4)
argument = st.one_of(
    any_text,
    set_like,
    st.sampled_from(["--json", "--date", "--warmup", "--note", "--priority", "-h"]),
)
command_lines = st.one_of(
    st.tuples(st.just("log"), names, sets, st.lists(argument, max_size=3)).map(
        lambda t: ["log", t[1], *t[2], *t[3]]
    ),
    st.tuples(st.just("log"), names, sets, st.sampled_from(["--date", "--warmup", "--note"]),
              st.one_of(dates, set_like)).map(lambda t: ["log", t[1], *t[2], t[3], t[4]]),
    st.tuples(numbers, st.one_of(st.none(), dates)).map(
        lambda t: ["bodyweight", t[0]] + (["--date", t[1]] if t[1] is not None else [])
    ),
    st.tuples(names, dates, st.one_of(st.sampled_from(["A", "b", "C", "D"]), any_text)).map(
        lambda t: ["race", "add", t[0], t[1], "--priority", t[2]]
    ),
    st.tuples(st.sampled_from(["history", "next", "race", "exercises", "exercise"]),
              st.lists(argument, max_size=4)).map(lambda t: [t[0], *t[1]]),
    st.lists(argument, min_size=1, max_size=5),
)  # fmt: skip


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


@contextlib.contextmanager
def _captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def _run(db: Path, argv: list[str]) -> tuple[int, str]:
    with _captured() as (_, err):
        try:
            code = main(["--db", str(db), *argv])
        except SystemExit as exc:  # argparse: --help, usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    return code, err.getvalue()


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("fuzz") / "liftlog.sqlite3"
    assert _run(db, ["log", "Back Squat", "40x8"])[0] == 0
    return db


def _is_tui(argv: list[str]) -> bool:
    """No command at all opens the TUI: not something to fuzz in-process."""
    from liftlog.cli import build_parser

    try:
        with _captured():
            args = build_parser().parse_args(argv)
    except SystemExit:
        return False
    return getattr(args, "handler", None) is None


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command_lines)
def test_no_command_line_shows_a_traceback_and_a_refusal_writes_nothing(
    fuzz_db: Path, argv: list[str]
) -> None:
    if any(a.startswith(("-o", "--output", "--db")) for a in argv) or _is_tui(argv):
        return  # neither writing files elsewhere nor opening the TUI
    before = _counts(fuzz_db)
    code, err = _run(fuzz_db, argv)
    assert "Traceback" not in err
    assert "unexpected error" not in err, err
    if code != 0:
        assert _counts(fuzz_db) == before, (argv, err)
        # one line as a terminal shows it; an argument holding a newline may be echoed
        if not any("\n" in a or "\r" in a for a in argv):
            lines = err.strip("\n").split("\n")
            assert len(lines) == 1 and lines[0].startswith("liftlog"), err
