"""Snippets and highlight marks, computed in Python on the original text.

FTS5's ``highlight()`` and ``snippet()`` only see bigram tokens (and nothing at all
on a contentless table), so matches are found again here: Chinese pieces as
substrings, words as word prefixes, pinyin pieces through the per-character readings
stored at build time (``zyf`` marks 周云帆). Offsets are in the original strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from guide.search.english import acronym_spans, can_be_acronym
from guide.search.query import Piece
from guide.search.text import (
    SPELT_SYMBOLS,
    UMLAUT_SPELLING,
    WORD,
    WORD_CHAR,
    fold,
    fold_aligned,
    joined_words,
    may_join,
)

Span = tuple[int, int]
Readings = Sequence[str]

# At least two lines of a result card on a kiosk's 1920 pixels (cards elide the rest, so
# a snippet never ends in an orphan character on the second line). Latin letters are about
# half as wide as Chinese characters.
SNIPPET_CHARS = 240
SNIPPET_CHARS_LATIN = 480
LEAD = 20  # Chinese characters shown before the first match (twice as many letters)
MIN_CUT = 4  # fewer characters than this are not cut for an ellipsis that takes their place
# A snippet starts after one of these (or at an opening bracket or quote) and ends after a
# punctuation mark or before a space, when one is near: not "…dministration" or "…成示范园".
_BREAKS = frozenset("，。；：！？、,.;:!?—… \t\n\r\u3000")
_OPENERS = frozenset("（(「『“‘《【[")
_NEAR = 12  # how far a snippet's ends move to find one
ELLIPSIS = "…"
_LINE_BREAKS = re.compile("[\n\r\t\v\f]")


_WORD_CHAR = re.compile(WORD_CHAR)
_SPELT_NAMES = frozenset(SPELT_SYMBOLS.values())
_UMLAUT = re.compile("[äöüÄÖÜ]")


class Marker:
    """Finds where the pieces of one query occur in texts."""

    def __init__(self, pieces: Iterable[Piece], *, fold_chinese: bool = False) -> None:
        pieces = tuple(pieces)
        self.cjk = [p.text for p in pieces if p.cjk]
        self.words = [p.text for p in pieces if not p.cjk]
        # A plural's singulars match as whole words (english.py): robot, not robotics.
        self.singulars = [s for p in pieces for s in p.singulars]
        self.pinyin = [p.pinyin for p in pieces if p.pinyin]
        self.umlauts = [p.text for p in pieces if p.umlauts]  # kueche marks Küche
        # Two words or more that read as pinyin spell a name or phrase together ("xu xinchao"):
        # one of them alone marks no lone character (lone_spans_dropped).
        self.spelt_together = len(self.pinyin) > 1
        self.acronyms = [p.text for p in pieces if not (p.cjk or p.symbol) and can_be_acronym(p.text)]
        self.fold_chinese = fold_chinese
        self._pieces = pieces
        # Once per query, not per text: the word pieces, each with whether it must be a
        # whole word (a singular); and whether all are ASCII (see text_spans).
        self._word_tests = [*((w, False) for w in self.words), *((s, True) for s in self.singulars)]
        self._ascii_words = all(word.isascii() for word, _ in self._word_tests)
        # In ASCII text (folded by lower()) a word piece, or a joined word it starts, begins
        # with the piece's first letter in either case: text holding none of them has none.
        self._ascii_firsts = tuple({c for word, _ in self._word_tests for c in (word[0], word[0].upper())})
        self._other = _other_character() if self._ascii_words else None
        # Framed as rank_acronyms frames them (title_spans).
        self._framed_acronyms = [(a, f" {a} ") for a in self.acronyms]

    def folding(self) -> Marker:
        """The same marker for a row whose Chinese changes when folded (traditional
        characters, compatibility ideographs): it finds Chinese pieces in the folded text."""
        return Marker(self._pieces, fold_chinese=True)

    def text_spans(self, text: str) -> list[Span]:
        """Return spans (in ``text``) of Chinese and word pieces, unsorted."""
        if not text:
            return []
        spans: list[Span] = []
        ascii_text = False
        if not self.fold_chinese:
            # Most rows' ideographs are the same folded or not: find them in the text itself
            # (never in ASCII text, an English title or text).
            ascii_text = text.isascii()
            if not ascii_text:
                for piece in self.cjk:
                    spans += find_all(text, piece)
            if not self.words:
                return spans
            if self._ascii_words:
                # The word pieces (all ASCII) cannot be in ASCII text holding none of their
                # first letters, nor in text of which no character folds into an ASCII
                # letter or digit (_NO_ASCII_WORD): nothing to fold or seek.
                if ascii_text:
                    if not any(map(text.__contains__, self._ascii_firsts)):
                        return spans
                elif self._other is not None and self._other.search(text) is None:
                    return spans
        # ASCII text (an English title or text, most word searches) folds by lower() alone.
        folded, origin = (text.lower(), None) if ascii_text else fold_aligned(text)
        if self.fold_chinese:
            found_cjk = [span for piece in self.cjk for span in find_all(folded, piece)]
            spans += [(origin[s], origin[e]) for s, e in found_cjk] if origin is not None else found_cjk
        found: list[Span] = []
        for word, whole in self._word_tests:
            # A word piece matches at the start of a word: str.find, then a look back
            # (and for a whole word a look ahead).
            # "in" first: no argument parsing, and most texts do not hold the word.
            start = folded.find(word) if word in folded else -1
            while start >= 0:
                end = start + len(word)
                if (start == 0 or not _WORD_CHAR.match(folded, start - 1)) and not (
                        whole and _WORD_CHAR.match(folded, end)):
                    found.append((start, end))
                start = folded.find(word, start + 1)
        if self.words and may_join(folded):  # what every joined word holds (rare)
            found += _joined_spans(folded, self.words)
        if origin is not None:
            found = [(origin[s], origin[e]) for s, e in found]
        return spans + found + _umlaut_spans(text, self.umlauts) if self.umlauts else spans + found

    def row_acronyms(self, rank_acronyms: str) -> list[str]:
        """The query words that are acronyms of the row's titles (its ``rank_acronyms``)."""
        if not self._framed_acronyms:
            return []
        return [a for a, framed in self._framed_acronyms if framed in rank_acronyms]

    def title_spans(self, title: str, acronyms: list[str]) -> list[Span]:
        """:meth:`text_spans` of a title, and the initials of the words a query word is the
        acronym of, when it is one of the row's (``acronyms``, :meth:`row_acronyms`):
        [A]rtificial [I]ntelligence for "AI"."""
        spans = self.text_spans(title)
        found = acronyms
        if found and title:
            folded, origin = fold_aligned(title)
            initials = [span for acronym in found for span in acronym_spans(folded, acronym)]
            spans += [(origin[s], origin[e]) for s, e in initials] if origin is not None else initials
        return spans

    def pinyin_targets(self, plain: str) -> tuple[list[str], list[str]]:
        """The pinyin pieces that can occur in a row's title, and in its names, judged
        by its rank_pinyin without its ' (the title's spellings come before its tab)."""
        if not self.pinyin:
            return [], []
        title, tab, names = plain.partition("\t")
        if not tab:
            names = plain
        if len(self.pinyin) == 1:  # most queries: no list to build
            one = self.pinyin[0]
            return ([one] if one in title else []), ([one] if one in names else [])
        return [t for t in self.pinyin if t in title], [t for t in self.pinyin if t in names]

    def pinyin_spans(self, field: str, targets: list[str], others: Sequence[Span] = ()) -> list[Span]:
        """Return spans of characters whose readings spell one of ``targets``.

        ``field`` is one line of the stored ``pinyin_map`` (one field's readings); ``others``
        are the field's other marks, which a one-character span may join (see below).
        """
        spans: list[Span] = []
        for target in targets:
            spans += _field_spans(field, target)
        if self.spelt_together:
            spans = _lone_spans_dropped(spans, others)
        return spans


