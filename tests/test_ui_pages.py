"""The Figures and Announcements pages, the "Aa" display menu and text size, export from the UI."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QListView,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from guide.app import Guide, build_window
from guide.content import queries
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.history import Location
from guide.ui.models.lazy import IdRole, ItemRole
from guide.ui.views.bookmarks import entry_kind
from tests.conftest import REAL_PACK
from tests.support import shown_guide


@pytest.fixture
def user_db(tmp_path: Path) -> Path:
    return tmp_path / "user.db"


@pytest.fixture
def guide(qtbot, real_db: Path, user_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="en", user_db=user_db) as g:
        yield g


def _pack(kind: str, file: str) -> list[dict[str, object]]:
    return tomllib.loads((REAL_PACK / file).read_text(encoding="utf-8"))[kind]


def test_figures_page_charts_the_comparable_figures_and_lists_every_figure(guide: Guide) -> None:
    guide.window.go(Location("figures"))
    page = guide.window.page("figures")
    view = page.findChild(QListView, "figureList")
    figures = _pack("figure", "figures.toml")
    assert view.model().rowCount() == len(figures)
    assert {view.model().index(r, 0).data(IdRole) for r in range(view.model().rowCount())} == \
        {f["id"] for f in figures}
    charts = page.findChildren(QWidget, "figureChart")
    assert len(charts) == 2 and all(c.isVisible() and c.accessibleName() for c in charts)
    view.clicked.emit(view.model().index(0, 0))
    assert guide.window.current_location() == Location.item("figure", str(figures[0]["id"]))


def test_a_figure_row_names_its_year_once(guide: Guide) -> None:
    """The year follows what a figure measures in brackets, unless that already names it
    ("Growth ..., 2018–2022" read "2018–2022  2022"); two bare spaces before the year read as
    a slip ("Technology contracts nationwide  2018")."""
    from guide.ui.figure_delegate import FigureDelegate

    guide.window.go(Location("figures"))
    view = guide.window.page("figures").findChild(QListView, "figureList")
    delegate = view.itemDelegate()
    assert isinstance(delegate, FigureDelegate)

    def titles() -> list[str]:
        ids = [view.model().index(row, 0).data(IdRole) for row in range(view.model().rowCount())]
        return [delegate.parts(queries.get_figure(guide.ctx.content, i))[1][0].text for i in ids]

    guide.ctx.state.set_language("en")
    english = titles()
    assert any(t.endswith("2018–2022") for t in english), english
    assert not [t for t in english if re.search(r"(\d{4}).*\1\)?$", t)]
    assert "Technology contracts nationwide (2018)" in english, english
    assert not [t for t in english if "  " in t]
    guide.ctx.state.set_language("zh")
    chinese = titles()
    assert "全国技术合同数量（2018年）" in chinese, chinese
    assert not [t for t in chinese if "  " in t]


def figures_at_200_percent_in_chinese(guide: Guide) -> tuple[Any, list[Any]]:
    """The Figures page's delegate and its figures, at 200% text in Chinese."""
    guide.window.go(Location("figures"))
    view = guide.window.page("figures").findChild(QListView, "figureList")
    guide.ctx.state.set_text_scale(2.0)
    guide.ctx.state.set_language("zh")
    figures = [view.model().index(row, 0).data(ItemRole) for row in range(view.model().rowCount())]
    return view.itemDelegate(), figures


def test_a_figures_number_takes_at_most_a_third_of_a_narrow_row(guide: Guide) -> None:
    """On a portrait kiosk (135% text) the number's column was 337 of a 780-pixel card, and
    the quotes beside it were cut short under an empty column."""
    from PySide6.QtCore import QRect

    guide.window.go(Location("figures"))
    delegate = guide.window.page("figures").findChild(QListView, "figureList").itemDelegate()
    guide.ctx.state.set_text_scale(1.35)
    view = guide.window.page("figures").findChild(QListView, "figureList")
    from guide.ui.models.lazy import ItemRole

    value, _ = delegate.parts(view.model().index(0, 0).data(ItemRole))  # 412,000: short
    number, measured = delegate.columns(QRect(0, 0, 780, 100), value)
    assert number.width() <= 780 // 3 < measured.width()
    number, _ = delegate.columns(QRect(0, 0, 1400, 100), value)  # a wide card keeps its column
    assert number.width() == int(250 * 1.35)


