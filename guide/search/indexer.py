"""Turning :class:`SearchDoc` items into rows of the search tables (build time).

Everything expensive happens here, once, so the query path only reads: FTS column
texts (bigrams, words, pinyin tokens) and the small keys that ranking and marking
use (folded titles, Latin words, pinyin spellings, per-character readings).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache

from guide.search import readings as rd
from guide.search.english import acronyms
from guide.search.model import SearchDoc
from guide.search.schema import (
    ACRONYM,
    DOC_TABLE,
    INITIALS_LONGEST,
    KIND_TABLE,
    START,
    TEXT_COLUMNS,
    TEXT_TABLE,
    TITLE_COLUMNS,
    TITLE_TABLE,
    WORDS_LONGEST,
    WORDS_TABLE,
    create_index,
    kind_token,
)
from guide.search.text import (
    CJK_RUN,
    MARK,
    TRADITIONAL_CLASS,
    UMLAUT_MARK,
    UMLAUT_WORD,
    fold,
    index_text,
    joined_words,
    pinyin_fold,
    umlaut_spellings,
    words,
)

BATCH = 1000
Spelling = tuple[str, ...]  # one syllable per character of a stretch of Chinese

# Rows travel to SQLite as one JSON array per batch: a single INSERT ... SELECT runs
# the whole batch with the GIL released, so the next batch is prepared meanwhile.


def _insert_json(table: str, columns: str, count: int) -> str:
    values = ", ".join(f"value->>{i}" for i in range(count))
    return f"INSERT INTO {table} ({columns}) SELECT {values} FROM json_each(?)"


_DOC_INSERT = _insert_json(
    DOC_TABLE,
    "rowid, kind, id, title, title_en, names, body, body_en, date,"
    " rank_cjk, rank_words, rank_pinyin, pinyin_map, rank_acronyms, folded",
    15,
)
_TITLE_INSERT = _insert_json(
    TITLE_TABLE, "rowid, " + ", ".join(TITLE_COLUMNS), len(TITLE_COLUMNS) + 1
)
_WORDS_INSERT = _insert_json(WORDS_TABLE, "rowid, w", 2)
_TEXT_INSERT = _insert_json(TEXT_TABLE, "rowid, " + ", ".join(TEXT_COLUMNS), len(TEXT_COLUMNS) + 1)
_INSERTS = (_DOC_INSERT, _TITLE_INSERT, _WORDS_INSERT, _TEXT_INSERT)
Batch = tuple[str, ...]  # one JSON array of rows per table, in _INSERTS order


def _fts_command(conn: sqlite3.Connection, command: str, value: int | None = None) -> None:
    for table in (TITLE_TABLE, WORDS_TABLE, TEXT_TABLE):
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES (?, ?)", (command, value))


def index_documents(
    conn: sqlite3.Connection,
    docs: Iterable[SearchDoc],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Index ``docs`` in the caller's transaction (the caller commits).

    Rowids follow the given order, after any rows already indexed, and each run of
    documents of one kind is a rowid range (``search_kind``) that counts read by
    seeking; ranking falls back to rowid order for unselective queries. So give the
    documents grouped by kind, the most important kinds and items first, as the content
    builder does (each kind then is one range; interleaved kinds still work, as many).
    ``progress(n_done)`` is called after every batch of ``BATCH`` documents. Returns
    the number of documents indexed. A duplicate ``(kind, id)`` raises
    ``sqlite3.IntegrityError``.

    ``docs`` is iterated and ``conn`` used only in the calling thread; one helper
    thread turns batches into rows while SQLite writes the previous batch.
    """
    create_index(conn)
    (last,) = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {DOC_TABLE}").fetchone()
    last_run = f"SELECT low, high, kind FROM {KIND_TABLE} ORDER BY low DESC LIMIT 1"
    runs = _Runs(conn.execute(last_run).fetchone())
    # Bulk load: no incremental segment merging (it rewrites the index several times
    # over), one full merge at the end instead; then the defaults again.
    _fts_command(conn, "automerge", 0)
    _fts_command(conn, "crisismerge", 1000)
    done = 0
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index") as pool:
            pending: tuple[Future[Batch], list[SearchDoc], list[int]] | None = None
            for batch in _batches(docs):
                rowids = list(range(last + 1, last + 1 + len(batch)))
                last += len(batch)
                future = pool.submit(_prepare, batch, rowids)
                if pending is not None:
                    done += _write(conn, pending, runs, progress, done)
                pending = future, batch, rowids
            if pending is not None:
                done += _write(conn, pending, runs, progress, done)
        _fts_command(conn, "optimize")
    finally:
        # The runs of the batches written, even when a later one failed (a duplicate id)
        # and the caller goes on: their rows are counted.
        runs.save(conn)
        _fts_command(conn, "automerge", 4)
        _fts_command(conn, "crisismerge", 16)
        # The caches hold hundreds of thousands of objects after a large build: keep
        # neither the memory nor the garbage collector's walks over it afterwards.
        for cached in (_field_pinyin, _sequence_tokens, *rd.CACHES):
            cached.cache_clear()
    return done


