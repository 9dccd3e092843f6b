"""The cheap tests that let marking skip work (stop 43) decide exactly as the full work does.

Highlight.Marker skips folding a text that cannot hold an ASCII word piece (Chinese and
punctuation alone, or ASCII text without a piece's first letter), and the joined-word scan
of a text without an apostrophe or a symbol. The marks must be those of the full work:
a visitor typing ｚｇｃ, K or c’t sees the same marks as before.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from guide.search import highlight
from guide.search.query import normalize_query
from guide.search.text import fold

# Characters on both sides of every gate: Chinese and its punctuation (no ASCII word can
# be in them), ASCII letters in both cases, fullwidth letters and symbols (Ｚ＃＋), accents,
# ß and a ligature (which fold to two letters), the Kelvin sign (casefolds to k), ①
# (NFKC: 1), apostrophes, C++ and C#, 〇 and 々 (word characters, not ASCII).
_CHINESE = "中关村论坛北京協同，。、“”： \n\t〇々"
_OTHER = "zgcxiaeuktZGCXK2'’+#ＺｇＣ＃＋éüäßﬁ\u212a①"
# Chinese text with one other character in it (what the gates tell apart), or any mix.
_TEXT = st.one_of(
    st.tuples(st.text(alphabet=_CHINESE, max_size=12), st.sampled_from(_OTHER),
              st.text(alphabet=_CHINESE, max_size=12)).map("".join),
    st.text(alphabet=_CHINESE + _OTHER, max_size=30),
)
_QUERY = st.text(alphabet="zgcxiaeuktZGC2 '+#中关協ä", min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(query=_QUERY, text=_TEXT, folding=st.booleans())
def test_the_marks_of_a_text_are_those_of_folding_it_whole(
        query: str, text: str, folding: bool) -> None:
    pieces = normalize_query(query)
    assume(pieces)
    marker = highlight.Marker(pieces, fold_chinese=folding)
    # The same marker with the gates off: every text folded, every joined word sought.
    full = highlight.Marker(pieces, fold_chinese=folding)
    full._ascii_words = False
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(highlight, "may_join", lambda _folded: True)
        expected = full.text_spans(text)
    assert sorted(marker.text_spans(text)) == sorted(expected)


def test_a_fullwidth_or_kelvin_letter_in_chinese_text_is_still_marked() -> None:
    # Neither is ASCII nor Chinese: the text is folded and the word found.
    assert highlight.merge(highlight.Marker(normalize_query("zgc")).text_spans("北京ＺＧＣ论坛")) == ((2, 5),)
    assert highlight.merge(highlight.Marker(normalize_query("kai")).text_spans("开\u212aai")) == ((1, 4),)
    # Chinese and punctuation alone: nothing to mark, nothing folded.
    assert highlight.Marker(normalize_query("zgc")).text_spans("中关村，论坛。") == []


def test_no_character_the_gate_passes_folds_into_an_ascii_word() -> None:
    # The characters of _NO_ASCII_WORD: if one of them folded into a letter or digit (or
    # an umlaut), a text of them could hold a word piece that the gate would skip.
    other = highlight._other_character()
    passed = [chr(code) for code in range(0x10000) if not other.search(chr(code))]
    assert len(passed) > 20000  # the Chinese blocks and punctuation
    bad = [char for char in passed
           if any((c.isascii() and c.isalnum()) or c in "äöüÄÖÜ"
                  for c in fold(char) + unicodedata.normalize("NFKC", char).casefold())]
    assert bad == []


def test_a_joined_word_is_marked_behind_either_apostrophe_and_in_symbols() -> None:
    # The joined-word scan runs only for texts holding ' ’ # ++ sharp or plus (may_join).
    def marks(query: str, text: str) -> tuple[tuple[int, int], ...]:
        return highlight.merge(highlight.Marker(normalize_query(query)).text_spans(text))

    # Each text holds one of them only.
    assert marks("ct", "Die c't") == ((4, 7),)
    assert marks("ct", "Die c’t") == ((4, 7),)
    assert marks("cpp", "C++ 语言") == ((0, 3),)
    assert marks("csharp", "C# und") == ((0, 2),)
    assert marks("csharp", "in C sharp") == ((3, 10),)
    assert marks("cpp", "in c plus plus") == ((3, 14),)


def test_a_text_that_fits_whole_is_cut_as_before() -> None:
    # The whole text (stop 43 cuts it without the boundary search): breaks before the
    # first mark dropped behind an ellipsis, line breaks shown as spaces, marks kept.
    assert highlight.snippet("——北京论坛", ((4, 6),)) == ("…北京论坛", ((3, 5),))
    assert highlight.snippet("北京\n论坛", ((3, 5),)) == ("北京 论坛", ((3, 5),))
    assert highlight.snippet(", Beijing forum", ((2, 9),), chars=480) == ("…Beijing forum", ((1, 8),))
    assert highlight.snippet("北京论坛", ()) == ("北京论坛", ())
