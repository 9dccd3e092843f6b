"""Paints search results with the matched characters highlighted (title and snippet)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyleOptionViewItem

from guide.search import SearchHit
from guide.ui import layout_probe as probe
from guide.ui import text as tx
from guide.ui.delegates import PAD, BaseDelegate, Index
from guide.ui.models.lazy import ItemRole
from guide.ui.models.search import GroupHeader, Suggestion

KIND_GROUPS = {
    "forum": QT_TRANSLATE_NOOP("tx", "Forums"),
    "area": QT_TRANSLATE_NOOP("tx", "Exhibition areas"),
    "announcement": QT_TRANSLATE_NOOP("tx", "Announcements"),
    "photo": QT_TRANSLATE_NOOP("tx", "Photos"),
    "person": QT_TRANSLATE_NOOP("tx", "People"),
    "organization": QT_TRANSLATE_NOOP("tx", "Organisations"),
    "figure": QT_TRANSLATE_NOOP("tx", "Figures"),
    "room": QT_TRANSLATE_NOOP("tx", "Rooms"),
    "track": QT_TRANSLATE_NOOP("tx", "Tracks"),
}


def draw_marked(painter: QPainter, rect: QRect, text: str, marks: Sequence[tuple[int, int]],
                font: QFont, color: str, mark_bg: str, lines: int = 1, essential: bool = False) -> int:
    """Draw ``text`` in up to ``lines`` lines with ``marks`` highlighted; return height used."""
    fm = QFontMetrics(font)
    shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()) if lines == 1 else text
    layout = QTextLayout(shown, font)
    highlight = QTextCharFormat()
    highlight.setBackground(QColor(mark_bg))
    highlight.setFontWeight(QFont.Weight.Bold)
    ranges = []
    for start, end in marks:
        if start < len(shown):
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, min(end, len(shown)) - start, highlight
            ranges.append(r)
    layout.setFormats(ranges)
    layout.beginLayout()
    height = 0.0
    drawn = 0
    while drawn < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width())
        line.setPosition(QPointF(0, height))
        height += line.height()
        drawn += 1
    cut = shown != text or (drawn == lines and layout.createLine().isValid())
    layout.endLayout()
    painter.setPen(QColor(color))
    painter.save()
    painter.setClipRect(rect)
    layout.draw(painter, QPointF(rect.left(), rect.top()))
    painter.restore()
    probe.note(painter, QRect(rect.left(), rect.top(), min(rect.width(), fm.horizontalAdvance(shown)),
                              int(height)), text, cut=cut, essential=essential)
    return int(height)


TITLE_LINES = 3  # a hit's title wraps (never elided) up to this many lines


def marked_height(text: str, font: QFont, width: int, lines: int) -> int:
    """Height ``draw_marked`` uses for ``text`` at ``width`` in at most ``lines`` lines."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    height = 0.0
    for _ in range(lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1, width))
        height += line.height()
    layout.endLayout()
    return int(height)


class SearchDelegate(BaseDelegate):
    """Group headers, hits (title + snippet with marks), and suggestions."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: Any = index.data(ItemRole)
        rect = option.rect.adjusted(6, 3, -6, -3)
        p = self.palette
        painter.save()
        if isinstance(row, GroupHeader):
            painter.setFont(self.font("title", True))
            painter.setPen(QColor(p.primary))
            count = f"{row.count}+" if row.capped else str(row.count)
            painter.drawText(rect.adjusted(PAD, 0, -PAD, 0),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                             f"{tx.tr(str(KIND_GROUPS.get(row.kind, row.kind)))} · {count}")
        elif isinstance(row, SearchHit):
            self.paint_card(painter, option, rect)
            inner = rect.adjusted(PAD, PAD // 2 + 2, -PAD, -PAD // 2)
            # Title and snippet in the UI language; the title in the other language below.
            english = self.ctx.state.lang == "en" and bool(row.title_en)
            title, title_marks = ((row.title_en, row.title_en_marks) if english
                                  else (row.title, row.title_marks))
            snippet, snippet_marks = ((row.snippet_en, row.snippet_en_marks) if english
                                      else (row.snippet, row.snippet_marks))
            used = draw_marked(painter, inner, title, title_marks, self.font("title", True),
                               p.text, "#ffe08a", lines=TITLE_LINES, essential=True)
            used += 4 + draw_marked(painter, inner.adjusted(0, used + 4, 0, 0), snippet,
                                    snippet_marks, self.font("body"), p.muted, "#ffe08a", lines=2)
            other, other_marks = ((row.title, row.title_marks) if english
                                  else (row.title_en, row.title_en_marks))
            if other and other != title:
                draw_marked(painter, inner.adjusted(0, used + 4, 0, 0), other, other_marks,
                            self.font("small"), p.muted, "#ffe08a")
        elif isinstance(row, Suggestion):
            self.paint_card(painter, option, rect)
            self.paint_lines(painter, rect.adjusted(PAD, PAD // 2 + 2, -PAD, 0), [
                type(self).line(row.text, self.font("title", True), p.primary),
                type(self).line(row.label, self.font("small"), p.muted)])
        painter.restore()

    @staticmethod
    def line(text: str, font: QFont, color: str) -> Any:
        from guide.ui.delegates import Line

        return Line(text, font, color)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = index.data(ItemRole)
        title = QFontMetrics(self.font("title", True)).lineSpacing()
        if isinstance(row, GroupHeader):
            return QSize(400, title + PAD + 4)
        if isinstance(row, Suggestion):
            return QSize(400, title + QFontMetrics(self.font("small")).lineSpacing() + PAD + 14)
        title_height = title
        if isinstance(row, SearchHit):
            english = self.ctx.state.lang == "en" and bool(row.title_en)
            text = row.title_en if english else row.title
            width = self.row_width(option) - 12 - 2 * PAD
            title_height = max(title, marked_height(text, self.font("title", True), width,
                                                    TITLE_LINES))
        return QSize(400, title_height + 2 * QFontMetrics(self.font("body")).lineSpacing()
                     + QFontMetrics(self.font("small")).lineSpacing() + PAD + 20)
