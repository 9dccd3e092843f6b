"""Ordering hits: title over body, whole over prefix over substring, then the shorter title.

Each piece of the query gets a tier from the precomputed title keys of a row
(``rank_cjk``, ``rank_words``, ``rank_pinyin``): WHOLE when it is an entire title or
name (Chinese, or a full pinyin spelling) or a whole English word; PREFIX when a title
or name starts with it (or an English word does, or is the singular of a plural typed:
``robot`` for ``robots``); INSIDE when it is found elsewhere in
a title or name; 0 when only the body matched. A match in the title itself counts one
more than the same match in a name (speaker, photographer, organisation).

The score sorts first by how many pieces matched a title, then by how many neighbouring
pieces a title or name holds together (``lv se`` spelt lü'se, 绿色, not 论 and "service"),
then by the tiers, then by the shorter title (what bm25 mostly decides among title matches, which the engine
does not compute: see engine.py); ties go to the earlier date, then the smaller rowid.
"""

from __future__ import annotations

import re
from functools import cached_property

from guide.search.english import can_be_acronym
from guide.search.query import Piece, Pieces
from guide.search.schema import rank_cjk_sql
from guide.search.syllables import ends_on_syllable, is_syllables
from guide.search.text import CJK_RUN, UMLAUT_WORD

WHOLE, PREFIX, INSIDE = 3, 2, 1
# An acronym typed in capitals that is a whole title's (AI: Artificial Intelligence) ranks
# above a whole name ("AI" means the field more than a person named Ai) and below the word
# itself in a title: on 39C3, "CCC" is the CCC of "CCC & Community" before the initials of
# "Chaos Cannabis Cup".
ACRONYM_IN_CAPITALS = WHOLE + 0.5
NO_DATE = "\uffff"  # sorts after every ISO date


