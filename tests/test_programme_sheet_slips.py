"""Slips in hand-made programme sheets: each is refused naming its row, never read as something else."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from guide.cli import main
from guide.content.loader import load_pack
from tests.support import import_schedule, zip_bytes

HEAD = "编号 ID,标题 Title,日期 Date,开始 Start,结束 End,地点 Room\n"


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
            data: str | bytes) -> tuple[int, str, Path]:
    source = tmp_path / name
    if isinstance(data, str):
        source.write_text(data, encoding="utf-8")
    else:
        source.write_bytes(data)
    done = import_schedule(tmp_path, source, capsys=capsys, report=False)
    if done.code != 0:
        assert not done.pack.exists()
    return done.code, done.err, done.pack


def _refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
             data: str | bytes) -> str:
    code, err, _out = _import(tmp_path, capsys, name, data)
    assert code == 2
    return err


def test_a_quotation_mark_never_closed_names_the_rows_it_swallowed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, capsys, "s.csv", HEAD
                   + 'S1,Keynote,2023-05-25,09:00,10:00,"Main Hall\n'
                   + "S2,Closing,2023-05-26,16:00,17:00,Hall A\n"
                   + "S3,Panel,2023-05-26,10:00,11:00,Hall B\n")
    assert ("s.csv: row 2: a quotation mark is never closed, so rows 3-4 were read as one cell; "
            "check the quotes") in err


def test_a_quotation_mark_closed_rows_later_is_found_by_the_rows_in_the_cell(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, capsys, "s.csv", HEAD
                   + 'S1,Keynote,2023-05-25,09:00,10:00,"Main Hall\n'
                   + "S2,Closing,2023-05-26,16:00,17:00,Hall A\n"
                   + 'S3,Panel,2023-05-26,10:00,11:00,Hall B"\n')
    assert "s.csv: row 2, column 地点 Room: the cell has a line that looks like a row" in err
    assert "'S2,Closing,2023-05-26,16:00,17:00,Hall A'" in err and "check the quotes" in err


def test_quotation_marks_in_a_cell_not_in_quotes_are_refused_with_the_right_form(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, capsys, "s.csv", HEAD
                   + 'S1,"Keynote" by Li,2023-05-25,09:00,10:00,Main Hall\n'
                   + "S2,Closing,2023-05-26,16:00,17:00,Hall A\n")
    assert ('s.csv: row 2, column 标题 Title: the cell "Keynote" by Li has quotation marks but is '
            'not in quotes; write it as """Keynote"" by Li" (the whole cell in quotes, each of '
            "its quotation marks doubled), as Excel saves it") in err


def test_a_comma_in_a_cell_not_in_quotes_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, capsys, "s.csv", HEAD.replace("\n", ",简介 Abstract\n")
                   + "S1,Opening,2023-05-25,09:00,10:00,Main Hall,AI, robots and work\n")
    assert ("s.csv: row 2 has 8 cells but the header row has 7: a comma inside a cell needs the "
            "cell in quotes (the cells past the last column: 'robots and work')") in err


def test_a_value_in_a_column_without_a_header_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["标题 Title", "日期 Date", None, "地点 Room"])
    sheet.append(["Opening", "2023-05-25", "note", "Main Hall", None, "more"])
    book.save(tmp_path / "s.xlsx")
    err = _refused(tmp_path, capsys, "s.xlsx", (tmp_path / "s.xlsx").read_bytes())
    assert err.splitlines()[:2] == [
        "s.xlsx: row 2, column C: 'note' is in a column without a header; give the column its "
        "header or move the value",
        "s.xlsx: row 2, column F: 'more' is in a column without a header; give the column its "
        "header or move the value"]