def _joined_spans(folded: str, pieces: list[str]) -> list[Span]:
    """Spans of the word pieces in the words of short parts of a folded text, as the index
    joins them (text.joined_words): "ct" and "c" mark c’t, from its start; "cpp" marks c++
    whole, "c" its letter."""
    spans = []
    for start, end, joined in joined_words(folded) if pieces else ():
        for piece in pieces:
            if not joined.startswith(piece):
                continue
            if joined in _SPELT_NAMES:  # a letter with symbols, C++ or C sharp (text.symbol_words)
                spans.append((start, start + 1 if len(piece) == 1 else end))
            else:
                # Past as many letters as the piece has, the apostrophes between skipped.
                at, letters = start, 0
                while letters < len(piece) and at < end:
                    letters += folded[at] not in "'\u2019"
                    at += 1
                spans.append((start, at))
    return spans


def _umlaut_spans(text: str, pieces: list[str]) -> list[Span]:
    """Spans of the word pieces that start the umlaut spelling of a word of ``text`` with ä,
    ö or ü (text.umlaut_spellings): "kueche" marks Küche, "kuec" its Küc."""
    if not pieces or not _UMLAUT.search(text):
        return []
    spans = []
    for word in WORD.finditer(text):
        if not _UMLAUT.search(word.group()):
            continue
        spelt = ""
        ends = []  # ends[i]: the end in the word of the character spelling letter i
        for at, char in enumerate(word.group()):
            letters = fold(char.casefold().translate(UMLAUT_SPELLING))
            spelt += letters
            ends += [at + 1] * len(letters)
        spans += [(word.start(), word.start() + ends[len(piece) - 1])
                  for piece in pieces if spelt.startswith(piece)]
    return spans


