"""The night of a programme day (39C3): sessions that run past midnight belong to the day before,
and the guide says so on Home, Programme, Rooms and every time it shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from guide.content import places
from guide.ui.history import Location
from guide.ui.models.lazy import ItemRole
from tests.support import shown_guide

SAT, SUN = dt.date(2025, 12, 27), dt.date(2025, 12, 28)
CUP = "Chaos Cannabis Cup"  # The House of Tea, Sat 27 23:00 – Sun 28 01:00
NIGHT_TALKS = {"AI-generated content in Wikipedia - a tale of caution", "Building a NOC from scratch",
               "From Silicon to Darude Sand-storm: breaking famous synthesizer DSPs"}  # 23:55–00:35
KITCHEN = "Unnecessarily Complicated Kitchen – Die Wissenschaft des guten Geschmacks"  # 00:20–01:20


def _titles(model) -> set[str]:  # type: ignore[no-untyped-def]
    return {model.item_at(i).title for i in range(model.rowCount())}


def test_at_half_past_midnight_home_shows_the_nights_sessions_that_rooms_shows_on(
        qtbot: QtBot, programme_db: Path) -> None:
    # At 00:30 on Sun 28 Home said "Nothing is on right now" while Rooms listed the Cannabis
    # Cup and three talks of Sat 27's programme as on now.
    with shown_guide(qtbot, programme_db, now="2025-12-28T00:30", lang="en") as g:
        home = g.window.page("home")
        on_now = _titles(home.today_model)
        assert on_now == {CUP, KITCHEN, *NIGHT_TALKS}
        g.window.go(Location("rooms"))
        rooms = g.window.page("rooms").model
        in_rooms = {r.status.now.title for r in (rooms.index(i, 0).data(ItemRole)
                                                 for i in range(rooms.rowCount())) if r.status.now}
        assert in_rooms == on_now
        assert home.today_empty.isHidden()
        assert home.today_title.text() == "On now · Sun 28 December 2025"
        # What comes next is Sunday's programme, which is later today.
        assert home.next_title.text() == "Later today"
        assert {r.date for r in (home.next_model.item_at(i)
                                 for i in range(home.next_model.rowCount()))} == {SUN}


def test_before_the_last_night_session_starts_it_is_later_today(
        qtbot: QtBot, programme_db: Path) -> None:
    # At 00:10 the Kitchen (Sat 27's programme, 00:20) is still to come: it is later today.
    with shown_guide(qtbot, programme_db, now="2025-12-28T00:10", lang="en") as g:
        home = g.window.page("home")
        assert _titles(home.today_model) == {CUP, *NIGHT_TALKS}
        assert _titles(home.next_model) == {KITCHEN}
        assert home.next_title.text() == "Later today"


def test_the_programme_opens_on_the_day_whose_sessions_are_running(
        qtbot: QtBot, programme_db: Path) -> None:
    # At 00:30 the Programme opened on Sun 28, the sessions running then hidden under Sat 27.
    with shown_guide(qtbot, programme_db, now="2025-12-28T00:30", lang="en") as g:
        g.window.go(Location("forums"))
        assert g.window.page("forums").current_day() == SAT
    # Once the night is over, the new day.
    with shown_guide(qtbot, programme_db, now="2025-12-28T01:30", lang="en") as g:
        g.window.go(Location("forums"))
        assert g.window.page("forums").current_day() == SUN


def test_after_the_night_home_and_rooms_agree_nothing_is_on(
        qtbot: QtBot, programme_db: Path) -> None:
    with shown_guide(qtbot, programme_db, now="2025-12-28T01:30", lang="en") as g:
        db = g.ctx.content
        rooms = places.room_rows(db, places.room_ids(db), g.ctx.clock.now())
        assert not any(r.status.now for r in rooms)
        home = g.window.page("home")
        assert home.today_model.rowCount() == 0
        assert home.today_empty.text() == "Nothing is on right now." and not home.today_empty.isHidden()


def test_a_session_past_midnight_says_the_day_it_ends_wherever_its_time_is_shown(
        qtbot: QtBot, programme_db: Path) -> None:
    # The Cup's page said "23:00–01:00" under Sat 27 with no word that 01:00 is Sunday's, and
    # its room's page "23:00 Chaos Cannabis Cup", without an end at all.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTextBrowser

    from guide.content import queries
    from guide.ui.views.bookmarks import when

    with shown_guide(qtbot, programme_db, now="2025-12-28T00:30", lang="en") as g:
        w, db = g.window, g.ctx.content
        [cup] = [r for r in queries.list_forums(db, day=SAT) if r.title == CUP]
        def body() -> str:  # the page's text, its lines and cells joined by single spaces
            return " ".join(w.detail.findChild(QTextBrowser, "detailBody").toPlainText().split())

        w.open_item("forum", cup.id)
        assert "23:00–01:00 (ends Sun 28 Dec)" in body()
        w.go(Location.item("room", cup.room_id))
        assert "23:00–01:00 (ends Sun 28 Dec) Chaos Cannabis Cup" in body()
        # Ending at the stroke of midnight, a talk ends on its own day: no note.
        [bluetooth] = [r for r in queries.list_forums(db, day=SAT) if r.title.startswith("Bluetooth")]
        w.go(Location.item("room", bluetooth.room_id))
        assert f"23:00–00:00 {bluetooth.title}" in body()
        w.go(Location("rooms"))
        rooms = w.page("rooms")
        [tea] = [rooms.model.index(i, 0) for i in range(rooms.model.rowCount())
                 if rooms.model.index(i, 0).data(ItemRole).id == cup.room_id]
        assert "Now: 23:00–01:00 (ends Sun 28 Dec) Chaos Cannabis Cup" in tea.data(
            Qt.ItemDataRole.AccessibleDescriptionRole)
        w.go(Location("forums"))
        forums = w.page("forums")
        delegate = forums.view.itemDelegate()
        assert delegate.time_text(cup) == "23:00–01:00 (ends Sun 28 Dec)"
        forums.show_grid()  # the timetable paints the hours past midnight; a screen reader hears
        grid = forums.grid.model
        row = grid.grid.index_of(cup.id)
        assert "23:00–01:00 (ends Sun 28 Dec)" in grid.index(row, 0).data(
            Qt.ItemDataRole.AccessibleDescriptionRole)
        g.ctx.bookmarks.toggle("forum", cup.id)
        w.go(Location("bookmarks"))
        [entry] = [r for r in w.page("bookmarks").model.rows() if hasattr(r, "view")]
        assert when(entry.view, "en") == "Sat 27 December 2025 · 23:00–01:00 (ends Sun 28 Dec)"
        g.ctx.state.set_language("zh")
        assert when(entry.view, "zh").endswith("23:00–01:00（12月28日 周日结束）")
        assert delegate.time_text(cup) == "23:00–01:00（12月28日 周日结束）"
        # In a list's narrow time column the day goes under the time, whole (it had been cut
        # to "23:00–01:00（12月28日 周日结…").
        time, _body = delegate.parts(cup)
        assert [line.text for line in delegate.time_column(cup, time)] == [
            "23:00–01:00", "（12月28日 周日结束）"]
        w.open_item("forum", cup.id)
        assert "23:00–01:00（12月28日 周日结束）" in body()


def test_home_header_has_no_blank_line_without_an_exhibition(
        qtbot: QtBot, programme_db: Path) -> None:
    # 39C3 has no exhibition: an empty "Exhibition: …" line stood between "Programme: 27–30
    # December 2025" and "Now: …" in both languages.
    from PySide6.QtGui import QFontMetrics

    for lang in ("en", "zh"):
        with shown_guide(qtbot, programme_db, now="2025-12-28T00:30", lang=lang) as g:
            home = g.window.page("home")
            qtbot.wait(10)
            gap = home.clock_note.geometry().top() - home.forum_dates.geometry().bottom()
            assert gap < QFontMetrics(home.clock_note.font()).lineSpacing(), lang


def test_rooms_and_tracks_say_so_when_the_guide_has_none(qtbot: QtBot, real_db: Path) -> None:
    # The newspaper's forums have no rooms or tracks: the pages showed a title over nothing.
    with shown_guide(qtbot, real_db, lang="en") as g:
        # No forum of the newspaper's has a venue ("Venue not announced" on each): the note had
        # sent visitors to the forums' pages to find where they are held.
        for page, note in (("rooms", "This guide lists no rooms, and no forum's venue has been announced."),
                           ("tracks", "This guide lists no tracks.")):
            g.window.go(Location(page))
            shown = g.window.page(page)
            assert shown.empty.isVisible() and shown.empty.text() == note
            assert not shown.view.isVisible()


def test_rooms_points_to_the_forums_pages_where_a_forum_has_a_venue(
        qtbot: QtBot, real_db: Path, tmp_path: Path) -> None:
    import shutil
    import sqlite3

    db = Path(shutil.copy(real_db, tmp_path / "venue.db"))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE forum SET venue = '中关村国家自主创新示范区展示中心' "
                     "WHERE id = 'ip-protection-forum'")
    conn.close()
    with shown_guide(qtbot, db, lang="en") as g:
        g.window.go(Location("rooms"))
        note = g.window.page("rooms").empty.text()
        assert note == "This guide lists no rooms. A forum's page says where it is held."


def test_rooms_and_tracks_of_a_programme_show_their_lists(qtbot: QtBot, programme_db: Path) -> None:
    with shown_guide(qtbot, programme_db, lang="en") as g:
        for page in ("rooms", "tracks"):
            g.window.go(Location(page))
            shown = g.window.page(page)
            assert shown.view.isVisible() and not shown.empty.isVisible()


def test_exhibition_and_photos_say_so_when_the_guide_has_none(
        qtbot: QtBot, programme_db: Path) -> None:
    # An imported programme has no exhibition: its page showed a title over nothing.
    from PySide6.QtWidgets import QLabel

    with shown_guide(qtbot, programme_db, lang="en") as g:
        for page, note in (("exhibition", "This guide lists no exhibition areas."),
                           ("photos", "This guide has no photos.")):
            g.window.go(Location(page))
            shown = g.window.page(page)
            notes = [n.text() for n in shown.findChildren(QLabel, "emptyNote") if n.isVisible()]
            assert notes == [note], page
            assert not shown.view.isVisible()


def test_exhibition_and_photos_of_the_newspaper_show_their_cards(qtbot: QtBot, real_db: Path) -> None:
    with shown_guide(qtbot, real_db, lang="en") as g:
        for page in ("exhibition", "photos"):
            g.window.go(Location(page))
            shown = g.window.page(page)
            assert shown.view.isVisible() and not shown.empty.isVisible()


def test_after_midnight_a_talk_with_no_end_given_is_not_on_now(tmp_path: Path) -> None:
    """A sheet may leave End empty: the day's 14:00 talk stayed "On now" at 00:30 beside the
    night's 23:00-01:00 session, because nothing said it had ended (Rooms never shows it)."""
    from guide.cli import main
    from guide.content.build import build_content_db
    from guide.content.database import open_content_db
    from guide.content.schedule import today_and_next

    sheet = tmp_path / "night.csv"
    sheet.write_text("编号 ID,标题 Title,日期 Date,开始 Start,结束 End,地点 Room\n"
                     "S1,Afternoon talk,2023-05-27,14:00,,Hall\n"
                     "S2,Night session,2023-05-27,23:00,01:00+1,Hall\n"
                     "S3,Late talk,2023-05-27,23:55,,Hall\n", encoding="utf-8")
    assert main(["import", str(sheet), "--out", str(tmp_path / "pack"), "--timezone", "Asia/Shanghai"]) == 0
    db = open_content_db(build_content_db(tmp_path / "pack", tmp_path / "c.db").path)
    today, _day, _later = today_and_next(db, dt.datetime(2023, 5, 28, 0, 30))
    assert [r.title for r in today] == ["Night session"]
    today, _day, later = today_and_next(db, dt.datetime(2023, 5, 27, 23, 50))
    assert [r.title for r in later] == ["Late talk"]  # still to start: shown


