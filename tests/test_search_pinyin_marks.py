"""What a name typed in pinyin syllables marks: the name, never one syllable of it alone.

"Xu Xinchao" found the news 北京建设全球绿色可持续金融中心 for the English text naming him, and
marked 续 (xu) in its title, as if the title said his name.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from guide.search import SearchDoc, search
from tests.support import memory_index

DOCS = (
    SearchDoc("person", "xu", "许心超", "Xu Xinchao", body="北京市政府副秘书长"),
    SearchDoc("announcement", "centre", "北京建设全球绿色可持续金融中心", "Beijing builds a green centre",
              body="北京市政府副秘书长许心超介绍说。", body_en="Xu Xinchao, deputy secretary-general, said."),
    SearchDoc("person", "zhang", "张伟", "Zhang Wei"),
    SearchDoc("forum", "green", "绿色金融论坛", "Green Finance Forum", names=("张伟",)),
)  # fmt: skip


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    return memory_index(DOCS)


def marked_titles(conn: sqlite3.Connection, query: str) -> dict[str, str]:
    return {h.id: h.marked()[0] for h in search(conn, query)}


@pytest.mark.parametrize("query", ["Xu Xinchao", "xu xinchao"])
def test_a_name_in_syllables_marks_no_lone_syllable_of_it(conn: sqlite3.Connection, query: str) -> None:
    titles = marked_titles(conn, query)
    assert titles["xu"] == "[许心超]"
    assert titles["centre"] == "北京建设全球绿色可持续金融中心"  # found for its English; no [续]
    centre = next(h for h in search(conn, query) if h.id == "centre")
    assert centre.marked(lang="en")[1] == "[Xu] [Xinchao], deputy secretary-general, said."


@pytest.mark.parametrize(("query", "title"), [
    ("zhang wei", "[张伟]"), ("zhang w", "[张伟]"),  # syllables side by side: marked as typed
    ("xu", "[许]心超"), ("zhang", "[张]伟"),  # one syllable typed alone: what it spells
])
def test_syllables_next_to_each_other_or_typed_alone_are_marked(conn: sqlite3.Connection, query: str,
                                                                 title: str) -> None:
    titles = marked_titles(conn, query)
    assert title in titles.values(), titles


def test_a_name_among_a_rows_names_is_marked_whole(conn: sqlite3.Connection) -> None:
    hit = next(h for h in search(conn, "zhang wei") if h.id == "green")
    assert hit.snippet_names and hit.marked()[1] == "[张伟]"


def test_the_real_news_marks_no_lone_syllable_for_xu_xinchao(real_db: Path) -> None:
    conn = sqlite3.connect(real_db)
    hits = {h.id: h for h in search(conn, "Xu Xinchao")}
    assert hits["xu-xinchao"].marked()[0] == "[许心超]"
    assert hits["beijing-green-finance-centre"].title_marks == ()
