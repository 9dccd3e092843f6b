"""Search over the real bundled content: what a visitor types finds what they mean."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.search import search, search_with_fallback
from tests.conftest import run_guide

# (query, expected kind, expected id): the expected item must be in the top 3.
CASES = [
    ("金融", "forum", "green-finance-forum"),
    ("北京建设", "announcement", "beijing-green-finance-centre"),
    ("科技成果转化", "announcement", "tech-transfer-progress"),
    ("元宇宙展区", "area", "metaverse-area"),
    ("专利池", "announcement", "metaverse-patent-pool-launch"),
    ("绿色金融", "forum", "green-finance-forum"),
    ("千校万企", "announcement", "qianxiao-wanqi-platform-launch"),
    ("科技服务", "forum", "tech-service-forum"),
    ("机器人", "photo", "visitors-robot"),
    ("虚拟驾驶", "photo", "visitors-virtual-driving"),
    ("周云帆", "person", "zhou-yunfan"),
    ("许心超", "person", "xu-xinchao"),
    ("兰文丽", "person", "lan-wenli"),
    ("李洋", "person", "li-yang"),
    ("科博会", "area", "zgc-forum-expo"),
    ("量子信息", "area", "quantum-information"),
    ("jinrong", "forum", "green-finance-forum"),
    ("lvse jinrong", "forum", "green-finance-forum"),
    ("lvsejinr", "forum", "green-finance-forum"),
    ("lsjr", "forum", "green-finance-forum"),
    ("zgc", "organization", "zgc-admin"),
    ("zhouyunfan", "person", "zhou-yunfan"),
    ("zyf", "person", "zhou-yunfan"),
    ("xuxinchao", "person", "xu-xinchao"),
    ("yuanyuzhou", "area", "metaverse-area"),
    ("zhuanlichi", "announcement", "metaverse-patent-pool-launch"),
    ("qxwq", "announcement", "qianxiao-wanqi-platform-launch"),
    ("patent", "announcement", "metaverse-patent-pool-launch"),
    ("Green fin", "forum", "green-finance-forum"),
    ("GREEN FINANCE", "forum", "green-finance-forum"),
    ("metaverse", "area", "metaverse-area"),
    ("robot", "photo", "visitors-robot"),
    ("robots", "photo", "visitors-robot"),  # plurals find the singular (test_search_plurals.py)
    ("exhibitions", "area", "zgc-forum-expo"),
    ("photos", "photo", "visitors-robot"),
    ("Zhou Yunfan", "person", "zhou-yunfan"),
    ("Baidu", "organization", "baidu"),
    ("绿色 论坛", "forum", "green-finance-forum"),
    ("zhang wei", "person", "zhang-wei"),
    ("Sci-Tech Expo", "area", "zgc-forum-expo"),
    ("科技 jinrong", "forum", "green-finance-forum"),
]


@pytest.fixture(scope="module")
def db(real_db: Path) -> sqlite3.Connection:
    return sqlite3.connect(real_db)


@pytest.mark.parametrize(("query", "kind", "item_id"), CASES, ids=[c[0] for c in CASES])
def test_expected_item_in_top_three(db: sqlite3.Connection, query: str, kind: str, item_id: str) -> None:
    top = [(h.kind, h.id) for h in search(db, query, limit=3)]
    assert (kind, item_id) in top, top


@pytest.mark.parametrize(("query", "asked", "item_id"), [
    ("quantum computer", "quantum", "quantum-information"),
    ("quantum computing", "quantum", "quantum-information"),
    ("robot exhibition", "robot", "visitors-robot"),
    ("量子计算 量子信息", "量子信息", "quantum-information"),
    # Run-together pinyin, as Chinese visitors type it: read as two words at a syllable boundary.
    ("rengongxietong", "rengong", "artificial-intelligence"),
    ("RenGongXieTong", "rengong", "artificial-intelligence"),
    ("lvsejinrongzhishichanquan", "lvsejinrong", "green-finance-forum"),
    ("shuzijingjiyuanyuzhou", "yuanyuzhou", "metaverse-area"),
])
def test_a_phrase_finding_nothing_shows_what_its_words_find(db: sqlite3.Connection, query: str,
                                                             asked: str, item_id: str) -> None:
    assert search(db, query) == []  # every word must match: these phrases had found nothing
    found = search_with_fallback(db, query)
    assert found.asked == asked and found.hits[0].id == item_id


@pytest.mark.parametrize("query", ["xyzqq", "lvsejinrongxxx", "bababababababababababababababababa",
                                   "lvsen"])
def test_a_word_of_no_syllables_too_long_or_too_short_is_not_split(
        db: sqlite3.Connection, query: str) -> None:
    found = search_with_fallback(db, query)
    assert found.hits == [] and found.asked == query


def test_cli_search_says_which_words_its_results_are_for(real_db: Path) -> None:
    result = run_guide("search", "quantum computer", "--json", "--content-db", str(real_db))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "quantum-information"
    assert "showing results for 'quantum'" in result.stderr


def test_every_spelling_of_a_word_lists_its_titles_as_the_chinese_does(db: sqlite3.Connection) -> None:
    """绿色 spelt lüse, luse, lvse or in capitals: the same titles in the same order (five
    items hold 绿色 in their titles, the green finance centre's news among them)."""
    chinese = [h.id for h in search(db, "绿色", limit=5)]
    assert "beijing-green-finance-centre" in chinese and len(chinese) == 5
    # Tone numbers (lv4se4) and a soft hyphen pasted inside a word: they had found nothing,
    # and a third of the hits.
    for spelling in ("lüse", "luse", "lvse", "LÜSE", "lv4se4", "lü4sè4", "lv\u00adse"):
        assert [h.id for h in search(db, spelling, limit=5)] == chinese, spelling


@pytest.mark.parametrize("typed", ["zhong1guan1cun1", "zhong\u00adguancun", "zhong\u200bguan\u200bcun"])
def test_tone_numbers_and_invisible_characters_find_what_the_word_finds(
        db: sqlite3.Connection, typed: str) -> None:
    assert [h.id for h in search(db, typed)] == [h.id for h in search(db, "zhongguancun")]


def test_numbers_inside_words_that_are_no_pinyin_stay(db: sqlite3.Connection) -> None:
    from guide.search.query import normalize_query

    for word in ("h7n9", "mp3", "covid19", "a4", "web3", "2023"):
        assert [p.text for p in normalize_query(word)] == [word]


def test_one_character_queries_find_items_containing_them(db: sqlite3.Connection) -> None:
    assert "visitors-virtual-driving" in {h.id for h in search(db, "驾", limit=50)}
    assert "metaverse-area-crowd" in {h.id for h in search(db, "攒", limit=50)}
    assert {h.id for h in search(db, "邓", limit=50)} >= {"deng-shuhua", "visitors-robot"}


def test_snippets_mark_the_matched_text(db: sqlite3.Connection) -> None:
    hit = next(h for h in search(db, "绿色", limit=20) if h.id == "green-finance-forum")
    title, _ = hit.marked()
    assert "[绿色]" in title


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30) | st.sampled_from(['"', "AND", "NEAR(", "*", "-", "e-mail", "北京-上海",
                                               "title:北京", "' OR 1=1 --", "\x00", "😀"]))