def test_a_csv_value_under_an_empty_header_cell_is_in_a_column_without_a_header(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A note typed in a column with no header (Excel saves the header row with its empty
    cells, ",,") was "row 2 has 8 cells but the header row has 6: a comma inside a cell needs
    quotes", though the header row has 8 cells and there is no comma in any cell."""
    err = _refused(tmp_path, capsys, "s.csv", HEAD.replace("\n", ",,\r\n")
                   + "S1,Opening,2023-05-25,09:00,10:00,Hall A,,待确认\r\n")
    assert err.splitlines()[0] == ("s.csv: row 2, column H: '待确认' is in a column without a "
                                   "header; give the column its header or move the value")
    assert "comma" not in err
    # A cell past the header row's last cell is still a comma not in quotes.
    (tmp_path / "comma").mkdir()
    err = _refused(tmp_path / "comma", capsys, "s.csv", HEAD.replace("\n", ",,\r\n")
                   + "S1,Opening,2023-05-25,09:00,10:00,Hall A,,AI, robots, work\r\n")
    assert err.splitlines()[0] == (
        "s.csv: row 2 has 10 cells but the header row has 8: a comma inside a cell needs the cell "
        "in quotes (the cells past the last column: 'robots', 'work')")


def test_excel_quoted_cells_with_line_breaks_commas_and_quotes_still_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _err, out = _import(tmp_path, capsys, "s.csv", HEAD.replace("\n", ",简介 Abstract,\n")
                              + 'S1,"""Keynote"" by Li",2023-05-25,09:00,10:00,Main Hall,'
                              + '"Line one, with a comma\nLine two\n2023-05-26, a date",\n')
    assert code == 0
    (forum,) = load_pack(out).of("forum")
    assert forum.title == '"Keynote" by Li'
    assert " ".join(forum.summary.split()) == "Line one, with a comma Line two 2023-05-26, a date"


def test_columns_headed_in_chinese_and_in_english_hold_each_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _err, out = _import(tmp_path, capsys, "s.csv",
                              "编号,标题,Title,日期,开始,结束,地点,简介,Abstract\n"
                              "S1,开幕式,Opening Ceremony,2023-05-25,09:00,10:00,主会场,领导致辞,"
                              "Welcome speeches\n")
    assert code == 0
    pack = load_pack(out)
    (forum,) = pack.of("forum")
    assert (forum.title, forum.title_en) == ("开幕式", "Opening Ceremony")
    assert (forum.summary, forum.summary_en) == ("领导致辞", "Welcome speeches")
    assert pack.info.languages == ["zh", "en"]


def test_the_same_column_twice_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, capsys, "s.csv", "标题 Title,日期,Date,Title\n"
                   "开幕式,2023-05-25,2023-05-26,Opening\n")
    assert err.splitlines()[:2] == [
        "s.csv: row 1: columns A (标题 Title) and D (Title) each hold 标题 Title; keep one of "
        "them (the others would be lost)",
        "s.csv: row 1: columns B (日期) and C (Date) each hold 日期 Date; keep one of them (the "
        "others would be lost)"]


@pytest.mark.parametrize("rows", [
    ["S1,开幕式,2023-05-25,09:00,10:00,主会场", "S1,闭幕式,2023-05-26,16:00,17:00,主会场"],
    ["S1,闭幕式,2023-05-26,16:00,17:00,主会场", "S1,开幕式,2023-05-25,09:00,10:00,主会场"],
])
def test_the_same_id_twice_names_both_rows(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: list[str]) -> None:
    err = _refused(tmp_path, capsys, "s.csv", HEAD + "\n".join(rows) + "\n")
    assert ("s.csv: row 3, column 编号 ID: 'S1' is also the id of row 2; every session needs its "
            "own id") in err


