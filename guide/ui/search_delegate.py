"""Paints search results with the matched characters highlighted (title and snippet)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from guide.search import SearchHit
from guide.ui import layout_probe as probe
from guide.ui.context import AppContext
from guide.ui.delegates import PAD, BaseDelegate, Index
from guide.ui.models.lazy import ItemRole, KindRole
from guide.ui.models.search import GroupHeader, Suggestion, group_heading, hit_snippet

MARK_TEXT = "#1b1b1b"


def _laid_out(text: str, marks: Sequence[tuple[int, int]], offset: int, font: QFont, width: int,
              mark_bg: str, top: float = 0.0) -> QTextLayout:
    """``text`` (which starts at ``offset`` of the marked string) wrapped at ``width`` from
    ``top`` down, the marks in it bold on ``mark_bg``."""
    highlight = QTextCharFormat()
    highlight.setBackground(QColor(mark_bg))
    # Dark on the light mark in every theme: high contrast's white text vanishes on it.
    highlight.setForeground(QColor(MARK_TEXT))
    highlight.setFontWeight(QFont.Weight.Bold)
    ranges = []
    for start, stop in marks:
        start, stop = max(0, start - offset), min(stop - offset, len(text))
        if start < stop:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, stop - start, highlight
            ranges.append(r)
    layout = QTextLayout(text, font)
    layout.setFormats(ranges)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # as drawText and ``wrapped`` break
    layout.setTextOption(option)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(1, width))
        line.setPosition(QPointF(0, top))
        top += line.height()
    layout.endLayout()
    return layout


def marked_layouts(text: str, marks: Sequence[tuple[int, int]], font: QFont, width: int,
                   lines: int, mark_bg: str = "#ffe08a") -> tuple[list[QTextLayout], int, bool]:
    """``text`` laid out in at most ``lines`` lines, ``marks`` highlighted: the layouts (the
    lines that fit whole, then the last line elided when the text does not fit), the height
    they take, and whether the text was cut."""
    whole = _laid_out(text, marks, 0, font, width, mark_bg)
    cut = whole.lineCount() > lines
    if not cut:
        return [whole], int(whole.boundingRect().height()), False
    end = whole.lineAt(lines - 1).textStart()
    layouts = [_laid_out(text[:end], marks, 0, font, width, mark_bg)] if end else []
    top = layouts[0].boundingRect().height() if layouts else 0.0
    # The rest on one line ending in "…" (measured bold: marks in it are): never the top of
    # a line that does not fit.
    bold = QFont(font)
    bold.setBold(True)
    rest = QFontMetrics(bold).elidedText(text[end:], Qt.TextElideMode.ElideRight, max(1, width))
    # Marks stop before the "…", which stands where the cut-off text began: a match there
    # highlighted the ellipsis.
    kept = end + len(rest) - (rest != text[end:])
    layouts.append(_laid_out(rest, [(a, min(b, kept)) for a, b in marks], end, font, width, mark_bg, top))
    return layouts, int(layouts[-1].boundingRect().bottom()), True


def draw_marked(painter: QPainter, rect: QRect, text: str, marks: Sequence[tuple[int, int]],
                font: QFont, color: str, mark_bg: str, lines: int = 1, essential: bool = False) -> int:
    """Draw ``text`` in up to ``lines`` lines with ``marks`` highlighted; return height used."""
    layouts, height, cut = marked_layouts(text, marks, font, rect.width(), lines, mark_bg)
    painter.setPen(QColor(color))
    painter.save()
    painter.setClipRect(rect)
    for layout in layouts:
        layout.draw(painter, QPointF(rect.left(), rect.top()))
    painter.restore()
    used = max((layout.lineAt(n).naturalTextWidth() for layout in layouts
                for n in range(layout.lineCount())), default=0.0)
    probe.note(painter, QRect(rect.left(), rect.top(), min(rect.width(), int(used)), height),
               text, cut=cut, essential=essential)
    if probe.active():  # each highlight has its own background: the checker judges it apart
        for layout in layouts:
            for span in highlight_rects(layout):
                probe.note(painter, span.translated(rect.topLeft()), "highlight")
    return height


def _x_of(line: QTextLine, position: int) -> float:
    x, _position = cast(tuple[float, int], line.cursorToX(position))  # (x, position) in PySide6
    return x


def highlight_rects(layout: QTextLayout) -> list[QRect]:
    """Where ``layout``'s highlighted ranges lie, one rectangle per line they touch."""
    found = []
    for r in layout.formats():
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            start = max(r.start, line.textStart())
            end = min(r.start + r.length, line.textStart() + line.textLength())
            if start < end:
                left, right = _x_of(line, start), _x_of(line, end)
                found.append(QRect(int(left), int(line.y()), max(1, int(right - left)),
                                   int(line.height())))
    return found


