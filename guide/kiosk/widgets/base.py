"""What the kiosk's overlays share: covering the window, dimming it, fonts by pixel, card style."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QRect,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QWidget,
)

from guide import paths
from guide.ui import theme
from guide.ui.i18n import QM_FILES

PALETTE = theme.STANDARD

_zh_translator: QTranslator | None = None


def chinese(context: str, text: str) -> str:
    """``text`` in Chinese whatever the interface language (the attract screen shows both)."""
    global _zh_translator
    if _zh_translator is None:
        translator = QTranslator()
        translator.load(str(paths.resources_dir() / "translations" / QM_FILES["zh"]))
        _zh_translator = translator
    return _zh_translator.translate(context, text) or text


def pixel_font(px: float, *, bold: bool = False) -> QFont:
    """The app's font family at a size in pixels (the kiosk lays out by screen height)."""
    font = QFont(QApplication.font())
    font.setPixelSize(max(8, round(px)))
    font.setBold(bold)
    return font


class Overlay(QWidget):
    """A child that covers its parent window completely and follows its size."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = parent
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation, True)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.host.rect())
        return False

    def present(self) -> None:
        """Show on top of everything else in the window."""
        self.setGeometry(self.host.rect())
        self.show()
        self.raise_()


def wrap_text(painter: QPainter, rect: QRect, text: str, font: QFont, color: QColor,
          flags: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) -> int:
    """Draw wrapped text in ``rect``; returns the height used."""
    painter.setFont(latin_where_latin(text, font))
    painter.setPen(color)
    bound = painter.boundingRect(rect, int(flags | Qt.TextFlag.TextWordWrap), text)
    painter.drawText(rect, int(flags | Qt.TextFlag.TextWordWrap), text)
    return min(bound.height(), rect.height())


def text_height(rect: QRect, text: str, font: QFont,
                flags: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) -> int:
    """The height :func:`wrap_text` would use for ``text`` in ``rect``, without drawing."""
    bound = QFontMetrics(latin_where_latin(text, font)).boundingRect(
        rect, int(flags | Qt.TextFlag.TextWordWrap), text)
    return min(bound.height(), rect.height())


def latin_where_latin(text: str, font: QFont) -> QFont:
    """``font`` in the Latin face first for English text with curly quotes: the bundled CJK
    face draws “ ” ‘ ’ full width, which left a gap before every quoted English line on the
    idle screen. Other English keeps the CJK face's own Latin letters, so a screen does not
    mix two faces line by line; text with Chinese keeps its wide punctuation."""
    families = theme.content_families("en")
    if (len(families) < 2 or not any(c in "“”‘’" for c in text)
            or any(ord(c) >= 0x2E80 for c in text)):  # CJK and fullwidth blocks
        return font
    latin = QFont(font)
    latin.setFamilies(families)
    return latin


def card_frame(parent: QWidget, name: str) -> QFrame:
    card = QFrame(parent)
    card.setObjectName(name)
    card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    return card


class DimOverlay(Overlay):
    """An overlay that dims the window under a centred card."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(8, 18, 40, 185))
        painter.end()


CARD_STYLE = f"""
QFrame#kioskCard {{ background: {PALETTE.surface}; border-radius: 28px; border: 3px solid {PALETTE.focus}; }}
QFrame#kioskCard QLabel {{ background: transparent; color: {PALETTE.text}; }}
QLabel#kioskHeading {{ color: {PALETTE.primary}; }}
QLabel#kioskBigNumber {{ color: {PALETTE.focus}; }}
QLabel#pinMessage[error="true"] {{ color: {PALETTE.warning}; }}
QPushButton {{ background: {PALETTE.selection}; color: {PALETTE.text}; border: 2px solid {PALETTE.border};
    border-radius: 16px; padding: 4px; }}
QPushButton:pressed {{ background: {PALETTE.primary}; color: {PALETTE.on_primary}; }}
QPushButton:disabled {{ color: {PALETTE.muted}; background: {PALETTE.window}; }}
QPushButton#keyDone, QPushButton#pinOk {{ background: {PALETTE.primary}; color: {PALETTE.on_primary}; }}
QPushButton#keyClear, QPushButton#pinCancel {{ background: {PALETTE.surface}; }}
"""
