"""The command line: parses, calls the layers below, prints.

Every command lives in a module of `liftlog.commands` that registers its own
sub-parser; those modules import the database and the rules only inside their
handlers, so `liftlog --help` stays instant. Any `UserError` (bad input, an unusable
database) becomes one line on standard error and a non-zero exit: never a traceback.
"""

from __future__ import annotations

import argparse
import errno
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
#: Arguments that name files: any bytes the file system allows are fine in those.
PATH_ARGUMENTS = frozenset({"db", "output", "file", "paths"})
#: What Python makes of bytes that are not UTF-8 in an argument (surrogateescape).
_NOT_UTF8 = re.compile("[\udc80-\udcff]")


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
    not_utf8 = _not_utf8(args)
    if not_utf8 is not None:
        print(f"liftlog: {not_utf8}", file=sys.stderr)
        return EXIT_USER_ERROR
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
        _drop_output()
        return 0
    except Exception as exc:  # the last line of defence: one sentence, never a traceback
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            _drop_output()  # `liftlog export > /dev/full`
            print("liftlog: cannot write the output: the disk is full.", file=sys.stderr)
            return EXIT_USER_ERROR
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


def _drop_output() -> None:
    """Send what is still buffered for standard output nowhere, so that Python's own
    flush at exit does not fail again (and print its complaint) on a closed pipe or a
    full disk."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _not_utf8(args: argparse.Namespace) -> str | None:
    """One sentence for a word typed in bytes that are not UTF-8 (a name, a set, a
    note), or None. File names may hold any bytes."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and _NOT_UTF8.search(text):
                return (
                    f"'{visible(text)}' is not UTF-8 text; type names, sets and notes "
                    "in UTF-8 (check your terminal's encoding)."
                )
    return None


def _database_failure(db_arg: str | None, exc: BaseException) -> str | None:
    """One sentence for an error that came from the database, else None."""
    if "liftlog.service.log" not in sys.modules:  # no log was opened: not the database's
        return None
    from liftlog.service.log import explain_failure

    return explain_failure(db_arg, exc)


if __name__ == "__main__":
    raise SystemExit(main())