TITLE_LINES = 8  # a hit's title wraps as a card's title does (delegates.title), elided past it


def marked_height(text: str, marks: Sequence[tuple[int, int]], font: QFont, width: int,
                  lines: int) -> int:
    """Height ``draw_marked`` uses for ``text`` at ``width`` in at most ``lines`` lines."""
    return marked_layouts(text, marks, font, width, lines)[1]


@dataclass(frozen=True)
class Block:
    """One text block of a hit's card, painted by :func:`draw_marked`."""

    text: str
    marks: Sequence[tuple[int, int]]
    font: QFont
    color: str
    lines: int
    essential: bool = False


GAP = 4  # px between a card's blocks
CARD_TOP = PAD // 2 + 2  # the card's edge to its first line (and its last line to its edge)


def _chosen_ringed(option: QStyleOptionViewItem) -> QStyleOptionViewItem:
    """The hit Enter opens, ringed as a focused card is while the keys are in the box: the
    list never takes the focus, so it showed only a light fill, 1.2:1 on the cards around it.
    Not once the keys have left (a second ring beside the one they went to), nor while a
    kiosk's on-screen keys type (they have no Enter): the page sets ``keysInBox``."""
    view = option.widget
    keys_here = view is not None and bool(view.property("keysInBox"))
    if not option.state & QStyle.StateFlag.State_Selected or not keys_here:
        return option
    ringed = QStyleOptionViewItem(option)
    ringed.state |= QStyle.StateFlag.State_HasFocus
    return ringed


