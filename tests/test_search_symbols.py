"""A letter with symbols (C++, C#, F#): a word of its own, not the prefix of every c-word.

The symbols are punctuation to the index, so "C++" and "C#" were asked as the one letter
c… and found every word starting with c: in a programme with talks on C++, "Cats and
cars" and "C# for games" came with, marked [C]ats and [c]ars. Now such a word is indexed
and asked spelt in letters (text.symbol_words: cpp, csharp), as c’t is joined (ct).
"""

from __future__ import annotations

import sqlite3

import pytest

from guide.search import SearchDoc, normalize_query, search
from guide.search import text as search_text
from guide.search.fallback import search_with_fallback
from guide.search.query import typed_words
from tests.support import memory_index
from tests.support import search_ids as ids

TALKS = (
    SearchDoc("forum", "cpp", "C++ in practice", body="Templates, ranges and C++20 modules."),
    SearchDoc("forum", "csharp", "C# for games", body="Scripting a game engine in C#."),
    SearchDoc("forum", "cats", "Cats and cars", body="Cute cats in cool cars."),
    SearchDoc("forum", "fsharp", "F# and functional programming", body="Types for free."),
    SearchDoc("forum", "cpp-zh", "C＋＋语言入门", "C++ for beginners", body="学习Ｃ＃与C++语言。"),
    # Its English title's initials are cpp: still not a C++ talk.
    SearchDoc("area", "cpp-acronym", "计算机编程", "Computer Programming Principles"),
)  # fmt: skip


@pytest.fixture(scope="module")
def conn() -> sqlite3.Connection:
    return memory_index(TALKS)


@pytest.mark.parametrize("query", ["C++", "c++", "C＋＋"])
def test_cpp_finds_the_cpp_talks_and_not_every_c_word(conn: sqlite3.Connection, query: str) -> None:
    assert sorted(ids(conn, query)) == ["cpp", "cpp-zh"]  # not Cats and cars, not C#, not cpp's initials
    hits = {hit.id: hit.marked() for hit in search(conn, query)}
    assert hits["cpp"] == ("[C++] in practice", "Templates, ranges and [C++]20 modules.")
    assert hits["cpp-zh"][0] == "[C＋＋]语言入门"


@pytest.mark.parametrize(("query", "found", "title"), [
    ("C#", ["csharp", "cpp-zh"], "[C#] for games"),  # the Chinese course names Ｃ＃ in its body
    ("c#", ["csharp", "cpp-zh"], "[C#] for games"),
    ("F#", ["fsharp"], "[F#] and functional programming"),  # not "C# [f]or games"
])
def test_sharp_finds_the_language(conn: sqlite3.Connection, query: str, found: list[str], title: str) -> None:
    hits = search(conn, query)
    assert [hit.id for hit in hits] == found
    assert hits[0].marked()[0] == title


@pytest.mark.parametrize(("query", "found"), [("cpp", "cpp"), ("csharp", "csharp"), ("fsharp", "fsharp")])
def test_the_language_spelt_in_letters_finds_it_too(conn: sqlite3.Connection, query: str, found: str) -> None:
    """A kiosk's keyboard has no + or #: the name spelt as it is where symbols cannot be."""
    assert found in ids(conn, query)[:2]  # C++ in practice, or the course of a shorter title


def test_a_query_reads_the_symbols_as_a_word_and_a_lone_c_as_before(conn: sqlite3.Connection) -> None:
    assert [p.text for p in normalize_query("C++ C# F# c")] == ["cpp", "csharp", "fsharp", "c"]
    assert [p.text for p in normalize_query("a#b 5g+ c+ c+++")] == ["a", "b", "5g", "c"]
    assert ids(conn, "C++ practice") == ["cpp"]
    assert set(ids(conn, "c")) >= {"cpp", "csharp", "cats"}  # c… still starts them all


def test_fewer_words_keep_the_symbols(conn: sqlite3.Connection) -> None:
    """No talk is on Rust: the fallback asks "C++" alone, not "C" (every c-word)."""
    assert typed_words("C++ and C# games") == ["C++", "and", "C#", "games"]
    results = search_with_fallback(conn, "C++ Rust")
    assert results.asked == "C++"
    assert sorted(hit.id for hit in results.hits) == ["cpp", "cpp-zh"]


