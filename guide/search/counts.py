"""``count_by_kind``: how many matches of each kind, fast enough for every keystroke."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable

from guide.search.engine import RANK_CAP, split_rows
from guide.search.query import (
    Pieces,
    normalize_query,
    pinyin_splits,
    text_query,
    title_query,
)
from guide.search.schema import KIND_TABLE
from guide.search.textrows import text_params, text_sql
from guide.search.titlerows import title_match_params, title_sql

log = logging.getLogger(__name__)

# Counts say "100+" beyond this. The results list shows 50 hits, so a larger count tells a
# reader nothing more, and every row counted for a Chinese phrase of 3+ characters is a row
# checked (1-3 µs, in each of 7 kinds): at 1000, counting 科技成 took 18 ms, its search 2.
COUNT_CAP = 100

# One run of a kind's matches: a rowid range (see schema.py), read only up to the cap.
_MIXED_ARM = "SELECT value FROM json_each(:mixed) WHERE value >= :low AND value < :high"


def count_by_kind(conn: sqlite3.Connection, query: str) -> dict[str, int]:
    """Return the number of matches of ``query`` for every indexed kind (zeros too).

    Each count stops at ``COUNT_CAP`` (100): a count of 100 means "100 or more".
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
        runs: dict[str, list[tuple[int, int]]] = {}
        for kind, low, high in conn.execute(f"SELECT kind, low, high FROM {KIND_TABLE} ORDER BY kind, low"):
            runs.setdefault(kind, []).append((low, high))
        count = _counter(conn, pieces)
        return {kind: _count_runs(count, ranges) for kind, ranges in runs.items()}
    except sqlite3.OperationalError as exc:
        if not str(exc).startswith("fts5:"):
            raise
        log.warning("count query %r failed: %s", query[:100], exc)
        return {}


def _count_runs(count: Callable[[int, int, int], int], ranges: list[tuple[int, int]]) -> int:
    """A kind's matches over its runs of rowids (one, as the content builder indexes),
    up to COUNT_CAP."""
    found = 0
    for low, high in ranges:
        found += count(low, high, COUNT_CAP - found)
        if found >= COUNT_CAP:
            return COUNT_CAP
    return found


def _counter(conn: sqlite3.Connection, pieces: Pieces) -> Callable[[int, int, int], int]:
    """A function counting the matches in one rowid range, ``count(low, high, cap)``: the
    union of text matches, pinyin-in-title matches and mixed (some words as pinyin)
    matches, each read only up to ``cap`` (the caller cuts the sum at COUNT_CAP)."""
    text = text_query(pieces)
    text_arm = f"SELECT rowid FROM ({text_sql(text, ranged=True)})"
    if not any(p.pinyin for p in pieces):
        sql = f"SELECT count(*) FROM ({text_arm})"
        extra: dict[str, object] = {}
    else:
        titles = title_query(pieces)
        title_arm = f"SELECT rowid FROM ({title_sql(titles, ranged=True)})"
        sql = f"SELECT count(*) FROM ({text_arm} UNION {title_arm} UNION {_MIXED_ARM})"
        split: list[int] = []
        for as_pinyin, as_text in pinyin_splits(pieces):
            if as_text:
                split += split_rows(conn, as_pinyin, as_text, None, RANK_CAP, scan=False)
        extra = {"mixed": json.dumps(split), **title_match_params(titles)}

    def count(low: int, high: int, cap: int) -> int:
        (found,) = conn.execute(sql, text_params(text, cap, low=low, high=high, **extra)).fetchone()
        return int(found)

    return count
