"""The query path: ``search`` and ``count_by_kind``. Never imports pypinyin or Qt.

Speed on every keystroke comes from not ranking what cannot be ranked cheaply
(bm25 costs ~2 µs per matching row, ~90 ms for a one-letter query at 100k rows)
and from reading the small title index first:

1. Probe the titles (``search_title``: titles, names, English titles, pinyin) for
   up to ``RANK_CAP + 1`` rowids, unranked. If there are at most ``RANK_CAP``, rank
   them; if they cannot fill the page, add the body matches (``search_text``),
   ranked too when there are few.
2. Otherwise rank only the titles whose start matches the first word, if those
   are few, and fill the page with the other title matches in rowid order
   (callers index important items first). Body-only matches rank below every
   title match, so they are not needed then.

The final page is sorted by score, so whole and prefix title matches come first.
"""

from __future__ import annotations

import json
import logging
import sqlite3

from guide.search import highlight as hl
from guide.search.model import SearchHit
from guide.search.query import (
    Pieces,
    normalize_query,
    pinyin_expression,
    pinyin_splits,
    text_expression,
    title_expression,
)
from guide.search.rank import PieceTier, score, sort_key
from guide.search.schema import (
    DOC_TABLE,
    KIND_BITS,
    KIND_TABLE,
    TEXT_TABLE,
    TEXT_WEIGHTS,
    TITLE_TABLE,
    TITLE_WEIGHTS,
)

log = logging.getLogger(__name__)

RANK_CAP = 200
KIND_MASK = (1 << KIND_BITS) - 1
COUNT_CAP = 1000
SCAN_CAP = 10 * COUNT_CAP
MAX_LIMIT = 1000

Key = tuple[float, str, int]
Ranked = list[tuple[Key, int, float]]  # (sort key, rowid, score), best first


def _probe_sql(table: str) -> str:
    return f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?"


def _rank_sql(table: str, weights: tuple[float, ...]) -> str:
    return (
        f"SELECT {table}.rowid, bm25({table}, {', '.join(map(str, weights))}),"
        f" d.rank_cjk, d.rank_words, d.rank_pinyin, d.date"
        f" FROM {table} JOIN {DOC_TABLE} AS d ON d.rowid = {table}.rowid"
        f" WHERE {table} MATCH ? LIMIT ?"
    )


