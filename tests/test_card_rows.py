"""Card rows at large text: the date at the bottom right takes room only from the line beside it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QStandardItemModel
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from guide.content.models import ItemCard
from guide.ui import text as tx
from guide.ui.delegates import PAD, CardDelegate
from guide.ui.models.lazy import ItemRole
from tests.support import shown_guide


def test_a_title_that_fits_beside_the_star_stays_on_one_line_above_its_date(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path) -> None:
    # Home's three announcements have Chinese titles that fit the row (English ones wrap at 200%).
    with shown_guide(qtbot, real_db, lang="zh", size=(1024, 1400)) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            view = g.window.findChild(QListView, "latestNews")
            assert view is not None
            delegate = view.itemDelegate()
            assert isinstance(delegate, CardDelegate)
            qtbot.waitUntil(lambda: view.model().rowCount() > 0)
            qtbot.wait(50)
            title_metrics = QFontMetrics(delegate.font("title", True))
            small = QFontMetrics(delegate.font("small")).lineSpacing()
            beside_star = view.viewport().width() - 12 - 2 * PAD - 30
            checked = 0
            for row in range(view.model().rowCount()):
                index = view.model().index(row, 0)
                card = index.data(ItemRole)
                if card.date and title_metrics.horizontalAdvance(card.title) < beside_star - 4:
                    checked += 1
                    # One title line and the other language's line beside the date, not
                    # two title lines (the date's width once narrowed the title too, and
                    # 首个元宇宙产业专利池启动 left 动 alone on a second line).
                    one_line = title_metrics.lineSpacing() + 4 + small + 4 + PAD + 12
                    assert view.visualRect(index).height() <= one_line + 12, card.title
            assert checked == view.model().rowCount() == 3
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back


def _lowest_ink(image: QImage, left: int, right: int, blank: QColor) -> int:
    """The lowest row with text in columns ``left``..``right`` (``blank`` is no text)."""
    for y in range(image.height() - 1, -1, -1):
        for x in range(left, right + 1):
            c = image.pixelColor(x, y)
            if max(abs(c.red() - blank.red()), abs(c.green() - blank.green()),
                   abs(c.blue() - blank.blue())) > 80:
                return y
    raise AssertionError("no ink")


def test_a_cards_date_stands_on_the_baseline_of_the_line_beside_it(  # type: ignore[no-untyped-def]
        qtbot, mini_db: Path) -> None:
    # Letters and figures without descenders: the lowest ink of each is its baseline. The date
    # once sat at the bottom of the card, about 6 px below the line it is read with.
    card = ItemCard("announcement", "a", "HEHE", "EHEH", None, "2023-05-30")
    model = QStandardItemModel(1, 1)
    model.setData(model.index(0, 0), card, ItemRole)
    index = model.index(0, 0)
    with shown_guide(qtbot, mini_db, lang="zh", size=(1024, 640)) as g:
        delegate = CardDelegate(g.ctx)
        try:
            for lang, figures in (("zh", "2023"), ("en", "30")):
                g.ctx.state.set_language(lang)
                for scale in (1.0, 1.5, 2.0):
                    g.ctx.state.set_text_scale(scale)
                    option = QStyleOptionViewItem()
                    option.rect = QRect(0, 0, 800, 100)
                    option.rect.setHeight(delegate.sizeHint(option, index).height())
                    image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
                    blank = QColor(delegate.palette.surface)
                    image.fill(blank)
                    painter = QPainter(image)
                    delegate.paint(painter, option, index)
                    painter.end()
                    inner = delegate.card_rect(option.rect).adjusted(PAD, 0, -PAD - delegate.star_room(), 0)
                    small = QFontMetrics(delegate.font("small"))
                    tag_left = inner.right() + 1 - small.horizontalAdvance(tx.format_date(card.date, lang))
                    line = _lowest_ink(image, inner.left(), inner.left() + 20, blank)
                    date = _lowest_ink(image, tag_left + 1, tag_left + small.horizontalAdvance(figures) - 1,
                                       blank)
                    assert abs(date - line) <= 1, (lang, scale, date - line)
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back
