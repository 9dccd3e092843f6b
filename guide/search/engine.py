"""The query path: ``search`` and ``count_by_kind``. Never imports pypinyin or Qt.

Speed on every keystroke comes from not ranking what cannot be ranked cheaply
(bm25 costs ~2 µs per matching row, ~90 ms for a one-letter query at 100k rows):

1. Probe: fetch up to ``RANK_CAP + 1`` matching rowids (rowid order, no ranking).
2. If the query is selective (<= ``RANK_CAP`` rows), rank them all.
3. Otherwise rank only the rows matching in titles/names/pinyin, if those are few;
   else only the rows whose title starts with the first piece, if those are few;
   and fill up with the remaining matches in rowid order (callers index important
   items first). The final page is sorted by score, so whole and prefix title
   matches still come first within it.
"""

from __future__ import annotations

import logging
import sqlite3

from guide.search import highlight as hl
from guide.search.model import SearchHit
from guide.search.query import Piece, Scope, match_expression, normalize_query
from guide.search.rank import PieceTier, score, sort_key
from guide.search.schema import BM25_WEIGHTS, DOC_TABLE, FTS_TABLE, KIND_TABLE

log = logging.getLogger(__name__)

RANK_CAP = 300
COUNT_CAP = 1000
MAX_LIMIT = 1000

_PROBE = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?"
_RANK = (
    f"SELECT {FTS_TABLE}.rowid, bm25({FTS_TABLE}, {', '.join(map(str, BM25_WEIGHTS))}),"
    f" d.rank_cjk, d.rank_words, d.rank_pinyin, d.date"
    f" FROM {FTS_TABLE} JOIN {DOC_TABLE} AS d ON d.rowid = {FTS_TABLE}.rowid"
    f" WHERE {FTS_TABLE} MATCH ?"
)
_COUNT = f"SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?)"


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


def count_by_kind(conn: sqlite3.Connection, query: str) -> dict[str, int]:
    """Return the number of matches of ``query`` for every indexed kind (zeros too).

    Counts stop at ``COUNT_CAP`` (1000) per kind, to stay fast on one-letter queries;
    a count of 1000 means "1000 or more". Empty or unsearchable input gives ``{}``.
    """
    pieces = normalize_query(query)
    if not pieces:
        return {}
    kinds = [k for (k,) in conn.execute(f"SELECT kind FROM {KIND_TABLE} ORDER BY kind")]
    counts: dict[str, int] = {}
    for kind in kinds:
        expression = match_expression(pieces, Scope.ALL, kind)
        try:
            (counts[kind],) = conn.execute(_COUNT, (expression, COUNT_CAP)).fetchone()
        except sqlite3.OperationalError as exc:
            if not str(exc).startswith("fts5:"):
                raise
            log.warning("count query %r failed: %s", query[:100], exc)
            counts[kind] = 0
    return counts


def run_search(
    conn: sqlite3.Connection, query: str, *, limit: int = 50, kind: str | None = None
) -> list[SearchHit]:
    """:func:`search` without the safety net (errors propagate)."""
    pieces = normalize_query(query)
    limit = min(limit, MAX_LIMIT)
    if not pieces or limit <= 0:
        return []
    tiers = [PieceTier(p) for p in pieces]
    cap = max(RANK_CAP, limit)
    ranked, rest = _candidates(conn, pieces, tiers, kind, cap)
    chosen: dict[int, float | None] = dict(ranked[:limit])
    for rowid in rest:
        if len(chosen) >= limit:
            break
        chosen.setdefault(rowid, None)
    return _hits(conn, pieces, tiers, chosen)