class PieceTier:
    """Precomputed tests deciding the tier of one query piece for a row."""

    def __init__(self, piece: Piece, following: Piece | None = None) -> None:
        """The tests of ``piece``; ``following`` is the query's next piece, if any."""
        text = piece.text
        self.cjk = piece.cjk
        # Titles and names are framed by newlines in rank_cjk, words by spaces.
        frame = "\n" if piece.cjk else " "
        self.whole = f"{frame}{text}{frame}"
        self.start = f"{frame}{text}"
        self.inside = text
        # A plural's singulars, framed as whole words (see english.py).
        self.singulars = [f" {singular} " for singular in piece.singulars]
        # A word's umlaut spelling (~kueche for Küche: text.UMLAUT_WORD), if the piece asks it.
        self.umlaut_start = f" {UMLAUT_WORD}{text}" if piece.umlauts else ""
        self.umlaut_whole = self.umlaut_start + " "
        self.acronym = f" {text} " if not (piece.cjk or piece.symbol) and can_be_acronym(text) else ""
        self.capitals = piece.capitals
        self.pinyin = piece.pinyin
        # Spellings in rank_pinyin are framed by newlines (syllables joined by ').
        self.pinyin_whole = f"\n{piece.pinyin}\n"
        self.pinyin_start = f"\n{piece.pinyin}"
        # Syllables are joined by ' in rank_pinyin; an INSIDE match must start at one.
        # A query that reads as whole syllables (zhang, not zhongg) must also end on one:
        # 发展改革 (fa'zhan'gai'ge) holds "zhang" only across a syllable, and had ranked
        # as high as 张伟, which says it. Such a match ranks as a body match.
        # A piece followed by another has been typed past: "lv se" is lü then se, so its
        # lv is a whole syllable there too (not the start of 论 lun).
        self.whole_syllables = bool(piece.pinyin) and (
            ends_on_syllable(piece.pinyin) or (following is not None and is_syllables(piece.pinyin)))
        self._syllables = _after_non_letter("'?".join(piece.pinyin))
        self.pair = _Pair(piece, following) if following is not None else None

    @cached_property
    def syllable_start(self) -> re.Pattern[str]:
        """The piece's letters from a syllable's start (syllables joined by ' as in
        rank_pinyin). Compiled when first needed: most queries never ask it, and a
        compile costs as much as ranking a few dozen rows."""
        return re.compile(self._syllables)

    def tier(self, rank_cjk: str, rank_words: str, rank_pinyin: str, rank_acronyms: str = "",
             plain: str | None = None) -> float:
        """Return the piece's tier in one row's title keys, plus 1 when it matched the
        title itself rather than a name (so 0 for body-only matches, at most 4; 3.5 for a
        title's acronym typed in capitals). ``plain`` is ``rank_pinyin`` without its ',
        when the caller has it (see :func:`key_columns`)."""
        if self.cjk:
            found = rank_cjk.find(self.inside)
            if found < 0:
                return 0
            in_title = found + len(self.inside) <= rank_cjk.find("\n", 1)
            if self.whole in rank_cjk:
                return WHOLE + in_title
            return (PREFIX if self.start in rank_cjk else INSIDE) + in_title
        best: float = 0
        # "in" first (no argument parsing): most rows' words do not start with the piece.
        found = rank_words.find(self.start) if self.start in rank_words else -1
        if found >= 0:
            best = WHOLE if self.whole in rank_words else PREFIX
            best += found < rank_words.find("\t")
        for singular in self.singulars:
            # The singular of the word typed ranks as a prefix of it: below the plural
            # itself, as typed, and with the words the plural starts.
            found = rank_words.find(singular)
            if found >= 0:
                best = max(best, PREFIX + (found < rank_words.find("\t")))
        if self.umlaut_start and best < WHOLE + 1:
            # As the word itself: "kueche" is Küche as "kuche" is.
            found = rank_words.find(self.umlaut_start)
            if found >= 0:
                in_title = found < rank_words.find("\t")
                best = max(best, (WHOLE if self.umlaut_whole in rank_words else PREFIX) + in_title)
        if self.acronym and best < WHOLE + 1 and self.acronym in rank_acronyms:
            best = max(best, self._acronym_tier(rank_acronyms))
        pinyin = self.pinyin
        if best < WHOLE + 1 and pinyin:
            # Plain substring tests first (C speed); the regex only when needed.
            # The title's spellings and the names' apart (a tab between them), so a whole
            # name does not count as a match in the title. Two copies, then "in" tests:
            # str.find with bounds parses its arguments on every call.
            if plain is None:
                plain = rank_pinyin.replace("'", "")
            title, _, names = plain.partition("\t")
            if pinyin in title:
                best = max(best, self._spelt(title, rank_pinyin, rank_cjk, True) + 1)
            if best < WHOLE and pinyin in names:
                best = max(best, self._spelt(names, rank_pinyin, rank_cjk, False))
        return best

    def _acronym_tier(self, rank_acronyms: str) -> float:
        """The tier of the piece as a title's acronym. Typed in capitals (AI), an acronym
        of the whole title ranks above a whole name or pinyin (Artificial Intelligence above
        Jiang Aina's "aina") and below a title holding the word itself (the poet Ai Qing 艾青,
        39C3's "CCC & Community"), one of a part as the start of the title. Typed in lower
        case ("ai" is pinyin too, 爱 艾) it ranks as a match inside the title, below those."""
        found = rank_acronyms.find(self.acronym)
        if found < 0:
            return 0
        whole = found < rank_acronyms.find("\t")
        if self.capitals:
            return ACRONYM_IN_CAPITALS if whole else PREFIX + 1
        return INSIDE + whole

    def _spelt(self, part: str, rank_pinyin: str, rank_cjk: str, title: bool) -> int:
        """The piece's pinyin tier in one part of the spellings, ``part`` (the title's or
        the names', without their '), which holds the piece; -1 when no syllable starts it.

        A spelling line is one run of Chinese characters: a whole line is the whole
        title or name only when that is one run (not 北京 in 如你所视(北京)科技).
        """
        if self.pinyin_whole in part:
            end = rank_cjk.find("\n", 1)  # rank_cjk: "\n<title>\n<name>\n…"
            one_run = (_ONE_RUN.search(rank_cjk, 0, end + 1) if title
                       else _ONE_RUN.search(rank_cjk, end))
            return WHOLE if one_run else PREFIX
        starts_line = self.pinyin_start in part
        if starts_line and not self.whole_syllables:
            return PREFIX
        cut = rank_pinyin.find("\t")
        span = (0, cut) if title else (cut, len(rank_pinyin))
        if self.whole_syllables:  # here whenever the piece starts a line (see above)
            at_line_start, anywhere = self._ends_on_syllable(rank_pinyin, span)
            if starts_line and at_line_start:
                return PREFIX
            return INSIDE if anywhere else -1
        # Rare (the regex): a syllable start inside a line.
        return INSIDE if self.syllable_start.search(rank_pinyin, *span) else -1

    def _ends_on_syllable(self, rank_pinyin: str, span: tuple[int, int]) -> tuple[bool, bool]:
        """Whether the piece is spelt in ``rank_pinyin[span]`` from a syllable's start to a
        syllable's end: from a line's start, and from any syllable's. One pass answers both
        (a piece starting a line only across a syllable, reng in ren'gong, asked it twice).
        Checked around the one pattern a piece has: more patterns per piece pushed others
        out of re's cache of 512, and recompiling cost every query about a millisecond at
        100k items."""
        anywhere = False
        for found in self.syllable_start.finditer(rank_pinyin, *span):
            end = found.end()
            if end == len(rank_pinyin) or not rank_pinyin[end].isalpha():
                before = found.start() - 1
                if before < 0 or rank_pinyin[before] != "'":
                    return True, True
                anywhere = True
        return False, anywhere


