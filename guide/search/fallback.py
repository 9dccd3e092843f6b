"""When every word of a query together finds nothing: the results of fewer of its words.

A query matches a row only if all its words do (query.py), so a visitor's natural phrase
("quantum computer", "robot exhibition") found nothing although "quantum" finds the Quantum
Information area: one word the content never uses hid everything the others find. Then
:func:`search_with_fallback` asks the words the query holds:

1. Each word alone (its count of matches, capped as :func:`count_by_kind` caps it): a word
   that finds nothing is left out.
2. The words left, all together, then fewer and fewer of them, the most specific first
   (fewest matches: "robot" tells more than "exhibition"), until a set finds something.
   One word alone always does, so the search ends with results whenever any word has them.

The work happens only when the whole query finds nothing (a search per try, a count per
word), and is bounded: at most ``MAX_TRIES`` sets are asked before the most specific word
alone. The results say which words they are for, as a query (:attr:`Results.asked`) that
:func:`search` and :func:`count_by_kind` answer as the list shows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from itertools import combinations

from guide.search.counts import count_by_kind
from guide.search.engine import search
from guide.search.model import SearchHit
from guide.search.query import typed_words

# Sets of words asked after the whole query before the most specific word alone: 2^4 - 1,
# every set of four words a phrase of four holds.
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
    its words that finds something, the most specific set first (see the module)."""
    hits = search(conn, query, limit=limit, kind=kind)
    words = typed_words(query)
    if hits or len(words) < 2:
        return Results(query, query, hits)
    matches = {word: _matches(conn, word, kind) for word in words}
    # The most specific first; among as specific, as typed.
    found = sorted((w for w in words if matches[w]), key=lambda w: matches[w])
    tries = 0
    # All the words together are the query itself, which found nothing.
    for size in range(min(len(found), len(words) - 1), 0, -1):
        for chosen in combinations(found, size):
            if size > 1 and tries == MAX_TRIES:
                break  # on to the most specific word alone, which finds something
            tries += size > 1
            asked = " ".join(sorted(chosen, key=words.index))  # in the order typed
            hits = search(conn, asked, limit=limit, kind=kind)
            if hits:
                return Results(query, asked, hits)
    return Results(query, query, [])


def _matches(conn: sqlite3.Connection, word: str, kind: str | None) -> int:
    """How many rows ``word`` alone matches (of ``kind``, if given), up to the count cap."""
    counts = count_by_kind(conn, word)
    return counts.get(kind, 0) if kind is not None else sum(counts.values())
