"""The visitor's bookmarks as QR codes a phone camera reads, shown large, one or several."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from guide.user.qr import QrNotice, QrSet, png_bytes


class QrDialog(QDialog):
    """The visitor's list as QR codes, large; several when one would be unreadable."""

    def notice_text(self, codes: QrSet) -> str:
        """What to tell the visitor about these codes, in the interface language ("" if nothing)."""
        notice = codes.notice
        if notice is QrNotice.EMPTY:
            return self.tr("Nothing bookmarked yet.")
        if notice in (QrNotice.SPLIT, QrNotice.SPLIT_SHORTENED):
            text = self.tr("Your list is too long for one code: scan all %1 codes in turn.")
            text = text.replace("%1", str(len(codes.parts)))
            return text + (self.tr(" Some long titles are shortened.") if notice is QrNotice.SPLIT_SHORTENED
                           else "")
        if notice is QrNotice.SHORTENED:
            return self.tr("Some long titles are shortened to fit the code.")
        return ""

    def __init__(self, codes: QrSet, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrDialog")
        self.codes = codes
        self.lang = lang
        self.index = 0
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr("Scan with your phone's camera to take your list with you."))
        self.intro.setWordWrap(True)
        self.notice = QLabel(self.notice_text(codes))
        self.notice.setObjectName("emptyNote")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(self.notice.text()))
        self.image = QLabel()
        self.image.setObjectName("qrImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("Previous code"))
        self.next_button = QPushButton(self.tr("Next code"))
        close = QPushButton(self.tr("Close"))
        self.prev_button.clicked.connect(self.previous_part)
        self.next_button.clicked.connect(self.next_part)
        close.clicked.connect(self.accept)
        for b in (self.prev_button, self.next_button, close):
            buttons.addWidget(b)
        for w in (self.intro, self.notice, self.image, self.counter):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.setWindowTitle(self.tr("Take your bookmarks with you"))
        self.show_part(0)

    def previous_part(self) -> None:
        self.show_part(self.index - 1)

    def next_part(self) -> None:
        self.show_part(self.index + 1)

    def show_part(self, i: int) -> None:
        parts = self.codes.parts
        if not parts:  # nothing bookmarked: the notice says so, there is no code to show
            self.prev_button.setVisible(False)
            self.next_button.setVisible(False)
            return
        self.index = max(0, min(i, len(parts) - 1))
        pixmap = QPixmap()
        pixmap.loadFromData(png_bytes(parts[self.index], scale=8))
        self.image.setPixmap(pixmap)
        self.image.setAccessibleName(self.tr("QR code %1 of %2").replace(
            "%1", str(self.index + 1)).replace("%2", str(len(parts))))
        self.counter.setText(self.image.accessibleName() if len(parts) > 1 else "")
        self.prev_button.setVisible(len(parts) > 1)
        self.next_button.setVisible(len(parts) > 1)
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(parts) - 1)
