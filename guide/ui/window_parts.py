"""The main window's keyboard shortcuts and its list of sections (built for it, wired by it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView

from guide.content.database import counts
from guide.ui import theme

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow

SECTIONS = ("home", "forums", "rooms", "tracks", "exhibition", "announcements", "photos", "figures",
            "map", "bookmarks")
# A section shows only when the content has items of its kind: the newspaper's content has no
# rooms or tracks; an imported programme has no exhibition, announcements, photos or figures.
SECTION_KINDS = {"forums": "forum", "rooms": "room", "tracks": "track", "exhibition": "area",
                 "announcements": "announcement", "photos": "photo", "figures": "figure"}


def shown_sections(db: sqlite3.Connection) -> list[str]:
    """The sections the content fills, in order (Home and Bookmarks always)."""
    from guide.content.maps import has_maps

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


def section_list(window: MainWindow, on_open: Callable[[QModelIndex], None]
                 ) -> tuple[QListView, QStandardItemModel]:
    """The list of sections on the left, one row per section the content fills."""
    navigation = QListView()
    navigation.setObjectName("navigation")
    model = QStandardItemModel(window)
    fill_sections(model, shown_sections(window.ctx.content))
    navigation.setModel(model)
    navigation.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    navigation.setProperty("layoutNoScroll", True)  # every section stays in reach
    navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    navigation.clicked.connect(on_open)
    navigation.activated.connect(on_open)
    return navigation, model


def install_shortcuts(window: MainWindow) -> None:
    """The window's keys: back/forward, search, bookmark, text size, undo."""
    # Alt+Left/Right everywhere, plus the platform's own (Cmd+[ on macOS); duplicates
    # would make the shortcut ambiguous and then neither fires.
    for standard, extra, slot in ((QKeySequence.StandardKey.Back, "Alt+Left", window.back),
                                  (QKeySequence.StandardKey.Forward, "Alt+Right", window.forward)):
        keys = {QKeySequence(extra).toString(): QKeySequence(extra)}
        keys.update({k.toString(): k for k in QKeySequence.keyBindings(standard)})
        for sequence in keys.values():
            QShortcut(sequence, window, slot, context=Qt.ShortcutContext.WindowShortcut)
    _shortcut(window, QKeySequence.StandardKey.Find, window.focus_search)
    _shortcut(window, "/", window.focus_search)  # a text field keeps its own "/" (shortcut override)
    _shortcut(window, "Ctrl+D", window.toggle_current_bookmark)
    for size_key, step in (("Ctrl++", 0.25), ("Ctrl+=", 0.25), ("Ctrl+-", -0.25), ("Ctrl+0", 0.0)):
        _shortcut(window, size_key, partial(window.change_text_size, step))
    _shortcut(window, QKeySequence.StandardKey.Undo, window.undo_bookmarks)  # text fields keep theirs


def _shortcut(window: MainWindow, keys: QKeySequence.StandardKey | str,
              slot: Callable[[], object]) -> QShortcut:
    return QShortcut(QKeySequence(keys), window, slot, context=Qt.ShortcutContext.WindowShortcut)
