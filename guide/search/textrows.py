"""Rows of the text index (``search_text``) that really match a :class:`TextQuery`.

The text index keeps rowids only (``detail=none``): no positions, so no phrases.
A Chinese piece of three or more characters is looked up as the AND of its pairs and
then checked in the kept text of the row with ``GLOB`` (in SQL, so candidates never
become Python objects). The check reads the stored fields as they are, which equals
checking their folded form unless folding changes a row's Chinese (compatibility
ideographs, Kangxi radicals, ㈱ …): such rows also keep their folded text in
``folded`` (see :mod:`guide.search.indexer`), which the check reads too.
"""

from __future__ import annotations

import sqlite3

from guide.search.query import TextQuery
from guide.search.schema import DOC_TABLE, TEXT_TABLE
from guide.search.titlerows import rowid_list

# The fields search_text indexes, as kept in search_doc; the body first, where most
# phrases are found (the check then stops: 40% off counting Chinese phrases).
FIELDS = ("body", "title", "names", "title_en", "body_en")


def _check(index: int) -> str:
    # A phrase in a stored field is in its folded form too (folding maps ideographs to
    # themselves), so ``folded`` (NULL on almost every row) only adds matches. GLOB
    # (the parameter is ``*phrase*``) scans text twice as fast as instr(), and a
    # phrase is a run of CJK characters, so it holds none of GLOB's * ? [ ].
    phrase = f":p{index}"
    fields = " OR ".join(f"d.{field} GLOB {phrase}" for field in (*FIELDS, "folded"))
    return f"({fields})"


def text_sql(
    query: TextQuery, columns: str = "", *, ranged: bool = False, within: bool = False
) -> str:
    """SELECT of the matching rowids (as ``rowid``) and ``columns`` of ``search_doc d``.

    Parameters (see :func:`text_params`): ``:match``, ``:p0`` … (the phrases), ``:cap``
    (the LIMIT); with ``ranged`` ``:low`` and ``:high`` (a rowid range, which FTS5 seeks
    to); with ``within`` ``:within`` (a JSON array of rowids).
    """
    table = TEXT_TABLE
    sql = f"SELECT {table}.rowid AS rowid" + (f", {columns}" if columns else "") + f" FROM {table}"
    if query.phrases or columns:
        sql += f" JOIN {DOC_TABLE} AS d ON d.rowid = {table}.rowid"
    sql += f" WHERE {table} MATCH :match"
    if ranged:
        sql += f" AND {table}.rowid >= :low AND {table}.rowid < :high"
    if within:
        # ``+`` stops SQLite from running the MATCH once per listed rowid.
        sql += f" AND +{table}.rowid IN (SELECT value FROM json_each(:within))"
    for index in range(len(query.phrases)):
        sql += " AND " + _check(index)
    return sql + " LIMIT :cap"


def text_params(query: TextQuery, cap: int, **extra: object) -> dict[str, object]:
    """The named parameters of :func:`text_sql` for ``query``, LIMIT ``cap``."""
    params: dict[str, object] = {"match": query.match, "cap": cap, **extra}
    params.update((f"p{i}", f"*{phrase}*") for i, phrase in enumerate(query.phrases))
    return params


def text_probe(conn: sqlite3.Connection, query: TextQuery, cap: int) -> list[int]:
    """Up to ``cap + 1`` rowids matching ``query``, in rowid order, unranked."""
    return rowid_list(conn, text_sql(query), text_params(query, cap + 1))
