"""Text folding and tokenisation shared by the indexer and the query path.

Both sides must turn text into tokens the same way, so everything that decides what
a token is lives here: ``fold`` (NFKC, casefold, Latin accents stripped so ``lüse``
and ``luse`` meet, traditional characters to simplified so ``中關村`` and ``中关村``
meet), CJK runs versus "words" (runs of other letters and digits), and the character
bigrams that make any Chinese substring findable (see
:mod:`guide.search.schema` for why bigrams).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from operator import add

from guide.search.traditional import SIMPLIFIED, TRADITIONAL

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B-G.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_RUN = re.compile(f"[{_CJK}]+")
# One character of a word: a letter or digit that is not a CJK ideograph.
WORD_CHAR = f"[^\\W_{_CJK}]"
# A word is a run of letters/digits that are not CJK ideographs (kana, Latin, digits …).
WORD = re.compile(f"[^\\W_{_CJK}]+")
TOKEN = re.compile(f"([{_CJK}]+)|([^\\W_{_CJK}]+)")
# Pinyin tokens hold only a-z; ü and v are folded to u (lü -> lu) on both sides.
PINYIN = re.compile("[a-z]+")
_V_FOR_U = re.compile("(?<=[ln])v")


class _FoldTable(dict[int, str]):
    """str.translate table of :func:`fold`: given the traditional characters, it strips
    accents from Latin letters, filled on demand."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        # Only fold when the result is one ASCII letter: keeps lengths (and offsets)
        # unchanged and leaves Hangul, kana etc. alone.
        if (
            len(decomposed) > 1
            and base.isascii()
            and base.isalpha()
            and all(unicodedata.combining(c) for c in decomposed[1:])
        ):
            char = base
        self[code] = char
        return char


# Traditional characters fold to simplified ones in the same table: a visitor from Hong
# Kong or Taiwan types 中關村 and finds 中关村 (and the other way round, in the rare
# traditional text of the content). One character to one, so offsets keep.
_FOLD_TABLE = _FoldTable(zip(map(ord, TRADITIONAL), SIMPLIFIED, strict=True))

# The traditional characters, as the body of a regex character class.
TRADITIONAL_CLASS = re.escape(TRADITIONAL)
# Characters that NFKC or accent stripping would change in a Latin word: Latin-1 and
# Latin Extended letters, ligatures, fullwidth letters and digits, ＃ and ＋ (C＋＋ is a
# word: symbol_words); and the traditional characters. Text without them (almost all
# simplified Chinese and English text, other fullwidth punctuation included) only needs
# casefold() to be matched against pieces.
# All of the class lies in the Basic Multilingual Plane, so re keeps it as a bitmap.
_FOLDABLE = re.compile(
    f"[\u00aa-\u024f\u1e00-\u1eff\ufb00-\ufb06\uff03\uff0b\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
    f"{TRADITIONAL_CLASS}]"
)


def fold(text: str) -> str:
    """Fold text for matching: NFKC, casefold, strip accents from Latin letters, and
    traditional Chinese characters to simplified."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    folded = text.casefold()
    return folded if folded.isascii() or not _FOLDABLE.search(folded) else folded.translate(_FOLD_TABLE)


def fold_aligned(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` and return a map from folded offsets to original offsets.

    The map is ``None`` when folding maps each character to one (the usual case),
    meaning offsets are the same in both strings. Used for marks only, so the common
    case skips NFKC (CJK text with fullwidth punctuation is not NFKC, and normalising
    a body costs more than the rest of a hit); the rare characters NFKC would turn
    into letters (①, ㎡ …) may then go unmarked.
    """
    if text.isascii():  # English: casefold is lower(), and nothing else folds
        return text.lower(), None
    folded = text.casefold()
    if len(folded) == len(text):  # casefold mapped each character to one
        if not _FOLDABLE.search(folded):
            return folded, None
        if unicodedata.is_normalized("NFKC", _separators_to_spaces(text)):
            # NFKC would change punctuation only, one for one, and the table maps one
            # character to one (accents, traditional characters): offsets keep. Not
            # the same length alone: an é NFKC composes and an ß casefold doubles
            # would cancel out, and every mark after the é would be one off.
            return folded.translate(_FOLD_TABLE), None
    # Rare (ligatures, ß, fullwidth letters, combining accents …): fold char by char
    # to keep the mapping.
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        parts.append(piece)
        origin.extend([index] * len(piece))
    origin.append(len(text))
    return "".join(parts), origin


