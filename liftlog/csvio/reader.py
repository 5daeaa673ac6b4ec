"""Opening an export: its delimiter, its dialect, the unit its weights are in, its rows.

`open_export(raw, name, source=, units=, athlete_units=)` reads the header, tells the
dialect (`liftlog.csvio.formats`) and, where the file does not name its unit (or a
Fitbod file needs its days), makes one quick first pass over the rows. It returns an
`ExportFile` whose `rows()` streams `(line, ImportedSet | SkippedRow | RowError)`:
memory stays flat whatever the file's size, and an invalid row is yielded with its
line and why, and reading goes on (the caller lists them, or skips them). Lines are
the ones an editor shows: the header is line 1, a record starts where it starts even
after a note that spans lines.

A file refused as a whole raises `CsvError` with one sentence: empty, not UTF-8,
not CSV, or not a dialect liftlog reads (then it names the delimiter it split the
header at, the columns expected and the ones missing).

The unit (`ExportFile.unit`, `.unit_why`): what the file says (a column's name, the
unit on its rows); for a file that says nothing, `units` (`--units`) when given, else
what its barbell loads show (`liftlog.csvio.loads`), else the athlete's unit. A kg
file whose loads are an app's conversions of pound values is read as pounds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from liftlog.csvio.cells import CellError, CsvError, number, timestamp
from liftlog.csvio.formats import Format, Keys, closest, find, header_keys
from liftlog.csvio.loads import guess_unit, is_barbell_lift
from liftlog.csvio.rows import (
    Columns,
    ImportedSet,
    Row,
    RowError,
    RowParser,
    SkippedRow,
    column_index,
    is_pound_conversion,
    picker,
)
from liftlog.units import KG_PER_LB, Unit

DELIMITERS = {",": "',' (comma)", ";": "';' (semicolon)", "\t": "tab"}
#: Bytes kept in memory when a stream that cannot seek is copied for a second pass.
SPOOL_BYTES = 8 * 1024 * 1024

Item = ImportedSet | SkippedRow | RowError


@dataclass
class ExportFile:
    """An export, opened: what it is, the unit of its weights and why, and its rows."""

    name: str
    format: Format
    delimiter: str
    header: tuple[str, ...]
    unit: Unit
    unit_why: str
    size: int  # bytes
    _raw: BinaryIO = field(repr=False)
    _data_start: int = field(repr=False)
    _parse: RowParser = field(repr=False)

    @property
    def bytes_read(self) -> int:
        """How far `rows()` has read (for a progress bar)."""
        return min(self._raw.tell(), self.size)

    def rows(self) -> Iterator[tuple[int, Item]]:
        """Every row after the header: a set, a row that is not one, or an invalid row.
        Blank lines are left out. Each call reads the file again from the top."""
        columns = column_index(self.header)
        width = len(self.header)
        repair = self.format.repair
        parse = self._parse
        unit = self.unit
        for line, cells in _records(self._raw, self._data_start, self.delimiter, self.name):
            if len(cells) > width:
                fixed = repair(cells, columns, width) if repair is not None else None
                if fixed is None and any(c.strip() for c in cells[width:]):
                    yield (
                        line,
                        RowError(
                            f"{len(cells)} cells but the header has {width}"
                            " (a delimiter inside an unquoted name or note?)"
                        ),
                    )
                    continue
                cells = fixed if fixed is not None else cells[:width]
            # one empty cell past the header: what a column the row lacks reads
            if len(cells) == width:
                cells.append("")
            else:
                cells += [""] * (width + 1 - len(cells))
            try:
                parsed = parse(cells, unit)
            except CellError as exc:
                yield line, RowError(str(exc))
                continue
            if isinstance(parsed, tuple):
                for one in parsed:
                    yield line, one
            else:
                yield line, parsed


def open_export(
    raw: BinaryIO,
    name: str,
    *,
    source: str | None = None,
    units: Unit | None = None,
    athlete_units: Unit = "kg",
) -> ExportFile:
    """Open the export `raw` (called `name` in messages) of app `source` (any dialect
    when None); `units` is `--units`. Raises `CsvError` for a file refused whole."""
    if not raw.seekable():
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        while chunk := raw.read(1 << 16):
            spool.write(chunk)
        raw = spool  # type: ignore[assignment]
    raw.seek(0, io.SEEK_END)
    size = raw.tell()
    raw.seek(0)
    first = raw.readline()
    data_start = raw.tell()
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvError(f"{name} is not UTF-8 text; export it again as CSV (UTF-8).") from None
    if not text.strip():
        raise CsvError(f"{name} is empty: it has no header row, so there is nothing to import.")
    delimiter, header, fmt = _dialect(text, name, source)
    keys = header_keys(header)
    survey = (
        _survey(raw, data_start, delimiter, header, fmt, keys, name)
        if _needs_survey(fmt, keys, units)
        else _Survey()
    )
    unit, why = _unit(fmt, keys, survey, units, athlete_units)
    return ExportFile(
        name=name,
        format=fmt,
        delimiter=delimiter,
        header=tuple(header),
        unit=unit,
        unit_why=why,
        size=size,
        _raw=raw,
        _data_start=data_start,
        _parse=fmt.build(column_index(header), len(header), survey.days),
    )


def _split(text: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([text.rstrip("\r\n")], delimiter=delimiter), [])
    except csv.Error:  # a stray carriage return, a NUL: not a header liftlog reads
        return [text.strip()]


def _dialect(text: str, name: str, source: str | None) -> tuple[str, list[str], Format]:
    """The delimiter, the header's names and the dialect; or the refusal."""
    splits = {d: _split(text, d) for d in DELIMITERS}
    for delimiter, header in splits.items():
        found = find(header, source)
        if found is not None:
            return delimiter, header, found
    delimiter = max(splits, key=lambda d: len(splits[d]))
    header = splits[delimiter]
    shown = ", ".join(repr(c.strip()[:30]) for c in header[:8]) + (", …" if len(header) > 8 else "")
    near = closest(header, source)
    expected = [*near.required, *([" or ".join(near.any_of)] if near.any_of else [])]
    lacks = f"a {near.name} export has {_and(expected)}, and this one lacks " + _and(
        near.missing(header_keys(header))
    )
    seen = f"its header, split at {DELIMITERS[delimiter]}, is {shown}"
    if source is not None:
        elsewhere = next((f for d in DELIMITERS if (f := find(splits[d])) is not None), None)
        seems = f"; it looks like a {elsewhere.name} export" if elsewhere else ""
        raise CsvError(f"{name} is not a {near.label} export: {seen}; {lacks}{seems}.")
    raise CsvError(
        f"{name} is not an export liftlog reads (liftlog, Strong, Hevy, FitNotes or Fitbod):"
        f" {seen}; the nearest, {lacks}."
    )


