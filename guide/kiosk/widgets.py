"""The kiosk's own widgets: attract screen, "are you still there?" countdown, on-screen
keyboard and staff PIN pad.

They only show things and report presses; :mod:`guide.kiosk.controller` decides what
happens. All are children of the main window laid over it (no extra top-level
windows, so a full-screen, stay-on-top window cannot hide them), and none takes
focus away from the search box: every key is ``Qt.FocusPolicy.NoFocus``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEasingCurve,
    QEvent,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QTranslator,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from guide import paths
from guide.content import queries
from guide.kiosk.slides import ForumLine, Slide
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.delegates import paint_placeholder
from guide.ui.i18n import QM_FILES
from guide.ui.images import ImageCache

PALETTE = theme.STANDARD
ATTRACT_CONTEXT = "KioskAttract"
# The attract screen shows every string in both languages at once (it speaks to
# whoever walks by); these are looked up in the Chinese translation directly.
TOUCH_TO_START = str(QT_TRANSLATE_NOOP("KioskAttract", "Touch the screen to start"))
PHOTOS = str(QT_TRANSLATE_NOOP("KioskAttract", "Photos from the forum"))
TODAY = str(QT_TRANSLATE_NOOP("KioskAttract", "Today"))
NEXT = str(QT_TRANSLATE_NOOP("KioskAttract", "Coming up"))
SCHEDULE = str(QT_TRANSLATE_NOOP("KioskAttract", "Forums"))
KEY_FIGURES = str(QT_TRANSLATE_NOOP("KioskAttract", "Key figures"))
FADE_MS = 700

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


def _wrap(painter: QPainter, rect: QRect, text: str, font: QFont, color: QColor,
          flags: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) -> int:
    """Draw wrapped text in ``rect``; returns the height used."""
    painter.setFont(font)
    painter.setPen(color)
    bound = painter.boundingRect(rect, int(flags | Qt.TextFlag.TextWordWrap), text)
    painter.drawText(rect, int(flags | Qt.TextFlag.TextWordWrap), text)
    return min(bound.height(), rect.height())


class AttractScreen(Overlay):
    """Cycles through highlights of the forum while nobody uses the kiosk."""

    slide_changed = Signal(int)

    def __init__(self, parent: QWidget, ctx: AppContext, images: ImageCache, *,
                 seconds: float = 8.0, reduced_motion: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("kioskAttract")
        self.setAccessibleName("Touch the screen to start · 触摸屏幕开始")
        self.ctx = ctx
        self.images = images
        self.reduced_motion = reduced_motion
        self.slides: list[Slide] = []
        self.index = 0
        self.previous: int | None = None
        self.fade = 1.0
        info = queries.content_info(ctx.content)
        self.title, self.title_en = info.title, info.title_en
        self.timer = QTimer(self)
        # Reduced motion: no cross-fade, and the highlights change half as often.
        self.timer.setInterval(int(seconds * 1000 * (2 if reduced_motion else 1)))
        self.timer.timeout.connect(self.next_slide)
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setDuration(FADE_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self.animation.valueChanged.connect(self._faded)
        images.image_ready.connect(lambda _key: self.update() if self.isVisible() else None)

    def start(self, slides: list[Slide]) -> None:
        """Show from the first highlight and cycle."""
        self.slides = slides
        self.index = 0
        self.previous = None
        self.fade = 1.0
        self.present()
        self.timer.start()
        self.update()

    def stop(self) -> None:
        """Hide and stop cycling (a visitor touched the screen)."""
        self.timer.stop()
        self.animation.stop()
        self.hide()

    def next_slide(self) -> None:
        if not self.slides:
            return
        self.previous = self.index
        self.index = (self.index + 1) % len(self.slides)
        if self.reduced_motion:
            self.previous, self.fade = None, 1.0
            self.update()
        else:
            self.fade = 0.0
            self.animation.start()
        self.slide_changed.emit(self.index)

    def show_slide(self, index: int) -> None:
        """Jump to a highlight (screenshots)."""
        self.animation.stop()
        self.index = index % max(1, len(self.slides))
        self.previous, self.fade = None, 1.0
        self.update()

    def _faded(self, value: object) -> None:
        self.fade = float(value)  # type: ignore[arg-type]
        if self.fade >= 1.0:
            self.previous = None
        self.update()

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w, h = self.width(), self.height()
        gradient = QLinearGradient(0, 0, w, h)
        gradient.setColorAt(0, QColor("#0a2d63"))
        gradient.setColorAt(1, QColor("#0a5c63"))
        painter.fillRect(self.rect(), gradient)
        unit = min(h / 1080, w / 1500)
        margin = int(56 * unit)
        header = QRect(margin, int(28 * unit), w - 2 * margin, int(110 * unit))
        _wrap(painter, header, self.title, pixel_font(44 * unit, bold=True), QColor("#ffffff"))
        _wrap(painter, header.adjusted(0, int(60 * unit), 0, 0), self.title_en,
              pixel_font(26 * unit), QColor("#b9d3f5"))
        band_height = int(170 * unit)
        body = QRect(margin, header.bottom() + int(24 * unit), w - 2 * margin,
                     h - header.bottom() - band_height - int(48 * unit))
        if self.slides:
            if self.previous is not None and self.fade < 1.0:
                painter.setOpacity(1.0 - self.fade)
                self._paint_slide(painter, self.slides[self.previous], body, unit)
            painter.setOpacity(self.fade if self.previous is not None else 1.0)
            self._paint_slide(painter, self.slides[self.index], body, unit)
            painter.setOpacity(1.0)
        self._paint_band(painter, QRect(0, h - band_height, w, band_height), unit)
        painter.end()

    def _paint_band(self, painter: QPainter, rect: QRect, unit: float) -> None:
        painter.fillRect(rect, QColor(255, 255, 255, 235))
        painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), int(6 * unit)),
                         QColor(PALETTE.focus))
        text_rect = rect.adjusted(0, int(18 * unit), 0, -int(40 * unit))
        painter.setFont(pixel_font(60 * unit, bold=True))
        painter.setPen(QColor(PALETTE.primary))
        top = text_rect.adjusted(0, 0, 0, -text_rect.height() // 2 + int(10 * unit))
        painter.drawText(top, int(Qt.AlignmentFlag.AlignCenter),
                         chinese(ATTRACT_CONTEXT, TOUCH_TO_START))
        painter.setFont(pixel_font(34 * unit))
        painter.setPen(QColor(PALETTE.text))
        bottom = text_rect.adjusted(0, text_rect.height() // 2 + int(10 * unit), 0, 0)
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignCenter), TOUCH_TO_START)
        # Where we are in the cycle.
        n = len(self.slides)
        if n > 1:
            size, gap = int(12 * unit), int(14 * unit)
            x = rect.center().x() - (n * size + (n - 1) * gap) // 2
            y = rect.bottom() - int(28 * unit)
            painter.setPen(Qt.PenStyle.NoPen)
            for i in range(n):
                painter.setBrush(QColor(PALETTE.primary if i == self.index else PALETTE.border))
                painter.drawEllipse(QRect(x + i * (size + gap), y, size, size))

    def _heading(self, painter: QPainter, rect: QRect, zh: str, en: str, unit: float) -> int:
        painter.setFont(pixel_font(40 * unit, bold=True))
        painter.setPen(QColor("#ffd27f"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         f"{zh}  ·  {en}")
        return int(70 * unit)

    def _paint_slide(self, painter: QPainter, slide: Slide, rect: QRect, unit: float) -> None:
        if slide.kind == "photo" and slide.photo is not None:
            self._paint_photo(painter, slide, rect, unit)
        elif slide.kind == "schedule":
            self._paint_schedule(painter, slide, rect, unit)
        elif slide.kind == "figures":
            self._paint_figures(painter, slide, rect, unit)

    def _paint_photo(self, painter: QPainter, slide: Slide, rect: QRect, unit: float) -> None:
        photo = slide.photo
        assert photo is not None
        used = self._heading(painter, rect, chinese(ATTRACT_CONTEXT, PHOTOS), PHOTOS, unit)
        area = rect.adjusted(0, used, 0, 0)
        image_box = QSize(16, 10).scaled(QSize(int(area.width() * 0.6), area.height()),
                                         Qt.AspectRatioMode.KeepAspectRatio)
        image_rect = QRect(area.left(), area.top(), image_box.width(), image_box.height())
        pixmap = self.images.pixmap(photo.image, QSize(1600, 1000))
        if pixmap is not None:
            size = pixmap.size().scaled(image_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawPixmap(QRect(image_rect.topLeft(), size), pixmap)
        else:
            paint_placeholder(painter, image_rect, PALETTE, photo.caption)
        text = QRect(image_rect.right() + int(48 * unit), area.top(),
                     area.right() - image_rect.right() - int(48 * unit), area.height())
        y = text.top() + _wrap(painter, text, photo.caption, pixel_font(46 * unit, bold=True),
                               QColor("#ffffff"))
        y += int(20 * unit)
        y += _wrap(painter, QRect(text.left(), y, text.width(), text.bottom() - y), photo.caption_en,
                   pixel_font(32 * unit), QColor("#d6e6ff"))
        y += int(36 * unit)
        credit = photo.credit
        if photo.photographer_en:
            credit = f"{credit}\nPhoto: {photo.photographer_en}"
        _wrap(painter, QRect(text.left(), y, text.width(), text.bottom() - y), credit,
              pixel_font(28 * unit, bold=True), QColor("#7fe0d6"))

    def _paint_schedule(self, painter: QPainter, slide: Slide, rect: QRect, unit: float) -> None:
        rows = sum(len(section.forums) for section in slide.sections)
        heading_height = int(70 * unit)
        row_height = int(min(185 * unit, (rect.height() - heading_height * len(slide.sections))
                             / max(1, rows)))
        y = rect.top()
        for section in slide.sections:
            label = {"today": TODAY, "next": NEXT}.get(section.label, SCHEDULE)
            zh_date = tx.format_date(section.day, "zh", weekday=True)
            en_date = tx.format_date(section.day, "en", weekday=True)
            y += self._heading(painter, QRect(rect.left(), y, rect.width(), heading_height),
                               f"{chinese(ATTRACT_CONTEXT, label)}  {zh_date}", f"{label}  {en_date}", unit)
            for line in section.forums:
                self._paint_forum(painter, line, QRect(rect.left(), y, rect.width(),
                                                       row_height - int(16 * unit)), unit)
                y += row_height
            y += int(12 * unit)

    def _paint_forum(self, painter: QPainter, line: ForumLine, card: QRect, unit: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 28))
        painter.drawRoundedRect(QRectF(card), 18 * unit, 18 * unit)
        inner = card.adjusted(int(28 * unit), int(14 * unit), -int(28 * unit), -int(10 * unit))
        time_width = int(320 * unit)
        column = QRect(inner.left(), inner.top(), time_width - int(20 * unit), inner.height())
        used = _wrap(painter, column, line.when_zh, pixel_font(32 * unit, bold=True), QColor("#ffd27f"))
        if line.when_en != line.when_zh:
            _wrap(painter, column.adjusted(0, used + int(4 * unit), 0, 0), line.when_en,
                  pixel_font(24 * unit), QColor("#ffe7b8"))
        text = inner.adjusted(time_width, 0, 0, 0)
        used = _wrap(painter, text, line.title, pixel_font(38 * unit, bold=True), QColor("#ffffff"))
        used += _wrap(painter, text.adjusted(0, used + int(4 * unit), 0, 0), line.title_en,
                      pixel_font(26 * unit), QColor("#d6e6ff")) + int(8 * unit)
        detail = f"{tx.forum_kind(line.forum_kind, 'zh')} · {tx.forum_kind(line.forum_kind, 'en')}"
        if line.venue:
            detail += f"   {line.venue}"
        _wrap(painter, text.adjusted(0, used + int(4 * unit), 0, 0), detail, pixel_font(24 * unit),
              QColor("#7fe0d6"))

    def _paint_figures(self, painter: QPainter, slide: Slide, rect: QRect, unit: float) -> None:
        used = self._heading(painter, rect, chinese(ATTRACT_CONTEXT, KEY_FIGURES), KEY_FIGURES, unit)
        area = rect.adjusted(0, used + int(10 * unit), 0, 0)
        n = max(1, len(slide.figures))
        gap = int(32 * unit)
        width = (area.width() - gap * (n - 1)) // n
        for i, figure in enumerate(slide.figures):
            card = QRect(area.left() + i * (width + gap), area.top(), width,
                         min(area.height(), int(480 * unit)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 28))
            painter.drawRoundedRect(QRectF(card), 22 * unit, 22 * unit)
            inner = card.adjusted(int(32 * unit), int(30 * unit), -int(32 * unit), -int(24 * unit))
            y = inner.top()
            y += _wrap(painter, QRect(inner.left(), y, inner.width(), inner.height()),
                       tx.figure_value(figure, "zh"), pixel_font(72 * unit, bold=True),
                       QColor("#ffd27f")) + int(4 * unit)
            if tx.figure_value(figure, "en") != tx.figure_value(figure, "zh"):
                y += _wrap(painter, QRect(inner.left(), y, inner.width(), inner.bottom() - y),
                           tx.figure_value(figure, "en"), pixel_font(30 * unit, bold=True),
                           QColor("#ffe7b8"))
            y += int(24 * unit)
            y += _wrap(painter, QRect(inner.left(), y, inner.width(), inner.bottom() - y),
                       figure.label, pixel_font(34 * unit, bold=True), QColor("#ffffff")) + int(10 * unit)
            y += _wrap(painter, QRect(inner.left(), y, inner.width(), inner.bottom() - y),
                       figure.label_en, pixel_font(26 * unit), QColor("#d6e6ff")) + int(28 * unit)
            if figure.quote:  # the sentence of the newspaper the figure comes from
                used = _wrap(painter, QRect(inner.left() + int(20 * unit), y,
                                            inner.width() - int(20 * unit), inner.bottom() - y),
                             f"“{figure.quote.strip('“”')}”", pixel_font(24 * unit), QColor("#cfe3f7"))
                painter.fillRect(QRect(inner.left(), y, int(6 * unit), used), QColor("#7fe0d6"))


def _card(parent: QWidget, name: str) -> QFrame:
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


class CountdownOverlay(DimOverlay):
    """ "Are you still there?" with the seconds left; any touch keeps the visit."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskCountdown")
        self.setStyleSheet(CARD_STYLE)
        self.card = _card(self, "kioskCard")
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


