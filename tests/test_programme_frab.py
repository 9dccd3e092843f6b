"""Values of the wrong shape in frab XML/JSON schedules: read sensibly, or refused naming where."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from guide.cli import main
from guide.content.loader import load_pack
from tests.support import import_schedule

XML = """<?xml version="1.0" encoding="UTF-8"?>
<schedule><conference><title>ZGC</title><acronym>zgc23</acronym>
<time_zone_name>Asia/Shanghai</time_zone_name><track color="{color}">Main</track></conference>
<day index="1" date="{date}"><room name="Hall" guid="{room_guid}">
<event guid="{guid}" id="1"><date>{when}</date><start>{start}</start><duration>01:00</duration>
<room>Hall</room><title>Late</title><track>Main</track></event>
<event guid="g2" id="2"><date>2023-05-25T10:00:00+08:00</date><start>10:00</start>
<duration>01:00</duration><room>Hall</room><title>Morning</title></event>
</room></day></schedule>
"""
GOOD = {"color": "#ff0000", "date": "2023-05-25", "room_guid": "r1", "guid": "g1",
        "when": "2023-05-25T09:00:00+08:00", "start": "09:00"}


def _import(tmp_path: Path, text: str, name: str) -> tuple[int, Path, dict[str, Any]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    done = import_schedule(tmp_path, tmp_path / name, timezone=None)
    return done.code, done.pack, done.report


def _forums(out: Path) -> dict[str, Any]:
    return {f.title: f for f in load_pack(out).of("forum")}


def test_a_day_date_that_is_not_iso_is_the_files_error_naming_the_day(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _import(tmp_path, XML.format(**{**GOOD, "date": "25.05.2023"}), "s.xml")
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert ("error: s.xml: not a readable frab XML schedule file: day 1: its date '25.05.2023' "
            "is not written YYYY-MM-DD (e.g. 2023-05-25)") in err


def test_a_blank_colour_or_guid_is_no_colour_or_guid(tmp_path: Path) -> None:
    code, out, _ = _import(tmp_path, XML.format(**{**GOOD, "color": " ", "room_guid": " ",
                                                   "guid": " "}), "s.xml")
    assert code == 0
    pack = load_pack(out)
    assert [t.color for t in pack.of("track")] == [None]
    assert [r.guid for r in pack.of("room")] == [None]
    assert _forums(out)["Late"].guid == "1"  # the event's id stands in for its blank guid


@pytest.mark.parametrize(("when", "start"), [("2023-05-25T24:00:00+08:00", "24:00"), ("", "24:00")])
def test_24_00_is_the_midnight_that_ends_the_day(tmp_path: Path, when: str, start: str) -> None:
    code, out, report = _import(tmp_path, XML.format(**{**GOOD, "when": when, "start": start}),
                                "s.xml")
    assert code == 0
    late = _forums(out)["Late"]
    assert late.date.isoformat() == "2023-05-25"  # still the conference day it is filed under
    assert (late.start.isoformat(), late.end.isoformat()) == (
        "2023-05-26T00:00:00+08:00", "2023-05-26T01:00:00+08:00")
    assert [r["repair"] for r in report["repaired"]] == [
        "24:00 on 2023-05-25 read as the midnight that ends it: 2023-05-26 00:00"]


def test_an_impossible_hour_is_skipped_in_plain_words(tmp_path: Path) -> None:
    code, out, report = _import(tmp_path, XML.format(**{**GOOD, "when": "2023-05-25T25:00:00+08:00",
                                                         "start": "25:00"}), "s.xml")
    assert code == 0 and list(_forums(out)) == ["Morning"]
    assert [(s["where"], s["reason"]) for s in report["skipped"]] == [(
        "day 2023-05-25, room Hall, event 1",
        "start time unreadable: '2023-05-25T25:00:00+08:00' is not a date and time "
        "(YYYY-MM-DDTHH:MM, with or without an offset such as +08:00)")]


def _doc(first: Any, rooms: Any = None, days: Any = None) -> str:
    second = {"id": 2, "guid": "g2", "date": "2023-05-25T10:00:00+08:00", "start": "10:00",
              "duration": "01:00", "title": "Morning", "persons": [{"public_name": "Ada"}]}
    rooms = {"Hall": [first, second]} if rooms is None else rooms
    days = [{"index": 1, "date": "2023-05-25", "rooms": rooms}] if days is None else days
    return json.dumps({"schedule": {"conference": {
        "title": "ZGC", "time_zone_name": "Asia/Shanghai", "days": days}}}, ensure_ascii=False)


EVENT = {"id": 1, "guid": "g1", "date": "2023-05-25T09:00:00+08:00", "start": "09:00",
         "duration": "01:00", "title": "Late"}


@pytest.mark.parametrize(("title", "shown", "english"), [
    ({"de": "Hallo", "en": "Hello"}, "Hello", "Hello"),
    ({"zh": "开幕式", "en": "Opening"}, "开幕式", "Opening"),
    ({"de": "Hallo"}, "Hallo", "Hallo"),
])
def test_a_multilingual_title_shows_chinese_english_or_the_first_language(
        tmp_path: Path, title: dict[str, str], shown: str, english: str) -> None:
    code, out, _ = _import(tmp_path, _doc({**EVENT, "title": title}), "s.json")
    assert code == 0
    forum = _forums(out)[shown]
    assert forum.title_en == english


def test_a_value_of_the_wrong_kind_skips_its_event_saying_which(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, report = _import(
        tmp_path, _doc({**EVENT, "persons": [{"public_name": ["A", "B"]}]}), "s.json")
    assert code == 0 and list(_forums(out)) == ["Morning"]
    reason = 'speaker 1\'s public_name is a list (["A", "B"]), not text'
    assert [(s["where"], s["reason"]) for s in report["skipped"]] == [
        ("day 2023-05-25, room Hall, event 1", reason)]
    assert f"skipped: day 2023-05-25, room Hall, event 1: {reason}" in capsys.readouterr().err
    code, out, report = _import(tmp_path, _doc("a talk"), "s.json")
    assert code == 0 and [s["reason"] for s in report["skipped"]] == [
        'is text ("a talk"), not an event object']


@pytest.mark.parametrize(("text", "said"), [
    (_doc(EVENT, days={"0": {"date": "2023-05-25"}}),
     "schedule file: schedule.conference.days is an object, not a list of days"),
    (_doc(EVENT, rooms=[[EVENT]]),
     "schedule file: day 1 (2023-05-25): rooms is a list, not an object of room names, each with its "
     "list of events"),
    (_doc(EVENT, rooms={"Hall": EVENT}),
     "schedule file: day 1 (2023-05-25), room Hall: its events are an object, not a list"),
    (_doc(EVENT, days=[{"date": "25.05.2023", "rooms": {}}]),
     "schedule file: day 1: its date '25.05.2023' is not written YYYY-MM-DD"),
])
def test_a_schedule_of_the_wrong_shape_is_refused_naming_where(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, said: str) -> None:
    code, out, _ = _import(tmp_path, text, "s.json")
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert "error: s.json: not a readable frab JSON " + said in err
    assert "object has no attribute" not in err


def test_a_schedule_in_a_declared_chinese_encoding_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """GBK (Chinese systems' exports): "multi-byte encodings are not supported", refused."""
    text = XML.format(**GOOD).replace('encoding="UTF-8"', 'encoding="GBK"').replace(
        "<title>Late</title>", "<title>开幕式</title>")
    source, out = tmp_path / "gbk.xml", tmp_path / "pack"
    source.write_bytes(text.encode("gbk"))
    assert main(["import", str(source), "--out", str(out)]) == 0
    assert "开幕式" in _forums(out)
    source.write_bytes(text.replace('encoding="GBK"', 'encoding="X-NO-SUCH"').encode("gbk"))
    assert main(["import", str(source), "--out", str(tmp_path / "other")]) == 2
    assert ("gbk.xml: not a readable frab XML schedule file: its XML declaration names the encoding "
            "'X-NO-SUCH', which the guide does not know: save the schedule as UTF-8") \
        in capsys.readouterr().err


def _import_bytes(tmp_path: Path, data: bytes, name: str) -> tuple[int, Path, dict[str, Any]]:
    source, out, report = tmp_path / name, tmp_path / name.replace(".", "-"), tmp_path / f"{name}.json"
    source.write_bytes(data)
    code = main(["import", str(source), "--out", str(out), "--report", str(report)])
    return code, out, json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}


