"""Reading a CSV export: its text, header, delimiter and format, and its records.

Pure (no database): the service (`liftlog.service.transfer`) feeds what this reads,
row by row through the format's parser (`liftlog.csvio.formats`), to the store's
import writer inside one transaction.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from liftlog.csvio.cells import CsvError
from liftlog.csvio.formats import FORMATS, Format, detect


def records(text: io.TextIOWrapper, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, its cells); the header is line 1."""
    reader = csv.reader(text, delimiter=delimiter)
    before = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvError(f"line {before + 1}: {exc}; nothing was imported.") from None
        yield before + 1, cells
        before = reader.line_num + 1


def open_text(raw: BinaryIO, name: str) -> tuple[io.TextIOWrapper, list[str], str]:
    """The file as text (a byte-order mark is dropped), its header and its delimiter."""
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    try:
        first = text.readline()
    except UnicodeDecodeError:
        raise CsvError(f"{name} is not UTF-8 text; export it again as CSV (UTF-8).") from None
    if not first.strip():
        raise CsvError(f"{name} is empty: it has no header row, so there is nothing to import.")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    return text, header, delimiter


def find_format(header: list[str], wanted: str | None, name: str) -> Format:
    found = detect(header)
    if wanted is not None:
        expected = FORMATS[wanted]
        if found is None or found.key != wanted:
            seems = f"; it looks like a {found.label} export" if found else ""
            raise CsvError(f"{name} is not a {expected.label} export{seems}.")
        return expected
    if found is None:
        shown = ",".join(header)[:80]
        raise CsvError(
            f"{name} is not a liftlog, Strong, Hevy or FitNotes export (its header is {shown!r})."
        )
    return found
