"""``count_by_kind``: how many matches of each kind, fast enough for every keystroke."""

from __future__ import annotations

import json
import logging
import sqlite3

from guide.search.engine import RANK_CAP, probe, split_rows
from guide.search.query import (
    Pieces,
    normalize_query,
    pinyin_splits,
    text_expression,
    title_expression,
)
from guide.search.schema import KIND_BITS, KIND_TABLE, TEXT_TABLE, TITLE_TABLE

log = logging.getLogger(__name__)

COUNT_CAP = 1000
SCAN_CAP = 10 * COUNT_CAP
KIND_MASK = (1 << KIND_BITS) - 1

_COUNT = f"SELECT count(*) FROM (SELECT 1 FROM {TEXT_TABLE} WHERE {TEXT_TABLE} MATCH ? LIMIT ?)"
_PROBE = "SELECT rowid FROM {0} WHERE {0} MATCH ? LIMIT ?"


def count_by_kind(conn: sqlite3.Connection, query: str) -> dict[str, int]:
    """Return the number of matches of ``query`` for every indexed kind (zeros too).

    Each count stops at ``COUNT_CAP`` (1000): a count of 1000 means "1000 or more".
    That keeps one-letter queries as fast as the rest. Counts cover the rows
    :func:`search` finds with no limit (including its one bound: a word read as
    pinyin in a title while other words match only elsewhere counts while that
    pinyin matches at most ``RANK_CAP`` titles). Empty or unsearchable input gives
    ``{}``.
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
    arms = [f"SELECT rowid AS r FROM ({_PROBE.format(TEXT_TABLE)})"]
    params: list[str | int] = [text_expression(pieces), SCAN_CAP]
    if any(p.pinyin for p in pieces):
        arms.append(f"SELECT rowid AS r FROM ({_PROBE.format(TITLE_TABLE)})")
        params += [title_expression(pieces), SCAN_CAP]
        split: list[int] = []
        for as_pinyin, as_text in pinyin_splits(pieces):
            if as_text:
                split += split_rows(conn, as_pinyin, as_text, None, RANK_CAP, scan=False)
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
    rows = set(probe(conn, TEXT_TABLE, text, COUNT_CAP))
    rows.update(probe(conn, TITLE_TABLE, title_expression(pieces, kind), COUNT_CAP))
    for as_pinyin, as_text in pinyin_splits(pieces):
        if as_text and len(rows) < COUNT_CAP:
            rows.update(split_rows(conn, as_pinyin, as_text, kind, RANK_CAP, scan=False))
    return min(len(rows), COUNT_CAP)