class _Pair:
    """Whether a title or name holds two neighbouring pieces of a query together: Chinese
    run on, a word then the start of the next, or pinyin spelt in one syllable after
    another (lv se: lu'se in lü'se, not lun'tan … service)."""

    def __init__(self, first: Piece, second: Piece) -> None:
        self.cjk = first.text + second.text if first.cjk and second.cjk else ""
        self.words = "" if first.cjk or second.cjk else f" {first.text} {second.text}"
        self.pinyin = first.pinyin + second.pinyin if first.pinyin and second.pinyin else ""
        self._spelt = _after_non_letter("'?".join(first.pinyin) + "'" + "'?".join(second.pinyin))

    @cached_property
    def spelt(self) -> re.Pattern[str] | None:
        # Compiled when first needed (see PieceTier.syllable_start).
        return re.compile(self._spelt) if self.pinyin else None

    def together(self, rank_cjk: str, rank_words: str, rank_pinyin: str, plain: str | None) -> bool:
        if self.cjk:
            return self.cjk in rank_cjk
        if self.words and self.words in rank_words:
            return True
        # Plain substring first (C speed); the regex only when the letters are there.
        if not self.pinyin:
            return False
        if self.pinyin not in (rank_pinyin.replace("'", "") if plain is None else plain):
            return False
        spelt = self.spelt
        return spelt is not None and spelt.search(rank_pinyin) is not None


def _after_non_letter(spelt: str) -> str:
    """A pattern of ``spelt`` (pinyin letters and ') not preceded by a letter: ``(?<![a-z])``
    then ``spelt``, written with its first letter ahead of the look-behind, so that re skips
    to that letter instead of trying the look-behind at every position (2.5 times faster)."""
    if not spelt:
        return "(?<![a-z])"
    first = spelt[0]
    return f"{first}(?<![a-z]{first}){spelt[1:]}"


def piece_tiers(pieces: Pieces) -> list[PieceTier]:
    """The tiers of a query's pieces, each knowing the piece after it."""
    return [PieceTier(piece, pieces[i + 1] if i + 1 < len(pieces) else None)
            for i, piece in enumerate(pieces)]


# A title or name that is nothing but Chinese characters, between rank_cjk's newlines.
_ONE_RUN = re.compile(f"\n{CJK_RUN.pattern}\n")


# score()'s keys: rank_cjk, rank_words, rank_pinyin, rank_acronyms, rank_pinyin without its '.
Keys = tuple[str, str, str, str, "str | None"]


def key_columns(tiers: list[PieceTier], table: str = "") -> str:
    """The columns of ``search_doc`` (qualified by ``table``) giving :func:`score` its keys:
    ``rank_cjk``, ``rank_words``, ``rank_pinyin``, ``rank_acronyms``, and the spellings
    without their ', which SQLite's replace() gives at a fraction of the cost of
    str.replace in Python. A query without pinyin reads neither spelling (NULL)."""
    t = f"{table}." if table else ""
    keys = f"{rank_cjk_sql(table)}, {t}rank_words, "
    # Nor the acronyms without a piece that can be one (a pinyin prefix of 11 letters or
    # more): a tier reads them only for such a piece.
    acronyms = f"{t}rank_acronyms" if any(piece.acronym for piece in tiers) else "NULL"
    if any(piece.pinyin for piece in tiers):
        return keys + f"{t}rank_pinyin, {acronyms}, replace({t}rank_pinyin, '''', '')"
    return keys + f"NULL, {acronyms}, NULL"


def score(tiers: list[PieceTier], keys: Keys) -> float:
    """Return the score of a row from its title keys (higher is better), as
    :func:`key_columns` reads them (the last, None: computed when needed)."""
    if len(tiers) == 1:  # most queries: one tier, no pairs (the same sum, term for term)
        tier = tiers[0].tier(*keys)
        relevance = 1.0 / (1.0 + keys[0].find("\n", 1))
        return 10000.0 + tier * 10.0 + relevance if tier else relevance
    matched = 0
    total = 0.0
    together = 0
    pair: _Pair | None = None  # the piece before's, when it matched a title or name
    for piece in tiers:
        tier = piece.tier(*keys)
        if tier:
            together += pair is not None and pair.together(keys[0], keys[1], keys[2], keys[4])
            matched += 1
            total += tier
        pair = piece.pair if tier else None
    relevance = 1.0 / (1.0 + keys[0].find("\n", 1))  # rank_cjk starts "\n<title>\n"
    # matched <= 8, together <= 7 and total <= 40, so the four parts never overlap.
    return matched * 10000.0 + together * 500.0 + total * 10.0 + relevance



Row = tuple[int, str, str, str, str, "str | None", "str | None"]


def scores(tiers: list[PieceTier], rows: list[Row]) -> list[float]:
    """:func:`score` of each ``(rowid, *keys, date)`` row, in order. A query of one piece
    (most, and the long pinyin prefixes that rank up to 200 rows) calls its tier directly:
    no call of score() and no slice of the keys per row, the same sum term for term."""
    if len(tiers) != 1:
        return [score(tiers, row[1:6]) for row in rows]
    tier = tiers[0].tier
    values = []
    for _, cjk, words, pinyin, acronyms, plain, _date in rows:
        found = tier(cjk, words, pinyin, acronyms, plain)
        relevance = 1.0 / (1.0 + cjk.find("\n", 1))
        values.append(10000.0 + found * 10.0 + relevance if found else relevance)
    return values
