"""What a programme sheet holds that the guide cannot load is said, never lost in silence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from guide.cli import main
from guide.content.loader import load_pack
from tests.support import import_schedule, write_rows


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
            rows: list[list[Any]]) -> tuple[int, str, Path, dict[str, Any]]:
    write_rows(tmp_path / name, rows)
    return _import_file(tmp_path, capsys, tmp_path / name)


def _import_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                 source: Path) -> tuple[int, str, Path, dict[str, Any]]:
    done = import_schedule(tmp_path, source, capsys=capsys)
    return done.code, done.err, done.pack, done.report


@pytest.mark.parametrize("name", ["s.csv", "s.xlsx"])
def test_a_column_the_guide_does_not_read_is_named_and_the_rest_loads(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """An organiser's own column ("Notes") or a mistyped header ("Tittle") lost its cells unsaid."""
    # Headers the template accepts in either language are known; a blank header over an empty
    # column (G) is nobody's column.
    code, err, out, report = _import(tmp_path, capsys, name, [
        ["编号", "Title", "日期 Date", "开始", "End", "Notes", None, "地点 Room", "Tittle"],
        ["S1", "Opening", "2023-05-25", "09:00", "10:00", "bring cards", None, "Hall A", "Opening!"],
    ])
    assert code == 0, err
    (forum,) = load_pack(out).of("forum")
    assert (forum.guid, forum.title) == ("S1", "Opening")
    notices = [('column F', '"Notes" is not a column the guide reads; its cells were not loaded'),
               ('column I', '"Tittle" is not a column the guide reads; its cells were not loaded')]
    # Counted and named as columns: "imported 1 sessions …; 2 skipped" read as two sessions lost.
    assert [(s["where"], s["reason"]) for s in report["columns_not_read"]] == notices
    assert report["skipped"] == [] and "skipped:" not in err
    assert main(["import", str(tmp_path / name), "--out", str(tmp_path / "again"),
                 "--timezone", "Asia/Shanghai"]) == 0
    assert "; 0 skipped, 0 repaired, 2 column(s) not read\n" in capsys.readouterr().out
    for where, reason in notices:
        assert f"not read: {where}: {reason}" in err


@pytest.mark.parametrize("name", ["s.csv", "s.xlsx"])
def test_the_headers_organisers_own_sheets_use_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """A sheet headed 会议名称 / 开始时间 / 会场 / 讲者 / Organizer lost its speakers, rooms and
    hosts as "not a column the guide reads": words with one meaning are read as the template's."""
    code, err, out, report = _import(tmp_path, capsys, name, [
        ["编号", "会议名称", "日期", "开始时间", "结束时间", "会场", "讲者", "Organizer", "Description"],
        ["S1", "开幕式", "2023-05-25", "09:00", "10:00", "主会场", "张三、李四", "中关村论坛", "致辞"],
    ])
    assert code == 0, err
    assert report["skipped"] == [] and "skipped:" not in err
    pack = load_pack(out)
    (forum,) = pack.of("forum")
    assert (forum.title, forum.summary) == ("开幕式", "致辞")
    assert forum.start is not None and (forum.start.hour, (forum.end or forum.start).hour) == (9, 10)
    assert sorted(p.name for p in pack.of("person")) == ["张三", "李四"]
    assert [r.title for r in pack.of("room")] == ["主会场"] and forum.room is not None
    assert [o.name for o in pack.of("organization")] == ["中关村论坛"]


def test_a_sheet_of_the_templates_columns_has_no_notice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, _out, report = _import(tmp_path, capsys, "s.xlsx", [
        ["编号 ID", "标题", "Title", "日期 Date", "开始 Start", "结束 End", "嘉宾", None, None],
        ["S1", "开幕式", "Opening", "2023-05-25", "09:00", "10:00", "李伟"],
    ])
    assert code == 0, err
    assert report["skipped"] == [] and "skipped:" not in err


