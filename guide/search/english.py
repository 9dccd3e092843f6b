"""English word forms a query asks for besides the word typed: the singular of a plural.

A Latin query word is a prefix term, so ``robot`` finds ``robots`` but ``robots`` did
not find ``robot``: a visitor typing the plural got nothing where the text says the
singular. A query word now also asks for its possible singulars as *whole* words (not
prefixes: ``robots`` should not find ``robotics``). The rules are the regular English
ones and deliberately naive; where they give two readings both are asked
(``movies`` -> ``movy``, ``movie``), since a wrong reading is almost never a word of
the text and then costs nothing. The word as typed is always asked too, so ``news``,
``series`` or ``physics`` still find themselves whatever their stems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from guide.search.text import WORD, WORD_CHAR

# A plural is at least this long: "its", "has", "was", "bus", "gas" are not plurals of
# anything a visitor means.
_SHORTEST = 4
_LETTERS = re.compile("[a-z]+")
# Words ending in -s that are no plurals: their last letters (class, campus, analysis).
_NOT_PLURAL_ENDINGS = ("ss", "us", "is")
# Words whose "singular" is another common word a visitor does not mean: "news" is not
# more than one "new", "means" not of "mean".
_NOT_PLURALS = frozenset({"news", "means", "always", "perhaps", "whereas", "sometimes", "series",
                          "species", "lens", "chaos",
                          # Fields of study: "economics" is not more than one "economic".
                          "economics", "physics", "politics", "mathematics", "statistics",
                          "electronics", "robotics", "logistics", "genetics", "informatics",
                          "ethics", "athletics", "linguistics", "optics"})
# -es after these is the plural's own syllable (boxes, churches, wishes, buses, quizzes).
_SIBILANT_ES = ("ses", "xes", "zes", "ches", "shes")


def singulars(word: str) -> tuple[str, ...]:
    """The singulars ``word`` (folded, lower case) may be the plural of, most likely
    first; ``()`` when it is no regular plural.

    ``robots`` -> ``robot``; ``cities`` -> ``city``, ``citie``; ``boxes`` -> ``box``,
    ``boxe``; ``photos`` -> ``photo``; ``news``, ``class``, ``bus`` -> ``()``.
    """
    if (len(word) < _SHORTEST or not word.endswith("s") or word.endswith(_NOT_PLURAL_ENDINGS)
            or word in _NOT_PLURALS or not _LETTERS.fullmatch(word)):
        return ()
    if word.endswith("ies") and len(word) > _SHORTEST:
        return (word[:-3] + "y", word[:-1])  # cities, movies
    if word.endswith(_SIBILANT_ES) or word.endswith("oes"):
        return (word[:-2], word[:-1])  # boxes, heroes; horses, shoes
    if word.endswith("ves") and len(word) > _SHORTEST:
        return (word[:-1], word[:-3] + "f", word[:-3] + "fe")  # initiatives; leaves, lives
    return (word[:-1],)


def acronym_plural(typed: str) -> str | None:
    """The acronym an English plural of one stands for ("APIs", "NGOs" -> "api", "ngo"),
    typed as capitals and a small s; None for any other word."""
    if len(typed) > 2 and typed.endswith("s") and typed[:-1].isupper() and typed.isascii():
        return typed[:-1].lower()
    return None


# An English title's acronym: the first letters of its words, less these (ICBC is the
# Industrial and Commercial Bank of China, WIPO the World Intellectual Property Organization).
_FUNCTION_WORDS = frozenset({"a", "an", "and", "the", "of", "for", "in", "on", "at", "to", "by",
                             "with", "de"})
# Punctuation and Chinese end a part of a title: "2023 Zhongguancun Forum Exhibition (Sci-Tech
# Expo)" has the parts ZFE and STE. A hyphen, an apostrophe or an ampersand does not.
_PART = re.compile(f"(?:{WORD_CHAR}|[\\s\\-'\u2019&])+")
# An acronym has 2 to this many letters: nobody types a longer one.
LONGEST_ACRONYM = 10


def can_be_acronym(word: str) -> bool:
    """Whether a folded query word can be a title's acronym (2 to 10 letters a-z)."""
    return 2 <= len(word) <= LONGEST_ACRONYM and word.isascii() and word.isalpha()


def _parts(folded: str) -> Iterator[tuple[str, list[int]]]:
    """Each part of a folded title holding words: its acronym (maybe too short or long to
    be one) and the offsets of its letters."""
    for part in _PART.finditer(folded):
        initials = [part.start() + word.start() for word in WORD.finditer(part.group())
                    if word.group()[0].isalpha() and word.group() not in _FUNCTION_WORDS]
        if initials or WORD.search(part.group()):
            yield "".join(folded[i] for i in initials), initials


def acronyms(folded: str) -> tuple[list[str], list[str]]:
    """The acronyms of a folded title: ``(whole, parts)``, those of the whole title (it is
    one run of words) and those of its parts (runs between punctuation or Chinese).

    A word starting with a digit adds no letter ("2023"); a run needs two letters or more.
    ``artificial intelligence`` -> ``(["ai"], [])``; ``2023 zhongguancun forum exhibition
    (sci-tech expo)`` -> ``([], ["zfe", "ste"])``.
    """
    parts = [acronym for acronym, _ in _parts(folded)]
    found = [acronym for acronym in parts if can_be_acronym(acronym)]
    return (found, []) if len(parts) == 1 else ([], found)


def acronym_spans(folded: str, acronym: str) -> list[tuple[int, int]]:
    """The spans of the initials spelling ``acronym`` in a folded title: the A and I of
    "Artificial Intelligence" for "ai" (what a hit found by its acronym marks)."""
    return [(i, i + 1) for found, initials in _parts(folded) if found == acronym for i in initials]