def _sheet_with_a_far_corner(path: Path, corner: str, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End"])
    for row in rows:
        sheet.append(row)
    sheet[corner].font = Font(bold=True)  # formatted, empty: the sheet now claims to reach it
    book.save(path)


def test_a_formatted_empty_cell_in_the_far_corner_is_read_at_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.xlsx"
    rows: list[list[object]] = [["S1", "开幕式", "2023-05-25", "09:00", "10:00"], [], [], [], [],
                                ["S2", "闭幕式", "2023-05-26", "16:00", "17:00"]]
    _sheet_with_a_far_corner(path, "XFD1048576", rows)
    began = time.monotonic()
    code, _err, out = _import(tmp_path, capsys, "s.xlsx", path.read_bytes())
    assert code == 0 and time.monotonic() - began < 10  # was many minutes
    assert sorted(f.guid for f in load_pack(out).of("forum")) == ["S1", "S2"]


def test_template_never_replaces_a_file_unless_forced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "programme.xlsx"
    sheet.write_bytes(b"days of work")
    assert main(["import", "--template", "--out", str(sheet)]) == 2
    assert capsys.readouterr().err == (f"error: {sheet} already exists; nothing written (give "
                                       "--force to replace it with an empty template)\n")
    assert sheet.read_bytes() == b"days of work"
    assert main(["import", "--template", "--out", str(sheet), "--force"]) == 0
    assert sheet.read_bytes().startswith(b"PK")


ROWS = [["S1", "开幕式", "2023-05-25", "09:00", "10:00", "主会场"],
        ["S2", "Closing", "2023/5/26", "16:00", "17:00", "Hall A"]]


@pytest.mark.parametrize(("name", "sep", "encoding"), [
    ("s.csv", "\t", "utf-16"),        # Excel's "Unicode Text"
    ("s.txt", "\t", "utf-16"),
    ("s.csv", ",", "utf-16"),
    ("s.csv", ";", "utf-8-sig"),      # Excel where the decimal mark is a comma
    ("s.csv", "\t", "utf-8"),
])
def test_utf16_and_tab_or_semicolon_separated_files_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, sep: str,
        encoding: str) -> None:
    text = "".join(sep.join(row) + "\r\n" for row in [HEAD.strip().split(","), *ROWS])
    code, _err, out = _import(tmp_path, capsys, name, text.encode(encoding))
    assert code == 0
    assert sorted(f.title for f in load_pack(out).of("forum")) == ["Closing", "开幕式"]


def test_a_gbk_csv_is_refused_naming_the_file_and_the_fix(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, capsys, "s.csv", (HEAD + ",".join(ROWS[0]) + "\n").encode("gbk"))
    assert ("error: s.csv is not UTF-8 text (row 1, column A is the first cell that cannot be "
            "read; Excel's plain CSV on Chinese Windows is GBK); in Excel use Save As > CSV UTF-8 "
            "(Comma delimited) (*.csv), then import that file") in err
    # With English headers the first Chinese is further down: that is the cell named.
    (tmp_path / "english").mkdir()
    err = _refused(tmp_path / "english", capsys, "s.csv", (
        "ID,Title,Date\nS1,Opening,2023-05-25\nS2,闭幕式,2023-05-26\nS3,论坛,2023-05-26\n"
    ).encode("gbk"))
    assert "error: s.csv is not UTF-8 text (row 3, column Title is the first cell that " in err


