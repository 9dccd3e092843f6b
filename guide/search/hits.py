"""Turning chosen rows into :class:`SearchHit` values: snippet and marks per hit."""

from __future__ import annotations

import sqlite3
from operator import itemgetter
from typing import Any

from guide.search import highlight as hl
from guide.search.model import SearchHit
from guide.search.query import Pieces
from guide.search.rank import NO_DATE, PieceTier, key_columns, score
from guide.search.schema import DOC_TABLE


def hits(
    conn: sqlite3.Connection,
    pieces: Pieces,
    tiers: list[PieceTier],
    chosen: dict[int, float | None],
) -> list[SearchHit]:
    """Load the chosen rows and turn them into hits, best first.

    ``chosen`` maps rowids to their score, or None for rows taken unranked (they are
    scored here from their title keys alone).
    """
    if not chosen:
        return []
    placeholders = ",".join("?" * len(chosen))
    marker = hl.Marker(pieces)
    keys = _key_columns(tiers, chosen)
    rows = conn.execute(
        f"SELECT rowid, kind, id, title, title_en, names, body, body_en, date, {keys},"
        f" folded IS NOT NULL FROM {DOC_TABLE} WHERE rowid IN ({placeholders})",
        list(chosen),
    ).fetchall()
    folding: hl.Marker | None = None
    keyed = []
    for row in rows:
        rowid, date = row[0], row[8]
        value = chosen[rowid]
        if value is None:  # unranked fallback row: scored now
            value = score(tiers, row[9:14])
        row_marker = marker
        if row[15]:  # its Chinese changes when folded (traditional text): marked folded
            row_marker = folding = folding or marker.folding()
        # Best score first, then the earlier date, then the smaller rowid.
        keyed.append(((-value, date or NO_DATE, rowid), _hit(row_marker, row, value)))
    keyed.sort(key=itemgetter(0))
    return [hit for _, hit in keyed]


def _key_columns(tiers: list[PieceTier], chosen: dict[int, float | None]) -> str:
    """The row's title keys (:func:`rank.key_columns`: the spellings without their ' tell
    which pinyin pieces a row can mark, its acronyms which words) and readings, as far as
    this query needs them (NULL in their place otherwise: every column read is decoded
    into a string). Rows taken unranked are scored from the keys."""
    pinyin = any(piece.pinyin for piece in tiers)
    if None in chosen.values():
        keys = key_columns(tiers)
    else:
        keys = "NULL, NULL, NULL, rank_acronyms, " + ("replace(rank_pinyin, '''', '')" if pinyin else "NULL")
    return f"{keys}, {'pinyin_map' if pinyin else 'NULL'}"


def _hit(marker: hl.Marker, row: tuple[Any, ...], value: float) -> SearchHit:
    kind, id_, title, title_en, names, body, body_en = row[1:8]
    title_targets, name_targets = marker.pinyin_targets(str(row[13]))
    # One line of readings per field: the title, then each name.
    fields = str(row[14]).split("\n") if title_targets or name_targets else []
    acronyms = marker.row_acronyms(str(row[12]))
    title_marks = marker.title_spans(title, acronyms)
    spelled: list[str] = []
    if title_targets:
        pinyin_marks = marker.pinyin_spans(fields[0], title_targets, title_marks)
        title_marks += pinyin_marks
        # Bodies keep no readings: the words the pinyin spelled in the title are marked
        # where the body has them. Not single characters, which the body may read
        # otherwise (行 is hang in 银行, xing in 行动).
        spelled = list(dict.fromkeys(title[s:e] for s, e in pinyin_marks if e - s > 1))
    text, snippet_marks, of_names = _snippet(marker, body, names, fields[1:], name_targets, spelled)
    text_en, snippet_en_marks = _snippet_en(marker, body_en)
    title_en_marks = hl.merge(marker.title_spans(title_en, acronyms))
    return SearchHit(kind, id_, title, text, hl.merge(title_marks), snippet_marks, value,
                     title_en, text_en, title_en_marks, snippet_en_marks, of_names)


def _snippet(
    marker: hl.Marker,
    body: str,
    names: str,
    pinyin_fields: list[str],
    targets: list[str],
    spelled: list[str],
) -> tuple[str, tuple[hl.Span, ...], bool]:
    """The Chinese snippet and whether it is the names: from the body or the names (where
    pinyin can match too) where they match, ``spelled`` (title words the query's pinyin
    spelled) counting as matches in the body; else the start of the body (an English-only
    match still reads Chinese), and none for an item with no body (its title is on the row
    already)."""
    own = hl.merge(marker.text_spans(body))
    extra = [span for word in spelled for span in hl.find_all(body, word)] if spelled else []
    found = hl.merge([*own, *extra]) if extra else own
    if found:
        # Around the query's own words where the body has them (the row may match for
        # them alone); the title's words are marked where they fall in the cut.
        return (*hl.snippet(body, found, own[0][0] if own else None), False)
    if names:
        names_text, name_spans = _names(marker, names.split("\n"), pinyin_fields, targets)
        found = hl.merge(name_spans)
        if found:
            return (*hl.snippet(names_text, found), True)
    return (*hl.snippet(body, ()), False) if body else ("", (), False)


def _snippet_en(marker: hl.Marker, body_en: str) -> tuple[str, tuple[hl.Span, ...]]:
    """The English snippet: from the English text where it matches, else its start (none
    when the item has no English text beyond its title, which the row shows already)."""
    if not body_en:
        return "", ()
    found = hl.merge(marker.text_spans(body_en))
    if found:
        return hl.snippet(body_en, found, chars=hl.SNIPPET_CHARS_LATIN)
    return hl.snippet(body_en, (), chars=hl.SNIPPET_CHARS_LATIN)


def _names(
    marker: hl.Marker, names: list[str], pinyin_fields: list[str], targets: list[str]
) -> tuple[str, list[hl.Span]]:
    """Join names for display and find the pieces in them (pinyin included)."""
    # The separator is neither CJK nor a word character: no match can span it.
    text = "、".join(names)
    spans = marker.text_spans(text)
    offset = 0
    for name, field in zip(names, pinyin_fields, strict=False):
        # The readings line has one entry per character of the name ("," between).
        if targets and field.count(",") == len(name) - 1:
            own = [(s - offset, e - offset) for s, e in spans if offset <= s and e <= offset + len(name)]
            spans += [(s + offset, e + offset) for s, e in marker.pinyin_spans(field, targets, own)]
        offset += len(name) + 1
    return text, spans