class _Runs:
    """The runs of consecutive rowids of one kind in ``search_kind``, as a build adds
    documents after ``last``, the last run of the rows indexed before (if any)."""

    def __init__(self, last: tuple[int, int, str] | None) -> None:
        self.runs: list[list[int | str]] = [list(last)] if last else []

    def add(self, rowid: int, kind: str) -> None:
        """Place the document of ``kind`` at ``rowid`` (the one after the last placed)."""
        if self.runs and self.runs[-1][2] == kind and self.runs[-1][1] == rowid:
            self.runs[-1][1] = rowid + 1
        else:
            self.runs.append([rowid, rowid + 1, kind])

    def save(self, conn: sqlite3.Connection) -> None:
        """Write the runs (the last one before the build, perhaps extended, and the new)."""
        conn.executemany(f"INSERT OR REPLACE INTO {KIND_TABLE} (low, high, kind) VALUES (?, ?, ?)",
                         self.runs)


def _batches(docs: Iterable[SearchDoc]) -> Iterator[list[SearchDoc]]:
    batch: list[SearchDoc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _prepare(batch: list[SearchDoc], rowids: list[int]) -> Batch:
    """Rows of one batch for the four tables, as JSON arrays (in the helper thread)."""
    # Rowids ascend across batches too, so FTS5 keeps its pending terms until its
    # buffer is full (a rowid not larger than the last one would flush them).
    rows = [_rows(rowid, doc) for rowid, doc in zip(rowids, batch, strict=True)]
    return tuple(json.dumps([row[i] for row in rows], ensure_ascii=False) for i in range(len(_INSERTS)))


def _write(
    conn: sqlite3.Connection,
    pending: tuple[Future[Batch], list[SearchDoc], list[int]],
    runs: _Runs,
    progress: Callable[[int], None] | None,
    done_before: int,
) -> int:
    future, batch, rowids = pending
    rows = future.result()
    # Document rows first: a duplicate id fails before the FTS rows are written.
    count = conn.execute(_DOC_INSERT, (rows[0],)).rowcount
    for insert, table_rows in zip(_INSERTS[1:], rows[1:], strict=True):
        conn.execute(insert, (table_rows,))
    for rowid, doc in zip(rowids, batch, strict=True):
        runs.add(rowid, doc.kind)
    if progress is not None:
        progress(done_before + count)
    return count


def _kept(text: str | None) -> str:
    """A text as search_doc keeps it: NUL, which SQLite's GLOB reads as the end of a
    text (phrases are checked with it, textrows.py), becomes a space."""
    return text.replace("\0", " ") if text else ""


def _clean_name(name: str | None) -> str:
    # Names are stored newline-joined and mapped per character: no line breaks inside.
    return " ".join(_kept(name).split())


def _rows(rowid: int, doc: SearchDoc) -> tuple[tuple[object, ...], ...]:
    """Rows for search_doc, search_title, search_words and search_text."""
    # Builders read these from nullable columns: treat a missing text as empty.
    title, title_en, body, body_en = map(_kept, (doc.title, doc.title_en, doc.body, doc.body_en))
    date = None if doc.date is None else str(doc.date)
    names = [n for n in map(_clean_name, doc.names or ()) if n]
    fields = [_field_pinyin(title, doc.kind == "person")]
    fields += [_field_pinyin(name, True) for name in names]
    field_maps = [list(readings) for readings, _, _ in fields]
    title_sequences = list(fields[0][1])
    name_sequences = [seq for _, spelt, _ in fields[1:] for seq in spelt]
    pinyin_map = "\n".join(field_map for _, _, field_map in fields)
    if doc.pinyin_alt:
        # Alternatives change the readings of a field: spell the fields again.
        title_sequences = _alternative_spellings(doc.pinyin_alt, field_maps)
        title_sequences += [tuple(seq) for seq in rd.spellings(field_maps[0])]
        name_sequences = [tuple(seq) for field in field_maps[1:] for seq in rd.spellings(field)]
        pinyin_map = "\n".join(map(_pinyin_map, field_maps))

    full: dict[str, None] = {}
    initials: dict[str, None] = {}
    lines: tuple[dict[str, None], dict[str, None]] = ({}, {})
    for part, sequences in enumerate((title_sequences, name_sequences)):
        for seq in sequences:
            seq_full, seq_initials, line, line_initials = _sequence_tokens(seq)
            full.update(dict.fromkeys(seq_full))
            initials.update(dict.fromkeys(seq_initials))
            lines[part][line] = lines[part][line_initials] = None

    folded_title = fold(title).replace("\n", " ")
    folded_title_en = fold(title_en)
    folded_names = [fold(n) for n in names]
    title_words = _rank_words(title_en, folded_title_en) + _rank_words(title, folded_title)
    name_words = [word for name, folded in zip(names, folded_names, strict=True)
                  for word in _rank_words(name, folded)]
    joined_names = "\n".join(names)
    framed = "\n" + "\n".join([folded_title, *folded_names]) + "\n"
    # NULL where the stored title and names frame to the same (schema.rank_cjk_sql).
    stored = "\n" + title + ("\n" + joined_names if joined_names else "") + "\n"
    whole, parts = _acronyms(doc.kind, folded_title, folded_title_en)
    doc_row = (
        rowid, doc.kind, doc.id, title, title_en, joined_names, body, body_en, date,
        # Title first, then names: rank.py tells a match in the title itself apart.
        None if framed == stored else framed,  # rank_cjk
        " " + " ".join([*title_words, "\t", *name_words]) + " ",  # rank_words
        "\n" + "\n".join([*lines[0], "\t", *lines[1]]) + "\n",  # rank_pinyin
        pinyin_map,
        " " + " ".join([*whole, "\t", *parts]) + " ",  # rank_acronyms
        _folded((title, joined_names, title_en, body, body_en)),
    )  # fmt: skip
    # search_text takes every token of a field; search_title its Chinese, search_words
    # its Latin words (each starts with MARK; bigrams never do), pinyin and starts.
    title_text, names_text, title_en_text = map(index_text, (title, " ".join(names), title_en))
    split = [_apart(field) for field in (title_text, names_text, title_en_text)]
    pinyin = [*full, *initials]
    # The first token of each field, where a Latin piece's "starts with" looks (a field
    # starting with Chinese has no Latin start); pinyin: the title's first spelling.
    firsts = [field.split(" ", 1)[0] for field in (title_text, names_text, title_en_text)]
    firsts += [next(iter(tokens)) for tokens in (full, initials) if tokens]
    starts = [START + first[len(MARK) :] for first in firsts if first.startswith(MARK)]
    kind = kind_token(doc.kind)
    title_row = (rowid, split[0][0], split[1][0], kind)
    latin = [word for _, words_ in split for word in words_]
    # Cut to the longest prefix the words index serves: a longer query word is asked
    # by as many letters and checked whole in the title keys (titlerows.py), so the
    # rest of a token would only multiply distinct terms (pinyin is cut when spelt).
    cut = len(MARK) + WORDS_LONGEST
    acronym_tokens = [ACRONYM + acronym for acronym in dict.fromkeys([*whole, *parts])]
    words_row = (rowid, " ".join([*(t[:cut] for t in latin), *pinyin, *(t[:cut] for t in starts),
                                  *acronym_tokens, kind]))
    text_row = (
        rowid, title_text, names_text, title_en_text, index_text(body), index_text(body_en), kind,
    )  # fmt: skip
    return doc_row, title_row, words_row, text_row


def _rank_words(text: str, folded: str) -> list[str]:
    """The Latin words of a title or name (``folded``: ``fold(text)``) for rank_words: a word
    of short parts (c’t) also joined (ct), as the index holds it, so "ct" ranks it as a whole
    word; a word with ä, ö or ü also spelt with ae, oe or ue, marked (~kueche: text.UMLAUT_WORD)."""
    return (words(folded) + [word for _start, _end, word in joined_words(folded)]
            + [UMLAUT_WORD + word for word in umlaut_spellings(text, folded).values()])


def _acronyms(kind: str, *titles: str) -> tuple[list[str], list[str]]:
    """The acronyms of a document's folded titles (english.acronyms): of whole titles, and of
    their parts. None for a person: an English title is then a name in pinyin, whose initials
    the pinyin tokens hold already, and "AI" is not to find every A… I…."""
    if kind == "person":
        return [], []
    whole: list[str] = []
    parts: list[str] = []
    for title in titles:
        title_whole, title_parts = acronyms(title)
        whole += title_whole
        parts += title_parts
    return whole, parts


def _apart(indexed: str) -> tuple[str, list[str]]:
    """An indexed field's bigrams (joined) and its marked Latin words (bigrams never
    start with MARK or UMLAUT_MARK)."""
    if "q" not in indexed:  # no Latin token: a marked one starts with q, a bigram never does
        return indexed, []
    if indexed.isascii():  # no bigram
        return "", indexed.split()
    chinese: list[str] = []
    latin: list[str] = []
    for token in indexed.split():
        (latin if token.startswith((MARK, UMLAUT_MARK)) else chinese).append(token)
    return " ".join(chinese), latin


# Every character whose folding changes which Chinese a text holds lies in these ranges:
# CJK radicals and Kangxi radicals (⼀ -> 一), Hangzhou numerals, kanbun, enclosed and
# squared CJK (㈱ -> (株)), compatibility ideographs (豈 -> 豈) and their supplement;
# or is a traditional character (關 -> 关). A superset that common simplified Chinese
# text rarely touches (a name with 後 or 乾 does): its ideographs, kana and 、。「」 lie
# outside it.
_MAY_CHANGE_CJK = re.compile(
    "[\u2e80-\u2fff\u3038-\u303a\u3190-\u33ff\uf900-\ufaff"
    "\U0001f200-\U0001f2ff\U0002f800-\U0002fa1f]"
)
# Apart: with an astral range in it, re would scan the class's 2,956 characters as a
# list for every character of a body (220 us, against 2 us for a class of BMP only).
_TRADITIONAL = re.compile(f"[{TRADITIONAL_CLASS}]")


def may_change_chinese(text: str) -> bool:
    """Whether folding ``text`` may change the Chinese it holds (tests/test_search_engine.py
    checks every code point: no character outside gives a false no)."""
    return bool(_MAY_CHANGE_CJK.search(text) or _TRADITIONAL.search(text))


def _folded(fields: tuple[str, ...]) -> str | None:
    """The fields folded, newline-joined, if folding changes their Chinese; else None.

    search_text has no positions: Chinese phrases are checked in the kept text (see
    textrows.py), and that check must see the text as the index saw it, folded.
    """
    text = "\n".join(fields)
    if not may_change_chinese(text):
        return None
    folded = fold(text)
    return folded if CJK_RUN.findall(folded) != CJK_RUN.findall(text) else None


# A title's or name's readings per character, its spellings and its pinyin_map line.
FieldPinyin = tuple[tuple[rd.Readings, ...], tuple[Spelling, ...], str]


@lru_cache(maxsize=16384)
def _field_pinyin(text: str, every_reading: bool) -> FieldPinyin:
    """Readings per character, spellings and pinyin_map line of one title or name (names
    recur: cached)."""
    readings = rd.field_readings(text, every_reading)
    return tuple(readings), tuple(tuple(seq) for seq in rd.spellings(readings)), _pinyin_map(readings)


def _pinyin_map(readings: Iterable[rd.Readings]) -> str:
    """A field's line of search_doc.pinyin_map: each character's readings, "/"-joined."""
    return ",".join(map("/".join, readings))


@lru_cache(maxsize=65536)
def _sequence_tokens(seq: Spelling) -> tuple[tuple[str, ...], tuple[str, ...], str, str]:
    """FTS tokens from every syllable start (full and initials) and rank_pinyin lines."""
    joined = "".join(seq)
    initials = "".join(s[0] for s in seq)
    full_tokens = []
    offset = 0
    for syllable in seq:
        full_tokens.append(MARK + joined[offset : offset + WORDS_LONGEST])
        offset += len(syllable)
    initial_tokens = [MARK + initials[i : i + INITIALS_LONGEST] for i in range(len(seq))]
    return tuple(full_tokens), tuple(initial_tokens), "'".join(seq), "'".join(initials)


def _alternative_spellings(
    alternatives: tuple[str, ...], field_maps: list[list[rd.Readings]]
) -> list[Spelling]:
    """Turn ``pinyin_alt`` strings into syllable lists, adding them to a matching field.

    An alternative is attached (per character, for marking) to the first field with as
    many Chinese characters as it has syllables; it is indexed in any case.
    """
    sequences: list[Spelling] = []
    for alt in alternatives:
        seq = [s for s in (pinyin_fold(w) for w in words(fold(alt))) if s]
        if not seq:
            continue
        sequences.append(tuple(seq))
        for field in field_maps:
            positions = [i for i, entry in enumerate(field) if entry]
            if len(positions) == len(seq):
                for i, syllable in zip(positions, seq, strict=True):
                    if syllable not in field[i]:
                        field[i] = (*field[i], syllable)
                break
    return sequences
