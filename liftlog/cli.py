"""The command line: parses, calls the layers below, prints.

Every command lives in a module of `liftlog.commands` that registers its own
sub-parser; those modules import the database and the rules only inside their
handlers, so `liftlog --help` stays instant. Any `UserError` (bad input, an unusable
database) becomes one line on standard error and a non-zero exit: never a traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from typing import Any

from liftlog import __version__
from liftlog.commands import COMMAND_MODULES
from liftlog.errors import LiftlogError
from liftlog.textsafe import visible

EXIT_USER_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors are one line (no usage dump) like every other error."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # "-20x8" is a (negative, refused) SET, not an option: let it reach the grammar
        self._negative_number_matcher = re.compile(r"^-\d")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"liftlog: {message}. See `liftlog --help`.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="liftlog",
        description=(
            "A strength log for runners that knows your season. "
            "With no command, opens the app on today's session."
        ),
    )
    parser.add_argument("--version", action="version", version=f"liftlog {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the database file (default: $LIFTLOG_DB, else the per-user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from liftlog.commands.common import open_log

            log = open_log(args)
            from liftlog.tui.app import run_app

            return run_app(log)
        return int(handler(args) or 0)
    except LiftlogError as exc:
        print(f"liftlog: {visible(str(exc))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `liftlog export | head`: the reader left; that is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: one sentence, never a traceback
        said = _database_failure(args.db, exc)
        if said is not None:  # e.g. a damaged page met half-way through reading
            print(f"liftlog: {visible(said)}", file=sys.stderr)
            return EXIT_USER_ERROR
        if os.environ.get("LIFTLOG_DEBUG"):
            raise
        print(
            f"liftlog: unexpected error ({type(exc).__name__}: {visible(str(exc))}); "
            "nothing more was written. Set LIFTLOG_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR


def _database_failure(db_arg: str | None, exc: BaseException) -> str | None:
    """One sentence for an error that came from the database, else None."""
    if "liftlog.service.log" not in sys.modules:  # no log was opened: not the database's
        return None
    from liftlog.service.log import explain_failure

    return explain_failure(db_arg, exc)


if __name__ == "__main__":
    raise SystemExit(main())