def test_a_utf8_schedule_declared_latin1_is_read_as_utf8_and_said_so(tmp_path: Path) -> None:
    # Read as its declaration said, every "Zügli" became "ZÃ¼gli", without a word.
    text = XML.format(**GOOD).replace("<title>Late</title>", "<title>Zügli – 开幕式</title>")
    data = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8")
    code, out, report = _import_bytes(tmp_path, data, "mislabelled.xml")
    assert code == 0 and "Zügli – 开幕式" in _forums(out)
    assert {"where": "the XML declaration", "id": None, "guid": None, "title": "",
            "repair": "its XML declaration says ISO-8859-1, but the text is UTF-8: read as UTF-8"} \
        in report["repaired"]
    # A real Latin-1 file (bytes that are not UTF-8) is still read as Latin-1.
    latin = text.replace(" – 开幕式", "").replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    code, out, report = _import_bytes(tmp_path, latin.encode("latin-1"), "latin.xml")
    assert code == 0 and "Zügli" in _forums(out) and not report["repaired"]


def test_a_utf16_schedule_is_read(tmp_path: Path) -> None:
    # Windows' "Unicode" (UTF-16 with a byte order mark) had been "not a schedule this
    # version reads".
    text = XML.format(**GOOD).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    code, out, _ = _import_bytes(tmp_path, text.encode("utf-16"), "windows.xml")
    assert code == 0 and set(_forums(out)) == {"Late", "Morning"}
    # Without a declaration, an encoding="..." in a title is the title's, not rewritten.
    bare = XML.format(**GOOD).split("\n", 1)[1].replace("<title>Late</title>",
                                                        "<title>Say encoding='latin-1'</title>")
    code, out, _ = _import_bytes(tmp_path, bare.encode("utf-16"), "bare.xml")
    assert code == 0 and "Say encoding='latin-1'" in _forums(out)
    from guide.programme.frab import read_frab_xml  # the reader on its own, as --format frab-xml

    titles = [e.title for e in read_frab_xml(bare.encode("utf-16")).events]
    assert titles == ["Say encoding='latin-1'", "Morning"]


def test_an_undeclared_gbk_schedule_and_an_empty_file_say_what_they_are(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = XML.format(**GOOD).replace("<title>Late</title>", "<title>开幕式</title>")
    code, out, _ = _import_bytes(tmp_path, text.encode("gbk"), "gbk.xml")  # says UTF-8
    assert code == 2 and not out.exists()
    assert ("gbk.xml: not a readable frab XML schedule file: it is not UTF-8 text (line 6, "
            "byte 394); a schedule saved in another encoding (GBK on Chinese systems) must be "
            "saved again as UTF-8") in capsys.readouterr().err
    code, out, _ = _import_bytes(tmp_path, b"", "empty.xml")
    assert code == 2 and "error: empty.xml: the file is empty" in capsys.readouterr().err
    # The same when the format is named (expat's "no element found" before).
    (tmp_path / "blank.xml").write_bytes(b"\n \n")
    assert main(["import", str(tmp_path / "blank.xml"), "--format", "frab-xml",
                 "--out", str(tmp_path / "blank")]) == 2
    assert "error: blank.xml: the file is empty" in capsys.readouterr().err
