"""A bookmark change the user database cannot take (a read-only or full disk): nothing
changes, the button shows what is stored, and the user is told why."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from guide.app import Guide
from guide.ui.bookmark_actions import not_saved_reason
from guide.user import bookmarks as store
from tests.support import shown_guide


@pytest.fixture
def guide(qtbot, mini_db: Path, tmp_path: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, mini_db, lang="en", user_db=tmp_path / "user.db") as g:
        yield g


def _told(guide: Guide) -> str:
    box = guide.window.findChild(QMessageBox, "bookmarkNotSavedBox")
    assert box is not None and box.isVisible()
    text = box.text()
    box.accept()
    return text


def test_a_bookmark_that_cannot_be_written_is_not_shown_as_saved(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    w, user = guide.window, guide.ctx.user
    guide.ctx.bookmarks.toggle("area", "metaverse")  # one saved before the disk went read-only
    w.open_item("forum", "opening")
    button = w.detail.findChild(QPushButton, "bookmarkButton")
    user.execute("PRAGMA query_only = 1")  # SQLite refuses every write, as on a read-only disk
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        # The button had stayed pressed, reading "Bookmark", with nothing saved and no word.
        assert not button.isChecked() and button.text() == "Bookmark"
        assert "read-only" in _told(guide)
        w.open_item("area", "metaverse")
        qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # nor is a removal
        assert button.isChecked()
        assert "kept" in _told(guide)
    finally:
        user.execute("PRAGMA query_only = 0")
    assert [(b.kind, b.id) for b in store.stored_bookmarks(user)] == [("area", "metaverse")]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # writable again: it works
    assert not button.isChecked() and store.stored_bookmarks(user) == []


def test_a_full_disk_is_named_as_such(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "small.db")
    db.execute("CREATE TABLE t (x BLOB)")
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0] + 1}")
    with pytest.raises(sqlite3.OperationalError) as full:  # SQLite's own "database or disk is full"
        for _ in range(100):
            db.execute("INSERT INTO t VALUES (zeroblob(3000))")
    assert "the disk is full" in not_saved_reason(full.value, db)
