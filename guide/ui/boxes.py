"""Message boxes whose buttons speak the UI's language, named by the guide's own
translation (short 是 and 否, where Qt's would say 是(&Y)); Qt's own translation
(guide.ui.i18n) covers the rest, such as "Show Details..."."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from guide.ui import text as tx

_NAMES = {
    QMessageBox.StandardButton.Yes: QT_TRANSLATE_NOOP("tx", "Yes"),
    QMessageBox.StandardButton.No: QT_TRANSLATE_NOOP("tx", "No"),
    QMessageBox.StandardButton.Ok: QT_TRANSLATE_NOOP("tx", "OK"),
    QMessageBox.StandardButton.Cancel: QT_TRANSLATE_NOOP("tx", "Cancel"),
}

SCREEN_SHARE = 0.85  # of the screen's height, at most, for a question with a listing


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok, *,
                name: str = "") -> QMessageBox:
    """A box over ``parent`` (not shown yet: ``open()`` it), its buttons named in the UI's
    language; again with :func:`name_buttons` after a language change."""
    box = QMessageBox(icon, title, text, buttons, parent)
    if name:
        box.setObjectName(name)
    name_buttons(box)
    return box


def name_buttons(box: QMessageBox) -> None:
    """Name ``box``'s standard buttons in the UI's language."""
    for standard, label in _NAMES.items():
        button = box.button(standard)
        if button is not None:
            button.setText(tx.tr(str(label)))


def widen(box: QMessageBox) -> None:
    """Let ``box``'s text run as wide as a question's listing (about 60 characters a line, at
    most 90% of the screen): Qt keeps a message box's text near 400 pixels wide, and a refused
    programme with its first problems grew taller than the screen at 200% text (in Chinese,
    which wraps at any character, 1374 pixels on an 800-pixel screen), its button off the
    bottom."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is None:
        return
    label.ensurePolished()  # the style sheet's font, at the text scale, to measure with
    parent = box.parentWidget()
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    around = box.sizeHint().width() - label.sizeHint().width()  # icon and margins
    wanted = min(60 * label.fontMetrics().averageCharWidth(),
                 int(screen.availableGeometry().width() * 0.9) - around)
    if label.sizeHint().width() > wanted:  # a short text keeps its box as narrow as it was
        label.setMinimumWidth(wanted)


