"""The cheaper forms of ranking and marking (stop 43, round two) decide as the plain ones do.

A pinyin piece's pattern starts with its first letter and looks behind after it; score()
takes the spellings without their ' from SQLite; a hit is made by filling its fields at
once. A visitor typing pinyin sees the same order and the same marks as before.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from guide.search import highlight, rank
from guide.search.query import normalize_query

# rank_pinyin-like text: syllables joined by ', lines framed by newlines, a tab between
# the title's spellings and the names'.
_SPELLINGS = st.text(alphabet="rengozhixat'\n\t", max_size=40)
_LETTERS = st.text(alphabet="rengozhixat", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(letters=_LETTERS, text=_SPELLINGS, start=st.integers(0, 40))
def test_a_syllable_pattern_finds_what_the_look_behind_first_finds(
        letters: str, text: str, start: int) -> None:
    spelt = "'?".join(letters)
    old = re.compile("(?<![a-z])" + spelt)
    new = re.compile(rank._after_non_letter(spelt))
    assert [m.span() for m in new.finditer(text, start)] == [m.span() for m in old.finditer(text, start)]


@settings(max_examples=300, deadline=None)
@given(target=_LETTERS, field=st.text(alphabet="rengozhixat,", max_size=40))
def test_a_spelling_pattern_finds_what_the_look_behind_first_finds(target: str, field: str) -> None:
    letters = [re.escape(letter) for letter in target]
    old = re.compile(f"(?<![^,])(?:{',?'.join(letters)}|{'[^,]*,'.join(letters)})")
    new = highlight._spelling(target)
    assert [m.span() for m in new.finditer(field)] == [m.span() for m in old.finditer(field)]


_ROWS = [
    ("\n人工智能\n任刚\n", " rengong \t ren ", "\nren'gong'zhi'neng\nr'g'z'n\n\t\nren'gang\nr'g\n", " \t "),
    ("\n仍然\n", " \t ", "\nreng'ran\nr'r\n\t\n", " \t "),
    ("\n绿色金融\n", " green finance \t ", "\nlü'se'jin'rong\nl's'j'r\n\t\n", " gf \t "),
]


@pytest.mark.parametrize("query", ["reng", "ren gong", "rg", "lv se", "lvsejinrong", "green f", "人工"])
def test_score_with_the_spellings_from_sqlite_is_the_score_without(query: str) -> None:
    tiers = rank.piece_tiers(normalize_query(query))
    for cjk, words, pinyin, acronyms in _ROWS:
        plain = pinyin.replace("'", "")
        assert rank.score(tiers, (cjk, words, pinyin, acronyms, plain)) == rank.score(
            tiers, (cjk, words, pinyin, acronyms, None))


_QUERIES = ["reng", "ren gong", "rg", "lv se", "lvsejinrong", "green f", "人工", "rengongzhineng", "AI"]


@settings(max_examples=200, deadline=None)
@given(query=st.sampled_from(_QUERIES), spellings=st.lists(_SPELLINGS, min_size=1, max_size=4),
       titles=st.lists(st.text(alphabet="人工智能仍然绿色金融", max_size=8), min_size=1, max_size=4))
def test_the_scores_of_many_rows_are_each_rows_score(
        query: str, spellings: list[str], titles: list[str]) -> None:
    # The ranking of up to 200 rows (long pinyin prefixes) scores a query of one piece
    # without score() per row: the same values, in the same order.
    tiers = rank.piece_tiers(normalize_query(query))
    rows: list[rank.Row] = []
    for i, (title, pinyin) in enumerate(zip(titles, spellings, strict=False)):
        rows.append((i, f"\n{title}\n", " green \t ", pinyin, " gf \t ", pinyin.replace("'", ""), None))
    for rowid, (cjk, words, pinyin, acronyms) in enumerate(_ROWS, start=10):
        rows.append((rowid, cjk, words, pinyin, acronyms, pinyin.replace("'", ""), "2023-05-27"))
    assert rank.scores(tiers, rows) == [rank.score(tiers, row[1:6]) for row in rows]


def _two_pass_spelt(tier: rank.PieceTier, part: str, rank_pinyin: str, title: bool) -> int:
    """PieceTier._spelt as it was (stop 43) past its whole-line test: a pass over the
    spellings for a line's start, then another for any syllable's."""
    def ends(line_start: bool) -> bool:
        for found in tier.syllable_start.finditer(rank_pinyin, *span):
            before, end = found.start() - 1, found.end()
            if (end == len(rank_pinyin) or not rank_pinyin[end].isalpha()) and not (
                    line_start and before >= 0 and rank_pinyin[before] == "'"):
                return True
        return False
    starts_line = tier.pinyin_start in part
    if starts_line and not tier.whole_syllables:
        return rank.PREFIX
    cut = rank_pinyin.find("\t")
    span = (0, cut) if title else (cut, len(rank_pinyin))
    if starts_line and ends(True):
        return rank.PREFIX
    if tier.whole_syllables:
        return rank.INSIDE if ends(False) else -1
    return rank.INSIDE if tier.syllable_start.search(rank_pinyin, *span) else -1


@settings(max_examples=500, deadline=None)
@given(letters=_LETTERS, text=_SPELLINGS, title=st.booleans(), following=st.booleans())
@example(letters="reng", text="ren'gong\nxi'reng", title=True, following=False)  # inside only
@example(letters="reng", text="ren'gong\nreng'ran", title=True, following=False)  # a line's start
def test_one_pass_over_the_spellings_ranks_as_two_did(
        letters: str, text: str, title: bool, following: bool) -> None:
    # reng in ren'gong starts a line only across a syllable: it was looked for twice.
    pieces = normalize_query(f"{letters} se" if following else letters)
    tier = rank.piece_tiers(pieces)[0]
    pinyin = "\n" + text if "\t" in text else f"\n{text}\n\t\n"
    plain = pinyin.replace("'", "")
    part = plain.partition("\t")[0 if title else 2]
    if tier.pinyin_whole in part:
        return  # decided before either pass
    assert tier._spelt(part, pinyin, "\n仍然\n", title) == _two_pass_spelt(tier, part, pinyin, title)
