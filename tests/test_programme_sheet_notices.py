"""What a programme sheet holds that the guide cannot load is said, never lost in silence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from guide.cli import main
from guide.content.loader import load_pack


def _write(path: Path, rows: list[list[Any]]) -> None:
    if path.suffix == ".csv":
        path.write_text("".join(",".join("" if v is None else str(v) for v in row) + "\n"
                                for row in rows), encoding="utf-8")
        return
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
            rows: list[list[Any]]) -> tuple[int, str, Path, dict[str, Any]]:
    source, out, report = tmp_path / name, tmp_path / "pack", tmp_path / "report.json"
    _write(source, rows)
    code = main(["import", str(source), "--out", str(out), "--report", str(report),
                 "--timezone", "Asia/Shanghai"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err, out, json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}


@pytest.mark.parametrize("name", ["s.csv", "s.xlsx"])
def test_a_column_the_guide_does_not_read_is_named_and_the_rest_loads(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """An organiser's own column ("Speaker") or a mistyped header ("Tittle") lost its cells unsaid."""
    # Headers the template accepts in either language are known; a blank header over an empty
    # column (G) is nobody's column.
    code, err, out, report = _import(tmp_path, capsys, name, [
        ["编号", "Title", "日期 Date", "开始", "End", "Speaker", None, "地点 Room", "Tittle"],
        ["S1", "Opening", "2023-05-25", "09:00", "10:00", "Li Wei", None, "Hall A", "Opening!"],
    ])
    assert code == 0, err
    (forum,) = load_pack(out).of("forum")
    assert (forum.guid, forum.title) == ("S1", "Opening")
    notices = [('column F', '"Speaker" is not a column the guide reads; its cells were not loaded'),
               ('column I', '"Tittle" is not a column the guide reads; its cells were not loaded')]
    assert [(s["where"], s["reason"]) for s in report["skipped"]] == notices
    for where, reason in notices:
        assert f"skipped: {where}: {reason}" in err


def test_a_sheet_of_the_templates_columns_has_no_notice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, _out, report = _import(tmp_path, capsys, "s.xlsx", [
        ["编号 ID", "标题", "Title", "日期 Date", "开始 Start", "结束 End", "嘉宾", None, None],
        ["S1", "开幕式", "Opening", "2023-05-25", "09:00", "10:00", "李伟"],
    ])
    assert code == 0, err
    assert report["skipped"] == [] and "skipped:" not in err
