"""The on-screen Latin keyboard for the search box."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from guide.kiosk.lettering import KEY_GAP, KEY_MIN, KEY_PAD, key_height, keyboard_height, screen_unit
from guide.kiosk.widgets.base import KEY_CHROME, card_style, fitting_font
from guide.ui import theme
from guide.ui.views.base import KEYS_SHOWN


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


class Capitals(enum.Enum):
    """What the Shift key is set to, as on a phone's keyboard: a tap for one capital, a
    second for all of them, a third for small letters again."""

    OFF = "off"
    NEXT = "next"  # the next letter only
    LOCKED = "locked"  # every letter, until tapped again (caps lock)


SHIFT_GLYPHS = {Capitals.OFF: "⇧", Capitals.NEXT: "⬆", Capitals.LOCKED: "⇪"}


class OnScreenKeyboard(QWidget):
    """Latin letters (small or capital), digits, space, backspace, clear and done, typed
    into a line edit.

    Keys are sent to the target as ordinary key events, exactly as a hardware keyboard's,
    so the search box, its shortcuts and its undo behave the same. Pinyin and English
    search find Chinese content without a Chinese input method; capitals ask for an
    acronym (AI: the Artificial Intelligence area, where "ai" is pinyin 爱, 艾 first).
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
        self.scale = 1.0
        self.dress(theme.STANDARD, 1.0)
        grid = self.grid = QVBoxLayout(self)
        grid.setContentsMargins(24, KEY_PAD, 24, KEY_PAD)
        grid.setSpacing(KEY_GAP)
        self.keys: dict[str, QPushButton] = {}  # by the small letter or digit
        self.capitals = Capitals.OFF
        # Checkable: a screen reader tells on from off, and hears each change.
        self.shift = key_button(SHIFT_GLYPHS[Capitals.OFF], "keyShift", self.shift_pressed)
        self.shift.setCheckable(True)
        for row_keys in KEY_ROWS:
            row = QHBoxLayout()
            row.setSpacing(KEY_GAP)
            last = row_keys == KEY_ROWS[-1]
            # The last row is as wide as the first two: Shift and backspace take its ends.
            row.addStretch(1 if len(row_keys) < 10 and not last else 0)
            if last:
                row.addWidget(self.shift, 3)
            for ch in row_keys:
                button = key_button(ch, f"key_{ch}", lambda c=ch: self.key_pressed(c))  # type: ignore[misc]
                self.keys[ch] = button
                row.addWidget(button, 2)
            if last:
                self.backspace = key_button("⌫", "keyBackspace", self.backspace_pressed, repeat=True)
                row.addWidget(self.backspace, 3)
            row.addStretch(1 if len(row_keys) < 10 and not last else 0)
            grid.addLayout(row)
        bottom = QHBoxLayout()
        bottom.setSpacing(KEY_GAP)
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
        self.shift.setAccessibleDescription(
            self.tr("Tap once for one capital letter, twice for all capitals, again for small letters"))
        self._show_capitals()

    def _send(self, key: Qt.Key, text: str = "",
              modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(self.target, QKeyEvent(kind, key, modifiers, text))

    def type_text(self, text: str) -> None:
        """Type ``text`` (letters, digits, spaces) into the target as key presses; a capital
        with Shift held, as a hardware keyboard sends it."""
        for ch in text:
            if ch == " ":
                key = Qt.Key.Key_Space
            elif ch.isdigit():
                key = Qt.Key(Qt.Key.Key_0.value + int(ch))
            else:
                key = Qt.Key(Qt.Key.Key_A.value + ord(ch.lower()) - ord("a"))
            shift = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
            self._send(key, ch, shift)

    def key_pressed(self, ch: str) -> None:
        """A letter or digit key: a letter a capital while Shift is on (then off again,
        unless locked)."""
        if ch.isalpha() and self.capitals is not Capitals.OFF:
            self.type_text(ch.upper())
            if self.capitals is Capitals.NEXT:
                self.set_capitals(Capitals.OFF)
        else:
            self.type_text(ch)

    def shift_pressed(self) -> None:
        """Shift: one capital, then all capitals, then small letters again."""
        order = list(Capitals)
        self.set_capitals(order[(order.index(self.capitals) + 1) % len(order)])

    def set_capitals(self, capitals: Capitals) -> None:
        """Set Shift to ``capitals``: the letter keys show what they type."""
        self.capitals = capitals
        self._show_capitals()

    def _show_capitals(self) -> None:
        """The letter keys in capitals or small letters, and Shift pressed or not (a lock with
        its own symbol and name, as on a phone: ⇪), as the key is set."""
        upper = self.capitals is not Capitals.OFF
        for ch, button in self.keys.items():
            button.setText(ch.upper() if upper else ch)
        shift = self.shift
        shift.setText(SHIFT_GLYPHS[self.capitals])
        shift.setChecked(upper)
        shift.setAccessibleName(self.tr("Caps lock") if self.capitals is Capitals.LOCKED
                                else self.tr("Shift"))

    def backspace_pressed(self) -> None:
        self._send(Qt.Key.Key_Backspace)

    def clear_pressed(self) -> None:
        """Empty the box (select all, then delete, as a keyboard user would)."""
        self.target.selectAll()
        self._send(Qt.Key.Key_Backspace)

    def dress(self, palette: theme.Palette, scale: float) -> None:
        """Colours from ``palette`` (a visitor's high contrast); key labels ``scale`` times the
        designed size, as far as the keys have room for them."""
        self.setStyleSheet(card_style(palette) + f"""
            QWidget#onScreenKeyboard {{ background: {palette.surface};
                border-top: 4px solid {palette.primary}; }}""")
        self.scale = scale
        if self.isVisible():
            self.place()
            self._make_room(self.height())

    def place(self) -> None:
        """Dock to the bottom of the window, full width, keys sized for fingers.

        The keys take at most 1500 pixels of a wide screen, centred; the keyboard at most
        half of a short one (1024x640: keys 48 pixels tall, the touch minimum), so the
        search box and the first results stay above it (see :func:`keyboard_height`).
        """
        parent = self.host
        unit = screen_unit(parent.width(), parent.height())
        height = keyboard_height(parent.width(), parent.height(), self.scale)
        keys = min(parent.width(), 1500)
        side = 24 + (parent.width() - keys) // 2
        self.grid.setContentsMargins(side, KEY_PAD, side, KEY_PAD)
        self.setGeometry(0, parent.height() - height, parent.width(), height)
        px = max(22, 34 * unit) * self.scale
        font = fitting_font(px, key_height(height) - KEY_CHROME, bold=True)
        for button in self.findChildren(QPushButton):
            button.setFont(font)
            button.setMinimumSize(KEY_MIN, KEY_MIN)
        # Shift's arrow draws smaller than a letter of its font: as large as one.
        self.shift.setFont(fitting_font(px * 1.4, key_height(height) - KEY_CHROME))

    def key_at(self, point: QPoint) -> bool:
        """Whether a key of the shown keyboard lies at ``point`` (global coordinates): a press
        there is the key's, even inside the staff exit's corner."""
        return self.isVisible() and isinstance(self.childAt(self.mapFromGlobal(point)), QPushButton)

    def present(self) -> None:
        """Show over the bottom of the window."""
        self.place()
        self.show()
        self.raise_()

    def showEvent(self, event: QShowEvent) -> None:
        self._make_room(self.height())
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._make_room(0)
        # Put away (Done, another page, the visit's end): the next typing, or the next
        # visitor, starts in small letters as the keyboard first showed.
        self.set_capitals(Capitals.OFF)
        super().hideEvent(event)

    def _make_room(self, height: int) -> None:
        """Shrink the pages above the keyboard, so the results stay in view (and scroll
        there) instead of lying under the keys. Only the pages: the section list keeps its
        height (its lower rows wait under the keys) instead of growing a scroll bar that
        cut its labels to "论坛…".

        The room never makes the window taller than the screen: while the keyboard is up the
        pages ask for no height of their own (a stack asks for its tallest page's, shown or
        not), and the page on top gives way instead (the search page drops its subtitle and
        title, its results scroll)."""
        pages = self.host.findChild(QStackedWidget) if isinstance(self.host, QMainWindow) else None
        if pages is not None:
            # Read by the pages as they fit (before the margin resizes them): the search page
            # gives its title's room to the results while the keys are up (views/search.py).
            pages.setProperty(KEYS_SHOWN, bool(height))
            pages.setContentsMargins(0, 0, 0, height)
            pages.setMinimumHeight(1 if height else 0)  # 0: the pages' own minimum again

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
            self._make_room(self.height())
        return False