def test_the_attract_screen_words_the_day_as_home_does(qtbot: QtBot, programme_db: Path) -> None:
    """At 11:00 on Sat 27 the idle screen said "Today Sat 27 December" over the talks on now,
    then "Coming up Sat 27 December" over the same day's later talks: two days, it read, and
    every talk a "Session". It now heads them as Home does, and names each talk a talk."""
    from guide.kiosk.slides import schedule_sections

    with shown_guide(qtbot, programme_db, now="2025-12-27T11:00", lang="en") as g:
        home = g.window.page("home")
        sections = schedule_sections(g.ctx.content, dt.datetime(2025, 12, 27, 11, 0))
        assert [s.label for s in sections] == ["now", "later"]
        assert home.today_title.text().startswith("On now") and home.next_title.text() == "Later today"
        assert {line.title for line in sections[0].forums} <= _titles(home.today_model)
        assert {line.session_type for s in sections for line in s.forums} == {"Talk"}


def test_a_rooms_titles_line_up_across_its_days(qtbot: QtBot, programme_db: Path) -> None:
    """Each day had a table of its own, its column of times as wide as that day's longest
    (Sat 27's "(ends Sun 28 Dec)"): Sunday's titles started 24 px further right."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QTextBrowser

    from guide.content import queries

    with shown_guide(qtbot, programme_db, now="2025-12-27T11:00", lang="zh") as g:
        w, db = g.window, g.ctx.content
        rows = [r for day in queries.forum_dates(db) for r in queries.list_forums(db, day=day)]
        [one] = {r.room_id for r in rows if r.room == "One"}
        w.go(Location.item("room", one))
        document = w.detail.findChild(QTextBrowser, "detailBody").document()
        layout = document.documentLayout()
        by_day = {}
        for row in rows:
            if row.room_id == one and row.date not in by_day:
                found = document.find(row.title, 0, QTextDocument.FindFlag.FindCaseSensitively)
                by_day[row.date] = layout.blockBoundingRect(found.block()).x()
        assert len(by_day) >= 2 and len(set(by_day.values())) == 1, by_day


def test_the_day_a_night_session_ends_does_not_widen_a_rooms_column_of_times(
        qtbot: QtBot, programme_db: Path) -> None:
    """At 200% text in a 1024x640 window the room "Fuse" gave its times a column as wide as
    "（12月28日 周日结束）" under 23:55–00:35: 11:00–11:40 stood over 130 px of nothing and
    every title wrapped in what was left, five lines for one. The note now wraps under the
    time, and the titles start where the widest time ends."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QTextBrowser

    from guide.content import queries

    with shown_guide(qtbot, programme_db, now="2025-12-27T11:00", lang="zh",
                     size=(1024, 640)) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            w, db = g.window, g.ctx.content
            [night] = [r for r in queries.list_forums(db, day=SAT) if r.title in NIGHT_TALKS
                       and r.room == "Fuse"]
            w.go(Location.item("room", night.room_id))
            qtbot.wait(50)
            document = w.detail.findChild(QTextBrowser, "detailBody").document()
            layout = document.documentLayout()

            def left(text: str) -> float:
                found = document.find(text, 0, QTextDocument.FindFlag.FindCaseSensitively)
                assert not found.isNull(), text
                return layout.blockBoundingRect(found.block()).x()

            time = document.find("23:55–00:35", 0, QTextDocument.FindFlag.FindCaseSensitively)
            widest = time.block().layout().lineAt(0).naturalTextWidth()
            assert "周日结束" in time.block().text() or "周日结束" in time.block().next().text()
            gap = left(night.title) - left("23:55–00:35")
            assert gap < widest * 1.25, (gap, widest)
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is shared by later tests
