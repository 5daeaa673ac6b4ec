"""Every export dialect liftlog reads, and telling them apart by their header.

A `Format` is one dialect: the app (`key`: liftlog, strong, hevy, fitnotes, fitbod —
what `--from` names), the form (`variant`), the columns its header has, how its rows
are parsed (`liftlog.csvio.strong`, `hevy`, `fitnotes`, `fitbod`, `own`) and where its
weights' unit comes from:

- `header`: the weight column's name says (`Weight (kg)`, `weight_lbs`, `kg`);
- `rows`: a unit on every row (`Weight Unit`), or one of two weight columns filled;
- `none`: nothing says (Strong's comma form, Fitbod's old form): the loads decide
  (`liftlog.csvio.loads`), or `--units`;
- `own`: liftlog's file, weights in kg, the athlete's unit in its `unit` column.

Column names match in any case and spacing. `FORMATS` is in detection order: the
first dialect whose columns the header has is the one (the forms with more columns
first). Headers of every dialect are in docs/import.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from liftlog.csvio import fitbod, fitnotes, hevy, own, strong
from liftlog.csvio.fitbod import Days
from liftlog.csvio.rows import (
    Columns,
    ImportedSet,
    Row,
    RowError,
    RowParser,
    SkippedRow,
    column_index,
    column_key,
    unit_of,
)
from liftlog.units import Unit

__all__ = [
    "DIALECTS",
    "Columns",
    "Format",
    "ImportedSet",
    "Row",
    "RowError",
    "SkippedRow",
    "column_index",
    "find",
]

UnitSource = Literal["header", "rows", "none", "own"]
Keys = frozenset[str]
Repair = Callable[[Sequence[str], Columns, int], "list[str] | None"]
#: (the header's columns, its width, Fitbod's days) → the file's row parser
Build = Callable[[Columns, int, Days], RowParser]


@dataclass(frozen=True)
class Format:
    """One export dialect; see the module docstring."""

    key: str
    label: str
    variant: str
    required: tuple[str, ...]
    build: Build
    unit_source: UnitSource
    any_of: tuple[str, ...] = ()
    #: the weight column, by the header's column keys
    weight_column: Callable[[Keys], str] = field(default=lambda _keys: "weight")
    exercise_column: str = "Exercise Name"
    date_column: str = "Date"
    #: for `rows`: the unit a row declares, or None
    row_unit: Callable[[Row], Unit | None] = field(default=lambda _row: None)
    #: for `header`: the unit and the column that says it
    header_unit: Callable[[Keys], tuple[Unit, str]] | None = None
    repair: Repair | None = None
    per_day: bool = False  # Fitbod: a day's sets are one workout

    @property
    def name(self) -> str:
        """`Strong (2025 "Workout #" form)`, for messages."""
        return f"{self.label} ({self.variant})" if self.variant else self.label

    def missing(self, keys: Keys) -> list[str]:
        """The columns this dialect needs that a header with `keys` lacks."""
        lacks = [c for c in self.required if column_key(c) not in keys]
        if self.any_of and not any(column_key(c) in keys for c in self.any_of):
            lacks.append(" or ".join(self.any_of))
        return lacks

    def matches(self, keys: Keys) -> bool:
        return not self.missing(keys)


def _plain(parser: Callable[[Columns, int], RowParser]) -> Build:
    return lambda columns, width, _days: parser(columns, width)


def _strong(layout: Callable[[Keys], strong.StrongLayout]) -> Build:
    def build(columns: Columns, width: int, _days: Days) -> RowParser:
        keys = frozenset(k for k, i in columns.items() if i >= 0)
        return strong.parser(layout(keys), columns, width)

    return build


def _constant(column: str) -> Callable[[Keys], str]:
    return lambda _keys: column


def _first_key(keys: Keys, prefix: str, default: str) -> str:
    return next((k for k in sorted(keys) if k.startswith(prefix)), default)


def _header_unit_by_name(keys: Keys, names: Sequence[tuple[str, Unit]]) -> tuple[Unit, str]:
    for name, unit in names:
        if column_key(name) in keys:
            return unit, name
    return names[0][1], names[0][0]


def _unit_cell(column: str) -> Callable[[Row], Unit | None]:
    def read(row: Row) -> Unit | None:
        text = row[column].strip()
        if not text:
            return None
        try:
            return unit_of(text, column)
        except ValueError:
            return None

    return read


def _fitnotes_row_unit(row: Row) -> Unit | None:
    for column, unit in (("Weight (kg)", "kg"), ("Weight (kgs)", "kg"), ("Weight (lbs)", "lb")):
        if row[column].strip():
            return unit  # type: ignore[return-value]
    return _unit_cell("Weight Unit")(row)


def _fitnotes_header_unit(keys: Keys) -> tuple[Unit, str] | None:
    has = {c: column_key(c) in keys for c in ("Weight (kgs)", "Weight (kg)", "Weight (lbs)")}
    if "weightunit" in keys or sum(has.values()) != 1:
        return None  # a unit on every row, or two weight columns
    return (
        ("lb", "Weight (lbs)")
        if has["Weight (lbs)"]
        else ("kg", next(c for c, h in has.items() if h))
    )


STRONG_2025 = Format(
    "strong",
    "Strong",
    '2025 "Workout #" form',
    ("Workout #", "Date", "Workout Name", "Exercise Name", "Set Order", "Reps"),
    _strong(strong.layout_2025),
    "header",
    any_of=("Weight (kg)", "Weight (lbs)"),
    weight_column=lambda keys: _first_key(keys, "weight(", "weight(kg)"),
    header_unit=lambda keys: _header_unit_by_name(
        keys, (("Weight (kg)", "kg"), ("Weight (lbs)", "lb"), ("Weight (lb)", "lb"))
    ),
)
STRONG_UNIT_COLUMNS = Format(
    "strong",
    "Strong",
    "semicolon form with Weight Unit",
    ("Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps"),
    _strong(lambda _keys: strong.LAYOUT_UNIT_COLUMNS),
    "rows",
    row_unit=_unit_cell("Weight Unit"),
)
STRONG_2016 = Format(
    "strong",
    "Strong",
    "2016 form with kg/km columns",
    ("Date", "Workout Name", "Exercise Name", "Set Order", "Reps"),
    _strong(strong.layout_2016),
    "header",
    any_of=("kg", "lbs"),
    weight_column=lambda keys: "lbs" if "lbs" in keys else "kg",
    header_unit=lambda keys: _header_unit_by_name(keys, (("kg", "kg"), ("lbs", "lb"))),
)
STRONG_NO_UNIT = Format(
    "strong",
    "Strong",
    "comma form without a unit",
    ("Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps"),
    _strong(lambda _keys: strong.LAYOUT_NO_UNIT),
    "none",
)
HEVY = Format(
    "hevy",
    "Hevy",
    "",
    ("title", "start_time", "exercise_title", "set_type", "reps"),
    _plain(hevy.parser),
    "header",
    any_of=("weight_kg", "weight_lbs"),
    weight_column=lambda keys: "weight_lbs" if "weight_lbs" in keys else "weight_kg",
    exercise_column="exercise_title",
    date_column="start_time",
    header_unit=lambda keys: _header_unit_by_name(
        keys, (("weight_kg", "kg"), ("weight_lbs", "lb"))
    ),
)
FITNOTES = Format(
    "fitnotes",
    "FitNotes",
    "",
    ("Date", "Exercise", "Category", "Reps"),
    _plain(fitnotes.parser),
    "rows",
    any_of=("Weight", "Weight (kgs)", "Weight (lbs)", "Weight (kg)"),
    weight_column=lambda keys: _first_key(keys, "weight(", "weight"),
    exercise_column="Exercise",
    row_unit=_fitnotes_row_unit,
    repair=fitnotes.repair,
)
FITBOD = Format(
    "fitbod",
    "Fitbod",
    "",
    ("Date", "Exercise", "Reps", "isWarmup"),
    fitbod.parser,
    "header",
    any_of=("Weight(kg)", "Weight(lbs)"),
    weight_column=lambda keys: fitbod.weight_column(keys)[0],
    exercise_column="Exercise",
    header_unit=lambda keys: _header_unit_by_name(
        keys, (("Weight(kg)", "kg"), ("Weight(lbs)", "lb"))
    ),
    per_day=True,
)
FITBOD_OLD = Format(
    "fitbod",
    "Fitbod",
    "older form with Sets",
    ("Date", "Exercise", "Sets", "Reps", "Weight", "isWarmup"),
    fitbod.parser,
    "none",
    exercise_column="Exercise",
    per_day=True,
)
LIFTLOG = Format(
    "liftlog",
    "liftlog",
    "",
    ("date", "time", "exercise", "order", "kind", "reps", "seconds", "logged_at"),
    _plain(own.parser),
    "own",
    any_of=("weight_kg", "weight"),
    weight_column=_constant("weight_kg"),
    exercise_column="exercise",
    date_column="date",
    row_unit=_unit_cell("unit"),
)

#: Every dialect, in detection order.
DIALECTS: tuple[Format, ...] = (
    LIFTLOG,
    STRONG_2025,
    STRONG_UNIT_COLUMNS,
    STRONG_2016,
    STRONG_NO_UNIT,
    HEVY,
    FITNOTES,
    FITBOD,
    FITBOD_OLD,
)
#: The apps, as `--from` names them, each with its first dialect.
APPS: dict[str, Format] = {}
for _dialect in DIALECTS:
    APPS.setdefault(_dialect.key, _dialect)


def header_keys(header: Sequence[str]) -> Keys:
    return frozenset(column_key(name) for name in header)


def find(header: Sequence[str], app: str | None = None) -> Format | None:
    """The dialect whose columns the header has (of app `app` when given), or None."""
    keys = header_keys(header)
    for dialect in DIALECTS:
        if (app is None or dialect.key == app) and dialect.matches(keys):
            return dialect
    return None


def closest(header: Sequence[str], app: str | None = None) -> Format:
    """The dialect (of app `app` when given) the header lacks the fewest columns of."""
    keys = header_keys(header)
    candidates = [d for d in DIALECTS if app is None or d.key == app]
    # on a tie, a form whose unit is not in a column's name reads more plainly
    return min(candidates, key=lambda d: (len(d.missing(keys)), bool(d.any_of)))