# Every non-CJK token (English word, digits, pinyin) is stored with this marker in
# front. It shifts their prefix lengths past 2, so the FTS prefix indexes for
# 3+ characters serve as-you-type Latin/pinyin prefixes without also duplicating
# every two-character CJK bigram (see schema.PREFIX_INDEXES).
MARK = "qx"


def bigrams(run: str) -> str:
    """Space-separated overlapping pairs of a CJK run plus its final single character.

    ``绿色金融`` -> ``绿色 色金 金融 融``: a query of n >= 2 characters becomes the phrase of
    its pairs; a one-character query becomes the prefix ``"金"*``, which the pair
    starting with it or the trailing single satisfies wherever it occurs.
    """
    if len(run) == 1:
        return run
    # operator.add: str.__add__ is a slot wrapper, a third dearer per pair to call.
    return " ".join(map(add, run, run[1:])) + " " + run[-1]


def tokens(folded: str) -> Iterator[tuple[str, bool]]:
    """Yield ``(text, is_cjk)`` for each CJK run and each word of already folded text."""
    for match in TOKEN.finditer(folded):
        cjk = match.group(1)
        yield (cjk, True) if cjk else (match.group(2), False)


# Fullwidth punctuation and symbols (，；：！？（）＠ …), what keeps most Chinese text from
# being NFKC already. Every one of them separates tokens before and after folding, so
# index_text turns them into spaces first, and a body then rarely needs normalising
# (a tenth of the build's Python time at 100k items). Fullwidth letters and digits
# are not among them: NFKC turns those into words.
_FULLWIDTH_SEPARATORS = dict.fromkeys(
    [*range(0xFF01, 0xFF10), *range(0xFF1A, 0xFF21), *range(0xFF3B, 0xFF41), *range(0xFF5B, 0xFF66)],
    " ",
)
# Except ＃ and ＋: NFKC makes them # and +, which after a letter make a word (Ｃ＃, C＋＋:
# symbol_words), as a query typed so reads them.
del _FULLWIDTH_SEPARATORS[0xFF03], _FULLWIDTH_SEPARATORS[0xFF0B]
# The same characters as a regex class: re.sub scans a BMP class as a bitmap, where
# str.translate looks every character of a body up in the dict (a sixth of the time).
_FULLWIDTH_SEPARATOR = re.compile("[" + "".join(map(chr, _FULLWIDTH_SEPARATORS)) + "]")


def _separators_to_spaces(text: str) -> str:
    """``text`` with its fullwidth separators (:data:`_FULLWIDTH_SEPARATORS`) as spaces."""
    return _FULLWIDTH_SEPARATOR.sub(" ", text)


def index_text(text: str) -> str:
    """Return the FTS column text of ``text``: bigrams for CJK runs, marked words (a
    word of short parts, c’t, also joined: see :func:`joined_words`; a word with ä, ö or
    ü also spelt with ae, oe or ue: :func:`umlaut_spellings`)."""
    if not text:
        return ""
    text = _separators_to_spaces(text)
    folded = fold(text)
    joined = joined_words(folded)
    umlauts = umlaut_spellings(text, folded)
    if not joined and not umlauts:
        if folded.isascii():  # English: words only, marked without a call per token
            found = WORD.findall(folded)
            return MARK + f" {MARK}".join(found) if found else ""
        return " ".join(bigrams(cjk) if cjk else MARK + word for cjk, word in TOKEN.findall(folded))
    starts = {start: word for start, _end, word in joined}
    out = []
    for match in TOKEN.finditer(folded):
        cjk, word = match.groups()
        if cjk:
            out.append(bigrams(cjk))
            continue
        if match.start() in starts:  # the joined word first: a title's first token
            out.append(MARK + starts[match.start()])
        out.append(MARK + word)
        if match.start() in umlauts:  # after the word: never a field's first token
            out.append(UMLAUT_MARK + umlauts[match.start()])
    return " ".join(out)