def key_button(text: str, name: str, on_press: Callable[[], None], *, repeat: bool = False) -> QPushButton:
    """A big key that never takes the focus (the search box keeps it)."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    if repeat:
        button.setAutoRepeat(True)
        button.setAutoRepeatDelay(450)
        button.setAutoRepeatInterval(90)
    button.clicked.connect(lambda _checked=False: on_press())
    return button


KEY_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


class OnScreenKeyboard(QWidget):
    """Latin letters, digits, space, backspace, clear and done, typed into a line edit.

    Keys are sent to the target as ordinary key events, exactly as a hardware keyboard's,
    so the search box, its shortcuts and its undo behave the same. Pinyin and English
    search find Chinese content without a Chinese input method.
    """

    done_pressed = Signal()

    def __init__(self, parent: QWidget, target: QLineEdit) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.host = parent
        self.target = target
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation, True)
        self.setStyleSheet(CARD_STYLE + f"""
            QWidget#onScreenKeyboard {{ background: {PALETTE.surface};
                border-top: 4px solid {PALETTE.primary}; }}""")
        grid = QVBoxLayout(self)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for row_keys in KEY_ROWS:
            row = QHBoxLayout()
            row.setSpacing(10)
            row.addStretch(1 if len(row_keys) < 10 else 0)
            for ch in row_keys:
                button = key_button(ch, f"key_{ch}", lambda c=ch: self.type_text(c))  # type: ignore[misc]
                self.keys[ch] = button
                row.addWidget(button, 2)
            if row_keys == KEY_ROWS[-1]:
                self.backspace = key_button("⌫", "keyBackspace", self.backspace_pressed, repeat=True)
                row.addWidget(self.backspace, 3)
            row.addStretch(1 if len(row_keys) < 10 else 0)
            grid.addLayout(row)
        bottom = QHBoxLayout()
        bottom.setSpacing(10)
        self.clear_key = key_button("", "keyClear", self.clear_pressed)
        self.space = key_button("", "keySpace", lambda: self.type_text(" "))
        self.done = key_button("", "keyDone", self.done_pressed.emit)
        bottom.addWidget(self.clear_key, 3)
        bottom.addWidget(self.space, 10)
        bottom.addWidget(self.done, 3)
        grid.addLayout(bottom)
        parent.installEventFilter(self)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Re-set the key labels in the current language."""
        self.setAccessibleName(self.tr("On-screen keyboard"))
        self.clear_key.setText(self.tr("Clear"))
        self.space.setText(self.tr("Space"))
        self.done.setText(self.tr("Done"))
        self.backspace.setAccessibleName(self.tr("Backspace"))

    def _send(self, key: Qt.Key, text: str = "") -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(self.target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    def type_text(self, text: str) -> None:
        """Type ``text`` (letters, digits, spaces) into the target as key presses."""
        for ch in text:
            if ch == " ":
                key = Qt.Key.Key_Space
            elif ch.isdigit():
                key = Qt.Key(Qt.Key.Key_0.value + int(ch))
            else:
                key = Qt.Key(Qt.Key.Key_A.value + ord(ch.lower()) - ord("a"))
            self._send(key, ch)

    def backspace_pressed(self) -> None:
        self._send(Qt.Key.Key_Backspace)

    def clear_pressed(self) -> None:
        """Empty the box (select all, then delete, as a keyboard user would)."""
        self.target.selectAll()
        self._send(Qt.Key.Key_Backspace)

    def place(self) -> None:
        """Dock to the bottom of the window, full width, keys sized for fingers."""
        parent = self.host
        unit = min(parent.height() / 1080, parent.width() / 1500)
        height = max(5 * 64 + 4 * 10 + 36, int(430 * unit))
        width = min(parent.width(), max(720, int(1500 * unit)))
        self.setGeometry((parent.width() - width) // 2, parent.height() - height, width, height)
        font = pixel_font(max(22, 34 * unit), bold=True)
        for button in self.findChildren(QPushButton):
            button.setFont(font)
            button.setMinimumSize(48, 48)

    def present(self) -> None:
        """Show over the bottom of the window."""
        self.place()
        self.show()
        self.raise_()

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False


class PinPad(DimOverlay):
    """The staff PIN pad: digits, backspace, OK and cancel; masked entry."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPinPad")
        self.setStyleSheet(CARD_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a staff keyboard can type the PIN too
        self.entry = ""
        self.max_digits = 12
        self.card = _card(self, "kioskCard")
        column = QVBoxLayout(self.card)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(14)
        self.heading = QLabel()
        self.heading.setObjectName("kioskHeading")
        self.hint = QLabel()
        self.dots = QLabel()
        self.dots.setObjectName("pinDots")
        self.message = QLabel()
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

    def resizeEvent(self, event: object) -> None:
        unit = min(self.height() / 1080, self.width() / 1500)
        self.heading.setFont(pixel_font(48 * unit, bold=True))
        self.hint.setFont(pixel_font(28 * unit))
        self.dots.setFont(pixel_font(52 * unit, bold=True))
        self.message.setFont(pixel_font(28 * unit, bold=True))
        key_font = pixel_font(max(22, 40 * unit), bold=True)
        side = max(64, int(104 * unit))
        for button in self.card.findChildren(QPushButton):
            button.setFont(key_font)
            button.setMinimumHeight(side)
        width = int(min(self.width() - 40, max(420, 620 * unit)))
        self.card.setFixedWidth(width)
        self.card.adjustSize()
        self.card.move((self.width() - width) // 2, (self.height() - self.card.height()) // 2)