def test_a_chinese_figure_keeps_its_unit_beside_its_number(guide: Guide) -> None:
    """At 200% on a 1024-pixel window, 1.77万亿元 read "1.77万亿" then "元" alone below:
    the number's column now fits a Chinese value on one line; English still breaks at a space."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from guide.ui.delegates import wrapped
    from guide.ui.figure_delegate import two_lines_width

    delegate, figures = figures_at_200_percent_in_chinese(guide)
    values = {delegate.parts(f)[0].text: f for f in figures}
    assert "1.77万亿元" in values, list(values)
    for text, figure in values.items():
        value, lines = delegate.parts(figure)
        card = QRect(0, 0, 690, 100)  # Home's card at 200%
        split = delegate.columns(card, value, lines[0])  # None: the number above the rest
        width = delegate.stacked(card).width() if split is None else split[0].width()
        assert wrapped(value.text, value.font, width, 8) == [text]
    guide.ctx.state.set_language("en")
    value, _lines = delegate.parts(values["1.77万亿元"])
    assert value.text == "1.77 trillion yuan"
    metrics = QFontMetrics(value.font)
    assert two_lines_width(value.text, metrics) == metrics.horizontalAdvance("1.77 trillion")


def test_a_quote_never_parts_a_number_from_its_unit(guide: Guide) -> None:
    """At 200% Home's quote under 1.77万亿元 broke as "…提高到4.78万亿" and "元”" alone on the
    next line; a screen reader still hears the quote as written."""
    import itertools

    from guide.ui.delegates import wrapped

    delegate, figures = figures_at_200_percent_in_chinese(guide)
    quotes = [delegate.parts(f)[1][1] for f in figures if f.quote]
    assert any("4.78万亿元" in tx.spoken(q.text) for q in quotes)
    parted = []
    for quote in quotes:
        for width in range(120, 700, 7):
            lines = [tx.spoken(line) for line in wrapped(quote.text, quote.font, width, 99)]
            parted += [(a, b) for a, b in itertools.pairwise(lines)
                       if re.search(r"\d$", a) and re.match(r"[\d.万亿千百余多项元家种个部委方所位年]", b)]
    assert parted == [], parted[:3]
    figure = next(f for f in figures if f.quote and "4.78万亿元" in f.quote)
    spoken = delegate.spoken_lines(figure)
    assert f"“{figure.quote.strip('“”')}”" in spoken
    assert not [line for line in spoken if tx.WORD_JOINER in line]


def test_a_forum_row_names_each_organiser_role_once(guide: Guide) -> None:
    """Three hosts read "Host: A · Host: B · Host: C"; now "Host: A, B and C"."""
    from guide.ui.delegates import ForumDelegate

    guide.window.go(Location("forums"))
    delegate = next(d for v in guide.window.page("forums").findChildren(QListView)
                    if isinstance(d := v.itemDelegate(), ForumDelegate))
    (row,) = queries.forum_rows(guide.ctx.content, ["ip-protection-forum"])
    line = delegate.parts(row)[1][2].text
    assert line.count("Host: ") == 1 and line.count("Guidance: ") == 1, line
    assert "Host: Beijing Intellectual Property Office, WIPO Office in China and Zhongguancun" in line


def test_announcements_page_lists_every_article_and_opens_it(guide: Guide) -> None:
    guide.window.go(Location("announcements"))
    view = guide.window.page("announcements").findChild(QListView, "announcementList")
    articles = _pack("announcement", "announcements.toml")
    ids = [view.model().index(r, 0).data(IdRole) for r in range(view.model().rowCount())]
    assert sorted(ids) == sorted(str(a["id"]) for a in articles)
    # Newest first, as Home's "Latest news" (the page listed them oldest first).
    dates = {str(a["id"]): str(a["date"]) for a in articles}
    assert [dates[i] for i in ids] == sorted(dates.values(), reverse=True)
    view.clicked.emit(view.model().index(0, 0))
    assert guide.window.current_location() == Location.item("announcement", ids[0])


def test_text_sizes_follow_each_text_scale_in_turn(guide: Guide) -> None:
    """Every size step, back and forth, gives the fonts of that step (the sizes are made once
    per scale and kept): 11 pt body text at 100%, titles a quarter larger."""
    for scale in (1.0, 1.5, 1.0, 2.0, 1.25, 1.5):
        guide.ctx.state.set_text_scale(scale)
        assert QApplication.font().pointSizeF() == pytest.approx(11.0 * scale)
        assert theme.font("title", scale).pointSizeF() == pytest.approx(11.0 * scale * 1.25)
        assert theme.TypeScale.for_scale(scale).heading == pytest.approx(11.0 * scale * 1.6)


def test_a_content_font_leaves_the_windows_own_font_as_it_was(guide: Guide) -> None:
    """theme.font() starts from the app's font and changes its size, weight and faces: the
    labels and buttons that use the app's font keep theirs."""
    before = QApplication.font()
    title = theme.font("display", 2.0, bold=True, lang="en")
    assert title.pointSizeF() == pytest.approx(11.0 * 2.0 * 2.3)
    assert QApplication.font() == before
    assert QApplication.font().pointSizeF() != title.pointSizeF()


