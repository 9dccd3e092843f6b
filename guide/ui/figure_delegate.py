"""The key-figure rows: the number large, beside (or above, on a narrow card) what it
measures, its year and the quote it comes from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from guide.content.models import Figure
from guide.ui import text as tx
from guide.ui.delegates import PAD, BaseDelegate, Index, Line, title
from guide.ui.models.lazy import ItemRole


class FigureDelegate(BaseDelegate):
    """Key-figure rows: the number large, then what it measures, its year and the quote."""

    BOOKMARKABLE = False  # figures are read in place; bookmarks are for things to visit or read

    def parts(self, figure: Figure) -> tuple[Line, list[Line]]:
        p, lang = self.palette, self.ctx.state.lang
        return (Line(tx.figure_value(figure, lang), self.font("heading", True), p.primary, wrap=True,
                     essential=True),
                [title(tx.figure_label(figure, lang), self.font("title", True), p.text),
                 Line(f"“{tx.pick(figure.quote, figure.quote_en, lang)}”", self.font("small"),
                      p.muted)])

    def spoken_lines(self, item: Any) -> list[str]:
        value, lines = self.parts(item)
        return [lines[0].text, value.text, *(line.text for line in lines[1:])]

    def columns(self, card: QRect) -> tuple[QRect, QRect] | None:
        """(number, what it measures) side by side, or None to stack them on a narrow card."""
        inner = card.adjusted(PAD, PAD // 2 + 2, -PAD, -PAD // 2)
        # A third of the card at most: on a portrait kiosk 250 px at 135% took half the row,
        # and the quotes beside were cut short under an empty column. A wider number wraps.
        left_w = min(int(250 * self.ctx.state.text_scale), inner.width() // 3)
        right = inner.adjusted(left_w + PAD, 0, -30, 0)
        if right.width() < QFontMetrics(self.font("title", True)).horizontalAdvance("国") * 9:
            return None
        return QRect(inner.left(), inner.top(), left_w, inner.height()), right

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        figure: Figure | None = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect)
        if figure is not None:
            value, lines = self.parts(figure)
            split = self.columns(rect)
            if split is not None:
                self.paint_lines(painter, split[0], [value])
                self.paint_lines(painter, split[1], lines)
            else:
                self.paint_lines(painter, rect.adjusted(PAD, PAD // 2 + 2, -PAD - 30, -PAD // 2),
                                 [value, *lines])
            self.paint_star(painter, index, rect)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        figure: Figure | None = self.measured_item(index)
        if figure is None:
            lines = [Line("国", self.font("heading", True), "", wrap=True)]
            return QSize(600, self.lines_height(lines) + PAD + 8)
        value, lines = self.parts(figure)
        card = self.card_rect(QRect(0, 0, self.row_width(option), 100))
        split = self.columns(card)
        if split is not None:
            height = max(self.lines_height([value], split[0].width()),
                         self.lines_height(lines, split[1].width()))
        else:
            height = self.lines_height([value, *lines], card.width() - 2 * PAD - 30)
        return QSize(600, height + PAD + 8)