def _text_size(box: QMessageBox, label: QLabel, available: QRect, bar: int) -> tuple[int, int]:
    """(width, height) Qt's message box will give its text ``label`` with a scroll bar ``bar``
    pixels wide beside it: a text wider than half the screen (at most 500 pixels) wraps at that
    width, or at the width :func:`widen` asked for, within Qt's limit for the screen."""
    around = box.sizeHint().width() - label.sizeHint().width()  # icon and margins
    soft = min(available.width() // 2, 500)
    if label.sizeHint().width() + around <= soft:
        return label.sizeHint().width(), label.sizeHint().height()
    hard = available.width() if available.width() <= 1024 else min(available.width() - 480, 1000)
    width = min(max(soft, around + label.minimumWidth()), hard) - around - bar
    label.setWordWrap(True)  # as Qt's sizing will
    return width, label.heightForWidth(width)


class _OnScreen(QObject):
    """Moves the box it watches up when it grows past its screen's bottom: a box placed for its
    first size grows downwards when its details are shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget) and watched.isVisible():
            available, frame = watched.screen().availableGeometry(), watched.frameGeometry()
            past = frame.bottom() - available.bottom()
            if past > 0:
                watched.move(frame.x(), max(available.top(), frame.y() - past))
        return False


def fit_height(box: QMessageBox) -> None:
    """Keep ``box`` (its text set, :func:`widen`-ed, its details given) within
    :data:`SCREEN_SHARE` of its screen's height with its details shown: a taller text
    scrolls. Qt sizes a message box to its whole text at any height: a refusal's first
    problems at 200% text made it 698 pixels tall on a 1024x640 screen (813 with its
    details), its OK and Show Details buttons off the bottom."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    grid = box.layout()
    if label is None or not isinstance(grid, QGridLayout) or grid.indexOf(label) < 0:
        return
    parent = box.parentWidget()
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    label.ensurePolished()  # the style sheet's font, at the text scale, to measure with
    bar = box.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, box)
    width, height = _text_size(box, label, available, bar)
    details = box.findChild(QTextEdit)
    holder = details.parentWidget() if details is not None else None
    shown = holder.sizeHint().height() + grid.verticalSpacing() if holder is not None else 0
    grid.activate()
    others = grid.totalMinimumSize().height() - label.minimumSizeHint().height()
    room = (int(available.height() * SCREEN_SHARE) - others - shown
            - box.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, box))
    box.installEventFilter(_OnScreen(box))
    if height <= room:
        return
    at: tuple[int, int, int, int] = grid.getItemPosition(grid.indexOf(label))  # type: ignore[assignment]
    grid.removeWidget(label)
    scroll = QScrollArea(box)
    scroll.setObjectName("boxTextScroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    label.setMinimumWidth(0)  # wrapped at the scroll area's width, not wider than the box
    scroll.setWidget(label)
    scroll.setMinimumWidth(width + bar)
    scroll.setFixedHeight(max(room, 3 * label.fontMetrics().lineSpacing()))
    grid.addWidget(scroll, *at)


QUOTED = re.compile(r"“[^”]*”")


def keep_quoted(text: str) -> str:
    """``text`` with each name in “ ” (a button's: “撤销”, “Undo”) kept on one line: wrapped
    between any two Chinese characters, the box had read “撤 / 销”."""
    return QUOTED.sub(lambda m: tx.unbroken(m.group(0)), text)


def fit_for_touch(box: QMessageBox, touch_px: int = 0) -> None:
    """Size a question a visitor answers by finger to its window, not to Qt's 400-pixel
    default (a small box on a portrait kiosk): its text at a section title's size (the style
    sheet's ``visitorQuestion`` rule) in a column half the window wide (at most about 30
    characters a line), its buttons at least ``touch_px`` (a kiosk's touch target) high and
    three times their text's height wide."""
    parent = box.parentWidget()
    window = parent.window() if parent is not None else box
    box.setProperty("visitorQuestion", True)
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is not None:
        label.ensurePolished()  # the rule's size, to measure with
        em = label.fontMetrics().horizontalAdvance("国")
        label.setMinimumWidth(max(0, min(window.width() // 2, 30 * em)))
    line = box.fontMetrics().height()
    for button in box.buttons():
        button.setMinimumSize(3 * max(line, touch_px), max(2 * line, touch_px))


class ListingQuestion(QDialog):
    """A Yes/No question with a long listing below it (what an import adds, changes, left
    out). A message box grew with its text to twice the screen's height, its buttons off
    the bottom; here the listing scrolls and the question and buttons stay on screen."""

    def __init__(self, parent: QWidget, title: str, text: str, listing: str) -> None:
        super().__init__(parent)
        self.setObjectName("listingQuestion")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxQuestion, None, self).pixmap(size, size))
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.text_label = QLabel(text)
        self.text_label.setObjectName("questionText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.text_label, 1)
        layout.addLayout(top)
        self.listing = QPlainTextEdit(listing)
        self.listing.setObjectName("questionListing")
        self.listing.setReadOnly(True)
        self.listing.setAccessibleName(title)
        layout.addWidget(self.listing, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes
                                        | QDialogButtonBox.StandardButton.No)
        self.yes_button = self.buttons.button(QDialogButtonBox.StandardButton.Yes)
        self.yes_button.setText(tx.tr("Yes"))
        self.buttons.button(QDialogButtonBox.StandardButton.No).setText(tx.tr("No"))
        self.yes_button.setDefault(True)  # Enter answers Yes, Escape No, as in a message box
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fit(listing)
        self.yes_button.setFocus()

    def _fit(self, listing: str) -> None:
        """As tall as the listing needs, at most :data:`SCREEN_SHARE` of the screen."""
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        line = self.listing.fontMetrics().lineSpacing()
        width = min(max(self.sizeHint().width(), 60 * self.fontMetrics().averageCharWidth()),
                    int(available.width() * 0.9))
        rows = listing.count("\n") + 2
        around = self.sizeHint().height() - self.listing.sizeHint().height()
        self.listing.setMinimumHeight(min(rows, 4) * line)
        height = min(around + rows * line + 2 * self.listing.frameWidth(),
                     int(available.height() * SCREEN_SHARE))
        self.setMaximumHeight(int(available.height() * SCREEN_SHARE))
        self.resize(width, height)


def ask(parent: QWidget, title: str, text: str, listing: str = "") -> bool:
    """A Yes/No question to staff, answered before this returns (Yes is the default, as in
    Qt's own question box); a long ``listing`` below it scrolls. Not for questions to
    kiosk visitors: a visit's reset can close an opened box, not one a caller is waiting on."""
    if listing:
        dialog = ListingQuestion(parent, title, text, listing)
        yes = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return yes
    box = message_box(parent, QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.exec()
    clicked = box.clickedButton()
    yes = clicked is not None and box.standardButton(clicked) == QMessageBox.StandardButton.Yes
    box.deleteLater()
    return yes
