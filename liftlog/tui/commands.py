"""The command palette's provider: every action of every screen, by name (`today: undo`).

Names follow Posting's `section: action` style. Choosing an action of another screen
switches to that screen first and runs the action there.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from liftlog.tui.keys import Action, all_actions


class LiftlogCommands(Provider):
    """Offers each key binding of the app and its screens, plus `export: CSV`."""

    def _actions(self) -> list[Action]:
        return all_actions(self.app)

    def _run(self, action: Action) -> None:
        from liftlog.tui.app import LiftlogApp

        app = self.app
        assert isinstance(app, LiftlogApp)
        app.call_later(app.run_screen_action, action.mode, action.binding.action)

    async def discover(self) -> Hits:
        for action in self._actions():
            yield DiscoveryHit(
                action.command, partial(self._run, action), help=action.binding.tooltip
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action in self._actions():
            score = matcher.match(action.command)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(action.command),
                    partial(self._run, action),
                    help=action.binding.tooltip,
                )