# A word holding ä, ö or ü (ü also as u and a combining diaeresis, which NFKC composes) is
# also indexed as German spells it without them, ae/oe/ue (Küche: kuche and kueche), behind
# a marker of its own: a query word asks it only with a letter after its ae/oe/ue (kuec,
# kueche: query.Piece.umlauts), so English words ending so (blue, true, glue, toe) do not
# start Blümchen, trüb, Glück, Töchter. ß is ss already (casefold), as Germans type it.
UMLAUT_MARK = "qu"
# An umlaut spelling in search_doc.rank_words starts with this (~kueche), so only a query
# word that asks the spelling ranks by it: "blue" is no prefix of Blümchen there either.
UMLAUT_WORD = "~"
_UMLAUT = re.compile("[äöüÄÖÜ\u0308]")
UMLAUT_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
# A query word that may spell an umlaut: ae, oe or ue with a letter after it.
MAY_SPELL_UMLAUT = re.compile("[aou]e[a-z]")


def umlaut_spellings(text: str, folded: str) -> dict[int, str]:
    """The words of ``text`` holding ä, ö or ü, spelt with ae, oe, ue and folded, by their
    start in ``folded`` (``fold(text)``): ``Chaos macht Küche`` -> ``{12: "kueche"}``."""
    if text.isascii() or not _UMLAUT.search(text):  # almost every text: one scan
        return {}
    cased = unicodedata.normalize("NFKC", text).casefold()
    if len(cased) != len(folded):  # fold maps each character of cased to one
        return {}
    return {word.start(): fold(word.group().translate(UMLAUT_SPELLING))
            for word in WORD.finditer(cased) if _UMLAUT.search(word.group())}


# A word with apostrophes inside (don't, Don’t, Wikipedia's, o'clock, xi'an, c’t): TOKEN
# splits it there like any punctuation.
ELIDED = re.compile(f"{WORD_CHAR}+(?:['\u2019]{WORD_CHAR}+)+")
# What follows an English apostrophe (it's, don't, I'd, I'm, we'll, they're, we've).
CLITICS = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})


def short_parts(parts: list[str]) -> bool:
    """Whether the parts of a word with apostrophes are all too short to be asked alone: a
    letter, then letters or clitics (c’t, I'm, a'b). Such a word is a word of its own (the
    magazine c’t), asked and indexed joined (ct): as two one-letter prefixes it matched
    every word starting with c and every one starting with t."""
    return (len(parts[0]) == 1 and parts[0].isalpha()
            and all(len(part) == 1 or part in CLITICS for part in parts[1:]))


def may_join(folded: str) -> bool:
    """Whether folded text holds what every word :func:`joined_words` finds holds: an
    apostrophe, a name's symbols or a symbol said in words. Almost no text does; a few
    substring tests (C speed) tell it before any regex runs."""
    return ("'" in folded or "\u2019" in folded or "#" in folded or "++" in folded
            or "sharp" in folded or "plus" in folded)


def joined_words(folded: str) -> list[tuple[int, int, str]]:
    """``(start, end, joined)`` of each word of short parts (:func:`short_parts`) in folded
    text: ``c’t uplink`` -> ``[(0, 3, "ct")]``, and of each letter with symbols
    (:func:`symbol_words`: ``c++`` -> ``cpp``). The index holds the joined word besides its
    parts, so ``ct`` (a kiosk keyboard has no apostrophe) and ``c't`` find ``c’t``."""
    found = symbol_words(folded)
    if "'" not in folded and "\u2019" not in folded:  # almost every text: no regex scan
        return found
    for word in ELIDED.finditer(folded):
        parts = WORD.findall(word.group())
        if short_parts(parts):
            found.append((word.start(), word.end(), "".join(parts)))
    return sorted(found)


