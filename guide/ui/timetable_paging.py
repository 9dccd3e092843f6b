"""Paging a timetable's rooms: a button down each side of the grid for the rooms out of view.

On a portrait kiosk (1080x1920) the 39C3 timetable showed two and a half of its twelve
rooms, and only a thin scroll bar said there were more. When the rooms are wider than the
view, a band down each side of the grid is a button: "›" with "+9" (the rooms still to come)
brings the next rooms into view, "‹" the ones before; each is disabled at its end. The
bands are kept while the rooms overflow, so the grid does not jump as it scrolls.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionButton, QStylePainter, QWidget

from guide.ui import theme
from guide.ui.accessible_parts import parts_changed

if TYPE_CHECKING:
    from guide.ui.timetable_view import TimetableView

MOST_SHOWN = 99  # "+99": a wider count would widen the band


class PagerButton(QPushButton):
    """A tall button with a chevron and, under it, the count of rooms that way."""

    def __init__(self, direction: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.direction, self.count, self.scale = direction, 0, 1.0  # direction 1: points right
        self._state: tuple[object, ...] = ()
        self.setObjectName("roomPager")
        # The arrow keys already move from room to room; the band is for fingers and mice.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def show_state(self, count: int, more: bool, name: str, tip: str, scale: float) -> None:
        """What the band says and whether it can act; set (and repainted) only when that
        changed: the view asks at every step of a scroll."""
        state = (count, more, name, tip, scale)
        if state == self._state:
            return
        self._state, self.count, self.scale = state, count, scale
        self.setEnabled(more)
        self.setAccessibleName(name)
        self.setToolTip(tip)
        self.setAccessibleDescription(tip)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        painter.drawControl(QStyle.ControlElement.CE_PushButtonBevel, option)
        scale = self.scale
        small = theme.font("small", scale, bold=True)
        small_h = QFontMetrics(small).height()
        shown = f"+{min(self.count, MOST_SHOWN)}" if self.count else ""
        # A drawn chevron: the font's "›" is a small mark, lost on a band this tall.
        half = round(12 * scale)
        top = (self.height() - 2 * half - (small_h + half // 2 if shown else 0)) // 2
        ink = self.palette().color(QPalette.ColorGroup.Normal if self.isEnabled()
                                   else QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        pen = QPen(ink, max(2.0, 3.5 * scale))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        middle, reach = self.width() // 2, half // 2 * self.direction
        painter.drawPolyline([QPointF(middle - reach, top), QPointF(middle + reach, top + half),
                              QPointF(middle - reach, top + 2 * half)])
        if shown:
            painter.setFont(small)
            painter.drawItemText(QRect(0, top + 2 * half + half // 2, self.width(), small_h),
                                 Qt.AlignmentFlag.AlignCenter, self.palette(), self.isEnabled(),
                                 shown, QPalette.ColorRole.ButtonText)


class RoomPager(QObject):
    """The two bands of a :class:`TimetableView`; ``changed`` when the rooms in view change."""

    changed = Signal()

    def __init__(self, view: TimetableView) -> None:
        super().__init__(view)
        self.view = view
        self.back, self.forward = PagerButton(-1, view), PagerButton(1, view)
        self.back.clicked.connect(lambda: self.page(-1))
        self.forward.clicked.connect(lambda: self.page(1))
        self._shown: tuple[int, int, int] | None = None
        self._width: tuple[tuple[float, int], int] = ((0.0, 0), 0)  # (text scale, touch), width
        # Placed from the view's first resize on, as it scrolls, and when the text size (the
        # bands' width) or the language (their words) changes.
        bar = view.horizontalScrollBar()
        bar.valueChanged.connect(self.place)
        bar.rangeChanged.connect(self.place)
        view.resized.connect(self.place)
        view.ctx.state.text_scale_changed.connect(self.place)
        view.ctx.state.language_changed.connect(self.place)

    def band(self) -> int:
        """Pixels each band takes beside the grid: none when every room fits."""
        view = self.view
        if view.model() is None:
            return 0
        width, _height = view.content_size()
        if width <= view.viewport().width() - view.gutter_width():
            return 0
        key = (view.ctx.state.text_scale, view.ctx.touch_px)
        if self._width[0] != key:  # measured once per text size: the grid asks at every paint
            scale = key[0]
            count = QFontMetrics(theme.font("small", scale, bold=True)).horizontalAdvance(f"+{MOST_SHOWN}")
            self._width = (key, max(view.ctx.touch_px, count + int(10 * scale)))
        return self._width[1]

    def rooms_in_view(self) -> tuple[int, int, int]:
        """(first, last, of): the rooms wholly in view, counted from 1; a strip of a room at
        an edge, its heading cut, is not one you can read ("Rooms 1–5" had counted two). A
        view narrower than a room counts the rooms it shows in part."""
        view, grid = self.view, self.view.grid()
        columns = len(grid.columns) if grid is not None else 0
        cw, left = view.column_width(), view.horizontalScrollBar().value()
        if not columns:
            return 0, 0, 0
        right = left + view.grid_area().width()
        first, last = math.ceil(left / cw) + 1, right // cw
        if last < first:
            first, last = left // cw + 1, math.ceil(right / cw)
        first = min(columns, first)
        return first, max(first, min(columns, last)), columns

    def page(self, step: int) -> None:
        """Bring the next (``step`` 1) or previous (-1) rooms into view, a whole room first."""
        view = self.view
        bar, cw, width = view.horizontalScrollBar(), view.column_width(), view.grid_area().width()
        left = bar.value()
        if step > 0:  # the first room not wholly in view comes first
            target = max((left + width) // cw, left // cw + 1) * cw
        else:  # as many rooms back as the view holds
            target = (math.ceil(left / cw) - max(1, width // cw)) * cw
        bar.setValue(max(0, min(bar.maximum(), target)))

    def bring_in(self, low: int, high: int, centre: bool = False) -> None:
        """Scroll across so the grid's columns ``low``..``high`` (a block) are in view, by
        whole rooms: the arrow keys had scrolled by pixels, leaving a strip of a room beside
        a band with its heading cut. ``centre``: in the middle of the view, as asked."""
        view = self.view
        bar, cw, width = view.horizontalScrollBar(), view.column_width(), view.grid_area().width()
        if centre:
            bar.setValue((low + high - width) // 2)
        elif low < bar.value() or high - low >= width:
            bar.setValue(low // cw * cw)  # the block's room at the left edge
        elif high > bar.value() + width:
            edge = -(-(high + 1 - width) // cw) * cw  # the fewest whole rooms that bring it in
            bar.setValue(edge if edge <= low else high - width + 8)

    def place(self, *_: object) -> None:
        """Put the bands beside the grid (or hide them) and say what they lead to."""
        view, band = self.view, self.band()
        if self.back.isHidden() == (band > 0):  # the bands come or go: readers' list changes
            for button in (self.back, self.forward):
                button.setVisible(band > 0)
            parts_changed(view)
        shown = self.rooms_in_view()
        if band:
            first, last, columns = shown
            port = view.viewport().geometry()
            self.back.setGeometry(port.left() + view.gutter_width(), port.top(), band, port.height())
            self.forward.setGeometry(port.right() + 1 - band, port.top(), band, port.height())
            bar = view.horizontalScrollBar()
            # Enabled while the grid can move that way: the last room may be in view only in part.
            scale = view.ctx.state.text_scale
            self.back.show_state(first - 1, bar.value() > 0, self.tr("Show the previous rooms"),
                                 self.tr("%1 more rooms to the left").replace("%1", str(first - 1)),
                                 scale)
            self.forward.show_state(columns - last, bar.value() < bar.maximum(),
                                    self.tr("Show the next rooms"),
                                    self.tr("%1 more rooms to the right").replace(
                                        "%1", str(columns - last)), scale)
        if self._shown != shown:
            self._shown = shown
            self.changed.emit()
