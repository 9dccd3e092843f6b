"""How organisers lay out a programme sheet: sessions over merged rows, a sheet per day, names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from tests.support import import_schedule

HEAD = ["标题", "日期", "开始", "结束", "地点", "嘉宾"]


def _book(rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Workbook:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    return book


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str],
            source: Path) -> tuple[int, str, dict[str, Any]]:
    done = import_schedule(tmp_path, source, capsys=capsys)
    return done.code, done.err, done.report


def _speakers(pack: Path) -> list[tuple[str, str, list[str]]]:
    """(title, start, speaker names) of each session in the pack, in the sheet's order."""
    people = {p["id"]: p["name"] for p in
              json.loads((pack / "programme.json").read_text(encoding="utf-8"))["person"]}
    forums = json.loads((pack / "sessions-0001.json").read_text(encoding="utf-8"))["forum"]
    return [(f["title"], f.get("start", "")[11:16], [people[s["person"]] for s in f.get("speakers", [])])
            for f in forums]


def test_a_session_merged_over_rows_has_the_speaker_of_each_row(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Title, date, times and room merged over three rows, one speaker a row: two were lost."""
    _book([HEAD,
           ["人工智能论坛", "2023-05-25", "14:00", "16:00", "A厅", "张三"],
           [None, None, None, None, None, "李四"],
           [None, None, None, None, None, "王五"],
           ["数字经济论坛", "2023-05-25", "14:00", "16:00", "B厅", "赵六"],
           ["数字经济论坛", "2023-05-25", "14:00", "16:00", "B厅", "赵六"]],  # a row typed twice
          ("A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:E4")).save(tmp_path / "s.xlsx")
    code, err, report = _import(tmp_path, capsys, tmp_path / "s.xlsx")
    assert code == 0, err
    assert _speakers(tmp_path / "pack") == [("人工智能论坛", "14:00", ["张三", "李四", "王五"]),
                                            ("数字经济论坛", "14:00", ["赵六"])]
    # Only the row typed twice is reported, as before; the merged rows are one session.
    assert [e["where"] for e in report["skipped"]] == ["row 6"]
    assert "duplicate of session" in report["skipped"][0]["reason"]


def test_talks_under_a_merged_forum_title_keep_their_own_times(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A forum's title merged over its talks: a row with a time of its own is a talk of its own;
    a row without one (a second speaker of the talk above) adds its speaker to that talk."""
    _book([HEAD,
           ["AI论坛", "2023-05-25", "14:00", "14:30", "A厅", "张三"],
           [None, None, "14:30", "15:00", None, "李四"],
           [None, None, None, None, None, "王五"]],
          ("A2:A4", "B2:B4", "E2:E4")).save(tmp_path / "s.xlsx")
    code, err, report = _import(tmp_path, capsys, tmp_path / "s.xlsx")
    assert code == 0, err
    assert _speakers(tmp_path / "pack") == [("AI论坛", "14:00", ["张三"]),
                                            ("AI论坛", "14:30", ["李四", "王五"])]
    assert report["skipped"] == []


def test_a_blank_spacer_row_under_a_merged_date_is_skipped_like_any_blank_row(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A day's date merged over its rows, an empty row between morning and afternoon: it was
    refused as a session without a title, and nothing was imported."""
    _book([HEAD,
           ["开幕式", "2023-05-25", "09:00", "10:00", "主会场", "张三"],
           ["主旨演讲", None, "10:00", "11:00", "主会场", "李四"],
           [None, None, None, None, None, None],
           ["圆桌对话", None, "14:00", "15:00", "主会场", "王五"]],
          ("B2:B5",)).save(tmp_path / "s.xlsx")
    code, err, report = _import(tmp_path, capsys, tmp_path / "s.xlsx")
    assert code == 0, err
    assert _speakers(tmp_path / "pack") == [("开幕式", "09:00", ["张三"]),
                                            ("主旨演讲", "10:00", ["李四"]),
                                            ("圆桌对话", "14:00", ["王五"])]
    assert report["skipped"] == []


def test_a_continuing_row_with_an_abstract_of_its_own_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What a continuing row gives beyond speakers and hosts has nowhere to go: it is named."""
    _book([[*HEAD, "简介"],
           ["人工智能论坛", "2023-05-25", "14:00", "16:00", "A厅", "张三", "论坛简介"],
           [None, None, None, None, None, "李四", "李四的报告"]],
          ("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3")).save(tmp_path / "s.xlsx")
    code, err, _report = _import(tmp_path, capsys, tmp_path / "s.xlsx")
    assert code == 2
    assert ("s.xlsx: row 3, column 简介 Abstract: '李四的报告' is on a row that continues the "
            "session of row 2 (its 标题 Title cell is merged down over row 3), which adds only "
            "嘉宾 Speakers and 主办 Host; move the value to row 2, or unmerge the title to make "
            "row 3 a session of its own") in err


def _per_day(path: Path, bad_time: str = "11:00") -> None:
    """A workbook of instructions, then one sheet per day under the same header row."""
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["每天一页，请勿改动表头"])
    for day, rows in (("5月25日", [["开幕式", "2023-05-25", "09:00", "10:00", "主会场", "张三"]]),
                      ("5月26日", [["AI论坛", "2023-05-26", "09:00", "10:00", "A厅", "李四"],
                                   ["闭幕式", "2023-05-26", bad_time, "12:00", "主会场", ""]])):
        sheet = book.create_sheet(day)
        sheet.append(HEAD)
        for row in rows:
            sheet.append(row)
    book.save(path)


def test_every_sheet_of_a_workbook_with_a_sheet_per_day_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only the first programme sheet was read: the second day's sessions were lost unsaid."""
    _per_day(tmp_path / "s.xlsx")
    code, err, report = _import(tmp_path, capsys, tmp_path / "s.xlsx")
    assert code == 0, err
    assert [(title, start) for title, start, _who in _speakers(tmp_path / "pack")] == [
        ("开幕式", "09:00"), ("AI论坛", "09:00"), ("闭幕式", "11:00")]
    # The sheet that is not a programme is named, as a note (no session was left out of it),
    # rows are named by their sheet, and the sheets without ids are noted once, together.
    assert report["skipped"] == []
    assert [e["where"] for e in report["notices"]] == ["sheet 5月25日, row 1, sheet 5月26日, row 1",
                                                       "sheet 说明"]
    assert report["notices"][0]["notice"].startswith("the sheet has no 编号 ID column")
    assert report["notices"][1]["notice"].startswith("has no header row with 标题 Title and 日期 Date")
    _per_day(tmp_path / "bad.xlsx", bad_time="11点")
    code, err, _report = _import(tmp_path, capsys, tmp_path / "bad.xlsx")
    assert code == 2
    assert "bad.xlsx: sheet 5月26日, row 3, column 开始 Start: '11点' is not a time" in err


def _speakers_of(tmp_path: Path, capsys: pytest.CaptureFixture[str], cells: list[str]) -> list[list[str]]:
    """The speakers each session gets from a sheet with ``cells`` in its 嘉宾 column."""
    (tmp_path / "s.csv").write_text(
        "标题,日期,开始,结束,嘉宾\n" + "".join(f'T{i},2023-05-25,{9 + i}:00,{10 + i}:00,"{who}"\n'
                                             for i, who in enumerate(cells)), encoding="utf-8")
    code, err, _report = _import(tmp_path, capsys, tmp_path / "s.csv")
    assert code == 0, err
    return [who for _title, _start, who in _speakers(tmp_path / "pack")]


def test_speakers_are_split_as_organisers_separate_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"张三 李四", "张三/李四" and "张三；李四" were one speaker; a Latin name keeps its space."""
    cells = ["张三 李四", "张三/李四", "张三；李四", "张三 / 李四", "Zhang Wei", "Zhang Wei/Li Si",
             "张三、Zhang Wei", "张三 教授 李四", "王 伟、李　四 教授", "王 伟 张三丰",
             "Wang, Wei; Li Na", "Zhang Wei, Li Si"]
    assert _speakers_of(tmp_path, capsys, cells) == [
        ["张三", "李四"], ["张三", "李四"], ["张三", "李四"], ["张三", "李四"], ["Zhang Wei"],
        ["Zhang Wei", "Li Si"], ["张三", "Zhang Wei"], ["张三 教授", "李四"],  # a title stays with its name
        ["王伟", "李四 教授"], ["王伟", "张三丰"],  # a two-character name padded to line up
        # Beside a semicolon a comma is inside a name (it was three people: Wang, Wei, Li Na).
        ["Wang, Wei", "Li Na"], ["Zhang Wei", "Li Si"]]


def test_a_speakers_affiliation_stays_with_their_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"李强 中国科学院院士" was two speakers, the second one an academy; four for two people."""
    cells = ["李强 中国科学院院士", "王芳 清华大学教授、赵刚 北京大学副校长", "张三 副校长 李四",
             "陈明 资深研究员", "刘洋 中心主任 周杰",
             "张三 王教授", "张三 李学会", "欧阳明华 李四", "张三 买买提·艾力"]  # people, not posts
    assert _speakers_of(tmp_path, capsys, cells) == [
        ["李强 中国科学院院士"], ["王芳 清华大学教授", "赵刚 北京大学副校长"], ["张三 副校长", "李四"],
        ["陈明 资深研究员"], ["刘洋 中心主任", "周杰"],
        ["张三", "王教授"], ["张三", "李学会"], ["欧阳明华", "李四"], ["张三", "买买提·艾力"]]


def test_a_room_typed_two_ways_is_one_room(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "A厅", "a厅" and "Ａ厅 " had become three rooms, each with a part of the hall's sessions.
    (tmp_path / "s.csv").write_text(
        "标题,日期,开始,结束,地点\nT1,2023-05-25,9:00,10:00,A厅\nT2,2023-05-25,10:00,11:00,a厅\n"
        "T3,2023-05-25,11:00,12:00,Ａ厅 \nT4,2023-05-25,12:00,13:00,B厅\n", encoding="utf-8")
    code, err, _report = _import(tmp_path, capsys, tmp_path / "s.csv")
    assert code == 0, err
    programme = json.loads((tmp_path / "pack" / "programme.json").read_text(encoding="utf-8"))
    assert [r["title"] for r in programme["room"]] == ["A厅", "B厅"]
    forums = json.loads((tmp_path / "pack" / "sessions-0001.json").read_text(encoding="utf-8"))["forum"]
    assert len({f["room"] for f in forums[:3]}) == 1 and forums[3]["room"] != forums[0]["room"]


def _times(pack: Path) -> list[tuple[str, str, str, str]]:
    """(title, start, end, room) of each session in the pack, in the sheet's order."""
    rooms = {r["id"]: r["title"] for r in
             json.loads((pack / "programme.json").read_text(encoding="utf-8"))["room"]}
    forums = json.loads((pack / "sessions-0001.json").read_text(encoding="utf-8"))["forum"]
    return [(f["title"], f.get("start", "")[:16], f.get("end", "")[11:16], rooms.get(f.get("room"), ""))
            for f in forums]


def test_a_time_header_over_start_and_end_is_read_as_both(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A title row, then 时间 merged over two columns above a second header row of 开始 and 结束:
    one session was imported, the two columns reported as "时间 is not a column the guide
    reads", and every session's times were lost."""
    _book([["2023中关村论坛日程"],
           ["编号", "标题", "日期", "时间", None, "地点"],
           [None, None, None, "开始", "结束", None],
           ["S1", "开幕式", "2023-05-25", "09:00", "10:00", "A厅"],
           ["S2", "主论坛", "2023-05-25", "10:30", "12:00", "B厅"]],
          ("A1:G1", "D2:E2")).save(tmp_path / "s.xlsx")
    code, err, report = _import(tmp_path, capsys, tmp_path / "s.xlsx")
    assert code == 0, err
    assert report["skipped"] == [] and "skipped:" not in err
    assert _times(tmp_path / "pack") == [("开幕式", "2023-05-25T09:00", "10:00", "A厅"),
                                         ("主论坛", "2023-05-25T10:30", "12:00", "B厅")]
    # Rows keep their numbers: the first session is row 4.
    _book([["编号", "标题", "日期", "时间", None],
           [None, None, None, "开始", "结束"],
           ["S1", "开幕式", "2023-05-25", "9点", "10:00"]], ("D1:E1",)).save(tmp_path / "bad.xlsx")
    (tmp_path / "bad").mkdir()
    code, err, _report = _import(tmp_path / "bad", capsys, tmp_path / "bad.xlsx")
    assert code == 2
    assert "bad.xlsx: row 3, column 开始 Start: '9点' is not a time" in err


@pytest.mark.parametrize(("rows", "merges"), [
    # Headers merged down over both rows, and groups of 日期 and 地点 with a column the guide
    # does not read under each (星期, 楼层).
    ([["编号", "标题", "日期", None, "时间", None, "地点", None],
      [None, None, "日期", "星期", "开始", "结束", "会场", "楼层"]],
     ("A1:A2", "B1:B2", "C1:D1", "E1:F1", "G1:H1")),
    # English, and 起/止 under 起止时间.
    ([["ID", "Title", "Date", "Time", None, "Venue", None],
      [None, None, None, "Start", "End", None, None]], ("D1:E1",)),
    ([["编号", "标题", "日期", "起止时间", None, "地点"],
      [None, None, None, "起", "止", None]], ("D1:E1",)),
])
def test_two_row_headers_of_other_groups_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: list[list[Any]],
        merges: tuple[str, ...]) -> None:
    head = rows[0]
    session = {"编号": "S1", "ID": "S1", "标题": "开幕式", "Title": "开幕式", "日期": "2023-05-25",
               "Date": "2023-05-25", "地点": "A厅", "Venue": "A厅"}
    cells = [session.get(h or "") for h in head]
    for i, under in enumerate(rows[1]):
        cells[i] = {"开始": "09:00", "起": "09:00", "Start": "09:00", "结束": "10:00", "止": "10:00",
                    "End": "10:00", "会场": "A厅", "星期": "周四", "楼层": "3层"}.get(under or "", cells[i])
    _book([*rows, cells], merges).save(tmp_path / "s.xlsx")
    code, err, report = _import(tmp_path, capsys, tmp_path / "s.xlsx")
    assert code == 0, err
    assert _times(tmp_path / "pack") == [("开幕式", "2023-05-25T09:00", "10:00", "A厅")]
    unread = [(s["where"], s["reason"]) for s in report["columns_not_read"]]
    assert report["skipped"] == []
    if "星期" in rows[1]:
        assert unread == [
            ("column D", '"日期/星期" is not a column the guide reads; its cells were not loaded'),
            ("column H", '"地点/楼层" is not a column the guide reads; its cells were not loaded')]
    else:
        assert unread == []


def test_a_csv_with_a_two_row_header_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV file keeps a merged group header in its first cell, the others empty."""
    (tmp_path / "s.csv").write_text("编号,标题,日期,时间,,地点\n,,,开始,结束,\n"
                                    "S1,开幕式,2023-05-25,09:00,10:00,A厅\n", encoding="utf-8")
    code, err, report = _import(tmp_path, capsys, tmp_path / "s.csv")
    assert code == 0, err
    assert report["skipped"] == []
    assert _times(tmp_path / "pack") == [("开幕式", "2023-05-25T09:00", "10:00", "A厅")]