def _and(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _records(
    raw: BinaryIO, start: int, delimiter: str, name: str
) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, its cells) from `start` on; the header is line 1."""
    raw.seek(start)
    text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    before = 1  # the line the last record ended on
    try:
        for cells in reader:
            if cells and (cells[0].strip() or any(c.strip() for c in cells)):  # blank: no row
                yield before + 1, cells
            before = reader.line_num + 1
    except csv.Error as exc:
        raise CsvError(
            f"{name}, line {before + 1}: {exc}; it is not a CSV file liftlog can read."
        ) from None
    except UnicodeDecodeError:
        raise CsvError(f"{name} is not UTF-8 text; export it again as CSV (UTF-8).") from None
    finally:
        text.detach()  # the caller's stream stays open


@dataclass
class _Survey:
    """What the first pass found."""

    units: Counter[Unit] = field(default_factory=Counter)  # units the rows state
    barbell_loads: Counter[float] = field(default_factory=Counter)  # loads of unstated unit
    kg_cells: int = 0  # nonzero weights in a kilogram column
    pound_conversions: int = 0  # … of which an app's conversion of a pound value
    example: str = ""  # one such conversion, as written
    days: dict[dt.date, tuple[dt.datetime, dt.datetime]] = field(default_factory=dict)


#: The rows read to tell a file's unit (our choice): a file keeps its unit throughout,
#: and 20,000 rows are years of training; a day's times (FitNotes) need every row.
SURVEY_ROWS = 20_000


def _needs_survey(fmt: Format, keys: Keys, units: Unit | None) -> bool:
    if fmt.per_day or fmt.unit_source in ("rows", "own"):
        return True
    if fmt.unit_source == "none":
        return units is None
    header = fmt.header_unit(keys) if fmt.header_unit is not None else None
    return header is not None and header[0] == "kg"  # pound conversions in a kg column


def _survey(
    raw: BinaryIO,
    start: int,
    delimiter: str,
    header: list[str],
    fmt: Format,
    keys: Keys,
    name: str,
) -> _Survey:
    survey = _Survey()
    columns: Columns = column_index(header)
    width = len(header)
    weight = fmt.weight_column(keys)
    fixed = fmt.header_unit(keys) if fmt.header_unit is not None else None
    pick = picker(columns, width, weight, fmt.exercise_column, fmt.date_column)
    days = survey.days
    for seen, (_line, cells) in enumerate(_records(raw, start, delimiter, name)):
        if seen >= SURVEY_ROWS and not fmt.per_day:
            break  # the unit is as plain in the first rows as in the whole file
        if len(cells) > width and fmt.repair is not None:
            cells = fmt.repair(cells, columns, width) or cells
        cells += [""] * (width + 1 - len(cells))
        cell, exercise, date = pick(cells)
        if fmt.per_day:
            try:
                moment = timestamp(date, fmt.date_column)
            except CellError:
                pass
            else:
                first, last = days.get(moment.date(), (moment, moment))
                days[moment.date()] = (min(first, moment), max(last, moment))
        try:
            load = number(cell, weight)
        except CellError:
            continue
        if not load:
            continue
        if fmt.unit_source in ("rows", "own"):
            stated = fmt.row_unit(Row(columns, cells))
            if stated is not None:
                survey.units[stated] += 1
        elif fmt.unit_source == "none":
            if is_barbell_lift(exercise):
                survey.barbell_loads[load] += 1
        elif fixed is not None and fixed[0] == "kg":
            survey.kg_cells += 1
            if is_pound_conversion(cell):
                survey.pound_conversions += 1
                survey.example = survey.example or cell.strip()
    return survey


def _unit(
    fmt: Format, keys: Keys, survey: _Survey, units: Unit | None, athlete_units: Unit
) -> tuple[Unit, str]:
    """The unit weights are read in, and why (a clause for the summary)."""
    ignored = f"; --units {units} is only for a file that names no unit" if units else ""
    if fmt.unit_source == "own":
        unit = survey.units.most_common(1)[0][0] if survey.units else athlete_units
        return unit, f"the file is liftlog's, in kg, written for an athlete in {unit}"
    if fmt.unit_source == "header" and fmt.header_unit is not None:
        unit, column = fmt.header_unit(keys)
        if unit == "kg" and survey.pound_conversions * 2 > survey.kg_cells:
            pounds = round(float(survey.example) / KG_PER_LB, 2)
            return "lb", (
                f"the file gives kilograms ({column}), but they are pounds the app converted"
                f" ({survey.example} kg is {pounds:g} lb)"
            )
        return unit, f"the file says {_unit_word(unit)} (its {column} column){ignored}"
    if fmt.unit_source == "rows" and survey.units:
        (unit, count), *others = survey.units.most_common()
        if not others:
            return unit, f"the file says {_unit_word(unit)} on its rows{ignored}"
        total = sum(survey.units.values())
        return unit, (
            f"the file says {_unit_word(unit)} on {count} of its {total} weighted rows"
            f" (each row is read in its own unit){ignored}"
        )
    if units is not None:
        return units, f"--units {units}"
    if fmt.unit_source == "none":
        guess = guess_unit(survey.barbell_loads)
        if guess.unit is not None:
            return guess.unit, f"the file names no unit, and its {guess.why}"
        return athlete_units, (
            f"the file names no unit and {guess.why}, so they are read in your unit"
            f" ({athlete_units}; for the other, --units)"
        )
    return (
        athlete_units,
        f"the file names no unit, so weights are read in your unit ({athlete_units})",
    )


def _unit_word(unit: Unit) -> str:
    return "kilograms" if unit == "kg" else "pounds"