@pytest.mark.parametrize(("query", "words", "found"), [
    ("Ｃ＃ Rust", ["Ｃ＃", "Rust"], ["csharp", "cpp-zh"]),  # a Chinese input method's fullwidth mode
    ("C＋＋ Rust", ["C＋＋", "Rust"], ["cpp", "cpp-zh"]),
    ("Ｃ＋＋ 游戏", ["Ｃ＋＋", "游戏"], ["cpp", "cpp-zh"]),
])
def test_fewer_words_keep_fullwidth_symbols(conn: sqlite3.Connection, query: str, words: list[str],
                                            found: list[str]) -> None:
    """Ｃ＃ before a word nothing holds: the fallback asks "Ｃ＃" as typed, not the letter Ｃ
    (every c-word, Cats and cars first), as it does for the narrow C#."""
    assert typed_words(query) == words
    results = search_with_fallback(conn, query)
    assert results.asked == words[0]
    assert sorted(hit.id for hit in results.hits) == sorted(found)


def test_an_energy_label_is_no_app() -> None:
    """A++ (a fridge's energy label, common in German texts) is no language: it was indexed
    as the word "app", and "app" found the fridge talk first, its [A++] marked. Only names
    are spelt (cpp, csharp, fsharp, qsharp, gpp); another letter's symbols stay the letter."""
    conn = memory_index((
        SearchDoc("forum", "fridge", "Kühlschränke der Klasse A++", body="Energielabel A++ erklärt."),
        SearchDoc("forum", "apps", "Apps for the congress", body="Our app helps."),
        SearchDoc("forum", "notes", "Sonate in A# und D#", body="As ashes fall."),
    ))
    for query in ("app", "ap", "apps"):
        assert ids(conn, query) == ["apps"], query
    assert ids(conn, "ash") == ["notes"]  # its ashes, not A# spelt asharp
    assert search(conn, "app")[0].marked()[0] == "[App]s for the congress"
    assert [p.text for p in normalize_query("A++ g++ C++ Q# j# A#")] == ["a", "gpp", "cpp", "qsharp", "j"]


@pytest.mark.parametrize(("query", "first", "title"), [
    ("c sharp", "csharp", "[C#] for games"),  # the kiosk's keyboard has no # key
    ("C Sharp", "csharp", "[C#] for games"),
    ("c-sharp", "csharp", "[C#] for games"),
    ("f sharp", "fsharp", "[F#] and functional programming"),
    ("c plus plus", "cpp", "[C++] in practice"),
    ("cplusplus", "cpp", "[C++] in practice"),
])
def test_a_name_said_in_words_is_the_name(query: str, first: str, title: str) -> None:
    """Typed without # or +, "c sharp" was the letter c (every c-word, Cats and cars among
    them) and "sharp"; it is C#, and a text's "C sharp" is found by "C#" too."""
    sonata = SearchDoc("forum", "sonata", "Sonata in C sharp minor", body="A sharp knife.")
    conn = memory_index((*TALKS, sonata))
    hits = {hit.id: hit for hit in search(conn, query)}
    assert first in hits and "cats" not in hits
    assert hits[first].marked()[0] == title
    if first == "csharp":
        assert hits["sonata"].marked()[0] == "Sonata in [C sharp] minor"
        assert "sonata" in ids(conn, "C#")
    assert typed_words(query + " Rust") == [query, "Rust"]  # the fallback keeps it whole
    assert search_with_fallback(conn, query + " Rust").asked == query


def test_a_sharp_knife_stays_words(conn: sqlite3.Connection) -> None:
    """Only names are read so: "a sharp" is no language."""
    pieces = normalize_query("a sharp knife, x plus plus")
    assert [p.text for p in pieces] == ["a", "sharp", "knife", "x", "plus"]


class _Unscanned:
    """A regex that must not run: the text cannot hold what it looks for."""

    def finditer(self, text: str) -> None:
        raise AssertionError(f"scanned {text!r}")


@pytest.mark.parametrize("text", [
    "探索“学科+产业”的创新，以“1+1+m+n”模式", "旗下“创e+”,联合建", "a surplus fund, plus a sharp rise",
    "x++ and a# and 5g+", "the plus side: sharpen",
])  # fmt: skip
def test_text_without_a_name_skips_the_symbol_scans(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Highlighting asks every shown title and body for these names at each keystroke, and the
    two regexes try every position of the text: news with 1+1+N or "surplus" paid for them."""
    monkeypatch.setattr(search_text, "SYMBOL_WORD", _Unscanned())
    monkeypatch.setattr(search_text, "SPOKEN_SYMBOL", _Unscanned())
    assert search_text.symbol_words(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("c++ or c#", ["cpp", "csharp"]), ("learn c sharp, g-plus-plus", ["csharp", "gpp"]),
    ("f#语言和cplusplus", ["fsharp", "cpp"]), ("q-sharp 1+1", ["qsharp"]), ("c plus plus", ["cpp"]),
])  # fmt: skip
def test_the_scans_still_find_every_name(text: str, found: list[str]) -> None:
    assert [spelt for _start, _end, spelt in search_text.symbol_words(text)] == found
