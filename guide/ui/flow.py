"""A layout that wraps its widgets onto the next line when the row is full.

Button bars and chart rows use it, so a narrow window or 200% text moves a button to a
second line instead of clipping it or forcing the window wider (Qt's flow layout example).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Left to right, wrapping; an expanding widget alone on its line takes the whole width.

    ``balanced``: when the widgets take more than one line, as few widgets a line as keeps
    that number of lines (five days on a portrait kiosk: three and two, not four and one
    left alone below them).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, *, balanced: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._balanced = balanced
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        """Put ``widget`` at ``index`` in the order (a control made later keeps its place)."""
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() + self._spacing for i in self._visible())
        return QSize(width, self.heightForWidth(max(width, 1)))

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not _hidden(i)]

    def _place(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        bound = QSize(max(1, area.width()), 1 << 20)
        sized = [(item, item.sizeHint().boundedTo(bound).expandedTo(item.minimumSize().boundedTo(bound)))
                 for item in self._visible()]
        lines = self._lines(sized, area.width())
        if self._balanced and len(lines) > 1:
            widest = -(-len(sized) // len(lines))  # ceil: widgets a line, balanced
            even = self._lines(sized, area.width(), widest)
            if len(even) == len(lines):
                lines = even
        y = area.y()
        for i, line in enumerate(lines):
            y += self._finish(line, area, y, move) + (self._spacing if i < len(lines) - 1 else 0)
        return y - rect.y() + m.bottom()

    def _lines(self, sized: list[tuple[QLayoutItem, QSize]], width: int,
               most: int = 0) -> list[list[tuple[QLayoutItem, QSize]]]:
        """The widgets with their sizes, in lines of ``width`` (each at most ``most`` long, if given)."""
        lines: list[list[tuple[QLayoutItem, QSize]]] = []
        line: list[tuple[QLayoutItem, QSize]] = []
        x = 0
        for item, size in sized:
            if line and (x + size.width() > width or len(line) == most):
                lines.append(line)
                x, line = 0, []
            line.append((item, size))
            x += size.width() + self._spacing
        return [*lines, line] if line else lines

    def _finish(self, line: list[tuple[QLayoutItem, QSize]], area: QRect, y: int, move: bool) -> int:
        """Lay out ``line`` at ``y``; return its height (a wrapping child's height is the one
        for the width it finally gets, widened or not)."""
        used = sum(size.width() for _, size in line) + self._spacing * (len(line) - 1)
        spare = area.width() - used
        grow = [i for i, _ in line if _expands(i)]
        extra = spare // len(grow) if grow and spare > 0 else 0
        placed = []
        for item, size in line:
            w = size.width() + (extra if item in grow else 0)
            wraps = item.hasHeightForWidth()
            placed.append((item, w, item.heightForWidth(w) if wraps else size.height()))
        height = max(h for _, _, h in placed)
        left = area.x()
        for item, w, _ in placed:
            if move:
                item.setGeometry(QRect(QPoint(left, y), QSize(w, height)))
            left += w + self._spacing
        return height


def _hidden(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and widget.isHidden()


def _expands(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and widget.sizePolicy().horizontalPolicy() in (
        QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)
