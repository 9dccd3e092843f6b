"""The timetable grid: rooms across, time down, one painted block per session.

A custom item view over :class:`TimetableModel`: it paints only the blocks the
:class:`~guide.content.timetable.DayGrid` index finds in view, keeps the room names (top)
and the hours (left) in place while the grid scrolls under them, draws a "now" line from
the app's clock, zooms the time scale (Ctrl+wheel, pinch, or :meth:`zoom_by`), pans by
touch (QScroller) and moves between blocks with the arrow keys.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QRegion,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGestureEvent,
    QPinchGesture,
    QScrollBar,
    QScroller,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)

from guide.content.timetable import DayGrid
from guide.ui.accessible_parts import install, part_focused
from guide.ui.context import AppContext
from guide.ui.models.timetable import TimetableModel
from guide.ui.timetable_access import BlockParts
from guide.ui.timetable_delegate import BlockDelegate
from guide.ui.timetable_paging import RoomPager
from guide.ui.timetable_paint import (
    BlockCache,
    header_sizes,
    paint_headers,
    paint_hour_lines,
    paint_now,
)
from guide.ui.touch import grab_flick

Index = QModelIndex | QPersistentModelIndex
ZOOM_MIN, ZOOM_MAX = 0.5, 4.0
ZOOM_STEP = 1.25
MOVES = {
    QAbstractItemView.CursorAction.MoveUp: "up", QAbstractItemView.CursorAction.MoveDown: "down",
    QAbstractItemView.CursorAction.MoveLeft: "left", QAbstractItemView.CursorAction.MoveRight: "right",
}


def bring_in(bar: QScrollBar, low: int, high: int, size: int, centre: bool = False) -> None:
    """Scroll ``bar`` until ``low``..``high`` is in its ``size`` of view, with a margin (a
    span longer than the view shows from its start), or centred."""
    if centre:
        bar.setValue((low + high - size) // 2)
    elif low < bar.value() or high - low >= size:
        bar.setValue(low - 8)
    elif high > bar.value() + size:
        bar.setValue(high - size + 8)


class TimetableView(QAbstractItemView):
    """Rooms as columns, minutes as rows; blocks painted by :class:`BlockDelegate`."""

    zoom_changed = Signal(float)
    resized = Signal()  # after the scroll ranges follow the new size

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zoom, self._pinch_start = ctx, 1.0, 1.0
        install()  # its blocks are nodes for screen readers
        self.delegate = BlockDelegate(ctx, self)
        self.setItemDelegate(self.delegate)
        self.setObjectName("timetable")
        self.setProperty("pansBothWays", True)  # rooms across, hours down: the layout check knows
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        # Touch panning; a kiosk's touch screen may send only mouse events, so it pans those too.
        grab_flick(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
                   if ctx.kiosk else QScroller.ScrollerGestureType.TouchGesture)
        self._header_sizes: tuple[object, tuple[int, int]] = (None, (0, 0))
        self.block_cache, self.pager = BlockCache(self, self.delegate), RoomPager(self)

    # --- geometry (pixels) ------------------------------------------------------------------

    def grid(self) -> DayGrid | None:
        model = self.model()
        return model.grid if isinstance(model, TimetableModel) else None

    def column_width(self) -> int:
        return int(200 * self.ctx.state.text_scale)

    def minute_height(self) -> float:
        """Pixels per minute: 2 at 100% text and zoom 1 (an hour is 120 px)."""
        return 2.0 * self.zoom * self.ctx.state.text_scale

    def _headers(self) -> tuple[int, int]:
        """(header height, gutter width) for the text size, language and day (measured once)."""
        key = (self.ctx.state.text_scale, self.ctx.state.lang, self.grid())
        if self._header_sizes[0] != key:  # the grid itself in the key: an id could be reused
            self._header_sizes = (key, header_sizes(self, key[2]))
        return self._header_sizes[1]

    def header_height(self) -> int:
        return self._headers()[0]

    def gutter_width(self) -> int:
        return self._headers()[1]

    def content_size(self) -> tuple[int, int]:
        grid = self.grid()
        if grid is None:
            return 0, 0
        return (len(grid.columns) * self.column_width(),
                int((grid.last_minute - grid.first_minute) * self.minute_height()) + 1)

    def block_rect(self, row: int) -> QRect:
        """Block ``row`` in grid coordinates (the top left of the first room at the first hour)."""
        grid = self.grid()
        if grid is None or not 0 <= row < len(grid.blocks):
            return QRect()
        r, cw, mh = grid.rect(row), self.column_width(), self.minute_height()
        left, top = round(r.x * cw), round(r.y * mh)
        return QRect(left, top, max(1, round((r.x + r.width) * cw) - left),
                     max(1, round((r.y + r.height) * mh) - top))

    def origin(self) -> QPoint:
        """Where the grid's top left is in the viewport now."""
        return QPoint(self.gutter_width() + self.pager.band() - self.horizontalScrollBar().value(),
                      self.header_height() - self.verticalScrollBar().value())

    def grid_area(self) -> QRect:
        """The part of the viewport under neither header nor a room pager's band."""
        vp, band = self.viewport().rect(), self.pager.band()
        return vp.adjusted(self.gutter_width() + band, self.header_height(), -band, 0)

    def now_minute(self) -> int | None:
        """The clock's minute on this day's grid, or None when now is not on it."""
        grid = self.grid()
        if grid is None:
            return None
        minute = grid.minute_at(self.ctx.clock.now())
        return minute if grid.first_minute <= minute <= grid.last_minute else None

    def now_line_y(self) -> int | None:
        """The now line's height in grid coordinates, or None when it is not drawn."""
        grid, minute = self.grid(), self.now_minute()
        if grid is None or minute is None:
            return None
        return round((minute - grid.first_minute) * self.minute_height())

    # --- QAbstractItemView -------------------------------------------------------------------

    def visualRect(self, index: Index) -> QRect:
        return self.block_rect(index.row()).translated(self.origin()) if index.isValid() else QRect()

    def _rows_in(self, rect: QRect) -> list[int]:
        """Rows whose blocks meet ``rect`` (viewport coordinates)."""
        grid = self.grid()
        if grid is None:
            return []
        area = rect.translated(-self.origin())
        cw, mh = self.column_width(), self.minute_height()
        rows = grid.visible(area.left() / cw, area.right() / cw, area.top() / mh,
                            (area.bottom() + 1) / mh)
        return [n for n in rows if self.block_rect(n).intersects(area)]

    def indexAt(self, point: QPoint) -> QModelIndex:
        if not self.grid_area().contains(point):
            return QModelIndex()
        rows = self._rows_in(QRect(point, point))
        return self.model().index(rows[0], 0) if rows else QModelIndex()

    def scrollTo(self, index: Index, hint: QAbstractItemView.ScrollHint =
                 QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if not index.isValid():
            return
        rect, centre = self.block_rect(index.row()), hint == QAbstractItemView.ScrollHint.PositionAtCenter
        self.pager.bring_in(rect.left(), rect.right(), centre)  # across: whole rooms, as the bands page
        bring_in(self.verticalScrollBar(), rect.top(), rect.bottom(), self.grid_area().height(), centre)

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        grid, current = self.grid(), self.currentIndex()
        if grid is None or not grid.blocks:
            return QModelIndex()
        if not current.isValid():
            rows = self._rows_in(self.grid_area())
            return self.model().index(rows[0] if rows else 0, 0)
        row = current.row()
        if action in MOVES:
            row = grid.move(row, MOVES[action])
        elif action == QAbstractItemView.CursorAction.MoveHome:
            row = 0
        elif action == QAbstractItemView.CursorAction.MoveEnd:
            row = len(grid.blocks) - 1
        return self.model().index(row, 0)

    def horizontalOffset(self) -> int:
        return self.horizontalScrollBar().value()

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: Index) -> bool:
        return False

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        selection = QItemSelection()
        for row in self._rows_in(rect.normalized())[:1]:
            index = self.model().index(row, 0)
            selection.select(index, index)
        self.selectionModel().select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        for index in selection.indexes():
            region += self.visualRect(index)
        return region

    def updateGeometries(self) -> None:
        width, height = self.content_size()
        area = self.grid_area()
        for bar, total, page in ((self.horizontalScrollBar(), width, area.width()),
                                 (self.verticalScrollBar(), height, area.height())):
            bar.setPageStep(max(1, page))
            bar.setSingleStep(max(1, page // 10))
            bar.setRange(0, max(0, total - page))
        super().updateGeometries()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()  # the headers stay: everything else moves

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometries()
        self.resized.emit()

    def relayout(self) -> None:
        """Text size, language or theme changed: new metrics, new text layouts."""
        self.delegate.clear_cache()
        self.block_cache.clear()
        self._header_sizes = (None, (0, 0))
        self.updateGeometries()
        self.viewport().update()

    # --- zoom, keys and touch ---------------------------------------------------------------------

    def set_zoom(self, zoom: float, anchor_y: int | None = None) -> None:
        """Set the time scale (1 = an hour is 120 px at 100% text), keeping the time at
        ``anchor_y`` (viewport pixels; default the middle) where it is."""
        zoom = min(ZOOM_MAX, max(ZOOM_MIN, zoom))
        if abs(zoom - self.zoom) < 1e-6:
            return
        area = self.grid_area()
        anchor = (area.top() + area.height() // 2 if anchor_y is None else anchor_y) - area.top()
        minute = (self.verticalScrollBar().value() + anchor) / self.minute_height()
        self.zoom = zoom
        self.delegate.clear_cache()
        self.updateGeometries()
        self.verticalScrollBar().setValue(round(minute * self.minute_height()) - anchor)
        self.viewport().update()
        self.zoom_changed.emit(zoom)

    def zoom_by(self, steps: float, anchor_y: int | None = None) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP ** steps, anchor_y)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(event.angleDelta().y() / 120, int(event.position().y()))
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                if pinch.state() == Qt.GestureState.GestureStarted:
                    self._pinch_start = self.zoom
                self.set_zoom(self._pinch_start * pinch.totalScaleFactor(),
                              int(self.viewport().mapFromGlobal(pinch.centerPoint().toPoint()).y()))
                event.accept()
                return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            event.accept()
            return
        bar, down = self.verticalScrollBar(), event.key() == Qt.Key.Key_PageDown
        if down or event.key() == Qt.Key.Key_PageUp:
            bar.setValue(bar.value() + (bar.pageStep() if down else -bar.pageStep()))
            event.accept()
            return
        super().keyPressEvent(event)

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if current.isValid():  # screen readers hear the block the keys moved to, and its node
            self.setAccessibleDescription(str(current.data(Qt.ItemDataRole.ToolTipRole) or ""))
            if self.hasFocus():
                part_focused(self, current.row())

    def accessible_parts(self) -> BlockParts:  # each block a node of its own for screen readers
        return BlockParts(self)

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        grid = self.grid()
        painter = QPainter(self.viewport())
        p = self.delegate.palette
        painter.fillRect(event.rect(), QColor(p.window))
        if grid is None:
            return
        area = self.grid_area()
        painter.setClipRect(area)
        paint_hour_lines(self, painter, grid, area)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        base_state = option.state
        current = self.currentIndex().row() if self.hasFocus() else -1
        selection = self.selectionModel()
        selected = {i.row() for i in selection.selectedIndexes()} if selection is not None else set()
        hover = self.viewport().mapFromGlobal(QCursor.pos()) if self.underMouse() else None
        model = self.model()
        if not isinstance(model, TimetableModel):
            return
        origin = self.origin()
        for row in self._rows_in(area):
            option.rect = self.block_rect(row).translated(origin)
            state = base_state
            if row in selected:
                state |= QStyle.StateFlag.State_Selected
            if row == current:
                state |= QStyle.StateFlag.State_HasFocus
            if hover is not None and option.rect.contains(hover):
                state |= QStyle.StateFlag.State_MouseOver
            option.state = state
            block = grid.blocks[row]
            self.block_cache.paint(painter, option, block, model.is_bookmarked(block.id),
                                   model.is_clash(block.id))
        paint_now(self, painter, area)
        painter.setClipping(False)
        paint_headers(self, painter, grid, area)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self.relayout()
        return super().event(event)
