"""The window's top bar: back/forward, title, search box, display menu, staff menu, language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QSizePolicy, QToolButton, QWidget

from guide.content.database import content_info
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext

TEXT_SIZES = (100, 125, 150, 175, 200)  # percent


class Toolbar(QWidget):
    """A plain bar, not a QToolBar: a toolbar hides what does not fit, and the search
    box must never disappear into an overflow menu on a narrow window."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainToolbar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Always as tall as its buttons want: a page taller than the window (the map) had
        # squeezed it 3-7 px, and the whole header jumped when that page opened.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(10, 6, 10, 6)
        self.row.setSpacing(8)
        self.back_button = self._tool("backButton", "back")
        self.forward_button = self._tool("forwardButton", "forward")
        self.app_title = QLabel()
        self.app_title.setObjectName("appTitle")
        self.app_title.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        # Never what keeps the window from shrinking: fit() hides it when it does not fit.
        self.app_title.setMinimumWidth(1)
        self.row.addWidget(self.app_title, 1)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        # Our own clear button, not Qt's: Qt's icon is dark grey in every theme (all but
        # invisible on high contrast's black), and 16 pixels at any text size, low in the
        # field. Shown only while there is text to clear.
        self.clear_action = QAction(theme.icon("close", "muted"), "", self.search_box)
        self.clear_action.setObjectName("clearSearch")
        self.clear_action.triggered.connect(self._clear_search)
        self.clear_button = ClearButton(self.search_box, self.clear_action)
        self.row.addWidget(self.search_box, 2)
        self.display_button = self._tool("displayButton", "text-size")
        self.display_menu = self._menu(self.display_button)
        self.size_actions = QActionGroup(self)
        for percent in TEXT_SIZES:
            action = self.display_menu.addAction(f"{percent}%")
            action.setCheckable(True)
            action.setData(percent / 100)
            self.size_actions.addAction(action)
            action.triggered.connect(lambda _c=False, v=percent / 100: ctx.state.set_text_scale(v))
        self.display_menu.addSeparator()
        self.contrast_action = self.display_menu.addAction("")
        self.contrast_action.setCheckable(True)
        self.contrast_action.toggled.connect(lambda on: ctx.state.set_palette(
            "high-contrast" if on else "standard"))
        self.display_menu.aboutToShow.connect(self.sync_display_menu)
        self.staff_button = self._tool("staffMenuButton", "menu")
        self.staff_menu = self._menu(self.staff_button)  # filled by whoever offers staff actions
        self.staff_button.setVisible(False)
        self.language_button = self._tool("languageButton", "language")
        self.language_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def _tool(self, name: str, icon: str, slot: Callable[[], object] | None = None) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(theme.icon(icon, "bar_icon", "bar_icon_disabled"))
        if slot is not None:
            button.clicked.connect(slot)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.row.addWidget(button)
        return button

    @staticmethod
    def _menu(button: QToolButton) -> QMenu:
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        button.setMenu(menu)
        return menu

    def sync_display_menu(self) -> None:
        """Tick the current text size and theme before the menu opens. A size none of the
        choices is (a kiosk starts at its own, 135%) is offered too, in its place: with no
        tick a visitor could not tell which size was on, nor go back to it after trying one."""
        scale = self.ctx.state.text_scale
        for action in self.size_actions.actions():
            action.setChecked(abs(action.data() - scale) < 0.01)
        if self.size_actions.checkedAction() is None:
            own = self.display_menu.findChild(QAction, "ownTextSize")
            if own is None:
                own = QAction(self.display_menu)
                own.setObjectName("ownTextSize")
                own.setCheckable(True)
                own.triggered.connect(lambda _c=False: self.ctx.state.set_text_scale(own.data()))
                self.size_actions.addAction(own)
            else:
                self.display_menu.removeAction(own)
            own.setText(f"{round(scale * 100)}%")
            own.setData(scale)
            listed = [a for a in self.size_actions.actions() if a is not own]
            before = next((a for a in listed if a.data() > scale), self.display_menu.actions()[len(listed)])
            self.display_menu.insertAction(before, own)
            own.setChecked(True)
        self.contrast_action.setChecked(self.ctx.state.palette_name == "high-contrast")

    def event_name(self) -> str:
        """The event's name in the UI's language, as its content names it."""
        info = content_info(self.ctx.content)
        return tx.pick(info.name, info.name_en, self.ctx.state.lang)

    def forums_label(self) -> str:
        """The content's own name for its forums in the UI's language ("" : the guide's word)."""
        info = content_info(self.ctx.content)
        return tx.pick(info.forums_label, info.forums_label_en, self.ctx.state.lang)

    def _clear_search(self) -> None:
        """As Qt's own clear button: empty the box as if the user had deleted the text."""
        if self.search_box.text():
            self.search_box.clear()
            self.search_box.textEdited.emit("")

    def retranslate(self) -> None:
        """Every string of the bar in the current language."""
        # A tooltip and a name for screen readers, no text: the button is an icon in the box.
        self.clear_action.setToolTip(self.tr("Clear search"))
        for button in self.search_box.findChildren(QToolButton):
            if button.defaultAction() is self.clear_action:
                button.setAccessibleName(self.tr("Clear search"))
        self.app_title.setText(self.event_name())
        self.back_button.setToolTip(self.tr("Back (Alt+Left)"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.forward_button.setToolTip(self.tr("Forward (Alt+Right)"))
        self.forward_button.setAccessibleName(self.tr("Forward"))
        # No shortcut in the placeholder: kiosks have no keyboard; it is in the tooltip.
        self.search_box.setPlaceholderText(self.tr("Search: 中文, pinyin or English"))
        self.search_box.setToolTip(self.tr("Search (Ctrl+F or /)"))
        self.search_box.setAccessibleName(self.tr("Search"))
        self.language_button.setText("English" if self.ctx.state.lang == "zh" else "中文")
        self.staff_button.setToolTip(self.tr("Staff: content updates"))
        self.staff_button.setAccessibleName(self.tr("Staff menu"))
        self.display_button.setToolTip(self.tr("Text size and contrast (Ctrl+ / Ctrl-)"))
        self.display_button.setAccessibleName(self.tr("Text size and contrast"))
        self.contrast_action.setText(self.tr("High contrast"))
        self.language_button.setAccessibleName(self.tr("Switch language"))

    def fit(self, width: int, scale: float) -> None:
        """Icons as large as the text; the title only when the search hint still fits beside it."""
        buttons = (self.back_button, self.forward_button, self.display_button,
                   self.staff_button, self.language_button)
        for button in buttons:
            button.setIconSize(QSize(int(18 * scale), int(18 * scale)))
        self.clear_button.scale = scale
        self.clear_button.place()
        others = sum(b.sizeHint().width() + self.row.spacing() for b in buttons if not b.isHidden())
        hint = self.search_box.placeholderText()
        search = QFontMetrics(self.search_box.font()).horizontalAdvance(hint) + 48
        room = width - others - 20 - max(search, self.search_box.minimumSizeHint().width())
        title_w = self.app_title.sizeHint().width()
        show_title = title_w + 8 <= room
        self.app_title.setVisible(show_title)
        # The search box takes the rest, never the title's room (the title has no minimum
        # width, so that it never stops the window from shrinking).
        self.search_box.setMaximumWidth(max(search, room - title_w) if show_title else 16_777_215)


class ClearButton(QToolButton):
    """The search box's clear button: centred in the field at its right end, as tall as
    the field allows (a finger's target at a kiosk), its icon growing with the text."""

    def __init__(self, box: QLineEdit, action: QAction) -> None:
        super().__init__(box)
        self.box = box
        self.setObjectName("clearSearchButton")
        self.setDefaultAction(action)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Esc clears from the keyboard
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.setAutoRaise(True)
        self.scale = 1.0  # the text size, set by Toolbar.fit
        box.installEventFilter(self)
        box.textChanged.connect(self._follow_text)
        self._follow_text(box.text())

    def _follow_text(self, text: str) -> None:
        self.defaultAction().setVisible(bool(text))
        self.setVisible(bool(text))
        self._keep_clear()

    def _keep_clear(self) -> None:
        # Only while shown: the empty box's hint has the field to itself (fit() sizes the
        # box to show it whole).
        self.box.setTextMargins(0, 0, self.width() - 4 if self.isVisibleTo(self.box) else 0, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        """Fit the button to the field's height; the text stops short of it."""
        field = self.box.rect()
        side = max(16, field.height() - 8)
        icon = min(side - 4, int(16 * self.scale))  # as the bar's icons, a little smaller
        self.setIconSize(QSize(icon, icon))
        self.setGeometry(field.right() - side - 3, (field.height() - side) // 2, side, side)
        self._keep_clear()

