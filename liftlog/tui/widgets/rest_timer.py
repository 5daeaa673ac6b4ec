"""The rest countdown in the navigation bar of every screen (the app keeps the clock,
`liftlog.tui.rest`); Today shows it large as well (`widgets.glance`)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from liftlog.textsafe import visible

#: The CSS class of every widget that shows the rest clock: the app's tick calls their
#: `refresh_clock` on the screen in front.
REST_VIEW = "rest-view"


class RestBadge(Static):
    """`rest 1:59` at the right of the navigation bar while the rest runs."""

    DEFAULT_CSS = """
    RestBadge { display: none; width: auto; height: 1; padding: 0 1;
                background: $primary-muted; color: $text; text-style: bold; }
    RestBadge.-on { display: block; }
    RestBadge.-over { background: $success-muted; }
    """

    def __init__(self) -> None:
        super().__init__("", classes=REST_VIEW)
        self._shown = ""

    def on_mount(self) -> None:
        self.refresh_clock()

    def refresh_clock(self) -> None:
        from liftlog.tui.app import LiftlogApp

        app = self.app
        if not isinstance(app, LiftlogApp):
            return
        text = app.rest.badge()
        self.set_class(bool(text), "-on")
        self.set_class(app.rest.over, "-over")
        if text != self._shown:
            self._shown = text
            self.update(Content(visible(text)))
