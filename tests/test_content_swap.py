"""Showing another content database while the guide runs (an update applied or rolled back)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from guide.content.build import build_content_db
from guide.content.models import ItemCard
from guide.content.queries import cards, item_ids
from guide.user.bookmarks import list_bookmarks
from tests.conftest import MINI_PACK
from tests.support import shown_guide


def forum_cards(db: sqlite3.Connection) -> list[ItemCard]:
    return cards(db, "forum", item_ids(db, "forum"))


def renamed_pack(tmp_path: Path) -> Path:
    """The mini pack as version 2, its opening ceremony renamed."""
    src = Path(shutil.copytree(MINI_PACK, tmp_path / "v2"))
    meta, items = src / "pack.toml", src / "items.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("version = 1", "version = 2"),
                    encoding="utf-8")
    text = items.read_text(encoding="utf-8")
    assert 'title = "开幕式"' in text
    items.write_text(text.replace('title = "开幕式"', 'title = "开幕大会"'), encoding="utf-8")
    return build_content_db(src, tmp_path / "v2.db").path


def test_a_busy_user_database_does_not_leave_the_window_half_on_the_old_content(
        qtbot: QtBot, mini_db: Path, tmp_path: Path) -> None:
    """Refreshing the bookmarks' titles writes the user database. Another program holding it
    (``guide bookmarks import`` in a shell) made the swap fail after the context had moved:
    the pages, the picture worker and the old connection stayed on the old content."""
    new_db = renamed_pack(tmp_path)
    with shown_guide(qtbot, mini_db, user_db=tmp_path / "user.db") as g:
        opening = next(c for c in forum_cards(g.ctx.content) if c.title == "开幕式")
        assert g.ctx.bookmarks.toggle("forum", opening.id)
        g.window.page("forums")
        old_conn, old_page = g.ctx.content, g.window.pages["forums"]
        g.ctx.user.execute("PRAGMA busy_timeout = 50")
        other = sqlite3.connect(tmp_path / "user.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            g.swap_content(new_db)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert g.ctx.content_path == new_db
        assert g.images.db_path == new_db  # pictures from the new content
        assert g.window.pages.get("forums") is not old_page  # pages rebuilt on it
        assert any(c.title == "开幕大会" for c in forum_cards(g.ctx.content))
        try:
            old_conn.execute("SELECT 1")
            raise AssertionError("the old content's connection stayed open")
        except sqlite3.ProgrammingError:
            pass
        # The bookmark is kept; its title is refreshed when the user database is free again.
        [kept] = list_bookmarks(g.ctx.user, None)
        assert (kept.id, kept.title) == (opening.id, "开幕式")
        g.swap_content(new_db)
        [kept] = list_bookmarks(g.ctx.user, None)
        assert kept.title == "开幕大会"


def test_a_page_that_fails_to_rebuild_does_not_leave_the_old_content_open(
        qtbot: QtBot, mini_db: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    new_db = renamed_pack(tmp_path)
    with shown_guide(qtbot, mini_db, user_db=tmp_path / "user.db") as g:
        old_conn = g.ctx.content

        def failing() -> None:
            raise RuntimeError("a page failed")

        monkeypatch.setattr(g.window, "reload_content", failing)
        try:
            g.swap_content(new_db)
            raise AssertionError("the failure was swallowed")
        except RuntimeError:
            pass
        try:
            old_conn.execute("SELECT 1")
            raise AssertionError("the old content's connection stayed open")
        except sqlite3.ProgrammingError:
            pass
