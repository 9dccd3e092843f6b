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

from guide.kiosk.widgets.base import CARD_STYLE, DimOverlay, card_frame, pixel_font


class CountdownOverlay(DimOverlay):
    """ "Are you still there?" with the seconds left; any touch keeps the visit."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCountdown")
        self.setStyleSheet(CARD_STYLE)
        self.card = card_frame(self, "kioskCard")
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

    def resizeEvent(self, event: object) -> None:
        unit = min(self.height() / 1080, self.width() / 1500)
        self.heading.setFont(pixel_font(56 * unit, bold=True))
        self.number.setFont(pixel_font(150 * unit, bold=True))
        self.hint.setFont(pixel_font(38 * unit, bold=True))
        self.note.setFont(pixel_font(28 * unit))
        width = int(min(self.width() - 80, 1000 * unit))
        self.card.setFixedWidth(width)
        self.card.adjustSize()
        self.card.move((self.width() - width) // 2, (self.height() - self.card.height()) // 2)