def _candidates(
    conn: sqlite3.Connection,
    pieces: tuple[Piece, ...],
    tiers: list[PieceTier],
    kind: str | None,
    cap: int,
) -> tuple[list[tuple[int, float]], list[int]]:
    """Return (ranked ``(rowid, score)`` pairs, further rowids in fallback order)."""
    everything = match_expression(pieces, Scope.ALL, kind)
    rows = _probe(conn, everything, cap)
    if len(rows) <= cap:
        return _rank(conn, everything, tiers), []
    titles = match_expression(pieces, Scope.TITLE, kind)
    title_rows = _probe(conn, titles, cap)
    if len(title_rows) <= cap:
        return _rank(conn, titles, tiers), rows
    starts = match_expression(pieces, Scope.START, kind)
    start_rows = _probe(conn, starts, cap)
    if len(start_rows) <= cap:
        return _rank(conn, starts, tiers), title_rows + rows
    return [], start_rows + title_rows + rows


def _probe(conn: sqlite3.Connection, expression: str, cap: int) -> list[int]:
    return [rowid for (rowid,) in conn.execute(_PROBE, (expression, cap + 1))]


def _rank(
    conn: sqlite3.Connection, expression: str, tiers: list[PieceTier]
) -> list[tuple[int, float]]:
    scored = []
    for rowid, bm25, rank_cjk, rank_words, rank_pinyin, date in conn.execute(
        _RANK, (expression,)
    ):
        value = score(tiers, (rank_cjk, rank_words, rank_pinyin), bm25)
        scored.append((sort_key(value, date, rowid), rowid, value))
    scored.sort()
    return [(rowid, value) for _, rowid, value in scored]


def _hits(
    conn: sqlite3.Connection,
    pieces: tuple[Piece, ...],
    tiers: list[PieceTier],
    chosen: dict[int, float | None],
) -> list[SearchHit]:
    """Load the chosen rows and turn them into hits, best first."""
    if not chosen:
        return []
    placeholders = ",".join("?" * len(chosen))
    rows = conn.execute(
        "SELECT rowid, kind, id, title, title_en, names, body, body_en, date,"
        f" rank_cjk, rank_words, rank_pinyin, pinyin_map FROM {DOC_TABLE}"
        f" WHERE rowid IN ({placeholders})",
        list(chosen),
    ).fetchall()
    marker = hl.Marker(pieces)
    keyed = []
    for row in rows:
        rowid, date, keys = row[0], row[8], (row[9], row[10], row[11])
        value = chosen[rowid]
        if value is None:  # unranked fallback row: tiers only, no bm25
            value = score(tiers, keys)
        keyed.append((sort_key(value, date, rowid), _hit(marker, row, value)))
    keyed.sort(key=lambda pair: pair[0])
    return [hit for _, hit in keyed]


def _hit(marker: hl.Marker, row: tuple[object, ...], value: float) -> SearchHit:
    kind, id_, title, title_en, names, body, body_en = (str(v) for v in row[1:8])
    pinyin_fields = hl.parse_pinyin_map(str(row[12]))
    title_marks = hl.merge(marker.text_spans(title) + marker.pinyin_spans(pinyin_fields[0]))
    name_list = names.split("\n") if names else []
    names_text, name_spans = _names(marker, name_list, pinyin_fields[1:])
    snippet_marks: tuple[hl.Span, ...]
    for source, spans in (
        (body, None),
        (body_en, None),
        (names_text, name_spans),
        (title_en, None),
    ):
        found = hl.merge(marker.text_spans(source) if spans is None else spans)
        if found:
            text, snippet_marks = hl.snippet(source, found)
            break
    else:
        source = body or body_en or title_en
        text, snippet_marks = hl.snippet(source, ())
    return SearchHit(kind, id_, title, text, title_marks, snippet_marks, value)


def _names(
    marker: hl.Marker, names: list[str], pinyin_fields: list[list[tuple[str, ...]]]
) -> tuple[str, list[hl.Span]]:
    """Join names for display and find the pieces in them (pinyin included)."""
    separator = "、"
    spans: list[hl.Span] = []
    offset = 0
    for i, name in enumerate(names):
        found = marker.text_spans(name)
        if i < len(pinyin_fields) and len(pinyin_fields[i]) == len(name):
            found += marker.pinyin_spans(pinyin_fields[i])
        spans += [(s + offset, e + offset) for s, e in found]
        offset += len(name) + len(separator)
    return separator.join(names), spans
