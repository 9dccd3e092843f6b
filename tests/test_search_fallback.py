"""A phrase whose words never meet in one item: the results of the words that find something.

A visitor typing "quantum computer" or "robot exhibition" got "No results" although "quantum"
alone finds the Quantum Information area and "robot" the robot photo: every word must match.
"""

from __future__ import annotations

import sqlite3

import pytest

from guide.search import SearchDoc, count_by_kind, search, search_with_fallback
from guide.search import fallback as fb
from tests.support import memory_index

DOCS = (
    SearchDoc("area", "quantum", "量子信息", "Quantum Information",
              body_en="Quantum information was on show at the exhibition."),
    SearchDoc("area", "expo", "科博会", "Sci-Tech Exhibition", body_en="The exhibition of the forum."),
    SearchDoc("area", "ai", "人工智能", "Artificial Intelligence", body_en="On show at the exhibition."),
    SearchDoc("photo", "robot", "观众与机器人互动", "Visitors interact with a robot."),
    SearchDoc("forum", "green", "绿色金融论坛", "Green Finance Forum", body_en="Green finance and climate."),
    SearchDoc("announcement", "centre", "北京建设绿色金融中心", "Beijing builds a green finance centre"),
)  # fmt: skip


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    return memory_index(DOCS)


@pytest.mark.parametrize(("query", "asked"), [
    ("quantum computer", "quantum"),
    ("quantum computing", "quantum"),
    ("Quantum Computer", "Quantum"),  # as typed: capitals still tell an acronym
    ("量子 计算机", "量子"),
    ("green finance xyzzy", "green finance"),  # the words left find something together
    ("computer quantum information", "quantum information"),  # in the order typed
    ("robot exhibition", "robot"),  # both find something, never together: the more specific
    ("exhibition climate", "exhibition"),  # in a title, not only in a text
])
def test_the_words_that_find_something_are_shown(conn: sqlite3.Connection, query: str, asked: str) -> None:
    assert search(conn, query) == []
    found = search_with_fallback(conn, query)
    assert found.fewer_words and found.query == query and found.asked == asked
    assert found.hits == search(conn, asked)
    # The counts a page shows for those words are those of the list: the same rows.
    every = search(conn, asked, limit=1000)
    counts = count_by_kind(conn, found.asked)
    assert {k: n for k, n in counts.items() if n} == {k: sum(h.kind == k for h in every) for k in
                                                      {h.kind for h in every}}


def searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The queries search_with_fallback asks from now on."""
    asked: list[str] = []

    def counted(*args: object, **kwargs: object) -> object:
        asked.append(str(args[1]))
        return search(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fb, "search", counted)
    return asked


def test_a_query_that_finds_something_is_answered_as_typed_with_no_extra_work(
        conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = searches(monkeypatch)
    found = search_with_fallback(conn, "quantum information")
    assert not found.fewer_words and found.asked == "quantum information"
    assert [h.id for h in found.hits] == ["quantum"]
    assert asked == ["quantum information"]


@pytest.mark.parametrize("query", ["foo bar", "xyzzy", "", "   "])
def test_words_that_find_nothing_at_all_give_no_results(conn: sqlite3.Connection, query: str) -> None:
    found = search_with_fallback(conn, query)
    assert found.hits == [] and not found.fewer_words


def test_a_kind_asked_for_is_kept(conn: sqlite3.Connection) -> None:
    found = search_with_fallback(conn, "exhibition robot", kind="area")
    assert found.asked == "exhibition" and {h.kind for h in found.hits} == {"area"}


def test_a_long_phrase_asks_a_bounded_number_of_searches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight words, each in items of its own: no two find anything together. At most
    MAX_TRIES sets are asked, then the most specific word alone wins (the one in one item)."""
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    docs = [SearchDoc("forum", f"{w}{i}", f"论坛{i}", f"{w} forum") for i, w in enumerate(words)
            for _ in range(1 + (w != "echo"))]
    docs = [SearchDoc(d.kind, f"{d.id}-{n}", d.title, d.title_en) for n, d in enumerate(docs)]
    conn = memory_index(docs)
    asked = searches(monkeypatch)
    found = search_with_fallback(conn, " ".join(words))
    assert found.asked == "echo" and len(found.hits) == 1
    assert len(asked) == 1 + len(words) + fb.MAX_TRIES  # the phrase, each word, the sets
