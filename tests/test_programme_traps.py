"""What real schedule files do wrong, and what `guide import` makes of it (in small files)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from guide.cli import main
from guide.content.loader import load_pack
from tests.support import import_schedule

PENTABARF = """<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>FOSDEM 2010</title><acronym>fosdem10</acronym>
    <day_change>05:00:00</day_change></conference>
  <day date="2010-02-06" index="1">
    <room name="Janson">
      <event id="1">
        <start>23:30</start><duration>1:30</duration><room>Janson</room>
        <title>Late talk</title><track>Keynotes</track><type>lecture</type>
        <abstract>&amp;lt;p&amp;gt;Fish &amp;amp;amp; chips&amp;lt;/p&amp;gt;</abstract>
        <persons><person id="7">Ada</person><person id="8">Bob</person></persons>
        <links><link href="https://example.org/a">Slides</link></links>
        <shiny>an element nobody knows</shiny>
      </event>
      <event id="2">
        <start>00:30</start><duration>0:00</duration><room>Janson</room>
        <title>After midnight</title><persons><person id="7">Ada</person></persons>
      </event>
    </room>
    <room name="H.1302"/>
    <room name="">
      <event id="3"><start>10:00</start><duration>48:00</duration><room></room>
        <title>Two days long</title></event>
      <event id="6"><start>15:00</start><duration>00:40:00</duration><room>K</room>
        <title>Seconds written</title></event>
      <event id="4"><start>11:00</start><duration>ninety</duration><room>K</room>
        <title>Bad duration</title></event>
      <event id="5"><start>12:00</start><duration>01:00</duration><room>K</room><title/></event>
      <event id="1"><start>23:30</start><duration>1:30</duration><room>Janson</room>
        <title>Late talk</title></event>
      <event id="2"><start>14:00</start><duration>00:45</duration><room>K</room>
        <title>Same id, other talk</title></event>
    </room>
  </day>
