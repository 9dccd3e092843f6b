"""The search index's tables, and why they look the way they do.

Design (measured in ``shared/notes/search.md`` on SQLite 3.40.1):

* **Chinese: character bigrams.** ``unicode61`` keeps a whole CJK run as one token,
  ``trigram`` cannot match one- or two-character queries (and 3.40's ``LIKE`` on it
  is broken), and word segmentation misses substrings. Indexing each CJK run as its
  overlapping pairs plus its final single character (``绿色金融`` -> ``绿色 色金 金融 融``)
  found every row a brute-force substring scan found (107/107): a query of n >= 2
  characters is the phrase of its pairs, one character is the prefix ``"金"*``.
  Pairs never span two runs, so ``京金`` does not match ``北京，金融``.
* **Pinyin: one token per syllable start.** For each CJK run of a title or name the
  ``py`` column holds the joined pinyin from every syllable to the end (``lusejinrong
  sejinrong jinrong rong``) and ``pyi`` the same for initials (``lsjr sjr jr r``), so
  every pinyin query - full, last syllable cut short, initials - is one prefix term.
  Person names get every heteronym reading (单 dan/shan/chan) and ``pinyin_alt``.
* **Contentless FTS5 table** (``content=''``): the original text lives once, in
  ``search_doc``, which also keeps small precomputed keys for ranking and marking in
  Python (``rank_*``, ``pinyin_map``), since ``highlight()`` is useless on bigrams.
* A ``k`` column holds one token per kind so a kind filter is part of MATCH.
* ``prefix='1 2'`` gives one- and two-character prefixes (``"北"*``, ``"z"*``, ``"zh"*``)
  their own index, so the most common as-you-type queries read one doclist instead
  of merging thousands.
"""

from __future__ import annotations

import sqlite3

DOC_TABLE = "search_doc"
FTS_TABLE = "search_fts"
KIND_TABLE = "search_kind"

# FTS columns: title, names, English title, pinyin, pinyin initials, body, English
# body, kind. Order matters for bm25 weights below.
FTS_COLUMNS = ("t", "n", "te", "py", "pyi", "b", "be", "k")
BM25_WEIGHTS = (8.0, 4.0, 6.0, 4.0, 2.0, 1.0, 1.0, 0.0)
# Pinyin tokens are cut here; query words are cut the same way, so long input still
# matches (as a prefix) and the token dictionary stays bounded.
MAX_PINYIN_TOKEN = 48

_DDL = (
    f"""CREATE TABLE IF NOT EXISTS {DOC_TABLE} (
        rowid INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        title_en TEXT NOT NULL,
        names TEXT NOT NULL,          -- joined by newlines
        body TEXT NOT NULL,
        body_en TEXT NOT NULL,
        date TEXT,
        rank_cjk TEXT NOT NULL,       -- newline-framed folded title and names
        rank_words TEXT NOT NULL,     -- space-framed Latin words of the titles and names
        rank_pinyin TEXT NOT NULL,    -- newline-framed readings, syllables joined by '
        pinyin_map TEXT NOT NULL,     -- per character readings of title and names
        UNIQUE (kind, id)
    )""",
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        {", ".join(FTS_COLUMNS)},
        content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2'
    )""",
    f"CREATE TABLE IF NOT EXISTS {KIND_TABLE} (kind TEXT PRIMARY KEY) WITHOUT ROWID",
)


def create_index(conn: sqlite3.Connection) -> None:
    """Create the search tables if they do not exist yet (safe to call again)."""
    for statement in _DDL:
        conn.execute(statement)


def drop_index(conn: sqlite3.Connection) -> None:
    """Drop the search tables, e.g. before rebuilding the index from scratch."""
    for table in (FTS_TABLE, DOC_TABLE, KIND_TABLE):
        conn.execute(f"DROP TABLE IF EXISTS {table}")


def kind_token(kind: str) -> str:
    """Return the single FTS token standing for ``kind`` (hex keeps any text one token)."""
    return "kind" + kind.encode().hex()