class SearchDelegate(BaseDelegate):
    """Group headers, hits (title + snippet with marks), and suggestions."""

    MARGINS = (6, 3, -6, -3)  # the card inside the row (the star's press target is in it)
    HEIGHTS_KEPT = 512  # hits' measured heights kept: a few pages of results at every width

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        # A hit's height by (hit, width, language, text size): every keystroke lays the list
        # out again when its counts come and when a row is selected, and measuring a hit
        # lays out its texts (146 measures a keystroke at 5k items: 58% of its time).
        self._heights: dict[tuple[SearchHit, int, str, float], int] = {}
        # Pixels of rows measured in a layout pass (None: all) and still to measure in this
        # one: see measure_first. A pass starts at row 0 (the scroll bar coming with the new
        # rows narrows the list, and the nested layout at the new width measures anew).
        self._first: int | None = None
        self._budget: int | None = None

    def bookmarkable(self, index: Index) -> bool:
        """Hits have stars (figures too, as in the Figures list); headers and suggestions not."""
        return super().bookmarkable(index) and index.data(KindRole) is not None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: Any = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        p = self.palette
        painter.save()
        if isinstance(row, GroupHeader):
            painter.setFont(self.font("title", True))
            painter.setPen(QColor(p.primary))
            painter.drawText(rect.adjusted(PAD, 0, -PAD, 0),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                             group_heading(row))
        elif isinstance(row, SearchHit):
            self.paint_card(painter, _chosen_ringed(option), rect)
            inner = rect.adjusted(PAD, CARD_TOP, -PAD, -CARD_TOP)
            y = inner.top()
            for i, block in enumerate(self.blocks(row)):
                width = inner.width() - (self.star_room() if i == 0 else 0)  # the title clears the star
                y += draw_marked(painter, QRect(inner.left(), y, width, inner.bottom() - y),
                                 block.text, block.marks, block.font, block.color, "#ffe08a",
                                 lines=block.lines, essential=block.essential) + GAP
            # Drawn, as on every other card: a press there toggled a bookmark nobody saw.
            self.paint_star(painter, index, rect)
        elif isinstance(row, Suggestion):
            self.paint_card(painter, _chosen_ringed(option), rect)
            self.paint_lines(painter, rect.adjusted(PAD, PAD // 2 + 2, -PAD, 0), [
                type(self).line(row.text, self.font("title", True), p.primary),
                type(self).line(row.label, self.font("small"), p.muted)])
        painter.restore()

    def blocks(self, row: SearchHit) -> list[Block]:
        """What a hit's card shows, top down: the title in the UI language (wrapped), the
        snippet (up to two lines), the title in the other language when it differs."""
        p = self.palette
        english = self.ctx.state.lang == "en" and bool(row.title_en)
        title, title_marks = ((row.title_en, row.title_en_marks) if english
                              else (row.title, row.title_marks))
        snippet, snippet_marks = hit_snippet(row, self.ctx.state.lang)
        other, other_marks = ((row.title, row.title_marks) if english
                              else (row.title_en, row.title_en_marks))
        # Each text in the face of its own language (a hit without English shows Chinese).
        lang, other_lang = ("en", "zh") if english else ("zh", "en")
        blocks = [Block(title, title_marks, self.font("title", True, lang=lang), p.text, TITLE_LINES, True)]
        if snippet:
            blocks.append(Block(snippet, snippet_marks, self.font("body", lang=lang), p.muted, 2))
        if other and other != title:
            blocks.append(Block(other, other_marks, self.font("small", lang=other_lang), p.muted, 1))
        return blocks

    @staticmethod
    def line(text: str, font: QFont, color: str) -> Any:
        from guide.ui.delegates import Line

        return Line(text, font, color)

    def measure_first(self, pixels: int | None) -> None:
        """Measure only the rows of the next layout pass that fill ``pixels`` (the list's
        height), from its top; the rest get a guessed height until a layout measures them.
        ``None`` ends it: every later layout measures every row. Measuring a
        card lays out its texts: a keystroke's 50 hits measured before its first paint were
        most of its time, and only the first screen of them is seen then."""
        self._first = self._budget = pixels

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if self._first is not None and index.row() == 0:
            self._budget = self._first
        size = self._size(option, index)
        if self._budget is not None:
            self._budget -= size.height()
        return size

    def _size(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = self.measured_item(index)
        title = QFontMetrics(self.font("title", True)).lineSpacing()
        if isinstance(row, GroupHeader):
            return QSize(400, title + PAD + 4)
        if isinstance(row, Suggestion):
            return QSize(400, title + QFontMetrics(self.font("small")).lineSpacing() + PAD + 14)
        edges = 2 * (3 + CARD_TOP)  # the card's margin in the row, then its padding
        if not isinstance(row, SearchHit):  # a very long list: every row as tall as a full card
            return QSize(400, edges + self._full_card(title))
        # As tall as what it shows: a one-line snippet or no other-language title leaves
        # no blank band at the bottom of the card, a long title gets its lines.
        width = self.row_width(option) - 12 - 2 * PAD
        state = self.ctx.state
        key = (row, width, state.lang, state.text_scale)
        height = self._heights.get(key)
        if height is None and self._budget is not None and self._budget <= 0:
            # Below the first screen: measured by the layout after the first paint.
            return QSize(400, edges + self._full_card(title))
        if height is None:
            height = sum(marked_height(b.text, b.marks, b.font, width - (self.star_room() if i == 0 else 0),
                                       b.lines) + GAP for i, b in enumerate(self.blocks(row)))
            if len(self._heights) >= self.HEIGHTS_KEPT:
                self._heights.clear()
            self._heights[key] = height
        return QSize(400, edges + height - GAP)

    def _full_card(self, title: int) -> int:
        """The texts' height of a card with a two-line title and snippet and its other title."""
        body = QFontMetrics(self.font("body")).lineSpacing()
        small = QFontMetrics(self.font("small")).lineSpacing()
        return 2 * title + 2 * body + small + 2 * GAP
