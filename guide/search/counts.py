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
    text_expression,
    title_expression,
)
from guide.search.schema import KIND_TABLE, TEXT_TABLE, TITLE_TABLE, kind_range

log = logging.getLogger(__name__)

COUNT_CAP = 1000

# One kind's matches: a rowid range (see schema.py), read only up to the cap.
_ARM = "SELECT rowid FROM (SELECT rowid FROM {0} WHERE {0} MATCH ? AND rowid >= ? AND rowid < ? LIMIT ?)"
_TEXT_ONLY = f"SELECT count(*) FROM ({_ARM.format(TEXT_TABLE)})"
_WITH_PINYIN = (
    f"SELECT count(*) FROM ({_ARM.format(TEXT_TABLE)} UNION {_ARM.format(TITLE_TABLE)}"
    " UNION SELECT value FROM json_each(?) WHERE value >= ? AND value < ?)"
)


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
        kinds = conn.execute(f"SELECT code, kind FROM {KIND_TABLE} ORDER BY kind").fetchall()
        counts = _counter(conn, pieces)
        return {kind: min(counts(code), COUNT_CAP) for code, kind in kinds}
    except sqlite3.OperationalError as exc:
        if not str(exc).startswith("fts5:"):
            raise
        log.warning("count query %r failed: %s", query[:100], exc)
        return {}


def _counter(conn: sqlite3.Connection, pieces: Pieces) -> Callable[[int], int]:
    """A function counting one kind's matches (by code), up to COUNT_CAP + 1: the union
    of text matches, pinyin-in-title matches and mixed (some words as pinyin) matches."""
    text = text_expression(pieces)
    if not any(p.pinyin for p in pieces):

        def count_text(code: int) -> int:
            low, high = kind_range(code)
            (count,) = conn.execute(_TEXT_ONLY, (text, low, high, COUNT_CAP)).fetchone()
            return int(count)

        return count_text
    titles = title_expression(pieces)
    split: list[int] = []
    for as_pinyin, as_text in pinyin_splits(pieces):
        if as_text:
            split += split_rows(conn, as_pinyin, as_text, None, RANK_CAP, scan=False)
    mixed = json.dumps(split)

    def count_all(code: int) -> int:
        low, high = kind_range(code)
        params = (text, low, high, COUNT_CAP, titles, low, high, COUNT_CAP, mixed, low, high)
        (count,) = conn.execute(_WITH_PINYIN, params).fetchone()
        return int(count)

    return count_all
