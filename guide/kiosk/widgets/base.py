"""What the kiosk's overlays share: covering the window, dimming it, fonts by pixel, cards in the
theme's colours."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QRect,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QWidget,
)

from guide import paths
from guide.kiosk.lettering import scales_to_try, screen_unit
from guide.ui import theme
from guide.ui.i18n import QM_FILES

PALETTE = theme.STANDARD  # the attract screen's (shown between visitors, in the kiosk's own theme)

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
    """``font`` as ``text`` is drawn in it: bold Chinese at DemiBold from the size where Qt's
    synthetic bold closes dense characters (theme.bold_as_drawn); in the Latin face first for
    English text with curly quotes: the bundled CJK face draws “ ” ‘ ’ full width, which left
    a gap before every quoted English line on the idle screen. Other English keeps the CJK
    face's own Latin letters, so a screen does not mix two faces line by line; text with
    Chinese keeps its wide punctuation."""
    font = theme.bold_as_drawn(font, text)  # bold Chinese without Qt's synthetic bold
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


def card_style(p: theme.Palette) -> str:
    """The overlays' cards and keys in ``p``'s colours (a visitor's high contrast too).

    The named labels' rules name the card too: the card's rule for every label is the more
    specific otherwise, and wins."""
    return f"""
QFrame#kioskCard {{ background: {p.surface}; border-radius: 28px; border: 3px solid {p.focus}; }}
QFrame#kioskCard QLabel {{ background: transparent; color: {p.text}; }}
QFrame#kioskCard QLabel#kioskHeading {{ color: {p.primary}; }}
QFrame#kioskCard QLabel#kioskBigNumber {{ color: {p.focus}; }}
QFrame#kioskCard QLabel#pinMessage[error="true"] {{ color: {p.warning}; }}
QPushButton {{ background: {p.selection}; color: {p.text}; border: 2px solid {p.border};
    border-radius: 16px; padding: 4px; }}
QPushButton:pressed {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton:disabled {{ color: {p.disabled}; background: {p.window}; }}
QPushButton#keyDone, QPushButton#pinOk {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton:checked {{ background: {p.primary}; color: {p.on_primary}; }}
QPushButton#keyClear, QPushButton#pinCancel {{ background: {p.surface}; }}
"""


KEY_CHROME = 12  # pixels a key's padding and border add to its lettering's height
# Above this Qt draws text as outlines, without the bold it synthesises for the bundled face.
BOLD_MAX_PX = 64


def fitting_font(px: float, room: int, *, bold: bool = False) -> QFont:
    """:func:`pixel_font` at ``px``, or smaller until a line of it fits ``room`` pixels."""
    font = pixel_font(px, bold=bold)
    while font.pixelSize() > 8 and QFontMetrics(font).height() > room:
        font.setPixelSize(font.pixelSize() - 1)
    return font


class CardOverlay(DimOverlay):
    """A dimmed overlay with a card in the middle, in the theme's colours, lettered for the
    screen and the visitor's text size: as large as that asks while the card fits the screen."""

    MARGIN = 20  # pixels kept clear above and below the card

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.scale = 1.0
        self.screen_share = 1.0  # the screen's share of 1920x1080 (see screen_unit)
        self.card = card_frame(self, "kioskCard")
        self.setStyleSheet(card_style(theme.STANDARD))

    def dress(self, palette: theme.Palette, scale: float) -> None:
        """Colours from ``palette``; lettering ``scale`` times the designed size (as fits)."""
        self.setStyleSheet(card_style(palette))
        self.scale = scale
        if self.isVisible():
            self.fit()

    def bold_font(self, px: float, unit: float) -> QFont:
        """Bold at ``px`` x ``unit``, grown by the text size to :data:`BOLD_MAX_PX` at most (it
        would lose its bold); as designed for the screen if that is larger already."""
        font = pixel_font(min(px * unit, max(px * self.screen_share, BOLD_MAX_PX)), bold=True)
        # A card's labels are in the visitor's language: bold Chinese as the app's own is.
        font.setWeight(theme.bold_weight(font.pixelSize() * 72 / 96))
        return font

    def letter(self, unit: float) -> int:
        """Set the card's fonts for ``unit`` (the screen's share times the text size) and
        return the card's width."""
        raise NotImplementedError

    def fit(self) -> None:
        """Letter the card as large as the text size asks and the window allows, centred."""
        self.screen_share = screen_unit(self.width(), self.height())
        layout = self.card.layout()
        if layout is None:  # the subclass has not built the card yet
            return
        for scale in scales_to_try(self.scale):
            width = min(self.letter(self.screen_share * scale), self.width() - 2 * self.MARGIN)
            self.card.setFixedWidth(width)
            # Measured at this width, the wrapped lines as they will be (a size hint guesses).
            layout.invalidate()
            height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                      else layout.totalSizeHint().height())
            if height <= self.height() - 2 * self.MARGIN:
                break
        self.card.resize(width, height)
        self.card.move((self.width() - width) // 2, max(0, (self.height() - height) // 2))

    # Fitted only while shown: before, its children count as hidden, and a card measured
    # then was hundreds of pixels short of its keys.
    def resizeEvent(self, event: QResizeEvent) -> None:
        if self.isVisible():
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        self.fit()
        super().showEvent(event)