def test_a_cell_not_utf8_in_a_utf8_csv_is_named_by_its_row_and_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One GBK cell pasted into a CSV UTF-8 file made the whole file "not UTF-8 text (byte
    1696 …); in Excel use Save As > CSV UTF-8", to someone whose file already was, with no
    word of where the bytes were."""
    rows = [f"S{i},论坛{i},2023-05-25,09:00,10:00,A厅\r\n".encode() for i in range(1, 41)]
    rows[38] = b"S39," + "论坛39".encode("gbk") + ",2023-05-25,09:00,10:00,A厅\r\n".encode()
    rows[20] = "S21,论坛21,2023-05-25,09:00,10:00,".encode() + "B厅".encode("gbk") + b"\r\n"
    for bom in (b"", b"\xef\xbb\xbf"):
        (tmp_path / f"{len(bom)}").mkdir()
        err = _refused(tmp_path / f"{len(bom)}", capsys, "s.csv",
                       bom + HEAD.replace("\n", "\r\n").encode() + b"".join(rows))
        assert err.splitlines() == [
            "s.csv: row 22, column 地点 Room: the cell is not UTF-8 text, though the rest of the "
            "file is (read as GBK it says 'B厅'; it may have been pasted from another file): type "
            "the cell again and save the file",
            "s.csv: row 40, column 标题 Title: the cell is not UTF-8 text, though the rest of the "
            "file is (read as GBK it says '论坛39'; it may have been pasted from another file): "
            "type the cell again and save the file",
            "2 bad cell(s); nothing written"]


def _two_sheets(path: Path, second: list[object]) -> None:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["请在第二页填写"])
    sheet = book.create_sheet("日程")
    sheet.append(second)
    sheet.append(["S1", "开幕式", "2023-05-25", "9h00"])
    book.save(path)


def test_the_programme_sheet_after_an_instructions_sheet_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _two_sheets(tmp_path / "s.xlsx", ["编号 ID", "标题 Title", "日期 Date", "开始 Start"])
    err = _refused(tmp_path, capsys, "s.xlsx", (tmp_path / "s.xlsx").read_bytes())
    # the errors name the sheet they are in
    assert "s.xlsx: sheet 日程, row 2, column 开始 Start: '9h00' is not a time" in err


def test_a_workbook_without_a_programme_sheet_names_its_sheets(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _two_sheets(tmp_path / "s.xlsx", ["编号 ID", "Name", "日期 Date"])
    err = _refused(tmp_path, capsys, "s.xlsx", (tmp_path / "s.xlsx").read_bytes())
    assert ("error: s.xlsx: none of its sheets (说明, 日程) has the columns 标题 Title, 日期 Date in "
            "one of its first 10 rows; start from `guide import --template`") in err


def test_a_sheet_saved_under_another_name_keeps_its_pack_id_when_told(tmp_path: Path) -> None:
    """v2.csv after v1.csv made the pack "v2": kiosks refused it as another programme."""
    from guide.content.loader import load_pack
    from guide.programme.importer import import_programme
    from guide.programme.model import ProgrammeError

    for name in ("v1", "v2"):
        sheet = tmp_path / f"{name}.csv"
        sheet.write_text("编号 ID,标题 Title,日期 Date,开始 Start,结束 End\n"
                         "S1,Opening,2023-05-27,09:00,10:00\n", encoding="utf-8")
        import_programme(str(sheet), tmp_path / name, timezone="Asia/Shanghai",
                         pack_id="zgc-forum-2023", title="2023中关村论坛日程")
        info = load_pack(tmp_path / name).info
        assert (info.id, info.title) == ("zgc-forum-2023", "2023中关村论坛日程")
    with pytest.raises(ProgrammeError, match="lower-case letters, digits and dashes"):
        import_programme(str(tmp_path / "v1.csv"), tmp_path / "v3", pack_id="ZGC 2023")



@pytest.mark.parametrize(("stem", "pack_id", "title"), [
    # ASCII names keep the ids they always had.
    ("programme", "programme", "programme"),
    ("ZGC Forum 2023", "zgc-forum-2023", "ZGC Forum 2023"),
    ("x" * 70, "x" * 60, "x" * 70),
    # Chinese is pinyin: it was dropped, leaving "2023" (or nothing: "programme").
    ("2023中关村论坛日程", "2023-zhong-guan-cun-lun-tan-ri-cheng", "2023中关村论坛日程"),
    ("2024中关村论坛日程", "2024-zhong-guan-cun-lun-tan-ri-cheng", "2024中关村论坛日程"),
    ("ZGC 论坛 2023", "zgc-lun-tan-2023", "ZGC 论坛 2023"),
    # What a download or a copy adds to the name is not the programme's.
    ("日程 (1)", "ri-cheng", "日程"), ("日程(2)", "ri-cheng", "日程"), ("日程（3）", "ri-cheng", "日程"),
    ("日程 - 副本", "ri-cheng", "日程"), ("日程 - 副本 (2)", "ri-cheng", "日程"),
    ("日程 - Copy", "ri-cheng", "日程"), ("日程_copy", "ri-cheng", "日程"),
    ("Copy of 日程", "ri-cheng", "日程"), ("programme (1)", "programme", "programme"),
    # Nor is a version the organiser adds when saving it again ("programme-v2" was its own pack).
    ("programme-v2", "programme", "programme"), ("日程_V3", "ri-cheng", "日程"),
    ("日程-final", "ri-cheng", "日程"), ("日程 FINAL (1)", "ri-cheng", "日程"),
    ("日程（终版）", "ri-cheng", "日程"), ("日程-最终版", "ri-cheng", "日程"),
    ("programme-final-v2", "programme", "programme"), ("programme v2.1", "programme", "programme"),
    # A name's own words stay: "Final" after a space, a word that begins with one, IPv6.
    ("Robot Contest Final", "robot-contest-final", "Robot Contest Final"),
    ("program-finalists", "program-finalists", "program-finalists"),
    ("IPv6 Summit", "ipv6-summit", "IPv6 Summit"),
    # Cut short, or with letters pinyin does not spell: a hash of the whole name follows.
    ("第十届中国国际进口博览会平行论坛日程安排表",
     "di-shi-jie-zhong-guo-guo-ji-jin-kou-bo-lan-hui-ping-22ae9fab", None),
    ("第十届中国国际进口博览会平行论坛日程安排",  # the same first 60 characters, another name
     "di-shi-jie-zhong-guo-guo-ji-jin-kou-bo-lan-hui-ping-e98b6d3a", None),
    ("Программа 2023", "2023-82c77b62", None),
])
def test_a_sheets_pack_id_keeps_its_chinese_and_drops_a_downloads_number(
        stem: str, pack_id: str, title: str | None) -> None:
    """2023中关村论坛日程.xlsx was pack "2023" (as was any other event of 2023), and 日程 (1).xlsx,
    a browser's second download of 日程.xlsx, pack "1": a corrected sheet another programme."""
    from guide.programme.pack_names import file_title, pack_id_for

    assert pack_id_for(file_title(stem)) == pack_id and len(pack_id) <= 60
    assert file_title(stem) == (stem if title is None else title)


