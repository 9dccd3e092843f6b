"""The empty search page's suggestions and the "nothing found" advice come from the content.

With a congress programme imported, the page had offered the Zhongguancun forum's topics
(绿色金融, 科技成果转化, 元宇宙 …), each of which found nothing there, and every failed search
advised pinyin and English examples ("lvse jinrong, zgc", "green finance") that could not match.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QListView

from guide.app import Guide
from guide.content import database
from guide.search import SearchHit, search
from guide.ui.models.search import Suggestion
from tests.support import shown_guide

TRACKS = ["CCC & Community", "Hardware", "Security", "Entertainment", "Art & Beauty",
          "Ethics, Society & Politics", "Science"]


@pytest.fixture
def congress(qtbot, programme_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, programme_db, now="2025-12-27T16:30", lang="zh", size=None) as g:
        yield g


def _rows(g: Guide, qtbot, query: str) -> list[object]:  # type: ignore[no-untyped-def]
    g.window.show_search(query)
    qtbot.wait(5)
    view = g.window.findChild(QListView, "searchResults")
    return view.model().rows()


def test_a_programmes_search_page_suggests_its_tracks_and_each_finds_sessions(
        congress: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    suggestions = _rows(congress, qtbot, "")
    assert all(isinstance(s, Suggestion) for s in suggestions)
    assert [s.text for s in suggestions] == TRACKS  # type: ignore[union-attr]
    for text in TRACKS:
        assert any(isinstance(r, SearchHit) and r.kind == "forum" for r in _rows(congress, qtbot, text)), text


def test_a_failed_search_gives_no_examples_the_programme_cannot_match(congress: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert _rows(congress, qtbot, "qqqxz") == []
    note = congress.window.page("search").empty.text()
    assert "qqqxz" in note
    assert "lvse" not in note and "green finance" not in note.casefold() and "zgc" not in note


def test_the_forums_suggestions_are_its_packs_topics_and_every_spelling_finds_something(
        real_db: Path) -> None:
    from guide.content.topics import search_topics

    db = database.open_content_db(real_db)
    topics = search_topics(db)
    # Every topic the pack names is offered, with every spelling it names (each found something).
    assert [(t.text, t.text_en, t.pinyin) for t in topics] == [
        ("绿色金融", "Green finance", "lvse jinrong"), ("科技成果转化", "Technology transfer", "kjcgzh"),
        ("元宇宙", "Metaverse", "yuanyuzhou"), ("知识产权", "Intellectual property", "zhishichanquan"),
        ("千校万企", "Thousand universities, ten thousand enterprises", ""),
        ("科技服务", "Sci-tech services", "kejifuwu"),
        ("人工智能", "Artificial intelligence", "rengongzhineng")]


def test_content_built_before_packs_named_topics_suggests_its_forums(real_db: Path, tmp_path: Path) -> None:
    """A database an older guide built has no topics in its meta and no tracks: the page had
    offered nothing. A pack whose topics all find nothing falls back the same way."""
    import shutil
    import sqlite3

    from guide.content.topics import search_topics

    for case, sql in (("older", "DELETE FROM meta WHERE key = 'search_topics'"),
                      ("unfindable", "UPDATE meta SET value = '[{\"text\": \"qqqxz\"}]' "
                                     "WHERE key = 'search_topics'")):
        copy = shutil.copy(real_db, tmp_path / f"{case}.db")
        with sqlite3.connect(copy) as conn:
            conn.execute(sql)
        db = database.open_content_db(Path(copy))
        topics = search_topics(db)
        forums = [r[0] for r in db.execute("SELECT title FROM forum ORDER BY date, pos")]
        assert [t.text for t in topics] == forums, case
        assert all(search(db, t.text, limit=1) for t in topics)
