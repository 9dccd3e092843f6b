"""`guide export`: frab XML/JSON that validate against the format's schemas, iCalendar, and round trips."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import icalendar
import jsonschema
import pytest
from lxml import etree

from guide.cli import main
from guide.content.build import build_content_db
from guide.content.database import content_info, open_content_db
from guide.content.records import list_items, to_json
from tests.conftest import REAL_PACK, ROOT

SCHEDULES = ROOT / "tests" / "fixtures" / "schedules"
SOURCES = {"39c3": SCHEDULES / "eventfahrplan-schedule-39c3-20251206.xml",
           "rc3": SCHEDULES / "voc-pretalx-rc3.json"}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Content databases built from each real schedule."""
    out = {}
    for name, source in SOURCES.items():
        folder = tmp_path_factory.mktemp(name)
        assert main(["import", str(source), "--out", str(folder / "pack")]) == 0
        out[name] = build_content_db(folder / "pack", folder / "c.db").path
    return out


def _export(db: Path, fmt: str, out: Path) -> Path:
    assert main(["export", "--format", fmt, "--out", str(out), "--content-db", str(db)]) == 0
    return out


def _sessions(db: Path) -> dict[str, tuple[Any, ...]]:
    found = {}
    for f in (to_json(x) for x in list_items(open_content_db(db), "forum")):
        found[f["guid"]] = (f["title"], f["start"], f["end"], f["room"], f["date"],
                            [s["name"] for s in f["speakers"]], f["track"], f["type"])
    return found


@pytest.mark.parametrize("name", SOURCES)
def test_frab_xml_export_validates_against_the_xsd(imported: dict[str, Path], tmp_path: Path,
                                                   name: str) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEDULES / "frab-schedule.xml.xsd")))
    exported = etree.parse(str(_export(imported[name], "frab-xml", tmp_path / "s.xml")))
    assert schema.validate(exported), schema.error_log
    assert len(exported.findall(".//event")) == len(_sessions(imported[name]))


@pytest.mark.parametrize("name", SOURCES)
def test_frab_json_export_validates_against_the_json_schema(imported: dict[str, Path],
                                                            tmp_path: Path, name: str) -> None:
    schema = json.loads((SCHEDULES / "frab-schedule.schema.json").read_text(encoding="utf-8"))
    doc = json.loads(_export(imported[name], "frab-json", tmp_path / "s.json").read_text("utf-8"))
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []


def test_the_xsd_check_is_real() -> None:
    """A schedule missing a required attribute fails: the validation above can fail."""
    schema = etree.XMLSchema(etree.parse(str(SCHEDULES / "frab-schedule.xml.xsd")))
    bad = etree.fromstring(b"<schedule><version>1</version><conference/><day date='2020-01-01'/>"
                           b"</schedule>")
    assert not schema.validate(bad)


def test_the_json_schema_check_is_real(imported: dict[str, Path], tmp_path: Path) -> None:
    schema = json.loads((SCHEDULES / "frab-schedule.schema.json").read_text(encoding="utf-8"))
    doc = json.loads(_export(imported["rc3"], "frab-json", tmp_path / "s.json").read_text("utf-8"))
    event = next(iter(doc["schedule"]["conference"]["days"][0]["rooms"].values()))[0]
    del event["slug"]
    assert not jsonschema.Draft6Validator(schema).is_valid(doc)


@pytest.mark.parametrize("fmt", ["frab-xml", "frab-json"])
@pytest.mark.parametrize("name", SOURCES)
def test_import_of_the_export_gives_back_the_same_sessions(imported: dict[str, Path], tmp_path: Path,
                                                           name: str, fmt: str) -> None:
    exported = _export(imported[name], fmt, tmp_path / ("s.xml" if fmt == "frab-xml" else "s.json"))
    assert main(["import", str(exported), "--out", str(tmp_path / "again")]) == 0
    again = build_content_db(tmp_path / "again", tmp_path / "again.db").path
    assert _sessions(again) == _sessions(imported[name])


