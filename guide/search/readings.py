"""Pinyin readings of titles and names, for the index only.

pypinyin costs about 0.2-0.5 s and several MB to import, so it is imported inside
these functions and only ever runs while the index is built; the query path reads
the readings stored in the database instead. Conversions are cached per word (as
pypinyin segments a run) and per character, because the same words and names recur
across thousands of items: that, not pypinyin itself, keeps a 100k-item build fast.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice, product

from guide.search.text import CJK_RUN, pinyin_fold

Readings = tuple[str, ...]  # readings of one character, the contextual one first

# Enough spellings for a name with two or three polyphonic characters (单 dan/shan/chan).
MAX_COMBINATIONS = 16
# Heteronyms only for runs as short as a person's name: organisation names are
# long, mostly unambiguous in context, and would multiply into useless spellings.
MAX_NAME_RUN = 4


def _syllable(raw: str) -> str:
    return pinyin_fold(raw.lower().replace("ü", "u"))


@lru_cache(maxsize=200_000)
def _word_readings(word: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    out = lazy_pinyin(word)
    if len(out) != len(word):
        # pypinyin groups characters it has no reading for; go char by char instead.
        out = [lazy_pinyin(char)[0] for char in word]
    return tuple(_syllable(raw) for raw in out)


@lru_cache(maxsize=50_000)
def _heteronyms(char: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    readings = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return tuple(dict.fromkeys(s for s in map(_syllable, readings) if s))


@lru_cache(maxsize=200_000)
def run_readings(run: str, every_reading: bool) -> tuple[Readings, ...]:
    """Return the readings of each character of a CJK run.

    The first reading is pypinyin's choice in context (银行 -> hang); with
    ``every_reading`` (names) all heteronyms follow, since surnames are where
    context guesses go wrong (单 dan/shan, 曾 ceng/zeng).
    """
    from pypinyin.seg.mmseg import seg

    every = [_heteronyms(char) for char in run]
    if all(len(readings) == 1 for readings in every):
        # One reading per character (tones aside), as for a quarter of the titles: the
        # context cannot choose, so skip segmenting the run (most of the build's pinyin
        # time). The choice in context is always that reading (checked on a 100k corpus).
        return tuple(every)
    contextual = [r for word in seg.cut(run) for r in _word_readings(word)]
    if len(contextual) != len(run):  # never seen, but alignment is what matters
        contextual = [_word_readings(char)[0] for char in run]
    if not every_reading:
        return tuple((first,) if first else () for first in contextual)
    return tuple(
        tuple(dict.fromkeys(r for r in (first, *alternatives) if r))
        for first, alternatives in zip(contextual, every, strict=True)
    )


CACHES = (_word_readings, _heteronyms, run_readings)


def field_readings(text: str, every_reading: bool) -> list[Readings]:
    """Return readings for every character of ``text``; ``()`` for non-Chinese ones.

    With ``every_reading``, runs of up to ``MAX_NAME_RUN`` characters get all heteronyms.
    """
    result: list[Readings] = [()] * len(text)
    for match in CJK_RUN.finditer(text):
        run = match.group()
        every = every_reading and len(run) <= MAX_NAME_RUN
        result[match.start() : match.end()] = run_readings(run, every)
    return result


def spellings(readings: list[Readings]) -> list[list[str]]:
    """Return syllable sequences for each stretch of readable characters.

    A stretch with polyphonic characters yields up to ``MAX_COMBINATIONS``
    sequences, the all-contextual one first.
    """
    sequences: list[list[str]] = []
    stretch: list[Readings] = []
    for entry in [*readings, ()]:
        if entry:
            stretch.append(entry)
            continue
        if stretch:
            sequences.extend(list(seq) for seq in islice(product(*stretch), MAX_COMBINATIONS))
            stretch = []
    return sequences
