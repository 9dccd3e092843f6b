"""Ordering hits: title over body, whole over prefix over substring, then bm25.

Each piece of the query gets a tier from the precomputed title keys of a row
(``rank_cjk``, ``rank_words``, ``rank_pinyin``): WHOLE when it is an entire title or
name (Chinese, or a full pinyin spelling) or a whole English word; PREFIX when a title
or name starts with it (or an English word does); INSIDE when it is found elsewhere in
a title or name; 0 when only the body matched. The score sorts first by how many
pieces matched a title, then by the tiers, then by bm25; ties go to the earlier date,
then the smaller rowid.
"""

from __future__ import annotations

import re

from guide.search.query import Piece

WHOLE, PREFIX, INSIDE = 3, 2, 1
NO_DATE = "\uffff"  # sorts after every ISO date


class PieceTier:
    """Precomputed tests deciding the tier of one query piece for a row."""

    def __init__(self, piece: Piece) -> None:
        text = piece.text
        self.cjk = piece.cjk
        # Titles and names are framed by newlines in rank_cjk, words by spaces.
        frame = "\n" if piece.cjk else " "
        self.whole = f"{frame}{text}{frame}"
        self.start = f"{frame}{text}"
        self.inside = text
        self.pinyin: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = None
        if piece.pinyin:
            # Syllables are joined by ' in rank_pinyin; a match starts at a syllable.
            body = "'?".join(piece.pinyin)
            self.pinyin = (
                re.compile(f"(?<![a-z]){body}"),
                re.compile(f"\n{body}\n"),
                re.compile(f"\n{body}"),
            )

    def tier(self, rank_cjk: str, rank_words: str, rank_pinyin: str) -> int:
        """Return WHOLE, PREFIX, INSIDE or 0 for this piece in one row's title keys."""
        if self.cjk:
            if self.inside not in rank_cjk:
                return 0
            if self.whole in rank_cjk:
                return WHOLE
            return PREFIX if self.start in rank_cjk else INSIDE
        best = 0
        if self.start in rank_words:
            best = WHOLE if self.whole in rank_words else PREFIX
        if best < WHOLE and self.pinyin is not None:
            inside, whole, start = self.pinyin
            if inside.search(rank_pinyin):
                if whole.search(rank_pinyin):
                    best = WHOLE
                elif start.search(rank_pinyin):
                    best = max(best, PREFIX)
                else:
                    best = max(best, INSIDE)
        return best


def score(tiers: list[PieceTier], keys: tuple[str, str, str], bm25: float = 0.0) -> float:
    """Return the score of a row from its title keys and its bm25 (FTS5: lower is better)."""
    matched = 0
    total = 0
    for piece in tiers:
        tier = piece.tier(*keys)
        if tier:
            matched += 1
            total += tier
    relevance = max(0.0, -bm25)
    # matched <= 8 and total <= 24, so the three parts never overlap.
    return matched * 1000.0 + total * 10.0 + relevance / (1.0 + relevance)


def sort_key(score_: float, date: str | None, rowid: int) -> tuple[float, str, int]:
    """Sort key: best score first, then earlier date, then smaller rowid."""
    return (-score_, date or NO_DATE, rowid)
