"""The main window's keyboard shortcuts and its list of sections (built, labelled and fitted for
it, wired by it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHBoxLayout, QListView, QVBoxLayout, QWidget

from guide.content.database import counts, has_maps
from guide.ui import theme
from guide.ui.kinds import KIND_GROUPS


class WindowKeys(Protocol):
    """What the window's keys and mouse buttons ask the window for (the main window has it;
    this module does not import it)."""

    def back(self) -> None: ...
    def forward(self) -> None: ...
    def focus_search(self) -> None: ...
    def toggle_current_bookmark(self) -> None: ...
    def change_text_size(self, step: float) -> None: ...
    def undo_bookmarks(self) -> None: ...


SECTIONS = ("home", "forums", "rooms", "tracks", "exhibition", "announcements", "photos", "figures",
            "map", "bookmarks")
# A section shows only when the content has items of its kind: the newspaper's content has no
# rooms or tracks; an imported programme has no exhibition, announcements, photos or figures.
SECTION_KINDS = {"forums": "forum", "rooms": "room", "tracks": "track", "exhibition": "area",
                 "announcements": "announcement", "photos": "photo", "figures": "figure"}

# A section of items is named as search and bookmarks head their group (kinds.KIND_GROUPS).
SECTION_LABELS = {
    "home": QT_TRANSLATE_NOOP("tx", "Home"),
    **{section: KIND_GROUPS[kind] for section, kind in SECTION_KINDS.items()},
    "map": QT_TRANSLATE_NOOP("tx", "Map"),
    "bookmarks": QT_TRANSLATE_NOOP("tx", "Bookmarks"),
}


def shown_sections(db: sqlite3.Connection) -> list[str]:
    """The sections the content fills, in order (Home and Bookmarks always)."""
    found = counts(db)
    plans = has_maps(db)  # the Map only with floor plans (the newspaper's content has none)
    return [s for s in SECTIONS if (s not in SECTION_KINDS or found.get(SECTION_KINDS[s]))
            and (s != "map" or plans)]


def fill_sections(model: QStandardItemModel, keys: list[str]) -> None:
    """One row per section with its icon (labels are set by the window's retranslate)."""
    model.clear()
    for key in keys:
        item = QStandardItem(theme.icon(key), "")
        item.setData(key, Qt.ItemDataRole.UserRole)
        item.setEditable(False)
        model.appendRow(item)


def section_list(parent: QObject, content: sqlite3.Connection, on_open: Callable[[QModelIndex], object]
                 ) -> tuple[QListView, QStandardItemModel]:
    """The list of sections on the left, one row per section the ``content`` fills."""
    navigation = QListView()
    navigation.setObjectName("navigation")
    model = QStandardItemModel(parent)
    fill_sections(model, shown_sections(content))
    navigation.setModel(model)
    navigation.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    navigation.setProperty("layoutNoScroll", True)  # every section stays in reach
    navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    navigation.clicked.connect(on_open)
    navigation.activated.connect(on_open)

    def keyed(current: QModelIndex, _previous: QModelIndex) -> None:
        # The arrows choose a section, as on a tab bar: the mark had moved to Exhibition
        # while Home still showed. A press (mouse, touch) opens on its click instead.
        if navigation.hasFocus() and current.isValid() and not QApplication.mouseButtons():
            on_open(current)

    navigation.selectionModel().currentChanged.connect(keyed)
    return navigation, model


def label_sections(model: QStandardItemModel, forums_label: str) -> None:
    """Each section's name in the current language (Forums may carry the event's own word)."""
    from guide.ui import text as tx

    for row in range(model.rowCount()):
        item = model.item(row)
        key = item.data(Qt.ItemDataRole.UserRole)
        label = (key == "forums" and forums_label) or tx.tr(str(SECTION_LABELS[key]))
        item.setData(label, Qt.ItemDataRole.UserRole + 1)  # the label, also when collapsed
        item.setData(label, Qt.ItemDataRole.AccessibleTextRole)
        item.setToolTip(label)


def fit_sections(navigation: QListView, model: QStandardItemModel, scale: float, width: int,
                 height: int = 0) -> None:
    """Icons grow with the text; when the sections' words beside their icons would take more
    than 27% of the window's ``width`` (English keeps them to 150% on 1024 pixels, Chinese to
    200%: at 29%, English at 200% had left a long title most of the screen), the words go
    under the icons where the list's ``height`` has room for them (a portrait kiosk: on a
    touch screen a bare icon has no tooltip to name it), else the sections collapse to large
    icons (names in tooltips and for screen readers)."""
    side = int(24 * scale)
    navigation.setIconSize(QSize(side, side))
    labels = [str(model.item(r).data(Qt.ItemDataRole.UserRole + 1) or "") for r in range(model.rowCount())]
    # Measured in the face the list draws in (the app's, bold when selected): measured in
    # the wider Latin content face, English collapsed to icons already at 150% on 1024 px.
    face = QFont(QApplication.font())
    face.setPointSizeF(theme.TypeScale.for_scale(scale).title)
    face.setBold(True)
    fm = QFontMetrics(face)
    widest = max((fm.horizontalAdvance(t) for t in labels), default=0)
    # item padding 14+14, margin 8+8, icon-text gap, the frame's border and a little air
    full = widest + side + 64
    collapsed = full > 0.27 * width
    # Under the icon: padding 14+14 (10+10 high), border 2+2, the style's text margins, a gap
    # and one line of the word.
    cell = QSize(max(widest, side) + 48, side + fm.height() + 34)  # + text margins
    stacked = (collapsed and cell.width() + 20 <= 0.27 * width
               and len(labels) * (cell.height() + 4) + 16 <= height)
    mode = QListView.ViewMode.IconMode if stacked else QListView.ViewMode.ListMode
    if navigation.viewMode() != mode:  # fitted at every resize: a mode set again relays the rows
        navigation.setViewMode(mode)
    if stacked:  # IconMode would also wrap, flow sideways and let rows be dragged
        navigation.setFlow(QListView.Flow.TopToBottom)
        navigation.setWrapping(False)
        navigation.setMovement(QListView.Movement.Static)
    for row, label in enumerate(labels):
        item = model.item(row)
        item.setText("" if collapsed and not stacked else label)
        item.setData(None, Qt.ItemDataRole.SizeHintRole)
    if stacked:  # one size for every row, the widest word's as the style lays it out
        natural = [navigation.sizeHintForIndex(model.index(r, 0)) for r in range(model.rowCount())]
        cell = QSize(max(cell.width(), *(n.width() for n in natural)),
                     max(cell.height(), *(n.height() for n in natural)))
        for row in range(model.rowCount()):
            model.item(row).setSizeHint(cell)
    navigation.setFixedWidth(cell.width() + 20 if stacked else side + 52 if collapsed else full)


def select_section(navigation: QListView, section: str) -> None:
    """Mark ``section`` in the list (none when it is not listed, e.g. Search)."""
    model = navigation.model()
    navigation.selectionModel().clearSelection()
    rows = model.match(model.index(0, 0), Qt.ItemDataRole.UserRole, section, 1, Qt.MatchFlag.MatchExactly)
    if rows:
        navigation.setCurrentIndex(rows[0])


def list_views(pages: Iterable[QWidget]) -> Iterator[QListView]:
    """Every list view of the built ``pages`` (to repaint or re-lay out their rows)."""
    for page in pages:
        yield from page.findChildren(QListView)


def frame(toolbar: QWidget, navigation: QWidget, stack: QWidget) -> QWidget:
    """The window's body: the toolbar over the sections and the page beside them."""
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(toolbar)
    row = QHBoxLayout()
    row.setSpacing(0)
    row.addWidget(navigation)
    row.addWidget(stack, 1)
    column.addLayout(row, 1)
    return central


def focus_first(page: QWidget) -> None:
    """Give the focus to the first control of ``page`` that Tab would reach.

    Qt walks the focus chain: walked from Python, every widget on it (a combo box's popup,
    a scroll bar) got a wrapper, and the kiosk soak crashed collecting them.
    """
    page.setFocus(Qt.FocusReason.OtherFocusReason)
    page.focusNextPrevChild(True)

def install_shortcuts(window: QWidget, keys_for: WindowKeys) -> None:
    """``window``'s keys, asking ``keys_for`` (the window): back/forward, search, bookmark,
    text size, undo."""
    # Alt+Left/Right everywhere, plus the platform's own (Cmd+[ on macOS); duplicates
    # would make the shortcut ambiguous and then neither fires.
    for standard, extra, slot in ((QKeySequence.StandardKey.Back, "Alt+Left", keys_for.back),
                                  (QKeySequence.StandardKey.Forward, "Alt+Right", keys_for.forward)):
        keys = {QKeySequence(extra).toString(): QKeySequence(extra)}
        keys.update({k.toString(): k for k in QKeySequence.keyBindings(standard)})
        for sequence in keys.values():
            QShortcut(sequence, window, slot, context=Qt.ShortcutContext.WindowShortcut)
    _shortcut(window, QKeySequence.StandardKey.Find, keys_for.focus_search)
    _shortcut(window, "/", keys_for.focus_search)  # a text field keeps its own "/" (shortcut override)
    _shortcut(window, "Ctrl+D", keys_for.toggle_current_bookmark)
    for size_key, step in (("Ctrl++", 0.25), ("Ctrl+=", 0.25), ("Ctrl+-", -0.25), ("Ctrl+0", 0.0)):
        _shortcut(window, size_key, partial(keys_for.change_text_size, step))
    _shortcut(window, QKeySequence.StandardKey.Undo, keys_for.undo_bookmarks)  # text fields keep theirs


def _shortcut(window: QWidget, keys: QKeySequence.StandardKey | str,
              slot: Callable[[], object]) -> QShortcut:
    return QShortcut(QKeySequence(keys), window, slot, context=Qt.ShortcutContext.WindowShortcut)


class MouseHistory(QObject):
    """The mouse's back/forward buttons work anywhere in the window (an application-wide
    event filter, a child of the window)."""

    def __init__(self, window: QObject, keys_for: WindowKeys) -> None:
        super().__init__(window)
        self.window = keys_for

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.window.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.window.forward()
                return True
        return super().eventFilter(watched, event)
