"""Organisers' habits in a programme sheet: a second day's block pasted with its header, times
typed with a dot or no separator, a workbook of old Mac Excel, a file saved as "-v2"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from guide.cli import main
from guide.content.loader import load_pack
from tests.support import write_rows

HEADER = ["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End", "地点 Room"]


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str],
            source: Path) -> tuple[int, str, dict[str, Any]]:
    out, report = tmp_path / "pack", tmp_path / "report.json"
    code = main(["import", str(source), "--out", str(out), "--report", str(report),
                 "--timezone", "Asia/Shanghai"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err, json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}


def _starts(tmp_path: Path) -> dict[str, str]:
    """Each session's title -> its start, as the pack has it."""
    return {f.title: f.start.isoformat() if f.start else "" for f in load_pack(tmp_path / "pack").of("forum")}


@pytest.mark.parametrize("name", ["programme.csv", "programme.xlsx"])
def test_a_second_days_block_pasted_with_its_header_is_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """The organiser pasted day 2 under day 1, its header row with it: the sheet was refused
    ("'日期 Date' is not a date", "'开始 Start' is not a time") for a row that is no session."""
    write_rows(tmp_path / name, [
        HEADER,
        ["D1-1", "开幕式", "2023-05-25", "09:00", "10:00", "主会场"],
        ["D1-2", "主论坛", "2023-05-25", "10:30", "12:00", "主会场"],
        [],
        ["编号", "标题", "日期", "开始", "结束", "地点"],  # the second block's header, in Chinese only
        ["D2-1", "人工智能分论坛", "2023-05-26", "09:00", "11:30", "A厅"],
    ])
    code, err, report = _import(tmp_path, capsys, tmp_path / name)
    assert code == 0, err
    assert _starts(tmp_path) == {"开幕式": "2023-05-25T09:00:00+08:00",
                                 "主论坛": "2023-05-25T10:30:00+08:00",
                                 "人工智能分论坛": "2023-05-26T09:00:00+08:00"}
    notice = ("row 5: repeats the header (row 1), as a block of sessions pasted under another with "
              "its header does: skipped, not read as a session; the sessions under it were read")
    assert f"note: {notice}" in err
    assert [n["where"] for n in report["notices"]] == ["row 5"] and report["skipped"] == []


def test_a_header_pasted_with_its_columns_in_other_places_is_refused_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Day 2's block had its columns in another order: read in row 1's columns, its dates
    would be titles; the row is named, not each of its cells."""
    write_rows(tmp_path / "p.csv", [
        ["标题 Title", "日期 Date", "开始 Start"], ["开幕式", "2023-05-25", "09:00"],
        ["日期 Date", "标题 Title", "开始 Start"], ["2023-05-26", "分论坛", "10:00"],
    ])
    code, err, _report = _import(tmp_path, capsys, tmp_path / "p.csv")
    assert code == 2
    assert ("p.csv: row 3 is a header row again, with its columns in other places than the header "
            "of row 1: the rows under it would be read in row 1's columns; give them row 1's "
            "columns, or put them on a sheet of their own") in err
    assert "is not a date" not in err
