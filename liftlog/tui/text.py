"""Text from people and files, as the app shows it: as typed, never as markup or control.

Textual reads a plain `str` as content markup in most places (a `Static`, a
`DataTable` cell, an `OptionList` option, a `Tree` label, a border title, a `Select`
prompt, a notification), so a name such as `[/]` would crash the screen and
`[bold red]X` would be styled. Names, notes, paths and error messages go through
these instead: `plain` for Textual's own widgets, `plain_text` where a Rich `Text` is
wanted (tree labels, `Select` prompts, Rich tables), `cell` for a one-line `DataTable`
cell (as Textual makes of a plain string). All write control, bidi and
line-separator characters as visible escapes (`textsafe.visible`), so nothing a
person or a file wrote reaches the terminal raw (SPEC §5 "What is shown to a terminal").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content

from liftlog.textsafe import visible, visible_lines

if TYPE_CHECKING:
    from liftlog.service.log import Log

__all__ = ["cell", "not_saved", "plain", "plain_lines", "plain_text", "visible"]


def plain(text: str) -> Content:
    """One line of text shown as it is: brackets as brackets, escapes made visible."""
    return Content(visible(text))


def plain_lines(text: str) -> Content:
    """Like `plain`, but line breaks stay line breaks (a note, a message)."""
    return Content(visible_lines(text))


def plain_text(text: str, style: str = "") -> Text:
    """`plain` as a Rich `Text`, for the widgets that take one."""
    return Text(visible(text), style=style)


def cell(text: str) -> Text:
    """A `DataTable` cell of one line, cut (not wrapped) at the column's width."""
    return Text(visible(text), no_wrap=True, end="")


def not_saved(what: str, error: BaseException, log: Log) -> str:
    """`Back Squat set 1: the log is busy in another program; the set was not saved.`"""
    from liftlog.service.log import failure_reason

    return f"{what}: {failure_reason(error, log.path)}; the set was not saved."
