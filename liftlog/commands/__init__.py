"""The `liftlog` sub-commands, one module each group; each has `register(subparsers)`."""

from __future__ import annotations

from types import ModuleType

from liftlog.commands import catalog, csvcmd, ics, imports, logging, plan, profile, races, runs

COMMAND_MODULES: tuple[ModuleType, ...] = (
    logging,
    plan,
    races,
    catalog,
    profile,
    csvcmd,
    imports,
    runs,
    ics,
)