def _lone_spans_dropped(spans: list[Span], others: Sequence[Span]) -> list[Span]:
    """Pinyin spans less those of one character that no other mark touches. "Xu Xinchao"
    marked 续 (xu) in 北京建设全球绿色可持[续]金融中心, found for the English text naming him:
    one syllable of a name spelt in several is no sign of it on its own; next to the next
    syllable (张 伟 for "zhang wei", 张 then 伟 for "zhang w" as typed) it is."""
    lone = {span for span in merge([*spans, *others]) if span[1] - span[0] == 1}
    return [span for span in spans if span not in lone]


# The characters that no folding turns into an ASCII letter or digit, nor into part of a
# joined word or an umlaut: Chinese characters and punctuation, ASCII punctuation, spaces.
_NO_ASCII_WORD = (
    "\t\n\r !-/:-@\\[-`{-~\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
)


@lru_cache(maxsize=1)
def _other_character() -> re.Pattern[str]:
    # Compiled on first use (milliseconds for the Chinese ranges), not at start.
    return re.compile(f"[^{_NO_ASCII_WORD}]")


def find_all(text: str, piece: str) -> list[Span]:
    """Return the spans of every occurrence of ``piece`` in ``text`` (overlaps too)."""
    spans = []
    start = text.find(piece)
    while start >= 0:
        spans.append((start, start + len(piece)))
        start = text.find(piece, start + 1)
    return spans


@lru_cache(maxsize=1024)
def _field_spans(field: str, target: str) -> tuple[Span, ...]:
    # Cached (a page's worth): names (speakers, photographers) recur across the hits
    # of one query. Small, so a kiosk running for days does not grow by it.
    if "/" not in field:  # one reading per character (every title): one regex scan
        return _single_reading_spans(field, target)
    return _any_reading_spans(field, target)


def _any_reading_spans(field: str, target: str) -> tuple[Span, ...]:
    """:func:`_field_spans` for any field, characters with several readings included."""
    entries = field.split(",")
    first, after_slash = target[0], "/" + target[0]
    readings: list[Readings] | None = None  # split only for fields with a candidate
    spans = []
    i = 0
    while i < len(entries):
        entry = entries[i]
        # One of the character's readings must at least start right.
        if entry and (entry[0] == first or after_slash in entry):
            if readings is None:
                readings = [tuple(e.split("/")) if e else () for e in entries]
            end = _spell(readings, i, target)
            if end is not None:
                spans.append((i, end))
                i = end
                continue
        i += 1
    return tuple(spans)


@lru_cache(maxsize=64)
def _spelling(target: str) -> re.Pattern[str]:
    # From the start of a reading: the target in full (readings joined, the last one
    # possibly cut short: a comma may fall between any two letters, never two commas,
    # which frame a character without a reading) or as initials (each letter starts
    # the next reading). Full first, as in _spell.
    # The first letter comes before the look-behind (not a comma before it): re then skips
    # to that letter instead of trying the look-behind at every position.
    letters = [re.escape(letter) for letter in target]
    first = letters[0]
    full, initials = ",?".join(letters)[len(first):], "[^,]*,".join(letters)[len(first):]
    return re.compile(f"{first}(?<![^,]{first})(?:{full}|{initials})")