def test_the_display_menu_sets_text_size_and_contrast_and_they_are_remembered(  # type: ignore[no-untyped-def]
        qtbot, guide: Guide, real_db: Path, user_db: Path) -> None:
    bar = guide.window.toolbar
    body = QApplication.font().pointSizeF()
    action = next(a for a in bar.size_actions.actions() if a.text() == "150%")
    action.trigger()
    assert guide.ctx.state.text_scale == 1.5
    assert QApplication.font().pointSizeF() == pytest.approx(theme.TypeScale.for_scale(1.5).body)
    assert QApplication.font().pointSizeF() > body
    bar.contrast_action.trigger()
    assert guide.ctx.state.palette_name == "high-contrast"
    bar.sync_display_menu()  # what opening the menu shows
    assert [a.text() for a in bar.size_actions.actions() if a.isChecked()] == ["150%"]
    assert bar.contrast_action.isChecked()
    guide.close()
    again = build_window(real_db, lang="en", user_db=user_db)
    qtbot.addWidget(again.window)
    try:
        assert (again.ctx.state.text_scale, again.ctx.state.palette_name) == (1.5, "high-contrast")
    finally:
        again.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back
        again.ctx.state.set_palette("standard")
        again.close()


def test_keyboard_text_size_steps_and_resets(qtbot, guide: Guide) -> None:  # type: ignore[no-untyped-def]
    window = guide.window
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert guide.ctx.state.text_scale == 1.25
    for _ in range(6):  # never past 200%
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert guide.ctx.state.text_scale == 2.0
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert guide.ctx.state.text_scale == 1.75
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert guide.ctx.state.text_scale == 1.0


