"""A Strava bulk export in: activities.csv with its files, as a folder, a zip or the CSV."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liftlog.runs.read import read_paths
from liftlog.runs.record import ReadResult, RunRecord
from liftlog.runs.strava import parse_date
from tests.unit.runs.runs_support import (
    OLD_STRAVA_HEADER,
    STRAVA_HEADER,
    T0,
    Activity,
    StravaActivity,
    fit_file,
    gpx_file,
    gz,
    strava_csv,
    tcx_file,
    write_export,
    zip_folder,
)

DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("Mar 5, 2027, 6:30:00 AM", datetime(2027, 3, 5, 6, 30, tzinfo=UTC)),
        ("Mar 5, 2027, 12:05:09 AM", datetime(2027, 3, 5, 0, 5, 9, tzinfo=UTC)),
        ("Dec 31, 2026, 12:00:00 PM", datetime(2026, 12, 31, 12, 0, tzinfo=UTC)),
        ("Sep 14, 2026, 11:59:59 PM", datetime(2026, 9, 14, 23, 59, 59, tzinfo=UTC)),
        ("2019-03-05 06:30:00", datetime(2019, 3, 5, 6, 30, tzinfo=UTC)),
    ],
)
def test_activity_dates_are_read_as_utc(text: str, moment: datetime) -> None:
    assert parse_date(text) == moment


def _export_rows() -> list[StravaActivity]:
    fit_run = Activity(start=T0, aerobic_te=3.8, anaerobic_te=2.1)
    gpx_run = Activity(start=T0 + DAY, elapsed_s=2400, timer_s=2300, distance_m=6000)
    tcx_run = Activity(start=T0 + 2 * DAY, elapsed_s=3500, timer_s=3500)
    return [
        StravaActivity(101, fit_run, name="Intervals", relative_effort=120,
                       filename="activities/101.fit.gz", file_bytes=gz(fit_file(fit_run))),
        # a GPX run Strava saw no heart rate in: its file (the same GPS points) is not read
        StravaActivity(102, gpx_run, type="Trail Run", name="Hills", csv_heart_rate=False,
                       filename="activities/102.gpx.gz", file_bytes=gz(gpx_file(gpx_run))),
        StravaActivity(103, tcx_run, name="Long", relative_effort=None,
                       filename="activities/103.tcx.gz", file_bytes=gz(tcx_file(tcx_run))),
        StravaActivity(104, Activity(start=T0 + 3 * DAY), type="Ride", name="Commute",
                       filename="activities/104.fit.gz", file_bytes=b"never read"),
        StravaActivity(105, Activity(start=T0 + 4 * DAY), type="Swim", name="Pool"),
        StravaActivity(106, Activity(start=T0 + 5 * DAY, elapsed_s=1800), type="Virtual Run",
                       name="Zwift", relative_effort=None),  # a manual/virtual entry, no file
        # the file is missing from the export: the run stands on its row
        StravaActivity(107, Activity(start=T0 + 6 * DAY), filename="activities/107.fit.gz"),
        # the file is broken: the run stands on its row, with a warning
        StravaActivity(108, Activity(start=T0 + 7 * DAY), filename="activities/108.fit.gz",
                       file_bytes=gz(b"garbage")[:10]),
    ]  # fmt: skip


def _check_export(result: ReadResult) -> None:
    by_id = {run.source_id: run for run in result.runs}
    assert list(by_id) == [f"strava:{i}" for i in (101, 102, 103, 106, 107, 108)]
    assert result.not_runs == {"cycling": 1, "swimming": 1}
    assert result.skipped == ()
    assert result.merged == 0

    fit_run = by_id["strava:101"]
    assert (fit_run.name, fit_run.relative_effort) == ("Intervals", 120)
    assert (fit_run.aerobic_te, fit_run.anaerobic_te) == (3.8, 2.1)  # from the FIT file
    assert fit_run.start_local is not None and fit_run.start_local.utcoffset() == timedelta(hours=1)
    assert (fit_run.start, fit_run.elapsed_s, fit_run.timer_s) == (T0, 3600.0, 3500.0)
    assert (fit_run.distance_m, fit_run.avg_hr, fit_run.max_hr) == (10_000.0, 150, 172)
    assert fit_run.source.endswith("activities/101.fit.gz")
    assert fit_run.source_format == "strava"

    gpx_run = by_id["strava:102"]
    assert (gpx_run.sport, gpx_run.sub_sport, gpx_run.name) == ("running", "trail", "Hills")
    assert (gpx_run.avg_hr, gpx_run.max_hr) == (None, None)
    assert gpx_run.timer_s == 2300.0
    assert gpx_run.relative_effort == 64
    assert gpx_run.source.endswith("activities.csv")  # the row alone

    tcx_run = by_id["strava:103"]
    assert tcx_run.relative_effort is None
    assert tcx_run.avg_hr == 150  # the row's own; the TCX file was not needed

    virtual = by_id["strava:106"]
    assert (virtual.sub_sport, virtual.elapsed_s, virtual.distance_m) == (
        "virtual_activity",
        1800.0,
        10_000.0,  # the SI Distance column, in metres
    )
    assert virtual.aerobic_te is None

    for missing in ("strava:107", "strava:108"):
        assert by_id[missing].elapsed_s == 3600.0
    warned = {w.name.rsplit("/", 1)[-1]: w.why for w in result.warnings}
    assert set(warned) == {"107.fit.gz", "108.fit.gz"}
    assert "is not in the export" in warned["107.fit.gz"]
    assert "read from activities.csv alone" in warned["108.fit.gz"]


def test_an_export_folder_reads_every_run_with_its_file(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export_1234", _export_rows())
    _check_export(read_paths([folder]))


def test_the_exports_zip_reads_the_same(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export", _export_rows())
    archive = zip_folder(folder, tmp_path / "export_1234.zip")
    result = read_paths([archive])
    _check_export(result)
    assert result.runs[0].source.startswith(f"{archive}:")


def test_a_zip_with_the_export_in_a_folder_reads_the_same(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export", _export_rows())
    _check_export(read_paths([zip_folder(folder, tmp_path / "e.zip", inside="export_1234/")]))


def test_activities_csv_given_alone_finds_its_files_beside_it(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export", _export_rows())
    _check_export(read_paths([folder / "activities.csv"]))


def test_a_folder_holding_the_export_reads_it_once(tmp_path: Path) -> None:
    write_export(tmp_path / "downloads" / "export_1234", _export_rows())
    result = read_paths([tmp_path / "downloads"])
    assert len(result.runs) == 6
    assert result.merged == 0  # the activities/ files were not read a second time


def test_an_old_export_without_heart_rate_columns_reads_gpx_and_tcx_files_for_it(
    tmp_path: Path,
) -> None:
    gpx_run = Activity(start=T0, elapsed_s=2400, timer_s=2300)
    tcx_run = Activity(start=T0 + DAY)
    tcx_bytes = gz(tcx_file(tcx_run))
    rows = [
        StravaActivity(1, gpx_run, filename="activities/1.gpx", file_bytes=gpx_file(gpx_run)),
        StravaActivity(2, tcx_run, filename="activities/2.tcx.gz", file_bytes=tcx_bytes),
    ]
    result = read_paths([write_export(tmp_path / "old", rows, OLD_STRAVA_HEADER)])
    gpx, tcx = result.runs
    assert (gpx.avg_hr, gpx.max_hr, gpx.name) == (150, 155, "Morning Run")
    assert gpx.distance_m == pytest.approx(10_000.0)  # the row's km, not the GPS track's
    assert gpx.source.endswith("activities/1.gpx")
    assert (tcx.avg_hr, tcx.max_hr, tcx.timer_s) == (150, 172, 3500.0)
    assert tcx.relative_effort is None


def test_an_old_export_with_one_distance_column_is_in_km(tmp_path: Path) -> None:
    header = ["Activity ID", "Activity Date", "Activity Name", "Activity Type",
              "Activity Description", "Elapsed Time", "Distance", "Commute", "Activity Gear",
              "Filename"]  # fmt: skip
    csv_path = tmp_path / "activities.csv"
    csv_path.write_text(
        ",".join(header) + '\n7,"Mar 1, 2027, 6:30:00 AM",Old run,Run,,2700,8.42,false,,\n'
    )
    [run] = read_paths([csv_path]).runs
    assert (run.elapsed_s, run.avg_hr) == (2700.0, None)
    assert run.distance_m == pytest.approx(8420.0)


def test_a_bad_row_costs_one_line_and_the_rest_read(tmp_path: Path) -> None:
    rows = [StravaActivity(1, Activity()), StravaActivity(2, Activity(start=T0 + DAY))]
    text = strava_csv(rows).decode().replace("Mar 2, 2027", "Someday")
    (tmp_path / "activities.csv").write_text(text)
    result = read_paths([tmp_path / "activities.csv"])
    assert [r.source_id for r in result.runs] == ["strava:1"]
    [skip] = result.skipped
    assert skip.name.endswith("activities.csv line 3 (activity 2)")
    assert skip.why == "Activity Date 'Someday, 6:30:00 AM' is not a date"


def test_a_csv_that_is_not_stravas_says_so(tmp_path: Path) -> None:
    german = ["Aktivitäts-ID", "Aktivitätsdatum", "Aktivitätsart"]
    (tmp_path / "activities.csv").write_text(",".join(german) + "\n1,2,3\n")
    result = read_paths([tmp_path / "activities.csv"])
    assert result.runs == ()
    [skip] = result.skipped
    assert "not Strava's activities.csv" in skip.why
    assert "in English" in skip.why


def test_the_header_of_the_builder_is_a_real_exports() -> None:
    # guards the fixture itself: the repeated names are what the reader must cope with
    assert STRAVA_HEADER.count("Distance") == 2
    assert STRAVA_HEADER.count("Elapsed Time") == 2


def test_a_strava_copy_and_the_watchs_file_are_one_run(tmp_path: Path) -> None:
    run = Activity(aerobic_te=3.9)
    write_export(tmp_path / "export", [StravaActivity(9, run, relative_effort=150)])
    (tmp_path / "watch").mkdir()
    # the same run as the watch's own FIT, and as a GPX that starts at the first GPS fix
    (tmp_path / "watch" / "run.fit").write_bytes(fit_file(run))
    late = dataclasses.replace(run, start=T0 + timedelta(seconds=40), elapsed_s=3560)
    (tmp_path / "watch" / "run.gpx").write_bytes(gpx_file(late))
    result = read_paths([tmp_path / "export", tmp_path / "watch"])
    [merged] = result.runs
    assert result.merged == 2
    assert isinstance(merged, RunRecord)
    assert (merged.aerobic_te, merged.relative_effort) == (3.9, 150)
    assert merged.source_format == "fit"  # the device's file is kept whole