def test_cli_search_takes_any_text(real_db: Path, query: str) -> None:
    if query.startswith("-") or "\x00" in query:
        query = " " + query.replace("\x00", "")  # argv cannot carry NUL; a leading "-" is an option
    result = run_guide("search", query, "--json", "--content-db", str(real_db))
    assert result.returncode == 0, result.stderr
    for item in json.loads(result.stdout):
        assert {"kind", "id", "title", "snippet", "score"} <= item.keys()


def test_a_photos_english_line_keeps_its_credit_and_area_apart(db: sqlite3.Connection) -> None:
    # It read "Photo: Li Yang, staff reporter Metaverse Area" on the result card.
    hit = next(h for h in search(db, "metaverse", limit=20) if h.kind == "photo")
    assert hit.snippet_en == "Photo: Li Yang, staff reporter · Metaverse Area"


def test_ai_in_capitals_finds_the_artificial_intelligence_area_first(db: sqlite3.Connection) -> None:
    """The English never writes "AI": it found Jiang Aina and "aim", and not the area in 50
    hits. In lower case "ai" stays pinyin first (姜爱娜) and finds the area too."""
    assert search(db, "AI", limit=3)[0].id == "artificial-intelligence"
    lower = [h.id for h in search(db, "ai", limit=50)]
    assert lower[0] == "jiang-aina" and "artificial-intelligence" in lower
    # The branch whose title says "ICBC", then the bank whose initials spell it.
    assert [h.id for h in search(db, "ICBC", limit=3)][:2] == ["icbc-tongzhou", "icbc"]
