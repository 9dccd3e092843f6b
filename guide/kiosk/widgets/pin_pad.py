"""The staff PIN pad."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guide.kiosk.widgets.base import KEY_CHROME, CardOverlay, fitting_font, pixel_font
from guide.kiosk.widgets.keyboard import key_button


class PinPad(CardOverlay):
    """The staff PIN pad: digits, backspace, OK and cancel; masked entry."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "kioskPinPad")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a staff keyboard can type the PIN too
        self.entry = ""
        self.max_digits = 12
        column = QVBoxLayout(self.card)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(14)
        self.heading = QLabel()
        self.heading.setObjectName("kioskHeading")
        self.hint = QLabel()
        self.dots = QLabel()
        self.dots.setObjectName("pinDots")
        # A text from the start: a label never given one keeps the size of its first font.
        self.message = QLabel(" ")
        self.message.setObjectName("pinMessage")
        for label in (self.heading, self.hint, self.dots, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            column.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.digit_keys: dict[str, QPushButton] = {}
        for i, digit in enumerate("123456789"):
            button = key_button(digit, f"pin_{digit}", lambda d=digit: self.add_digit(d))  # type: ignore[misc]
            self.digit_keys[digit] = button
            grid.addWidget(button, i // 3, i % 3)
        self.backspace = key_button("⌫", "pinBackspace", self.remove_digit)
        zero = key_button("0", "pin_0", lambda: self.add_digit("0"))
        self.digit_keys["0"] = zero
        self.ok = key_button("", "pinOk", self.submit)
        grid.addWidget(self.backspace, 3, 0)
        grid.addWidget(zero, 3, 1)
        grid.addWidget(self.ok, 3, 2)
        column.addLayout(grid)
        self.cancel = key_button("", "pinCancel", self.cancel_pressed)
        column.addWidget(self.cancel)
        self.locked_until_text = ""
        self.retranslate()

    def retranslate(self) -> None:
        """Re-set the texts in the current language."""
        self.heading.setText(self.tr("Staff exit"))
        self.hint.setText(self.tr("Enter the staff PIN to leave kiosk mode."))
        self.ok.setText(self.tr("OK"))
        self.cancel.setText(self.tr("Cancel"))
        self.backspace.setAccessibleName(self.tr("Delete last digit"))
        self._show_entry()

    def open(self) -> None:
        """Show empty, ready for a PIN."""
        self.entry = ""
        self.show_message("")
        self.present()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_pad(self) -> None:
        """Hide and forget what was typed."""
        self.entry = ""
        self._show_entry()
        self.show_message("")
        self.hide()

    def _show_entry(self) -> None:
        self.dots.setText("●" * len(self.entry) if self.entry else "○ ○ ○ ○")
        self.dots.setAccessibleName(self.tr("%1 digits entered").replace("%1", str(len(self.entry))))

    def add_digit(self, digit: str) -> None:
        if len(self.entry) < self.max_digits:
            self.entry += digit
            self._show_entry()

    def remove_digit(self) -> None:
        self.entry = self.entry[:-1]
        self._show_entry()

    def submit(self) -> None:
        if self.entry:
            pin, self.entry = self.entry, ""
            self._show_entry()
            self.submitted.emit(pin)

    def cancel_pressed(self) -> None:
        self.close_pad()
        self.cancelled.emit()

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A line under the dots: why the PIN was refused, or how long to wait."""
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def show_not_set(self) -> None:
        """Say that no PIN is set (kiosk mode refuses to start without one, so rarely seen)."""
        self.show_message(self.tr("No staff PIN is set."), error=True)

    def set_waiting(self, seconds: int) -> None:
        """Refuse entry for ``seconds`` (0: accept again) and say so."""
        waiting = seconds > 0
        self.ok.setEnabled(not waiting)
        for button in self.digit_keys.values():
            button.setEnabled(not waiting)
        if waiting:
            self.show_message(self.tr("Wrong PIN. Try again in %1 s.").replace("%1", str(seconds)),
                              error=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and text.isascii() and self.ok.isEnabled():
            self.add_digit(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.remove_digit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.ok.isEnabled():
            self.submit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel_pressed()
        event.accept()

    def letter(self, unit: float) -> int:
        self.heading.setFont(self.bold_font(48, unit))
        self.hint.setFont(pixel_font(28 * unit))
        self.dots.setFont(self.bold_font(52, unit))
        self.message.setFont(self.bold_font(28, unit))
        side = max(64, int(104 * unit))
        key_font = fitting_font(max(22, 40 * unit), side - KEY_CHROME, bold=True)
        for button in self.card.findChildren(QPushButton):
            button.setFont(key_font)
            button.setMinimumHeight(side)
        return int(min(self.width() - 40, max(420, 620 * unit)))