</schedule>
"""


def _import(tmp_path: Path, text: str, *extra: str, name: str = "s.xml") -> tuple[int, Path, Path]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    done = import_schedule(tmp_path, tmp_path / name, *extra, timezone=None)
    return done.code, done.pack, tmp_path / "report.json"


def _sessions(out: Path) -> dict[str, Any]:
    return {f.title: f for f in load_pack(out).of("forum")}


def test_no_time_zone_is_a_clear_error_naming_the_flag(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, report = _import(tmp_path, PENTABARF)
    err = capsys.readouterr().err
    assert code == 2 and "--timezone" in err and "Europe/Brussels" in err
    assert not out.exists() and not report.exists()


def test_unknown_time_zone_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _import(tmp_path, PENTABARF, "--timezone", "Europe/Atlantis")
    assert code == 2 and "'Europe/Atlantis' is not a known time zone" in capsys.readouterr().err
    assert not out.exists()


def test_pentabarf_file_with_every_trap(tmp_path: Path) -> None:
    code, out, report_path = _import(tmp_path, PENTABARF, "--timezone", "Europe/Brussels")
    assert code == 0
    s = _sessions(out)
    late, night, long = s["Late talk"], s["After midnight"], s["Two days long"]
    # Brussels in February is UTC+01:00; 23:30 plus 1:30 ends the next calendar day.
    assert late.start.isoformat() == "2010-02-06T23:30:00+01:00"
    assert late.end.isoformat() == "2010-02-07T01:00:00+01:00"
    # 00:30 belongs to the conference day of 6 February but happens on the 7th.
    assert night.date.isoformat() == "2010-02-06"
    assert night.start.isoformat() == night.end.isoformat() == "2010-02-07T00:30:00+01:00"
    assert long.end.isoformat() == "2010-02-08T10:00:00+01:00"
    # HH:MM:SS, as the frab schema writes three parts (read as D:HH:MM, it was unreadable).
    assert s["Seconds written"].end.isoformat() == "2010-02-06T15:40:00+01:00"
    assert long.room is None  # empty room: kept, without one
    assert late.summary == "Fish & chips"  # double-escaped HTML decoded, tags gone
    assert [ln.url for ln in late.links] == ["https://example.org/a"]
    assert [ln.title for ln in late.links] == ["Slides"]
    assert late.speakers[0].person == night.speakers[0].person  # Ada, once
    assert "Same id, other talk" in s and s["Same id, other talk"].id != night.id
    rooms = {r.title for r in load_pack(out).of("room")}
    assert rooms == {"Janson", "H.1302", "K"}  # the empty room H.1302 is still a room
    report = json.loads(report_path.read_text(encoding="utf-8"))
    skipped = {(r["id"], r["reason"]) for r in report["skipped"]}
    assert skipped == {
        ("4", "duration 'ninety' is not H:MM, HH:MM or HH:MM:SS"),
        ("5", "no title"),
        ("1", "duplicate of session " + late.id + " (same id, title and start)"),
    }
    repaired = {(r["id"], r["repair"]) for r in report["repaired"]}
    assert ("1", "HTML that was escaped twice was decoded") in repaired
    assert ("3", "no room given; the session is listed without one") in repaired
    assert ("2", "id 2 is used twice; this second event gets an id of its own") in repaired
    # Two days is kept but named: a typo ("48:00" for "4:00") would be "on now" for days.
    notices = {(r["id"], r["notice"]) for r in report["notices"]}
    assert ("3", "lasts 48 hours (duration 48:00); it is shown as on for all that time:"
                 " check the duration") in notices


def test_offsets_that_differ_within_a_file_are_kept_as_instants(tmp_path: Path) -> None:
    doc = {"schedule": {"conference": {"title": "Spring", "acronym": "spring", "days": [
        {"date": "2024-03-30", "rooms": {"A": [
            {"id": 1, "guid": "a1", "date": "2024-03-30T12:00:00+01:00", "start": "12:00",
             "duration": "00:30", "room": "A", "title": "Before the change", "persons": []},
            {"id": 2, "guid": "a2", "date": "2024-03-31T12:00:00+02:00", "start": "12:00",
             "duration": "00:30", "room": "A", "title": "After the change", "persons": []},
        ]}}]}}}
    code, out, _ = _import(tmp_path, json.dumps(doc), name="s.json")
    assert code == 0
    s = _sessions(out)
    assert s["Before the change"].start.isoformat() == "2024-03-30T12:00:00+01:00"
    assert s["After the change"].start.isoformat() == "2024-03-31T12:00:00+02:00"
    # With the zone named, times are shown in it: still the same instants.
    code, out, _ = _import(tmp_path, json.dumps(doc), "--timezone", "Asia/Shanghai", name="s.json")
    s = _sessions(out)
    assert s["After the change"].start.isoformat() == "2024-03-31T18:00:00+08:00"


def test_a_failed_import_leaves_the_old_pack_alone(tmp_path: Path) -> None:
    code, out, _ = _import(tmp_path, PENTABARF, "--timezone", "Europe/Brussels")
    before = (out / "programme.json").read_bytes()
    code, out, _ = _import(tmp_path, "<schedule><day date='x'>", "--timezone", "UTC")
    assert code == 2 and (out / "programme.json").read_bytes() == before


def test_an_import_never_overwrites_a_folder_that_is_not_a_pack(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "thesis.txt").write_text("precious", encoding="utf-8")
    code, out, _ = _import(tmp_path, PENTABARF, "--timezone", "Europe/Brussels")
    assert code == 2 and "holds files an import did not write (thesis.txt)" in capsys.readouterr().err
    assert (out / "thesis.txt").read_text(encoding="utf-8") == "precious"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_importing_into_the_folder_that_holds_the_organisers_sheet_deletes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The organiser keeps the sheet and notes in the pack folder of an earlier import."""
    code, out, _ = _import(tmp_path, PENTABARF, "--timezone", "Europe/Brussels")
    assert code == 0
    (out / "programme-latest.xml").write_text(PENTABARF, encoding="utf-8")
    (out / "notes.txt").write_text("call the caterer", encoding="utf-8")
    before = _snapshot(out)
    capsys.readouterr()
    code = main(["import", str(out / "programme-latest.xml"), "--out", str(out),
                 "--timezone", "Europe/Brussels"])
    err = capsys.readouterr().err
    assert code == 2 and _snapshot(out) == before
    assert err.splitlines()[0] == (
        f"error: {out} holds files an import did not write (notes.txt, programme-latest.xml); "
        "the import replaces the whole folder, so it would delete them: choose an empty or new "
        "folder for --out")