def _formulas(path: Path, rows: list[list[Any]], saved: dict[bytes, bytes] | None = None) -> None:
    """A workbook as a script writes it: openpyxl saves each formula with no result; ``saved``
    puts results in (a formula's XML -> that XML with its result, as Excel saves it)."""
    import zipfile

    write_rows(path, rows)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    for before, after in (saved or {}).items():
        assert before in parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(before, after)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


HEADER = ["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End", "地点 Room", "Notes"]


def test_a_formula_without_a_saved_result_is_named_by_its_cell(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A date worked out by a formula read as empty ("every session needs a date"), a start
    time as none at all: the file held no result for them, and nothing said so."""
    _formulas(tmp_path / "s.xlsx", [
        HEADER,
        ["S1", "Opening", "2023-05-25", "09:00", "10:00"],
        ["S2", "Keynote", "=C2", "10:00", "=E2+TIME(1,0,0)"],
        ["S3", "Panel", "2023-05-26", "=D2", "11:00", "Hall A", "=A1"],  # Notes: not read
    ])
    code, err, out, _report = _import_file(tmp_path, capsys, tmp_path / "s.xlsx")
    fix = ("holds a formula with no saved result; open the file in Excel or LibreOffice and "
           "save it again so its values are stored")
    assert code == 2 and not out.exists()
    assert err.splitlines() == [f"s.xlsx: row 3, column 日期 Date: cell C3 {fix}",
                                f"s.xlsx: row 3, column 结束 End: cell E3 {fix}",
                                f"s.xlsx: row 4, column 开始 Start: cell D4 {fix}",
                                "3 bad cell(s); nothing written"]


def test_formula_results_the_file_saved_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel saves each result beside its formula; an empty text result (t="str") is saved too."""
    _formulas(tmp_path / "s.xlsx", [HEADER, ["S1", "Opening", "=TODAY()", "09:00", "10:00", '=""']],
              saved={b'<c r="C2"><f>TODAY()</f><v></v></c>':
                     b'<c r="C2" t="str"><f>TODAY()</f><v>2023-05-25</v></c>',
                     b'<c r="F2"><f>""</f><v></v></c>': b'<c r="F2" t="str"><f>""</f><v></v></c>'})
    code, err, out, _report = _import_file(tmp_path, capsys, tmp_path / "s.xlsx")
    assert code == 0, err
    (forum,) = load_pack(out).of("forum")
    assert (forum.start.isoformat(), forum.room) == ("2023-05-25T09:00:00+08:00", None)


def test_a_report_path_that_cannot_be_written_is_refused_before_the_pack_is_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--report`` naming a folder failed only after the pack had been replaced."""
    code, err, out, _report = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期", "开始", "结束"], ["开幕式", "2023-05-25", "09:00", "10:00"]])
    assert code == 0, err
    write_rows(tmp_path / "s.csv",
               [["标题", "日期", "开始", "结束"], ["闭幕式", "2023-05-26", "09:00", "10:00"]])
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    for report, why in ((tmp_path, f"--report {tmp_path} is a folder; give the name of the report "
                                   f"file to write, e.g. --report {tmp_path / 'import-report.json'}"),
                        (tmp_path / "notes.txt" / "r.json",
                         f"--report {tmp_path / 'notes.txt' / 'r.json'}: {tmp_path / 'notes.txt'} "
                         "is a file, not a folder; choose another report file")):
        code = main(["import", str(tmp_path / "s.csv"), "--out", str(out), "--report", str(report),
                     "--timezone", "Asia/Shanghai"])
        err = capsys.readouterr().err
        assert code == 2 and err.splitlines() == [f"error: {why}",
                                                  f"nothing written; {out} left unchanged"]
        assert [f.title for f in load_pack(out).of("forum")] == ["开幕式"]


def test_a_sheet_without_an_id_column_warns_that_bookmarks_will_not_follow_edits(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without 编号 ID a session is known by its title, date, time and room: moving it to
    another room made its bookmarks "no longer in the guide", and nothing had said so."""
    code, err, _out, report = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期", "开始", "结束", "地点"], ["开幕式", "2023-05-25", "09:00", "10:00", "主会场"]])
    assert code == 0, err
    said = ("the sheet has no 编号 ID column, so each session is known by its title, date, start "
            "time and room: a visitor's bookmark on a session will not follow it to an update in "
            "which any of these was changed (it shows as no longer in the guide). Add a column "
            "headed 编号 (or ID) with a text of each session's own (S1, S2 …) and keep it the same "
            "in every update, as the template's first column")
    assert report["notices"] == [{"where": "row 1", "notice": said}]
    assert f"note: row 1: {said}" in err
    # With the column (the template's first), there is nothing to say.
    assert main(["import", "--template", "--out", str(tmp_path / "t.xlsx")]) == 0
    header = [c.value for c in load_workbook(tmp_path / "t.xlsx").worksheets[0][1]]
    assert header[0] == "编号 ID"
    code, err, _out, report = _import(tmp_path, capsys, "s.csv", [
        ["编号", "标题", "日期"], ["S1", "开幕式", "2023-05-25"]])
    assert code == 0 and report["notices"] == [] and "note:" not in err


def test_a_template_column_beside_another_header_of_its_meaning_wins(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet with 标题 and a conference's name on every row under 会议名称 was refused whole
    once 会议名称 meant a title ("columns B and C each hold 标题 Title"): it had imported."""
    code, err, out, report = _import(tmp_path, capsys, "s.csv", [
        ["编号", "标题", "会议名称", "日期", "开始", "结束"],
        ["S1", "开幕式", "2023中关村论坛", "2023-05-25", "09:00", "10:00"],
    ])
    assert code == 0, err
    (forum,) = load_pack(out).of("forum")
    assert forum.title == "开幕式"
    assert [(s["where"], s["reason"]) for s in report["columns_not_read"]] == [
        ("column C", '"会议名称" is not a column the guide reads; its cells were not loaded')]


def test_a_date_cell_with_a_time_gives_the_start_when_start_is_empty(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel's 2023-05-25 09:30 in the date column, 开始 empty: the session was imported with no
    time at all, and nothing said so."""
    import datetime as dt

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End"])
    sheet.append(["S1", "Opening", dt.datetime(2023, 5, 25, 9, 30), None, "10:30"])
    sheet.append(["S2", "Keynote", dt.datetime(2023, 5, 25, 11, 0), "11:15", "12:00"])
    sheet.append(["S3", "Lunch", dt.datetime(2023, 5, 25), None, None])  # a date alone: untimed
    # A day's date merged over its sessions holds the first one's time: not the others'.
    sheet.append(["S4", "Panel", dt.datetime(2023, 5, 26, 14, 0), None, None])
    sheet.append(["S5", "Posters", None, None, None])
    sheet.merge_cells("C5:C6")
    book.save(tmp_path / "s.xlsx")
    code, err, out, report = _import_file(tmp_path, capsys, tmp_path / "s.xlsx")
    assert code == 0, err
    starts = {f.title: f.start.isoformat() if f.start else None for f in load_pack(out).of("forum")}
    assert starts == {"Opening": "2023-05-25T09:30:00+08:00", "Keynote": "2023-05-25T11:15:00+08:00",
                      "Lunch": None, "Panel": "2023-05-26T14:00:00+08:00", "Posters": None}
    assert [(r["where"], r["title"], r["repair"]) for r in report["repaired"]
            if "日期" in r["repair"]] == [
        ("row 2", "Opening", "开始 Start is empty: the time in its 日期 Date cell, 09:30, is taken "
         "as the start"),
        ("row 3", "Keynote", "its 日期 Date cell holds the time 11:00 too, not 开始 Start 11:15; "
         "the 开始 Start is kept"),
        ("row 5", "Panel", "开始 Start is empty: the time in its 日期 Date cell, 14:00, is taken "
         "as the start")]
    # The same typed in a CSV file (it was refused as "not a date").
    (tmp_path / "csv").mkdir()
    code, err, out, report = _import(tmp_path / "csv", capsys, "s.csv", [
        ["编号", "标题", "日期", "开始", "结束"], ["S1", "Opening", "2023-05-25 09:30", None, "10:30"]])
    assert code == 0, err
    (forum,) = load_pack(out).of("forum")
    assert forum.start is not None and forum.start.isoformat() == "2023-05-25T09:30:00+08:00"
    assert [r["repair"] for r in report["repaired"] if "日期" in r["repair"]] == [
        "开始 Start is empty: the time in its 日期 Date cell, 09:30, is taken as the start"]


def test_a_year_typed_wrong_is_refused_naming_its_cell(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """2203-05-25 among 2023's sessions was imported: a programme 180 years long."""
    code, err, out, _report = _import(tmp_path, capsys, "s.xlsx", [
        ["编号", "标题", "日期", "开始", "结束"],
        ["S1", "开幕式", "2203-05-25", "09:00", "10:00"],
        ["S2", "主论坛", "2023-05-25", "10:00", "11:00"],
        ["S3", "闭幕式", "2023-05-26", "16:00", "17:00"],
        ["S4", "Typo", "2032-05-26", "16:00", "17:00"],
    ])
    assert code == 2 and not out.exists()
    assert err.splitlines() == [
        "s.xlsx: row 2, column 日期 Date: '2203-05-25' is 180 years after the programme's other "
        "dates (2023-05-25 to 2023-05-26): a year typed wrong? Correct it; a programme of more "
        "than a year is imported a year at a time",
        "s.xlsx: row 5, column 日期 Date: '2032-05-26' is 9 years after the programme's other "
        "dates (2023-05-25 to 2023-05-26): a year typed wrong? Correct it; a programme of more "
        "than a year is imported a year at a time",
        "2 bad cell(s); nothing written"]


def test_a_date_months_from_the_others_is_imported_with_a_notice_to_check_its_year(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, out, report = _import(tmp_path, capsys, "s.csv", [
        ["编号", "标题", "日期", "开始", "结束"],
        ["S1", "开幕式", "2023-05-25", "09:00", "10:00"],
        ["S2", "闭幕式", "2023-05-26", "16:00", "17:00"],
        ["S3", "Typo", "2022-05-26", "16:00", "17:00"],
    ])
    assert code == 0, err
    assert len(load_pack(out).of("forum")) == 3
    said = ("'2022-05-26' is 12 months before the programme's other dates (2023-05-25 to "
            "2023-05-26); check its year")
    assert report["notices"] == [{"where": "row 4, column 日期 Date", "notice": said}]
    assert f"note: row 4, column 日期 Date: {said}" in err
    # A series of a session a month for two years is one run of dates: nothing to say.
    (tmp_path / "series").mkdir()
    code, err, out, report = _import(tmp_path / "series", capsys, "s.csv", [
        ["编号", "标题", "日期", "开始", "结束"],
        *[[f"S{n}", f"Meetup {n}", f"{2023 + n // 12}-{n % 12 + 1:02d}-10", "19:00", "21:00"]
          for n in range(24)]])
    assert code == 0, err
    assert len(load_pack(out).of("forum")) == 24 and report["notices"] == []


def test_a_date_typed_with_dots_keeps_its_time_and_a_time_that_is_none_is_refused() -> None:
    """2023.05.25 09:30 was read as its date while its time was lost, unsaid (the two readers
    of a date cell read dots differently); 2023-05-25 24:00 kept the date, the time dropped."""
    import datetime as dt

    from guide.programme.cells import cell_date, date_clock

    for typed in ("2023.05.25 09:30", "2023/5/25 09:30", "2023-05-25 09:30"):
        assert (cell_date(typed), date_clock(typed)) == (dt.date(2023, 5, 25), dt.time(9, 30)), typed
    for typed in ("2023-05-25 24:00", "2023.05.25 9:75"):
        with pytest.raises(ValueError, match="time after its date"):
            cell_date(typed)