# A letter with ++ or # after it: the languages C++, C#, F#, Q#, the compiler g++. TOKEN drops the
# symbols, and the letter left was a one-letter prefix: "C++" found every word starting
# with c, cats and cars before C++. Not inside a word (5g+, a#b), not before another + or #;
# before digits (C++20) or Chinese (C++语言) it is still the language.
SYMBOL_WORD = re.compile(f"(?<!{WORD_CHAR})([a-z])(\\+\\+|#)(?![+#a-z])")
# The letters with symbols that are names, spelt in letters as the name is written where
# symbols cannot be (CppCon, .cpp, csharp): a word of its own. Only names whose spelling
# no common word starts with: A++ (an energy label) spelt app was the word "app" ("app"
# found a fridge talk first, marked [A++]), and any spelling of another letter meets one
# as a prefix (aplusplus "ap", asharp "as", jsharp "js"). Those stay the letter, as before.
SPELT_SYMBOLS = {"c++": "cpp", "c#": "csharp", "f#": "fsharp", "q#": "qsharp", "g++": "gpp"}
# Such a name said in words, as a keyboard without # or + types it and as text writes it
# ("c sharp", "C-Sharp", "c plus plus", "cplusplus"): the same word. Typed on the kiosk,
# "c sharp" was the letter c (every c-word) and "sharp".
SPOKEN_SYMBOL = re.compile(
    f"(?<!{WORD_CHAR})(?:([{''.join(n[0] for n in SPELT_SYMBOLS if n.endswith('#'))}])[ -]?sharp"
    f"|([{''.join(n[0] for n in SPELT_SYMBOLS if n.endswith('++'))}])[ -]?plus[ -]?plus)(?!{WORD_CHAR})"
)


# What every match of SYMBOL_WORD that is a name holds, led by a character class (which re
# scans for quickly): the gate before SYMBOL_WORD.
_SYMBOL_HINT = re.compile(
    "|".join(f"[{''.join(n[0] for n in SPELT_SYMBOLS if n.endswith(s))}]{re.escape(s)}"
             for s in ("++", "#")))
# The letters that can say each name in words (c sharp, g plus plus): SPOKEN_SYMBOL's.
_SPOKEN_LETTERS = {word: "".join(n[0] for n in SPELT_SYMBOLS if n.endswith(symbol))
                   for word, symbol in (("sharp", "#"), ("plus", "++"))}


def _spoken_hint(folded: str) -> bool:
    """Whether some "sharp" or "plus" in folded text has a name's letter just before it,
    or before one space or hyphen: what every match of SPOKEN_SYMBOL holds."""
    for word, letters in _SPOKEN_LETTERS.items():
        at = folded.find(word)
        while at >= 0:
            before = folded[at - 1] if at else ""  # "" is in every string: test it first
            if before and (before in letters
                           or (at > 1 and before in " -" and folded[at - 2] in letters)):
                return True
            at = folded.find(word, at + 1)
    return False


def symbol_words(folded: str) -> list[tuple[int, int, str]]:
    """``(start, end, spelt)`` of each name of a letter with symbols in folded text
    (``c++`` -> ``cpp``, ``c#`` -> ``csharp``: :data:`SPELT_SYMBOLS`; said in words too,
    ``c sharp``: :data:`SPOKEN_SYMBOL`): indexed and asked spelt, a word of its own, which
    a kiosk's keyboard (no + or #) can type too."""
    found = []
    # Cheap gates first: highlighting runs this on every shown title and body per keystroke,
    # and both regexes start with a lookbehind that re tries at every position. Text with +
    # but no name (1+1+N, 创e+) or with "plus" in another word (surplus) skips them.
    if ("++" in folded or "#" in folded) and _SYMBOL_HINT.search(folded):
        found = [(m.start(), m.end(), spelt) for m in SYMBOL_WORD.finditer(folded)
                 if (spelt := SPELT_SYMBOLS.get(m.group()))]
    if ("sharp" in folded or "plus" in folded) and _spoken_hint(folded):
        for m in SPOKEN_SYMBOL.finditer(folded):
            spelt = SPELT_SYMBOLS[m.group(1) + "#" if m.group(1) else m.group(2) + "++"]
            if spelt != m.group():  # csharp is a word already
                found.append((m.start(), m.end(), spelt))
        found.sort()
    return found


def words(folded: str) -> list[str]:
    """Return the non-CJK words of already folded text."""
    return WORD.findall(folded)


def pinyin_fold(word: str) -> str:
    """Fold a Latin word as pinyin (ü/v -> u); empty if it cannot be pinyin.

    Pinyin writes ü as v only after l and n (lv, nv, lve, nve): a word with a v anywhere
    else (value, over, cov…) is no pinyin, and reading its v as u would find English
    words it does not start (universities, out, council), which share the words index.
    """
    if "v" in word:
        word = _V_FOR_U.sub("u", word)
        if "v" in word:
            return ""
    return word if PINYIN.fullmatch(word) else ""