def test_an_import_does_not_replace_a_hand_written_pack(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hand = tmp_path / "pack"
    hand.mkdir()
    (hand / "pack.toml").write_text('[pack]\nid = "zgc2023"\nversion = 1\ntitle = "x"\n'
                                    'title_en = "x"\n', encoding="utf-8")
    (hand / "forums.toml").write_text("# days of typing\n", encoding="utf-8")
    before = _snapshot(hand)
    code, out, _ = _import(tmp_path, PENTABARF, "--timezone", "Europe/Brussels")
    assert code == 2 and _snapshot(out) == before
    assert "holds files an import did not write (forums.toml)" in capsys.readouterr().err


def test_an_import_of_another_programme_does_not_replace_an_imported_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _import(tmp_path, PENTABARF, "--timezone", "Europe/Brussels")
    assert code == 0
    before = _snapshot(out)
    other = PENTABARF.replace("<acronym>fosdem10</acronym>", "<acronym>fosdem11</acronym>")
    code, out, _ = _import(tmp_path, other, "--timezone", "Europe/Brussels")
    assert code == 2 and _snapshot(out) == before
    assert (f"error: {out} holds another programme, pack 'fosdem10' (imported from s.xml); this "
            "import is pack 'fosdem11': to update that pack give --pack-id fosdem10, else choose "
            "an empty or new folder for --out") in capsys.readouterr().err
    # Re-importing the same programme (a corrected file) still replaces the earlier import.
    (out / ".DS_Store").write_bytes(b"\0")
    code, out, _ = _import(tmp_path, PENTABARF.replace("Late talk", "Later talk"),
                           "--timezone", "Europe/Brussels")
    assert code == 0 and "Later talk" in _sessions(out)


ICS_MIXED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:x
BEGIN:VEVENT
UID:u1
SUMMARY:All-day start, timed end
DTSTART;VALUE=DATE:20230527
DTEND:20230527T090000Z
END:VEVENT
END:VCALENDAR
"""
FRAB_JSON_DAYS_AS_NUMBERS = '{"schedule":{"conference":{"title":"T","time_zone_name":"UTC","days":5}}}'


@pytest.mark.parametrize(("name", "text", "said"), [
    ("s.ics", ICS_MIXED, "s.ics: no session could be imported (1 skipped: VEVENT 1 (UID u1): "
     "DTSTART is a date (an all-day event) but DTEND 2023-05-27 09:00 UTC has a time"),
    ("s.ics", ICS_MIXED.replace("DTEND:20230527T090000Z", "RRULE:FREQ=SOMETIMES"),
     "s.ics: no session could be imported (1 skipped: VEVENT 1 (UID u1): the repeat rule "
     "RRULE:FREQ=SOMETIMES has FREQ=SOMETIMES; it must be one of"),
    ("s.json", FRAB_JSON_DAYS_AS_NUMBERS, "s.json: not a readable frab JSON schedule file: "
     "schedule.conference.days is a number, not a list of days"),
    ("s.csv", "标题 Title,日期 Date,开始 Start,结束 End\nTalk," + "x" * 200_000 + ",10:00,11:00\n",
     "s.csv: not a readable CSV spreadsheet file: field larger than field limit"),
])
def test_a_file_that_breaks_its_format_is_one_line_of_error_and_nothing_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, said: str) -> None:
    code, out, report = _import(tmp_path, text, "--timezone", "UTC", name=name)
    err = capsys.readouterr().err
    assert code == 2 and said in err and "Traceback" not in err
    assert not out.exists() and not report.exists()


def test_a_session_beyond_the_year_9999_is_skipped_and_the_others_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rooms = {"R": [
        {"guid": "w", "title": "ok", "date": "2023-05-27T09:00:00+00:00", "start": "09:00",
         "duration": "00:30"},
        {"guid": "x", "title": "far", "date": "9999-12-31T20:00:00+00:00", "start": "20:00",
         "duration": "99:00"},
    ]}
    doc = {"schedule": {"conference": {"title": "T", "time_zone_name": "UTC",
                                       "days": [{"date": "2023-05-27", "rooms": rooms}]}}}
    code, out, _ = _import(tmp_path, json.dumps(doc), name="s.json")
    assert code == 0 and list(_sessions(out)) == ["ok"]
    assert "event x: ends after the year 9999" in capsys.readouterr().err


def test_when_every_session_is_skipped_the_error_says_why(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = "标题 Title,日期 Date,开始 Start,结束 End\nTalk,1023-05-27,10:00,11:00\n"
    code, out, _ = _import(tmp_path, sheet, "--timezone", "Asia/Shanghai", name="s.csv")
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert ("s.csv: no session could be imported (1 skipped: row 2: the date 1023-05-27 is out "
            "of range: its time zone then was 8:05:43 from UTC, before standard time; check the year)") in err


def test_an_event_that_ends_before_it_starts_is_skipped_saying_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backwards = ICS_MIXED.replace("DTSTART;VALUE=DATE:20230527", "DTSTART:20230527T100000Z")
    ok = backwards.replace("UID:u1", "UID:u0").replace("DTEND:20230527T090000Z", "DTEND:20230527T110000Z")
    calendar = ok.replace("END:VCALENDAR\n", "") + backwards.split("VERSION:2.0\nPRODID:x\n", 1)[1]
    code, out, _ = _import(tmp_path, calendar, "--timezone", "UTC", name="s.ics")
    assert code == 0 and len(_sessions(out)) == 1
    assert "VEVENT 2 (UID u1): ends before it starts (duration -1:00)" in capsys.readouterr().err


def test_what_a_killed_import_left_beside_its_pack_goes_at_the_next_import(tmp_path: Path) -> None:
    gone = 2**22 + 12345  # above Linux's default pid_max: no such process
    left = tmp_path / f".pack.k3x9a1.{gone}.tmp"  # the temp folder of an import that was killed
    left.mkdir()
    (left / "programme.json").write_text("{}", encoding="utf-8")
    others = [tmp_path / f".notes.{gone}.tmp", tmp_path / f".pack.k3x9a1.{os.getpid()}.tmp"]
    for other in others:  # someone else's temp file; one of a live process
        other.write_text("keep", encoding="utf-8")
    code, out, _ = _import(tmp_path, PENTABARF, "--timezone", "Europe/Brussels")
    assert code == 0 and (out / "programme.json").is_file()
    assert not left.exists() and all(other.read_text(encoding="utf-8") == "keep" for other in others)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pack.") and p not in others]


CUT = ("; it was cut short (a download or copy that stopped?): download or export it again")


@pytest.mark.parametrize(("name", "text", "said"), [
    ("trunc.xml", PENTABARF[:PENTABARF.index("<title>Two days")],
     "trunc.xml: not a readable frab XML schedule file: the file ends in the middle of the "
     "schedule (line 23)" + CUT),
    ("bad.xml", PENTABARF.replace("</room>", "</rooms>", 1),
     "bad.xml: not a readable frab XML schedule file: the XML is not well-formed at line 8, "
     "column 67 (mismatched tag)"),
    ("trunc.json", json.dumps({"schedule": {"conference": {"title": "T", "days": []}}},
                              indent=1)[:40],
     "trunc.json: not a readable frab JSON schedule file: the file ends in the middle of the "
     "schedule (line 4)" + CUT),
    ("zone.xml", PENTABARF.replace("<day_change>", "<time_zone_name>Asia/Beijing"
                                   "</time_zone_name><day_change>"),
     "zone.xml: its time zone 'Asia/Beijing' is not a known time zone; give the zone its times "
     "are in with --timezone, e.g. --timezone Asia/Shanghai (IANA names), or correct it in the "
     "file"),
])
def test_a_broken_schedule_is_named_first_with_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, said: str) -> None:
    """'error: not well-formed XML: no element found: line 2974' named no file and no remedy."""
    code, out, _report = _import(tmp_path, text, name=name)
    assert code == 2 and not out.exists()
    assert capsys.readouterr().err.splitlines()[0] == f"error: {said}"


def test_an_unknown_zone_of_the_content_in_use_does_not_say_to_correct_the_file(tmp_path: Path) -> None:
    # The file names no zone; the one taken from the content in use is unknown: the advice
    # "or correct it in the file" pointed at a file that holds no zone.
    from guide.programme.importer import read_programme
    from guide.programme.model import ProgrammeError

    source = tmp_path / "schedule.xml"
    source.write_text(PENTABARF, encoding="utf-8")
    with pytest.raises(ProgrammeError) as exc:
        read_programme(str(source), fallback_timezone="Asia/Beijingg")
    said = str(exc.value)
    assert "the file names no time zone and the content in use names 'Asia/Beijingg'" in said
    assert "--timezone" in said and "correct it in the file" not in said
