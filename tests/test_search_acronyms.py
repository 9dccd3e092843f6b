"""An acronym typed finds the English title it stands for: "AI" the Artificial Intelligence area.

The content's English never writes "AI": the query matched the person Jiang Aina (pinyin
and the word "Aina") and "aim" in bodies, and the area was not among the first 50 hits
(a visitor at the kiosk). English titles' initials are indexed now; typed in capitals
an acronym ranks as the whole title, typed in lower case ("ai" is pinyin too: 爱, 艾)
below the pinyin and word matches.
"""

from __future__ import annotations

import sqlite3

import pytest

from guide.search import SearchDoc, count_by_kind, search
from tests.support import hit_ids, memory_index

DOCS = (
    SearchDoc("forum", "finance", "双碳战略与绿色金融论坛",
              "Dual Carbon Strategy and Green Finance Forum",
              body_en="Beijing states its aim to become a green finance centre."),
    SearchDoc("area", "ai", "人工智能", "Artificial Intelligence",
              body_en="One of the fields on show at the exhibition."),
    SearchDoc("area", "quantum", "量子信息", "Quantum Information"),
    SearchDoc("organization", "icbc-tongzhou", "中国工商银行北京通州分行",
              "ICBC Beijing Tongzhou Branch"),
    SearchDoc("organization", "icbc", "中国工商银行", "Industrial and Commercial Bank of China"),
    SearchDoc("person", "jiang-aina", "姜爱娜", "Jiang Aina", body="中关村软件园总经理"),
    SearchDoc("person", "ai-qing", "艾青", "Ai Qing"),
)  # fmt: skip


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    return memory_index(DOCS)


ids = hit_ids


def test_an_acronym_in_capitals_finds_its_title_first(conn: sqlite3.Connection) -> None:
    hits = search(conn, "AI", limit=10)
    # A title holding the word itself (the poet Ai Qing) comes first; the area before the
    # "Aina" of Jiang Aina's name and the "aim" of a forum's text.
    assert ids(hits)[:3] == ["ai-qing", "ai", "jiang-aina"]
    assert hits[1].marked(lang="en")[0] == "[A]rtificial [I]ntelligence"
    assert ids(search(conn, "ICBC", limit=10))[:2] == ["icbc-tongzhou", "icbc"]  # the word first
    assert ids(search(conn, "QI", limit=10))[0] == "quantum"
    assert count_by_kind(conn, "AI")["area"] == 1


def test_in_lower_case_pinyin_and_words_come_first_and_the_acronym_after(conn: sqlite3.Connection) -> None:
    found = ids(search(conn, "ai", limit=10))
    assert found[:2] == ["ai-qing", "jiang-aina"]
    assert "ai" in found


def test_an_acronym_is_matched_whole(conn: sqlite3.Connection) -> None:
    assert "ai" not in ids(search(conn, "aim", limit=10))  # on the way to "aim": no acronyms
    assert "quantum" not in ids(search(conn, "QIN", limit=10))


def test_the_acronyms_of_a_title_and_its_parts() -> None:
    from guide.search.english import acronyms

    assert acronyms("artificial intelligence") == (["ai"], [])
    assert acronyms("industrial and commercial bank of china") == (["icbc"], [])
    assert acronyms("2023 zhongguancun forum exhibition (sci-tech expo)") == ([], ["zfe", "ste"])
    assert acronyms("wipo中国办事处") == ([], [])


def test_a_title_holding_the_word_comes_before_a_title_with_those_initials() -> None:
    """On 39C3 "CCC" (the Chaos Computer Club) put "Chaos Cannabis Cup" first, above the
    track "CCC & Community" and "CCC-Jahresrückblick"."""
    conn = memory_index((
        SearchDoc("forum", "cup", "Chaos Cannabis Cup", "Chaos Cannabis Cup"),
        SearchDoc("forum", "review", "CCC-Jahresrückblick", "CCC-Jahresrückblick"),
        SearchDoc("track", "community", "CCC & Community", "CCC & Community"),
    ))
    found = ids(search(conn, "CCC", limit=10))
    assert set(found[:2]) == {"review", "community"} and found[2] == "cup"
