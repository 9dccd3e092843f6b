"""When every word of a query together finds nothing: the results of fewer of its words.

A query matches a row only if all its words do (query.py), so a visitor's natural phrase
("quantum computer", "robot exhibition") found nothing although "quantum" finds the Quantum
Information area: one word the content never uses hid everything the others find. Then
:func:`search_with_fallback` asks the words the query holds:

1. Each word alone: a word that finds nothing is left out.
2. The words left, all together, then fewer and fewer of them, until a set finds something.
   Among sets of as many words, the best match wins (the score of its best hit, as far as
   tiers tell: a word in a title over a word in a body or a pinyin coincidence), then the
   most specific (fewest hits: "robot" tells more than "exhibition"), then the order typed.
   One word alone always finds something, so the search ends with results whenever any
   word has them.

A query of one word of run-together pinyin ("rengongxietong", as Chinese visitors type) is read
as two words split at a syllable boundary (:func:`_split_pinyin`): the split nearest the middle
whose two halves each find something ("rengong xietong"), which then go through the steps above.

The work happens only when the whole query finds nothing (a search per word, then one per
set asked), and is bounded: at most ``MAX_TRIES`` sets of two words or more are asked. The
results say which words they are for, as a query (:attr:`Results.asked`) that
:func:`search` and :func:`count_by_kind` answer as the list shows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from itertools import combinations

from guide.search.engine import search
from guide.search.model import SearchHit
from guide.search.query import typed_words
from guide.search.syllables import is_syllables

# Pinyin words longer than this are not split (a pasted paragraph is no typed word).
SPLIT_MAX_LETTERS = 30
SPLIT_MIN_LETTERS = 4  # of each half
# Sets of two words or more asked (a search each) before the words alone: every set of a
# phrase of four words (4 of three, 6 of two), those of four and three of one of five.
MAX_TRIES = 15


@dataclass(frozen=True)
class Results:
    """The hits of :func:`search_with_fallback`: for ``query`` itself, or, when that found
    nothing, for ``asked``, the words of it that find something (as typed, in its order)."""

    query: str
    asked: str
    hits: list[SearchHit] = field(default_factory=list)

    @property
    def fewer_words(self) -> bool:
        """Whether the hits are for fewer words than were typed."""
        return self.asked != self.query


def search_with_fallback(
    conn: sqlite3.Connection, query: str, *, limit: int = 50, kind: str | None = None
) -> Results:
    """:func:`search` for ``query``; when it finds nothing, the hits of the largest set of
    its words that finds something, the best and most specific first (see the module)."""
    hits = search(conn, query, limit=limit, kind=kind)
    words = typed_words(query)
    if hits:
        return Results(query, query, hits)
    if len(words) == 1:
        split = _split_pinyin(conn, words[0], limit=limit, kind=kind)
        if split is None:
            return Results(query, query, hits)
        inner = search_with_fallback(conn, split, limit=limit, kind=kind)
        return Results(query, inner.asked, inner.hits)
    if len(words) < 2:
        return Results(query, query, hits)
    alone = {word: search(conn, word, limit=limit, kind=kind) for word in words}
    found = [word for word in words if alone[word]]
    tries = 0
    # All the words together are the query itself, which found nothing.
    for size in range(min(len(found), len(words) - 1), 1, -1):
        answers = []
        for chosen in combinations(found, size):
            if tries == MAX_TRIES:
                break
            tries += 1
            asked = " ".join(chosen)  # combinations keep the order typed
            answers.append(Results(query, asked, search(conn, asked, limit=limit, kind=kind)))
        if any(answer.hits for answer in answers):
            return _best(answers)
    if not found:
        return Results(query, query, [])
    return _best([Results(query, word, alone[word]) for word in found])


def _split_pinyin(conn: sqlite3.Connection, word: str, *, limit: int, kind: str | None) -> str | None:
    """``word`` as two words of whole pinyin syllables ("rengong xietong"), split where both
    halves find something, nearest the middle first; else the longest half that finds
    something alone; None when the word is no run of syllables or no half finds anything.
    At most ``MAX_TRIES`` searches."""
    letters = word.lower()
    if not (letters.isascii() and letters.isalpha()) or len(letters) > SPLIT_MAX_LETTERS:
        return None
    spelt = letters.replace("v", "u")  # lv for lü, as the index reads it; the table has lu
    # Halves of 4 letters or more: a syllable or two alone ("lv", "sen") is a prefix of words
    # everywhere, so "lvsen", typed on the way to a longer word, showed English "sensors".
    cuts = [cut for cut in range(SPLIT_MIN_LETTERS, len(letters) - SPLIT_MIN_LETTERS + 1)
            if is_syllables(spelt[:cut]) and is_syllables(spelt[cut:])]
    cuts.sort(key=lambda cut: abs(len(letters) - 2 * cut))  # the most even split first
    finds: dict[str, bool] = {}
    searches = 0
    for cut in cuts:
        halves = (letters[:cut], letters[cut:])
        for half in halves:
            if half not in finds and searches < MAX_TRIES:
                searches += 1
                finds[half] = bool(search(conn, half, limit=1, kind=kind))
        if all(finds.get(half) for half in halves):
            return " ".join(halves)
    found = [half for half, hit in finds.items() if hit]
    return max(found, key=len) if found else None


def _best(answers: list[Results]) -> Results:
    """The answer whose best hit matches best (the score's tiers, not its title length), then
    the one with the fewest hits; the first of equals (the words typed first)."""
    with_hits = [answer for answer in answers if answer.hits]
    return min(with_hits, key=lambda answer: (-(answer.hits[0].score // 10), len(answer.hits)))