_PROBE = {TITLE_TABLE: _probe_sql(TITLE_TABLE), TEXT_TABLE: _probe_sql(TEXT_TABLE)}
_RANK = {
    TITLE_TABLE: _rank_sql(TITLE_TABLE, TITLE_WEIGHTS),
    TEXT_TABLE: _rank_sql(TEXT_TABLE, TEXT_WEIGHTS),
}
_COUNT = f"SELECT count(*) FROM (SELECT 1 FROM {TEXT_TABLE} WHERE {TEXT_TABLE} MATCH ? LIMIT ?)"
# Text matches that are in a given list of rowids. ``+rowid`` stops SQLite from
# running the MATCH once per listed rowid (each run re-expands prefix terms).
_SCAN_IN = (
    f"SELECT rowid FROM {TEXT_TABLE} WHERE {TEXT_TABLE} MATCH ?"
    " AND +rowid IN (SELECT value FROM json_each(?)) LIMIT ?"
)
_KEYS = (
    f"SELECT rowid, rank_cjk, rank_words, rank_pinyin, date FROM {DOC_TABLE}"
    " WHERE rowid IN (SELECT value FROM json_each(?))"
)


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

    Each count stops at ``COUNT_CAP`` (1000): a count of 1000 means "1000 or more".
    That keeps one-letter queries as fast as the rest. Counts cover the rows
    :func:`search` finds with no limit. Empty or unsearchable input gives ``{}``.
    """
    pieces = normalize_query(query)
    if not pieces:
        return {}
    try:
        kinds = dict(conn.execute(f"SELECT code, kind FROM {KIND_TABLE} ORDER BY kind").fetchall())
        found = _scan_kinds(conn, pieces)
        counts = {kind: min(found.get(code, 0), COUNT_CAP) for code, kind in kinds.items()}
        if sum(found.values()) >= SCAN_CAP:
            # The scan stopped early: kinds short of COUNT_CAP need a query of their own.
            for kind, count in counts.items():
                if count < COUNT_CAP:
                    counts[kind] = _count(conn, pieces, kind)
        return counts
    except sqlite3.OperationalError as exc:
        if not str(exc).startswith("fts5:"):
            raise
        log.warning("count query %r failed: %s", query[:100], exc)
        return {}


def _scan_kinds(conn: sqlite3.Connection, pieces: Pieces) -> dict[int, int]:
    """Matches per kind code among the first SCAN_CAP of every way to match, in one
    SQL statement (the kind is in the rowid: no lookups)."""
    arms = [f"SELECT rowid AS r FROM ({_PROBE[TEXT_TABLE]})"]
    params: list[str | int] = [text_expression(pieces), SCAN_CAP]
    if any(p.pinyin for p in pieces):
        arms.append(f"SELECT rowid AS r FROM ({_PROBE[TITLE_TABLE]})")
        params += [title_expression(pieces), SCAN_CAP]
        split: list[int] = []
        for as_pinyin, as_text in pinyin_splits(pieces):
            if as_text:
                split += _split_rows(conn, as_pinyin, as_text, None, RANK_CAP, scan=False)
        arms.append("SELECT value AS r FROM json_each(?)")
        params.append(json.dumps(split))
    union = " UNION ".join(arms)
    sql = f"SELECT r & {KIND_MASK}, count(*) FROM ({union}) GROUP BY 1"
    return dict(conn.execute(sql, params).fetchall())


def _count(conn: sqlite3.Connection, pieces: Pieces, kind: str) -> int:
    """Matches of one kind, up to COUNT_CAP."""
    text = text_expression(pieces, kind)
    (count,) = conn.execute(_COUNT, (text, COUNT_CAP)).fetchone()
    if count >= COUNT_CAP or not any(p.pinyin for p in pieces):
        return int(count)
    rows = set(_probe(conn, TEXT_TABLE, text, COUNT_CAP))
    rows.update(_probe(conn, TITLE_TABLE, title_expression(pieces, kind), COUNT_CAP))
    for as_pinyin, as_text in pinyin_splits(pieces):
        if as_text and len(rows) < COUNT_CAP:
            rows.update(_split_rows(conn, as_pinyin, as_text, kind, RANK_CAP, scan=False))
    return min(len(rows), COUNT_CAP)


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
    chosen: dict[int, float | None] = {}
    titles = title_expression(pieces, kind)
    title_rows = _probe(conn, TITLE_TABLE, titles, cap)
    if len(title_rows) <= cap:
        ranked = _rank(conn, TITLE_TABLE, titles, tiers, cap) or []
        if len(ranked) < limit:  # titles cannot fill the page: add body matches
            ranked += _body_matches(conn, pieces, tiers, kind, cap, {r for _, r, _ in ranked})
        chosen.update((rowid, value) for _, rowid, value in ranked[:limit])
    else:
        starts = title_expression(pieces, kind, start=True)
        start_rows = _probe(conn, TITLE_TABLE, starts, cap)
        if len(start_rows) <= cap:
            # Probed first: bm25 reads every row of each phrase (for its IDF), so
            # ranking is only cheap once the rows are known to be few.
            ranked = _rank(conn, TITLE_TABLE, starts, tiers, cap) or []
            chosen.update((rowid, value) for _, rowid, value in ranked[:limit])
            start_rows = []
        for rowid in start_rows + title_rows:
            if len(chosen) >= limit:
                break
            chosen.setdefault(rowid, None)
    return _hits(conn, pieces, tiers, chosen)


def _body_matches(
    conn: sqlite3.Connection,
    pieces: Pieces,
    tiers: list[PieceTier],
    kind: str | None,
    cap: int,
    seen: set[int],
) -> Ranked:
    """Matches outside the title index, best first (ranked only when few)."""
    text = text_expression(pieces, kind)
    rows = _probe(conn, TEXT_TABLE, text, cap)
    ranked = (_rank(conn, TEXT_TABLE, text, tiers, cap) or []) if len(rows) <= cap else []
    extra = [] if ranked else rows
    if len(pieces) > 1:
        for as_pinyin, as_text in pinyin_splits(pieces):
            if as_text:
                extra += _split_rows(conn, as_pinyin, as_text, kind, cap, scan=True)
    ranked = [item for item in ranked if item[1] not in seen]
    known = seen | {rowid for _, rowid, _ in ranked}
    extra = [rowid for rowid in dict.fromkeys(extra) if rowid not in known]
    return sorted(ranked + _scored(conn, extra[:cap], tiers), key=lambda item: item[0])


def _probe(conn: sqlite3.Connection, table: str, expression: str, cap: int) -> list[int]:
    return [rowid for (rowid,) in conn.execute(_PROBE[table], (expression, cap + 1))]


def _split_rows(
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
    titles = _probe(conn, TITLE_TABLE, pinyin_expression(as_pinyin, kind), cap)
    if not titles or len(titles) > cap:
        return []
    text = text_expression(as_text)
    texts = _probe(conn, TEXT_TABLE, text, cap)
    if len(texts) <= cap:
        return sorted(set(titles).intersection(texts))
    if not scan:
        return []
    return [rowid for (rowid,) in conn.execute(_SCAN_IN, (text, json.dumps(titles), cap + 1))]


def _rank(
    conn: sqlite3.Connection, table: str, expression: str, tiers: list[PieceTier], cap: int
) -> Ranked | None:
    """All matches ranked best first, or None when there are more than ``cap``."""
    rows = conn.execute(_RANK[table], (expression, cap + 1)).fetchall()
    if len(rows) > cap:
        return None
    scored = []
    for rowid, bm25, rank_cjk, rank_words, rank_pinyin, date in rows:
        value = score(tiers, (rank_cjk, rank_words, rank_pinyin), bm25)
        scored.append((sort_key(value, date, rowid), rowid, value))
    scored.sort()
    return scored


def _scored(conn: sqlite3.Connection, rowids: list[int], tiers: list[PieceTier]) -> Ranked:
    """Score rows by their title keys alone (no bm25), best first."""
    if not rowids:
        return []
    scored = []
    for rowid, rank_cjk, rank_words, rank_pinyin, date in conn.execute(
        _KEYS, (json.dumps(rowids),)
    ):
        value = score(tiers, (rank_cjk, rank_words, rank_pinyin))
        scored.append((sort_key(value, date, rowid), rowid, value))
    scored.sort()
    return scored


def _hits(
    conn: sqlite3.Connection,
    pieces: Pieces,
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
    rank_pinyin = str(row[11])
    # One line of readings per field: the title, then each name.
    fields = str(row[12]).split("\n") if marker.pinyin else [""]
    title_marks = marker.text_spans(title)
    if marker.pinyin and fields[0]:
        title_marks += marker.pinyin_spans(fields[0], rank_pinyin)
    text, snippet_marks = _snippet(marker, body, body_en, names, title_en, fields[1:], rank_pinyin)
    return SearchHit(kind, id_, title, text, hl.merge(title_marks), snippet_marks, value)


def _snippet(
    marker: hl.Marker,
    body: str,
    body_en: str,
    names: str,
    title_en: str,
    pinyin_fields: list[str],
    rank_pinyin: str,
) -> tuple[str, tuple[hl.Span, ...]]:
    """Snippet from the first field with a match: body, English body, names (where
    pinyin can match too), English title; else the start of the body."""
    for source in (body, body_en):
        found = hl.merge(marker.text_spans(source))
        if found:
            return hl.snippet(source, found)
    names_text, name_spans = _names(
        marker, names.split("\n") if names else [], pinyin_fields, rank_pinyin
    )
    found = hl.merge(name_spans)
    if found:
        return hl.snippet(names_text, found)
    found = hl.merge(marker.text_spans(title_en))
    return hl.snippet(title_en if found else body or body_en or title_en, found)


def _names(
    marker: hl.Marker, names: list[str], pinyin_fields: list[str], rank_pinyin: str
) -> tuple[str, list[hl.Span]]:
    """Join names for display and find the pieces in them (pinyin included)."""
    separator = "、"
    spans: list[hl.Span] = []
    offset = 0
    for i, name in enumerate(names):
        found = marker.text_spans(name)
        # The readings line has one entry per character of the name ("," between).
        if marker.pinyin and i < len(pinyin_fields) and pinyin_fields[i].count(",") == len(name) - 1:
            found += marker.pinyin_spans(pinyin_fields[i], rank_pinyin)
        spans += [(s + offset, e + offset) for s, e in found]
        offset += len(name) + len(separator)
    return separator.join(names), spans
