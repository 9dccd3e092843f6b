"""The query path: ``search``. Never imports pypinyin or Qt.

Speed on every keystroke comes from not ranking what cannot be ranked cheaply
(bm25 costs ~2 µs per matching row, ~90 ms for a one-letter query at 100k rows)
and from reading the small title indexes first:

1. Ask which titles start with the first word (up to ``RANK_CAP + 1`` rowids,
   unranked). If more than ``RANK_CAP`` do, they alone fill the page, in
   rowid order (callers index important items first): nothing else is read.
2. Else probe all title matches (titles, names, English titles, pinyin: see
   :mod:`guide.search.titlerows`) for up to ``RANK_CAP + 1`` rowids, unranked. If
   there are at most ``RANK_CAP``, rank them; if they cannot fill the page, add the
   body matches (``search_text``), ranked too when there are few.
3. Otherwise rank the titles that start with the first word, and fill the page with
   the other title matches in rowid order. Body-only matches rank below every title
   match, so they are not needed then.

Ranking is by the tiers of :mod:`guide.search.rank` and then the shorter title, read
from each row's precomputed keys: no bm25, which the rowid-only indexes cannot give
and whose IDF step would read every row of an unselective phrase again.

The final page is sorted by score, so whole and prefix title matches come first.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from operator import itemgetter

from guide.search.hits import hits
from guide.search.model import SearchHit
from guide.search.query import (
    Pieces,
    normalize_query,
    pinyin_query,
    pinyin_splits,
    text_query,
    title_query,
)
from guide.search.rank import NO_DATE, PieceTier, key_columns, piece_tiers, scores
from guide.search.schema import DOC_TABLE
from guide.search.textrows import text_params, text_probe, text_sql
from guide.search.titlerows import title_probe

log = logging.getLogger(__name__)

RANK_CAP = 200
MAX_LIMIT = 1000

Key = tuple[float, str, int]
Ranked = list[tuple[Key, int, float]]  # (sort key, rowid, score), best first


def search(
    conn: sqlite3.Connection, query: str, *, limit: int = 50, kind: str | None = None
) -> list[SearchHit]:
    """Return up to ``limit`` hits for ``query``, best first, optionally of one ``kind``.

    Any text is a valid query; input without a searchable character gives ``[]``.
    """
    try:
        return run_search(conn, query, limit=limit, kind=kind)
    except sqlite3.OperationalError as exc:
        # Safety net only: expressions are built from quoted pieces and cannot fail
        # to parse (the property tests call run_search to prove it).
        if not str(exc).startswith("fts5:"):
            raise
        log.warning("search query %r failed: %s", query[:100], exc)
        return []


def run_search(
    conn: sqlite3.Connection, query: str, *, limit: int = 50, kind: str | None = None
) -> list[SearchHit]:
    """:func:`search` without the safety net (errors propagate)."""
    pieces = normalize_query(query)
    limit = min(limit, MAX_LIMIT)
    if not pieces or limit <= 0:
        return []
    tiers = piece_tiers(pieces)
    cap = max(RANK_CAP, limit)
    # The start question first: when more titles than are ranked start with the first
    # word (most one- and two-letter prefixes at 100k items), the probe of every title
    # match is not needed. Rowids only: their rank keys are read when they are few
    # enough to be ranked.
    start_rows = title_probe(conn, title_query(pieces, kind, start=True), cap)
    if len(start_rows) > cap:
        return hits(conn, pieces, tiers, dict.fromkeys(start_rows[:limit]))
    chosen: dict[int, float | None] = {}
    title_rows = title_probe(conn, title_query(pieces, kind), cap)
    if len(title_rows) <= cap:
        ranked = _scored(conn, title_rows, tiers)
        if len(ranked) < limit:  # titles cannot fill the page: add body matches
            ranked += _body_matches(conn, pieces, tiers, kind, cap, {r for _, r, _ in ranked})
        chosen.update((rowid, value) for _, rowid, value in ranked[:limit])
    else:
        # Many titles match, few start with the first word: rank those (by their
        # keys, read now) and fill the page with the others in rowid order.
        ranked = _scored(conn, start_rows, tiers)
        chosen.update((rowid, value) for _, rowid, value in ranked[:limit])
        for rowid in title_rows:
            if len(chosen) >= limit:
                break
            chosen.setdefault(rowid, None)
    return hits(conn, pieces, tiers, chosen)


def _body_matches(
    conn: sqlite3.Connection,
    pieces: Pieces,
    tiers: list[PieceTier],
    kind: str | None,
    cap: int,
    seen: set[int],
) -> Ranked:
    """Matches outside the title indexes, best first (ranked only when few)."""
    text = text_query(pieces, kind)
    rows = text_probe(conn, text, cap)
    ranked = []
    if len(rows) <= cap:
        # Text matches come with their title keys.
        columns = f"{key_columns(tiers, 'd')}, d.date"
        keyed = conn.execute(text_sql(text, columns), text_params(text, cap + 1)).fetchall()
        ranked = _scored_rows(keyed, tiers)
    extra = [] if ranked else rows
    if len(pieces) > 1:
        for as_pinyin, as_text in pinyin_splits(pieces):
            if as_text:
                extra += split_rows(conn, as_pinyin, as_text, kind, cap, scan=True)
    ranked = [item for item in ranked if item[1] not in seen]
    known = seen | {rowid for _, rowid, _ in ranked}
    extra = [rowid for rowid in dict.fromkeys(extra) if rowid not in known]
    return sorted(ranked + _scored(conn, extra[:cap], tiers), key=lambda item: item[0])


def split_rows(
    conn: sqlite3.Connection,
    as_pinyin: Pieces,
    as_text: Pieces,
    kind: str | None,
    cap: int,
    *,
    scan: bool,
) -> list[int]:
    """Rows matching ``as_pinyin`` in a title and ``as_text`` anywhere (up to cap + 1).

    Cheap when both parts are specific (two short lists intersected). When only the
    pinyin part is, ``scan`` walks the text matches checking each against it (once
    per search, not per kind). A pinyin part matching more than ``cap`` titles (a
    two-letter ``tr``) is skipped: it would cost a scan on every keystroke, and the
    all-text and all-in-title readings of the query are complete anyway.
    """
    titles = title_probe(conn, pinyin_query(as_pinyin, kind), cap)
    if not titles or len(titles) > cap:
        return []
    text = text_query(as_text)
    texts = text_probe(conn, text, cap)
    if len(texts) <= cap:
        return sorted(set(titles).intersection(texts))
    if not scan:
        return []
    rows = conn.execute(text_sql(text, within=True), text_params(text, cap + 1, within=json.dumps(titles)))
    return [rowid for (rowid,) in rows]


def _scored(conn: sqlite3.Connection, rowids: list[int], tiers: list[PieceTier]) -> Ranked:
    """Score rows by their title keys, best first."""
    if not rowids:
        return []
    sql = (f"SELECT rowid, {key_columns(tiers)}, date FROM {DOC_TABLE}"
           " WHERE rowid IN (SELECT value FROM json_each(?))")
    return _scored_rows(conn.execute(sql, (json.dumps(rowids),)).fetchall(), tiers)


def _scored_rows(rows: list[tuple[int, str, str, str, str, str | None, str | None]],
                 tiers: list[PieceTier]) -> Ranked:
    """Score ``(rowid, *keys, date)`` rows (:func:`rank.key_columns`), best first."""
    # Best score first, then the earlier date, then the smaller rowid.
    scored = [((-value, row[6] or NO_DATE, row[0]), row[0], value)
              for row, value in zip(rows, scores(tiers, rows), strict=True)]
    # By the keys alone (unique: the rowid ends each), whose first items are all floats:
    # list.sort then compares those directly instead of each pair of tuples in a tuple.
    scored.sort(key=itemgetter(0))
    return scored
