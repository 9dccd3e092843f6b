"""Chinese headings keep their strokes apart: the bundled face has no bold, and Qt's
synthetic bold closed the gaps of dense characters into blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from guide.ui.history import Location
from tests.support import shown_guide


def _ink(label, char: str) -> float:  # type: ignore[no-untyped-def]
    """The share of dark pixels in the box of ``char``, the last character of ``label``."""
    text = label.text()
    assert text.endswith(char), text
    metrics = QFontMetrics(label.font())
    image = label.grab().toImage()
    ratio = image.devicePixelRatio()
    box = metrics.tightBoundingRect(char)
    left = label.contentsRect().left() + metrics.horizontalAdvance(text[:-1]) + box.left()
    top = label.contentsRect().top() + (label.contentsRect().height() - metrics.height()) // 2 \
        + metrics.ascent() + box.top()
    dark = total = 0
    for y in range(top, top + box.height()):
        for x in range(left, left + box.width()):
            total += 1
            dark += QColor(image.pixel(int(x * ratio), int(y * ratio))).lightness() < 128
    return dark / total


@pytest.mark.parametrize(("scale", "size"), [(1.0, (1280, 800)), (2.0, (1024, 640))])
def test_the_last_character_of_a_chinese_detail_title_is_not_a_block(
        qtbot: QtBot, real_db: Path, scale: float, size: tuple[int, int]) -> None:
    """"全国技术合同数量" (a key figure's page): its 量 was a solid block at 100% and at 200%
    text (three quarters of its box ink; a regular 量 is about half)."""
    with shown_guide(qtbot, real_db, now="2023-05-27T10:00", lang="zh", size=size) as g:
        g.ctx.state.set_text_scale(scale)
        try:
            g.window.go(Location.item("figure", "tech-contracts-2022"))
            qtbot.wait(50)
            title = g.window.detail.title
            assert _ink(title, "量") < 0.62
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is shared by later tests


def test_switching_to_chinese_sets_the_titles_chinese_can_read(qtbot: QtBot, real_db: Path) -> None:
    """The weight follows the language: English titles keep their bold, and a switch to
    Chinese on the page restyles its title rather than keeping the English bold."""
    with shown_guide(qtbot, real_db, now="2023-05-27T10:00", lang="en", size=(1280, 800)) as g:
        g.window.go(Location.item("figure", "tech-contracts-2022"))
        title = g.window.detail.title
        assert title.font().weight() == QFont.Weight.Bold
        g.ctx.state.set_language("zh")
        qtbot.wait(50)
        assert _ink(title, "量") < 0.62


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figures_value_is_followed_by_its_year_not_by_an_empty_band(
        qtbot: QtBot, real_db: Path, lang: str) -> None:
    """At 200% text the value (77.3万项, 773,000 contracts) took the reading line height of
    1.75: a band of 90 px under it, as if something had failed to show, before "Year"."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QTextBrowser

    with shown_guide(qtbot, real_db, now="2023-05-27T10:00", lang=lang, size=(1024, 640)) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            g.window.go(Location.item("figure", "tech-contracts-2022"))
            qtbot.wait(50)
            document = g.window.detail.findChild(QTextBrowser, "detailBody").document()
            layout = document.documentLayout()
            value = document.find("77.3万项" if lang == "zh" else "773,000 contracts", 0,
                                  QTextDocument.FindFlag.FindCaseSensitively).block()
            year = document.find("2022", value.position() + value.length(),
                                 QTextDocument.FindFlag.FindCaseSensitively).block()
            line = value.layout().lineAt(value.layout().lineCount() - 1)
            below = layout.blockBoundingRect(year).top() - (
                layout.blockBoundingRect(value).top() + line.y() + line.height())
            assert below < 0.5 * line.height(), (below, line.height())
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is shared by later tests


def test_latin_titles_in_the_chinese_ui_keep_their_bold(
        qtbot: QtBot, programme_db: Path, real_db: Path) -> None:
    """Only Chinese loses the synthetic bold: an imported programme's English titles in the
    Chinese UI at 200% stay bold (its Latin glyphs stay open)."""
    from guide.content import queries

    for db, chinese in ((programme_db, False), (real_db, True)):
        with shown_guide(qtbot, db, lang="zh", size=(1024, 640)) as g:
            g.ctx.state.set_text_scale(2.0)
            try:
                g.window.go(Location("forums"))
                delegate = g.window.page("forums").view.itemDelegate()
                row = next(r for day in queries.forum_dates(g.ctx.content)
                           for r in queries.list_forums(g.ctx.content, day=day))
                _time, (heading, *_rest) = delegate.parts(row)
                assert heading.font.weight() == (
                    QFont.Weight.DemiBold if chinese else QFont.Weight.Bold), heading.text
            finally:
                g.ctx.state.set_text_scale(1.0)


def test_a_latin_detail_title_in_the_chinese_ui_keeps_its_bold(qtbot: QtBot, programme_db: Path) -> None:
    """A session's or a room's page of an imported programme: the title stays bold."""
    from guide.content import queries

    with shown_guide(qtbot, programme_db, lang="zh", size=(1024, 640)) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            row = queries.list_forums(g.ctx.content, day=queries.forum_dates(g.ctx.content)[0])[0]
            g.window.go(Location.item("forum", row.id))
            assert g.window.detail.title.font().weight() == QFont.Weight.Bold
            g.window.go(Location.item("room", row.room_id))  # "One": Latin too
            assert g.window.detail.title.font().weight() == QFont.Weight.Bold
        finally:
            g.ctx.state.set_text_scale(1.0)


@pytest.mark.parametrize("px", [24, 40, 60])
def test_the_kiosks_bold_chinese_is_not_a_block(qtbot: QtBot, real_db: Path, px: int) -> None:
    """The kiosk's lettering (in pixels, bold: the idle screen's titles and "触摸屏幕开始",
    the countdown's note) took Qt's synthetic bold, which closed 量, 幕 and 意 into blocks;
    its English keeps its bold."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter

    from guide.kiosk.widgets.base import latin_where_latin, pixel_font, wrap_text

    with shown_guide(qtbot, real_db, lang="zh", size=(1280, 800)):  # the bundled face
        font = pixel_font(px, bold=True)
        text = "全国技术合同数量"
        image = QImage(20 * px, 3 * px, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        wrap_text(painter, image.rect(), text, font, QColor("black"))
        painter.end()
        metrics = QFontMetrics(latin_where_latin(text, font))
        box = metrics.tightBoundingRect("量").translated(metrics.horizontalAdvance(text[:-1]),
                                                         metrics.ascent())
        box = box.intersected(QRect(0, 0, image.width(), image.height()))
        dark = sum(QColor(image.pixel(x, y)).lightness() < 128
                   for y in range(box.top(), box.bottom() + 1) for x in range(box.left(), box.right() + 1))
        assert dark / (box.width() * box.height()) < 0.62
        assert latin_where_latin("Touch the screen to start", font).weight() == QFont.Weight.Bold
