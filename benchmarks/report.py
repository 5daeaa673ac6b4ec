"""The results of a benchmark run, and BENCHMARKS.md written from them."""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Result:
    """One row of the table: a measure, its floor, and whether the target holds."""

    measure: str
    value: str = "not available"
    floor: str = "—"
    ratio: float | None = None
    target: str = "—"
    status: str = "n/a"  # pass | fail | info | n/a
    why: str = ""
    notes: list[str] = field(default_factory=list)


def median(values: list[float]) -> float:
    return statistics.median(values)


def spread(values: list[float], unit: str = "s", scale: float = 1.0) -> str:
    """`7 runs: min … median … max` for the notes."""
    xs = sorted(v * scale for v in values)
    fmt = "{:.0f}" if unit == "ms" else "{:.3f}"
    parts = " / ".join(fmt.format(x) for x in (xs[0], statistics.median(xs), xs[-1]))
    return f"{len(xs)} runs, min / median / max: {parts} {unit}"


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:
        available = os.cpu_count() or 0
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    try:
        load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return {
        "CPU": cpu,
        "cores": f"{available} available ({os.cpu_count()} online)",
        "memory": memory or "unknown",
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "OS": platform.platform(),
        "SQLite": __import__("sqlite3").sqlite_version,
        "Textual": _version("textual"),
        "load average (1/5/15 min) when the table was written": load,
    }


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


_MARK = {"pass": "✅ pass", "fail": "❌ fail", "info": "ℹ️ recorded", "n/a": "— n/a"}


def write_markdown(
    path: Path,
    results: list[Result],
    *,
    datasets: list[str],
    started: dt.datetime,
    seconds: float,
    method: list[str],
) -> None:
    lines = [
        "# liftlog benchmarks",
        "",
        "Written by `make bench` (`python -m benchmarks.run`); do not edit by hand.",
        "Every measure is a child process timed from start to exit, several runs, the median",
        "reported, as a ratio against a floor measured in the same run on the same machine.",
        "",
        f"Run on {started.strftime('%Y-%m-%d %H:%M')} (local time), took {seconds / 60:.1f} min.",
        "",
        "| measure | value | floor | ratio | target | result |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        result = _MARK[r.status] + (f": {r.why}" if r.why else "")
        lines.append(
            f"| {r.measure} | {r.value} | {r.floor} | {ratio} | {r.target} | {_cell(result)} |"
        )
    changes = Path(__file__).with_name("changes.md")
    if changes.is_file():  # what moved since the last run, written by a person
        lines += ["", changes.read_text(encoding="utf-8").strip()]
    lines += ["", "## Machine", ""]
    lines += [f"- {key}: {value}" for key, value in machine().items()]
    lines += ["", "## Data", ""]
    lines += [f"- {d}" for d in datasets]
    lines += ["", "## Notes per measure", ""]
    for r in results:
        if r.notes:
            lines.append(f"**{r.measure}**")
            lines.append("")
            lines += [f"- {_cell(n)}" for n in r.notes]
            lines.append("")
    lines += ["## Method", ""]
    lines += [f"- {m}" for m in method]
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def echo(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