def test_a_sheet_downloaded_again_updates_the_same_pack(tmp_path: Path) -> None:
    from guide.programme.importer import import_programme

    for name in ("日程.csv", "日程 (1).csv", "日程 - 副本.csv"):
        sheet = tmp_path / name
        sheet.write_text(HEAD + "S1,开幕式,2023-05-27,09:00,10:00,A厅\n", encoding="utf-8")
        import_programme(str(sheet), tmp_path / "pack", timezone="Asia/Shanghai")
        info = load_pack(tmp_path / "pack").info
        assert (info.id, info.title) == ("ri-cheng", "日程")


def _book(title: str | None = None) -> tuple[Workbook, Any]:
    """A workbook whose sheet has the header row (under ``title``, if given)."""
    book = Workbook()
    sheet = book.active
    if title is not None:
        sheet.append([title])
    sheet.append(["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End"])
    return book, sheet

def test_a_session_that_ends_after_midnight_can_be_typed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """24:00 and 23:00-00:30 could not be entered: "is not after 开始 Start 21:00"."""
    import datetime as dt
    import json

    book, sheet = _book()
    sheet.append(["S1", "Gala", "2023-05-27", "21:00", "24:00"])
    sheet.append(["S2", "Late talk", "2023-05-27", "23:00", "00:30+1"])
    sheet.append(["S3", "Night walk", "2023-05-27", "23:30", "次日01:00"])
    sheet.append(["S4", "Excel 24:00", "2023-05-27", dt.time(22), dt.datetime(1900, 1, 1)])
    sheet.append(["S5", "Excel [h]:mm", "2023-05-27", dt.time(22), dt.timedelta(hours=25)])
    book.save(tmp_path / "s.xlsx")
    code, err, out = _import(tmp_path, capsys, "s.xlsx", (tmp_path / "s.xlsx").read_bytes())
    assert code == 0, err
    ends = {f["title"]: f["end"] for f in json.loads((out / "sessions-0001.json").read_text())["forum"]}
    assert ends == {"Gala": "2023-05-28T00:00:00+08:00", "Late talk": "2023-05-28T00:30:00+08:00",
                    "Night walk": "2023-05-28T01:00:00+08:00",
                    "Excel 24:00": "2023-05-28T00:00:00+08:00",
                    "Excel [h]:mm": "2023-05-28T01:00:00+08:00"}
    (tmp_path / "typo").mkdir()
    err = _refused(tmp_path / "typo", capsys, "t.csv", HEAD + "S1,Typo,2023-05-27,11:00,10:00,Hall\n")
    assert "'10:00' is not after 开始 Start 11:00 (a session that ends after midnight: write " \
           "00:30+1 or 次日00:30)" in err


