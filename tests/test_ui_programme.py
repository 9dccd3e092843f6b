"""The window on an imported real programme (39C3): day strip, kind filter, Home, rooms, tracks, search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QMessageBox, QTextBrowser

from guide.app import Guide, build_window
from guide.content import database, queries, records
from guide.content.build import build_content_db
from guide.search import search
from guide.ui import text as tx
from guide.ui.history import Location
from guide.ui.views.bookmarks import entry_kind, when
from tests.conftest import XML_39C3
from tests.support import answer_yes, shown_guide

TALK = "a2dd3dc7-ecae-50b3-82d9-266ad02f7a40"  # "All my Deutschlandtickets gone", One, 27 Dec 16:00


@pytest.fixture
def guide(qtbot, programme_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, programme_db, now="2025-12-27T16:30", lang="en") as g:
        yield g


def test_day_strip_and_kind_filter_work_on_the_programme(guide: Guide) -> None:
    page = guide.window.page("forums")
    guide.window.go(Location("forums"))
    assert page.days.count() == 4 and page.current_day() == dt.date(2025, 12, 27)
    page.select_day(dt.date(2025, 12, 28))
    rows = [page.model.item_at(i) for i in range(page.model.rowCount())]
    db = guide.ctx.content
    assert len(rows) == len(queries.forum_ids(db, day=dt.date(2025, 12, 28))) > 40
    # The night's sessions (after midnight) close the day, in time order.
    starts = [r.start for r in rows]
    assert starts == sorted(starts) and starts[-1].date() == dt.date(2025, 12, 29)
    page.kind.setCurrentIndex(page.kind.findData("session"))
    assert page.model.rowCount() == len(rows)
    # The filter offers only the kinds the content has: no newspaper words (sub-forum …).
    assert [page.kind.itemData(i) for i in range(page.kind.count())] == [None, "session"]


def test_home_now_and_next_from_the_clock(guide: Guide) -> None:
    home = guide.window.page("home")
    db = guide.ctx.content
    now = dt.datetime(2025, 12, 27, 16, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    rows = queries.forum_rows(db, queries.forum_ids(db, day=dt.date(2025, 12, 27)))
    on_now = [r.id for r in rows if r.start and r.end and r.start <= now < r.end]
    assert TALK in on_now and set(home.today_model.ids()) == set(on_now)
    assert set(home.next_model.ids()) == {r.id for r in rows if r.start and r.start > now}


def test_a_session_past_midnight_is_on_until_it_ends(programme_db: Path) -> None:
    from guide.content.schedule import today_and_next

    db = database.open_content_db(programme_db)
    late = [r for r in queries.forum_rows(db, queries.forum_ids(db, day=dt.date(2025, 12, 27)))
            if r.end and r.end.date() == dt.date(2025, 12, 28) and r.start and r.start.hour == 23]
    assert late
    at = late[0].start.replace(tzinfo=None) + dt.timedelta(minutes=5)
    today, _day, _next = today_and_next(db, at)
    assert late[0].id in [r.id for r in today]


KITCHEN = "341961a3-599d-52b9-8262-34c1757c9698"  # programme day 27 Dec, starts 28 Dec 00:20


def test_a_session_after_midnight_says_its_calendar_day(guide: Guide) -> None:
    # Listed under Sat 27 (its programme day), "00:20" alone had sent visitors there the
    # night before; every place that shows its time now names Sun 28.
    w = guide.window
    w.open_item("forum", KITCHEN)
    body = w.detail.findChild(QTextBrowser, "detailBody").toPlainText()
    assert "Sat 27 December 2025" in body and "00:20–01:20 (Sun 28 Dec)" in body
    row = queries.forum_rows(guide.ctx.content, [KITCHEN])[0]
    w.go(Location.item("room", row.room_id))
    room_page = w.detail.findChild(QTextBrowser, "detailBody").toPlainText()
    assert "00:20–01:20\n(Sun 28 Dec)" in room_page  # the day on a line of its own, under the time
    guide.ctx.bookmarks.toggle("forum", KITCHEN)
    w.go(Location("bookmarks"))
    [entry] = [r for r in w.page("bookmarks").model.rows() if hasattr(r, "view")]
    assert when(entry.view, "en") == "Sat 27 December 2025 · 00:20–01:20 (Sun 28 Dec)"
    guide.ctx.state.set_language("zh")
    assert when(entry.view, "zh").endswith("00:20–01:20（12月28日 周日）")
    # A session before midnight keeps its plain time.
    talk = queries.forum_rows(guide.ctx.content, [TALK])[0]
    assert tx.clock(talk.start_time, talk.end_time, "en", day=talk.date, start=talk.start) == "16:00–17:00"


def test_session_types_and_languages_read_in_the_ui_language(guide: Guide) -> None:
    # The Chinese UI had said 类型：Talk and 语言：en, the English one "Language: de".
    w = guide.window
    w.open_item("forum", KITCHEN)
    body = w.detail.findChild(QTextBrowser, "detailBody").toPlainText()
    assert "Type: Talk" in body and "Language: German" in body
    guide.ctx.state.set_language("zh")
    body = w.detail.findChild(QTextBrowser, "detailBody").toPlainText()
    assert "类型：演讲" in body and "语言：德语" in body
    assert tx.languages("de, en", "zh") == "德语、英语" and tx.languages("en-GB", "en") == "English"
    # "other" reads as a word; a type the guide cannot name stays as the programme gives it.
    assert tx.session_type("other", "en") == "Other" and tx.session_type("other", "zh") == "其他"
    assert tx.session_type("Kidspace", "zh") == "Kidspace"


PODCAST = "c216b3d6-9937-521f-a7ff-85dbb9e94d07"  # c't uplink, "Live-Podcast Bühne (45 Minuten)"
WORKSHOP = "e33a480e-1baf-56bf-b655-6b66736f7ecb"  # "Workshop Bühne (45 Minuten)"


def test_a_type_with_a_stage_and_length_in_it_is_named_in_chinese(guide: Guide) -> None:
    # 39C3's own types stayed German in the Chinese UI ("类型：Live-Podcast Bühne (45 Minuten)")
    # beside 演讲 and 仪式, on the page and on the list's badges.
    from guide.ui.delegates import ForumDelegate

    w = guide.window
    guide.ctx.state.set_language("zh")
    w.open_item("forum", PODCAST)
    body = w.detail.findChild(QTextBrowser, "detailBody").toPlainText()
    assert "类型：播客（Live-Podcast Bühne (45 Minuten)）" in body
    badge = ForumDelegate(guide.ctx).kind_text
    rows = queries.forum_rows(guide.ctx.content, [PODCAST, WORKSHOP, TALK])
    assert [badge(r) for r in rows] == ["播客", "工作坊", "演讲"]
    # The English badges are as short; the page keeps the organiser's words, readable as they are.
    guide.ctx.state.set_language("en")
    assert [badge(r) for r in rows] == ["Podcast", "Workshop", "Talk"]
    body = w.detail.findChild(QTextBrowser, "detailBody").toPlainText()
    assert "Type: Live-Podcast Bühne (45 Minuten)" in body
    # Other systems' names for the same kinds: rC3's pretalx types, frab's defaults.
    for kind, zh in (("LightningTalk 15min 10min Q&A", "闪电演讲"), ("Talk 30 min + 10min Q&A", "演讲"),
                     ("Theater / Performance", "表演"), ("Game show", "游戏节目"),
                     ("Podcast-Tisch (90 Minuten)", "播客"), ("lightning_talk", "闪电演讲"),
                     ("podium", "圆桌讨论"), ("djset", "DJ 表演"), ("Konzert", "音乐会")):
        assert tx.session_type(kind, "zh") == zh, kind


def test_a_rooms_next_session_names_its_day_only_when_not_today(programme_db: Path) -> None:
    # With nothing on now, "Next: Sat 27 Dec 11:55…" had repeated today's date.
    from guide.content import places
    from guide.ui.place_delegates import status_lines

    db = database.open_content_db(programme_db)
    now = dt.datetime(2025, 12, 27, 11, 0)
    rooms = places.room_rows(db, [r[0] for r in db.execute("SELECT id FROM room")], now)
    idle = [r for r in rooms if r.status.now is None and r.status.next is not None]
    today = [r for r in idle if r.status.next.date == now.date()]
    later = [r for r in idle if r.status.next.date > now.date()]
    assert today and later
    for room in today:
        after = room.status.next
        clock = tx.clock(after.start_time, after.end_time, "en", start=after.start, end=after.end)
        assert status_lines(room, "en", now.date())[1] == f"Next: {clock} {after.title}"
    for room in later:
        assert status_lines(room, "en", now.date())[1].startswith(
            f"Next: {tx.format_short_date(room.status.next.date, 'en')} ")
    # Late on the 27th, room One's next session is the Kitchen at 00:20 (programme day 27,
    # calendar day 28): the clock names the day once, no date before it.
    late = dt.datetime(2025, 12, 27, 23, 50)
    row = queries.forum_rows(db, [KITCHEN])[0]
    (one,) = places.room_rows(db, [row.room_id], late)
    assert one.status.next is not None and one.status.next.id == KITCHEN
    assert status_lines(one, "en", late.date())[1] == f"Next: 00:20–01:20 (Sun 28 Dec) {row.title}"


def test_home_heads_what_is_on_now_beside_later_today(guide: Guide) -> None:
    # At 16:30 the first column holds only what is on now; headed "Today" it had read as
    # the whole day, with the sessions still to come missing from it.
    home = guide.window.page("home")
    assert home.today_title.text() == "On now · Sat 27 December 2025"
    assert home.next_title.text() == "Later today"
    guide.ctx.state.set_language("zh")
    assert home.today_title.text() == "正在进行 · 2025年12月27日 周六"


def test_session_room_track_and_speaker_pages_link_each_other(guide: Guide) -> None:
    w = guide.window
    w.open_item("forum", TALK)
    body = w.detail.findChild(QTextBrowser, "detailBody")
    html = body.toHtml()
    assert "16:00–17:00" in html and "Q Misell" in html and "Zügli" in html
    # A talk of an imported programme is labelled as what it is, not as a "Forum".
    assert w.detail.kind_label.text() == "Session"
    row = queries.forum_rows(guide.ctx.content, [TALK])[0]
    body.anchorClicked.emit(QUrl(f"guide:room/{row.room_id}"))
    assert w.current_location() == Location.item("room", row.room_id or "")
    assert w.findChild(QLabel, "detailTitle").text() == "One"
    assert f"guide:forum/{TALK}" in body.toHtml()
    w.open_item("track", row.track_id or "")
    assert w.findChild(QLabel, "detailTitle").text() == "Security"
    assert f"guide:forum/{TALK}" in body.toHtml()
    speaker = records.get_forum(guide.ctx.content, TALK).speakers[0].person
    w.open_item("person", speaker.id)
    assert f"guide:forum/{TALK}" in body.toHtml() and "Translated from" not in body.toHtml()


def test_search_finds_sessions_speakers_rooms_and_tracks(programme_db: Path) -> None:
    db = database.open_content_db(programme_db)
    assert search(db, "Deutschlandticket")[0].id == TALK
    assert search(db, "Misell")[0].kind == "person"
    assert search(db, "Fuse")[0].kind == "room"
    assert search(db, "Security")[0].kind == "track"



def _staff_guide(qtbot, tmp_path: Path) -> tuple[Guide, Path]:  # type: ignore[no-untyped-def]
    """A staff guide (English) over the mini pack's content, and that content's path."""
    from tests.conftest import MINI_PACK

    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    g = build_window(current, lang="en", user_db=tmp_path / "user.db")
    qtbot.addWidget(g.window)
    return g, current

def test_staff_open_programme_swaps_content_keeps_bookmarks_by_guid_and_restores(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:

    g, _current = _staff_guide(qtbot, tmp_path)
    g.window.show()
    asked = answer_yes(monkeypatch)
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(XML_39C3)
    assert done.args == [True]
    # What the file is, not a "content pack … signed by staff import": nothing was signed.
    assert asked[0].startswith(
        f"Programme “39th Chaos Communications Congress” from the file {XML_39C3.name}, version 1.\n"
        "Sessions: 214. Days: 4 (27–30 December 2025).\n"
        "Times are in Europe/Berlin (UTC+1), as the file says.\n\n"), asked[0]
    assert "signed" not in asked[0] and "staff import" not in asked[0]
    # Its talks are counted as sessions, as the line above calls them, not as "Forums".
    assert "\nSessions: 214 added, 0 changed" in asked[0] and "Forums:" not in asked[0]
    assert "13 added" in asked[0]  # rooms: "andi-test-raum" is left out with its test session
    assert "Left out of the file (2):" in asked[0] and "'test-andi2'" in asked[0]
    # The window follows the new content: its name, its sections, its clock's time zone.
    assert g.window.toolbar.app_title.text() == "39th Chaos Communications Congress"
    assert "rooms" in _sections(g) and "tracks" in _sections(g)
    assert str(g.ctx.clock.zone) == "Europe/Berlin"
    assert g.window.go(Location.item("forum", TALK))
    g.ctx.bookmarks.toggle("forum", TALK)

    # A corrected file opened again: a newer version; the bookmark (the session's guid) stays.
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(XML_39C3)
    assert done.args == [True] and "version 2" in asked[1]
    assert "No items are added, changed or removed." in asked[1]
    g.window.go(Location("bookmarks"))
    entries = [r for r in g.window.page("bookmarks").model.rows() if hasattr(r, "view")]
    assert [(e.view.id, e.note) for e in entries] == [(TALK, "")]

    bad = tmp_path / "programme.csv"
    bad.write_text("标题 Title,日期 Date,开始 Start\nTalk,2025-12-27,25:00\n", encoding="utf-8")
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(bad)
    assert done.args == [False]
    assert "programme.csv: row 2, column 开始 Start: '25:00' is not a time" in g.updates.last_message
    assert g.window.go(Location.item("forum", TALK))  # nothing changed
    assert g.updates.restore()
    # The previous content is the programme's first version: still the congress, in Berlin.
    assert g.window.toolbar.app_title.text() == "39th Chaos Communications Congress"
    assert str(g.ctx.clock.zone) == "Europe/Berlin" and "rooms" in _sections(g)
    g.close()


@pytest.mark.parametrize(("name", "text", "said"), [
    # Structures the frab reader does not check field by field: one line, not a frozen window.
    ("days.json", '{"schedule":{"conference":{"title":"T","time_zone_name":"UTC","days":[1,2]}}}',
     "days.json: not a readable frab JSON schedule file"),
    ("deep.json", '{"schedule":' + '{"a":' * 100_000 + "1" + "}" * 100_001,
     "deep.json: not a readable frab JSON schedule file: nested too deeply"),
    # A year typed wrong lands in the zone's local mean time (+8:05:43), which no pack can hold.
    ("year.csv", "标题 Title,日期 Date,开始 Start,结束 End\nTalk,1023-05-27,10:00,11:00\n",
     "year.csv: no session could be imported (1 skipped: row 2: the date 1023-05-27 is out of range"),
])
def test_a_malformed_programme_is_refused_in_one_line_and_the_window_goes_on(
    qtbot, tmp_path: Path, name: str, text: str, said: str  # type: ignore[no-untyped-def]
) -> None:
    g, current = _staff_guide(qtbot, tmp_path)
    g.window.show()
    title = g.window.toolbar.app_title.text()
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(source)
    assert done.args == [False] and said in g.updates.last_message
    box = g.window.findChild(QMessageBox, "importRefused")
    assert box is not None and box.windowTitle() == "This programme was not loaded"
    assert g.updates.progress is None  # the modal progress dialog is gone
    assert g.window.toolbar.app_title.text() == title and g.ctx.content_path == current
    g.close()


def _question_on_loading(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                         sheet: str) -> str:
    """Open the CSV ``sheet`` as staff do, answer yes, and return the question they were asked."""
    g, _current = _staff_guide(qtbot, tmp_path)
    asked = answer_yes(monkeypatch)
    source = tmp_path / "programme.csv"
    source.write_text(sheet, encoding="utf-8")
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(source)
    assert done.args == [True]
    g.close()
    return asked[0]


def test_the_question_says_which_sessions_the_import_left_out_and_why(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """The command line listed the sessions it skipped; the staff menu said only "2 added"."""
    rows = "".join(f"Talk {n},2023-05-27,{9 + n}:00,{10 + n}:00\n" for n in range(7))
    # (A year typed wrong, 1023 among 2023's dates, was the example: it is refused now, its cell named.)
    asked = _question_on_loading(qtbot, tmp_path, monkeypatch, "标题 Title,日期 Date,开始 Start,结束 End\n"
                                 + rows + "Talk 0,2023-05-27,9:00,10:00\n")
    assert "Left out of the file (1):\n   row 9: duplicate of session session-talk-0-" in asked


def test_the_question_names_a_column_the_import_did_not_load(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """A column the guide does not read ("Notes") was dropped with nothing said; then it was
    listed under "Left out of the file", which had said sessions in Chinese."""
    sheet = "标题 Title,日期 Date,开始 Start,结束 End,Notes\nOpening,2023-05-27,09:00,10:00,bring cards\n"
    asked = _question_on_loading(qtbot, tmp_path, monkeypatch, sheet)
    assert ('Columns not read (1):\n   column E: "Notes" is not a column the guide reads; '
            "its cells were not loaded") in asked
    assert "Left out of the file" not in asked


def test_the_question_names_a_one_day_programmes_day_and_keeps_its_title_as_it_is(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    g, _current = _staff_guide(qtbot, tmp_path)
    asked = answer_yes(monkeypatch)
    source = tmp_path / "Day %2.csv"  # a sheet's programme is named after its file
    source.write_text("标题 Title,日期 Date,开始 Start,结束 End\nOpening,2023-05-27,09:00,10:00\n"
                      "Panel,2023-05-27,10:00,11:00\n", encoding="utf-8")
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(source)
    assert done.args == [True]
    assert asked[0].startswith("Programme “Day %2” from the file Day %2.csv, version 1.\n"
                               "Sessions: 2. Days: 1 (27 May 2023).\nThe file names no time "
                               "zone: its times are read as Asia/Shanghai (UTC+8), the zone of "
                               "the content shown.\n\n"), asked[0]
    g.close()


def test_the_question_says_bookmarks_will_not_follow_a_sheet_without_ids(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """The import only logged it: the staff member opening the sheet never saw it."""
    sheet = "标题 Title,日期 Date,开始 Start,结束 End\nOpening,2023-05-27,09:00,10:00\n"
    asked = _question_on_loading(qtbot, tmp_path, monkeypatch, sheet)
    assert "Please note (1):\n   row 1: the sheet has no 编号 ID column" in asked
    assert "will not follow it" in asked
    with_ids = "编号 ID,标题 Title,日期 Date,开始 Start,结束 End\nS1,Opening,2023-05-27,09:00,10:00\n"
    assert "Please note" not in _question_on_loading(qtbot, tmp_path / "ids", monkeypatch, with_ids)


def test_an_error_no_check_foresaw_still_ends_the_import_with_a_message(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from guide.updates import api

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a reader bug")

    monkeypatch.setattr(api, "prepare_programme", broken)
    g, current = _staff_guide(qtbot, tmp_path)
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(XML_39C3)
    assert done.args == [False]
    assert g.updates.last_message == f"{XML_39C3.name}: RuntimeError: a reader bug"
    assert g.updates.progress is None and g.ctx.content_path == current
    g.close()


def test_a_slow_import_can_be_cancelled_and_changes_nothing(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """Staff are not stuck behind the progress dialog (a calendar's never-matching
    recurrence rule took seconds per event): Cancel ends the wait at once; the import
    still running is thrown away when it ends, and the next one works as usual."""
    import threading

    from guide.updates import api

    gate, real = threading.Event(), api.prepare_programme

    def slow(*args: object, **kwargs: object) -> object:
        gate.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "prepare_programme", slow)
    g, _current = _staff_guide(qtbot, tmp_path)
    g.window.show()
    asked = answer_yes(monkeypatch)
    title = g.window.toolbar.app_title.text()
    with qtbot.waitSignal(g.updates.finished, timeout=5000) as done:
        g.updates.start_programme(XML_39C3)
        from PySide6.QtWidgets import QPushButton

        button = g.updates.progress.findChild(QPushButton)
        assert button.text() == "Cancel"
        button.click()
    assert done.args == [False] and g.updates.progress is None
    gate.set()  # the cancelled import ends now, behind the next one in the queue
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(XML_39C3)
    assert done.args == [True]
    # One question, for the second import; it is the programme's first version: the
    # cancelled one was never asked about nor loaded.
    assert len(asked) == 1 and "version 1" in asked[0]
    assert g.window.toolbar.app_title.text() != title
    g.close()


def _sections(g: Guide) -> list[str]:
    model = g.window.nav_model
    return [model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def test_now_with_an_offset_is_that_instant_on_the_programmes_clock(
        programme_db: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """``--now 2025-12-27T15:30Z`` is 16:30 in Berlin: the same as a naive 16:30."""
    homes = []
    for now in ("2025-12-27T16:30", "2025-12-27T15:30:00+00:00"):
        g = build_window(programme_db, now=now, lang="en")
        qtbot.addWidget(g.window)
        assert g.ctx.clock.now() == dt.datetime(2025, 12, 27, 16, 30)
        homes.append(set(g.window.page("home").today_model.ids()))
        g.images.shutdown()
    assert homes[0] == homes[1] and TALK in homes[0]


def test_rooms_and_tracks_are_sections_the_newspapers_are_not(guide: Guide) -> None:
    from guide.ui.window_parts import shown_sections

    w = guide.window
    keys = [w.nav_model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(w.nav_model.rowCount())]
    assert keys == shown_sections(guide.ctx.content) == ["home", "forums", "rooms", "tracks",
                                                        "bookmarks"]
    # The event's own name, from the imported file's <conference><title>.
    assert w.toolbar.app_title.text() == "39th Chaos Communications Congress"
    assert w.windowTitle() == "39th Chaos Communications Congress Guide"
    w.go(Location("forums"))
    assert w.page("forums").subtitle.isHidden()  # the programme gives no line for it
    # The pack names its programme: no newspaper "Forums" in the sections or the page title.
    assert w.nav_model.item(1).data(Qt.ItemDataRole.UserRole + 1) == "Programme"
    assert w.page("forums").title.text() == "Programme"


def test_rooms_page_lists_every_room_with_its_sessions_and_status(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    from guide.content import places
    from guide.ui.models.lazy import ItemRole

    w = guide.window
    w.go(Location("rooms"))
    page = w.page("rooms")
    db = guide.ctx.content
    rows = [page.model.index(r, 0).data(ItemRole) for r in range(page.model.rowCount())]
    assert [r.id for r in rows] == places.room_ids(db) and len(rows) == 13
    one = next(r for r in rows if r.title == "One")
    assert one.sessions == len(queries.room_forums(db, one.id))
    # The window's clock says 27 Dec 16:30: the Deutschlandtickets talk is on in One.
    assert one.status.now is not None and one.status.now.id == TALK
    name, description = page.model.index(rows.index(one), 0).data(
        Qt.ItemDataRole.AccessibleTextRole), page.model.index(rows.index(one), 0).data(
        Qt.ItemDataRole.AccessibleDescriptionRole)
    assert name == "One" and "Now: 16:00–17:00 All my Deutschlandtickets gone" in description
    index = page.model.index(rows.index(one), 0)
    page.view.scrollTo(index)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.view.visualRect(index).center())
    assert w.current_location() == Location.item("room", one.id)
    body = w.detail.findChild(QTextBrowser, "detailBody").toHtml()
    assert "Sat 27 December 2025" in body and "Sun 28 December 2025" in body  # sessions by day


def test_tracks_page_lists_tracks_and_a_track_lists_rooms_as_links(guide: Guide) -> None:
    from guide.ui.models.lazy import ItemRole

    w = guide.window
    w.go(Location("tracks"))
    page = w.page("tracks")
    rows = [page.model.index(r, 0).data(ItemRole) for r in range(page.model.rowCount())]
    security = next(r for r in rows if r.title == "Security")
    assert security.sessions == len(queries.track_forums(guide.ctx.content, security.id))
    w.open_item("track", security.id)
    html = w.detail.findChild(QTextBrowser, "detailBody").toHtml()
    row = queries.forum_rows(guide.ctx.content, [TALK])[0]
    assert f"guide:room/{row.room_id}" in html  # each session's room is a link


def test_the_newspapers_window_keeps_its_name_and_sections(real_db: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    for lang, title, window, subtitle, forums in (
            ("zh", "2023中关村论坛", "2023中关村论坛指南", "开幕式、平行论坛与大会，按日期排列", "论坛日程"),
            ("en", "2023 Zhongguancun Forum", "2023 Zhongguancun Forum Guide",
             "Opening ceremony, parallel forums and conferences, day by day", "Forums")):
        g = build_window(real_db, now="2023-05-29T10:00", lang=lang)
        qtbot.addWidget(g.window)
        try:
            w = g.window
            assert w.toolbar.app_title.text() == title and w.windowTitle() == window
            w.go(Location("forums"))
            assert w.page("forums").subtitle.text() == subtitle
            assert w.page("forums").title.text() == forums
            assert w.nav_model.item(1).data(Qt.ItemDataRole.UserRole + 1) == forums
            keys = [w.nav_model.item(r).data(Qt.ItemDataRole.UserRole)
                    for r in range(w.nav_model.rowCount())]
            assert keys == ["home", "forums", "exhibition", "announcements", "photos", "figures",
                            "bookmarks"]
        finally:
            g.images.shutdown()


def test_bookmarked_sessions_are_headed_sessions_not_forums(guide: Guide) -> None:
    guide.ctx.bookmarks.toggle("forum", TALK)
    guide.window.go(Location("bookmarks"))
    page = guide.window.page("bookmarks")
    headings = [r.title for r in page.model.rows() if not hasattr(r, "view")]
    assert headings == ["Sessions · 1"]
    [entry] = [r for r in page.model.rows() if hasattr(r, "view")]
    assert entry.view.venue == "One"  # the room shows on the row
    assert entry_kind(entry.view, "en") == "Session" and entry_kind(entry.view, "zh") == "场次"
    guide.ctx.state.set_language("zh")
    headings = [r.title for r in page.model.rows() if not hasattr(r, "view")]
    assert headings == ["场次 · 1"]


def test_the_newspapers_bookmarked_forums_stay_forums(real_db: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    forum = queries.item_ids(database.open_content_db(real_db), "forum")[0]
    with shown_guide(qtbot, real_db, now="2023-05-26T10:00", lang="en") as g:
        g.ctx.bookmarks.toggle("forum", forum)
        g.window.go(Location("bookmarks"))
        rows = g.window.page("bookmarks").model.rows()
        # Headed as search heads the group and the section names it (it had said "Forum · 1").
        assert [r.title for r in rows if not hasattr(r, "view")] == ["Forums · 1"]


def _wrapped_titles(body: QTextBrowser, titles: list[str]) -> dict[str, tuple[float, float]]:
    """For each of ``titles`` that wraps: (x of its first letter, x of its second line)."""
    found = {}
    block = body.document().begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for title in titles:
            at = text.find(title)
            if at >= 0 and layout.lineCount() >= 2:
                first = layout.lineForTextPosition(at)
                second = layout.lineAt(first.lineNumber() + 1)
                left = body.document().documentLayout().blockBoundingRect(block).left()
                found[title] = (left + first.cursorToX(at)[0], left + second.x())
        block = block.next()
    return found


def test_a_long_session_title_wraps_under_itself_not_under_its_time(guide: Guide) -> None:
    # On room and track pages a wrapped title's second line started under the time.
    w = guide.window
    w.resize(1280, 800)
    room = queries.forum_rows(guide.ctx.content, [TALK])[0].room_id or ""
    w.open_item("room", room)
    body = w.detail.findChild(QTextBrowser, "detailBody")
    titles = [r.title for r in queries.room_forums(guide.ctx.content, room)]
    wrapped = _wrapped_titles(body, titles)
    assert len(wrapped) >= 2, wrapped  # at 1280 pixels some do wrap
    for title, (first, second) in wrapped.items():
        assert abs(first - second) < 1, (title, first, second)


def test_a_dark_track_colour_is_outlined_where_it_would_not_show() -> None:
    # Security (dark blue) and Entertainment (dark grey) barely showed on high contrast's black.
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    from guide.ui import theme
    from guide.ui.delegates import paint_stripe

    def edge_and_middle(colour: str, palette: theme.Palette) -> tuple[str, str]:
        image = QImage(20, 40, QImage.Format.Format_RGB32)
        image.fill(QColor(palette.surface))
        painter = QPainter(image)
        paint_stripe(painter, QRect(4, 4, 6, 30), QColor(colour), palette)
        painter.end()
        return image.pixelColor(4, 20).name(), image.pixelColor(6, 20).name()

    assert edge_and_middle("#2a3a8a", theme.HIGH_CONTRAST) == ("#ffffff", "#2a3a8a")
    assert edge_and_middle("#e0301e", theme.HIGH_CONTRAST) == ("#e0301e", "#e0301e")  # shows as it is
    assert edge_and_middle("#2a3a8a", theme.STANDARD) == ("#2a3a8a", "#2a3a8a")  # on white it shows


def test_search_heads_a_programmes_talks_sessions_as_its_bookmarks_do(guide: Guide) -> None:
    # Search had headed them "Forums · 12" where the bookmarks page says "Sessions".
    from guide.ui.models.search import GroupHeader, group_heading

    guide.window.show_search("deutschlandticket")
    page = guide.window.page("search")
    headers = [r for r in page.model.rows() if isinstance(r, GroupHeader)]
    assert headers and headers[0].kind == "forum"
    assert group_heading(headers[0]).startswith("Sessions · ")
    guide.ctx.state.set_language("zh")
    assert group_heading(headers[0]).startswith("场次 · ")


def test_open_programme_offers_every_file_the_import_reads_or_explains(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """The dialog offered *.xml *.json *.ics *.xlsx *.csv only: Excel's "Unicode Text" (.txt),
    a macro workbook (.xlsm), and the .xls and .ods whose refusal says how to save them as
    .xlsx were hidden, and no choice showed every file."""
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []

    def choose(_parent: object, _caption: str, _folder: str, filters: str) -> tuple[str, str]:
        offered.append(filters)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    g, _current = _staff_guide(qtbot, tmp_path)
    g.updates.choose_programme()
    programmes, *others = offered[0].split(";;")
    patterns = programmes[programmes.rindex("(") + 1:-1].split()
    for ext in ("xml", "json", "ics", "csv", "txt", "xlsx", "xlsm", "xls", "ods"):
        assert f"*.{ext}" in patterns
    assert others == ["All files (*)"]
    g.close()


def _ods() -> bytes:
    """An OpenDocument spreadsheet's start: its type, stored first."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "headline"), [
    # A workbook cut short is no workbook: editing it will not help, fetching it again may.
    ("cut.xlsx", b"PK\x03\x04 only the start of a zip", "This file cannot be read as a programme:"),
    # Not a programme at all (a PDF saved under a sheet's name), or one of a kind no reader
    # takes: nothing in it can be corrected; the message after the headline says what to do.
    ("notes.xlsx", b"%PDF-1.4 a document", "This file cannot be read as a programme:"),
    ("notes.xml", b"<?xml version='1.0'?><notes/>", "This file cannot be read as a programme:"),
    ("root.xml", b"<?xml version='1.0'?><x><schedule/></x>", "This file cannot be read as a programme:"),
    ("notes.json", b'{"notes": []}', "This file cannot be read as a programme:"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le"),
     "This file cannot be read as a programme:"),
    ("prog.ods", _ods(), "This file cannot be read as a programme:"),
    ("gbk.csv", "标题 Title,日期 Date,开始 Start,结束 End\n".encode("gbk"),
     "This file cannot be read as a programme:"),
    ("bad.ics", b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n",
     "This file cannot be read as a programme:"),
    # A sheet read with a bad cell in it is the organiser's to correct.
    ("bad.csv", "标题 Title,日期 Date,开始 Start,结束 End\nTalk,2023-05-27,25:00,26:00\n".encode(),
     "The programme file has errors. Correct them in the file and open it again:"),
])
def test_a_refused_programme_says_whether_it_was_unreadable_or_has_errors(
    qtbot, tmp_path: Path, name: str, data: bytes, headline: str  # type: ignore[no-untyped-def]
) -> None:
    """A damaged workbook was told "has errors. Correct them in the file"."""
    g, _current = _staff_guide(qtbot, tmp_path)
    source = tmp_path / name
    source.write_bytes(data)
    with qtbot.waitSignal(g.updates.finished, timeout=60000):
        g.updates.start_programme(source)
    box = g.window.findChild(QMessageBox, "importRefused")
    assert box is not None and box.text().startswith(headline + "\n\n" + name), box.text()
    g.close()


def test_a_programme_file_gone_since_it_was_chosen_has_nothing_to_correct(
    qtbot, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """A file taken away (a USB stick pulled out) was "has errors. Correct them in the file"."""
    g, _current = _staff_guide(qtbot, tmp_path)
    gone = tmp_path / "usb" / "programme.xlsx"
    with qtbot.waitSignal(g.updates.finished, timeout=60000):
        g.updates.start_programme(gone)
    box = g.window.findChild(QMessageBox, "importRefused")
    assert box is not None
    assert box.text() == f"This file cannot be read as a programme:\n\n{gone}: no such file"
    g.close()


def test_the_open_dialog_shows_the_spreadsheets_the_import_says_how_to_save() -> None:
    """An .ods or .xls was not even shown in "Open programme…", so its "save it as .xlsx" advice
    could not be reached from the window."""
    from guide.ui.content_update import programme_file_filters

    offered = set(programme_file_filters().replace("(", " ").replace(")", " ").split())
    assert {"*.xlsx", "*.csv", "*.xls", "*.ods", "*.xlsb"} <= offered
