"""What every command needs: the opened log, today's date, and printing safely.

Everything a command prints goes through `say` (text) or `print_json`: a name or note
that came from a person or a file is shown as data, never as terminal control.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from liftlog.inputs import InputError, date_or_today
from liftlog.textsafe import safe_json, visible_lines

if TYPE_CHECKING:
    from liftlog.service.log import Log

#: Bad input on the command line: the inputs' own error (one sentence, exit 1).
UserError = InputError


def open_log(args: argparse.Namespace) -> Log:
    """Open (create, upgrade) the log `--db` (or LIFTLOG_DB, or the default) names."""
    from liftlog.service.log import open_log as open_

    return open_(getattr(args, "db", None))


def date_arg(text: str | None) -> dt.date:
    """A `--date` as typed, or today when none was given."""
    return date_or_today(text, dt.date.today())


def say(*lines: str) -> None:
    """Print lines to standard output, every control character made visible."""
    for line in lines:
        print(visible_lines(line))


def warn(line: str) -> None:
    """One line on standard error (the command still succeeds)."""
    print(f"liftlog: {visible_lines(line)}", file=sys.stderr)


def print_json(value: Any) -> None:
    sys.stdout.write(safe_json(value) + "\n")
