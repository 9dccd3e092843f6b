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

# A plural is at least this long: "its", "has", "was", "bus", "gas" are not plurals of
# anything a visitor means.
_SHORTEST = 4
_LETTERS = re.compile("[a-z]+")
# Words ending in -s that are no plurals: their last letters (class, campus, analysis).
_NOT_PLURAL_ENDINGS = ("ss", "us", "is")
# Words whose "singular" is another common word a visitor does not mean: "news" is not
# more than one "new", "means" not of "mean".
_NOT_PLURALS = frozenset({"news", "means", "always", "perhaps", "whereas", "sometimes", "series",
                          "species", "lens", "chaos"})
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
    return (word[:-1],)
