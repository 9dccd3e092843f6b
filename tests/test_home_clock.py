"""Home follows the clock: what Today, Next and the latest news say before, during and after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from guide.app import Guide, build_window
from guide.content import queries, records
from guide.ui.models.lazy import IdRole, ItemRole
from guide.ui.views.home import HomePage


@pytest.fixture
def home_at(qtbot, real_db: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    opened: list[Guide] = []

    def open_home(now: str, db: Path | None = None) -> HomePage:
        g = build_window(db or real_db, now=now, lang="en")
        qtbot.addWidget(g.window)
        g.window.resize(1280, 800)
        g.window.show()
        opened.append(g)
        page = g.window.page("home")
        assert isinstance(page, HomePage)
        return page

    yield open_home
    for g in opened:
        g.images.shutdown()


def ids(model: object) -> list[str]:
    return [model.index(r, 0).data(IdRole) for r in range(model.rowCount())]  # type: ignore[attr-defined]


def news_dates(page: HomePage) -> list[dt.date]:
    db = page.ctx.content
    return [dt.date.fromisoformat(str(records.get_item(db, "announcement", i).date))
            for i in ids(page.news_model)]


def forums_on(page: HomePage, day: str) -> list[str]:
    return [r.id for r in queries.list_forums(page.ctx.content, day=dt.date.fromisoformat(day))]


def shown(label: object) -> str:
    return label.text() if label.isVisible() else ""  # type: ignore[attr-defined]


def test_before_the_exhibition_home_says_when_it_opens_and_shows_no_news(home_at) -> None:  # type: ignore[no-untyped-def]
    page = home_at("2023-05-20T09:00")
    assert ids(page.today_model) == []
    # No "Today" over nothing: one heading says when the forum opens, over that day's forums.
    assert shown(page.today_title) == shown(page.today_empty) == ""
    assert shown(page.next_title) == "The forum opens · Sat 27 May 2023"
    assert ids(page.next_model) == forums_on(page, "2023-05-27")
    assert shown(page.expo_note) == ""
    assert ids(page.news_model) == []
    assert shown(page.news_empty) == "No news yet."


def test_on_26_may_the_exhibition_is_open_and_news_is_not_from_the_future(home_at) -> None:  # type: ignore[no-untyped-def]
    page = home_at("2023-05-26T10:00")
    note = shown(page.expo_note)
    assert "The exhibition is open today" in note
    assert "Metaverse Area" in note and "Quantum Information" in note
    assert shown(page.today_title) == shown(page.today_empty) == ""
    assert shown(page.next_title) == "The forum opens tomorrow · Sat 27 May 2023"
    assert ids(page.next_model) == forums_on(page, "2023-05-27")
    assert news_dates(page) == [dt.date(2023, 5, 26)]  # the 30th's patent pool is not news yet


def test_on_29_may_at_ten_today_lists_the_days_forums_and_the_news_so_far(home_at) -> None:  # type: ignore[no-untyped-def]
    page = home_at("2023-05-29T10:00")
    assert ids(page.today_model) == forums_on(page, "2023-05-29") != []
    assert page.next_title.text() == "Next · Tue 30 May 2023"
    assert ids(page.next_model) == forums_on(page, "2023-05-30")
    assert "The exhibition is open today" in shown(page.expo_note)
    dates = news_dates(page)
    assert dates[0] == dt.date(2023, 5, 29) and max(dates) <= dt.date(2023, 5, 29)
    assert dates == sorted(dates, reverse=True) and len(dates) == 3


def test_late_on_30_may_the_last_day_stays_and_nothing_more_is_next(home_at) -> None:  # type: ignore[no-untyped-def]
    page = home_at("2023-05-30T23:00")
    # Its time was never announced, so the day's forum is not dropped as "over".
    assert ids(page.today_model) == forums_on(page, "2023-05-30") != []
    assert ids(page.next_model) == []
    assert shown(page.next_empty) == "Nothing more is scheduled."
    assert "The exhibition is open today" in shown(page.expo_note)
    assert news_dates(page)[0] == dt.date(2023, 5, 30)


def test_after_the_forum_home_says_it_has_ended_and_shows_the_last_news(home_at) -> None:  # type: ignore[no-untyped-def]
    page = home_at("2023-06-05T09:00")
    assert ids(page.today_model) == [] and ids(page.next_model) == []
    assert shown(page.today_empty) == "The forum has ended. Browse what happened below."
    assert shown(page.next_title) == shown(page.next_empty) == ""  # nothing is next, ever
    assert shown(page.expo_note) == ""
    assert news_dates(page) == [dt.date(2023, 5, 30), dt.date(2023, 5, 29), dt.date(2023, 5, 28)]


def test_weekday_and_time_wording_match_the_kiosk(home_at) -> None:  # type: ignore[no-untyped-def]
    from guide.kiosk.slides import schedule_sections

    page = home_at("2023-05-29T10:00")
    page.ctx.state.set_language("zh")
    assert page.today_title.text() == "今天 · 2023年5月29日 周一"
    assert page.next_title.text() == "接下来 · 2023年5月30日 周二"
    sections = schedule_sections(page.ctx.content, dt.datetime(2023, 5, 29, 10, 0))
    delegate = page.today_view.itemDelegate()
    row = page.today_model.index(0, 0).data(ItemRole)
    # The slides carry the time (none here); the attract screen words it from the translation.
    from guide.kiosk.widgets import chinese
    from guide.kiosk.widgets.attract import ATTRACT_CONTEXT, TIME_TBA

    assert sections[0].forums[0].start_time is None
    assert chinese(ATTRACT_CONTEXT, TIME_TBA) == delegate.time_text(row) == "时间未公布"  # type: ignore[attr-defined]


def under_heading(page: HomePage, heading: QLabel) -> int:
    """How far below ``heading`` the first thing shown in its column starts (px)."""
    bottom = heading.mapTo(page, heading.rect().bottomLeft()).y()
    below = [w.mapTo(page, w.rect().topLeft()).y() for w in (
        page.today_view, page.today_empty, page.next_view, page.next_empty)
        if w.isVisible() and abs(w.mapTo(page, w.rect().topLeft()).x()
                                 - heading.mapTo(page, heading.rect().topLeft()).x()) < 20
        and w.mapTo(page, w.rect().topLeft()).y() >= bottom]
    return min(below) - bottom


@pytest.mark.parametrize("now", ["2023-05-20T09:00", "2023-05-26T10:00", "2023-05-29T10:00",
                                 "2023-05-30T23:00", "2023-06-05T09:00"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_heading_on_home_stands_right_over_what_it_heads(home_at, now: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A note ("has ended", "nothing more") sits under its own heading, not under the other
    column's longer list; no heading stands over an empty column."""
    page = home_at(now)
    page.ctx.state.set_language(lang)
    for scale, size in ((1.0, (1280, 800)), (2.0, (1024, 640))):
        page.ctx.state.set_text_scale(scale)
        try:
            page.window().resize(*size)
            QApplication.processEvents()
            headings = [h for h in (page.today_title, page.next_title) if h.isVisible()]
            assert headings
            for heading in headings:
                assert under_heading(page, heading) <= 16, (heading.text(), scale)
        finally:
            page.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back