def test_times_typed_with_morning_or_afternoon_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """上午9:00, 下午2点 and 2:00 PM were refused as 'is not a time', without saying what is one."""
    import json

    cells = [("上午9:00", "上午10点"), ("下午2点", "下午2点半"), ("2:00 PM", "3:15 pm"),
             ("12:30 PM", "下午1点10分"), ("12:00 AM", "1 a.m."),
             # The evening, noon and small hours, and an evening that ends at midnight.
             ("晚上7点", "晚上8点半"), ("中午12点", "中午1点"), ("10:00 PM", "12:00 AM")]
    (tmp_path / "ok").mkdir()
    code, err, out = _import(tmp_path / "ok", capsys, "s.csv", HEAD + "".join(
        f"S{i},Talk {i},2023-05-27,{start},{end},Hall\n" for i, (start, end) in enumerate(cells)))
    assert code == 0, err
    times = [(f["start"][11:16], f["end"][11:16])
             for f in json.loads((out / "sessions-0001.json").read_text())["forum"]]
    assert times == [("09:00", "10:00"), ("14:00", "14:30"), ("14:00", "15:15"),
                     ("12:30", "13:10"), ("00:00", "01:00"), ("19:00", "20:30"),
                     ("12:00", "13:00"), ("22:00", "00:00")]
    # What could be two times, or none, is refused, naming the form that is one.
    err = _refused(tmp_path, capsys, "t.csv", HEAD + "S1,Talk,2023-05-27,11点,上午12:30,Hall\n"
                   "S2,Talk,2023-05-27,晚上12点,凌晨12点,Hall\n")
    assert "t.csv: row 2, column 开始 Start: '11点' is not a time (HH:MM or HH:MM:SS, e.g. 14:00;" in err
    assert "t.csv: row 2, column 结束 End: '上午12:30' is not a time (HH:MM or HH:MM:SS, e.g. 14:00;" in err
    assert "t.csv: row 3, column 开始 Start: '晚上12点' is not a time (HH:MM or HH:MM:SS, e.g. 14:00;" in err


