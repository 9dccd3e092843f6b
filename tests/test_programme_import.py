"""`guide import`: real frab/pretalx schedules become packs whose sessions match the files.

The expected values are read from the files by a second, independent route (a plain
``xml.etree`` walk / ``json`` read here in the test), not by the importer's code.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from guide.programme.text import paragraphs
from tests.conftest import ROOT, run_guide
from tests.support import Midway, import_and_list, zip_bytes

SCHEDULES = ROOT / "tests" / "fixtures" / "schedules"
XML_39C3 = SCHEDULES / "eventfahrplan-schedule-39c3-20251206.xml"
JSON_RC3 = SCHEDULES / "voc-pretalx-rc3.json"
# "test-andi2" in room "andi-test-raum": left out as test data (tests/test_programme_test_entries.py).
TEST_ENTRY = "f096bf3f-2012-45b1-9139-e09bb80188ef"


def _hm(text: str) -> dt.timedelta:
    hours, minutes = text.split(":")
    return dt.timedelta(hours=int(hours), minutes=int(minutes))


def _expected_39c3() -> dict[str, dict[str, Any]]:
    out = {}
    for day in ET.parse(XML_39C3).getroot().iter("day"):
        for room in day.iter("room"):
            for event in room.iter("event"):
                start = dt.datetime.fromisoformat(event.findtext("date") or "")
                out[event.get("guid", "")] = {
                    "title": " ".join((event.findtext("title") or "").split()),
                    "day": day.get("date"),
                    "start": start, "end": start + _hm(event.findtext("duration") or ""),
                    "room": room.get("name"), "track": event.findtext("track") or None,
                    "type": event.findtext("type") or None,
                    "speakers": [p.text for p in event.iter("person")],
                }
    del out[TEST_ENTRY]
    return out


def _by_guid(sessions: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {s["guid"]: s for s in sessions}


def test_39c3_xml_every_session_time_room_and_speakers_match_the_file(tmp_path: Path) -> None:
    expected = _expected_39c3()
    sessions, report, _err = import_and_list(tmp_path, XML_39C3)
    got = _by_guid(sessions)
    assert len(sessions) == len(expected) == 214
    for guid, want in expected.items():
        s = got[guid]
        start, end = dt.datetime.fromisoformat(s["start"]), dt.datetime.fromisoformat(s["end"])
        assert start.utcoffset() is not None and start == want["start"] and end == want["end"], guid
        assert s["room"] == want["room"] and s["title"] == want["title"]
        assert [p["name"] for p in s["speakers"]] == want["speakers"]
        assert (s["date"], s["track"], s["type"]) == (want["day"], want["track"], want["type"])
    assert report["sessions"] == 214
    assert [s["where"] for s in report["skipped"]] == [
        "room andi-test-raum", "day 2025-12-27, room andi-test-raum, event 96320"]
    # The one <attachment> has a relative address: left out, and said so.
    assert [r["guid"] for r in report["repaired"]] == ["c31906d3-4cd5-5b05-aebe-5ce1538c70b8"]
    assert "left out" in report["repaired"][0]["repair"]


def test_39c3_events_after_midnight_stay_on_their_conference_day(tmp_path: Path) -> None:
    expected = _expected_39c3()
    after_midnight = {g for g, e in expected.items() if e["start"].date().isoformat() != e["day"]}
    assert len(after_midnight) == 5
    sessions, _report, _err = import_and_list(tmp_path, XML_39C3)
    for guid in after_midnight:
        s = _by_guid(sessions)[guid]
        assert s["date"] == expected[guid]["day"]
        assert s["start"][:10] != s["date"] and s["start_time"] < "06:00"
    # In the day's list the night's sessions come last, not first.
    days = [s for s in sessions if s["date"] == "2025-12-27"]
    assert days[-1]["guid"] in after_midnight
    assert [s["start"] for s in days] == sorted(s["start"] for s in days)


def test_nested_link_titles_never_replace_the_session_title(tmp_path: Path) -> None:
    sessions, _report, _err = import_and_list(tmp_path, XML_39C3)
    s = _by_guid(sessions)["a2dd3dc7-ecae-50b3-82d9-266ad02f7a40"]
    assert s["title"] == "All my Deutschlandtickets gone: Fraud at an industrial scale"
    assert {"url": "https://zügli.app", "title": "Zügli"} in s["links"]
    # Markdown rendered to text and the file's 20-space indentation gone.
    assert "Zügli (https://zügli.app)" in s["text"][0]
    assert not any(p.startswith(" ") or "](" in p for p in s["text"])


def test_nested_markdown_emphasis_leaves_no_marks_in_the_39c3_texts(tmp_path: Path) -> None:
    """Six 39C3 sessions showed "**total newbies**", "_**Optional**: … Linux._" and
    "Ardu**ino": only one layer of emphasis was taken off, and only within one line."""
    sessions, _report, _err = import_and_list(tmp_path, XML_39C3)
    texts = {s["guid"]: "\n".join([s.get("summary") or "", *(s.get("text") or [])]) for s in sessions}
    marked = {guid: t for guid, t in texts.items() if re.search(r"\*\*|(?<!\w)_\w|\w_(?!\w)", t)}
    assert marked == {}
    newbies = texts["810e6683-87bb-4f68-a857-f8a601b432dd"]
    assert "easy enough for total newbies to learn" in newbies
    assert "Optional: Bring your laptop if you want to go home with the free Arduino software " \
           "installed on it. Arduino software runs on Windows, MacOS and Linux." in newbies
    assert "open hardware Arduino-compatible music synthesizer kit with a built-in Touch Keyboard" \
        in "".join(texts.values())


@pytest.mark.parametrize(("typed", "shown"), [
    ("_**total newbies**_ and **_just well enough_**", "total newbies and just well enough"),
    ("***both*** and ~~struck~~ and `code`", "both and struck and code"),
    ("an **Ardu**ino kit", "an Arduino kit"),
    ("**Dieser Workshop wird geleitet von: **", "Dieser Workshop wird geleitet von:"),
    ("这是**重点**内容", "这是重点内容"),
    # What is no emphasis stays as typed.
    ("snake_case_name, file_name_v2 and MAX_SIZE", "snake_case_name, file_name_v2 and MAX_SIZE"),
    ("5 * 3 * 2, a*b*c and 2*3*4", "5 * 3 * 2, a*b*c and 2*3*4"),
    ("use *.txt or *.csv", "use *.txt or *.csv"),
    ("a lone ** and a lone _", "a lone ** and a lone _"),
    ("`a_b*c_d*e`", "a_b*c_d*e"),
])
def test_markdown_emphasis_is_taken_off_nested_and_kept_where_it_is_none(typed: str, shown: str) -> None:
    assert paragraphs(typed)[0] == [shown]


def test_emphasis_over_several_lines_of_a_paragraph_is_taken_off() -> None:
    assert paragraphs("_**Optional**: bring your laptop\n    if you want; it runs on Linux._")[0] == \
        ["Optional: bring your laptop if you want; it runs on Linux."]


def test_a_hostile_text_of_unpaired_marks_is_read_at_once() -> None:
    """Each unpaired mark was tried against the rest of its line: 36 KB of "*a " took 13 s."""
    started = time.monotonic()
    for mark in ("*", "**", "_", "`"):
        assert paragraphs(f"{mark}a " * 12000)[0] == [(f"{mark}a " * 12000).strip()]
    assert time.monotonic() - started < 5


def test_speakers_are_people_deduplicated_across_sessions(tmp_path: Path) -> None:
    sessions, report, _err = import_and_list(tmp_path, XML_39C3)
    root = ET.parse(XML_39C3).getroot()
    guid_of = {(e.get("guid"), p.text): p.get("guid") for e in root.iter("event")
               for p in e.iter("person") if e.get("guid") != TEST_ENTRY}
    assert report["speakers"] == len(set(guid_of.values())) == 262
    ids_of: dict[str, set[str]] = {}
    for s in sessions:
        for p in s["speakers"]:
            ids_of.setdefault(guid_of[(s["guid"], p["name"])], set()).add(p["id"])
    assert all(len(ids) == 1 for ids in ids_of.values())
    # Two different people called "leonard" stay two people.
    assert len({p["id"] for s in sessions for p in s["speakers"] if p["name"].casefold() == "leonard"}) == 2


def test_rc3_json_sessions_match_the_file(tmp_path: Path) -> None:
    doc = json.loads(JSON_RC3.read_text(encoding="utf-8"))
    expected = {}
    for day in doc["schedule"]["conference"]["days"]:
        for room, events in day["rooms"].items():
            for e in events:
                start = dt.datetime.fromisoformat(e["date"])
                expected[e["guid"]] = (start, start + _hm(e["duration"]), room,
                                       [p["public_name"] for p in e["persons"]], day["date"])
    sessions, report, _err = import_and_list(tmp_path, JSON_RC3)
    assert len(sessions) == len(expected) == 48 and report["skipped"] == []
    for s in sessions:
        start, end, room, speakers, day = expected[s["guid"]]
        assert dt.datetime.fromisoformat(s["start"]) == start
        assert dt.datetime.fromisoformat(s["end"]) == end
        assert (s["room"], [p["name"] for p in s["speakers"]], s["date"]) == (room, speakers, day)
        assert s["start"].endswith("+01:00")


def test_rooms_and_tracks_are_items_of_their_own(tmp_path: Path) -> None:
    import_and_list(tmp_path, XML_39C3)
    rooms = json.loads(run_guide("list", "room", "--json", "--content-db",
                                 str(tmp_path / "c.db")).stdout)
    tracks = json.loads(run_guide("list", "track", "--json", "--content-db",
                                  str(tmp_path / "c.db")).stdout)
    root = ET.parse(XML_39C3).getroot()
    assert {r["title"] for r in rooms} == {r.get("name") for r in root.iter("room")
                                           if r.get("name") not in (None, "andi-test-raum")}
    assert {t["title"] for t in tracks} >= {t.get("name") for t in root.find("conference").iter("track")}


def test_an_imported_pack_folder_builds_into_a_guidepack_unchanged(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    assert run_guide("import", str(JSON_RC3), "--out", str(pack)).returncode == 0
    built = run_guide("pack", "build", str(pack), "--out", str(tmp_path / "rc3.guidepack"))
    assert built.returncode == 0, built.stderr
    verified = run_guide("pack", "verify", str(tmp_path / "rc3.guidepack"))
    assert "unsigned" in verified.stdout + verified.stderr  # structure fine; only the signature is missing


def test_a_schedule_is_imported_from_an_http_url_as_from_the_file(tmp_path: Path) -> None:
    """Organisers publish schedule.xml on their conference system; staff give its address."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(SCHEDULES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{XML_39C3.name}"
        sessions, _report, _err = import_and_list(tmp_path / "url", url)
        assert set(_by_guid(sessions)) == set(_expected_39c3())
        missing = run_guide("import", url + ".gone", "--out", str(tmp_path / "none"))
        assert missing.returncode == 2 and "cannot download" in missing.stderr
        assert "Traceback" not in missing.stderr and not (tmp_path / "none").exists()
    finally:
        server.shutdown()
        server.server_close()


