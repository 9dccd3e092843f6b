"""Painting the timetable's fixed parts: hour lines, the now line, room and hour headers."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPixmap, QRegion
from PySide6.QtWidgets import QStyleOptionViewItem

from guide.content.timetable import HOUR, Block, DayGrid
from guide.ui import layout_probe as probe
from guide.ui import text as tx
from guide.ui import theme

if TYPE_CHECKING:
    from guide.ui.timetable_delegate import BlockDelegate
    from guide.ui.timetable_view import TimetableView


def paint_hour_lines(view: TimetableView, painter: QPainter, grid: DayGrid, area: QRect) -> None:
    """Lines at the hours, fainter at the half hours, and a line between rooms (filled
    one-pixel rectangles: the quickest thing a raster painter draws)."""
    p, mh, top = view.delegate.palette, view.minute_height(), view.origin().y()
    hour, half = QColor(p.border), QColor(p.border)
    half.setAlpha(110)
    first = max(grid.first_minute, grid.first_minute + int((area.top() - top) / mh) // 30 * 30)
    for minute in range(first, grid.last_minute + 1, 30):
        y = top + round((minute - grid.first_minute) * mh)
        if y > area.bottom():
            break
        painter.fillRect(area.left(), y, area.width(), 1, hour if minute % HOUR == 0 else half)
    cw, left = view.column_width(), view.origin().x()
    first = max(0, (area.left() - left) // cw)
    for column in range(first, min(len(grid.columns), first + area.width() // cw + 1) + 1):
        x = left + column * cw
        if area.left() <= x <= area.right():
            painter.fillRect(x, area.top(), 1, area.height(), hour)


def paint_now(view: TimetableView, painter: QPainter, area: QRect) -> None:
    """The clock's line across every room, broken where a running session's words are: a
    line through them reads as struck out (cancelled), not as "on now"."""
    y = view.now_line_y()
    grid = view.grid()
    if y is None or grid is None:
        return
    origin = view.origin()
    if not area.top() <= y + origin.y() <= area.bottom():
        return
    free = QRegion(area)
    cw, minute = view.column_width(), y / view.minute_height()
    # Only the rooms in view: a day may have hundreds.
    for row in grid.visible((area.left() - origin.x()) / cw, (area.right() - origin.x()) / cw,
                            minute, minute):
        card = view.delegate.card_rect(view.block_rect(row).translated(origin))
        free -= QRegion(view.delegate.text_rect(card))
    painter.save()
    painter.setClipRegion(free)
    painter.setPen(QPen(QColor(view.delegate.palette.warning), 3))
    painter.drawLine(area.left(), y + origin.y(), area.right(), y + origin.y())
    painter.restore()


def header_sizes(view: TimetableView, grid: DayGrid | None) -> tuple[int, int]:
    """(room header height, hour gutter width) for the view's text size and ``grid``'s rooms.

    The room header has two lines only when a room's name needs them: on a short window
    at large text every line given to the header is taken from the grid.
    """
    scale, lang = view.ctx.state.text_scale, view.ctx.state.lang
    body = QFontMetrics(theme.font("body", scale, bold=True))
    small = QFontMetrics(theme.font("small", scale))
    room = view.column_width() - 12
    names = [tx.pick(c.title, c.title_en, lang) or tx.tr("Room not given")
             for c in (grid.columns if grid is not None else ())]
    lines = 2 if any(body.horizontalAdvance(n) > room for n in names) else 1
    return lines * body.lineSpacing() + 14, small.horizontalAdvance("00:00") + 22


def running_tops(view: TimetableView) -> list[int]:
    """The tops (grid coordinates) of the blocks the now line crosses."""
    grid, y = view.grid(), view.now_line_y()
    if grid is None or y is None:
        return []
    minute = y / view.minute_height()
    return [view.block_rect(n).top() for n in grid.visible(0, len(grid.columns), minute, minute)]


def paint_headers(view: TimetableView, painter: QPainter, grid: DayGrid, area: QRect) -> None:
    """Room names along the top and hours down the left, over the scrolled grid."""
    p, scale, lang = view.delegate.palette, view.ctx.state.text_scale, view.ctx.state.lang
    vp, origin, cw = view.viewport().rect(), view.origin(), view.column_width()
    painter.fillRect(QRect(0, 0, vp.width(), area.top()), QColor(p.window))
    painter.fillRect(QRect(0, area.top(), area.left(), vp.height()), QColor(p.window))
    painter.setPen(QPen(QColor(p.border), 1))
    painter.drawLine(0, area.top() - 1, vp.width(), area.top() - 1)
    painter.drawLine(area.left() - 1, 0, area.left() - 1, vp.height())
    font = theme.font("body", scale, bold=True)
    fm = QFontMetrics(font)
    painter.setFont(font)
    painter.setPen(QColor(p.text))
    painter.setClipRect(QRect(area.left(), 0, area.width(), area.top()))
    first = max(0, (area.left() - origin.x()) // cw)
    for column in range(first, len(grid.columns)):
        x = origin.x() + column * cw
        if x > vp.right():
            break
        c = grid.columns[column]
        name = tx.pick(c.title, c.title_en, lang) or tx.tr("Room not given")
        box = QRect(x + 6, 6, cw - 12, area.top() - 12)
        bound = fm.boundingRect(box, int(Qt.TextFlag.TextWordWrap), name)
        shown = name if bound.height() <= box.height() else fm.elidedText(
            name, Qt.TextElideMode.ElideRight, box.width() * 2 - fm.averageCharWidth() * 2)
        painter.drawText(box, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter
                                  | Qt.AlignmentFlag.AlignVCenter), shown)
        probe.note(painter, box, name, cut=shown != name)
    _paint_hours(view, painter, grid, area)


def _paint_hours(view: TimetableView, painter: QPainter, grid: DayGrid, area: QRect) -> None:
    """Hour labels down the left, and the clock's time where the now line meets them."""
    p, mh, top = view.delegate.palette, view.minute_height(), view.origin().y()
    font = theme.font("small", view.ctx.state.text_scale)
    fm = QFontMetrics(font)
    gutter = view.gutter_width()  # a room pager's band may stand between it and the grid
    painter.setClipRect(QRect(0, area.top(), gutter, area.height()))
    painter.setFont(font)
    now = view.now_minute()
    now_y = None if now is None else top + round((now - grid.first_minute) * mh)
    for minute in range(grid.first_minute, grid.last_minute + 1, HOUR):
        y = top + round((minute - grid.first_minute) * mh)
        if now_y is not None and abs(y + fm.height() // 2 - now_y) < fm.height():
            continue  # the clock's tag covers it (a stray half of "14:00" showed below it)
        if area.top() - fm.height() <= y <= area.bottom() + fm.height():
            painter.setPen(QColor(p.muted))
            label = f"{minute // HOUR % 24:02d}:00"
            painter.drawText(QRect(4, y, gutter - 10, fm.height()),
                             int(Qt.AlignmentFlag.AlignRight), label)
    if now is not None and now_y is not None:
        y = now_y
        tag = QRect(2, y - fm.height() // 2 - 1, gutter - 4, fm.height() + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p.warning))
        painter.drawRoundedRect(tag, 4, 4)
        painter.setPen(QColor(p.surface if p.name == "standard" else p.window))
        at = dt.time(now // HOUR % 24, now % HOUR)
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), f"{at:%H:%M}")


class BlockCache:
    """Painted blocks kept as pixmaps: scrolling repaints the same blocks over and over."""

    LIMIT = 800

    def __init__(self, view: TimetableView, delegate: BlockDelegate) -> None:
        self.view = view
        self.delegate = delegate
        self._pixmaps: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def clear(self) -> None:
        self._pixmaps.clear()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, block: Block, bookmarked: bool,
              clash: bool) -> None:
        """Draw ``block`` at ``option.rect`` from its cached pixmap, painting that first when the
        block's look changed; painted directly while the layout checker records."""
        rect = option.rect
        if probe.active() or rect.height() > 2000:
            self.delegate.paint_block(painter, option, block, bookmarked, clash)
            return
        state = self.view.ctx.state
        key = (block.id, rect.width(), rect.height(), option.state.value, bookmarked, clash,
               state.palette_name, state.lang, state.text_scale)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            ratio = self.view.devicePixelRatioF()
            pixmap = QPixmap(QSize(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio))))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            inner = QPainter(pixmap)
            option.rect = QRect(0, 0, rect.width(), rect.height())
            self.delegate.paint_block(inner, option, block, bookmarked, clash)
            inner.end()
            option.rect = rect
            self._pixmaps[key] = pixmap
            while len(self._pixmaps) > self.LIMIT:
                self._pixmaps.popitem(last=False)
        else:
            self._pixmaps.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), pixmap)