@pytest.mark.parametrize("fmt", ["frab-xml", "frab-json"])
def test_import_of_the_export_keeps_two_speakers_of_one_name_apart(
        imported: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    """39C3 has two speakers named Leonard: the export wrote names only, so importing it
    again made one person of them (263 speakers became 262)."""
    def people(db: Path) -> list[str]:
        return sorted(p["name"] for p in map(to_json, list_items(open_content_db(db), "person")))

    before = people(imported["39c3"])
    assert before.count("Leonard") == 2
    exported = _export(imported["39c3"], fmt, tmp_path / ("s.xml" if fmt == "frab-xml" else "s.json"))
    assert main(["import", str(exported), "--out", str(tmp_path / "again")]) == 0
    assert people(build_content_db(tmp_path / "again", tmp_path / "again.db").path) == before


def _items(db: Path) -> dict[str, dict[str, Any]]:
    """Every session as the guide shows it, by id; speakers by name (the export gives each a
    UUID of its own, so their item ids are new, as in the frab round trip)."""
    found = {}
    for f in (to_json(x) for x in list_items(open_content_db(db), "forum")):
        f["speakers"] = [sp["name"] for sp in f["speakers"]]
        found[f["id"]] = f
    return found


@pytest.mark.parametrize("name", SOURCES)
def test_import_of_the_ics_export_is_the_same_pack_and_sessions(
        imported: dict[str, Path], tmp_path: Path, name: str) -> None:
    """The guide's own .ics imported again lost every bookmark: the UID's "@zgc-guide" stayed
    in the guid, so sessions got new ids; the pack id came from the title, so kiosks refused
    it as another pack; type, language and links were lost, the abstract, text and a
    "Speakers:" line were one text, and 39C3's five sessions after midnight moved a day on."""
    exported = _export(imported[name], "ics", tmp_path / "s.ics")
    assert main(["import", str(exported), "--out", str(tmp_path / "again")]) == 0
    again = build_content_db(tmp_path / "again", tmp_path / "again.db").path
    pack_id = {"39c3": "39c3", "rc3": "rc3-channels-2020"}[name]
    assert content_info(open_content_db(imported[name])).pack_id == pack_id
    assert content_info(open_content_db(again)).pack_id == pack_id
    before, after = _items(imported[name]), _items(again)
    assert set(after) == set(before)
    assert [after[k] for k in sorted(after)] == [before[k] for k in sorted(before)]
    assert all(f["type"] for f in after.values()) and any(f["language"] for f in after.values())
    assert any(f["links"] for f in after.values()) or name == "rc3"  # (rc3's sessions have none)


def test_the_ics_export_keeps_its_after_midnight_sessions_on_their_night(
        imported: dict[str, Path], tmp_path: Path) -> None:
    exported = _export(imported["39c3"], "ics", tmp_path / "s.ics")
    assert main(["import", str(exported), "--out", str(tmp_path / "again")]) == 0
    again = build_content_db(tmp_path / "again", tmp_path / "again.db").path
    night = {k: f["date"] for k, f in _items(imported["39c3"]).items() if f["start"][:10] != f["date"]}
    assert len(night) == 5
    assert {k: _items(again)[k]["date"] for k in night} == night


def test_another_calendar_keeps_its_uid_and_speakers_paragraph(tmp_path: Path) -> None:
    """Only the guide's own export is read for its X- properties' sake: another calendar's
    "@zgc-guide"-less UID and a DESCRIPTION naming its speakers stay as they are."""
    source = tmp_path / "other.ics"
    source.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n"
                      "X-WR-CALNAME:Other Forum\r\nBEGIN:VEVENT\r\nUID:abc@example.org\r\n"
                      "DTSTART;TZID=Europe/Berlin:20250101T100000\r\nDURATION:PT1H\r\n"
                      "SUMMARY:Talk\r\nLOCATION:Hall\r\nCONTACT:Ann\r\n"
                      "DESCRIPTION:About it.\\n\\nSpeakers: Ann\r\n"
                      "LINK;VALUE=URI;LINKREL=related;LABEL=Slides:https://example.org/s\r\n"
                      "END:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    assert main(["import", str(source), "--out", str(tmp_path / "pack")]) == 0
    db = build_content_db(tmp_path / "pack", tmp_path / "c.db").path
    (item,) = _items(db).values()
    assert content_info(open_content_db(db)).pack_id == "other-forum"
    assert item["guid"] == "abc@example.org"
    assert item["summary"] == "About it.\n\nSpeakers: Ann" and item["text"] == []
    assert item["links"] == [{"url": "https://example.org/s", "title": "Slides"}]


def test_ics_export_has_one_vevent_per_session(imported: dict[str, Path], tmp_path: Path) -> None:
    raw = _export(imported["39c3"], "ics", tmp_path / "s.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75  # folded
    assert any(line.startswith(b" ") for line in lines)
    cal = icalendar.Calendar.from_ical(raw)
    events = cal.walk("VEVENT")
    sessions = _sessions(imported["39c3"])
    assert len(events) == len(sessions) == 214
    by_uid = {str(e["UID"]).removesuffix("@zgc-guide"): e for e in events}
    assert set(by_uid) == set(sessions)
    for guid, (title, start, end, room, _day, speakers, _track, _type) in sessions.items():
        e = by_uid[guid]
        assert str(e["SUMMARY"]) == title and str(e["LOCATION"]) == room
        assert e["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert e.decoded("DTSTART").isoformat() == start and e.decoded("DTEND").isoformat() == end
        for name in speakers:
            assert name in str(e["DESCRIPTION"])
    assert "URL" in by_uid["a2dd3dc7-ecae-50b3-82d9-266ad02f7a40"]
    assert re.search(rb"BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin", raw)


def test_untimed_forums_are_all_day_in_ics_and_refused_by_frab(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = build_content_db(REAL_PACK, tmp_path / "real.db").path
    cal = icalendar.Calendar.from_ical(_export(db, "ics", tmp_path / "r.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == len(list_items(open_content_db(db), "forum"))
    assert all(e["DTSTART"].params.get("VALUE") == "DATE" for e in events)
    code = main(["export", "--format", "frab-xml", "--out", str(tmp_path / "r.xml"),
                 "--content-db", str(db)])
    assert code == 2 and "needs one; nothing written" in capsys.readouterr().err
    assert not (tmp_path / "r.xml").exists()


def test_a_chinese_calendar_of_the_forum_for_its_attendees(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The .ics export was English only: a Chinese forum's attendees got "Green Finance Forum"
    in their phones. ``--lang zh`` writes the Chinese titles, texts and names."""
    db = build_content_db(REAL_PACK, tmp_path / "real.db").path
    out = tmp_path / "zh.ics"
    assert main(["export", "--out", str(out), "--lang", "zh", "--content-db", str(db)]) == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    titles = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    forums = list_items(open_content_db(db), "forum")
    assert titles == {f.title for f in forums}
    assert str(cal["NAME"]) == "2023中关村论坛"
    english = icalendar.Calendar.from_ical(_export(db, "ics", tmp_path / "en.ics").read_bytes())
    assert {str(e["SUMMARY"]) for e in english.walk("VEVENT")} == {f.title_en for f in forums}
    code = main(["export", "--out", str(tmp_path / "x.xml"), "--lang", "zh", "--content-db", str(db)])
    assert code == 2 and "--lang is for the .ics export" in capsys.readouterr().err


def test_export_to_a_folder_or_a_missing_folder_names_the_target_and_leaves_nothing(
        imported: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "adir").mkdir()
    code = main(["export", "--format", "ics", "--out", str(tmp_path / "adir"),
                 "--content-db", str(imported["39c3"])])
    assert code == 2 and f"{tmp_path / 'adir'} is a folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir"] and not any((tmp_path / "adir").iterdir())


def test_export_into_a_new_folder_makes_it_as_bookmarks_export_does(
        imported: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "error: …/s.ics: No such file or directory", where `bookmarks export` made the folder."""
    new = tmp_path / "new" / "s.ics"
    assert main(["export", "--out", str(new), "--content-db", str(imported["39c3"])]) == 0
    assert capsys.readouterr().out.startswith(f"wrote 214 sessions as ics to {new}")
    assert new.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in new.parent.iterdir()) == ["s.ics"]  # no temp file left


def test_export_to_stdout_and_a_name_that_says_another_format(
        imported: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    """`--out -` wrote a file named "-", and `--format frab-xml --out x.ics` wrote XML into a
    .ics file (bookmarks export sends - to stdout)."""
    monkeypatch.chdir(tmp_path)
    db = str(imported["39c3"])
    assert main(["export", "--format", "frab-xml", "--out", "-", "--content-db", db]) == 0
    out, err = capfd.readouterr()
    assert out.startswith("<?xml") and "wrote 214 sessions as frab-xml to stdout" in err
    code = main(["export", "--format", "frab-xml", "--out", "x.ics", "--content-db", db])
    err = capfd.readouterr().err
    assert code == 2 and err.startswith("error: --out x.ics names the ics format (.ics), but "
                                        "--format is frab-xml: give --format ics"), err
    assert "nothing written" in err
    code = main(["export", "--out", "-", "--content-db", db])  # no name to tell the format
    assert code == 2 and "give --format frab-xml|frab-json|ics" in capfd.readouterr().err
    assert list(tmp_path.iterdir()) == []
    assert main(["export", "--out", "s.json", "--content-db", db]) == 0  # the name tells it
    assert json.loads((tmp_path / "s.json").read_text("utf-8"))["schedule"]


def test_an_import_writes_its_report_into_a_new_folder_as_it_does_its_pack(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, report = tmp_path / "pack", tmp_path / "reports" / "r.json"
    code = main(["import", str(SCHEDULES / "eventfahrplan-schedule-39c3-20251206.xml"), "--out", str(out),
                 "--report", str(report)])
    assert code == 0 and json.loads(report.read_text(encoding="utf-8"))["sessions"] == 214
    assert (out / "programme.json").is_file()
