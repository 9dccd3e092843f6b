"""What calendar programs put in an .ics, and what `guide import` makes of it (small files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from guide.content.loader import load_pack
from tests.support import import_schedule

HEAD = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nX-WR-CALNAME:ZGC\n"
DAILY = """BEGIN:VEVENT
UID:brief@x
DTSTART;TZID=Asia/Shanghai:20230525T090000
DTEND;TZID=Asia/Shanghai:20230525T100000
RRULE:FREQ=DAILY;COUNT=3
SUMMARY:Morning briefing
LOCATION:Hall A
END:VEVENT
"""
KEYNOTE = """BEGIN:VEVENT
UID:keynote@x
DTSTART;TZID=Asia/Shanghai:20230525T110000
DTEND;TZID=Asia/Shanghai:20230525T120000
SUMMARY:Keynote
END:VEVENT
"""


def _calendar(*events: str) -> str:
    return HEAD + "".join(events) + "END:VCALENDAR\n"


def _import(tmp_path: Path, text: str | bytes) -> tuple[int, Path, dict[str, Any]]:
    source = tmp_path / "c.ics"
    source.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    done = import_schedule(tmp_path, source)
    return done.code, done.pack, done.report


def _times(out: Path) -> list[tuple[str, str, str | None]]:
    """(title, start, end) of every session, by start."""
    forums = load_pack(out).of("forum")
    return sorted(((f.title, f.start.isoformat(), f.end.isoformat() if f.end else None)
                   for f in forums), key=lambda t: t[1])


def test_a_moved_occurrence_replaces_the_one_its_recurrence_id_names(tmp_path: Path) -> None:
    # The RECURRENCE-ID is in UTC: 01:00Z is the 09:00 Shanghai occurrence it moves.
    moved = """BEGIN:VEVENT
UID:brief@x
RECURRENCE-ID:20230526T010000Z
DTSTART;TZID=Asia/Shanghai:20230526T140000
DTEND;TZID=Asia/Shanghai:20230526T150000
SUMMARY:Morning briefing (moved)
LOCATION:Hall B
END:VEVENT
"""
    code, out, report = _import(tmp_path, _calendar(DAILY, moved))
    assert code == 0 and report["skipped"] == []
    assert _times(out) == [
        ("Morning briefing", "2023-05-25T09:00:00+08:00", "2023-05-25T10:00:00+08:00"),
        ("Morning briefing (moved)", "2023-05-26T14:00:00+08:00", "2023-05-26T15:00:00+08:00"),
        ("Morning briefing", "2023-05-27T09:00:00+08:00", "2023-05-27T10:00:00+08:00"),
    ]
    moved_session = next(f for f in load_pack(out).of("forum") if f.title.endswith("(moved)"))
    # It keeps the occurrence's guid: a bookmark of the old time follows the session.
    assert moved_session.guid == "brief@x/2023-05-26T09:00:00+08:00"


def test_a_change_to_this_and_later_occurrences_is_reported_not_applied(tmp_path: Path) -> None:
    later = """BEGIN:VEVENT
UID:brief@x
RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Asia/Shanghai:20230526T090000
DTSTART;TZID=Asia/Shanghai:20230526T140000
DTEND;TZID=Asia/Shanghai:20230526T150000
SUMMARY:Afternoon briefing
END:VEVENT
"""
    code, out, report = _import(tmp_path, _calendar(DAILY, later))
    assert code == 0 and len(_times(out)) == 3
    [skipped] = report["skipped"]
    assert skipped["where"] == ("VEVENT 2 (UID brief@x, RECURRENCE-ID 2023-05-26 09:00 "
                                "Asia/Shanghai)")
    assert "RANGE=THISANDFUTURE" in skipped["reason"] and "not supported" in skipped["reason"]


def test_cancelled_events_and_occurrences_are_left_out_and_counted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cancelled = KEYNOTE.replace("UID:keynote@x", "UID:panel@x\nSTATUS:CANCELLED")
    one_off = """BEGIN:VEVENT
