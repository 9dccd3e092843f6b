"""Rows of the title indexes (``search_title``, ``search_words``) matching a :class:`TitleQuery`.

A query's Chinese pieces are asked of ``search_title`` and its Latin ones of
``search_words``; a query holding both is the ``INTERSECT`` of the two in rowid
order, which SQLite answers by merging the two rowid streams (each FTS5 cursor
delivers rowids in order), so ``LIMIT`` still stops both early. A Latin piece longer
than the words index's prefixes is checked whole in the row's title keys
(``search_doc``): a Latin word of its titles or names starting with it, or its
spellings holding it. The index has already found a word or syllable start beginning
with its first letters, so the check only tells ``zhongguanc`` + ``un`` from
``zhongguanc`` + ``ai``.
"""

from __future__ import annotations

import json
import sqlite3
from typing import cast

from guide.search.query import Check, TitleQuery
from guide.search.schema import DOC_TABLE, TITLE_TABLE, WORDS_TABLE
from guide.search.text import UMLAUT_WORD


def title_sql(query: TitleQuery, *, ranged: bool = False) -> str:
    """SELECT of the matching rowids, in rowid order, up to ``:cap`` (-1: all).

    Parameters (see :func:`title_params`): ``:chinese`` and ``:latin`` (the parts the
    query has), those of its checks, ``:cap``; with ``ranged`` ``:low`` and ``:high``
    (a rowid range).
    """
    arms = []
    for table, part, name in ((TITLE_TABLE, query.chinese, "chinese"), (WORDS_TABLE, query.latin, "latin")):
        if not part:
            continue
        checked = table == WORDS_TABLE and query.checks
        arm = f"SELECT {table}.rowid FROM {table}"
        if checked:
            arm += f" JOIN {DOC_TABLE} AS d ON d.rowid = {table}.rowid"
        arm += f" WHERE {table} MATCH :{name}"
        if ranged:
            arm += f" AND {table}.rowid >= :low AND {table}.rowid < :high"
        if checked:
            arm += "".join(f" AND {_check(i, check)}" for i, check in enumerate(query.checks))
        arms.append(arm)
    if len(arms) == 1:
        return f"{arms[0]} LIMIT :cap"
    return f"{' INTERSECT '.join(arms)} ORDER BY 1 LIMIT :cap"


def _check(index: int, check: Check) -> str:
    # rank_words frames each word with spaces; rank_pinyin joins syllables with '. The
    # names (tw, tp, ts) differ from textrows' (p0 …): a count asks both in one statement.
    tests = [f"instr(d.rank_words, :tw{index})"]
    if check.pinyin:
        tests.append(f"instr(replace(d.rank_pinyin, '''', ''), :tp{index})")
    for i in range(len(check.singulars)):
        # A singular is one exact term: a whole word, or the spelling from a syllable to
        # the end of a title or name (嫦娥 is "change", the singular "changes" asks).
        tests += [f"instr(d.rank_words, :ts{index}_{i})",
                  f"instr(replace(d.rank_pinyin, '''', ''), :tz{index}_{i})"]
    if check.umlauts:
        tests.append(f"instr(d.rank_words, :tu{index})")
    if check.acronym:
        tests.append(f"instr(d.rank_acronyms, :ta{index})")
    return tests[0] if len(tests) == 1 else f"({' OR '.join(tests)})"


def title_match_params(query: TitleQuery) -> dict[str, object]:
    """The named parameters of :func:`title_sql` that come from ``query`` (no ``:cap``)."""
    params: dict[str, object] = {"chinese": query.chinese, "latin": query.latin}
    for index, check in enumerate(query.checks):
        params[f"tw{index}"] = f" {check.word}"
        params[f"tp{index}"] = check.pinyin
        # A singular is a whole word: framed by spaces on both sides.
        params.update((f"ts{index}_{i}", f" {word} ") for i, word in enumerate(check.singulars))
        params.update((f"tz{index}_{i}", f"{word}\n") for i, word in enumerate(check.singulars))
        if check.umlauts:  # a word's umlaut spelling (~kueche: text.UMLAUT_WORD)
            params[f"tu{index}"] = f" {UMLAUT_WORD}{check.word}"
        if check.acronym:  # rank_acronyms frames each acronym with spaces
            params[f"ta{index}"] = f" {check.word} "
    return params


def title_params(query: TitleQuery, cap: int) -> dict[str, object]:
    """The named parameters of :func:`title_sql` for ``query``, LIMIT ``cap``."""
    return {**title_match_params(query), "cap": cap}


def title_probe(conn: sqlite3.Connection, query: TitleQuery, cap: int) -> list[int]:
    """Up to ``cap + 1`` rowids matching ``query``, in rowid order, unranked."""
    return rowid_list(conn, title_sql(query), title_params(query, cap + 1))


def rowid_list(conn: sqlite3.Connection, sql: str, params: dict[str, object]) -> list[int]:
    """The rowids a SELECT of rowids in rowid order gives, read as one JSON array: one row
    to step and convert rather than up to 201 (each a step, the lock released and taken
    again, a tuple and an int). Sorted again: SQLite does not promise an aggregate the
    order of its rows (the LIMIT inside chose them already; the sort of a sorted list
    is one pass)."""
    (found,) = conn.execute(f"SELECT json_group_array(rowid) FROM ({sql})", params).fetchone()
    return sorted(cast("list[int]", json.loads(found)))
