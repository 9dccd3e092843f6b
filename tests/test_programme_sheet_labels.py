"""Role labels in a programme sheet's 嘉宾 Speakers cells (主持：张三) are no part of a name."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from guide.cli import main
from tests.support import import_schedule


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], source: Path) -> tuple[str, dict]:
    done = import_schedule(tmp_path, source, capsys=capsys)
    assert done.code == 0, done.err
    return done.err, done.report


def _speakers(pack: Path) -> dict[str, list[str]]:
    """Each session's title -> the names of its speakers, in the sheet's order."""
    people = {p["id"]: p["name"] for p in
              json.loads((pack / "programme.json").read_text(encoding="utf-8"))["person"]}
    forums = json.loads((pack / "sessions-0001.json").read_text(encoding="utf-8"))["forum"]
    return {f["title"]: [people[s["person"]] for s in f.get("speakers", [])] for f in forums}


def test_a_moderator_label_is_no_part_of_the_name_and_the_person_is_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The organiser's sheet: 主持：张三 was a person of its own beside 张三, and a search for
    张三 found two people; the moderator was listed as "主持：张三 北京大学教授"."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号", "标题", "日期", "开始", "结束", "地点", "嘉宾"])
    day = dt.datetime(2023, 5, 26)
    for row in (["S1", "开幕式", day, "9:00", "10:30", "主会场",
                 "主持：张三 北京大学教授；嘉宾：李四 院士、王五"],
                ["S2", "主旨演讲", None, "上午10:30", "上午11:00", "主会场", "特邀嘉宾：Zhang Wei"],
                ["S3", "圆桌对话", None, "下午2点", "下午3点半", "主会场",
                 "主持人：赵六\n对话嘉宾：钱七、孙八"],
                ["S4", "闭幕式", None, "16:00", "16:30", "主会场", "张三 北京大学教授、周九 教授"]):
        sheet.append(row)
    sheet.merge_cells("C2:C5")
    book.save(tmp_path / "t.xlsx")
    err, report = _import(tmp_path, capsys, tmp_path / "t.xlsx")
    assert _speakers(tmp_path / "pack") == {
        "开幕式": ["张三 北京大学教授", "李四 院士", "王五"], "主旨演讲": ["Zhang Wei"],
        "圆桌对话": ["赵六", "钱七", "孙八"], "闭幕式": ["张三 北京大学教授", "周九 教授"]}
    # The organiser is told, once, that the labels were read and that the role is not kept.
    notice = ("row 2, row 3, row 4, column 嘉宾 Speakers: role labels (主持、嘉宾、特邀嘉宾、主持人、"
              "对话嘉宾) are not taken as part of the names after them; the guide lists a session's "
              "moderators and hosts with its other speakers, without their role")
    assert notice in err
    assert [n["where"] for n in report["notices"]].count("row 2, row 3, row 4, column 嘉宾 Speakers") == 1
    # One person to find: the search for 张三 finds them once, with both sessions.
    db = tmp_path / "c.db"
    assert main(["build-db", "--content", str(tmp_path / "pack"), "--out", str(db)]) == 0
    capsys.readouterr()
    assert main(["search", "张三", "--kind", "person", "--json", "--content-db", str(db)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [hit["title"] for hit in found] == ["张三 北京大学教授"]


def test_labels_with_an_ascii_colon_in_english_and_after_a_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cells = ["主持:张三", "Moderator: Zhang Wei/Speakers: Li Si, Wang Wu", "Host: Li Na",
             "Chair：张三、Speaker: Li Na", "张三（主持）、李四", "Zhang Wei (moderator), Li Si",
             "Co-chairs: Li Si; Wang Wu", "主持： 张三  嘉宾： 李四 教授",
             # not labels: names, a title after a name, a time
             "张三 主任、李四", "Hosting Team, Li Si",
             # a label's words before its role are the label's ("Session" had become a speaker,
             # then "Session host: Wang Wei" one name), a name typed straight before a Chinese
             # label is a name (张三 was lost, then "张三主持：李四" was one name)
             "Session host: Wang Wei", "张三主持：李四",
             "Moderator: Zhang Wei; Speakers: Li Si, Wang Wu"]
    (tmp_path / "s.csv").write_text(
        "标题,日期,开始,结束,嘉宾\n" + "".join(f'T{i},2023-05-25,{9 + i}:00,{10 + i}:00,"{who}"\n'
                                             for i, who in enumerate(cells)), encoding="utf-8")
    err, _report = _import(tmp_path, capsys, tmp_path / "s.csv")
    assert list(_speakers(tmp_path / "pack").values()) == [
        ["张三"], ["Zhang Wei", "Li Si", "Wang Wu"], ["Li Na"], ["张三", "Li Na"], ["张三", "李四"],
        ["Zhang Wei", "Li Si"], ["Li Si", "Wang Wu"], ["张三", "李四 教授"],
        ["张三 主任", "李四"], ["Hosting Team", "Li Si"],
        ["Wang Wei"], ["张三", "李四"], ["Zhang Wei", "Li Si", "Wang Wu"]]
    assert ("role labels (主持、Moderator、Speakers、Host、Chair、Speaker、moderator、Co-chairs、嘉宾、"
            "Session host)") in err
    assert ("row 2, row 3, row 4, row 5, row 6, row 7, row 8, row 9, row 12, row 13 and 1 more, column 嘉宾 "
            "Speakers") in err


def test_a_role_label_with_words_before_it_leaves_the_persons_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Session host: Wang Wei" and "张三主持：李四" were each listed as one speaker, colon and
    label included, and a search for Wang Wei or 李四 found a person by that odd name."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号", "标题", "日期", "开始", "结束", "嘉宾"])
    for row in (["S1", "Opening", dt.date(2023, 5, 26), "9:00", "9:30", "Session host: Wang Wei"],
                ["S2", "AI Panel", dt.date(2023, 5, 26), "9:30", "10:30",
                 "Panel moderator：Li Na; Panellists: Zhang Wei, Chen Jing"],
                ["S3", "开幕式", dt.date(2023, 5, 26), "10:30", "11:00", "张三主持：李四"],
                ["S4", "人工智能分论坛", dt.date(2023, 5, 26), "14:00", "16:00",
                 "分论坛主持人：王五；演讲嘉宾：赵六、钱七"],
                ["S5", "闭幕式", dt.date(2023, 5, 27), "16:00", "16:30", "会议主持：李四"]):
        sheet.append(row)
    book.save(tmp_path / "programme.xlsx")
    err, _report = _import(tmp_path, capsys, tmp_path / "programme.xlsx")
    assert _speakers(tmp_path / "pack") == {
        "Opening": ["Wang Wei"], "AI Panel": ["Li Na", "Zhang Wei", "Chen Jing"],
        "开幕式": ["张三", "李四"], "人工智能分论坛": ["王五", "赵六", "钱七"], "闭幕式": ["李四"]}
    assert ("row 2, row 3, row 4, row 5, row 6, column 嘉宾 Speakers: role labels (Session host、"
            "Panel moderator、Panellists、主持、分论坛主持人、演讲嘉宾、会议主持) are not taken as part of "
            "the names after them") in err
    # 李四 hosts one session and is the speaker of another: one person, with both.
    people = json.loads((tmp_path / "pack" / "programme.json").read_text(encoding="utf-8"))["person"]
    assert sorted(p["name"] for p in people) == sorted(
        ["Wang Wei", "Li Na", "Zhang Wei", "Chen Jing", "张三", "李四", "王五", "赵六", "钱七"])


def test_common_label_words_before_a_role_are_no_people(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An organiser's 嘉宾 cells "会议主持：张三；开幕致辞：李四；主题演讲：王五": the guide listed the
    speakers 张三, 开幕, 李四, 主题, 王五, and a visitor's search for 开幕 found a person called 开幕.
    A word before a role label is a name only when it looks like one (张三主持：李四); a word that is
    neither a label's nor a name (某某致辞：) leaves the cell as typed rather than invent a person."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号", "会议名称", "日期", "开始时间", "结束时间", "会场", "嘉宾"])
    day = dt.date(2023, 5, 25)
    cells = {"开幕式": "会议主持：张三；开幕致辞：李四；主题演讲：王五",
             "全球科技创新大会": "上午主持：赵六；欢迎致辞：李四；企业代表：钱七",
             "颁奖典礼": "颁奖嘉宾：张三、李四；总结发言：王五",
             "闭幕式": "闭幕致辞：张三；开场致辞：李四；下午主持：赵六",
             "学术论坛": "学术主持：李四；主办方代表：王五；分享嘉宾：张三",
             "数字经济论坛": "张三主持：李四",
             "青年论坛": "某某致辞：张三"}
    for at, (title, who) in enumerate(cells.items()):
        sheet.append([f"F{at}", title, day, f"{9 + at}:00", f"{9 + at}:30", "主会场", who])
    book.save(tmp_path / "日程-嘉宾.xlsx")
    err, _report = _import(tmp_path, capsys, tmp_path / "日程-嘉宾.xlsx")
    assert _speakers(tmp_path / "pack") == {
        "开幕式": ["张三", "李四", "王五"], "全球科技创新大会": ["赵六", "李四", "钱七"],
        "颁奖典礼": ["张三", "李四", "王五"], "闭幕式": ["张三", "李四", "赵六"],
        "学术论坛": ["李四", "王五", "张三"], "数字经济论坛": ["张三", "李四"],
        "青年论坛": ["某某致辞：张三"]}
    assert "开幕致辞、主题演讲、上午主持、欢迎致辞、企业代表、颁奖嘉宾、总结发言" in err
    db = tmp_path / "c.db"
    assert main(["build-db", "--content", str(tmp_path / "pack"), "--out", str(db)]) == 0
    capsys.readouterr()
    for word in ("开幕", "主题", "上午", "企业", "颁奖"):
        assert main(["search", word, "--kind", "person", "--json", "--content-db", str(db)]) == 0
        assert json.loads(capsys.readouterr().out) == [], word


def test_a_name_before_a_label_of_who_speaks_is_never_dropped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"王五代表：李四" listed only 李四 and "张三、李四领导：王五" only 张三 and 王五: a search for the
    person typed before 代表/领导 found nobody. Whether 王五 speaks or is whom 李四 stands for is
    not plain, so such a cell keeps every name it has, as typed; the plain labels still go."""
    cells = ["王五代表：李四", "张三、李四领导：王五", "开幕致辞：张三", "会议主持：张三", "张三主持：李四",
             "Session host: Wang Wei", "企业代表：钱七"]
    (tmp_path / "s.csv").write_text(
        "标题,日期,开始,结束,嘉宾\n" + "".join(f'T{i},2023-05-25,{9 + i}:00,{10 + i}:00,"{who}"\n'
                                             for i, who in enumerate(cells)), encoding="utf-8")
    _import(tmp_path, capsys, tmp_path / "s.csv")
    assert list(_speakers(tmp_path / "pack").values()) == [
        ["王五代表：李四"], ["张三", "李四领导：王五"], ["张三"], ["张三"], ["张三", "李四"],
        ["Wang Wei"], ["钱七"]]
    db = tmp_path / "c.db"
    assert main(["build-db", "--content", str(tmp_path / "pack"), "--out", str(db)]) == 0
    capsys.readouterr()
    for name, sessions in (("王五", {"T0", "T1"}), ("李四", {"T0", "T1", "T4"})):
        assert main(["search", name, "--json", "--content-db", str(db)]) == 0
        found = {hit["title"] for hit in json.loads(capsys.readouterr().out)}
        assert sessions <= found, (name, found)
