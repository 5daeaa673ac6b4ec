"""`make bench`: measure liftlog against floors on this machine and write BENCHMARKS.md.

    python -m benchmarks.run [--runs 7] [--only next,export,...] [--out BENCHMARKS.md]

Each measure runs the real program as a child process several times, interleaved
with its floor (the same kind of work done by the simplest thing that could do it),
and reports the medians and their ratio against the targets of issue 6. A command
this build does not have yet is reported as "not available"; nothing here crashes
because a part of liftlog is missing. The histories come from `benchmarks.generate`
and are cached in `benchmarks/.data/`.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import functools
import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import generate
from benchmarks.procs import (
    TERMINAL_SIZE,
    Run,
    import_profile,
    liftlog_argv,
    run,
    run_in_terminal,
)
from benchmarks.report import Result, echo, median, spread, write_markdown

REPO = Path(__file__).resolve().parent.parent
HISTORY_SETS = 100_000
STRESS_SETS = 1_000_000
STRONG_ROWS = 100_000
EXIT_ON_READY = "LIFTLOG_BENCH_EXIT_ON_READY"
MEASURES = ("tui", "next", "export", "import", "history")


class Bench:
    """What every measure needs: the runs to make, a scratch folder, the environment."""

    def __init__(self, runs: int, scratch: Path, *, bytecode: bool = False) -> None:
        self.runs = runs
        self.scratch = scratch
        self.liftlog = liftlog_argv()
        # by default as every earlier run measured it (the targets were set so): liftlog's
        # modules are compiled on every run (a checkout; the runs write no bytecode) while
        # the floors' packages come byte-compiled; `--bytecode` measures liftlog as an
        # installed package runs (byte-compiled, as `pip install` leaves it)
        byte_compile(bytecode)
        self.env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        self.env.pop("LIFTLOG_DB", None)
        self.env.pop("LIFTLOG_DEBUG", None)
        self.commands = _commands()
        self.bare_rss_mb: float | None = None

    def alternate(
        self, floor: Callable[[], Run], subject: Callable[[], Run], runs: int | None = None
    ) -> tuple[list[Run], list[Run]]:
        """Warm both up once, then run them in turn so drift hits both alike."""
        floor(), subject()
        floors, subjects = [], []
        for _ in range(runs or self.runs):
            floors.append(floor())
            subjects.append(subject())
        return floors, subjects


def byte_compile(wanted: bool) -> None:
    """liftlog's modules compiled to bytecode beside their source (`__pycache__`), or
    that bytecode removed (none is left from an earlier `--bytecode` run)."""
    package = Path(importlib.util.find_spec("liftlog").origin or "").parent  # type: ignore[union-attr]
    if wanted:
        compileall.compile_dir(package, quiet=1)
        return
    for cache in package.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)


def _commands() -> set[str]:
    from liftlog.cli import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no message"


def _near_the_line(result: Result, share: float, over: int, runs: int) -> None:
    """A pass with little room says so: the spread of the runs could tip it."""
    if result.status == "pass" and share > 0.9:
        result.why = f"at {share:.0%} of the target" + (
            f"; {over} of {runs} runs missed it" if over else ""
        )


def _ratio_result(
    result: Result, floors: list[Run], subjects: list[Run], limit: float, unit: str = "ms"
) -> float:
    f = median([r.seconds for r in floors])
    s = median([r.seconds for r in subjects])
    result.value, result.floor = f"{s * 1000:.0f} ms", f"{f * 1000:.0f} ms"
    result.ratio = s / f
    result.target = f"≤ {limit:g}×"
    result.status = "pass" if result.ratio <= limit else "fail"
    over = sum(1 for r in subjects if r.seconds > limit * f)
    _near_the_line(result, result.ratio / limit, over, len(subjects))
    result.notes.append("subject: " + spread([r.seconds for r in subjects], unit, 1000))
    result.notes.append("floor: " + spread([r.seconds for r in floors], unit, 1000))
    return result.ratio


def _import_why(bench: Bench, argv: list[str], floor_ms: float) -> str:
    """Where the start-up time goes, from one run under `python -X importtime`."""
    profile = run([*argv], env={**bench.env, "PYTHONPROFILEIMPORTTIME": "1"})
    total, top = import_profile(profile.stderr)
    if not top:
        return ""
    slowest = ", ".join(f"{name} {ms:.0f} ms" for name, ms in top)
    return (
        f"imports alone take {total:.0f} ms (floor's whole run: {floor_ms:.0f} ms); "
        f"slowest: {slowest}"
    )


_PROFILE = """
import cProfile, contextlib, io, pstats, sys
import liftlog.cli
profile = cProfile.Profile()
with contextlib.redirect_stdout(io.StringIO()):
    profile.runcall(liftlog.cli.main, sys.argv[1:])
