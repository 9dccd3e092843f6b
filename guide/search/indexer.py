"""Turning :class:`SearchDoc` items into rows of the search tables (build time).

Everything expensive happens here, once, so the query path only reads: FTS column
texts (bigrams, words, pinyin tokens) and the small keys that ranking and marking
use (folded titles, Latin words, pinyin spellings, per-character readings).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from guide.search import readings as rd
from guide.search.model import SearchDoc
from guide.search.schema import (
    DOC_TABLE,
    FTS_COLUMNS,
    FTS_TABLE,
    KIND_TABLE,
    MAX_PINYIN_TOKEN,
    create_index,
    kind_token,
)
from guide.search.text import fold, index_text, pinyin_fold, words

BATCH = 1000

_DOC_INSERT = (
    f"INSERT INTO {DOC_TABLE} (rowid, kind, id, title, title_en, names, body, body_en, date,"
    " rank_cjk, rank_words, rank_pinyin, pinyin_map) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_FTS_INSERT = (
    f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)})"
    f" VALUES (?{', ?' * len(FTS_COLUMNS)})"
)


def index_documents(
    conn: sqlite3.Connection,
    docs: Iterable[SearchDoc],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Index ``docs`` in the caller's transaction (the caller commits).

    Rowids follow the given order, after any rows already indexed; ranking falls back
    to rowid order for unselective queries, so pass the most important items first.
    ``progress(n_done)`` is called after every batch of ``BATCH`` documents. Returns
    the number of documents indexed. A duplicate ``(kind, id)`` raises
    ``sqlite3.IntegrityError``.
    """
    create_index(conn)
    (last,) = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {DOC_TABLE}").fetchone()
    doc_rows: list[tuple[object, ...]] = []
    fts_rows: list[tuple[object, ...]] = []
    kinds: set[str] = set()
    done = 0
    for doc in docs:
        done += 1
        doc_row, fts_row = _rows(last + done, doc)
        doc_rows.append(doc_row)
        fts_rows.append(fts_row)
        kinds.add(doc.kind)
        if len(doc_rows) >= BATCH:
            _flush(conn, doc_rows, fts_rows)
            if progress is not None:
                progress(done)
    if doc_rows:
        _flush(conn, doc_rows, fts_rows)
        if progress is not None:
            progress(done)
    conn.executemany(
        f"INSERT OR IGNORE INTO {KIND_TABLE} (kind) VALUES (?)", [(k,) for k in sorted(kinds)]
    )
    return done


def _flush(
    conn: sqlite3.Connection, doc_rows: list[tuple[object, ...]], fts_rows: list[tuple[object, ...]]
) -> None:
    # Document rows first: a duplicate id fails before the FTS rows are written.
    conn.executemany(_DOC_INSERT, doc_rows)
    conn.executemany(_FTS_INSERT, fts_rows)
    doc_rows.clear()
    fts_rows.clear()


def _clean_name(name: str) -> str:
    # Names are stored newline-joined and mapped per character: no line breaks inside.
    return " ".join(name.split())


def _rows(rowid: int, doc: SearchDoc) -> tuple[tuple[object, ...], tuple[object, ...]]:
    names = [n for n in map(_clean_name, doc.names) if n]
    field_maps = [rd.field_readings(doc.title, doc.kind == "person")]
    field_maps += [rd.field_readings(name, True) for name in names]
    alternatives = _alternative_spellings(doc.pinyin_alt, field_maps)
    sequences = [seq for field in field_maps for seq in rd.spellings(field)] + alternatives

    full = dict.fromkeys(
        "".join(seq[i:])[:MAX_PINYIN_TOKEN] for seq in sequences for i in range(len(seq))
    )
    initials = dict.fromkeys(
        "".join(s[0] for s in seq[i:])[:MAX_PINYIN_TOKEN]
        for seq in sequences
        for i in range(len(seq))
    )
    lines = ["'".join(seq) for seq in sequences] + ["'".join(s[0] for s in seq) for seq in sequences]

    folded_title = fold(doc.title).replace("\n", " ")
    folded_names = [fold(n) for n in names]
    rank_cjk = "\n" + "\n".join([folded_title, *folded_names]) + "\n"
    latin = words(fold(doc.title_en)) + words(folded_title)
    for name in folded_names:
        latin += words(name)
    rank_words = " " + " ".join(latin) + " "
    rank_pinyin = "\n" + "\n".join(dict.fromkeys(lines)) + "\n"
    pinyin_map = "\n".join(",".join("/".join(r) for r in field) for field in field_maps)

    joined_names = "\n".join(names)
    doc_row = (
        rowid, doc.kind, doc.id, doc.title, doc.title_en, joined_names, doc.body, doc.body_en,
        doc.date, rank_cjk, rank_words, rank_pinyin, pinyin_map,
    )  # fmt: skip
    fts_row = (
        rowid,
        index_text(doc.title),
        index_text(" ".join(names)),
        index_text(doc.title_en),
        " ".join(full),
        " ".join(initials),
        index_text(doc.body),
        index_text(doc.body_en),
        kind_token(doc.kind),
    )
    return doc_row, fts_row


def _alternative_spellings(
    alternatives: tuple[str, ...], field_maps: list[list[rd.Readings]]
) -> list[list[str]]:
    """Turn ``pinyin_alt`` strings into syllable lists, adding them to a matching field.

    An alternative is attached (per character, for marking) to the first field with as
    many Chinese characters as it has syllables; it is indexed in any case.
    """
    sequences: list[list[str]] = []
    for alt in alternatives:
        seq = [s for s in (pinyin_fold(w) for w in words(fold(alt))) if s]
        if not seq:
            continue
        sequences.append(seq)
        for field in field_maps:
            positions = [i for i, entry in enumerate(field) if entry]
            if len(positions) == len(seq):
                for i, syllable in zip(positions, seq, strict=True):
                    if syllable not in field[i]:
                        field[i] = (*field[i], syllable)
                break
    return sequences