def _commands(text: str) -> list[list[str]]:
    """The `guide ...` commands quoted in a message, as argument lists without `guide`."""
    import re
    import shlex

    return [shlex.split(c)[1:] for c in re.findall(r"`(guide [^`]+)`", text)]


def test_the_next_steps_import_prints_show_the_programme(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An organiser copies the commands `guide import` prints: the guide then shows the programme."""
    from guide.cli import main

    assert main(["import", str(JSON_RC3), "--out", str(tmp_path / "rc3")]) == 0
    printed = capsys.readouterr().out
    assert f'open {JSON_RC3} with "Open programme..."' in printed
    build, open_guide = _commands(printed)
    assert "--out" in build and main(build) == 0
    assert open_guide[0] == "--content-db"
    capsys.readouterr()
    assert main(["check", "--json", *open_guide]) == 0
    assert json.loads(capsys.readouterr().out)["pack_id"] == "rc3-channels-2020"


def test_build_db_without_out_refuses_a_pack_the_next_start_would_throw_away(
        tmp_path: Path, mini_pack: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Without --out the app's own database is written, and every start rebuilds it from the
    bundled pack: an imported programme built there would be gone at the next start."""
    from guide import paths
    from guide.cli import main

    bundled = tmp_path / "app" / "content.db"
    monkeypatch.setattr(paths, "bundled_pack_dir", lambda: mini_pack)
    monkeypatch.setattr(paths, "bundled_content_db", lambda: bundled)
    assert main(["build-db"]) == 0  # the bundled pack itself is still built there
    before = bundled.read_bytes()
    assert main(["import", str(JSON_RC3), "--out", str(tmp_path / "rc3")]) == 0
    capsys.readouterr()

    assert main(["build-db", "--content", str(tmp_path / "rc3")]) == 2
    err = capsys.readouterr().err
    assert bundled.read_bytes() == before
    assert err.startswith(f"error: without --out, build-db writes the guide's own database {bundled}")
    assert '"Open programme..."' in err
    build, _open = _commands(err)
    assert main(build) == 0 and (tmp_path / "rc3.db").is_file()


def _workbook(macros: bool = False) -> bytes:
    """A one-session workbook; with ``macros``, typed as Excel's macro-enabled .xlsm is."""
    import io
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["标题 Title", "日期 Date", "开始 Start", "结束 End"])
    book.active.append(["Talk", "2023-05-27", "10:00", "11:00"])
    plain = io.BytesIO()
    book.save(plain)
    if not macros:
        return plain.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w") as dst:
        for member in src.infolist():
            data = src.read(member.filename)
            if member.filename == "[Content_Types].xml":
                data = data.replace(b"openxmlformats-officedocument.spreadsheetml.sheet.main",
                                    b"ms-excel.sheet.macroEnabled.main")
            dst.writestr(member, data)
    return out.getvalue()