def _single_reading_spans(field: str, target: str) -> tuple[Span, ...]:
    """:func:`_field_spans` for a field whose characters have one reading each."""
    spans = []
    for found in _spelling(target).finditer(field):
        start = field.count(",", 0, found.start())
        spans.append((start, start + found.group().count(",") + 1))
    return tuple(spans)


def merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sort spans and merge overlapping or touching ones; drop empty spans."""
    if not spans:
        return ()
    if isinstance(spans, (list, tuple)) and len(spans) == 1:  # most marks: nothing to sort
        start, end = spans[0]
        return ((start, end),) if end > start else ()
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _spell(readings: Sequence[Readings], i: int, target: str) -> int | None:
    """End of the characters from ``i`` spelling ``target`` (full syllables, last one
    possibly cut short, or initials), or None."""
    end = _spell_full(readings, i, target)
    if end is not None:
        return end
    for k, letter in enumerate(target):
        j = i + k
        if j >= len(readings) or not any(r[0] == letter for r in readings[j]):
            return None
    return i + len(target)


def _spell_full(readings: Sequence[Readings], j: int, rest: str) -> int | None:
    if j >= len(readings):
        return None
    for reading in readings[j]:
        if reading.startswith(rest):
            return j + 1
        if rest.startswith(reading):
            end = _spell_full(readings, j + 1, rest[len(reading) :])
            if end is not None:
                return end
    return None


def snippet(
    text: str, spans: tuple[Span, ...], anchor: int | None = None, *, chars: int = SNIPPET_CHARS
) -> tuple[str, tuple[Span, ...]]:
    """Cut about ``chars`` characters of ``text`` around ``anchor`` (by default the first
    span), with the spans that fall inside it. The cut starts and ends between words or
    clauses where one is near. ``spans`` are sorted and merged, as :func:`merge` gives them."""
    first = anchor if anchor is not None else spans[0][0] if spans else 0
    end = len(text)
    if end <= chars:  # the whole text fits (most): from its start, past breaks before the first mark
        start = 0
        while start < first and text[start] in _BREAKS:
            start += 1
    else:
        lead = LEAD * chars // SNIPPET_CHARS
        start = max(0, min(first - lead, len(text) - chars))
        if start < MIN_CUT:  # "…023年5月" for "2023年5月": keep the few characters instead
            start = 0
        end = min(len(text), start + chars)
        if len(text) - end < MIN_CUT:
            end = len(text)
        start, end = _between_words(text, start, end, first)
    cut = text[start:end]
    # One for one: marks keep their offsets. Substring tests, not a scan of every character
    # (isprintable): a cut without these has nothing to replace.
    if "\n" in cut or "\r" in cut or "\t" in cut or "\v" in cut or "\f" in cut:
        cut = _LINE_BREAKS.sub(" ", cut)
    if start == 0 and end == len(text):  # the whole text (most): the spans as they are
        return cut, spans
    shift = start
    if start > 0:
        cut = ELLIPSIS + cut
        shift -= len(ELLIPSIS)
    if end < len(text):
        cut += ELLIPSIS
    if not spans:
        return cut, ()
    return cut, merge([(max(s, start) - shift, min(e, end) - shift) for s, e in spans])


def _between_words(text: str, start: int, end: int, first: int) -> tuple[int, int]:
    """Move a cut's ends to a word or clause boundary within :data:`_NEAR` characters."""
    if start > 0 and text[start - 1] not in _BREAKS and text[start] not in _OPENERS:
        back, ahead = range(start - 1, max(0, start - _NEAR) - 1, -1), range(start, min(first, start + _NEAR))
        for at in [*back, *ahead]:
            if text[at] in _OPENERS:
                start = at
                break
            if text[at] in _BREAKS:
                start = at + 1
                break
    while start < first and text[start] in _BREAKS:  # "——" or ", ": past all of it
        start += 1
    if end < len(text):
        for at in range(end, max(start, end - _NEAR), -1):
            if text[at - 1] in _BREAKS:
                end = at
                break
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end
