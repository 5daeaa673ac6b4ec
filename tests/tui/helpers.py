"""Small helpers for Pilot tests: wait until the workers have written and rendered."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from textual.pilot import Pilot

from liftlog.tui.app import LiftlogApp


async def settle(pilot: Pilot[int]) -> None:
    """Let every worker finish and every message be handled."""
    app = pilot.app
    for _ in range(4):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for(pilot: Pilot[int], ok: Callable[[], bool], what: str) -> None:
    """Until `ok()` (a write, then the reload it causes, or the watcher's once-a-second
    look), for at most 15 s."""
    for _ in range(150):
        if ok():
            return
        await pilot.pause(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def liftlog(pilot: Pilot[int]) -> LiftlogApp:
    app = pilot.app
    assert isinstance(app, LiftlogApp)
    return app


def screen_text(app: LiftlogApp) -> str:
    """What the screen shows, as plain text lines (from Textual's SVG screenshot)."""
    lines: dict[int, list[str]] = {}
    pattern = r'<text[^>]*clip-path="url\(#terminal(?:-\d+)?-line-(\d+)\)"[^>]*>(.*?)</text>'
    for line, text in re.findall(pattern, app.export_screenshot()):
        lines.setdefault(int(line), []).append(html.unescape(text).replace("\xa0", " "))
    return "\n".join("".join(parts) for _, parts in sorted(lines.items()))
