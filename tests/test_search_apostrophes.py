"""Words with an apostrophe inside (Don't, Don’t, Håck ma's): the index splits them at the
apostrophe, and a query asks the parts as the whole words they are.

The talks are from an imported 39C3 programme, where "Don't look up" listed eight sessions,
the unrelated "Bluetooth Headphone Jacking: A Key to Your Phone" among them: the ``t`` after
the apostrophe had become a prefix matching every word starting with t (to, the, …) and
``don`` matched "done".
"""

from __future__ import annotations

import sqlite3

import pytest

from guide.search import SearchDoc, count_by_kind, create_index, index_documents, normalize_query, search

TALKS = (
    SearchDoc("forum", "bluetooth", "Bluetooth Headphone Jacking: A Key to Your Phone",
              body="We are done looking at what attackers could do, and turned to the updates"
                   " they rely upon."),
    SearchDoc("forum", "geo", "Don’t look up: There are sensitive internal links in the clear"
                              " on GEO satellites",
              body="We pointed a satellite dish at the sky."),
    SearchDoc("forum", "zen", "The Angry Path to Zen: AMD Zen Microcode Tools and Insights",
              body="Using a weakness we can load custom microcode updates. We don't look at"
                   " everything."),
    SearchDoc("forum", "chaos", "Neue Chaos Events - InselChaos und Håck ma’s Castle",
              body="Das Håck ma’s Castle wird mit etwas Glück wieder stattfinden."),
    SearchDoc("forum", "mask", "Many masks", body="Masks made for the stage, and a Mac."),
    SearchDoc("forum", "xian", "西安论坛", "Xi'an forum"),
)  # fmt: skip


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    create_index(conn)
    with conn:
        index_documents(conn, TALKS)
    return conn


def ids(conn: sqlite3.Connection, query: str) -> list[str]:
    return [hit.id for hit in search(conn, query)]


@pytest.mark.parametrize("query", ["Don't look up", "Don’t look up", "don’t look up", "DON'T LOOK UP"])
def test_dont_look_up_finds_the_talk_first_and_no_talk_without_dont(conn: sqlite3.Connection,
                                                                     query: str) -> None:
    # The Zen talk's abstract says "don't look"; the Bluetooth talk says "done", "looking" and
    # "to", none of which is "don't".
    assert ids(conn, query) == ["geo", "zen"]
    assert count_by_kind(conn, query)["forum"] == 2


def test_only_the_words_typed_are_marked_not_every_word_starting_with_t(conn: sqlite3.Connection) -> None:
    hit = search(conn, "Don't look up")[0]
    assert [hit.title[s:e] for s, e in hit.title_marks] == ["Don", "t", "look", "up"]


def test_an_apostrophe_s_is_the_s_of_that_name_not_every_word_starting_with_s(
        conn: sqlite3.Connection) -> None:
    assert ids(conn, "Håck ma's") == ["chaos"]
    assert ids(conn, "ma's castle") == ["chaos"]
    # "ma" before an apostrophe is a whole word: not the start of "masks" or "made".
    assert ids(conn, "ma's") == ["chaos"]


def test_the_last_part_being_typed_is_still_a_prefix() -> None:
    # Parts the user has typed past are whole words; a longer last part may be half typed.
    assert [(p.text, p.whole) for p in normalize_query("can't sto")] == [
        ("can", True), ("t", True), ("sto", False)]
    assert [(p.text, p.whole) for p in normalize_query("o'clo")] == [("o", True), ("clo", False)]


def test_pinyin_with_an_apostrophe_still_reads_as_pinyin(conn: sqlite3.Connection) -> None:
    # Pinyin writes an apostrophe before a syllable starting with a, o or e: xi'an is 西安.
    assert ids(conn, "xi'an") == ["xian"]
    assert ids(conn, "xi’an luntan") == ["xian"]
