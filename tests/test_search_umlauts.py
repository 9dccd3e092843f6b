"""German words typed without umlauts: ae, oe, ue for ä, ö, ü (Küche as kueche).

The kiosk's keyboard has no ä, ö or ü, and a German speaker writes them ae, oe and ue
(as ß is ss, which folding does already). The 39C3 programme is largely German, and
"kueche", "zuegli", "haecker", "souveraenitaet" and "waelder" found nothing: folding only
drops the dots (Küche is kuche). A word with ä, ö or ü is now also indexed spelt so
(text.umlaut_spellings), asked by a query word with ae, oe or ue before a letter: English
words ending so (blue, true, glue, toe) meet no Blüte, trüb, Glück or Töchter.
"""

from __future__ import annotations

import sqlite3

import pytest

from guide.search import SearchDoc, count_by_kind, search
from tests.support import memory_index
from tests.support import search_ids as ids

TALKS = (
    SearchDoc("forum", "kitchen", "Chaos macht Küche", body="Kochen für viele Menschen."),
    SearchDoc("forum", "cake", "Kuchen backen", body="Ein Kuchen für alle."),
    SearchDoc("forum", "recipes", "Rezepte", body="Aus der Küche des Congress."),
    SearchDoc("forum", "sovereign", "Digitale Souveränität", body="Häcker:innen und Wälder."),
    SearchDoc("forum", "bloom", "Blütezeit", body="Glück, Töchter und trübe Tage."),
    SearchDoc("forum", "blue", "Blue team basics", body="A queue of poets, true and blue."),
    SearchDoc("person", "mueller", "Müller", body="Hacker"),
)  # fmt: skip


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    return memory_index(TALKS)


@pytest.mark.parametrize("query", ["kueche", "Kueche", "KUECHE"])
def test_ue_finds_the_word_with_u_umlaut_and_marks_it(conn: sqlite3.Connection, query: str) -> None:
    hits = search(conn, query)
    assert [hit.id for hit in hits] == ["kitchen", "recipes"]  # the title's Küche first
    assert hits[0].marked()[0] == "Chaos macht [Küche]"
    assert hits[1].marked()[1] == "Aus der [Küche] des Congress."
    assert count_by_kind(conn, query)["forum"] == 2


def test_ue_ranks_as_the_word_itself(conn: sqlite3.Connection) -> None:
    """kueche is Küche as kuche is: a whole word of the title, above the body's."""
    plain = {hit.id: hit.score for hit in search(conn, "küche")}  # Kuchen too, as a prefix
    assert {hit.id: hit.score for hit in search(conn, "kueche")} == {"kitchen": plain["kitchen"],
                                                                    "recipes": plain["recipes"]}
    assert search(conn, "kuec")[0].marked()[0] == "Chaos macht [Küc]he"  # on the way there


@pytest.mark.parametrize(("query", "found", "marked"), [
    ("souveraenitaet", "sovereign", "Digitale [Souveränität]"),  # longer than the words index's prefixes
    ("souveraen", "sovereign", "Digitale [Souverän]ität"),
    ("digitale souveraenitaet", "sovereign", "[Digitale] [Souveränität]"),
    ("haecker", "sovereign", "Digitale Souveränität"),
    ("waelder", "sovereign", "Digitale Souveränität"),
    ("bluete", "bloom", "[Blüte]zeit"),
    ("mueller", "mueller", "[Müller]"),
])
def test_ae_oe_ue_find_german_words(conn: sqlite3.Connection, query: str, found: str, marked: str) -> None:
    hits = search(conn, query)
    assert [hit.id for hit in hits] == [found]
    assert hits[0].marked()[0] == marked


def test_the_folded_spelling_still_finds_them(conn: sqlite3.Connection) -> None:
    assert ids(conn, "kuche") == ["kitchen", "cake", "recipes"]
    assert ids(conn, "souveranitat") == ["sovereign"]
    assert ids(conn, "kuchen") == ["cake"]  # Kuchen is no Küche
    assert ids(conn, "kuechen") == []  # nor Küchen


@pytest.mark.parametrize(("query", "found"), [
    ("blue", ["blue"]), ("true", ["blue"]), ("queue", ["blue"]), ("poet", ["blue"]),
    ("glue", []), ("toe", []),
])
def test_english_words_do_not_meet_umlauts(conn: sqlite3.Connection, query: str, found: list[str]) -> None:
    """blue is no Blüte (bluete), true no trübe, glue no Glück, toe no Töchter; queue and poet
    find their own words only."""
    hits = search(conn, query)
    assert [hit.id for hit in hits] == found


def test_an_umlaut_spelling_ranks_only_a_word_that_asks_it() -> None:
    """Body matches of "blue" rank alike: the title's Blümchen (~bluemchen) is no start of it."""
    conn = memory_index((SearchDoc("forum", "flowers", "Blümchen", body="A blue sky."),
                         SearchDoc("forum", "sky", "Himmel", body="A blue sky.")))
    assert {hit.score // 10 for hit in search(conn, "blue")} == {0}
    assert search(conn, "bluem")[0].id == "flowers"
