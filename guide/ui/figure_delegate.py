"""The key-figure rows: the number large, beside (or above, on a narrow card) what it
measures, its year and the quote it comes from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from guide.content.models import Figure
from guide.ui import text as tx
from guide.ui.delegates import PAD, BaseDelegate, Index, Line, title, wrapped
from guide.ui.models.lazy import ItemRole

LABEL_LINES = 4  # the most lines what a figure measures takes beside its number


def two_lines_width(text: str, fm: QFontMetrics) -> int:
    """The narrowest width that sets ``text`` on at most two lines, broken only at a space:
    "4.78 trillion" / "yuan". A Chinese value is one line: broken between its characters it
    read "1.77万亿" / "元", the unit cut from its number."""
    best = fm.horizontalAdvance(text)
    for i in range(1, len(text)):
        if text[i - 1] == " ":
            best = min(best, max(fm.horizontalAdvance(text[:i].rstrip()),
                                 fm.horizontalAdvance(text[i:].lstrip())))
    return best


class FigureDelegate(BaseDelegate):
    """Key-figure rows: the number large, then what it measures, its year and the quote; a
    star, as every item's row has (a figure's page has its Bookmark button)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._widest: tuple[object, int] = ((), 0)  # (what it was measured for, the width)
        self._watched: set[int] = set()  # the models whose resets forget it

    def parts(self, figure: Figure) -> tuple[Line, list[Line]]:
        p, lang = self.palette, self.ctx.state.lang
        # A title's line limit: the number is never cut ("4.78 trillion y…" at 200%). The
        # quote, the figure's source, gets two lines: at 200% one line beside the number
        # held ten characters of it.
        return (title(tx.figure_value(figure, lang), self.font("heading", True), p.primary),
                [title(tx.figure_label(figure, lang), self.font("title", True), p.text),
                 Line(tx.figure_quote(tx.pick(figure.quote, figure.quote_en, lang)), self.font("small"),
                      p.muted, wrap=True)])

    def number_width(self, index: Index, value: Line) -> int:
        """The width the widest number of ``index``'s list needs on two lines: every row's
        number column is as wide, so what the figures measure starts at one edge (the rows
        of 1.77万亿元 started 12 px further right than those of 77.3万项). Measured once
        per list, language and text size (the value's font follows both)."""
        model, state = index.model(), self.ctx.state
        key = (id(model), model.rowCount(), state.lang, state.text_scale)
        if self._widest[0] != key:
            if id(model) not in self._watched:  # other figures in as many rows: measured anew
                self._watched.add(id(model))
                model.modelReset.connect(self._forget_widest)
            fm = QFontMetrics(value.font)
            figures = (model.index(row, 0).data(ItemRole) for row in range(model.rowCount()))
            self._widest = (key, max((two_lines_width(tx.figure_value(f, state.lang), fm)
                                      for f in figures if isinstance(f, Figure)), default=0))
        return self._widest[1]

    def _forget_widest(self) -> None:
        self._widest = ((), 0)

    def spoken_lines(self, item: Any) -> list[str]:
        """Named as the row reads, number first (as Search and Bookmarks name a figure):
        "412,000 contracts · Technology contracts nationwide (2018)"; voice control matches
        the name against the words on screen. The quote is its description."""
        _value, lines = self.parts(item)
        return [tx.figure_heading(item, self.ctx.state.lang), *(tx.spoken(line.text) for line in lines[1:])]

    def columns(self, card: QRect, value: Line, label: Line | None = None,
                widest: int = 0) -> tuple[QRect, QRect] | None:
        """(number, what it measures) side by side, or None to stack them on a narrow card.
        The number's column is a third of the card (on a portrait kiosk 250 px at 135% took
        half the row, and the quotes beside were cut short under an empty column), or as
        wide as the number needs on two lines; the text beside keeps clear of the star.
        A ``label`` that would take more than :data:`LABEL_LINES` lines beside the number
        stacks too (a long official name at 200% ran past its eight lines, cut). ``widest``:
        the widest number of the list (:meth:`number_width`), which sets every row's column."""
        inner = card.adjusted(PAD, PAD // 2 + 2, -PAD, -PAD // 2)
        need = max(two_lines_width(value.text, QFontMetrics(value.font)), widest) + 2
        left_w = max(min(int(250 * self.ctx.state.text_scale), inner.width() // 3), need)
        right = inner.adjusted(left_w + PAD, 0, -self.star_room(), 0)
        if right.width() < QFontMetrics(self.font("title", True)).horizontalAdvance("国") * 9:
            return None
        if label is not None and len(wrapped(label.text, label.font, right.width(), 99)) > LABEL_LINES:
            return None
        return QRect(inner.left(), inner.top(), left_w, inner.height()), right

    def stacked(self, card: QRect) -> QRect:
        """The text's room on a narrow card: the number above the rest, clear of the star."""
        return card.adjusted(PAD, PAD // 2 + 2, -PAD - self.star_room(), -PAD // 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        figure: Figure | None = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect, index)
        if figure is not None:
            value, lines = self.parts(figure)
            split = self.columns(rect, value, lines[0], self.number_width(index, value))
            if split is not None:
                self.paint_lines(painter, split[0], [value])
                self.paint_lines(painter, split[1], lines)
            else:
                self.paint_lines(painter, self.stacked(rect), [value, *lines])
            self.paint_star(painter, index, rect)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        figure: Figure | None = self.measured_item(index)
        if figure is None:
            lines = [Line("国", self.font("heading", True), "", wrap=True)]
            return QSize(600, self.lines_height(lines) + PAD + 8)
        value, lines = self.parts(figure)
        card = self.card_rect(QRect(0, 0, self.row_width(option), 100))
        split = self.columns(card, value, lines[0], self.number_width(index, value))
        if split is not None:
            height = max(self.lines_height([value], split[0].width()),
                         self.lines_height(lines, split[1].width()))
        else:
            height = self.lines_height([value, *lines], self.stacked(card).width())
        return QSize(600, height + PAD + 8)