stats = pstats.Stats(profile).stats
rows = sorted(
    ((cum, path.split('/liftlog/')[-1][:-3].replace('/', '.'), name)
     for (path, _, name), (_, _, _, cum, _) in stats.items() if "/liftlog/" in path),
    reverse=True,
)
calls = [f"{mod}.{name} {cum * 1000:.0f} ms" for cum, mod, name in rows if name != "<module>"]
imports = [f"{mod} {cum * 1000:.0f} ms" for cum, mod, name in rows if name == "<module>"]
print(" → ".join(calls[:6]) + "; imported on the way: " + ", ".join(imports[:3]))
"""


def _profile_why(bench: Bench, args: list[str]) -> str:
    """The liftlog functions a command spends its time in (cProfile, one run, imports
    of the CLI itself excluded)."""
    out = bench.scratch / "profile.txt"
    result = run([sys.executable, "-c", _PROFILE, *args], env=bench.env, stdout=out, cwd=REPO)
    text = out.read_text().strip() if result.ok else ""
    return f"in-process profile: {text}" if text else ""


# --- the measures --------------------------------------------------------------------


def measure_next(bench: Bench, db: Path) -> Result:
    result = Result("`liftlog next --json` vs `liftlog --help`, 100k sets")
    if "next" not in bench.commands:
        result.why = "`liftlog next` is not in this build yet"
        return result
    argv = [*bench.liftlog, "--db", str(db), "next", "--json"]
    out = bench.scratch / "next.json"
    first = run(argv, env=bench.env, stdout=out)
    if not first.ok:
        result.status, result.why = "fail", f"exit {first.code}: {_last_line(first.stderr)}"
        return result
    floors, subjects = bench.alternate(
        lambda: run([*bench.liftlog, "--help"], env=bench.env),
        lambda: run(argv, env=bench.env),
    )
    ratio = _ratio_result(result, floors, subjects, 1.5)
    try:
        answer = json.loads(out.read_text())
        names = [e.get("exercise") for e in answer.get("exercises", [])]
        result.notes.append(f"answer: lift={answer.get('lift')}, exercises={names}")
    except (ValueError, AttributeError) as exc:
        result.notes.append(f"the answer is not the JSON of SPEC §5: {exc}")
    if ratio > 1.5:
        result.why = _import_why(bench, argv, median([r.seconds for r in floors]) * 1000)
        result.notes.append(_profile_why(bench, ["--db", str(db), "next", "--json"]))
    return result


def measure_tui(bench: Bench, db: Path) -> list[Result]:
    ready = Result("TUI: today's prescription on screen vs bare Textual app, 100k sets")
    memory = Result("TUI peak memory at start, 100k sets")
    bare_argv = [sys.executable, "-m", "benchmarks.bare_app"]
    env = {**bench.env, EXIT_ON_READY: "1"}

    def bare() -> Run:
        return run_in_terminal(bare_argv, env=env, cwd=REPO, timeout=30)

    first_bare = bare()
    if not first_bare.ok:
        ready.status, ready.why = "fail", f"the bare app did not run ({first_bare.code})"
        return [ready]
    bench.bare_rss_mb = first_bare.maxrss_mb
    if importlib.util.find_spec("liftlog.tui.app") is None:
        ready.why = memory.why = "the TUI (`liftlog.tui.app`) is not in this build yet"
        return [ready, memory]
    argv = [sys.executable, "-m", "benchmarks.tui_start", "--db", str(db)]

    def tui() -> Run:
        return run_in_terminal(argv, env=env, cwd=REPO, timeout=60)

    first = tui()
    if first.code is None:
        ready.status = "fail"
        ready.why = "did not exit by itself within 60 s: does Today post its Ready message?"
        return [ready, memory]
    if not first.ok:
        ready.status, ready.why = "fail", f"exit {first.code}: {_last_line(first.screen)}"
        return [ready, memory]
    floors, subjects = bench.alternate(bare, tui)
    ratio = _ratio_result(ready, floors, subjects, 1.5)
    expected = _prescribed_names(bench, db)
    seen = [n for n in expected if n in subjects[-1].screen]
    ready.notes.append(
        f"terminal {TERMINAL_SIZE[1]}×{TERMINAL_SIZE[0]}; prescribed today (by `next`): "
        f"{expected or 'unknown'}; of those on the last screen: {seen}"
    )
    if ratio > 1.5:
        ready.why = _import_why(
            bench, [*bench.liftlog, "--help"], median([r.seconds for r in floors]) * 1000
        )
        ready.why = ready.why.replace("imports alone", "the CLI's imports (`--help`) alone")
    rss = median([r.maxrss_mb for r in subjects])
    bare_rss = median([r.maxrss_mb for r in floors])
    memory.value, memory.floor = f"{rss:.0f} MB", f"{bare_rss:.0f} MB (bare app)"
    memory.ratio, memory.target = rss / bare_rss, "< 150 MB"
    memory.status = "pass" if rss < 150 else "fail"
    return [ready, memory]


def _prescribed_names(bench: Bench, db: Path) -> list[str]:
    if "next" not in bench.commands:
        return []
    proc = subprocess.run(
        [*bench.liftlog, "--db", str(db), "next", "--json"],
        capture_output=True, text=True, env=bench.env, timeout=120,
    )  # fmt: skip
    try:
        return [e["exercise"] for e in json.loads(proc.stdout)["exercises"]]
    except (ValueError, KeyError, TypeError):
        return []


@functools.cache
def _sqlite3_cli() -> str | None:
    found = shutil.which("sqlite3")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        echo("  installing the sqlite3 command-line shell (apt-get) for the export floor")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        subprocess.run(["apt-get", "update", "-qq"], check=False, **quiet)  # type: ignore[call-overload]
        subprocess.run(["apt-get", "install", "-y", "-qq", "sqlite3"], check=False, **quiet)  # type: ignore[call-overload]
        found = shutil.which("sqlite3")
    return found


def measure_export(bench: Bench, db: Path, stress: Path | None) -> list[Result]:
    speed = Result("`liftlog export` vs `sqlite3 -csv` of workout_set, 100k sets")
    memory = Result("`liftlog export` peak memory, 1M vs 100k sets")
    if "export" not in bench.commands:
        speed.why = memory.why = "`liftlog export` is not in this build yet"
        return [speed, memory]
    out = bench.scratch / "export.csv"
    argv = [*bench.liftlog, "--db", str(db), "export", "-o", str(out)]
    first = run(argv, env=bench.env)
    if not first.ok:
        speed.status, speed.why = "fail", f"exit {first.code}: {_last_line(first.stderr)}"
        return [speed]
    cli = _sqlite3_cli()
    query = "SELECT * FROM workout_set"
    if cli is not None:
        floor_argv = [cli, "-csv", "-header", str(db), query]
        speed.notes.append(f"floor: `sqlite3 -csv -header DB '{query}'` to a file")
    else:
        floor_argv = [sys.executable, "-c", _PY_CSV_DUMP, str(db)]
        speed.notes.append(
            "floor: no sqlite3 shell could be installed; Python's sqlite3 module + csv.writer "
            "dumping the table instead (slower than the shell, so the ratio flatters liftlog)"
        )
    floor_out = bench.scratch / "floor.csv"
    floors, subjects = bench.alternate(
        lambda: run(floor_argv, env=bench.env, stdout=floor_out),
        lambda: run(argv, env=bench.env),
    )
    ratio = _ratio_result(speed, floors, subjects, 3.0)
    rows = out.read_bytes().count(b"\n")
    speed.notes.append(
        f"export wrote {out.stat().st_size / 1e6:.1f} MB ({rows} lines); the floor "
        f"{floor_out.stat().st_size / 1e6:.1f} MB"
    )
    if ratio > 3.0:
        speed.why = (
            f"export takes {median([r.seconds for r in subjects]) * 1000:.0f} ms against "
            f"{median([r.seconds for r in floors]) * 1000:.0f} ms for the shell"
        )
    rss_small = median([r.maxrss_mb for r in subjects])
    if stress is None:
        memory.why = "the 1M-set history was not measured in this run (--only)"
        return [speed, memory]
    big = run([*bench.liftlog, "--db", str(stress), "export", "-o", str(out)], env=bench.env)
    if not big.ok:
        memory.status, memory.why = "fail", f"exit {big.code}: {_last_line(big.stderr)}"
        return [speed, memory]
    memory.value, memory.floor = f"{big.maxrss_mb:.0f} MB", f"{rss_small:.0f} MB (100k sets)"
    # flat: ten times the sets may cost a little more (SQLite's page cache, the TEMP
    # table of workouts), never memory in proportion to the rows
    memory.ratio, memory.target = big.maxrss_mb / rss_small, "flat: ≤ 1.5× for 10× the sets"
    memory.status = "pass" if memory.ratio <= 1.5 else "fail"
    memory.notes.append(f"1M-set export took {big.seconds:.1f} s (one run)")
    return [speed, memory]


_PY_CSV_DUMP = (
    "import csv, sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1]); cur = conn.execute('SELECT * FROM workout_set')\n"
    "w = csv.writer(sys.stdout); w.writerow([d[0] for d in cur.description]); w.writerows(cur)\n"
)


def _empty_database(path: Path) -> Path:
    """A new liftlog database with the catalog and the athlete, as after a first start."""
    from liftlog.store.athletes import ensure_athlete
    from liftlog.store.catalog import sync_catalog
    from liftlog.store.db import open_database

    db = open_database(path)
    conn = db.connect()
    sync_catalog(conn)
    ensure_athlete(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


#: Issue 12's targets for importing the 100k-row Strong file.
IMPORT_RATIO = 6.0
IMPORT_SECONDS = 1.5


def measure_import(bench: Bench, csv_file: Path) -> Result:
    result = Result("`liftlog import` of a 100k-row Strong CSV")
    if "import" not in bench.commands:
        result.why = "`liftlog import` is not in this build yet"
        return result
    template = _empty_database(bench.scratch / "empty.sqlite3")
    counter = iter(range(1_000_000))

    def fresh() -> Path:
        target = bench.scratch / f"import-{next(counter)}.sqlite3"
        shutil.copyfile(template, target)
        return target

    def subject() -> Run:
        return run(
            [*bench.liftlog, "--db", str(fresh()), "import", str(csv_file), "--from", "strong"],
            env=bench.env,
        )

    first_db = bench.scratch / "import-first.sqlite3"
    shutil.copyfile(template, first_db)
    first = run(
        [*bench.liftlog, "--db", str(first_db), "import", str(csv_file), "--from", "strong"],
        env=bench.env,
    )
    if not first.ok:
        result.status, result.why = "fail", f"exit {first.code}: {_last_line(first.stderr)}"
        return result
    conn = sqlite3.connect(first_db)
    imported = conn.execute("SELECT count(*) FROM workout_set").fetchone()[0]
    conn.close()
    cli = _sqlite3_cli()

    def floor() -> Run:
        target = bench.scratch / f"floor-{next(counter)}.sqlite3"
        if cli is not None:
            return run([cli, str(target), f".import --csv {csv_file} strong"], env=bench.env)
        return run([sys.executable, "-c", _PY_CSV_LOAD, str(target), str(csv_file)], env=bench.env)

    runs = 5 if first.seconds < 15 else 3
    floors, subjects = bench.alternate(floor, subject, runs)
    s = median([r.seconds for r in subjects])
    f = median([r.seconds for r in floors])
    result.value = f"{s:.2f} s ({STRONG_ROWS / s:,.0f} rows/s)"
    result.floor = f"{f:.2f} s (`sqlite3 .import` of the raw file)"
    # issue 12: at most 6 times the floor, and 1.5 s
    result.ratio, result.target = s / f, f"≤ {IMPORT_RATIO:g}× and ≤ {IMPORT_SECONDS:g} s"
    result.status = "pass" if result.ratio <= IMPORT_RATIO and s <= IMPORT_SECONDS else "fail"
    over = sum(1 for r in subjects if r.seconds > min(IMPORT_RATIO * f, IMPORT_SECONDS))
    _near_the_line(result, max(result.ratio / IMPORT_RATIO, s / IMPORT_SECONDS), over, runs)
    if result.status == "fail":
        argv = ["--db", str(fresh()), "import", str(csv_file), "--from", "strong"]
        result.why = _profile_why(bench, argv)
    result.notes.append("subject: " + spread([r.seconds for r in subjects]))
    result.notes.append("floor: " + spread([r.seconds for r in floors]))
    result.notes.append(
        f"sets in the database after one import: {imported} of {STRONG_ROWS} rows; "
        f"peak memory {median([r.maxrss_mb for r in subjects]):.0f} MB"
    )
    if imported != STRONG_ROWS:
        result.why = f"imported {imported} sets from {STRONG_ROWS} rows"
    return result


_PY_CSV_LOAD = (
    "import csv, sqlite3, sys\n"
    "conn = sqlite3.connect(sys.argv[1]); rows = csv.reader(open(sys.argv[2], newline=''))\n"
    "head = next(rows); conn.execute('CREATE TABLE strong (%s)' % ','.join('c%d' % i for i in "
    "range(len(head))))\n"
    "conn.executemany('INSERT INTO strong VALUES (%s)' % ','.join('?' * len(head)), rows)\n"
    "conn.commit()\n"
)


def measure_history(bench: Bench, stress: Path) -> list[Result]:
    opening = Result("TUI: open one exercise's history, 1M sets")
    memory = Result("TUI peak memory with that history open, 1M sets")
    opening.target, memory.target = "< 200 ms", "< 150 MB"
    if importlib.util.find_spec("liftlog.tui.app") is None:
        opening.why = memory.why = "the TUI (`liftlog.tui.app`) is not in this build yet"
        return [opening, memory]
    out = bench.scratch / "probe.json"
    argv = [sys.executable, "-m", "benchmarks.tui_probe", "--db", str(stress)]
    runs: list[tuple[Run, dict[str, object]]] = []
    for _ in range(max(3, bench.runs - 2)):
        probe = run(argv, env=bench.env, stdout=out, cwd=REPO, timeout=180)
        try:
            answer = json.loads(out.read_text() or "{}")
        except ValueError:
            answer = {}
        if not probe.ok or "history_ms" not in answer:
            why = answer.get("error") or f"exit {probe.code}: {_last_line(probe.stderr)}"
            opening.status = "n/a" if answer.get("unavailable") else "fail"
            opening.why = memory.why = str(why)
            return [opening, memory]
        runs.append((probe, answer))
    ms = [float(a["history_ms"]) for _, a in runs]  # type: ignore[arg-type]
    sql = [float(a["sql_ms"]) for _, a in runs]  # type: ignore[arg-type]
    rss = [p.maxrss_mb for p, _ in runs]
    opening.value = f"{median(ms):.0f} ms"
    opening.floor = f"{median(sql):.0f} ms (plain SQL: the exercise's sessions)"
    opening.ratio = median(ms) / max(median(sql), 0.1)
    opening.status = "pass" if median(ms) < 200 else "fail"
    _near_the_line(opening, median(ms) / 200, sum(1 for m in ms if m >= 200), len(ms))
    opening.notes.append("subject: " + spread([m / 1000 for m in ms], "ms", 1000))
    opening.notes.append(f"how: {runs[-1][1].get('how', '')}")
    settles = [float(a.get("settle_ms", 0.0)) for _, a in runs]  # type: ignore[arg-type]
    opening.notes.append(
        f"included: waiting until the screen is idle and refreshed, which costs "
        f"{median(settles):.0f} ms when nothing happens"
    )
    screens = [float(a.get("screen_ms", 0.0)) for _, a in runs]  # type: ignore[arg-type]
    opening.notes.append(
        f"before that, opening the History screen itself (sessions list, first page): "
        f"median {median(screens):.0f} ms"
    )
    data: dict[str, list[float]] = {}
    for _, answer in runs:
        for name, spent in dict(answer.get("data_ms") or {}).items():  # type: ignore[call-overload]
            data.setdefault(name, []).append(float(spent))
    data_text = ", ".join(f"{n} {median(v):.0f} ms" for n, v in sorted(data.items()))
    if data_text:
        opening.notes.append(
            f"inside it, the screen's data functions (worker threads, some side by side): "
            f"{data_text}"
        )
    if median(ms) >= 200:
        slowest = max(data.items(), key=lambda kv: median(kv[1]), default=None)
        read = median(slowest[1]) if slowest else 0.0
        opening.why = (
            (
                f"its slowest data read ({slowest[0]}) takes {read:.0f} ms in a worker; "
                if slowest
                else ""
            )
            + f"the other {median(ms) - read:.0f} ms are the screen's work on the UI thread "
            f"(table, chart, records, layout) and the wait for the refresh "
            f"({median(settles):.0f} ms when idle)"
        )
        if read > 100:
            advice = (
                "read the exercise's sessions from a per-session summary kept up to date on "
                "write, newest first a page at a time, and the chart from a summary too; the "
                "first paint then stops growing with the history"
            )
        else:
            advice = (
                "the reads are small now; the time is the UI thread's: paint the newest rows "
                "first and the chart and records after, in one repaint, and start the read "
                "as the exercise is chosen rather than after the tab has switched"
            )
        opening.notes.append(f"what would close it: {advice}")
    memory.value = f"{median(rss):.0f} MB"
    if bench.bare_rss_mb:
        memory.floor = f"{bench.bare_rss_mb:.0f} MB (bare app)"
        memory.ratio = median(rss) / bench.bare_rss_mb
    memory.status = "pass" if median(rss) < 150 else "fail"
    return [opening, memory]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per measure")
    parser.add_argument("--only", default=",".join(MEASURES), help=",".join(MEASURES))
    parser.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument(
        "--bytecode",
        action="store_true",
        help="measure liftlog byte-compiled, as installed (default: compiled on every run,"
        " as the targets were set)",
    )
    args = parser.parse_args(argv)
    only = {m.strip() for m in args.only.split(",") if m.strip()}
    started, began = dt.datetime.now(), time.perf_counter()
    echo("preparing the histories (cached in benchmarks/.data/)…")
    history = generate.history_file(HISTORY_SETS)
    needs_stress = bool(only & {"history", "export"})
    stress = generate.history_file(STRESS_SETS) if needs_stress else None
    strong = generate.strong_file(STRONG_ROWS) if "import" in only else None
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="liftlog-bench-") as tmp:
        bench = Bench(args.runs, Path(tmp), bytecode=args.bytecode)
        steps: list[tuple[str, Callable[[], Result | list[Result]]]] = [
            ("tui", lambda: measure_tui(bench, history)),
            ("next", lambda: measure_next(bench, history)),
            ("export", lambda: measure_export(bench, history, stress)),
            ("import", lambda: measure_import(bench, strong)),  # type: ignore[arg-type]
            ("history", lambda: measure_history(bench, stress)),  # type: ignore[arg-type]
        ]
        for name, step in steps:
            if name not in only:
                continue
            echo(f"measuring {name}…")
            outcome = step()
            for r in outcome if isinstance(outcome, list) else [outcome]:
                echo(f"  {r.measure}: {r.value} (floor {r.floor}) → {r.status} {r.why}")
                results.append(r)
    write_markdown(
        args.out,
        results,
        datasets=_describe([history, stress, strong]),
        started=started,
        seconds=time.perf_counter() - began,
        method=[*_METHOD, _BYTECODE[args.bytecode]],
    )
    echo(f"wrote {args.out}")
    return 0


def _describe(paths: list[Path | None]) -> list[str]:
    lines = []
    for path in paths:
        if path is None:
            continue
        if path.suffix == ".csv":
            lines.append(f"`{path.name}`: a Strong export (comma form, kg), {STRONG_ROWS} rows")
            continue
        conn = sqlite3.connect(path)
        sets, workouts = conn.execute(
            "SELECT (SELECT count(*) FROM workout_set), (SELECT count(*) FROM workout)"
        ).fetchone()
        first, last = conn.execute("SELECT min(date), max(date) FROM workout").fetchone()
        conn.close()
        lines.append(
            f"`{path.name}`: {sets:,} sets in {workouts:,} workouts, {first} to {last}, "
            f"{path.stat().st_size / 1e6:.0f} MB"
        )
    return lines


_BYTECODE = {
    False: "liftlog's modules are compiled on every run, as from a checkout with "
    "PYTHONDONTWRITEBYTECODE (the floors' packages come byte-compiled); the targets were "
    "set this way.",
    True: "`--bytecode`: liftlog byte-compiled first, as `pip install` leaves it (like the "
    "floors' packages).",
}

_METHOD = [
    "Histories: `python -m benchmarks.generate` (seeded, deterministic): a runner lifting "
    "2–3 times a week on hard run days, squat and deadlift through FORM/BUILD/STRENGTH "
    "with warm-up ramps, push-ups, planks, single-leg work per side, RPE and notes "
    "sometimes, races A/B/C every year, weekly bodyweight. The 1M-set stress history is "
    "the same runner's pattern kept up for about two centuries.",
    "Times are wall-clock from spawning the child to its exit (os.wait4), which also gives "
    "its peak resident memory (ru_maxrss). Each measure alternates floor and subject after "
    "one unmeasured warm-up of each.",
    f"TUI start: both apps run in a {TERMINAL_SIZE[1]}×{TERMINAL_SIZE[0]} pseudo-terminal; "
    f"the bare app ({EXIT_ON_READY}=1) exits on its first frame, liftlog "
    "(`benchmarks/tui_start.py`, the app as `liftlog --db` starts it) once today's "
    "prescription is rendered (the Today screen's Ready message).",
    "History: `benchmarks/tui_probe.py` starts the TUI headless (Textual's run_test) on the "
    "1M-set history, waits for the Today screen, then times opening one exercise's history "
    "until it is rendered; peak memory is the probe process's ru_maxrss.",
    "Targets from issue 6: TUI ready ≤ 1.5 × bare Textual; `next` ≤ 1.5 × `--help`; export "
    "≤ 3 × `sqlite3 -csv`; on 1M sets history < 200 ms and memory < 150 MB.",
]


if __name__ == "__main__":
    raise SystemExit(main())