def test_export_from_the_bookmarks_page_writes_the_chosen_format(
        guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "mine.json"
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "JSON (*.json)"))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    guide.ctx.bookmarks.toggle("forum", "green-finance-forum")
    guide.window.go(Location("bookmarks"))
    button: QPushButton = guide.window.page("bookmarks").export_button  # type: ignore[attr-defined]
    assert button.isVisible() and button.isEnabled()
    button.click()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [b["id"] for b in data["bookmarks"]] == ["green-finance-forum"]
    assert told == [f"Wrote {out}"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_failed_export_says_why_in_the_windows_language(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """A Chinese window said "cannot write …: … is a file, not a folder" in English."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    out = blocker / "mine.json"
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "JSON (*.json)"))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    with shown_guide(qtbot, real_db, lang=lang, user_db=tmp_path / "u.db") as g:
        g.ctx.bookmarks.toggle("forum", "green-finance-forum")
        g.window.go(Location("bookmarks"))
        g.window.page("bookmarks").export()  # type: ignore[attr-defined]
    [text] = warned
    assert str(out) in text and "cannot write" not in text
    if lang == "zh":
        assert "未写入" in text and "文件夹" in text
    else:
        assert text.startswith(f"Nothing was written to {out}.") and "needs a folder" in text
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def _export_a_forum_and_a_person(guide: Guide, monkeypatch: pytest.MonkeyPatch, out: Path) -> list[str]:
    """Bookmark a forum and a person, export to ``out`` with the dialog's first filter
    (Calendar) left on, and return what the window said."""
    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Calendar (*.ics)"))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    guide.ctx.bookmarks.toggle("forum", "green-finance-forum")
    guide.ctx.bookmarks.toggle("person", guide.ctx.content.execute(
        "SELECT id FROM item WHERE kind = 'person' LIMIT 1").fetchone()[0])
    guide.window.go(Location("bookmarks"))
    guide.window.page("bookmarks").export()  # type: ignore[attr-defined]
    return told


@pytest.mark.parametrize("typed", ["mine.json", "mine.JSON"])
def test_the_typed_name_decides_the_format_whatever_filter_the_dialog_showed(
        guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    """Typing mine.json with the dialog's first filter, Calendar (*.ics), left on wrote a
    calendar named mine.json, without the bookmarks a calendar cannot hold."""
    out = tmp_path / typed
    told = _export_a_forum_and_a_person(guide, monkeypatch, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["bookmarks"]) == 2
    assert told == [f"Wrote {out}"]


def test_a_calendar_export_says_which_bookmarks_it_could_not_hold(
        guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window said only "Wrote ..." while a person's bookmark stayed out of the calendar.
    A name without an extension is written as named (the dialog asked about that file only),
    in the chosen format."""
    out = tmp_path / "mine"
    (tmp_path / "mine.ics").write_text("someone's calendar", encoding="utf-8")
    told = _export_a_forum_and_a_person(guide, monkeypatch, out)
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert (tmp_path / "mine.ics").read_text(encoding="utf-8") == "someone's calendar"
    assert told[0].startswith(f"Wrote {out}\n\n1 bookmark(s) are not in the calendar")
    assert "Export JSON or CSV" in told[0]


def test_kiosks_offer_no_export_and_write_no_file(
        guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    guide.ctx.kiosk = True
    guide.ctx.bookmarks.toggle("forum", "green-finance-forum")
    guide.window.go(Location("bookmarks"))
    page = guide.window.page("bookmarks")
    assert not page.export_button.isVisible()
    page.export()  # even if something calls it (a shortcut, a future button)
    assert asked == []


@pytest.mark.parametrize("palette", ["standard", "high-contrast"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_a_drop_down_chooser_shows_its_arrow(qtbot, palette: str, scale: float) -> None:  # type: ignore[no-untyped-def]
    # The style sheet styled the drop-down without naming an arrow, so Qt drew none: the day
    # and kind choosers read as plain labels.
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QComboBox

    from guide.app import ensure_app
    from guide.ui import theme

    app = ensure_app()
    colours = theme.PALETTES[palette]
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["全部类型", "All kinds"])
    try:
        theme.apply(app, colours, scale)
        combo.resize(int(220 * scale), combo.sizeHint().height())
        combo.show()
        image = combo.grab().toImage()
        drop = int(26 * scale)
        ink = QColor(colours.text)
        arrow = [(x, y) for x in range(image.width() - drop, image.width() - 4)
                 for y in range(4, image.height() - 4)
                 if abs(QColor(image.pixel(x, y)).lightness() - ink.lightness()) < 60]
        assert len(arrow) >= 6 * scale, (palette, scale, len(arrow))
    finally:
        theme.apply(app)


def test_the_search_box_clear_button_follows_the_theme_and_clears(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    # Qt's own clear icon is dark grey: on high contrast's black it was all but invisible.
    from PySide6.QtGui import QAction, QColor

    from guide.app import build_window

    g = build_window(real_db, lang="en", remember=False)
    qtbot.addWidget(g.window)
    box = g.window.search_box
    clear = box.findChild(QAction, "clearSearch")

    def ink() -> int:
        image = clear.icon().pixmap(32, 32).toImage()
        seen = [QColor.fromRgba(image.pixel(x, y)) for x in range(32) for y in range(32)]
        return max(c.lightness() for c in seen if c.alpha() > 200)  # its strokes

    try:
        assert not clear.isVisible()  # nothing to clear
        from PySide6.QtWidgets import QToolButton
        button = next(b for b in box.findChildren(QToolButton) if b.defaultAction() is clear)
        assert button.accessibleName() == "Clear search" and not button.text()
        qtbot.keyClicks(box, "lvse")
        assert clear.isVisible() and g.window.current_location().page == "search"
        assert ink() < 128  # dark on the white field
        g.ctx.state.set_palette("high-contrast")
        assert ink() > 200  # light on black
        # A finger's target in the middle of the field's end (Qt's sat low, 16 px at any
        # text size), the text stopping short of it; it grows with the text.
        g.window.resize(1024, 640)
        g.window.show()
        qtbot.waitUntil(lambda: button.isVisible() and button.width() > 0)
        for scale in (1.0, 2.0):
            g.ctx.state.set_text_scale(scale)
            QApplication.processEvents()
            field, target = box.rect(), button.geometry()
            assert abs(target.center().y() - field.center().y()) <= 2, (scale, target, field)
            assert field.right() - target.right() <= 8 and target.height() >= field.height() - 10
            assert box.textMargins().right() >= target.width() - 6
            assert button.iconSize().width() >= 15 * scale, scale
        clear.trigger()
        assert box.text() == "" and not clear.isVisible() and not button.isVisible()
        assert box.textMargins().right() == 0  # the hint has the whole field again
    finally:
        g.ctx.state.set_text_scale(1.0)
        g.ctx.state.set_palette("standard")
        g.images.shutdown()
        g.close()


@pytest.mark.parametrize(("lang", "size", "scale"), [
    ("en", (1024, 640), 1.0), ("zh", (1024, 640), 1.0), ("en", (1280, 800), 1.0), ("zh", (1920, 1080), 1.0),
    ("en", (1024, 640), 1.5), ("zh", (1120, 800), 1.5), ("en", (1024, 640), 2.0)])
def test_exhibition_cards_fill_the_rows(qtbot, real_db: Path, lang: str,  # type: ignore[no-untyped-def]
                                        size: tuple[int, int], scale: float) -> None:
    """Cards share a row's width: English at 1024 pixels showed one column with a card's
    width empty beside it (its navigation is wider than Chinese's); at larger text, two
    narrower cards, or one as wide as the row."""
    with shown_guide(qtbot, real_db, lang=lang, size=size, remember=False) as g:
        g.ctx.state.set_text_scale(scale)
        try:
            g.window.go(Location("exhibition"))
            QApplication.processEvents()
            view = g.window.page("exhibition").findChild(QListView, "areaGrid")
            view.doItemsLayout()
            rects = [view.visualRect(view.model().index(r, 0)) for r in range(view.model().rowCount())]
            first_row = [r for r in rects if r.top() == rects[0].top()]
            assert len(first_row) >= (1 if scale == 2.0 else 2), (lang, size, rects[:3])
            left_empty = view.viewport().width() - max(r.right() for r in first_row)
            assert left_empty < rects[0].width() / 3, (lang, size, left_empty, rects[0].width())
            # A lone column is wider, not taller: its picture keeps about its height.
            from guide.ui.image_delegates import AreaDelegate

            picture = view.itemDelegate().image_size()
            assert picture.height() <= AreaDelegate.IMAGE[1] * scale * 7 / 6 + 1, picture
        finally:
            g.ctx.state.set_text_scale(1.0)


@pytest.mark.parametrize(("page", "grid"), [("photos", "photoGrid"), ("exhibition", "areaGrid")])
def test_at_200_percent_on_1024x640_a_cards_picture_leaves_its_words_in_sight(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, page: str, grid: str) -> None:
    """A lone column's picture filled the view: the words under it were out of sight. A
    photo card shows whole (caption and credit); an area card, with its longer text, at
    least its picture and the first line of its title."""
    with shown_guide(qtbot, real_db, lang="en", size=(1024, 640), remember=False) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            g.window.go(Location(page))
            QApplication.processEvents()
            view = g.window.page(page).findChild(QListView, grid)
            view.doItemsLayout()
            first = view.visualRect(view.model().index(0, 0))
            delegate = view.itemDelegate()
            if page == "photos":
                seen = first.bottom()
            else:
                box = delegate.image_box(first)
                seen = box.bottom() + QFontMetrics(delegate.font("title", True)).height() + 8
            assert seen <= view.viewport().height(), (first, seen, view.viewport().height())
        finally:
            g.ctx.state.set_text_scale(1.0)


@pytest.mark.parametrize(("lang", "missing", "italic"), [("zh", "时间未公布", False),
                                                          ("en", "Time not announced", True)])
def test_an_unannounced_time_is_slanted_in_english_only(guide: Guide, lang: str, missing: str,
                                                        italic: bool) -> None:
    """Chinese type has no italic: Qt slanted 时间未公布 and 地点未公布 into a fake one."""
    from PySide6.QtWidgets import QTextBrowser

    from guide.ui.delegates import ForumDelegate

    guide.ctx.state.set_language(lang)
    guide.window.go(Location("forums"))
    delegate = next(d for v in guide.window.page("forums").findChildren(QListView)
                    if isinstance(d := v.itemDelegate(), ForumDelegate))
    (row,) = queries.forum_rows(guide.ctx.content, ["green-finance-forum"])
    time = delegate.parts(row)[0]
    assert time.text == missing and time.font.italic() == italic
    guide.window.open_item("forum", "green-finance-forum")
    document = guide.window.detail.findChild(QTextBrowser, "detailBody").document()
    found = document.find(missing)
    assert not found.isNull() and found.charFormat().fontItalic() == italic


@pytest.mark.parametrize(("lang", "start", "end"), [("zh", "2023年5月26日", "30日"), ("en", "26", "2023")])
def test_a_date_range_is_never_split_over_two_lines(qtbot, real_db: Path, lang: str,  # type: ignore[no-untyped-def]
                                                    start: str, end: str) -> None:
    """At 200% on 1024x640 the exhibition's dates read "2023年5月26日—" / "30日"."""
    from PySide6.QtGui import QTextLayout

    with shown_guide(qtbot, real_db, lang=lang, size=(1024, 640), remember=False) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            g.window.go(Location("exhibition"))
            QApplication.processEvents()
            label = g.window.page("exhibition").subtitle
            layout = QTextLayout(label.text(), label.font())
            layout.beginLayout()
            lines = []
            while (line := layout.createLine()).isValid():
                line.setLineWidth(label.contentsRect().width())
                lines.append(label.text()[line.textStart():line.textStart() + line.textLength()])
            layout.endLayout()
            shown = [t.replace("\u2060", "").replace("\u00a0", " ") for t in lines]
            assert any(start in t and end in t for t in shown), shown
        finally:
            g.ctx.state.set_text_scale(1.0)


def test_each_part_of_the_exhibition_is_called_what_it_is(guide: Guide) -> None:
    # Every area had been headed "Exhibition area" (展区): Artificial Intelligence, a
    # technology field on show, and the whole exhibition too.
    window = guide.window
    expected = {"zgc-forum-expo": ("Exhibition", "展览"), "metaverse-area": ("Exhibition area", "展区"),
                "artificial-intelligence": ("Technology field", "技术领域")}
    for lang in ("en", "zh"):
        guide.ctx.state.set_language(lang)
        for area_id, labels in expected.items():
            window.go(Location.item("area", area_id))
            assert window.detail.kind_label.text() == labels[lang == "zh"], (lang, area_id)
    guide.ctx.state.set_language("en")
    window.go(Location.item("area", "zgc-forum-expo"))
    body = window.detail.body.toPlainText()
    assert "Technology field  Artificial Intelligence" in body.replace("\xa0", " ")
    assert "Exhibition area  Metaverse Area" in body.replace("\xa0", " ")
    assert "Exhibition area  Artificial Intelligence" not in body.replace("\xa0", " ")
    # The article that reports the exhibition lists its parts the same way.
    window.go(Location.item("announcement", "expo-photo-story"))
    body = window.detail.body.toPlainText().replace("\xa0", " ")
    assert "Exhibition area  Metaverse Area" in body and "Technology field  Quantum Information" in body
    assert "Exhibition  Metaverse Area" not in body


def test_a_bookmarked_part_of_the_exhibition_is_called_what_it_is(guide: Guide) -> None:
    # Bookmarked, every part had been called Exhibition (展览), Metaverse Area included.
    expected = {"zgc-forum-expo": ("Exhibition", "展览"), "metaverse-area": ("Exhibition area", "展区"),
                "artificial-intelligence": ("Technology field", "技术领域")}
    for area_id in expected:
        guide.ctx.bookmarks.toggle("area", area_id)
    guide.window.go(Location("bookmarks"))
    page = guide.window.page("bookmarks")
    for lang in ("en", "zh"):
        guide.ctx.state.set_language(lang)
        rows = page.model.rows()
        heading = expected["zgc-forum-expo"][lang == "zh"]  # the group is still the Exhibition
        assert [r.title for r in rows if not hasattr(r, "view")] == [f"{heading} · 3"]
        shown = {r.view.id: entry_kind(r.view, lang) for r in rows if hasattr(r, "view")}
        assert shown == {i: labels[lang == "zh"] for i, labels in expected.items()}, lang


def _line_gap(browser: QTextBrowser, starting: str) -> float:
    """How far apart the first two lines of the paragraph starting ``starting`` are, in
    heights of the body's text (the paragraph must wrap)."""
    block = browser.document().begin()
    while block.isValid() and not block.text().startswith(starting):
        block = block.next()
    assert block.isValid() and block.layout().lineCount() >= 2, starting
    gap = block.layout().lineAt(1).y() - block.layout().lineAt(0).y()
    return gap / QFontMetrics(browser.document().defaultFont()).height()


def test_a_wrapped_english_row_reads_as_one_row_at_200_percent(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    # At 200% the Baidu page's forum row, wrapped, had lines 1.5 text heights apart, wider
    # than the gap between rows: it read as separate rows. Chinese keeps its looser spacing.
    gaps = {}
    for lang, start in (("en", "30 May 2023"), ("zh", "2023年5月30日")):
        with shown_guide(qtbot, real_db, lang=lang, size=(1024, 640)) as g:
            try:
                g.ctx.state.set_text_scale(2.0)
                g.window.go(Location.item("organization", "baidu"))
                gaps[lang] = _line_gap(g.window.detail.body, start)
            finally:
                g.ctx.state.set_text_scale(1.0)
    assert gaps["en"] <= 1.3 < gaps["zh"], gaps


def _card_heights(guide: Guide) -> set[int]:
    guide.window.resize(1280, 800)
    guide.window.go(Location("exhibition"))
    view = guide.window.page("exhibition").view
    QApplication.processEvents()
    assert view.model().rowCount() == 5
    return {view.visualRect(view.model().index(r, 0)).height() for r in range(view.model().rowCount())}


def test_the_exhibition_cards_share_one_height(guide: Guide, qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    # The exhibition's long English name wraps to three lines: its card stood 40 px taller
    # than the others in its row, and the rows looked ragged.
    heights = _card_heights(guide)
    assert len(heights) == 1, heights
    # A text size that leaves the pictures as they are still makes room for the larger
    # text, as a window started at that size does (the tallest card's height had been kept
    # from the smaller size, and its name and dates were cut off).
    try:
        guide.ctx.state.set_text_scale(1.75)
        smaller = _card_heights(guide)
        guide.ctx.state.set_text_scale(2.0)
        changed = _card_heights(guide)
        with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="en") as fresh:
            fresh.ctx.state.set_text_scale(2.0)
            assert changed == _card_heights(fresh) != smaller
    finally:
        guide.ctx.state.set_text_scale(1.0)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_at_200_percent_a_tall_window_keeps_the_sections_names_under_their_icons(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, lang: str) -> None:
    """On a portrait kiosk at 200% the sections were bare icons: a touch screen shows no
    tooltip, so nothing named them. A short window keeps the icons alone (a desktop's mouse
    finds their names in tooltips)."""
    with shown_guide(qtbot, real_db, lang=lang, user_db=tmp_path / "u.db", size=(1080, 1920)) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            nav, model = g.window.navigation, g.window.nav_model
            qtbot.wait(20)
            inside = nav.viewport().rect()
            for row in range(model.rowCount()):
                item, index = model.item(row), model.index(row, 0)
                name = str(item.data(Qt.ItemDataRole.UserRole + 1))
                assert item.text() == name  # shown, not only in a tooltip
                rect = nav.visualRect(index)
                assert inside.contains(rect), (name, rect, inside)
                font = nav.font()
                font.setBold(True)  # as the current row draws it
                assert QFontMetrics(font).horizontalAdvance(name) <= rect.width() - 28, name
            # The layout checker sees them as drawn (it had measured words beside the icons).
            from guide.ui.layout_check import check_window

            assert [p for p in check_window(g.window) if "navigation" in p.where] == []
            g.window.resize(1024, 640)
            qtbot.wait(20)
            if lang == "en":  # English words beside the icons are too wide: icons alone
                assert all(model.item(r).text() == "" for r in range(model.rowCount()))
        finally:
            g.ctx.state.set_text_scale(1.0)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_key_figure_row_is_named_as_it_reads_number_first(qtbot, real_db: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Home's and Figures' rows show the number first and large, but were named by what it
    measures alone ("Technology contracts nationwide (2018)"), the number only in the
    description; Search and Bookmarks name the same figure "412,000 contracts · ...", and
    "click 412,000 contracts" (voice control) matched nothing."""
    from PySide6.QtGui import QAccessible

    from guide.ui import text as tx

    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang=lang) as g:
        for page, name in (("home", "keyFigures"), ("figures", "figureList")):
            g.window.go(Location(page))
            view = g.window.page(page).findChild(QListView, name)
            node = QAccessible.queryAccessibleInterface(view)
            rows = view.model().rowCount()
            assert rows and node.childCount() == rows
            for row in range(rows):
                figure = view.model().index(row, 0).data(ItemRole)
                shown_first = view.itemDelegate().parts(figure)[0].text  # the number, drawn large
                said = node.child(row).text(QAccessible.Text.Name)
                assert said == tx.figure_heading(figure, lang) and said.startswith(shown_first), said
                quote = tx.pick(figure.quote, figure.quote_en, lang)
                assert quote[:20] in node.child(row).text(QAccessible.Text.Description)


def test_what_each_figure_measures_starts_at_one_edge_and_its_quote_reads_on(guide: Guide) -> None:
    """The number column was as wide as each row's own number: "more than 3,600 universities
    and research institutes" pushed its row's text 130 px right of the others, and 1.77万亿元
    12 px. At 200% the quote beside the number held ten characters of its source."""
    from PySide6.QtCore import QRect

    from guide.ui import layout_probe as probe

    guide.window.go(Location("figures"))
    view = guide.window.page("figures").findChild(QListView, "figureList")
    delegate = view.itemDelegate()
    guide.ctx.state.set_language("en")
    guide.window.resize(1280, 800)
    card = delegate.card_rect(QRect(0, 0, view.viewport().width(), 100))
    lefts = set()
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        value, lines = delegate.parts(index.data(ItemRole))
        split = delegate.columns(card, value, lines[0], delegate.number_width(index, value))
        assert split is not None, value.text  # side by side on a wide window
        lefts.add(split[1].left())
    assert len(lefts) == 1 and view.model().rowCount() > 10
    guide.ctx.state.set_language("zh")
    guide.ctx.state.set_text_scale(2.0)
    try:
        guide.window.resize(1024, 640)
        with probe.recording() as marks:
            view.viewport().grab()
        quotes = [m for m in marks if m.text.startswith("“")]
        # A quote of up to 32 characters (the first figure's has 30) is whole at 200%.
        short = [m for m in quotes if len(m.text) <= 32]
        assert short and not [m for m in short if m.cut]
    finally:
        guide.ctx.state.set_text_scale(1.0)
