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
  words index holds the joined pinyin from every syllable to the end (``lusejinrong
  sejinrong jinrong rong``) and the same for initials (``lsjr sjr jr r``, cut at six
  letters: :data:`INITIALS_LONGEST`), so every pinyin query - full, last syllable cut
  short, initials - is one prefix term (longer initials: one exact term and a check).
  Person names get every heteronym reading (单 dan/shan/chan) and ``pinyin_alt``.
* **Three contentless FTS5 tables** (``content=''``; the original text lives once, in
  ``search_doc``), each read by the pieces it can answer. ``search_title`` holds the
  Chinese of titles and names with positions (phrases, ``^`` for "starts with", the
  kind as a column filter); ``search_words`` holds every Latin word and pinyin token
  of titles, names and English titles, rowids only (``detail=none``): a Latin piece is
  always one prefix term, so it needs neither positions nor phrases, and its
  starts-with question is a token of its own (:data:`START`, the first word or pinyin
  of each field). Words and pinyin share the table and the marker, so a word is one
  term whichever it is; reading a word as pinyin only (a mixed query's split, see
  engine.py) then also finds English titles holding it, rows the query matches
  anyway. At 100k items the title indexes went from 184 to 21 + 123 MB (the file
  from 403 to 375 MB), with the longer prefix indexes below. A query of Chinese and Latin pieces is the
  ``INTERSECT`` of the two, which SQLite merges in rowid order, reading each only as
  far as the page needs. ``search_text`` holds all text (titles again, bodies,
  English) without pinyin, so a query whose words sit in different fields
  ("绿色 论坛") is still one MATCH.
* **``search_text`` keeps rowids only** (``detail=none``): positions
  took three quarters of its size and only Chinese phrases of 3+ characters need
  them. Those are matched as the AND of their pairs and checked in the kept text
  (:mod:`guide.search.textrows`); body matches are ranked by their title keys,
  not bm25. ``search_doc.folded`` keeps the folded fields of the rare rows whose
  Chinese folding changes, so the check sees what the index saw.
* ``search_doc`` also keeps small precomputed keys for ranking and marking in
  Python (``rank_*``, ``pinyin_map``), since ``highlight()`` is useless on bigrams.
* **Acronyms of English titles.** "AI" did not find the Artificial Intelligence area:
  the content's English never writes the letters, and they matched Jiang Aina and "aim".
  The words index holds each English (or Latin) title's initials, function words left out
  (``ai``, ``icbc`` for the Industrial and Commercial Bank of China), behind their own
  marker (:data:`ACRONYM`), and ``rank_acronyms`` keeps them for ranking and marking:
  one token for a title of one run of words, one per part when punctuation or Chinese
  cuts it, none for people (their English title is their name in pinyin, whose
  initials are pinyin tokens already). A query word of 2-10 letters asks it as an
  exact term, so no prefix index grows and "ai" on the way to "aim" brings no title
  whose initials only start so. Its tier (rank.py) is high only when typed in
  capitals: "ai" stays pinyin (爱, 艾) first. Every-word-start initials, as pinyin has,
  were left out: a two-letter acronym would then match any two neighbouring words
  ("and Innovation"), and at 100k items they would fill the page. At 100k items the
  file grew from 340.9 to 346.4 MB (words index +3.8, search_doc +1.7); search p95 did
  not grow within the loaded machine's noise (14.4 ms before, 8.5 after; CPU 6.8, 4.5).
