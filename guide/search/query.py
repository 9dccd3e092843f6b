"""From what the user typed to an FTS5 MATCH expression, safely.

User text never reaches MATCH as is: it is folded, cut to a sane length, and split
into *pieces* - CJK runs and words of letters/digits. Everything else (quotes,
``AND``/``OR``/``NEAR(``, ``*``, ``-``, ``^``, ``:``, emoji, control characters) is a
separator, so every piece is a plain quoted string and the expression is always
valid. ``AND``, ``or`` etc. become ordinary words. All pieces must match (AND), each
in any field: ``"绿色 论坛"``, ``"zhang wei"``, ``"green 2023"``; when none matches them
all, :mod:`guide.search.fallback` asks fewer of the words typed (:func:`typed_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guide.search.english import acronym_plural, can_be_acronym, singulars
from guide.search.schema import (
    ACRONYM,
    INITIALS_LONGEST,
    MAX_PINYIN_TOKEN,
    MAX_WORD,
    START,
    WORDS_LONGEST,
    kind_token,
)
from guide.search.syllables import SYLLABLES
from guide.search.text import (
    CJK_RUN,
    CLITICS,
    ELIDED,
    MARK,
    MAY_SPELL_UMLAUT,
    SPOKEN_SYMBOL,
    TOKEN,
    UMLAUT_MARK,
    WORD,
    WORD_CHAR,
    fold,
    pinyin_fold,
    short_parts,
    symbol_words,
)

# Raw input is cut before any work: nobody types more, and a pasted 10,000-character
# text must not cost more than a normal query.
MAX_QUERY_CHARS = 200
MAX_PIECES = 8
# A longer Chinese phrase is matched by its first characters (a superset of rows).
MAX_CJK_PIECE = 32
MAX_WORD_PIECE = MAX_WORD
MAX_PINYIN_WORDS = 3


@dataclass(frozen=True)
class Piece:
    """One searchable unit of a query: a CJK run or a word, already folded."""

    text: str
    cjk: bool
    pinyin: str = ""  # the word folded as pinyin (ü/v -> u), "" if it cannot be pinyin
    # The singulars a plural word may stand for, each asked as a whole word (english.py).
    singulars: tuple[str, ...] = ()
    # Typed in capitals (AI, ICBC): an acronym, more likely than a word or pinyin.
    capitals: bool = False
    # A letter with symbols (C++, C#), asked spelt (cpp, csharp): a name, no pinyin or acronym.
    symbol: bool = False
    # Holds ae, oe or ue before a letter (kueche): also asked as the spelling of a word with
    # ä, ö or ü (Küche), which the index holds behind text.UMLAUT_MARK.
    umlauts: bool = False


Pieces = tuple[Piece, ...]


def normalize_query(query: str) -> Pieces:
    """Fold ``query`` (NFKC, casefold, traditional to simplified, ü/v/u for pinyin) and
    split it into pieces.

    Returns an empty tuple for input without any searchable character.
    """
    if not isinstance(query, str):
        return ()
    pieces: dict[Piece, None] = {}
    query = _INVISIBLE.sub("", query[:MAX_QUERY_CHARS])
    folded = _TONED.sub(_toneless, fold(query))
    # Folding loses the case, and may change lengths: the words typed in capitals, folded.
    capitals = {fold(word) for word in WORD.findall(query) if len(word) > 1 and word.isupper()}
    # "APIs": the plural of an acronym, whose folded "apis" reads as no plural (analysis).
    acronym_plurals = {fold(word): (one,) for word in WORD.findall(query)
                       if (one := acronym_plural(word))}
    elided, joined = _elided_parts(folded)
    symbols = {start: (end, spelt) for start, end, spelt in symbol_words(folded)}
    inside = 0  # the end of the last name read spelt: "c sharp" is one word, csharp
    for match in TOKEN.finditer(folded):
        cjk, text = match.groups()
        if match.start() < inside:
            continue
        if cjk:
            piece = Piece(cjk[:MAX_CJK_PIECE], True)
        elif match.start() in elided:
            continue
        elif match.start() in symbols:  # C++ is cpp, not c… (text.symbol_words)
            inside, spelt = symbols[match.start()]
            piece = Piece(spelt, False, symbol=True)
        else:
            text = joined.get(match.start(), text)
            # The word as the text index affords it (its prefix indexes stop at MAX_WORD),
            # its pinyin whole: the title keys check any length (titlerows.py).
            piece = Piece(text[:MAX_WORD_PIECE], False, pinyin_fold(text)[:MAX_PINYIN_TOKEN],
                          (singulars(text) or acronym_plurals.get(text, ()))
                          if len(text) <= MAX_WORD_PIECE else (), text in capitals,
                          umlauts=MAY_SPELL_UMLAUT.search(text[:MAX_WORD_PIECE]) is not None)
        pieces[piece] = None
        if len(pieces) == MAX_PIECES:
            break
    return tuple(pieces)


def typed_words(query: str) -> list[str]:
    """The words of ``query`` as typed, each a Chinese run or a word of letters and digits
    (apostrophes inside kept: c't; a letter's symbols too: C++, C sharp), without repeats, at most
    ``MAX_PIECES``: what a search for fewer words leaves out or keeps (fallback.py).
    "quantum-computer, 量子" -> quantum, computer, 量子."""
    if not isinstance(query, str):
        return []
    query = _INVISIBLE.sub("", query[:MAX_QUERY_CHARS])
    # Found in the query with fullwidth forms made narrow (Ｃ＃ as C#, one character for
    # one), and returned as typed: a fullwidth Ｃ＃ before a second word was read as the
    # letter Ｃ, and the fallback asked every c-word.
    narrow = query.translate(_NARROW)
    found = [query[m.start():m.end()] for m in _TYPED_WORD.finditer(narrow)]
    return list(dict.fromkeys(found))[:MAX_PIECES]


# Characters that show nothing: a soft hyphen or zero-width space pasted inside a word split
# it in two ("zhong\u00adguancun" found a third of what "zhongguancun" finds).
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
# Fullwidth ASCII (！ to ～) to ASCII, as NFKC folds it (fold), one character for one.
_NARROW = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
# A letter with symbols as typed (C++, c#), as text.SYMBOL_WORD finds it folded; a name
# said in words (C sharp), as text.SPOKEN_SYMBOL does.
_TYPED_SYMBOL = f"(?<!{WORD_CHAR})[a-zA-Z](?:\\+\\+|#)(?![+#a-zA-Z])|(?i:{SPOKEN_SYMBOL.pattern})"
_TYPED_WORD = re.compile(f"{_TYPED_SYMBOL}|{CJK_RUN.pattern}|{WORD_CHAR}+(?:['\u2019]{WORD_CHAR}+)*")
# Pinyin with tone numbers (lv4se4, zhong1guan1cun1): letters, each run ended by a tone 1-5.
_TONED = re.compile(r"(?<![\w])(?:[a-zü]{2,6}[1-5])+[a-zü]*(?![\w])")


def _toneless(match: re.Match[str]) -> str:
    """The word without its tone numbers when each numbered run is a pinyin syllable (lv4 ->
    lv), else as typed (h5n1, a4 and mp3 are no pinyin)."""
    word = match.group()
    runs = re.split("[1-5]", word)
    toned = runs[:-1]  # the last run is what follows the last tone number, maybe nothing
    if all(pinyin_fold(run) in SYLLABLES for run in toned):
        return "".join(runs)
    return word


# Pinyin puts an apostrophe only before a syllable starting with a, o or e (xi'an 西安).
_PINYIN_AFTER_APOSTROPHE = frozenset("aoe")


def _elided_parts(folded: str) -> tuple[set[int], dict[int, str]]:
    """The parts of words with apostrophes asked otherwise: the start offsets of those left
    out of the query, and the words asked joined, by the offset of their first part.

    A clitic ('s, 't, 'll) and a one-letter part (o'clock, rock'n'roll) are left out: as a
    prefix of its own, the t of "Don't look up" matched every word starting with t; the
    stem stays a prefix, so "Wikipedia's" finds Wikipedia and "hacker's" hackers. A word
    with no other part (c’t, I'm) is asked joined (ct), as the index also holds it
    (text.joined_words). Pinyin (xi'an) keeps its parts."""
    left_out: set[int] = set()
    joined: dict[int, str] = {}
    for word in ELIDED.finditer(folded):
        parts = list(WORD.finditer(word.group()))
        texts = [p.group() for p in parts]
        if pinyin_fold("".join(texts)) and all(
                text[0] in _PINYIN_AFTER_APOSTROPHE for text in texts[1:]):
            continue
        if short_parts(texts):
            joined[word.start()] = "".join(texts)
            left_out.update(word.start() + p.start() for p in parts[1:])
            continue
        left_out.update(word.start() + p.start() for i, p in enumerate(parts)
                        if len(p.group()) == 1 or (i > 0 and p.group() in CLITICS))
    return left_out, joined


@dataclass(frozen=True)
class TitleQuery:
    """A question to the title indexes: a row matches both non-empty parts.

    ``chinese`` is the MATCH of the Chinese pieces on ``search_title`` (phrases, with
    positions), ``latin`` that of the Latin pieces (words, pinyin) on ``search_words``;
    see :mod:`guide.search.titlerows` for how they are asked together. A Latin piece
    longer than the words index's prefixes is asked by its first ``WORDS_LONGEST``
    letters, and ``checks`` holds it whole, as a :class:`Check`, to be checked in
    the row's title keys: without a prefix index FTS5 would build the list of every
    row holding a term it starts before returning one (``zhongguancun``: 4-8 ms at
    100k items).
    """

    chinese: str
    latin: str
    checks: tuple[Check, ...] = ()


@dataclass(frozen=True)
class Check:
    """A Latin piece cut for the words index, whole: a title word starting with
    ``word``, a spelling holding ``pinyin`` (if any), or one of ``singulars`` as a whole
    word (the index cut those at ``WORDS_LONGEST`` letters too); with ``umlauts``, an
    umlaut spelling starting with ``word`` too."""

    word: str
    pinyin: str
    singulars: tuple[str, ...] = ()
    umlauts: bool = False
    acronym: bool = False  # or the acronym of a title (english.acronyms), whole


def title_query(pieces: Pieces, kind: str | None = None, *, start: bool = False) -> TitleQuery:
    """Every piece in a title, name or English title, as text or pinyin; with ``start``,
    the first piece at the start of one of them."""
    chinese: list[str] = []
    latin: list[str] = []
    checks: list[Check] = []
    for i, piece in enumerate(pieces):
        first = start and i == 0
        if piece.cjk:
            chinese.append(f"{{t n}} : {'^' if first else ''}{_quoted(piece)}")
            continue
        mark = START if first else MARK
        text, pinyin = _cut(piece, checks)
        # Words and pinyin share a marker: one term when the word is its own pinyin.
        term = _term(mark, text)
        if pinyin and pinyin != text:
            term += f" OR {_term(mark, pinyin)}"
        if piece.umlauts and not first:  # no start token holds an umlaut spelling
            term += f" OR {_term(UMLAUT_MARK, text)}"
        term += _initials_term(mark, piece, checks)
        latin.append(term + _singular_terms(mark, piece, WORDS_LONGEST) + _acronym_term(piece))
    return _title_query(chinese, latin, kind, checks)


def pinyin_query(pieces: Pieces, kind: str | None = None) -> TitleQuery:
    """Every piece as pinyin of a title or name (or as a Latin word of one: words and
    pinyin share search_words' terms, and those rows match the query read as text)."""
    checks: list[Check] = []
    terms = [_term(MARK, _cut(p, checks)[1]) + _initials_term(MARK, p, checks) for p in pieces]
    return _title_query([], terms, kind, checks)


def _cut(piece: Piece, checks: list[Check]) -> tuple[str, str]:
    """A Latin piece's word and pinyin as asked of the words index (see TitleQuery)."""
    if max(len(piece.text), len(piece.pinyin)) <= WORDS_LONGEST:
        return piece.text, piece.pinyin
    # A singular is a letter or two shorter than its plural: one of WORDS_LONGEST
    # letters or more is only asked when the plural is cut, and checked here.
    checks.append(_check(piece))
    return piece.text[:WORDS_LONGEST], piece.pinyin[:WORDS_LONGEST]


def _check(piece: Piece) -> Check:
    return Check(piece.text, piece.pinyin, piece.singulars, piece.umlauts, _may_be_acronym(piece))


# The first letters of pinyin syllables: initials never hold i, u or ü (v).
_INITIALS = frozenset(syllable[0] for syllable in SYLLABLES)


def _initials_term(mark: str, piece: Piece, checks: list[Check]) -> str:
    """``OR`` the piece's first :data:`INITIALS_LONGEST` letters as an exact term when it
    could be the initials of more syllables than the words index keeps (it cuts initials
    tokens there), and check the piece whole in the title keys: the term also finds
    spellings only starting so. A piece with i, u or v is no initials: nothing to add."""
    initials = piece.pinyin
    if len(initials) <= INITIALS_LONGEST or not _INITIALS.issuperset(initials):
        return ""
    if not any(check.word == piece.text for check in checks):  # _cut checks long pieces
        checks.append(_check(piece))
    return f' OR "{mark}{initials[:INITIALS_LONGEST]}"'


def _acronym_term(piece: Piece) -> str:
    """``OR`` the piece as an English title's acronym (english.acronyms), if it can be one.

    Exact, not a prefix: "ai" typed on the way to "aim" should not bring every title whose
    initials only start so (Artificial Intelligence Area, aia). In a query of the start
    question too: a title's acronym stands for the whole title (or a part of it), so at
    100k items, when more titles start with the word than are ranked, its acronyms are
    ranked among them and not left out.
    """
    return f' OR "{ACRONYM}{piece.text}"' if _may_be_acronym(piece) else ""


def _may_be_acronym(piece: Piece) -> bool:
    """Whether the words index is asked the piece as an acronym (a spelt symbol never is)."""
    return can_be_acronym(piece.text) and not piece.symbol


def _singular_terms(mark: str, piece: Piece, longest: int) -> str:
    """``OR`` the piece's singulars as whole words (not prefixes: ``robots`` is not to find
    ``robotics``), cut at ``longest`` letters as the index cuts its tokens."""
    return "".join(f' OR "{mark}{singular[:longest]}"' for singular in piece.singulars)


def _term(mark: str, text: str) -> str:
    """A words-index term for a Latin piece (already cut): its tokens are cut at
    ``WORDS_LONGEST`` letters, so a piece that long is one exact term and the prefix
    indexes stop one letter short."""
    return f'"{mark}{text}"' + ("*" if len(text) < WORDS_LONGEST else "")


def _title_query(
    chinese: list[str], latin: list[str], kind: str | None, checks: list[Check]
) -> TitleQuery:
    if kind is not None:
        # Only where there is a question already: one part alone restricts the rows.
        token = f'"{kind_token(kind)}"'
        if chinese:
            chinese.append(f"{{k}} : {token}")
        else:
            latin.append(token)
    return TitleQuery(_conjunction(chinese), _conjunction(latin), tuple(checks))


@dataclass(frozen=True)
class TextQuery:
    """A query on ``search_text``: its MATCH and the Chinese phrases to check.

    The text index keeps no positions (``detail=none``, a quarter of the size), so a
    Chinese piece of n >= 3 characters is the AND of its pairs, which also matches
    text holding the pairs apart (色金, 金融 and 绿色 without 绿色金融). ``phrases``
    lists those pieces: a row matches only if each is in its kept text (checked with
    ``GLOB`` in SQL, see :mod:`guide.search.textrows`). One or two characters need
    no check.
    """

    match: str
    phrases: tuple[str, ...]


def text_query(pieces: Pieces, kind: str | None = None) -> TextQuery:
    """The query for ``search_text``: every piece as text, in any field (no pinyin)."""
    parts = [_unordered(piece) for piece in pieces]
    if kind is not None:
        parts.append(f'"{kind_token(kind)}"')  # no column filters without positions
    phrases = tuple(p.text for p in pieces if p.cjk and len(p.text) > 2)
    return TextQuery(_conjunction(parts), phrases)


def pinyin_splits(pieces: Pieces) -> list[tuple[Pieces, Pieces]]:
    """Ways to read some words as pinyin and the rest as text: ``(pinyin, text)``.

    A row matches a query if, for one split, the pinyin part matches its title and
    the text part matches anywhere (the split with no pinyin is not listed). Only
    the first ``MAX_PINYIN_WORDS`` pinyin-capable words are varied, and the engine
    skips a mixed split whose pinyin part matches more than ``RANK_CAP`` titles,
    to bound the work; all-text and all-in-title matches are always complete.
    """
    capable = [p for p in pieces if p.pinyin][:MAX_PINYIN_WORDS]
    splits = []
    for mask in range(1, 2 ** len(capable)):
        chosen = {p for i, p in enumerate(capable) if mask >> i & 1}
        splits.append(
            (tuple(p for p in pieces if p in chosen), tuple(p for p in pieces if p not in chosen))
        )
    return splits


def _conjunction(parts: list[str]) -> str:
    return " AND ".join(f"({part})" for part in parts)


def _quoted(piece: Piece) -> str:
    text = piece.text
    if not piece.cjk:
        return f'"{MARK}{text}"*'
    if len(text) == 1:
        return f'"{text}"*'
    # The phrase of overlapping pairs; the indexed trailing single is not needed.
    return '"' + " ".join(text[i : i + 2] for i in range(len(text) - 1)) + '"'


def _unordered(piece: Piece) -> str:
    """A piece as the AND of its tokens: for the text index, which has no positions."""
    text = piece.text
    if not piece.cjk:
        spelt = f' OR "{UMLAUT_MARK}{text}"*' if piece.umlauts else ""
        return _quoted(piece) + _singular_terms(MARK, piece, MAX_WORD) + spelt
    if len(text) < 3:
        return _quoted(piece)
    pairs = dict.fromkeys(text[i : i + 2] for i in range(len(text) - 1))
    return " AND ".join(f'"{pair}"' for pair in pairs)
