"""Walk the guide window as a visitor would: sections, details, cross-links, history, photos."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QWidget,
)

from guide.app import Guide, build_window
from guide.content import records
from guide.ui.history import Location
from guide.ui.models.lazy import ItemRole
from guide.ui.views.base import viewport_of
from guide.ui.window_parts import shown_sections
from tests.conftest import REAL_PACK
from tests.support import shown_guide


@pytest.fixture
def guide(qtbot, real_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="zh") as g:
        yield g


def _current(g: Guide) -> object:
    return g.window.stack.currentWidget()


def test_every_section_opens_from_the_navigation(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    nav = guide.window.findChild(QListView, "navigation")
    assert nav is not None
    for row, key in enumerate(shown_sections(guide.ctx.content)):
        index = nav.model().index(row, 0)
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualRect(index).center())
        assert _current(guide) is guide.window.page(key)
        assert guide.window.current_location() == Location(key)


# The field of each kind's pack entry that is its title (read from the pack, not the queries).
TITLE_FIELD = {"forum": "title", "area": "title", "announcement": "headline", "person": "name",
               "organization": "name", "figure": "label"}


def _pack_titles(kind: str) -> dict[str, str]:
    titles = {}
    for path in REAL_PACK.glob("*.toml"):
        for item in tomllib.loads(path.read_text(encoding="utf-8")).get(kind, []):
            titles[item["id"]] = item[TITLE_FIELD[kind]]
    return titles


def test_every_item_of_every_kind_opens_a_detail_page(guide: Guide) -> None:
    for kind in TITLE_FIELD:
        titles = _pack_titles(kind)
        assert titles, kind
        for item_id, expected in titles.items():
            guide.window.open_item(kind, item_id)
            assert _current(guide) is guide.window.detail
            title = guide.window.findChild(QLabel, "detailTitle")
            assert title is not None and title.text() == expected, (kind, item_id)
            assert guide.window.detail.findChild(QPushButton, "bookmarkButton").isVisible()
    assert not guide.window.go(Location.item("forum", "no-such-forum"))


def test_cross_links_forum_to_organiser_to_its_forums_and_back(guide: Guide) -> None:
    w = guide.window
    w.open_item("forum", "ip-protection-forum")
    body = w.detail.findChild(QTextBrowser, "detailBody")
    html = body.toHtml()
    assert "guide:organization/" in html
    org = next(o for o in records.get_forum(guide.ctx.content, "ip-protection-forum").organisers
               if o.role == "主办")
    body.anchorClicked.emit(QUrl(f"guide:organization/{org.organization.id}"))
    assert w.current_location() == Location.item("organization", org.organization.id)
    assert "guide:forum/ip-protection-forum" in body.toHtml()

    w.open_item("forum", "tech-service-forum")
    body.anchorClicked.emit(QUrl("guide:person/zhao-qing"))
    assert w.findChild(QLabel, "detailTitle").text() == "赵清"
    assert "guide:forum/tech-service-forum" in body.toHtml()  # person -> their other forums

    w.back()
    assert w.current_location() == Location.item("forum", "tech-service-forum")
    w.forward()
    assert w.current_location() == Location.item("person", "zhao-qing")


def test_a_reporters_page_lists_what_he_wrote(guide: Guide) -> None:
    """The byline links to the reporter; his page said only "Staff reporter", a dead end."""
    w = guide.window
    guide.ctx.state.set_language("en")
    w.open_item("announcement", "beijing-green-finance-centre")
    body = w.detail.findChild(QTextBrowser, "detailBody")
    assert "guide:person/zhang-wei" in body.toHtml()
    # Its date is the day of what it reports (the page gives no day of publication).
    assert "Reporter: Zhang Wei · Reporting on 27 May 2023" in body.toPlainText()
    body.anchorClicked.emit(QUrl("guide:person/zhang-wei"))
    assert w.current_location() == Location.item("person", "zhang-wei")
    html, text = body.toHtml(), body.toPlainText()
    assert "Reports" in text
    written = [a["id"] for a in tomllib.loads((REAL_PACK / "announcements.toml").read_text())["announcement"]
               if a.get("reporter") == "zhang-wei"]
    assert len(written) == 5
    assert all(f"guide:announcement/{i}" in html for i in written)
    # newest first, as the Announcements list: the 28 May report before those of the 27th,
    # each led by its date (the kind is the section's title: "Announcement" five times said nothing)
    assert text.index("Thousand Universities") < text.index("Beijing builds a global green")
    assert "28 May 2023" in text and "Announcement" not in text.split("Reports", 1)[1]
    guide.ctx.state.set_language("zh")
    assert "报道" in body.toPlainText()


def _in_view(scroll: QScrollArea, widget: QWidget, rect: QRect) -> bool:
    top = widget.mapTo(scroll.viewport(), rect.topLeft()).y()
    bottom = widget.mapTo(scroll.viewport(), rect.bottomLeft()).y()
    return top >= 0 and bottom <= scroll.viewport().height()


def test_long_pages_follow_the_keyboard(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Lists and text grown to full height in one scroll area: the scroll keys did nothing in a
    detail page, and Tab (links) or Down (rows) moved the focus below the window."""
    w = guide.window
    w.resize(1024, 640)
    w.open_item("forum", "green-finance-forum")
    page, body = w.detail, w.detail.body
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # laid out
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(body, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(body, Qt.Key.Key_Home)
    assert bar.value() == 0
    reached = 0
    while body.hasFocus() and reached < 8:
        qtbot.keyClick(body, Qt.Key.Key_Tab)
        qtbot.wait(1)
        cursor = body.textCursor()
        if body.hasFocus() and cursor.hasSelection():
            reached += 1
            assert _in_view(page.scroll_area, viewport_of(body), body.cursorRect(cursor)), reached
    assert reached >= 5 and bar.value() > 0

    w.go(Location("home"))
    home = w.page("home")
    figures = home.findChild(QListView, "keyFigures")
    figures.setFocus()
    figures.setCurrentIndex(figures.model().index(0, 0))
    for row in range(figures.model().rowCount()):
        if row:
            qtbot.keyClick(figures, Qt.Key.Key_Down)
        current = figures.visualRect(figures.currentIndex())
        assert _in_view(home.scroll_area, viewport_of(figures), current), row


def test_the_day_strip_takes_one_tab_stop_in_drawn_order_and_arrows_choose(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tab went kind filter, List, the list, then the days drawn above them, and stopped on
    every day from the first; now it stops once, on the chosen day, and arrows choose."""
    w = guide.window
    w.go(Location("forums"))
    page = w.page("forums")
    w.navigation.setFocus()
    stops = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    chosen = page.days.buttons[page.days.currentIndex()]
    assert stops[:2] == [chosen, page.kind]
    assert chosen.text() == "5月29日 周一"  # today
    assert page.view in stops and not [b for b in page.days.buttons if b in stops[1:]]
    chosen.setFocus()
    qtbot.keyClick(chosen, Qt.Key.Key_Right)
    assert page.current_day() == dt.date(2023, 5, 30)
    assert QApplication.focusWidget() is page.days.buttons[page.days.currentIndex()]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)
    assert page.current_day() == dt.date(2023, 5, 26)


def test_arrow_keys_in_the_sections_open_the_section_they_mark(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Down moved the mark to Exhibition while Home still showed."""
    w = guide.window
    nav = w.navigation
    nav.setFocus()
    keys = shown_sections(guide.ctx.content)
    for row, key in enumerate(keys[1:4], start=1):
        qtbot.keyClick(nav, Qt.Key.Key_Down)
        assert nav.currentIndex().row() == row
        assert w.current_location() == Location(key)
        assert _current(guide) is w.page(key)
    assert nav.hasFocus()  # the keys stay in the list
    qtbot.keyClick(nav, Qt.Key.Key_Home)
    assert w.current_location() == Location("home")
    qtbot.mouseClick(viewport_of(nav), Qt.MouseButton.LeftButton,
                     pos=nav.visualRect(nav.model().index(2, 0)).center())
    assert w.current_location() == Location(keys[2])


def test_an_organisations_roles_read_as_english(guide: Guide) -> None:
    # The software park co-organised the conference and released the platform launched there.
    guide.ctx.state.set_language("en")
    guide.window.open_item("organization", "zgc-software-park")
    text = guide.window.detail.findChild(QTextBrowser, "detailBody").toPlainText()
    assert "Co-organiser and launcher" in text
    guide.window.open_item("forum", "university-tech-transfer-conference")
    text = guide.window.detail.findChild(QTextBrowser, "detailBody").toPlainText()
    assert "Zhongguancun Software Park (launcher)" in text
    assert "(co-launcher)" in text


def test_the_navigation_marks_the_section_an_item_belongs_to(guide: Guide) -> None:
    """Detail pages marked no section: a visitor lost track of where they were."""
    nav = guide.window.findChild(QListView, "navigation")

    def marked() -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in nav.selectionModel().selectedIndexes()]

    for kind, item_id, section in (("forum", "green-finance-forum", "forums"),
                                   ("area", "metaverse-area", "exhibition"),
                                   ("photo", "metaverse-area-crowd", "photos"),
                                   ("person", "zhao-qing", None)):
        assert guide.window.go(Location.item(kind, item_id))
        assert marked() == ([section] if section else []), kind


def test_area_detail_shows_its_photos_and_figures(guide: Guide) -> None:
    guide.window.open_item("area", "metaverse-area")
    photos = guide.window.detail.findChild(QListView, "detailPhotos")
    assert photos.isVisible() and photos.model().rowCount() == 1
    photos.clicked.emit(photos.model().index(0, 0))
    assert guide.window.current_location() == Location.item("photo", "metaverse-area-crowd")


def test_announcement_links_to_what_it_mentions(guide: Guide) -> None:
    guide.window.open_item("announcement", "metaverse-patent-pool-launch")
    html = guide.window.detail.findChild(QTextBrowser, "detailBody").toHtml()
    announcements = tomllib.loads((REAL_PACK / "announcements.toml").read_text(encoding="utf-8"))
    mentioned = next(a["mentions"] for a in announcements["announcement"]
                     if a["id"] == "metaverse-patent-pool-launch")
    assert mentioned  # what the pack says the article mentions, each a link
    for ref in mentioned:
        assert f"guide:{ref['kind']}/{ref['id']}" in html, ref


def test_history_with_keys_buttons_and_mouse_back_button(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = guide.window
    w.go(Location("forums"))
    w.open_item("forum", "green-finance-forum")
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.current_location() == Location("forums")
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert w.current_location() == Location.item("forum", "green-finance-forum")
    qtbot.mouseClick(w.back_button, Qt.MouseButton.LeftButton)
    assert w.current_location() == Location("forums")
    assert w.forward_button.isEnabled()
    target = w.page("forums")
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(5, 5), QPointF(5, 5),
                        Qt.MouseButton.BackButton, Qt.MouseButton.BackButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, press)
    assert w.current_location() == Location("home")
    assert not w.back_button.isEnabled()


def test_every_photo_shows_caption_and_credit(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    expected = {p.id: (p.caption, p.credit) for p in records.list_items(guide.ctx.content, "photo")}
    assert len(expected) == 3
    for photo_id, (caption, credit) in expected.items():
        guide.window.open_item("photo", photo_id)
        assert guide.window.findChild(QLabel, "photoCaption").text() == caption
        assert guide.window.findChild(QLabel, "photoCredit").text() == credit
        assert credit.endswith("/摄") and credit.startswith("本报记者 ")
    viewer = guide.window.viewer
    guide.window.go(Location("photos"))
    guide.window.open_item("photo", "visitors-robot")
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.photo.id == "visitors-virtual-driving"
    assert guide.window.current_location() == Location.item("photo", "visitors-virtual-driving")
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.photo.id == "visitors-robot"
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert guide.window.current_location() == Location("photos")


def test_forum_days_with_empty_day_and_unannounced_times(guide: Guide) -> None:
    page = guide.window.page("forums")
    guide.window.go(Location("forums"))
    assert page.current_day() == dt.date(2023, 5, 29)  # the clock's day
    assert page.days.count() == 5  # 26th (exhibition only) to 30th
    page.select_day(dt.date(2023, 5, 26))
    # An exhibition day: the note says so and leads there.
    assert page.empty.isVisible() and page.empty.text().startswith("当天没有论坛活动。<br>展览开放中：")
    assert 'href="area/zgc-forum-expo"' in page.empty.text()
    # Its focus ring frames the note, not the empty page, with room inside it for the text.
    margins = page.empty.contentsMargins()
    assert margins.left() >= 8 and page.empty.height() < 3 * page.empty.fontMetrics().lineSpacing() + 80
    page.empty.linkActivated.emit("area/zgc-forum-expo")
    assert guide.window.current_location() == Location.item("area", "zgc-forum-expo")
    guide.window.back()
    page.select_day(dt.date(2023, 5, 27))
    assert page.model.rowCount() == 2 and not page.empty.isVisible()
    row = page.model.item_at(0)
    delegate = page.view.itemDelegate()
    assert delegate.time_text(row) == "时间未公布"
    page.kind.setCurrentIndex(page.kind.findData("conference"))
    assert page.model.rowCount() == 0 and page.empty.text() == "当天没有此类型的论坛。"


def test_home_shows_today_and_next_from_the_clock(guide: Guide) -> None:
    home = guide.window.page("home")
    assert home.today_model.ids() == ["tech-service-forum"]
    assert home.next_model.ids() == ["ip-protection-forum"]
    assert "2023年5月29日" in home.today_title.text()
    assert home.news_model.rowCount() == 3
    assert home.figures_model.rowCount() == 4


def test_models_pass_qt_model_tester(guide: Guide, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    w = guide.window
    models = [w.nav_model, w.page("forums").model, w.page("exhibition").model,
              w.page("announcements").model, w.page("photos").model, w.page("figures").model,
              w.page("home").today_model, w.detail.photo_model]
    for model in models:
        qtmodeltester.check(model)


def test_bundled_font_covers_every_character_of_the_content(guide: Guide) -> None:
    db = guide.ctx.content
    text = set()
    # The full-text tables keep no text (contentless) and cannot be scanned: their
    # words are in search_doc and the content tables, read here.
    for table, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                             " AND sql NOT LIKE 'CREATE VIRTUAL%'"):
        for row in db.execute(f"SELECT * FROM {table}"):
            for value in row:
                if isinstance(value, str):
                    text.update(value)
    font = QApplication.font()
    assert "WenQuanYi" in font.family()
    metrics = QFontMetrics(font)
    missing = sorted(c for c in text if c.isprintable() and not c.isspace()
                     and not metrics.inFontUcs4(ord(c)))
    assert missing == []
    assert len([c for c in text if "\u4e00" <= c <= "\u9fff"]) > 500


def test_photo_with_image_file_is_decoded_off_thread_and_shown(qtbot, mini_db: Path) -> None:  # type: ignore[no-untyped-def]
    g = build_window(mini_db, lang="zh")
    qtbot.addWidget(g.window)
    g.window.show()
    g.window.open_item("photo", "crowd")
    from guide.ui.views.photo_viewer import VIEWER_SIZE

    qtbot.waitUntil(lambda: g.images.pixmap("images/crowd.png", VIEWER_SIZE) is not None, timeout=5000)
    pixmap = g.images.pixmap("images/crowd.png", VIEWER_SIZE)
    assert pixmap is not None
    assert abs(pixmap.width() / pixmap.height() - 400 / 300) < 0.01  # aspect kept
    assert g.images._thread.isRunning() and g.images._thread is not QApplication.instance().thread()
    g.window.open_item("photo", "robot")  # no image file: placeholder, still caption and credit
    assert g.window.findChild(QLabel, "photoCredit").text() == "本报记者 李洋/摄"
    qtbot.waitUntil(lambda: g.images.is_missing(None, VIEWER_SIZE))
    g.images.shutdown()


def test_an_exhibition_card_the_content_gives_no_picture_makes_no_claim(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    # The newspaper names no picture for its exhibition: all five cards had said "Picture
    # not available" on a dark band, which read as five failed loads.
    with shown_guide(qtbot, real_db, lang="en") as g:
        g.window.go(Location("exhibition"))
        view = g.window.page("exhibition").view
        delegate = view.itemDelegate()
        areas = [view.model().index(r, 0).data(ItemRole) for r in range(view.model().rowCount())]
        assert len(areas) == 5 and not any(a.image for a in areas)
        qtbot.waitUntil(lambda: g.images.is_missing(areas[0].image, delegate.image_size()), timeout=5000)
        assert [delegate.picture_note(a.image) for a in areas] == [""] * 5
        # A picture the content names but does not hold is still said to be missing.
        named = "images/not-in-the-pack.jpg"
        g.images.pixmap(named, delegate.image_size())  # asks the worker, which finds no such image
        qtbot.waitUntil(lambda: g.images.is_missing(named, delegate.image_size()), timeout=5000)
        assert delegate.picture_note(named) == "Picture not available"


@pytest.mark.parametrize(("lang", "note"), [("en", "Picture not available"), ("zh", "暂无图片")])
def test_a_photo_card_without_its_image_file_says_so(qtbot, mini_db: Path, lang: str, note: str) -> None:  # type: ignore[no-untyped-def]
    """The gallery tile of a photo with no image file says so in words (on screen and to a
    screen reader) once the worker has reported it; a photo whose file loads says nothing."""
    g = build_window(mini_db, lang=lang)
    qtbot.addWidget(g.window)
    g.window.resize(1280, 800)
    g.window.show()
    try:
        g.window.go(Location("photos"))
        view = g.window.page("photos").view
        delegate = view.itemDelegate()
        rows = {view.model().index(r, 0).data(ItemRole).id: view.model().index(r, 0).data(ItemRole)
                for r in range(view.model().rowCount())}
        assert delegate.picture_note(rows["robot"].image) in ("", note)  # not yet known: no claim
        size = delegate.image_size()
        qtbot.waitUntil(lambda: g.images.is_missing(rows["robot"].image, size), timeout=5000)
        qtbot.waitUntil(lambda: g.images.pixmap(rows["crowd"].image, size) is not None, timeout=5000)
        assert delegate.picture_note(rows["robot"].image) == note
        assert delegate.picture_note(rows["crowd"].image) == ""
        assert note in delegate.describe(rows["robot"])[1]
        assert note not in delegate.describe(rows["crowd"])[1]
        view.viewport().repaint()  # paints the band with the note without error
    finally:
        g.images.shutdown()
        g.close()


def test_detail_text_is_one_reading_size_that_follows_the_text_scale(guide: Guide) -> None:
    from PySide6.QtWidgets import QApplication

    from guide.ui.views.detail_html import reading_size

    seen = {}
    for scale in (1.0, 2.0, 1.0):  # back to 100%: the app font is shared by later tests
        guide.ctx.state.set_text_scale(scale)
        guide.window.open_item("forum", "tech-service-forum")
        body = guide.window.detail.findChild(QTextBrowser, "detailBody")
        sizes: dict[bool, set[float]] = {True: set(), False: set()}  # heading? -> sizes
        block = body.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                sizes[block.blockFormat().headingLevel() > 0].add(
                    round(fragment.charFormat().font().pointSizeF(), 1))
                it += 1
            block = block.next()
        # Every line of text is at the size the style says, a little above the rows' text.
        assert sizes[False] == {round(reading_size(scale), 1)}
        assert reading_size(scale) > QApplication.font().pointSizeF()
        assert min(sizes[True]) > max(sizes[False])  # headings stand out
        seen.setdefault(scale, sizes[False].pop())
    assert seen[2.0] == pytest.approx(2 * seen[1.0], abs=0.1)


@pytest.mark.parametrize("palette", ["standard", "high-contrast"])
def test_the_viewers_missing_image_notice_is_in_the_placeholders_ink(
        qtbot, mini_db: Path, palette: str) -> None:  # type: ignore[no-untyped-def]
    """White text on high contrast's light gradient could not be read: the notice takes the
    gradient's own ink (white on blue, black on yellow), in the band under the watermark."""
    from PySide6.QtGui import QColor

    from guide.ui import theme
    from guide.ui.views.photo_viewer import VIEWER_SIZE, PhotoCanvas

    with shown_guide(qtbot, mini_db, lang="en") as g:
        g.ctx.state.set_palette(palette)
        g.window.resize(1280, 800)
        g.window.open_item("photo", "robot")
        qtbot.waitUntil(lambda: g.images.is_missing(None, VIEWER_SIZE), timeout=5000)
        canvas = g.window.findChild(PhotoCanvas)
        image = canvas.grab().toImage()
        ink = QColor(theme.PALETTES[palette].on_primary)
        w, h = image.width(), image.height()
        band = [(x, y) for y in range(int(h * 0.75), h - 10) for x in range(int(w * 0.35), int(w * 0.65))]
        inked = sum(1 for x, y in band if _near(image.pixelColor(x, y), ink))
        assert inked > 40, f"{inked} pixels of the notice in {ink.name()}"


def _near(a: object, b: object, tolerance: int = 24) -> bool:
    return all(abs(getattr(a, c)() - getattr(b, c)()) <= tolerance for c in ("red", "green", "blue"))


def test_the_bookmark_star_grows_with_the_text(qtbot, mini_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, mini_db, lang="en") as g:
        g.window.open_item("forum", "tech-service-forum")
        button = g.window.detail.bookmark
        small = button.iconSize().height()
        g.ctx.state.set_text_scale(2.0)
        try:
            large = button.iconSize().height()
            assert large == button.fontMetrics().height()  # as tall as the word beside it
            assert large >= 1.7 * small
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is shared by later tests


def test_decoded_images_stay_within_their_memory_budget(qtbot, mini_db: Path) -> None:  # type: ignore[no-untyped-def]
    """A long kiosk day of big photos must not hold every decoded one: past the budget the
    oldest are let go and decoded again when asked for."""
    from PySide6.QtCore import QSize

    from guide.ui.images import ImageCache

    one = 400 * 300 * 4  # crowd.png at its own size, 32-bit
    images = ImageCache(mini_db, budget_bytes=int(one * 1.5))
    try:
        sizes = [QSize(400, 300), QSize(399, 299), QSize(398, 298)]
        for size in sizes:
            assert images.pixmap("images/crowd.png", size) is None
            qtbot.waitUntil(lambda s=size: images.pixmap("images/crowd.png", s) is not None, timeout=5000)
            assert images.cached_bytes() <= one * 1.5
        assert images.pixmap("images/crowd.png", sizes[-1]) is not None  # the newest is kept
        assert images.pixmap("images/crowd.png", sizes[0]) is None  # the oldest went; asked again
        qtbot.waitUntil(lambda: images.pixmap("images/crowd.png", sizes[0]) is not None, timeout=5000)
    finally:
        images.shutdown()


def _blue_crowd(mini_db: Path, tmp_path: Path) -> Path:
    """A copy of ``mini_db`` whose crowd photo, at the same path, is plain blue (an update)."""
    import hashlib
    import shutil
    import sqlite3

    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    blue = QImage(400, 300, QImage.Format.Format_RGB32)
    blue.fill(QColor("#0000ff"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    blue.save(buffer, "PNG")
    data = bytes(buffer.data())
    new_db = Path(shutil.copy(mini_db, tmp_path / "new.db"))
    with sqlite3.connect(new_db) as conn:
        conn.execute("UPDATE image SET data = ?, sha256 = ? WHERE path = 'images/crowd.png'",
                     [data, hashlib.sha256(data).hexdigest()])
    conn.close()
    return new_db


def test_a_picture_asked_before_new_content_came_is_not_shown_for_the_new_content(  # type: ignore[no-untyped-def]
        qtbot, mini_db: Path, tmp_path: Path) -> None:
    """An update that replaced a photo at the same path: a request still queued on the worker
    when the content changed was answered from the old database, and the old photo was kept
    for the new content until the cache let it go."""
    from PySide6.QtCore import QSize

    from guide.ui.images import ImageCache

    new_db = _blue_crowd(mini_db, tmp_path)
    images = ImageCache(mini_db)
    size = QSize(40, 30)
    try:
        assert images.pixmap("images/crowd.png", size) is None  # asked on the old content
        images.switch_database(new_db)  # before the worker's answer came back
        qtbot.wait(300)
        qtbot.waitUntil(lambda: images.pixmap("images/crowd.png", size) is not None, timeout=5000)
        shown = images.pixmap("images/crowd.png", size)
        assert shown is not None and shown.toImage().pixelColor(10, 10).name() == "#0000ff"
    finally:
        images.shutdown()


def test_a_picture_first_asked_after_new_content_came_is_the_new_contents(  # type: ignore[no-untyped-def]
        qtbot, mini_db: Path, tmp_path: Path) -> None:
    """The worker is made on the first request (Home shows no picture): content replaced
    before any picture was asked is the content that worker reads."""
    from PySide6.QtCore import QSize

    from guide.ui.images import ImageCache

    new_db = _blue_crowd(mini_db, tmp_path)
    images = ImageCache(mini_db)
    size = QSize(40, 30)
    try:
        images.switch_database(new_db)
        assert images.pixmap("images/crowd.png", size) is None
        qtbot.waitUntil(lambda: images.pixmap("images/crowd.png", size) is not None, timeout=5000)
        shown = images.pixmap("images/crowd.png", size)
        assert shown is not None and shown.toImage().pixelColor(10, 10).name() == "#0000ff"
    finally:
        images.shutdown()


def test_a_wrapped_line_past_its_limit_ends_in_an_ellipsis(qapp: object) -> None:
    """No top half of a line that does not fit: the last line kept ends in "…"."""
    from PySide6.QtGui import QFontMetrics

    from guide.ui import theme
    from guide.ui.delegates import wrapped

    font = theme.font("title", 1.0, bold=True)
    text = ("Opening Ceremony of the 2023 Zhongguancun International Technology Trade Fair and "
            "Global Technology Trading Ecosystem Partners Conference")
    lines = wrapped(text, font, 220, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(QFontMetrics(font).horizontalAdvance(line) <= 220 for line in lines)
    assert " ".join(wrapped(text, font, 220, 20)) == text  # all of it when it fits


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("note", ["Picture not available", "暂无图片"])
def test_a_missing_photo_says_so_inside_its_placeholder_and_shows_no_lone_letter(
        qtbot, note: str, scale: float) -> None:  # type: ignore[no-untyped-def]
    # The placeholder had a huge first letter of the caption ("C", "V", "观") as a watermark:
    # it meant nothing to a visitor. Only the note is written in it now, whole and inside.
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter

    from guide.app import ensure_app
    from guide.ui import theme
    from guide.ui.image_delegates import paint_placeholder

    ensure_app()
    drawn: list[tuple[str, QRect]] = []

    class Recording(QPainter):
        def drawText(self, *args):  # type: ignore[no-untyped-def]
            rect, flags, text = args
            drawn.append((text, self.boundingRect(rect, flags, text)))
            super().drawText(*args)

    image = QImage(900, 600, QImage.Format.Format_ARGB32)
    for box in (QRect(10, 10, 408, 255), QRect(10, 10, 547, 342), QRect(10, 10, 300, 188)):
        drawn.clear()
        painter = Recording(image)
        paint_placeholder(painter, box, theme.STANDARD, note, theme.font("title", scale))
        painter.end()
        assert [text for text, _rect in drawn] == [note]
        assert box.contains(drawn[0][1])  # the note whole, inside the picture


@pytest.mark.parametrize(("lang", "scale", "size"), [("en", 2.0, (1024, 640)), ("zh", 1.0, (1280, 800)),
                                                     ("zh", 2.0, (1024, 640))])
@pytest.mark.parametrize(("page", "grid"), [("photos", "photoGrid"), ("exhibition", "areaGrid")])
def test_without_pictures_the_gallery_and_the_exhibition_lead_with_their_words(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, monkeypatch: pytest.MonkeyPatch, page: str, grid: str, lang: str,
        scale: float, size: tuple[int, int]) -> None:
    """The newspaper names no picture for its photos or its exhibition: every card led with a
    gradient saying "Picture not available" under a huge letter ("C", "V", "观") and a camera.
    The cards are words now, the caption (or name) first; the gallery says once why."""
    from guide.ui import image_delegates
    from guide.ui.layout_check import check_window

    placeholders: list[QRect] = []
    monkeypatch.setattr(image_delegates, "paint_placeholder",
                        lambda _painter, box, *_args: placeholders.append(QRect(box)))
    with shown_guide(qtbot, real_db, lang=lang, size=size, remember=False) as g:
        g.ctx.state.set_text_scale(scale)
        try:
            g.window.go(Location(page))
            QApplication.processEvents()
            view = g.window.page(page).findChild(QListView, grid)
            view.doItemsLayout()
            view.viewport().grab()
            assert placeholders == []
            delegate = view.itemDelegate()
            item = view.model().index(0, 0).data(ItemRole)
            zh, en = (item.caption, item.caption_en) if page == "photos" else (item.title, item.title_en)
            assert delegate.lines(item)[0].text == (en if lang == "en" else zh)
            assert not delegate.star_on_picture()
            if page == "photos":
                assert g.window.page(page).subtitle.text() == (
                    "Captions of the photos from the exhibition; the pictures are not in this guide"
                    if lang == "en" else "展会照片的图片说明；本指南不含图片本身")
            assert [str(p) for p in check_window(g.window, size)] == []
        finally:
            g.ctx.state.set_text_scale(1.0)


def test_a_detail_title_has_the_columns_width_and_its_kind_stands_over_it(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    """At 200% on 1024x640 a long title, set beside the bookmark button, filled the screen;
    and the kind over it (a section title) stood half an "x" to the right of it."""
    with shown_guide(qtbot, real_db, lang="en", size=(1024, 640), remember=False) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            g.window.open_item("forum", "tech-trade-fair-opening")
            QApplication.processEvents()
            detail = g.window.detail
            title, kind = detail.title, detail.kind_label
            button = detail.findChild(QPushButton, "bookmarkButton")
            right = title.mapTo(detail, title.rect().topRight()).x()
            assert right > button.mapTo(detail, button.rect().topLeft()).x()
            assert title.height() < 0.6 * g.window.height()
            assert kind.mapTo(detail, kind.contentsRect().topLeft()).x() == \
                title.mapTo(detail, title.contentsRect().topLeft()).x()
            # and level with the button beside it
            assert abs(kind.mapTo(detail, kind.rect().center()).y()
                       - button.mapTo(detail, button.rect().center()).y()) <= 2
            # Section titles (Home's "Today", "Latest news") take no indent either.
            g.window.go(Location("home"))
            for label in g.window.page("home").findChildren(QLabel, "sectionTitle"):
                text = QFontMetrics(label.font()).horizontalAdvance(label.text())
                assert label.sizeHint().width() <= text + 2, label.text()
        finally:
            g.ctx.state.set_text_scale(1.0)


def test_a_detail_card_ends_where_its_text_does(guide: Guide) -> None:
    """The card under the title kept 50-80 px empty under its last line (its border and
    padding were counted twice), yet must never cut the text."""
    body = guide.window.detail.findChild(QTextBrowser, "detailBody")
    for kind, item_id in (("organization", "bank-of-china"), ("figure", "cdb-special-bonds"),
                          ("forum", "green-finance-forum")):
        guide.window.open_item(kind, item_id)
        QApplication.processEvents()
        text = body.document().size().height()
        assert text <= body.viewport().height() <= text + 8, (kind, body.viewport().height(), text)


def test_the_viewers_arrows_flank_the_picture(guide: Guide) -> None:
    """The arrows sat beside the caption under the picture, not at its middle."""
    assert guide.window.go(Location.item("photo", "metaverse-area-crowd"))
    QApplication.processEvents()
    viewer = guide.window.viewer
    canvas = viewer.canvas.geometry()
    for arrow in (viewer.prev_button, viewer.next_button):
        assert abs(arrow.geometry().center().y() - canvas.center().y()) <= 2
        assert arrow.geometry().bottom() < canvas.bottom()
    assert viewer.prev_button.geometry().right() < canvas.left() < canvas.right() \
        < viewer.next_button.geometry().left()


def test_the_viewers_area_link_is_reached_by_tab_and_opened_by_enter(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """"Shows: Metaverse Area" under a photo answered the mouse only; Tab passed it by."""
    assert guide.window.go(Location.item("photo", "metaverse-area-crowd"))
    viewer = guide.window.viewer
    link = viewer.area_link
    assert "guide:area/" in link.text()
    viewer.setFocus()
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is link:
            break
    assert QApplication.focusWidget() is link
    # Its ring hugs its line with room around the text: it spanned the viewer, 18 px tall,
    # touching the letters (padding set after the first polish never reached the label).
    assert link.width() < viewer.width() / 2
    margins = link.contentsMargins()
    assert min(margins.left(), margins.right()) >= 8 and min(margins.top(), margins.bottom()) >= 4
    qtbot.keyClick(link, Qt.Key.Key_Return)
    location = guide.window.current_location()
    assert location is not None and location.kind == "area"


@pytest.mark.parametrize(("lang", "named_up_to"), [("en", 1.5), ("zh", 2.0)])
def test_the_sections_keep_their_names_at_large_text_on_1024x640(qtbot, real_db: Path, lang: str,  # type: ignore[no-untyped-def]
                                                                 named_up_to: float) -> None:
    # English had collapsed to bare icons from 150% on: the names were measured in the wider
    # Latin content face, not the face the list draws in, and "Announcements" was long.
    # (English at 200% still collapses: named, the list left a long title most of the screen.)
    with shown_guide(qtbot, real_db, lang=lang, size=(1024, 640)) as g:
        for scale in (1.5, 2.0):
            g.ctx.state.set_text_scale(scale)
            try:
                QApplication.processEvents()
                model, nav = g.window.nav_model, g.window.navigation
                names = [model.item(r).text() for r in range(model.rowCount())]
                if scale > named_up_to:
                    assert not any(names) and nav.width() < 0.1 * 1024
                    continue
                assert all(names), (scale, names)
                metrics = QFontMetrics(nav.font())
                widest = max(metrics.horizontalAdvance(n) for n in names)
                assert widest + nav.iconSize().width() < nav.width() <= 0.27 * 1024, scale
            finally:
                g.ctx.state.set_text_scale(1.0)


@pytest.mark.parametrize("page", ["announcements", "forums", "figures"])
def test_a_lists_rows_are_measured_at_the_width_they_are_shown_at(qtbot, real_db: Path, page: str) -> None:  # type: ignore[no-untyped-def]
    # A title measured while the list still had its scroll bar wrapped onto a second line;
    # once the bar went, it fit on one, and the rows under it stayed where a second line
    # had put them: a gap (Qt re-lays a list out by itself only when its height changes).
    from guide.screenshot import settle

    with shown_guide(qtbot, real_db, lang="en", size=(1280, 800)) as g:
        settle(g, 0.5)
        g.window.go(Location(page))
        settle(g)  # as a user sees it, once layouts and queued events are done
        view = next(v for v in g.window.page(page).findChildren(QListView)
                    if v.isVisible() and v.viewMode() == QListView.ViewMode.ListMode)
        model = view.model()

        def rows() -> list[tuple[int, int]]:
            return [(view.visualRect(model.index(r, 0)).top(), view.visualRect(model.index(r, 0)).height())
                    for r in range(model.rowCount())]

        shown = rows()
        view.doItemsLayout()  # measured and placed afresh at the width the list has now
        assert shown == rows()


@pytest.mark.parametrize(("scale", "size", "one_height"),
                         [(1.0, (1280, 800), True), (2.0, (1024, 640), False)])
def test_exhibition_cards_line_up_in_rows_and_stand_alone_in_one_column(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, scale: float, size: tuple[int, int], one_height: bool) -> None:
    """Cards side by side are as tall as the tallest (a row is not ragged); one card a row
    (200% on a small window) each is as tall as its words: the tallest card's height left a
    blank band under every other."""
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="zh", size=size) as g:
        g.ctx.state.set_text_scale(scale)
        try:
            g.window.resize(*size)
            g.window.go(Location("exhibition"))
            qtbot.wait(50)
            view = g.window.findChild(QListView, "areaGrid")
            rects = [view.visualRect(view.model().index(r, 0)) for r in range(view.model().rowCount())]
            assert len(rects) > 2
            lefts = {r.left() for r in rects}
            assert (len(lefts) > 1) == one_height  # several cards a row, or one
            assert (len({r.height() for r in rects}) == 1) == one_height
        finally:
            g.ctx.state.set_text_scale(1.0)