_SHEET = "标题 Title,日期 Date,开始 Start,结束 End\nTalk,2023-05-27,10:00,11:00\n"
_ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:talk-1\r\n"
        "SUMMARY:Talk\r\nDTSTART:20230527T100000Z\r\nDTEND:20230527T110000Z\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n")
# One file of each name "Open programme…" offers, in the form such files come in.
_OFFERED: dict[str, Any] = {
    "xml": lambda: XML_39C3.read_bytes(), "json": lambda: JSON_RC3.read_bytes(),
    "ics": lambda: _ICS.encode(), "ical": lambda: _ICS.encode(),
    "csv": lambda: _SHEET.encode("utf-8-sig"),
    "txt": lambda: _SHEET.replace(",", "\t").encode("utf-16"),  # Excel's "Unicode Text"
    "tsv": lambda: _SHEET.replace(",", "\t").encode(),
    "xlsx": _workbook, "xlsm": lambda: _workbook(macros=True),
    "xls": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le"),
    "ods": lambda: (b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/vnd.oasis.opendocument."
                    b"spreadsheet"),
    "xlsb": lambda: zip_bytes({"[Content_Types].xml": "", "xl/workbook.bin": ""}),
}



def test_every_file_the_open_programme_dialog_offers_is_read_or_explained(tmp_path: Path) -> None:
    """The dialog's list is the importer's: each name it offers is a file a reader takes, or
    one whose refusal says how to save it as one (a name no reader takes, offered, would only
    lead staff to a refusal without advice)."""
    from guide.programme.importer import EXPLAINED, EXTENSIONS, READERS, programme_extensions, read_programme
    from guide.programme.model import ProgrammeUnreadable

    assert set(EXTENSIONS) == set(READERS)
    offered = programme_extensions()
    assert {"txt", "xlsm", "xls", "ods"} <= set(offered)  # hidden by the dialog before
    for ext in offered:
        source = tmp_path / f"programme.{ext}"
        source.write_bytes(_OFFERED[ext]())
        if ext in EXPLAINED:
            with pytest.raises(ProgrammeUnreadable, match=r"save it as \.xlsx"):
                read_programme(str(source), fallback_timezone="UTC")
        else:
            assert read_programme(str(source), fallback_timezone="UTC")[1].forum, ext


def test_two_imports_into_one_folder_at_once_write_one_version_after_the_other(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two staff import into one pack folder at the same moment: the second waits for the
    first and writes the next version. Both used to read the same pack and write the same
    version over each other (300 imports by two real processes made version 166), and some
    failed with "[Errno 2] No such file or directory: 'pack.toml'" as both swapped the folder
    through one name."""
    from guide.programme import importer
    from guide.programme.continuing import earlier_import

    out = tmp_path / "rc3"
    assert importer.import_programme(str(JSON_RC3), out).version == 1
    # The other program imports while this one checks the pack it made.
    second = Midway(monkeypatch, importer, "load_pack", lambda: importer.import_programme(str(JSON_RC3), out))
    first = importer.import_programme(str(JSON_RC3), out)
    assert sorted([first.version, second.join().version]) == [2, 3]
    assert (found := earlier_import(out)) is not None and found.version == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rc3"]  # no temp folder or lock left