* **Words of one-letter parts.** "c’t" (the magazine) is split at its apostrophe like any
  word; asked as the prefixes c… and t… it matched every word starting with either, and
  "ct" (a kiosk's keyboard has no apostrophe) matched nothing. A word whose parts are a
  letter then letters or clitics (c’t, I'm) is also indexed joined (``ct``, before its
  parts, so it is a field's first word), in the words and text indexes and ``rank_words``
  (text.joined_words), and a query asks it joined. Such words are rare: the 39C3
  programme (499 items of German and English) holds 5 (c’t; I'd, I'll, I'm, I've), and
  its search tables grew by one 4 kB page (1.868 MB); the synthetic 100k-item corpus of
  bench_search.py holds none, so its index size does not change.
* **A letter with symbols.** "C++" and "C#" lost their symbols like any punctuation and
  were asked as the prefix c…: every word starting with c (Cats and cars) came first. A
  letter followed by ``++`` or ``#`` that names a language (C++, C#, F#, Q#; g++) is also
  indexed spelt in letters (``cpp``, ``csharp``, before the letter, as above:
  text.symbol_words), and a query asks it so: no pinyin, no acronym. A kiosk visitor,
  whose keyboard has no + or #, finds it by ``cpp``, and by the name said in words
  (``c sharp``, ``C-Sharp``, ``c plus plus``: text.SPOKEN_SYMBOL), indexed and asked as
  the same word: "c sharp" is not the letter c and "sharp". Other letters keep their
  letter: A++ (an energy label) spelt ``app`` was the word "app", and any spelling of
  theirs starts like common words (``aplusplus`` "ap", ``asharp`` "as"). The 39C3
  programme and the newspaper's content hold none, so their indexes do not change.
* **Umlauts typed as ae, oe, ue.** Folding drops the dots (Küche is ``kuche``), but a
  German speaker without ä, ö, ü (the kiosk's keyboard) types ``kueche``, which found
  nothing. A word holding ä, ö or ü is also indexed spelt so (``kueche``: text.umlaut_spellings)
  behind a marker of its own (text.UMLAUT_MARK, after the word, never a field's first
  token), in the words and text indexes, and in ``rank_words`` as ``~kueche`` (ranked and
  marked as the word itself). A query word asks it only with a letter after its ae, oe or
  ue (``kuec``, ``kueche``; query.Piece.umlauts): English words ending so (blue, true,
  glue, toe) would otherwise start Blüte, trüb, Glück, Töchter; on the way, ``kue`` finds
  nothing for a keystroke. The spelling is no start token: a title starting with Küche is
  found by ``kueche`` as one holding it (at 100k items, when more titles hold the word
  than are ranked, such titles then follow in rowid order, unranked). On the 39C3
  programme (634 distinct such words) the search tables grew from 1.864 to 1.933 MB (+3.7%:
  text +57 kB, words +8 kB, search_doc +4 kB), the file from 3.31 to 3.38 MB; the
  newspaper's content and the synthetic 100k-item corpus (guide/content/synth.py) hold none.
* A ``k`` column (a ``kind…`` token in the tables without columns) holds one token
  per kind so a kind filter is part of MATCH, and
  rowids are numbered 1, 2, 3 … in the order documents are given, which the content
  builder groups by kind in order of importance: each kind is one run of rowids
  (``search_kind`` lists the runs), and a count per kind is a MATCH over that range,
  stopping at the cap, that FTS5 answers by seeking instead of walking every match
  of the other kinds. Small, dense rowids are short varints in FTS5's doclists: the
  kind in a rowid's high bits (``code << 24 | seq``) made every first rowid of a term,
  and every step from one kind to the next, a 4-byte varint, and the FTS5 tables 14%
  larger (43.3 against 37.2 MB at 20k items).
* **Prefix indexes.** Without one, FTS5 merges the doclists of every term with the
  prefix before returning a row (``"zhon"*`` over 100k titles: ~5 ms; ``"z"*``:
  ~100 ms). Prefix ``1`` serves one-character Chinese queries (``"北"*``); Latin
  tokens carry a two-letter marker (:data:`guide.search.text.MARK`) so that the
  indexes from 3 characters serve Latin/pinyin prefixes of 1, 2, … letters without
  also copying every CJK bigram. The text index affords every length a query word
  can have. The words index serves up to 10 letters: each length costs about 14 MB at
  100k items, and without an index a prefix costs FTS5 far more on a ``detail=none``
  table than on one with positions (it builds the whole list of rows first:
  ``"qxtechnology"*`` 0.82 against 0.18 ms). Measured at 100k items: up to 5 letters,
  303 MB and search p95 3.30 ms; up to 7, 330 MB and 2.97 ms; up to 10, 375 MB and
  2.46 ms (the 403 MB layout before: 2.96 ms). A longer word is asked by its first 10
  letters and checked whole in the title keys (:mod:`guide.search.titlerows`), so
  ``zhongguancun`` costs no merge either. So the words index keeps only the first 10
  letters of a token (pinyin runs to 20): the rest told nothing the check does not,
  but made every syllable start of every title a term of its own. Cut, a 10-letter
  query is an exact term and the 10-letter prefix index goes: 375 -> 345 MB at 100k
  items, search p95 unchanged within the machine's noise.
"""

from __future__ import annotations

import sqlite3

DOC_TABLE = "search_doc"
TITLE_TABLE = "search_title"
TEXT_TABLE = "search_text"
WORDS_TABLE = "search_words"
KIND_TABLE = "search_kind"

# Columns: title, names, English title, body, English body, kind.
TITLE_COLUMNS = ("t", "n", "k")
TEXT_COLUMNS = ("t", "n", "te", "b", "be", "k")
# The marker of a starts-with token in search_words (the first word or pinyin of a
# field), beside text.MARK (``qx``) on every other Latin token, pinyin included.
START = "qy"
# The marker of an English title's acronym in search_words (english.acronyms): a term of
# its own, asked exactly, so "ai" as a word or pinyin prefix does not match it, nor it them.
ACRONYM = "qz"
# A query word's pinyin reading is cut here. The words index keeps WORDS_LONGEST letters
# of a token; the rest of a longer reading is checked in the title keys, which hold whole
# spellings (titlerows.py), so "zhongguancunkejiyuan" does not match 中关村 alone. Cut at
# 20, a whole title typed in pinyin (zhongguancunguojijishujiaoyihui, 31 letters) marked
# only its first 20 letters' 中关村国际技术 and matched with any typo after them; 64 is
# a title of some 20 syllables, and the check costs the same for any length.
MAX_PINYIN_TOKEN = 64
# Query words are cut here (Latin words are indexed whole).
MAX_WORD = 20
TITLE_PREFIXES = "1"  # one-character Chinese queries
WORDS_LONGEST = 10  # the longest Latin/pinyin prefix the words index serves (letters)
# Initials tokens (zgclt: one letter per syllable, from each syllable start) are cut
# shorter: nobody types the initials of seven syllables on the way to a title, but each
# start's seven to ten letters were a term of their own in four prefix indexes (a quarter
# of the words index). A query word of more letters that could be initials also asks its
# first six as an exact term, checked whole in the title keys (query.Check).
INITIALS_LONGEST = 6
# Indexed tokens are cut at WORDS_LONGEST letters, so a query word that long is an
# exact term and needs no prefix index: 1-9 letters (+ marker).
WORDS_PREFIXES = " ".join(map(str, range(3, WORDS_LONGEST + 2)))
# Without positions a prefix entry is a rowid, so the text index affords every Latin
# prefix a query word can have (up to MAX_WORD letters after the marker): FTS5
# 3.40 builds the doclist of a prefix no index serves from all its terms, for each
# cursor ("intelligence"*: 2.4 ms at 100k items for each kind counted, against 0.1 ms
# from an index). Only words longer than a prefix get its entries, so the long ones
# cost a few hundred kB at 100k items.
TEXT_PREFIXES = " ".join(map(str, (1, *range(3, MAX_WORD + 3))))

# columnsize=0: no %_docsize table. It holds each row's token counts for bm25, which the
# engine never asks (ranking is by tiers and title keys): 4.5 MB of 345 at 100k items.
_FTS_OPTIONS = "content='', columnsize=0, tokenize='unicode61 remove_diacritics 2'"
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
        rank_cjk TEXT,                -- newline-framed folded title and names; NULL: as stored (rank_cjk_sql)
        rank_words TEXT NOT NULL,     -- space-framed Latin words of titles, names: c’t ct, c++ cpp, für ~fuer
        rank_pinyin TEXT NOT NULL,    -- newline-framed spellings, syllables joined by '
        pinyin_map TEXT NOT NULL,     -- per character readings of title and names
        rank_acronyms TEXT NOT NULL,  -- space-framed acronyms of whole titles, a tab, of their parts
        folded TEXT,                  -- NULL unless folding changes the row's Chinese (關 -> 关)
        UNIQUE (kind, id)
    )""",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TITLE_TABLE} USING fts5("
    f"{', '.join(TITLE_COLUMNS)}, {_FTS_OPTIONS}, prefix='{TITLE_PREFIXES}')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {WORDS_TABLE} USING fts5("
    f"w, {_FTS_OPTIONS}, prefix='{WORDS_PREFIXES}', detail=none)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TEXT_TABLE} USING fts5("
    f"{', '.join(TEXT_COLUMNS)}, {_FTS_OPTIONS}, prefix='{TEXT_PREFIXES}',"
    " detail=none)",
    f"""CREATE TABLE IF NOT EXISTS {KIND_TABLE} (
        low INTEGER PRIMARY KEY,  -- a run of consecutive rowids of one kind: low <= rowid < high
        high INTEGER NOT NULL,
        kind TEXT NOT NULL
    )""",
)


# FTS5 leaf pages of 2,000 bytes instead of 4,050. FTS5 indexes a doclist's pages
# (a "doclist index", for seeking) only when it spans four pages or more, and a count per
# kind seeks each kind's first rowid: with dense rowids most doclists fit in fewer
# pages and were read from their start (count p95 +15%, "technol" 2x); at 2,000 the
# counts cost what they did before, search a little less, for 3 MB at 100k items.
FTS_PAGE_SIZE = 2000
_FTS_TABLES = (TITLE_TABLE, WORDS_TABLE, TEXT_TABLE)


def rank_cjk_sql(table: str = "") -> str:
    """SQL for a row's ``rank_cjk``: the title and names framed by newlines, kept only where
    folding changes them (a Latin capital, a fullwidth letter, a traditional character);
    otherwise NULL and made from the stored title and names (6.7 MB at 100k items)."""
    t = f"{table}." if table else ""
    return (f"coalesce({t}rank_cjk, char(10) || {t}title"
            f" || iif({t}names = '', '', char(10) || {t}names) || char(10))")


def create_index(conn: sqlite3.Connection) -> None:
    """Create the search tables if they do not exist yet (safe to call again)."""
    existing = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for statement in _DDL:
        conn.execute(statement)
    for table in _FTS_TABLES:
        if table not in existing:
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('pgsz', ?)", (FTS_PAGE_SIZE,))


def layout_is_current(conn: sqlite3.Connection) -> bool:
    """True when every search table exists exactly as this version creates it (the
    schema text SQLite keeps is the CREATE statement without ``IF NOT EXISTS``) and its
    full-text tables have this version's page size, so an index of an older layout (other
    tables, columns, prefixes, options or pages) is rebuilt."""
    stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
    for statement in _DDL:
        created = statement.replace(" IF NOT EXISTS", "", 1)
        name = created.split()[3 if created.startswith("CREATE VIRTUAL") else 2]
        if stored.get(name) != created:
            return False
    return all(conn.execute(f"SELECT v FROM {table}_config WHERE k = 'pgsz'").fetchone() == (FTS_PAGE_SIZE,)
               for table in _FTS_TABLES)


def drop_index(conn: sqlite3.Connection) -> None:
    """Drop the search tables, e.g. before rebuilding the index from scratch."""
    for table in (*_FTS_TABLES, DOC_TABLE, KIND_TABLE):
        conn.execute(f"DROP TABLE IF EXISTS {table}")


def kind_token(kind: str) -> str:
    """Return the single FTS token standing for ``kind`` (hex keeps any text one token)."""
    return "kind" + kind.encode().hex()
