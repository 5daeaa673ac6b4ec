"""`read_paths`: files, folders, zips and Strava exports in; each run once out.

A path may be
- an activity file: `.fit`, `.gpx`, `.tcx`, each maybe gzip'd (`.fit.gz`);
- a Strava export: its folder, its `.zip`, or its `activities.csv` (files are found
  beside it);
- any other folder or zip: every activity file in it (a zip inside a zip too, as in
  Garmin Connect's data export), except that a folder holding an `activities.csv` is
  read as the Strava export it is.

Nothing is extracted to disk; each file is read into memory alone, and refused when it
(or what it decompresses to) is larger than `MAX_FILE_BYTES`. A file that cannot be
read costs one `Skipped` line, never the others. `progress(done, total)` is called
after each activity (a file, or a row of activities.csv).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from liftlog.runs import strava
from liftlog.runs.dedupe import dedupe
from liftlog.runs.fit_read import read_fit
from liftlog.runs.record import ReadResult, RunFileError, RunRecord, Skipped
from liftlog.runs.xml_read import read_gpx, read_tcx

MAX_FILE_BYTES = 256 * 1024 * 1024  # far above any real activity; stops a zip bomb
MAX_NESTED_ZIP_BYTES = 2 * 1024 * 1024 * 1024
ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx")
STRAVA_CSV = "activities.csv"

Progress = Callable[[int, int], None]
Loader = Callable[[], bytes]


@dataclass(frozen=True, slots=True)
class _File:
    """One activity file to read: its name as shown, and how to get its bytes."""

    name: str
    load: Loader


@dataclass(frozen=True, slots=True)
class _Row:
    """One row of a Strava activities.csv, and its file when the row needs it."""

    row: strava.StravaRow
    file: _File | None


_Item = _File | _Row


def _format(name: str) -> str | None:
    lowered = name.lower().removesuffix(".gz")
    for suffix in ACTIVITY_SUFFIXES:
        if lowered.endswith(suffix):
            return suffix[1:]
    return None


def _ungzip(data: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_FILE_BYTES + 1)
    except zlib.error:
        raise RunFileError("is not a readable gzip file") from None
    if len(out) > MAX_FILE_BYTES:
        raise RunFileError("is too large once decompressed")
    if not inflater.eof:
        raise RunFileError("is a cut-short gzip file")
    return out


def read_activity(name: str, data: bytes) -> tuple[list[RunRecord], list[Skipped]]:
    """The records of one activity file (by its name's suffix), and warnings about it."""
    if name.lower().endswith(".gz"):
        data = _ungzip(data)
    kind = _format(name)
    if kind == "fit":
        return read_fit(data, name), []
    if kind == "tcx":
        return read_tcx(data, name), []
    if kind == "gpx":
        records, said_sport = read_gpx(data, name)
        warnings = [] if said_sport else [Skipped(name, "names no sport; read as a run")]
        return records, warnings
    raise RunFileError("is not a FIT, GPX or TCX file")


def _disk_loader(path: Path) -> Loader:
    def load() -> bytes:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RunFileError("is too large to be an activity file")
        return path.read_bytes()

    return load


def _zip_loader(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Loader:
    def load() -> bytes:
        if member.file_size > MAX_FILE_BYTES:
            raise RunFileError("is too large to be an activity file")
        with archive.open(member) as handle:
            return handle.read(MAX_FILE_BYTES + 1)

    return load


def _hidden(name: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(name).parts)


class _Lister:
    """Turns the paths given into items to read, noting what cannot be read at all."""

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.skipped: list[Skipped] = []
        self._zips: list[zipfile.ZipFile] = []

    def close(self) -> None:
        for archive in self._zips:
            archive.close()

    def path(self, path: Path) -> None:
        name = str(path)
        try:
            if path.is_dir():
                self._folder(path)
            elif not path.exists():
                self.skipped.append(Skipped(name, "does not exist"))
            elif path.name.lower().endswith(".zip"):
                self._zip(name, path)
            elif path.suffix.lower() == ".csv":
                self._strava_csv(name, path.read_bytes(), lambda f: self._beside(path, f))
            elif _format(path.name) is None:
                self.skipped.append(
                    Skipped(name, "is not a FIT, GPX or TCX file, nor a Strava export")
                )
            else:
                self.items.append(_File(name, _disk_loader(path)))
        except OSError as error:
            self.skipped.append(Skipped(name, f"could not be read ({error.strerror or error})"))

    def _beside(self, csv_path: Path, filename: str) -> _File:
        target = csv_path.parent / filename
        return _File(str(target), _disk_loader(target))

    def _folder(self, folder: Path) -> None:
        if (folder / STRAVA_CSV).is_file():
            export_csv = folder / STRAVA_CSV
            self._strava_csv(
                str(export_csv), export_csv.read_bytes(), lambda f: self._beside(export_csv, f)
            )
            return
        for child in sorted(folder.iterdir()):
            if child.name.startswith("."):
                continue
            if child.is_dir() and not child.is_symlink():  # a link back up would loop
                self._folder(child)
            elif child.name.lower().endswith(".zip"):
                self._zip(str(child), child)
            elif _format(child.name) is not None:
                self.items.append(_File(str(child), _disk_loader(child)))

    def _zip(self, name: str, source: Path | io.BytesIO, nested: bool = False) -> None:
        try:
            archive = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError):
            self.skipped.append(Skipped(name, "is not a readable zip file"))
            return
        self._zips.append(archive)
        members = [m for m in archive.infolist() if not m.is_dir() and not _hidden(m.filename)]
        csvs = [m for m in members if PurePosixPath(m.filename).name.lower() == STRAVA_CSV]
        if csvs:
            found = min(csvs, key=lambda m: m.filename.count("/"))
            prefix = PurePosixPath(found.filename).parent
            by_name = {m.filename: m for m in members}

            def member_file(filename: str) -> _File:
                member_name = str(prefix / filename) if str(prefix) != "." else filename
                member = by_name.get(member_name)
                if member is None:
                    return _File(f"{name}:{member_name}", _missing)
                return _File(f"{name}:{member_name}", _zip_loader(archive, member))

            data = _zip_loader(archive, found)()
            self._strava_csv(f"{name}:{found.filename}", data, member_file)
            return
        for member in members:
            member_name = f"{name}:{member.filename}"
            if member.filename.lower().endswith(".zip") and not nested:
                if member.file_size > MAX_NESTED_ZIP_BYTES:
                    self.skipped.append(Skipped(member_name, "is too large a zip to open"))
                    continue
                with archive.open(member) as handle:
                    self._zip(member_name, io.BytesIO(handle.read()), nested=True)
            elif _format(member.filename) is not None:
                self.items.append(_File(member_name, _zip_loader(archive, member)))

    def _strava_csv(self, name: str, data: bytes, file_for: Callable[[str], _File]) -> None:
        try:
            for row in strava.rows(data, name):
                if isinstance(row, Skipped):
                    self.skipped.append(row)
                else:
                    wanted = file_for(row.filename) if strava.needs_file(row) else None
                    self.items.append(_Row(row, wanted))
        except RunFileError as error:
            self.skipped.append(Skipped(name, str(error)))


def _missing() -> bytes:
    raise FileNotFoundError


def _read_item(item: _Item) -> tuple[list[RunRecord], list[Skipped]]:
    """Read one item; raises on a file that cannot be read (the caller says which)."""
    if isinstance(item, _File):
        return read_activity(item.name, item.load())
    record = item.row.record
    if item.file is None:
        return [record], []
    try:
        from_file, warnings = read_activity(item.file.name, item.file.load())
    except FileNotFoundError:
        why = f"is not in the export; run {record.source_id} read from activities.csv alone"
        return [record], [Skipped(item.file.name, why)]
    except Exception as error:  # the row still stands; the file only added detail
        why = f"{_why(error)}; run {record.source_id} read from activities.csv alone"
        return [record], [Skipped(item.file.name, why)]
    if len(from_file) != 1:
        return [record], []
    return [strava.combine(item.row, from_file[0], item.file.name)], warnings


def _why(error: Exception) -> str:
    if isinstance(error, RunFileError):
        return str(error)
    if isinstance(error, OSError):
        return f"could not be read ({error.strerror or error})"
    # Anything else came out of a parser meeting bytes it did not expect.
    return f"could not be read ({type(error).__name__}: {error})"


def read_paths(paths: Iterable[str | Path], progress: Progress | None = None) -> ReadResult:
    """Read every activity under `paths` (see the module docstring) into a `ReadResult`."""
    lister = _Lister()
    try:
        for path in paths:
            lister.path(Path(path))
        records: list[RunRecord] = []
        skipped = list(lister.skipped)
        warnings: list[Skipped] = []
        total = len(lister.items)
        if progress is not None:
            progress(0, total)
        for done, item in enumerate(lister.items, start=1):
            try:
                found, notes = _read_item(item)
            except Exception as error:  # one bad file never stops the others
                name = item.name if isinstance(item, _File) else item.row.record.source
                skipped.append(Skipped(name, _why(error)))
            else:
                records.extend(found)
                warnings.extend(notes)
            if progress is not None:
                progress(done, total)
    finally:
        lister.close()
    result = dedupe(records)
    runs = tuple(r for r in result.records if r.is_run)
    not_runs = Counter(r.sport for r in result.records if not r.is_run)
    return ReadResult(
        runs=runs,
        skipped=tuple(skipped),
        not_runs=dict(sorted(not_runs.items())),
        warnings=tuple(warnings),
        merged=result.merged,
    )
