"""Test data in a real export ("test-andi2" in room "andi-test-raum", 39C3) is named in the
import's report; left out only when its title and room both say test and it says nothing more."""

from __future__ import annotations

from pathlib import Path

from guide.programme.model import RawEvent, RawProgramme, RawRoom
from guide.programme.test_entries import looks_like_test, mark_test_entries
from tests.conftest import ROOT
from tests.support import import_and_list

SCHEDULES = ROOT / "tests" / "fixtures" / "schedules"
XML_39C3 = SCHEDULES / "eventfahrplan-schedule-39c3-20251206.xml"
JSON_RC3 = SCHEDULES / "voc-pretalx-rc3.json"


def test_the_39c3_test_session_and_its_room_are_left_out_and_said(tmp_path: Path) -> None:
    sessions, report, stderr = import_and_list(tmp_path, XML_39C3)
    assert "test-andi2" not in {s["title"] for s in sessions}
    assert report["rooms"] == 13 and report["sessions"] == 214  # not the empty test room
    why = {s["where"]: s["reason"] for s in report["skipped"]}
    assert "looks like test data" in why["day 2025-12-27, room andi-test-raum, event 96320"]
    assert "--keep-test-entries" in why["day 2025-12-27, room andi-test-raum, event 96320"]
    assert "looks like test data" in why["room andi-test-raum"]
    assert "skipped: day 2025-12-27, room andi-test-raum, event 96320: looks like test data" in stderr


def test_keep_test_entries_keeps_them_with_a_note(tmp_path: Path) -> None:
    sessions, report, stderr = import_and_list(tmp_path, XML_39C3, "--keep-test-entries")
    assert "test-andi2" in {s["title"] for s in sessions}
    assert report["rooms"] == 14 and report["skipped"] == []
    notes = {n["where"]: n["notice"] for n in report["notices"]}
    assert "looks like test data" in notes["day 2025-12-27, room andi-test-raum, event 96320"]
    assert "looks like test data" in notes["room andi-test-raum"]
    assert "note: room andi-test-raum: the room's name looks like test data" in stderr


def test_a_test_title_in_a_real_room_is_kept_and_noted(tmp_path: Path) -> None:
    # rC3's "Chaostrawler test" (abstract "ich fasse zusammen") is in a real room: weak evidence.
    sessions, report, stderr = import_and_list(tmp_path, JSON_RC3)
    assert "Chaostrawler test" in {s["title"] for s in sessions}
    assert report["skipped"] == []
    assert any("'Chaostrawler test' looks like test data" in n["notice"] for n in report["notices"])
    assert "note: " in stderr and "Chaostrawler test" in stderr


def test_what_looks_like_test_data() -> None:
    for name in ("test-andi2", "andi-test-raum", "Test", "Testraum 2", "TEST ROOM", "dummy talk",
                 "测试会场"):
        assert looks_like_test(name), name
    # Real names with "test" in them: a game show, a word that contains it, a long title.
    for name in ("GPTDash – Der Reverse-Turing-Test", "Contest", "Testament", "Attestation",
                 "Fuzz testing in practice", "软件测试与质量保障论坛", "One", ""):
        assert not looks_like_test(name), name


def test_a_session_that_says_something_is_never_left_out() -> None:
    # Title and room say test, but it has an abstract: maybe real, so it is kept and noted.
    raw = RawProgramme("frab-xml", rooms=[RawRoom("Testraum")], events=[
        RawEvent("event 1", "2025-12-27", title="Test", room="Testraum", abstract="Was wir testen"),
        RawEvent("event 2", "2025-12-27", title="Pentest live", room="Testraum")])
    mark_test_entries(raw)
    assert [e.skip for e in raw.events] == [None, None]
    assert [r.name for r in raw.rooms] == ["Testraum"] and not raw.left_out
    assert [where for where, _ in raw.notices] == ["event 1", "room Testraum"]
    assert "kept, with 2 session(s)" in raw.notices[-1][1]
