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
    if hits or len(words) < 2:
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


def _best(answers: list[Results]) -> Results:
    """The answer whose best hit matches best (the score's tiers, not its title length), then
    the one with the fewest hits; the first of equals (the words typed first)."""
    with_hits = [answer for answer in answers if answer.hits]
    return min(with_hits, key=lambda answer: (-(answer.hits[0].score // 10), len(answer.hits)))
