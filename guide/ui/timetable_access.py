"""The timetable's blocks for screen readers: one node per session (see accessible_parts)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget


class BlockParts:
    """A timetable view's blocks as :class:`~guide.ui.accessible_parts.Parts`: each block's
    title as its name; time, room, track and other-language title as its description."""

    def __init__(self, view: QAbstractItemView) -> None:
        self.widget = view
        self.view = view

    def part_count(self) -> int:
        model = self.view.model()
        return model.rowCount() if model is not None else 0

    def _data(self, index: int, role: Qt.ItemDataRole) -> str:
        return str(self.view.model().index(index, 0).data(role) or "")

    def part_name(self, index: int) -> str:
        return self._data(index, Qt.ItemDataRole.AccessibleTextRole)

    def part_description(self, index: int) -> str:
        return self._data(index, Qt.ItemDataRole.AccessibleDescriptionRole)

    def part_rect(self, index: int) -> QRect:
        rect = self.view.visualRect(self.view.model().index(index, 0))  # viewport coordinates
        return rect.translated(self.view.viewport().pos())

    def part_focused(self, index: int) -> bool:
        return self.view.hasFocus() and self.view.currentIndex().row() == index

    def part_at(self, point: QPoint) -> int:
        return self.view.indexAt(point - self.view.viewport().pos()).row()

    def part_activate(self, index: int) -> None:
        self.view.activated.emit(self.view.model().index(index, 0))  # opens it, as Enter does

    def controls(self) -> tuple[list[QWidget], list[QWidget]]:
        """The room bands: "previous rooms" before the blocks, "next rooms" after them. They
        take no focus (the arrow keys reach every room), so a tree walk is how a screen
        reader finds them."""
        pager = getattr(self.view, "pager", None)
        return ([pager.back], [pager.forward]) if pager is not None else ([], [])