UID:brief@x
RECURRENCE-ID;TZID=Asia/Shanghai:20230526T090000
STATUS:CANCELLED
DTSTART;TZID=Asia/Shanghai:20230526T090000
DTEND;TZID=Asia/Shanghai:20230526T100000
SUMMARY:Morning briefing
END:VEVENT
"""
    code, out, report = _import(tmp_path, _calendar(KEYNOTE, cancelled, DAILY, one_off))
    assert code == 0
    assert [start for _title, start, _end in _times(out)] == [
        "2023-05-25T09:00:00+08:00", "2023-05-25T11:00:00+08:00", "2023-05-27T09:00:00+08:00"]
    assert [(s["where"], s["reason"]) for s in report["skipped"]] == [
        ("VEVENT 2 (UID panel@x)", "cancelled (STATUS:CANCELLED); left out"),
        ("VEVENT 4 (UID brief@x, RECURRENCE-ID 2023-05-26 09:00 Asia/Shanghai)",
         "the occurrence of 2023-05-26 09:00 Asia/Shanghai is cancelled (STATUS:CANCELLED); "
         "left out"),
    ]
    said = capsys.readouterr().out
    assert said.startswith("imported 3 sessions") and "2 skipped" in said


def test_a_calendar_that_is_not_utf8_is_refused_unless_it_names_its_charset(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gbk = _calendar(KEYNOTE.replace("Keynote", "开幕式")).encode("gbk")
    code, out, _ = _import(tmp_path, gbk)
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert ("error: c.ics: not a readable iCalendar file: it is not UTF-8 text (line 9 is in "
            "another encoding, perhaps GBK): save the calendar as UTF-8") in err
    declared = _calendar(KEYNOTE.replace("SUMMARY:Keynote", "SUMMARY;CHARSET=GBK:开幕式"))
    code, out, _ = _import(tmp_path, declared.encode("gbk"))
    assert code == 0 and [t for t, _s, _e in _times(out)] == ["开幕式"]


BAD_EVENTS = {
    "all-day start, timed end": (
        "DTSTART;VALUE=DATE:20230525\nDTEND:20230525T100000\n",
        "DTSTART is a date (an all-day event) but DTEND 2023-05-25 10:00 has a time; give both "
        "as dates, or both with a time"),
    "misspelt frequency": (
        "DTSTART;TZID=Asia/Shanghai:20230525T090000\nDURATION:PT1H\nRRULE:FREQ=DAYLY;COUNT=3\n",
        "the repeat rule RRULE:FREQ=DAYLY;COUNT=3 has FREQ=DAYLY; it must be one of SECONDLY, "
        "MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY"),
    # dateutil looked for a 30 February up to the year 9999: 6 s per event, the import waiting.
    "a day no month has": (
        "DTSTART;TZID=Asia/Shanghai:20230525T090000\nDURATION:PT1H\n"
        "RRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30\n",
        "the repeat rule RRULE:FREQ=MINUTELY;BYMONTHDAY=30;BYMONTH=2 never matches a day: none "
        "of its months has day 30"),
    # No month has ten Mondays: dateutil looked for one up to the year 9999, COUNT or not.
    "a rule that never matches": (
        "DTSTART;TZID=Asia/Shanghai:20230525T090000\nDURATION:PT1H\n"
        "RRULE:FREQ=MONTHLY;BYSETPOS=10;BYDAY=MO;COUNT=3\n",
        "the repeat rule RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=MO;BYSETPOS=10 has no occurrence in the "
        "10 years after DTSTART (2023-05-25 09:00 Asia/Shanghai); check its BY... parts, which "
        "may never match together"),
    "a rule without an end that never matches": (
        "DTSTART;VALUE=DATE:20230525\nRRULE:FREQ=YEARLY;BYMONTH=1;BYYEARDAY=200\n",
        "the repeat rule RRULE:FREQ=YEARLY;BYYEARDAY=200;BYMONTH=1 has no occurrence in the 10 "
        "years after DTSTART (2023-05-25); check its BY... parts, which may never match together"),
    "unreadable start": (
        "DTSTART:2023-05-25 9am\nDURATION:PT1H\n",
        "DTSTART '2023-05-25 9am' is not a date (20230525) or a date and time (20230525T090000)"),
}


@pytest.mark.parametrize("case", BAD_EVENTS)
def test_an_event_that_cannot_be_read_is_skipped_by_name_and_the_rest_import(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    times, reason = BAD_EVENTS[case]
    bad = f"BEGIN:VEVENT\nUID:bad@x\n{times}SUMMARY:Bad\nEND:VEVENT\n"
    code, out, report = _import(tmp_path, _calendar(bad, KEYNOTE))
    assert code == 0 and [t for t, _s, _e in _times(out)] == ["Keynote"]
    assert [(s["where"], s["reason"]) for s in report["skipped"]] == [("VEVENT 1 (UID bad@x)", reason)]
    assert f"skipped: VEVENT 1 (UID bad@x): {reason}" in capsys.readouterr().err


GOOD_FORMS = {
    # A floating DTEND with a zoned DTSTART is on the start's clock.
    "floating end": ("DTSTART;TZID=Asia/Shanghai:20230525T090000\nDTEND:20230525T100000\n",
                     [("2023-05-25T09:00:00+08:00", "2023-05-25T10:00:00+08:00")],
                     "DTEND has no time zone; read in DTSTART's: 2023-05-25 10:00 Asia/Shanghai"),
    # A date UNTIL (with a zoned start) takes in the whole of its day.
    "date until": ("DTSTART;TZID=Asia/Shanghai:20230525T090000\nDURATION:PT1H\n"
                   "RRULE:FREQ=DAILY;UNTIL=20230527\n",
                   [(f"2023-05-{d}T09:00:00+08:00", f"2023-05-{d}T10:00:00+08:00")
                    for d in (25, 26, 27)], None),
    # A floating EXDATE removes the occurrence at that clock time in DTSTART's zone.
    "floating exdate": ("DTSTART;TZID=Asia/Shanghai:20230525T090000\nDURATION:PT1H\n"
                        "RRULE:FREQ=DAILY;COUNT=3\nEXDATE:20230526T090000\n",
                        [(f"2023-05-{d}T09:00:00+08:00", f"2023-05-{d}T10:00:00+08:00")
                         for d in (25, 27)], None),
    # A DTEND that is a date ends the session at midnight.
    "date end": ("DTSTART;TZID=Asia/Shanghai:20230525T200000\nDTEND;VALUE=DATE:20230526\n",
                 [("2023-05-25T20:00:00+08:00", "2023-05-26T00:00:00+08:00")],
                 "DTEND 2023-05-26 has no time of day; the session ends at midnight, "
                 "2023-05-26 00:00 Asia/Shanghai"),
}


@pytest.mark.parametrize("case", GOOD_FORMS)
def test_common_slips_in_dates_are_read_as_calendar_programs_read_them(
        tmp_path: Path, case: str) -> None:
    times, expected, note = GOOD_FORMS[case]
    event = f"BEGIN:VEVENT\nUID:e@x\n{times}SUMMARY:Talk\nLOCATION:Hall A\nEND:VEVENT\n"
    code, out, report = _import(tmp_path, _calendar(event))
    assert code == 0 and report["skipped"] == []
    assert [(s, e) for _t, s, e in _times(out)] == expected
    assert [r["repair"] for r in report["repaired"]] == ([note] if note else [])


def test_a_time_zone_the_guide_does_not_know_is_said(tmp_path: Path) -> None:
    """TZID=Nowhere/Land without a VTIMEZONE: read in the given zone, and nobody was told."""
    code, out, report = _import(tmp_path, _calendar(KEYNOTE.replace("Asia/Shanghai", "Nowhere/Land")))
    assert code == 0
    assert _times(out) == [("Keynote", "2023-05-25T11:00:00+08:00", "2023-05-25T12:00:00+08:00")]
    assert any("time zone Nowhere/Land is not one the guide knows" in r["repair"]
               for r in report["repaired"])


def test_a_series_longer_than_ten_years_is_cut_there_and_said(tmp_path: Path) -> None:
    """An annual forum's series of 20 (a rule's search ends ten years after its start)."""
    event = ("BEGIN:VEVENT\nUID:forum@x\nDTSTART;TZID=Asia/Shanghai:20230525T090000\n"
             "DURATION:PT8H\nRRULE:FREQ=YEARLY;COUNT=20\nSUMMARY:Forum\nLOCATION:Hall A\n"
             "END:VEVENT\n")
    code, out, report = _import(tmp_path, _calendar(event))
    assert code == 0 and report["skipped"] == []
    assert [s[:10] for _t, s, _e in _times(out)] == [f"{y}-05-25" for y in range(2023, 2034)]
    assert [r["repair"] for r in report["repaired"]] == [
        "RRULE:FREQ=YEARLY;COUNT=20 goes on for more than 10 years; only its occurrences in the "
        "10 years after DTSTART are imported"]


def test_the_search_of_a_rule_ends_at_its_horizon_and_after_its_periods(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """dateutil searched on to the year 9999 whatever the rule's COUNT or UNTIL (for hours,
    a rule of seconds that never matches); the guard on its loop ends the search."""
    import datetime as dt

    from dateutil.rrule import rrulestr

    from guide.programme import recur

    first = dt.datetime(2023, 5, 25, 9)
    never = rrulestr("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=1", dtstart=first)
    monkeypatch.setattr(recur, "MAX_PERIODS", 10**9)
    with pytest.raises(recur.SearchStopped):  # at the horizon: unguarded, [] in the year 9999
        list(recur.occurrences(never, first + dt.timedelta(days=30)))
    january = rrulestr("FREQ=DAILY;BYMONTH=1;COUNT=1", dtstart=first)  # 221 days on
    horizon = first + dt.timedelta(days=3653)
    assert list(recur.occurrences(january, horizon)) == [dt.datetime(2024, 1, 1, 9)]
    monkeypatch.setattr(recur, "MAX_PERIODS", 100)
    with pytest.raises(recur.SearchStopped):  # after its periods
        list(recur.occurrences(january, horizon))
