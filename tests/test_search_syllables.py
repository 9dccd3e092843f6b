"""A pinyin query that reads as whole syllables is matched on whole syllables first."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.content import database
from guide.search import SearchDoc, search
from guide.search.readings import _syllable
from guide.search.syllables import INTERJECTIONS, SYLLABLES, ends_on_syllable, is_syllables
from tests.support import memory_index


def test_the_syllable_table_is_pypinyins() -> None:
    from pypinyin import Style, pinyin_dict
    from pypinyin.style import convert

    readings = {_syllable(convert(r, Style.NORMAL, strict=False))
                for value in pinyin_dict.pinyin_dict.values() for r in value.split(",")}
    assert readings - {""} - INTERJECTIONS == SYLLABLES


@pytest.mark.parametrize(("letters", "whole"), [
    ("zhang", True), ("zhangwei", True), ("zhongguancun", True), ("jiao", True), ("zhong", True),
    ("zhongg", False), ("zgc", False), ("zhongn", False), ("technology", False), ("", False),
    # the start of a longer syllable may still be being typed: jia(o), xia(n), li(an), xian(g)
    ("jia", False), ("xia", False), ("li", False), ("xian", False), ("luse", False),
])
def test_a_query_ends_on_a_syllable_only_when_it_reads_as_whole_ones(letters: str, whole: bool) -> None:
    assert ends_on_syllable(letters) is whole


def test_a_whole_syllable_ranks_what_says_it_above_what_holds_it_across_syllables(real_db: Path) -> None:
    # zhang: 张伟's reports had ranked below 国家发展改革委 (fa'zhan'gai: "zhan" + "g").
    db = database.open_content_db(real_db)
    ids = [h.id for h in search(db, "zhang")]
    assert ids[0] == "zhang-wei"
    reports = [i for i, h in zip(ids, search(db, "zhang"), strict=True)
               if h.kind == "announcement" and "张伟" in (h.snippet or "")]
    assert reports and max(ids.index(i) for i in reports) < ids.index("ndrc")
    # Still being typed, a query holds nothing back: zhongg finds 中国 and 中关村 first.
    assert {h.id for h in search(db, "zhongg")[:4]} <= {"bank-of-china", "icbc", "zgc-admin",
                                                        "zgc-software-park", "cpc-general-office"}
    # Two whole syllables across a character boundary still count: xi'an is 西安.
    assert "zhu-xian" in [h.id for h in search(db, "xian")][:3]
    # A syllable that may grow holds nothing back either: jia may be jiao (教育部), second
    # for it before the change, and xia 西安 (xi'an).
    assert "moe" in [h.id for h in search(db, "jia")][:2]
    assert "zhu-xian" in [h.id for h in search(db, "xia")][:2]


def test_lv_se_in_two_pieces_lists_the_titles_that_say_lü_se_first(real_db: Path) -> None:
    # "lv se" ranked 科技服务创新发展论坛 first: lv as the start of 论 (lun) and se as the start
    # of "Service". Titles spelling the two syllables one after the other come first now,
    # as they do for lvse, whichever way ü is typed.
    db = database.open_content_db(real_db)
    green = {h.id for h in search(db, "lvse") if "绿色" in h.title}
    for query in ("lv se", "lü se", "lu se", "LV SE"):
        hits = search(db, query)
        assert {h.id for h in hits[:len(green)]} == green, query
        assert "tech-service-forum" not in [h.id for h in hits[:len(green) + 1]], query


def test_a_piece_typed_past_is_whole_syllables_not_the_start_of_a_longer_one() -> None:
    # "lu beijing": the lu was finished by the space, so 北京绿化 (lü) ranks above 北京论坛 (lun),
    # which holds it only as the start of a syllable.
    conn = memory_index((SearchDoc("forum", "luntan", "北京论坛"), SearchDoc("forum", "lvhua", "北京绿化")))
    assert [h.id for h in search(conn, "lu beijing")] == ["lvhua", "luntan"]
    assert search(conn, "beijing lu")[0].id == "luntan"  # still being typed: in order
    assert is_syllables("lu") and is_syllables("jia") and not is_syllables("zhongg")