def test_times_with_seconds_as_excel_writes_them_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel's own US time format, "9:00:00 AM" in a text cell, was refused though "2:00 PM"
    was read; a 24-hour time with seconds was read only with a half-width colon."""
    import json

    book, sheet = _book()
    for i, (start, end) in enumerate([("9:00:00 AM", "10:30:00 AM"), ("2:00:00 PM", "12:00:00 AM"),
                                      ("14:00:00", "15：30：00"), ("下午2:00:00", "下午3:15:00"),
                                      ("上午 9:00", "10 am")], start=1):
        sheet.append([f"S{i}", f"Talk {i}", "2023-05-25", start, end])
    book.save(tmp_path / "s.xlsx")
    code, err, out = _import(tmp_path, capsys, "s.xlsx", (tmp_path / "s.xlsx").read_bytes())
    assert code == 0, err
    times = [(f["start"][11:16], f["end"][11:16])
             for f in json.loads((out / "sessions-0001.json").read_text())["forum"]]
    assert times == [("09:00", "10:30"), ("14:00", "00:00"), ("14:00", "15:30"),
                     ("14:00", "15:15"), ("09:00", "10:00")]
    # Seconds past 59 are no time, and the refusal lists the forms that are one.
    (tmp_path / "typo").mkdir()
    err = _refused(tmp_path / "typo", capsys, "t.csv", HEAD + "S1,Talk,2023-05-25,9:00:75 AM,10:00,Hall\n")
    assert ("t.csv: row 2, column 开始 Start: '9:00:75 AM' is not a time (HH:MM or HH:MM:SS, e.g. "
            "14:00; 14.00 or 1400; or with 上午/下午 or AM/PM, e.g. 下午2点, 2:00 PM)") in err


def test_a_date_merged_over_its_sessions_is_each_sessions_date(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Organisers merge a day's date cell over its rows: the rows under it were "empty"."""
    import json

    book, sheet = _book()
    sheet.append(["S1", "开幕式", "2023-05-25", "09:00", "10:00"])
    sheet.append(["S2", "主论坛", None, "10:00", "12:00"])
    sheet.append(["S3", "平行论坛", "2023-05-26", "14:00", "16:00"])
    sheet.merge_cells("C2:C3")
    book.save(tmp_path / "m.xlsx")
    # And a whole column merged (written into the XML: openpyxl would make a million cells),
    # too big to be a day's date: left as it is.
    with zipfile.ZipFile(tmp_path / "m.xlsx") as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = xml.replace(
        b'<mergeCell ref="C2:C3"/>', b'<mergeCell ref="C2:C3"/><mergeCell ref="A100:A1048576"/>')
    with zipfile.ZipFile(tmp_path / "m.xlsx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    code, err, out = _import(tmp_path, capsys, "m.xlsx", (tmp_path / "m.xlsx").read_bytes())
    assert code == 0, err
    days = {f["title"]: f["date"] for f in json.loads((out / "sessions-0001.json").read_text())["forum"]}
    assert days == {"开幕式": "2023-05-25", "主论坛": "2023-05-25", "平行论坛": "2023-05-26"}


def test_a_title_row_over_the_header_is_not_a_session(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A title over the header row made the sheet "lack the columns" it has in row 2."""
    book, sheet = _book(title="2023中关村论坛日程")
    sheet.append(["S1", "开幕式", "2023-05-25", "09:00", "10:00"])
    sheet.append(["S2", "", "2023-05-25", "10:00", "11:00"])
    book.save(tmp_path / "t.xlsx")
    err = _refused(tmp_path, capsys, "t.xlsx", (tmp_path / "t.xlsx").read_bytes())
    # Rows keep the sheet's own numbers: the bad one is row 4.
    assert "t.xlsx: row 4, column 标题 Title: is empty; every session needs a title" in err
    assert "row 1" not in err


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # a compound file's header


@pytest.mark.parametrize(("name", "data", "fmt", "said"), [
    ("old.xls", OLE + "Workbook".encode("utf-16-le"), None,
     "old.xls: an Excel 97-2003 .xls workbook, which the guide cannot read: open it in Excel and "
     "save it as .xlsx (Excel Workbook), then import that file"),
    ("locked.xlsx", OLE + "EncryptedPackage".encode("utf-16-le"), "xlsx",
     "locked.xlsx: a password-protected workbook, which the guide cannot read: open it in Excel "
     "and save it as .xlsx (Excel Workbook) without a password, then import that file"),
    ("s.xlsx", OLE + os.urandom(64), None,
     "s.xlsx: an Excel 97-2003 .xls or a password-protected workbook, which the guide cannot "
     "read: open it in Excel and save it as .xlsx (Excel Workbook) without a password, then "
     "import that file"),
    ("prog.ods", b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
     + b"PK\x03\x04", None,
     "prog.ods: an OpenDocument spreadsheet (.ods), which the guide cannot read: open it in "
     "LibreOffice or Excel and save it as .xlsx (Excel Workbook), then import that file"),
    ("export.xls", "<html><table><tr><td>标题</td></tr></table></html>".encode(), None,
     "export.xls: a web page (HTML), not a spreadsheet, though its name ends in .xls (systems "
     "often export tables this way): open it in Excel and save it as .xlsx (Excel Workbook), "
     "then import that file"),
])
def test_a_workbook_excel_opens_but_the_guide_cannot_says_how_to_save_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes,
        fmt: str | None, said: str) -> None:
    """An old .xls, a locked workbook and a web page named .xls were "not a schedule"."""
    source = tmp_path / name
    source.write_bytes(data)
    code = main(["import", str(source), "--out", str(tmp_path / "pack"), "--timezone", "UTC",
                 *(["--format", fmt] if fmt else [])])
    assert code == 2
    assert capsys.readouterr().err.splitlines()[0] == f"error: {said}"


ODS = b"application/vnd.oasis.opendocument.spreadsheet"


@pytest.mark.parametrize(("name", "parts", "said"), [
    ("prog.ods", {"mimetype": ODS, "content.xml": b"<x/>"},
     "prog.ods: an OpenDocument spreadsheet (.ods, as LibreOffice and WPS save it), which the guide "
     "cannot read: open it in LibreOffice Calc, WPS or Excel and save it as .xlsx (Excel Workbook), "
     "then import that file"),
    ("prog.xlsx", {"mimetype": ODS, "content.xml": b"<x/>"},  # named .xlsx all the same
     "prog.xlsx: an OpenDocument spreadsheet (.ods, as LibreOffice and WPS save it), which the "
     "guide cannot read: open it in LibreOffice Calc, WPS or Excel"),
    ("prog.xlsb", {"[Content_Types].xml": b"<x/>", "xl/workbook.bin": b"\0"},
     "prog.xlsb: an Excel binary workbook (.xlsb), which the guide cannot read: open it in Excel "
     "and save it as .xlsx (Excel Workbook), then import that file"),
    ("notes.docx", {"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"},
     "notes.docx: a Word document, not a spreadsheet, which the guide cannot read: copy the "
     "programme's table into Excel and save it as .xlsx (Excel Workbook), then import that file"),
    ("sheets.zip", {"2023/日程.xlsx": b"PK", "readme.txt": b"hi"},
     "sheets.zip: a zip archive, not a spreadsheet, which the guide cannot read: unzip it and "
     "import the programme inside (2023/日程.xlsx)"),
])
def test_a_zip_file_that_is_no_xlsx_workbook_says_what_it_is_and_how_to_save_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, parts: dict[str, bytes],
        said: str) -> None:
    """An .ods was 'not a readable .xlsx workbook: "There is no item named
    '[Content_Types].xml' in the archive"', a message about the file's insides."""
    err = _refused(tmp_path, capsys, name, zip_bytes(parts))
    assert err.splitlines()[0].startswith(f"error: {said}")
    assert "Content_Types" not in err


def test_a_time_the_clocks_skip_is_read_forward_and_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """02:30 on 31 March 2024 does not exist in Berlin: kept as typed, a 02:30-03:30 session
    began and ended at the same instant and lasted no time, without a word."""
    source = tmp_path / "dst.csv"
    source.write_text(HEAD + "S1,Night talk,2024-03-31,02:30,03:30,Hall A\n"
                      + "S2,Morning talk,2024-03-31,09:00,10:00,Hall A\n", encoding="utf-8")
    out = tmp_path / "pack"
    report = tmp_path / "report.json"
    code = main(["import", str(source), "--out", str(out), "--timezone", "Europe/Berlin",
                 "--report", str(report)])
    assert code == 0
    sessions = {s.title: s for s in load_pack(out).of("forum")}
    night = sessions["Night talk"]
    assert night.end > night.start  # it lasts its hour
    assert night.start.isoformat() == "2024-03-31T03:30:00+02:00"
    assert sessions["Morning talk"].start.isoformat() == "2024-03-31T09:00:00+02:00"
    repaired = [r["repair"] for r in json.loads(report.read_text(encoding="utf-8"))["repaired"]]
    assert ("02:30 does not exist on 2024-03-31 in Europe/Berlin (the clocks go forward);"
            " read as 03:30, the session keeping its length: check the times") in repaired
    assert night.end.isoformat() == "2024-03-31T04:30:00+02:00"
