"""Screen readers reach the parts a widget paints itself: timetable blocks, map regions.

Qt gives assistive technology the cells of its own item views (lists, tables, trees), but
a custom view is one opaque area to it: the timetable's blocks and a plan's regions are
painted, not widgets. A widget whose ``accessible_parts()`` returns a :class:`Parts` gets
an accessible node per part (name, description, where it is drawn, focused when the keys
are on it), read from the widget each time it is asked (nodes never hold stale text).

Each node's one action, "Press", opens its part as a click or Enter does (the action
interface is handed to Qt as a pointer, ``shiboken6.VoidPtr``, from ``interface_cast``).
Nodes are plain ``QAccessibleInterface`` objects made in Python. Qt's accessibility cache
keeps raw pointers to the nodes a screen reader has seen, so a node is never freed: each
widget's nodes are made once per position and reused (a new day's block 3 is node 3), and
a node whose widget is gone answers as invalid.
"""

from __future__ import annotations

from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QWidget


class Parts(Protocol):
    """A widget's painted parts (rectangles and points in the widget's coordinates)."""

    widget: QWidget

    def part_count(self) -> int: ...
    def part_name(self, index: int) -> str: ...
    def part_description(self, index: int) -> str: ...
    def part_rect(self, index: int) -> QRect: ...
    def part_focused(self, index: int) -> bool: ...
    def part_at(self, point: QPoint) -> int: ...
    def part_activate(self, index: int) -> None: ...
    def controls(self) -> tuple[list[QWidget], list[QWidget]]:
        """Child widgets shown over the parts (the timetable's room bands): listed before and
        after the parts, in reading order. Hidden ones are left out."""
        ...


def has_parts(obj: QObject) -> bool:
    """True for a widget that offers :class:`Parts` (an ``accessible_parts`` method)."""
    return isinstance(obj, QWidget) and callable(getattr(obj, "accessible_parts", None))


class _Press(QAccessibleActionInterface):
    """A node's action: "Press" opens the part."""

    def __init__(self, node: PartNode) -> None:
        super().__init__()
        self.node = node

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction()]

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []

    def doAction(self, name: str) -> None:
        parts, index = self.node._widget(), self.node.index
        if parts is not None and name == QAccessibleActionInterface.pressAction():
            QTimer.singleShot(0, lambda: parts.part_activate(index))  # not inside the bus call


class PartNode(QAccessibleInterface):
    """One painted part, as a list item of its widget."""

    def __init__(self, owner: PartsAccessible, index: int) -> None:
        super().__init__()
        self.owner, self.index = owner, index
        self.press = _Press(self)

    def interface_cast(self, kind: QAccessible.InterfaceType) -> int:
        if kind == QAccessible.InterfaceType.ActionInterface and self.isValid():
            return shiboken6.VoidPtr(self.press)  # type: ignore[return-value, arg-type]
        return shiboken6.VoidPtr(0)  # type: ignore[return-value]  # (a plain 0 crashes PySide)

    def _widget(self) -> Parts | None:
        return self.owner.parts() if shiboken6.isValid(self.owner) else None

    def isValid(self) -> bool:
        widget = self._widget()
        return widget is not None and self.index < widget.part_count()

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self.owner.window() if self._widget() is not None else None

    def relations(self, match: QAccessible.RelationFlag = QAccessible.RelationFlag.AllRelations,
                  ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        return []

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return self.owner if self._widget() is not None else None

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def text(self, kind: QAccessible.Text) -> str:
        widget = self._widget()
        if widget is None or not self.isValid():
            return ""
        if kind == QAccessible.Text.Name:
            return widget.part_name(self.index)
        if kind == QAccessible.Text.Description:
            return widget.part_description(self.index)
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        """Read only."""

    def rect(self) -> QRect:
        widget = self._widget()
        if widget is None or not self.isValid():
            return QRect()
        rect = widget.part_rect(self.index)
        return QRect(widget.widget.mapToGlobal(rect.topLeft()), rect.size())

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        widget = self._widget()
        if widget is None or not self.isValid():
            state.invalid = True
            return state
        state.focusable = True
        state.focused = widget.part_focused(self.index)
        state.offscreen = not widget.widget.rect().intersects(widget.part_rect(self.index))
        state.invisible = not widget.widget.isVisible()
        return state


class PartsAccessible(QAccessibleWidget):
    """A widget with :class:`Parts` as a list whose items are its parts."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.List)
        self.nodes: list[PartNode] = []

    def parts(self) -> Parts:
        """The widget's parts, asked afresh (holding them would hold the widget: a leak)."""
        return self.widget().accessible_parts()  # type: ignore[attr-defined]

    def _controls(self) -> tuple[list[QWidget], list[QWidget]]:
        before, after = self.parts().controls()
        return [w for w in before if not w.isHidden()], [w for w in after if not w.isHidden()]

    def childCount(self) -> int:
        before, after = self._controls()
        return len(before) + self.parts().part_count() + len(after)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        before, after = self._controls()
        count = self.parts().part_count()
        if 0 <= index < len(before):
            return QAccessible.queryAccessibleInterface(before[index])
        index -= len(before)
        if count <= index < count + len(after):
            return QAccessible.queryAccessibleInterface(after[index - count])
        if not 0 <= index < count:
            return None
        while len(self.nodes) <= index:
            self.nodes.append(PartNode(self, len(self.nodes)))
            _KEPT.append(self.nodes[-1])
        return self.nodes[index]

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        before, after = self._controls()
        count = self.parts().part_count()
        if isinstance(child, PartNode):
            return len(before) + child.index if child.owner is self and child.index < count else -1
        widget = child.object() if child is not None else None
        if widget in before:
            return before.index(widget)
        return len(before) + count + after.index(widget) if widget in after else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        parts = self.parts()
        point = parts.widget.mapFromGlobal(QPoint(x, y))
        before, after = self._controls()
        for widget in before + after:  # drawn over the parts
            if widget.isVisible() and widget.geometry().contains(point):
                return QAccessible.queryAccessibleInterface(widget)
        index = parts.part_at(point)
        return self.child(len(before) + index) if index >= 0 else None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        parts, offset = self.parts(), len(self._controls()[0])
        return next((self.child(offset + i) for i in range(parts.part_count())
                     if parts.part_focused(i)), None)


# Every node made, kept for the process: Qt's cache may hold any node a reader has seen
# (a few hundred small objects per timetable or plan a screen reader walked).
_KEPT: list[PartNode] = []


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    return PartsAccessible(obj) if has_parts(obj) else None  # type: ignore[arg-type]


_installed = False


def install() -> None:
    """Register the parts' accessibility factory (once per process; widgets with parts call
    it when made, before any screen reader can ask for them)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def part_focused(widget: QWidget, index: int) -> None:
    """Tell screen readers the keys moved to part ``index`` of ``widget``."""
    if QAccessible.isActive():
        event = QAccessibleEvent(widget, QAccessible.Event.Focus)
        before = widget.accessible_parts().controls()[0]  # type: ignore[attr-defined]
        event.setChild(sum(not w.isHidden() for w in before) + index)  # the node's place
        QAccessible.updateAccessibility(event)


def parts_changed(widget: QWidget) -> None:
    """Tell screen readers the parts are new (another day, another plan)."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.ObjectReorder))
