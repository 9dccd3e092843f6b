"""Paints one timetable block: time, title as far as the block's height allows, star, clash.

A block is as tall as its session is long, so the title gets as many lines as fit and the
last is elided; the whole title is in the tooltip, the screen-reader text and the session's
page. Laid-out lines are cached per block size, so scrolling only draws.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QTextLayout
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from guide.content.timetable import Block
from guide.ui import layout_probe as probe
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.delegates import BaseDelegate, paint_stripe
from guide.ui.models.lazy import BookmarkedRole
from guide.ui.models.timetable import BlockRole, ClashRole

Index = QModelIndex | QPersistentModelIndex
INSET = 6


def clock(block: Block) -> str:
    """``16:00–16:40`` (wall clock at the venue; an unknown end is left out)."""
    start = block.entry.start
    if start is None:
        return ""
    end = block.entry.end
    return f"{start:%H:%M}–{end:%H:%M}" if end is not None and block.end_known else f"{start:%H:%M}"


def _spoken_clock(block: Block, lang: str) -> str:
    """The time as lists give it, with the day an end after midnight falls on (the painted
    block leaves that to the grid's hours, which run on past midnight)."""
    e = block.entry
    start, end = e.start, e.end if block.end_known else None
    if start is None:
        return ""
    return tx.clock(start.time(), end.time() if end else None, lang, day=e.day, start=start, end=end)


class BlockDelegate(BaseDelegate):
    """Timetable blocks: a card with the track's colour down its left edge."""

    MARGINS = (2, 1, -2, -1)

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self._layouts: OrderedDict[tuple[Any, ...], list[tuple[str, QFont, str, int]]] = OrderedDict()
        self._fonts: dict[tuple[str, bool, str | None], QFont] = {}
        self._icons = {name: theme.icon(name) for name in ("star", "star-filled")}
        self._star_size = 0

    def clear_cache(self) -> None:
        """Language, text size or theme changed: lay every block out again."""
        self._layouts.clear()
        self._fonts.clear()
        self._star_size = 0

    def font(self, role: str, bold: bool = False, *, lang: str | None = None) -> QFont:
        """The theme's font for ``role`` at the current text size (kept: painting asks often)."""
        found = self._fonts.get((role, bold, lang))
        if found is None:
            found = self._fonts[(role, bold, lang)] = super().font(role, bold, lang=lang)
        return found

    def star_rect(self, card: QRect) -> QRect:
        if not self._star_size:
            self._star_size = QFontMetrics(self.font("small")).height() + 8
        size = min(self._star_size, card.height() - 2)
        return QRect(card.right() - size - 2, card.top() + 2, size, size)

    def star_target(self, card: QRect) -> QRect:
        """Only the drawn star with a mouse: a block can be narrow and short, and a grown target
        would take most of it, so a press meant to open the session would bookmark it instead.
        On a kiosk, a finger's minimum around the star, within the block, as in lists: the
        drawn star alone (28 px) let a near miss open the session instead. Grown at most to
        half the block's width: a short session in a lane of four (67 px wide) would otherwise
        be all star, and could no longer be opened."""
        star = self.star_rect(card)
        if not self.ctx.touch_px:
            return star
        grown = super().star_target(card)
        width = max(star.width(), min(grown.width(), card.width() // 2))
        return QRect(grown.right() - width + 1, grown.top(), width, grown.height()).intersected(card)

    def describe(self, block: Block) -> tuple[str, str]:
        """(name, description): the title in the UI's language; time, room, track, other title."""
        lang, e = self.ctx.state.lang, block.entry
        parts = [_spoken_clock(block, lang), tx.pick(e.room, e.room_en, lang), e.track or "",
                 tx.other(e.title, e.title_en, lang)]
        return tx.pick(e.title, e.title_en, lang), ". ".join(p for p in parts if p)

    def _lines(self, block: Block, width: int, height: int) -> list[tuple[str, QFont, str, int]]:
        """(text, font, colour, y) of every line that fits the block, the last title line elided."""
        p, lang = self.palette, self.ctx.state.lang
        key = (block.id, width, height, lang, self.ctx.state.text_scale, p.name)
        cached = self._layouts.get(key)
        if cached is not None:
            self._layouts.move_to_end(key)
            return cached
        small, bold = self.font("small"), self.font("body", bold=True)
        small_fm, bold_fm = QFontMetrics(small), QFontMetrics(bold)
        out: list[tuple[str, QFont, str, int]] = []
        y = small_fm.ascent()
        star = small_fm.height() + 8
        out.append((small_fm.elidedText(clock(block), Qt.TextElideMode.ElideRight, width - star),
                    small, p.muted, y))
        y += small_fm.descent() + 2 + bold_fm.ascent()
        title = tx.pick(block.entry.title, block.entry.title_en, lang)
        layout = QTextLayout(title, bold)
        layout.beginLayout()
        while y + bold_fm.descent() <= height:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            text = title[line.textStart():line.textStart() + line.textLength()]
            if y + bold_fm.lineSpacing() + bold_fm.descent() > height:  # the last that fits
                text = bold_fm.elidedText(title[line.textStart():], Qt.TextElideMode.ElideRight, width)
            out.append((text.rstrip(), bold, p.text, y))
            y += bold_fm.lineSpacing()
        layout.endLayout()
        self._layouts[key] = out
        while len(self._layouts) > 4000:
            self._layouts.popitem(last=False)
        return out

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        block: Block | None = index.data(BlockRole)
        if block is not None:
            self.paint_block(painter, option, block, bool(index.data(BookmarkedRole)),
                             bool(index.data(ClashRole)))

    def paint_block(self, painter: QPainter, option: QStyleOptionViewItem, block: Block,
                    bookmarked: bool, clash: bool) -> None:
        """Paint ``block`` in ``option.rect`` (the view calls this directly: no role look-ups)."""
        p = self.palette
        card = self.card_rect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = theme.focus_shown(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        edge = QColor(p.focus if focused else p.warning if clash else p.border)
        painter.setPen(QPen(edge, 3 if focused or clash else 1,
                            Qt.PenStyle.DashLine if clash and not focused else Qt.PenStyle.SolidLine))
        painter.setBrush(QColor(p.selection if selected else p.surface))
        painter.drawRoundedRect(QRectF(card).adjusted(1.5, 1.5, -1.5, -1.5), 5, 5)
        stripe = QColor(block.entry.track_color or p.accent)
        if not stripe.isValid():
            stripe = QColor(p.accent)
        paint_stripe(painter, QRect(card.left() + 3, card.top() + 4, 4, max(0, card.height() - 8)), stripe, p)
        inner = self.text_rect(card)
        painter.setClipRect(card)
        if inner.height() > 6 and inner.width() > 12:
            for text, font, colour, y in self._lines(block, inner.width(), inner.height()):
                painter.setFont(font)
                painter.setPen(QColor(colour))
                painter.drawText(QPointF(inner.left(), inner.top() + y), text)
            probe.note(painter, inner, block.entry.title)  # cut by design: the block is the time
        # Filled when bookmarked; an outline otherwise, so the target is discoverable.
        self._icons["star-filled" if bookmarked else "star"].paint(
            painter, self.star_rect(card).adjusted(2, 2, -2, -2))
        if clash:
            self._clash_badge(painter, card)
        painter.restore()

    @staticmethod
    def text_rect(card: QRect) -> QRect:
        """Where a block's words are drawn inside its card (clear of the track stripe)."""
        return card.adjusted(INSET + 6, 3, -INSET, -2)

    def _clash_badge(self, painter: QPainter, card: QRect) -> None:
        """A round "!" beside the star: this bookmark overlaps another one."""
        star = self.star_rect(card)
        badge = QRectF(star.left() - star.width() - 2, star.top(), star.width(), star.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.palette.warning))
        painter.drawEllipse(badge.adjusted(2, 2, -2, -2))
        painter.setPen(QColor(self.palette.on_primary if self.palette.name == "standard"
                              else self.palette.surface))
        painter.setFont(self.font("small", bold=True))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), "!")
