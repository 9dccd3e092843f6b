"""Words with an apostrophe inside (Don't, Don’t, Wikipedia's, Håck ma's): the index splits them
at the apostrophe; a query leaves out the clitic after it and asks the stem as usual.

The talks are from an imported 39C3 programme, where "Don't look up" listed eight sessions,
the unrelated "Bluetooth Headphone Jacking: A Key to Your Phone" among them: the ``t`` after
the apostrophe had become a prefix matching every word starting with t (to, the, …). Asking
each part as a whole word instead lost "Wikipedia's" its talk and "hacker's" the hackers.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from guide.search import SearchDoc, normalize_query, search
from tests.support import memory_index
from tests.support import search_ids as ids

TALKS = (
    SearchDoc("forum", "bluetooth", "Bluetooth Headphone Jacking: A Key to Your Phone",
              body="Attackers turned to the headphones they trust."),
    SearchDoc("forum", "geo", "Don’t look up: There are sensitive internal links in the clear"
                              " on GEO satellites",
              body="We pointed a satellite dish at the sky."),
    SearchDoc("forum", "wiki", "AI-generated content in Wikipedia - a tale of caution",
              body="Editors fight machine text."),
    SearchDoc("forum", "vibe", "When Vibe Scammers Met Vibe Hackers", body="Scams and their makers."),
    SearchDoc("forum", "chaos", "Neue Chaos Events - InselChaos und Håck ma’s Castle",
              body="Das Håck ma’s Castle wird mit etwas Glück wieder stattfinden."),
    SearchDoc("forum", "xian", "西安论坛", "Xi'an forum"),
    SearchDoc("forum", "uplink", "c’t uplink: Digitale Souveränität",
              body="In dieser Sonderfolge des c’t uplink blicken wir zurück."),
    SearchDoc("forum", "climate", "CCC&T - Cosmic ray, the Climate Catastrophe and Trains.",
              body="How can we predict trains? Try to answer that."),
    SearchDoc("forum", "ctf", "Cheating at Blue Team CTFs", body="Capture the flag."),
)  # fmt: skip


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    return memory_index(TALKS)


@pytest.mark.parametrize("query", ["Don't look up", "Don’t look up", "don’t look up", "DON'T LOOK UP"])
def test_dont_look_up_finds_the_talk_and_not_every_t_word(conn: sqlite3.Connection, query: str) -> None:
    assert [p.text for p in normalize_query(query)] == ["don", "look", "up"]
    assert ids(conn, query) == ["geo"]  # the Bluetooth talk holds "to", not "don't"


def test_only_the_words_typed_are_marked_not_every_word_starting_with_t(conn: sqlite3.Connection) -> None:
    hit = search(conn, "Don't look up")[0]
    assert [hit.title[s:e] for s, e in hit.title_marks] == ["Don", "look", "up"]


@pytest.mark.parametrize(("query", "found"), [
    ("Wikipedia's", ["wiki"]), ("hacker's", ["vibe"]), ("ma's castle", ["chaos"]),
    # hack… and ma… also start "Hackers" and "makers": the title that says it comes first.
    ("Håck ma's", ["chaos", "vibe"]),
])
def test_a_possessive_finds_what_the_name_finds(conn: sqlite3.Connection, query: str,
                                                found: list[str]) -> None:
    assert ids(conn, query) == found


def test_one_letter_parts_and_clitics_are_left_out_the_rest_asked() -> None:
    assert [p.text for p in normalize_query("o'clock")] == ["clock"]
    assert [p.text for p in normalize_query("rock'n'roll")] == ["rock", "roll"]
    assert [p.text for p in normalize_query("they're we've you'll")] == ["they", "we", "you"]
    # A word with no other part is asked joined, as the index holds it too.
    assert [p.text for p in normalize_query("a'b")] == ["ab"]
    assert [p.text for p in normalize_query("I'm here")] == ["im", "here"]


def test_pinyin_with_an_apostrophe_still_reads_as_pinyin(conn: sqlite3.Connection) -> None:
    # Pinyin writes an apostrophe before a syllable starting with a, o or e: xi'an is 西安.
    assert ids(conn, "xi'an") == ["xian"]
    assert ids(conn, "xi’an luntan") == ["xian"]


@pytest.mark.parametrize("query", ["c't", "c’t", "ct", "C’T", "CT"])
def test_ct_finds_the_magazine_first_not_every_c_and_t_word(conn: sqlite3.Connection, query: str) -> None:
    """39C3's "c’t uplink": "c't" asked c… and t… as prefixes, found 100+ sessions and
    marked every c and t ("[C]CC&[T] - [C]osmic ray, [t]he [C]limate"); "ct", all a kiosk's
    keyboard can type (it has no apostrophe), found nothing for the magazine."""
    hits = search(conn, query)
    assert [h.id for h in hits] == ["uplink", "ctf"]  # a word starting with ct: CTFs
    title, snippet = hits[0].marked()
    assert title == "[c’t] uplink: Digitale Souveränität"
    assert snippet == "In dieser Sonderfolge des [c’t] uplink blicken wir zurück."


@pytest.mark.parametrize("query", ["ct uplink", "c't uplink", "c’t uplink"])
def test_ct_uplink_finds_the_session(conn: sqlite3.Connection, query: str) -> None:
    assert ids(conn, query) == ["uplink"]
    assert search(conn, query)[0].marked()[0] == "[c’t] [uplink]: Digitale Souveränität"


@pytest.mark.parametrize("query", ["c't", "ct", "ct uplink", "c’t uplink"])
def test_the_imported_39c3_programme_lists_ct_uplink_first(programme_db: Path, query: str) -> None:
    conn = sqlite3.connect(programme_db)
    hits = search(conn, query)
    assert hits and hits[0].title.startswith("c’t uplink:"), [h.title for h in hits[:3]]
    assert len(hits) < 10  # not every session with a word starting with c and one with t