def test_after_an_imported_programme_home_links_to_it_and_heads_no_empty_sections(  # type: ignore[no-untyped-def]
        home_at, programme_db: Path) -> None:
    """A programme has no news or key figures: Home showed their headings over nothing, "No
    news yet.", and "Browse what happened below" over an empty page."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from guide.ui.history import Location

    page = home_at("2026-01-05T10:00", programme_db)
    assert shown(page.news_title) == shown(page.news_empty) == shown(page.figures_title) == ""
    # 39C3 is no forum: the event has ended (it had said "The forum has ended").
    assert shown(page.today_empty).startswith("The event has ended. ")
    assert "Browse its programme" in shown(page.today_empty)
    page.today_empty.setFocus()  # the keyboard reaches the link, Enter opens it
    QTest.keyClick(page.today_empty, Qt.Key.Key_Return)
    assert page.window().current_location() == Location("forums")


@pytest.mark.parametrize(("now", "heading"), [
    ("2025-12-20T10:00", "The event opens · Sat 27 December 2025"),
    ("2025-12-26T10:00", "The event opens tomorrow · Sat 27 December 2025"),
])
def test_an_imported_programme_is_worded_as_an_event_not_a_forum(  # type: ignore[no-untyped-def]
        home_at, programme_db: Path, now: str, heading: str) -> None:
    """39C3 is no forum: Home had said "The forum opens" over its first day's talks."""
    page = home_at(now, programme_db)
    assert shown(page.next_title) == heading
    assert "forum" not in " ".join((page.forum_dates.text(), page.today_empty.text())).lower()


def test_news_and_figures_keep_their_headings_where_the_content_has_them(home_at) -> None:  # type: ignore[no-untyped-def]
    page = home_at("2023-05-25T09:00")  # before any news: the section says so
    assert shown(page.news_title) == "Latest news" and shown(page.news_empty) == "No news yet."
    assert shown(page.figures_title) == "Key figures"
