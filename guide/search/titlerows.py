"""Rows of the title indexes (``search_title``, ``search_words``) matching a :class:`TitleQuery`.

A query's Chinese pieces are asked of ``search_title`` and its Latin ones of
``search_words``; a query holding both is the ``INTERSECT`` of the two in rowid
order, which SQLite answers by merging the two rowid streams (each FTS5 cursor
delivers rowids in order), so ``LIMIT`` still stops both early.
"""

from __future__ import annotations

import sqlite3

from guide.search.query import TitleQuery
from guide.search.schema import TITLE_TABLE, WORDS_TABLE


def title_sql(query: TitleQuery, *, ranged: bool = False) -> str:
    """SELECT of the matching rowids, in rowid order, up to ``:cap`` (-1: all).

    Parameters (see :func:`title_params`): ``:chinese`` and ``:latin`` (the parts the
    query has), ``:cap``; with ``ranged`` ``:low`` and ``:high`` (a rowid range).
    """
    arms = []
    for table, part, name in ((TITLE_TABLE, query.chinese, "chinese"), (WORDS_TABLE, query.latin, "latin")):
        if part:
            arm = f"SELECT rowid FROM {table} WHERE {table} MATCH :{name}"
            if ranged:
                arm += " AND rowid >= :low AND rowid < :high"
            arms.append(arm)
    if len(arms) == 1:
        return f"{arms[0]} LIMIT :cap"
    return f"{' INTERSECT '.join(arms)} ORDER BY 1 LIMIT :cap"


def title_params(query: TitleQuery, cap: int, **extra: object) -> dict[str, object]:
    """The named parameters of :func:`title_sql` for ``query``, LIMIT ``cap``."""
    return {"chinese": query.chinese, "latin": query.latin, "cap": cap, **extra}


def title_probe(conn: sqlite3.Connection, query: TitleQuery, cap: int) -> list[int]:
    """Up to ``cap + 1`` rowids matching ``query``, in rowid order, unranked."""
    rows = conn.execute(title_sql(query), title_params(query, cap + 1))
    return [rowid for (rowid,) in rows]
