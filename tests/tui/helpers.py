"""Small helpers for Pilot tests: wait until the workers have written and rendered."""

from __future__ import annotations

from textual.pilot import Pilot

from liftlog.tui.app import LiftlogApp


async def settle(pilot: Pilot[int]) -> None:
    """Let every worker finish and every message be handled."""
    app = pilot.app
    for _ in range(4):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def liftlog(pilot: Pilot[int]) -> LiftlogApp:
    app = pilot.app
    assert isinstance(app, LiftlogApp)
    return app
