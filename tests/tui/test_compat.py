"""The private Textual API of `liftlog.tui.compat`: fails loudly on another Textual."""

from __future__ import annotations

from importlib.metadata import version

from textual.app import App
from textual.widgets import OptionList, Tabs

from liftlog.service.log import Log
from liftlog.tui import compat
from liftlog.tui.app import LiftlogApp
from liftlog.tui.widgets.set_list import SetList

from .conftest import TODAY
from .helpers import settle


def test_textual_is_the_release_the_private_api_was_checked_against() -> None:
    assert version("textual") == compat.TEXTUAL_VERSION, (
        "Textual changed: check every function of liftlog/tui/compat.py against it, "
        "then update TEXTUAL_VERSION"
    )


def test_the_private_names_compat_uses_are_there() -> None:
    assert callable(getattr(App, "_init_mode", None))
    assert isinstance(getattr(OptionList, "_index_to_line", None), property)
    from textual.widgets._tabs import Underline

    assert {"highlight_start", "highlight_end"} <= set(dir(Underline))


async def test_each_compat_function_works_on_the_running_app(with_bodyweight: Log) -> None:
    app = LiftlogApp(with_bodyweight, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not compat.mode_started(app, "season")
        app.prepare_mode("season")  # built hidden: the screen does not change
        await settle(pilot)
        assert compat.mode_started(app, "season")
        assert app.current_mode == "today"
        assert app.screen_for_mode("season") is not None
        sets = app.screen.query_one(SetList)
        assert compat.option_line(sets, 0) == 0
        assert compat.option_line(sets, 1) is not None and compat.option_line(sets, 1) > 0
        await pilot.press("h")
        await settle(pilot)
        tabs = app.screen.query_one(Tabs)
        compat.jump_underline(tabs, 3, 9)
        underline = tabs.query_one("Underline")
        assert (underline.highlight_start, underline.highlight_end) == (3, 9)  # type: ignore[attr-defined]
