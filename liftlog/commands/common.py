"""What every command needs: the opened database, the athlete, dates, exercise names."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
from dataclasses import dataclass
from typing import Any

from liftlog.errors import LiftlogError
from liftlog.locations import resolve_db_path
from liftlog.names import NameIndex
from liftlog.store.db import Database, open_database
from liftlog.store.queries import AthleteRow, ExerciseRow, ensure_athlete, get_athlete


class UserError(LiftlogError):
    """Bad input on the command line."""


@dataclass
class Context:
    """An opened database and the athlete the command acts for."""

    db: Database
    conn: sqlite3.Connection
    athlete: AthleteRow

    def exercises(self) -> list[ExerciseRow]:
        from liftlog.store.queries import list_exercises

        return list_exercises(self.conn, self.athlete.id)

    def find_exercise(self, name: str) -> ExerciseRow:
        """The exercise called `name` (or an alias of it), or a UserError with suggestions."""
        rows = self.exercises()
        index = NameIndex((row, row.name, row.aliases) for row in rows)
        found = index.get(name)
        if found is not None:
            return found
        near = index.suggest(name)
        hint = f" Did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        raise UserError(f"unknown exercise {name!r}.{hint} (`liftlog exercises` lists them)")


def open_context(args: argparse.Namespace) -> Context:
    """Open (create, upgrade) the database and make sure the catalog is in step."""
    from liftlog.store.catalog import sync_catalog

    db = open_database(resolve_db_path(getattr(args, "db", None)))
    conn = db.connect()
    try:
        sync_catalog(conn)
        athlete_id = ensure_athlete(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise UserError(f"cannot use {db.path}: {exc}.") from None
    return Context(db, conn, get_athlete(conn, athlete_id))


def parse_date(text: str) -> dt.date:
    """A YYYY-MM-DD date, or a UserError naming what is wrong with it."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            raise UserError(f"{text!r} is not a real date.") from None
        raise UserError(f"{text!r} is not a date; write YYYY-MM-DD.") from None


def date_or_today(text: str | None) -> dt.date:
    return parse_date(text) if text else dt.date.today()


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
