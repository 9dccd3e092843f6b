"""Choosing a day: a strip of day buttons, and a one-line chooser for short windows.

The strip is the page's source of truth (its index is the chosen day); the chooser only
follows it and sets it, so the page reads and listens to one widget whichever is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QComboBox, QPushButton, QWidget

from guide.ui.flow import FlowLayout


class DayStrip(QWidget):
    """One button per day that wraps onto a second line (tabs would be cut at 200% text).

    It keeps the small part of QTabBar's interface the page uses, and a tab bar's keys: Tab
    stops once, on the chosen day; the arrows, Home and End choose another day.
    """

    currentChanged = Signal(int)  # noqa: N815 - QTabBar's name, kept for the page and tests

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing=6, balanced=True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, index: int, checked: bool) -> None:
        if checked:
            for i, button in enumerate(self.buttons):
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if i == index
                                      else Qt.FocusPolicy.ClickFocus)
        if checked and not self.signalsBlocked():
            self.currentChanged.emit(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Left/Right (Up/Down), Home and End on a day button choose a day, as on a tab bar."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and watched in self.buttons and not event.modifiers():
            here = self.buttons.index(watched)
            there = {Qt.Key.Key_Left: here - 1, Qt.Key.Key_Up: here - 1,
                     Qt.Key.Key_Right: here + 1, Qt.Key.Key_Down: here + 1,
                     Qt.Key.Key_Home: 0, Qt.Key.Key_End: len(self.buttons) - 1}.get(Qt.Key(event.key()))
            if there is not None:
                there = max(0, min(there, len(self.buttons) - 1))
                self.setCurrentIndex(there)
                self.buttons[there].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def count(self) -> int:
        return len(self.buttons)

    def addTab(self, text: str) -> int:
        button = QPushButton(text)
        button.setObjectName("dayButton")
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab stops on the chosen day only
        button.installEventFilter(self)
        self.group.addButton(button, len(self.buttons))
        self.flow.addWidget(button)
        self.buttons.append(button)
        return len(self.buttons) - 1

    def removeTab(self, index: int) -> None:
        button = self.buttons.pop(index)
        self.group.removeButton(button)
        self.flow.removeWidget(button)
        button.setParent(None)
        for i, b in enumerate(self.buttons):
            self.group.setId(b, i)

    def tabText(self, index: int) -> str:
        return self.buttons[index].text()

    def setTabText(self, index: int, text: str) -> None:
        self.buttons[index].setText(text)

    def setTabToolTip(self, index: int, text: str) -> None:
        self.buttons[index].setToolTip(text)
        self.buttons[index].setAccessibleName(text)  # the full date, with its weekday

    def currentIndex(self) -> int:
        return self.group.checkedId()

    def setCurrentIndex(self, index: int) -> None:
        if 0 <= index < len(self.buttons) and not self.buttons[index].isChecked():
            self.buttons[index].setChecked(True)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.flow.heightForWidth(width)


class DayChooser(QComboBox):
    """The days of a :class:`DayStrip` in one drop-down (a short window's header has one line)."""

    def __init__(self, strip: DayStrip, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strip = strip
        self.setObjectName("dayChooser")
        strip.currentChanged.connect(self._follow)
        self.currentIndexChanged.connect(self._chosen)

    def sync(self) -> None:
        """Take the strip's days (their short texts, full dates for tooltips) and its choice."""
        self.blockSignals(True)
        self.clear()
        for i, button in enumerate(self.strip.buttons):
            self.addItem(button.text())
            full = button.toolTip() or button.text()
            self.setItemData(i, full, Qt.ItemDataRole.ToolTipRole)
            self.setItemData(i, full, Qt.ItemDataRole.AccessibleTextRole)
        self.setCurrentIndex(self.strip.currentIndex())
        self.blockSignals(False)

    def _follow(self, index: int) -> None:
        if index != self.currentIndex():
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)

    def _chosen(self, index: int) -> None:
        self.strip.setCurrentIndex(index)
