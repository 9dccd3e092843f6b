"""\"Are you still there?\": the countdown before the guide starts over."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from guide.kiosk.widgets.base import CardOverlay, pixel_font


class CountdownOverlay(CardOverlay):
    """ "Are you still there?" with the seconds left; any touch keeps the visit."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "kioskCountdown")
        column = QVBoxLayout(self.card)
        column.setContentsMargins(64, 48, 64, 48)
        column.setSpacing(18)
        self.heading = QLabel()
        self.heading.setObjectName("kioskHeading")
        self.number = QLabel()
        self.number.setObjectName("kioskBigNumber")
        self.hint = QLabel()
        self.note = QLabel()
        for label in (self.heading, self.number, self.hint, self.note):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            column.addWidget(label)
        self.seconds = 0
        self.retranslate()

    def set_seconds(self, seconds: int) -> None:
        """Show how many seconds are left before the guide starts over."""
        self.seconds = seconds
        self.number.setText(str(seconds))
        self.number.setAccessibleName(self.tr("%1 seconds left").replace("%1", str(seconds)))

    def retranslate(self) -> None:
        """Re-set the texts in the current language."""
        self.heading.setText(self.tr("Are you still there?"))
        self.hint.setText(self.tr("Touch anywhere to continue."))
        self.note.setText(self.tr("Otherwise the guide starts over for the next visitor "
                                  "and forgets your search and bookmarks."))
        self.set_seconds(self.seconds)

    def letter(self, unit: float) -> int:
        self.heading.setFont(self.bold_font(56, unit))
        self.number.setFont(pixel_font(150 * unit, bold=True))
        self.hint.setFont(self.bold_font(38, unit))
        self.note.setFont(pixel_font(28 * unit))
        return int(min(self.width() - 80, 1000 * unit))
