"""read_paths: one entry point for files, folders and zips; bad files cost one line each."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from liftlog.runs import read as read_module
from liftlog.runs.read import read_paths
from tests.unit.runs.runs_support import T0, Activity, fit_file, gpx_file, gz, tcx_file

DAY = timedelta(days=1)


def _mixed_folder(folder: Path) -> Path:
    """Three runs in three formats, a ride, a corrupt FIT and files that are not activities."""
    folder.mkdir()
    (folder / "a.fit").write_bytes(fit_file(Activity()))
    (folder / "b.gpx.gz").write_bytes(gz(gpx_file(Activity(start=T0 + DAY))))
    (folder / "sub").mkdir()
    (folder / "sub" / "c.TCX").write_bytes(tcx_file(Activity(start=T0 + 2 * DAY)))
    (folder / "ride.fit").write_bytes(fit_file(Activity(start=T0 + 3 * DAY, sport="cycling")))
    (folder / "broken.fit").write_bytes(fit_file(Activity(start=T0 + 4 * DAY))[:300])
    (folder / "notes.txt").write_text("not an activity")
    (folder / ".hidden.fit").write_bytes(b"ignored")
    return folder


def test_a_folder_reads_every_format_skips_the_broken_and_counts_the_rest(tmp_path: Path) -> None:
    result = read_paths([_mixed_folder(tmp_path / "acts")])
    assert [r.source_format for r in result.runs] == ["fit", "gpx", "tcx"]
    assert [r.start for r in result.runs] == [T0, T0 + DAY, T0 + 2 * DAY]
    assert result.not_runs == {"cycling": 1}
    [skip] = result.skipped
    assert skip.name == str(tmp_path / "acts" / "broken.fit")
    assert skip.why == "is cut short (the file ends before its data does)"
    assert result.warnings == ()


def test_progress_counts_every_activity_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    read_paths([_mixed_folder(tmp_path / "acts")], progress=lambda d, t: calls.append((d, t)))
    assert calls == [(n, 5) for n in range(6)]


def test_files_named_directly_say_what_is_wrong_with_them(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "ok.fit").write_bytes(fit_file(Activity()))
    result = read_paths([tmp_path / "missing.fit", tmp_path / "notes.txt", tmp_path / "ok.fit"])
    assert len(result.runs) == 1
    assert [(Path(s.name).name, s.why) for s in result.skipped] == [
        ("missing.fit", "does not exist"),
        ("notes.txt", "is not a FIT, GPX or TCX file, nor a Strava export"),
    ]


def test_a_zip_of_activity_files_and_a_zip_inside_it_are_read(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("UploadedFiles/2.fit", fit_file(Activity(start=T0 + DAY)))
    outer = tmp_path / "garmin_export.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.writestr("1.fit", fit_file(Activity()))
        archive.writestr("DI_CONNECT/UploadedFiles_Part1.zip", inner.getvalue())
        archive.writestr("__MACOSX/._1.fit", b"resource fork")
    result = read_paths([outer])
    assert [r.start for r in result.runs] == [T0, T0 + DAY]
    assert (
        result.runs[1].source == f"{outer}:DI_CONNECT/UploadedFiles_Part1.zip:UploadedFiles/2.fit"
    )
    assert result.skipped == ()


def test_a_file_that_is_not_a_zip_says_so(tmp_path: Path) -> None:
    (tmp_path / "export.zip").write_bytes(b"PK but not really")
    [skip] = read_paths([tmp_path / "export.zip"]).skipped
    assert skip.why == "is not a readable zip file"


def test_a_broken_gzip_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.fit.gz").write_bytes(gz(fit_file(Activity()))[:40])
    (tmp_path / "b.fit.gz").write_bytes(b"not gzip")
    result = read_paths([tmp_path / "a.fit.gz", tmp_path / "b.fit.gz"])
    assert [s.why for s in result.skipped] == [
        "is a cut-short gzip file",
        "is not a readable gzip file",
    ]


def test_a_file_too_large_once_decompressed_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read_module, "MAX_FILE_BYTES", 1000)
    (tmp_path / "bomb.fit.gz").write_bytes(gz(b"\0" * 5000))
    (tmp_path / "big.fit").write_bytes(b"\0" * 5000)
    result = read_paths([tmp_path / "bomb.fit.gz", tmp_path / "big.fit"])
    assert [s.why for s in result.skipped] == [
        "is too large once decompressed",
        "is too large to be an activity file",
    ]


def test_the_same_file_given_twice_is_one_run(tmp_path: Path) -> None:
    (tmp_path / "a.fit").write_bytes(fit_file(Activity()))
    result = read_paths([tmp_path / "a.fit", tmp_path / "a.fit"])
    assert len(result.runs) == 1
    assert result.merged == 1


def test_a_gpx_without_a_sport_is_a_run_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.gpx").write_bytes(gpx_file(Activity(), sport=None))
    result = read_paths([tmp_path / "a.gpx"])
    assert len(result.runs) == 1
    [warning] = result.warnings
    assert warning.why == "names no sport; read as a run"


def test_an_unreadable_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod stops nobody when the tests run as root, so the refusal is the OS's error itself
    (tmp_path / "locked.fit").write_bytes(fit_file(Activity()))
    (tmp_path / "ok.fit").write_bytes(fit_file(Activity(start=T0 + DAY)))
    real_read = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "locked.fit":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = read_paths([tmp_path])
    assert len(result.runs) == 1
    [skip] = result.skipped
    assert (Path(skip.name).name, skip.why) == (
        "locked.fit",
        "could not be read (Permission denied)",
    )


def test_a_folder_linking_back_to_itself_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "acts").mkdir()
    (tmp_path / "acts" / "a.fit").write_bytes(fit_file(Activity()))
    (tmp_path / "acts" / "loop").symlink_to(tmp_path / "acts", target_is_directory=True)
    result = read_paths([tmp_path / "acts"])
    assert len(result.runs) == 1
    assert result.merged == 0
