"""The search engine on a small real corpus: Chinese, pinyin, English, ranking, marks.

The items are real phrases from the forum's reporting (shared/source/000_…txt).
Chinese queries are also checked against a brute-force substring scan.
"""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.search import (
    COUNT_CAP,
    SearchDoc,
    count_by_kind,
    create_index,
    highlight,
    index_documents,
    normalize_query,
    search,
)
from guide.search.engine import RANK_CAP, run_search
from guide.search.highlight import SNIPPET_CHARS
from guide.search.query import MAX_WORD_PIECE
from guide.search.text import MARK, TOKEN, bigrams, fold, index_text
from tests.conftest import ROOT
from tests.support import hit_ids, memory_index

CORPUS = (
    SearchDoc(
        "forum", "green-finance-forum", "双碳战略与绿色金融论坛",
        "Dual Carbon Strategy and Green Finance Forum",
        names=("许心超", "北京市政府"),
        body="北京作为国家金融管理中心，大力推动绿色金融发展，多年来持续支持金融机构创新产品和服务。",
        body_en="Beijing, a national financial management centre, promotes green finance.",
        date="2023-05-27",
    ),
    SearchDoc(
        "announcement", "green-finance-centre", "北京建设全球绿色可持续金融中心",
        "Beijing builds a global green and sustainable finance centre",
        names=("张伟",),
        body="本报讯（记者 张伟）5月27日，在2023中关村论坛平行论坛双碳战略与绿色金融论坛上，"
        "北京市政府副秘书长许心超介绍说，北京作为国家金融管理中心，大力推动绿色金融发展。",
        date="2023-05-27",
    ),
    SearchDoc(
        "announcement", "patent-pool", "首个元宇宙产业专利池启动",
        "First metaverse industry patent pool launched",
        names=("张伟", "北京知识产权运营管理有限公司", "百度"),
        body="由北京知识产权运营管理有限公司（“北京IP”）联合百度牵头发起的国内首个元宇宙产业专利池正式启动。"
        "首批入池专利达170余项，其中53项专利率先落地开放许可。",
        date="2023-05-30",
    ),
    SearchDoc(
        "announcement", "tech-transfer", "科技成果转化工作取得全面进展",
        "Transfer of scientific and technological achievements makes all-round progress",
        names=("张伟", "周云帆"),
        body="“近年来，科技部等部门按照党中央国务院的决策部署，多措并举，推动科技成果转化工作取得全面进展。”\n"
        "科技部成果转化与区域创新司司长周云帆说。",
        date="2023-05-27",
    ),
    SearchDoc("person", "zhou-yunfan", "周云帆", "Zhou Yunfan",
              body="科技部成果转化与区域创新司司长"),
    SearchDoc("person", "xu-xinchao", "许心超", "Xu Xinchao", body="北京市政府副秘书长"),
    SearchDoc("person", "jiang-aina", "姜爱娜", "Jiang Aina", body="中关村软件园总经理"),
    SearchDoc(
        "organization", "zgc-software-park", "中关村软件园", "Zhongguancun Software Park",
        body="中关村软件园联合中国产学研合作促进会正式发布“千校万企”协同创新平台。",
    ),
    SearchDoc(
        "announcement", "qianxiao-wanqi", "“千校万企”协同创新平台发布",
        "Thousand Universities, Ten Thousand Enterprises collaborative innovation platform released",
        names=("张伟", "姜爱娜"),
        body="会上，中关村软件园联合中国产学研合作促进会正式发布“千校万企”协同创新平台，"
        "进一步推动全国高校赋能企业技术升级和产业发展。",
        date="2023-05-28",
    ),
    SearchDoc(
        "forum", "ip-forum", "全球知识产权保护与创新论坛",
        "Global Intellectual Property Protection and Innovation Forum",
        names=("国家知识产权局", "WIPO中国办事处"),
        body="北京知识产权运营管理有限公司联合百度牵头发起的国内首个元宇宙产业专利池正式启动。",
        date="2023-05-30",
    ),
    SearchDoc(
        "announcement", "service-paradigm", "中关村探索科技创新服务新范式",
        "Zhongguancun explores a new paradigm for sci-tech innovation services",
        names=("张伟", "赵清", "朱西安", "冯少静"),
        body="与会人士共同探讨了新形势下科技服务业发展的新范式。",
        date="2023-05-29",
    ),
    SearchDoc("photo", "metaverse-hall", "元宇宙展区人头攒动。",
              "Crowds in the metaverse exhibition area", names=("李洋",), date="2023-05-26"),
    SearchDoc("photo", "robot", "观众与机器人互动。", "Visitors interact with a robot",
              names=("邓淑华",), date="2023-05-27"),
    SearchDoc("photo", "driving", "观众体验虚拟驾驶。", "Visitors try virtual driving",
              names=("邓淑华",), date="2023-05-26"),
    SearchDoc(
        "figure", "contracts", "全国技术合同成交额4年增长170%",
        "Technology contract turnover up 170% in four years",
        body="全国技术合同从2018年的41.20万项提高到2022年的77.3万项。",
    ),
    SearchDoc(
        "area", "expo", "2023中关村论坛展览（科博会）", "2023 ZGC Forum Exhibition",
        body="人工智能、量子信息、高端制造等领域的一大波“黑科技”扎堆亮相。",
        date="2023-05-26",
    ),
)
IDS = {doc.id for doc in CORPUS}


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    conn = memory_index(CORPUS)
    yield conn
    conn.close()


ids = hit_ids


def brute_force(query: str) -> set[str]:
    """Ids of the items containing ``query`` in any field (Chinese substring oracle)."""
    needle = fold(query)
    return {
        doc.id
        for doc in CORPUS
        if any(needle in fold(text) for text in (doc.title, doc.title_en, doc.body, doc.body_en, *doc.names))
    }


# (query, id expected first, ids that must be absent)
TOP1 = [
    # Chinese: one, two, n characters
    ("北", "green-finance-centre", {"robot", "driving", "zhou-yunfan", "jiang-aina"}),
    ("北京", "green-finance-centre", {"robot", "zhou-yunfan"}),
    ("科技成果转化", "tech-transfer", {"green-finance-forum", "ip-forum", "robot"}),
    ("专利池", "patent-pool", {"green-finance-forum", "robot"}),
    ("中关村软件园", "zgc-software-park", {"green-finance-forum", "patent-pool"}),
    ("周云帆", "zhou-yunfan", {"green-finance-forum", "robot"}),
    # pinyin: full syllables, ü/v/u, last syllable cut short, initials, names
    ("lvsejinr", "green-finance-forum", {"robot", "patent-pool"}),
    ("lsjr", "green-finance-forum", {"robot", "patent-pool"}),
    ("zhongguancun", "zgc-software-park", {"robot", "green-finance-forum"}),
    ("zhouyunfan", "zhou-yunfan", {"robot", "green-finance-forum"}),
    ("zyf", "zhou-yunfan", {"robot", "green-finance-forum"}),
    ("yuanyuzhou", "metaverse-hall", {"robot", "green-finance-forum"}),
    ("jiangainuo", "jiang-aina", {"robot", "zhou-yunfan"}),  # 娜 na/nuo: every reading
    # a long reading narrows: 知识产权运营 in a name shares only its first 14 letters
    ("zhishichanquanbaohu", "ip-forum", {"robot", "green-finance-forum", "patent-pool"}),
    # English: words, prefixes, any case
    ("patent", "patent-pool", {"robot", "green-finance-forum"}),
    ("PATENT", "patent-pool", {"robot", "green-finance-forum"}),
    ("metav", "metaverse-hall", {"robot", "green-finance-forum"}),
    ("ＷＩＰＯ", "ip-forum", {"robot"}),  # fullwidth input folds to wipo
    # several terms: all must match, across fields
    ("绿色 论坛", "green-finance-forum", {"robot", "patent-pool", "zhou-yunfan"}),
    ("green 2023", "green-finance-centre", {"green-finance-forum", "robot", "patent-pool"}),
    ("zhang wei 专利", "patent-pool", {"robot", "green-finance-forum", "tech-transfer"}),
    ("zyf 司长", "zhou-yunfan", {"robot", "green-finance-forum"}),
    ("visitors robot", "robot", {"driving", "metaverse-hall"}),
]


@pytest.mark.parametrize(("query", "first", "absent"), TOP1, ids=[q for q, _, _ in TOP1])
def test_expected_item_first_and_non_matching_absent(
    db: sqlite3.Connection, query: str, first: str, absent: set[str]
) -> None:
    found = ids(search(db, query))
    assert found[:1] == [first], found
    assert not absent & set(found)
    assert len(found) == len(set(found))


def test_a_v_that_pinyin_cannot_have_is_not_read_as_u(db: sqlite3.Connection) -> None:
    # "v" is typed for ü only after l and n (lv, nv): here it starts virtual and visitors,
    # and read as u it would also list every title with a word starting "u" (universities,
    # up), unmarked, and count them.
    hits = search(db, "v")
    assert {h.id for h in hits} == {"driving", "robot"}
    assert all(h.title_en_marks or h.snippet_en_marks for h in hits)
    assert {kind: n for kind, n in count_by_kind(db, "v").items() if n} == {"photo": 2}
    assert ids(search(db, "lvse"))[:2] == ids(search(db, "luse"))[:2]  # ü as v stays pinyin


def test_a_pinyin_query_ranks_titles_starting_with_it_first_as_its_chinese_does() -> None:
    # 北京 as a whole spelling line: in brackets inside a title, and as part of a name. Neither
    # is a whole title: both rank after the titles that start with 北京, as for the Chinese.
    conn = memory_index((
        SearchDoc("organization", "brackets", "如你所视(北京)科技有限公司"),
        SearchDoc("organization", "named", "北京知识产权运营管理有限公司", names=("北京IP",)),
        SearchDoc("organization", "bank", "北京银行"),
        SearchDoc("organization", "government", "北京市政府"),
    ))
    assert ids(search(conn, "北京"))[:2] == ["bank", "government"]
    for query in ("bj", "beij", "beijing"):
        assert ids(search(conn, query))[:2] == ["bank", "government"], query


# (query, the items that must come first, in any order)
FIRST = [
    ("金融", {"green-finance-forum", "green-finance-centre"}),
    ("绿色", {"green-finance-forum", "green-finance-centre"}),
    ("jinrong", {"green-finance-forum", "green-finance-centre"}),
    ("lvse jinrong", {"green-finance-forum", "green-finance-centre"}),
    ("lüse", {"green-finance-forum", "green-finance-centre"}),
    ("luse", {"green-finance-forum", "green-finance-centre"}),
    ("Green fin", {"green-finance-forum", "green-finance-centre"}),
    ("zgc", {"zgc-software-park", "expo", "service-paradigm"}),  # titles starting 中关村
    ("zhang wei", {n for n in IDS if "张伟" in next(d.names for d in CORPUS if d.id == n)}),
    ("dsh", {"robot", "driving"}),  # photographer 邓淑华 by initials
    ("innovation", {"qianxiao-wanqi", "ip-forum", "service-paradigm"}),
]


@pytest.mark.parametrize(("query", "expected"), FIRST, ids=[q for q, _ in FIRST])
def test_expected_items_first(db: sqlite3.Connection, query: str, expected: set[str]) -> None:
    found = ids(search(db, query))
    assert set(found[: len(expected)]) == expected, found


CHINESE = sorted(
    {doc.title[i : i + n] for doc in CORPUS for n in (1, 2, 3, 5) for i in range(len(doc.title))}
    | {"北京", "金融", "科技成果转化", "京金", "融论", "专利", "年"}
)


@pytest.mark.parametrize("query", [q for q in CHINESE if all("\u4e00" <= c <= "\u9fff" for c in q)])
def test_chinese_matches_exactly_the_brute_force_substring_scan(db: sqlite3.Connection, query: str) -> None:
    assert set(ids(search(db, query, limit=100))) == brute_force(query)


def test_no_match_across_punctuation(db: sqlite3.Connection) -> None:
    # 北京，金融 is not 京金: bigrams never span two runs.
    assert search(db, "京金") == []
    assert brute_force("京金") == set()


def test_pairs_of_a_phrase_found_apart_are_not_a_match() -> None:
    """The text index keeps no positions: 绿色金融 is looked up as 绿色 AND 色金 AND 金融,
    which text holding the three pairs apart also has. Only the real phrase counts, in
    search, in counts, with a kind filter, and beyond the ranking cap."""
    apart = "推动绿色发展，有色金属行业与金融机构合作"  # 绿色, 色金, 金融, never 绿色金融
    docs = tuple(SearchDoc("announcement", f"apart{i}", "行业动态", body=apart) for i in range(250))
    docs += (
        SearchDoc("forum", "real", "论坛", body="大力推动绿色金融发展"),
        SearchDoc("person", "named", "张伟", names=("绿色金融研究院",)),
        SearchDoc("photo", "english", "展台", body_en="绿色金融 booth"),
    )
    conn = memory_index(docs)
    assert set(ids(search(conn, "绿色金融", limit=300))) == {"real", "named", "english"}
    assert ids(search(conn, "绿色金融", kind="announcement")) == []
    assert ids(search(conn, "绿色金融 发展")) == ["real"]
    assert ids(search(conn, "推动 绿色金融")) == ["real"]
    counts = count_by_kind(conn, "绿色金融")
    assert {k: v for k, v in counts.items() if v} == {"forum": 1, "person": 1, "photo": 1}
    # the real phrase is found in all 250, and counts stop at the cap ("100+")
    assert count_by_kind(conn, "有色金属")["announcement"] == COUNT_CAP == 100
    # lvse as the pinyin of a title or name, the phrase anywhere: only the institute's name
    assert {k: v for k, v in count_by_kind(conn, "lvse 绿色金融").items() if v} == {"person": 1}


def test_phrases_are_checked_in_the_folded_text() -> None:
    """Folding turns Kangxi radicals and compatibility ideographs into the ideographs a
    user types; the phrase check must see the folded text too."""
    docs = (
        SearchDoc("announcement", "radicals", "倡议", body="共建⼀带⼀路倡议"),  # U+2F00 KANGXI ONE
        SearchDoc("announcement", "plain", "倡议", body="共建一带一路倡议"),
        SearchDoc("announcement", "other", "倡议", body="一带，一路"),
    )
    conn = memory_index(docs)
    assert set(ids(search(conn, "一带一路"))) == {"radicals", "plain"}
    assert count_by_kind(conn, "建一带一")["announcement"] == 2


def test_a_query_in_traditional_characters_finds_the_simplified_text(db: sqlite3.Connection) -> None:
    """A visitor from Hong Kong or Taiwan types traditional characters: 中關村軟件園 finds
    what 中关村软件园 finds, in the same order and counts, marked where the text has it."""
    for traditional, simplified in (("中關村軟件園", "中关村软件园"), ("綠色金融論壇", "绿色金融论坛"),
                                    ("協同創新", "协同创新"), ("專", "专")):
        found = search(db, traditional)
        assert found and ids(found) == ids(search(db, simplified)), traditional
        assert count_by_kind(db, traditional) == count_by_kind(db, simplified)
    title, _ = search(db, "中關村軟件園")[0].marked()
    assert title == "[中关村软件园]"
    # Mixed with pinyin and English, as a query of several words can be.
    assert ids(search(db, "綠色 jinrong")) == ids(search(db, "绿色 jinrong"))
    # Common characters OpenCC simplifies by default fold; one it keeps (覆) stays.
    assert fold("關於") == "关于" and fold("後來") == "后来" and fold("覆盖") == "覆盖"


def test_a_simplified_query_finds_and_marks_traditional_text() -> None:
    """The rare item written in traditional characters is found by what a visitor types
    (simplified, traditional or pinyin), phrases included, and marked in its own text."""
    docs = (
        SearchDoc("organization", "tw", "臺灣科技論壇", "Taiwan Technology Forum",
                  body="兩岸科技合作論壇在北京舉行，推動科技成果轉化。"),
        SearchDoc("organization", "plain", "论坛", body="举行"),
    )
    conn = memory_index(docs)
    for query in ("台湾", "臺灣", "科技论坛", "成果转化", "taiwan", "twkj"):
        assert "tw" in ids(search(conn, query)), query
    assert count_by_kind(conn, "成果转化")["organization"] == 1
    hit = next(h for h in search(conn, "科技论坛") if h.id == "tw")
    assert hit.marked()[0] == "臺灣[科技論壇]"
    hit = search(conn, "成果转化 论坛")[0]
    assert hit.id == "tw" and hit.marked() == (
        "臺灣科技[論壇]", "兩岸科技合作[論壇]在北京舉行，推動科技[成果轉化]。")
    # Marks stay on their characters when other folding changes lengths: a decomposed é
    # (NFKC composes it) and an ß (casefold doubles it) in the same text cancel out.
    conn = memory_index((SearchDoc("organization", "mixed", "标题", body="Jose\u0301在中關村，Straße"),))
    assert search(conn, "中关村")[0].marked()[1] == "Jose\u0301在[中關村]，Straße"


def test_every_character_folding_changes_chinese_is_looked_for() -> None:
    """The indexer keeps folded text only for rows may_change_chinese says yes to: it must
    for every character whose folding adds, drops or changes an ideograph."""
    from guide.search.indexer import may_change_chinese
    from guide.search.text import CJK_RUN

    missed = [
        hex(code) for code in range(0x80, 0x110000)
        if (char := chr(code)) != fold(char) and (CJK_RUN.match(char) or CJK_RUN.search(fold(char)))
        and not may_change_chinese(char)
    ]  # fmt: skip
    assert missed == []


def test_title_matches_rank_above_body_matches(db: sqlite3.Connection) -> None:
    found = ids(search(db, "专利池"))
    assert found[0] == "patent-pool"  # in the title
    assert "ip-forum" in found[1:]  # only in the body
    found = ids(search(db, "许心超"))
    assert found[0] == "xu-xinchao"  # the whole title
    assert found.index("green-finance-forum") < found.index("green-finance-centre")  # names < body


def test_whole_before_prefix_before_substring(db: sqlite3.Connection) -> None:
    hits = search(db, "中关村")
    found = ids(hits)
    # Title starts with it (prefix) before titles containing it later.
    assert found.index("zgc-software-park") < found.index("expo")
    assert all(a.score >= b.score for a, b in itertools.pairwise(hits))


def test_ties_go_to_the_earlier_date_then_the_given_order() -> None:
    same = {"title": "观众体验虚拟驾驶", "title_en": "Visitors try virtual driving"}
    docs = (
        SearchDoc("photo", "late", date="2023-05-30", **same),
        SearchDoc("photo", "early", date="2023-05-26", **same),
        SearchDoc("photo", "undated", **same),
        SearchDoc("photo", "early-second", date="2023-05-26", **same),
    )
    conn = memory_index(docs)
    assert ids(search(conn, "驾驶")) == ["early", "early-second", "late", "undated"]


def test_marks_point_at_the_matched_characters(db: sqlite3.Connection) -> None:
    (hit,) = [h for h in search(db, "金融") if h.id == "green-finance-forum"]
    assert hit.title_marks == ((7, 9),)
    assert hit.marked() == (
        "双碳战略与绿色[金融]论坛",
        "北京作为国家[金融]管理中心，大力推动绿色[金融]发展，多年来持续支持[金融]机构创新产品和服务。",
    )
    for start, end in hit.snippet_marks:
        assert hit.snippet[start:end] == "金融"
    (hit,) = search(db, "zyf")[:1]
    assert hit.marked("<", ">")[0] == "<周云帆>"
    hit = search(db, "lvsejinr")[0]
    assert hit.marked()[0] == "双碳战略与[绿色金融]论坛"
    # The body has no readings: the word the pinyin spelled in the title is marked there.
    assert hit.marked()[1] == (
        "北京作为国家金融管理中心，大力推动[绿色金融]发展，多年来持续支持金融机构创新产品和服务。")
    hit = next(h for h in search(db, "Green fin") if h.id == "green-finance-forum")
    assert hit.marked(lang="en")[1] == (
        "Beijing, a national [fin]ancial management centre, promotes [green] [fin]ance.")
    # The Chinese snippet of an English match stays Chinese: the start of the body, unmarked.
    assert hit.marked()[1].startswith("北京作为国家金融管理中心") and "[" not in hit.marked()[1]
    hit = search(db, "dsh")[0]  # pinyin of a name marks the name in the snippet
    assert hit.marked()[1] == "[邓淑华]"


# Readings as the index stores them: one per character, "" for a character without one.
# Few letters, so that targets often spell across characters and across the gaps.
_READINGS = st.lists(st.sampled_from(["zhi", "shi", "zh", "i", "s", "hi", "an", "a", "n", ""]),
                     max_size=12).map(",".join)


@settings(max_examples=500, deadline=None)
@given(field=_READINGS, data=st.data())
def test_a_field_of_single_readings_is_marked_as_the_general_speller_marks_it(
        field: str, data: st.DataObject) -> None:
    # Titles have one reading per character and take a regex scan instead of the
    # speller that tries every reading of every character (names, 单 dan/shan/chan).
    # Targets are cut from the field's own letters, so they often run across characters
    # and across the gaps of characters without a reading.
    letters = field.replace(",", "")
    start = data.draw(st.integers(0, len(letters)))
    target = letters[start:start + data.draw(st.integers(1, 7))] or data.draw(
        st.text(alphabet="zhisan", min_size=1, max_size=7))
    assert highlight._single_reading_spans(field, target) == highlight._any_reading_spans(field, target)


def test_snippet_is_short_and_around_the_first_match(db: sqlite3.Connection) -> None:
    long_body = "科技部等部门按照党中央国务院的决策部署，" * 10 + "推动科技成果转化工作\n取得全面进展。" * 30
    conn = memory_index((SearchDoc("announcement", "long", "全面进展", body=long_body),))
    hit = search(conn, "成果转化")[0]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= SNIPPET_CHARS + 2  # and two ellipses
    # About 20 characters of lead-in, from the start of their clause (after its "，").
    assert hit.marked()[1].startswith("…科技部等部门按照党中央国务院的决策部署，推动科技[成果转化]工作 取得")
    assert hit.snippet.endswith("。…")  # the cut ends after a clause, not inside one
    assert "\n" not in hit.snippet


def test_a_snippet_cuts_no_few_characters_for_an_ellipsis() -> None:
    """A text a few characters longer than a snippet is shown whole ("…023年5月" read as
    a cut-off year); an English snippet is twice as long (its letters are narrower) and
    starts and ends at a word ("…dministration", "green fi…" read as typing mistakes)."""
    body = "2023年5月26—30日，" + "展会期间人工智能量子信息高端制造等领域的一大波黑科技扎堆亮相" * 9
    body_en = "From 26 to 30 May 2023 the exhibition showed " + "quantum information and robots, " * 30
    conn = memory_index((SearchDoc("area", "expo", "展览", body=body[:SNIPPET_CHARS + 2], body_en=body_en),))
    hit = search(conn, "展会")[0]
    assert hit.snippet == body[:SNIPPET_CHARS + 2]  # two past the snippet's length: not "…023年…"
    hit = search(conn, "exhibition")[0]
    assert hit.snippet_en.startswith("From 26")
    assert SNIPPET_CHARS < len(hit.snippet_en) <= 2 * SNIPPET_CHARS + 1
    assert hit.snippet_en.endswith("…") and hit.snippet_en[:-1].split()[-1].strip(",") in {
        "quantum", "information", "and", "robots"}, hit.snippet_en[-30:]
    late = "Beijing, as the national centre of financial administration, " * 12 + "supports green finance."
    conn = memory_index((SearchDoc("forum", "f", "论坛", body_en=late),))
    hit = search(conn, "green finance")[0]
    assert hit.snippet_en.startswith("…") and "[green] [finance]" in hit.marked(lang="en")[1]
    assert hit.snippet_en[1:].split()[0].strip(",") in {"Beijing", "as", "the", "national", "centre", "of",
                                                       "financial", "administration"}


def test_kind_filter_and_limit(db: sqlite3.Connection) -> None:
    assert set(ids(search(db, "北京", kind="forum"))) == {"green-finance-forum", "ip-forum"}
    assert {h.kind for h in search(db, "zhang", kind="announcement")} == {"announcement"}
    assert len(search(db, "北京", limit=2)) == 2
    assert search(db, "北京", limit=0) == []
    assert search(db, "北京", kind="no-such-kind") == []


def test_count_by_kind(db: sqlite3.Connection) -> None:
    counts = count_by_kind(db, "北京")
    assert set(counts) == {"announcement", "area", "figure", "forum", "organization", "person", "photo"}
    expected: dict[str, int] = {}
    for doc in CORPUS:
        if doc.id in brute_force("北京"):
            expected[doc.kind] = expected.get(doc.kind, 0) + 1
    assert {k: v for k, v in counts.items() if v} == expected
    assert count_by_kind(db, "zyf")["person"] == 1
    assert count_by_kind(db, "  ") == {}


@pytest.mark.parametrize(
    "query",
    # pinyin longer than the title index's prefixes (5 letters) is counted from one
    # read of the title matches, shorter pinyin kind by kind: both must agree with search
    ["zhongguancun", "zhongg", "zhong", "jinrong", "lvsejinrong", "zhishichanquan", "zhongguancun 论坛",
     "beijing 2023", "zgc", "innovation", "北京"],
)
def test_counts_agree_with_search_of_each_kind(db: sqlite3.Connection, query: str) -> None:
    counts = count_by_kind(db, query)
    assert any(counts.values()), query
    for kind, count in counts.items():
        assert count == len(search(db, query, kind=kind, limit=1000)), (query, kind)


def test_a_kind_given_in_several_runs_is_counted_whole() -> None:
    """Rowids follow the given order, so a kind given apart (or added later) is several
    runs of rowids: counts add them up, and the kind filter finds all of them."""
    conn = sqlite3.connect(":memory:")
    photos = [SearchDoc("photo", f"p{i}", f"展台{i}") for i in range(3)]
    forums = [SearchDoc("forum", f"f{i}", f"展台论坛{i}") for i in range(2)]
    with conn:
        index_documents(conn, [*photos[:2], *forums[:1], photos[2]])
        index_documents(conn, [forums[1], SearchDoc("photo", "p3", "展台3")])
    assert count_by_kind(conn, "展台") == {"forum": 2, "photo": 4}
    assert count_by_kind(conn, "zhantai") == {"forum": 2, "photo": 4}
    assert sorted(ids(search(conn, "展台", kind="photo"))) == ["p0", "p1", "p2", "p3"]
    # Runs that meet are one: a second build of the last kind extends its run.
    with conn:
        index_documents(conn, [SearchDoc("photo", "p4", "展台4")])
    runs = conn.execute("SELECT kind, high - low FROM search_kind ORDER BY low").fetchall()
    assert runs == [("photo", 2), ("forum", 1), ("photo", 1), ("forum", 1), ("photo", 2)]


def test_counts_stop_at_the_cap_across_runs() -> None:
    conn = sqlite3.connect(":memory:")
    docs = [SearchDoc("photo" if i % 3 else "forum", f"d{i}", f"观众{i}") for i in range(400)]
    with conn:
        index_documents(conn, docs)  # every kind in over a hundred runs
    assert count_by_kind(conn, "观众") == {"forum": COUNT_CAP, "photo": COUNT_CAP}
    expected = {"forum": 0, "photo": 0}
    for doc in docs:
        expected[doc.kind] += "观众1" in doc.title  # 111 titles: 观众1, 观众10-19, 观众100-199
    assert count_by_kind(conn, "观众1") == {kind: min(n, COUNT_CAP) for kind, n in expected.items()}
    assert 0 < expected["forum"] < expected["photo"] < COUNT_CAP  # summed over runs, not capped


def test_normalize_query() -> None:
    # C++ is a word of its own, spelt (test_search_symbols.py), not the prefix c.
    assert [p.text for p in normalize_query("ＡＢＣ　北京-上海 C++")] == ["abc", "北京", "上海", "cpp"]
    assert [p.pinyin for p in normalize_query("LÜSE lvse")] == ["luse", "luse"]
    assert normalize_query('"" AND OR * ^ : ( )') != ()  # operators are plain words
    assert normalize_query("\"'*^:()+-") == ()
    assert normalize_query("x" * 10_000)[0].text == "x" * MAX_WORD_PIECE


def test_index_documents_counts_reports_progress_and_rejects_duplicates() -> None:
    conn = sqlite3.connect(":memory:")
    create_index(conn)
    create_index(conn)  # idempotent
    seen: list[int] = []
    docs = [SearchDoc("photo", f"p{i}", f"观众{i}") for i in range(2500)]
    assert index_documents(conn, docs, seen.append) == 2500
    assert seen == [1000, 2000, 2500]
    with pytest.raises(sqlite3.IntegrityError):
        index_documents(conn, [SearchDoc("photo", "p1", "重复")])
    assert index_documents(conn, [SearchDoc("photo", "new", "新的观众")]) == 1
    assert ids(search(conn, "新的")) == ["new"]


def test_missing_texts_from_nullable_columns_are_empty() -> None:
    doc = SearchDoc("forum", "f", "论坛", None, names=("张伟", None, ""), body=None, body_en=None)  # type: ignore[arg-type]
    conn = memory_index((doc,))
    (hit,) = search(conn, "zw")
    assert (hit.id, hit.snippet) == ("f", "张伟")
    assert hit.marked()[1] == "[张伟]"


def test_pinyin_alt_indexes_extra_readings() -> None:
    conn = memory_index((SearchDoc("person", "shan", "单田芳", pinyin_alt=("shān tián fāng",)),))
    for query in ("shantianfang", "dantianfang", "stf", "dtf"):
        assert ids(search(conn, query)) == ["shan"], query
    assert search(conn, "shantianfang")[0].title_marks == ((0, 3),)


HOSTILE = st.sampled_from(
    ['"', "'", "AND", "OR", "NOT", "NEAR(", "NEAR", "*", "-", "^", ":", "+", "(", ")", "{", "}",
     "t:", "title:北京", "C++", "e-mail", "北京-上海", "'; DROP TABLE search_doc; --", "\x00",
     "\u200b", "🙂", "\ufffd", "\ud7ff", "𠀀", "ﬁ", "①", "  ", "\n", "\t"]
)
QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(HOSTILE, st.text(max_size=8)), max_size=12).map(" ".join),
    st.lists(st.one_of(HOSTILE, st.text(max_size=8)), max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES, kind=st.one_of(st.none(), st.sampled_from(["forum", "photo", "x"])))
def test_any_text_is_a_query(db: sqlite3.Connection, query: str, kind: str | None) -> None:
    hits = run_search(db, query, limit=20, kind=kind)  # no safety net: proves the builder
    assert search(db, query, limit=20, kind=kind) == hits
    counts = count_by_kind(db, query)
    assert all(isinstance(v, int) and v >= 0 for v in counts.values())
    for hit in hits:
        assert hit.id in IDS
        for marks, text in ((hit.title_marks, hit.title), (hit.snippet_marks, hit.snippet)):
            assert all(0 <= s < e <= len(text) for s, e in marks)


@pytest.mark.parametrize("query", ["", " ", "\t\n", "x" * 10_000, "北" * 10_000, "🙂" * 5000, "\x00\x01"])
def test_degenerate_input(db: sqlite3.Connection, query: str) -> None:
    assert isinstance(search(db, query), list)
    assert isinstance(count_by_kind(db, query), dict)


def test_pypinyin_stays_off_the_query_path(tmp_path: pytest.TempPathFactory) -> None:
    path = str(tmp_path / "index.db")  # type: ignore[operator]
    memory_index(CORPUS, path).close()
    code = (
        "import sqlite3, sys\n"
        "import guide.search\n"
        "from guide.search import count_by_kind, search\n"
        f"conn = sqlite3.connect({path!r})\n"
        "for q in ('lvsejinr', 'zyf', '北京', 'Green fin', 'zhang wei 专利'):\n"
        "    assert search(conn, q), q\n"
        "    count_by_kind(conn, q)\n"
        "assert 'pypinyin' not in sys.modules, sorted(m for m in sys.modules if 'pinyin' in m)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_index_text_treats_fullwidth_punctuation_as_nfkc_does() -> None:
    # Punctuation separates as its NFKC form would; fullwidth letters and digits are words.
    samples = ["北京，金融ＡＢＣ：２０２３", "（绿色）＿金融～ｉｐ！", "ﾟ･｡。、", "科技＆创新＃１"]
    for text in samples:
        reference = " ".join(
            bigrams(cjk) if cjk else MARK + word for cjk, word in TOKEN.findall(fold(text))
        )
        assert index_text(text) == reference, text
    every = "".join(map(chr, range(0xFF01, 0xFF66)))
    assert index_text("金" + every + "融") == " ".join(
        bigrams(cjk) if cjk else MARK + word for cjk, word in TOKEN.findall(fold("金" + every + "融"))
    )
    assert index_text("北京，金融ＡＢＣ") == "北京 京 金融 融 qxabc"


def test_a_long_pinyin_reading_is_matched_ranked_and_marked_whole() -> None:
    conn = memory_index((SearchDoc("area", "zgc", "中关村", "ZGC"),
                   SearchDoc("area", "park", "中关村科技园区", "ZGC Science Park")))
    found = search(conn, "zhongguancunkejiyuan")
    assert [hit.id for hit in found] == ["park"]
    assert found[0].title_marks == ((0, 6),)


def test_a_title_typed_whole_in_pinyin_past_twenty_letters_is_checked_whole() -> None:
    """The pinyin of a query word was cut at 20 letters: zhongguancunguojijishujiaoyihui
    (31) marked only 中关村国际技术, and a typo after the 20th letter still found the title."""
    conn = memory_index((SearchDoc("forum", "fair", "中关村国际技术交易会开幕式", "Trade fair opening"),
                   SearchDoc("forum", "other", "中关村国际技术论坛", "Technology forum")))
    found = search(conn, "zhongguancunguojijishujiaoyihui")
    assert [hit.id for hit in found] == ["fair"]
    assert found[0].title_marks == ((0, 10),)  # 中关村国际技术交易会, all ten characters
    assert ids(search(conn, "zhongguancunguojijishujiaoyihuix")) == []
    assert count_by_kind(conn, "zhongguancunguojijishujiaoyihuix") == {"forum": 0}
    assert ids(search(conn, "zhongguancunguojijishuluntan")) == ["other"]


def test_a_nul_in_a_text_does_not_hide_the_phrase_after_it() -> None:
    conn = memory_index((SearchDoc("announcement", "a", "通知", "Notice", body="前言\x00这是绿色金融论坛",
                             names=("张\x00伟",)),))
    assert ids(search(conn, "绿色金融")) == ["a"]
    assert count_by_kind(conn, "绿色金融")["announcement"] == 1
    assert ids(search(conn, "张伟")) == []  # a NUL separates, as a space does


def _many_titles(conn: sqlite3.Connection) -> None:
    """More titles than the engine ranks (RANK_CAP) hold 中关村 inside, given first; the few
    that start with it come last, so rowid order alone would show them late."""
    create_index(conn)
    inside = [SearchDoc("photo", f"inside-{n}", f"北京{n}号中关村展台", f"Booth {n}")
              for n in range(RANK_CAP + 40)]
    starting = [
        SearchDoc("photo", "starts-zh", "中关村论坛开幕", "The forum opens"),
        SearchDoc("photo", "starts-en", "开幕式", "Zhongguancun opening"),
        SearchDoc("forum", "starts-forum", "中关村科学城分论坛", "Science city sub-forum"),
    ]
    with conn:
        index_documents(conn, [*inside, *starting])


@pytest.mark.parametrize(("query", "english"), [
    ("zhongguancun", True), ("zhongg", True), ("Zhongguancun", True), ("zgc", False),
    ("zhong guan", False),
])
def test_among_many_matching_titles_those_starting_with_the_query_come_first(
    query: str, english: bool
) -> None:
    conn = sqlite3.connect(":memory:")
    _many_titles(conn)
    found = ids(search(conn, query, limit=10))
    # Pinyin of the title's start, and (for a whole word) an English title's start.
    expected = {"starts-zh", "starts-forum"} | ({"starts-en"} if english else set())
    assert set(found[: len(expected)]) == expected, found
    assert ids(search(conn, query, limit=5, kind="forum")) == ["starts-forum"]
    assert count_by_kind(conn, query) == {"forum": 1, "photo": COUNT_CAP}  # 240 and more



def test_when_more_titles_than_are_ranked_start_with_the_query_the_page_is_theirs() -> None:
    inside = [SearchDoc("photo", f"inside-{n}", f"北京{n}号中关村展台", f"Booth {n}") for n in range(30)]
    starting = [SearchDoc("photo", f"starts-{n}", f"中关村展区{n}号", f"Hall {n}")
                for n in range(RANK_CAP + 10)]
    conn = memory_index([*inside, *starting])
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    for query in ("中关村", "zhongguancun", "zhongg", "zgc"):
        statements.clear()
        found = ids(search(conn, query, limit=20))
        # Titles that start with it, in the order given (the inside ones come first).
        assert found == [f"starts-{n}" for n in range(20)], query
        # Found with one question to the title indexes: the start ones fill the page.
        asked = [sql for sql in statements if "search_title MATCH" in sql or "search_words MATCH" in sql]
        assert len(asked) == 1, (query, statements)


def test_pinyin_marks_in_the_body_are_the_words_it_spelled_in_the_title() -> None:
    filler = "会议介绍了全年工作安排和各方的合作经验。" * 15
    body = filler + "会上，中关村银行发布了行动计划。" + filler
    conn = memory_index((SearchDoc("organization", "bank", "中关村银行", body=body),))
    (hit,) = search(conn, "zgcyh")
    assert hit.marked()[0] == "[中关村银行]"
    # The snippet moves to where the body has the word (about 20 characters of lead-in
    # after "…", from the start of their clause), and marks it there; nothing else (行动).
    assert len(hit.snippet_marks) == 1 and 20 <= hit.snippet_marks[0][0] <= 33
    assert hit.marked()[1].count("[") == 1 and "会上，[中关村银行]发布了行动计划。" in hit.marked()[1]
    (hit,) = search(conn, "hang")  # one character: the body may read it otherwise (行动)
    assert hit.marked()[0] == "中关村银[行]"
    assert hit.snippet_marks == () and hit.snippet.startswith("会议介绍了")
    # Chinese typed beside the pinyin may be all the body matched for: the cut stays on
    # it, though the title's word comes first in the body (and is marked where it shows).
    body = "中关村" + filler + "本次论坛聚焦绿色金融。" + filler
    conn = memory_index((SearchDoc("forum", "launch", "中关村发布会", body=body),))
    (hit,) = search(conn, "zgc 绿色金融")
    assert hit.marked()[1].startswith("…") and "聚焦[绿色金融]。" in hit.marked()[1]
    (hit,) = search(conn, "zgc 会议")
    assert hit.marked()[1].startswith("[中关村会议]介绍了")  # touching marks join


def test_an_item_without_a_body_does_not_repeat_its_title_as_its_snippet() -> None:
    conn = memory_index((SearchDoc("organization", "cnipa", "国家知识产权局", "China National Intellectual"
                             " Property Administration"),
                   SearchDoc("forum", "ip", "知识产权论坛", "IP Forum", body="国家知识产权局的代表出席。")))
    found = {hit.id: hit for hit in search(conn, "zhishichanquan")}
    assert found["cnipa"].title_marks == ((2, 6),)
    assert (found["cnipa"].snippet, found["cnipa"].snippet_marks) == ("", ())
    assert found["ip"].snippet == "国家知识产权局的代表出席。"  # a body still gives the snippet
    assert found["cnipa"].snippet_en == ""


def test_words_longer_than_the_prefix_indexes_find_only_titles_holding_all_of_them() -> None:
    """A title index answers the first 10 letters of a word; the rest is checked, so
    titles agreeing only in those 10 letters are not listed (nor counted)."""
    conn = memory_index((
        SearchDoc("forum", "luntan", "中关村论坛", "Forum"),
        SearchDoc("forum", "aixin", "中关村爱心行动", "Charity"),
        SearchDoc("area", "ai", "人工智能展区", "Artificial intelligence area"),
        SearchDoc("area", "robots", "机器人展区", "Intelligent robots area"),
    ))  # fmt: skip
    assert ids(search(conn, "zhongguanc")) == ["luntan", "aixin"]
    for query in ("zhongguancunl", "zhongguancunluntan"):
        assert ids(search(conn, query)) == ["luntan"], query
        assert count_by_kind(conn, query) == {"forum": 1, "area": 0}, query
    assert ids(search(conn, "zhongguancunai")) == ["aixin"]
    assert sorted(ids(search(conn, "intelligen"))) == ["ai", "robots"]
    assert ids(search(conn, "intelligenc")) == ["ai"]
    assert ids(search(conn, "intelligenc", kind="area")) == ["ai"]
    assert count_by_kind(conn, "intelligent") == {"forum": 0, "area": 1}
    # The pinyin of the whole title, read as the pinyin of a title beside a body word.
    assert ids(search(conn, "zhongguancunluntan forum")) == ["luntan"]


def test_a_ten_letter_word_is_the_whole_word_or_the_start_of_a_longer_one() -> None:
    """The words index keeps 10 letters of each word and syllable run: a query of 10
    letters is one exact term there, and still finds longer words and runs by their
    start, never a word that only shares 9 letters."""
    conn = memory_index((
        SearchDoc("forum", "tech", "科技论坛", "Technology forum"),
        SearchDoc("forum", "techs", "技术论坛", "Technologies forum"),
        SearchDoc("forum", "school", "学院论坛", "Technologist school"),
        SearchDoc("area", "long", "中关村国际技术交易大会展区", "Exhibition area"),
    ))  # fmt: skip
    assert sorted(ids(search(conn, "technolog"))) == ["school", "tech", "techs"]
    assert sorted(ids(search(conn, "technology"))) == ["tech"]
    assert sorted(ids(search(conn, "technologi"))) == ["school", "techs"]
    assert count_by_kind(conn, "technologis") == {"forum": 1, "area": 0}
    # Initials of a 13-character title: 10 and more letters, from its start and inside.
    assert ids(search(conn, "zgcgjjsjydhz")) == ["long"]
    assert ids(search(conn, "gcgjjsjydh")) == ["long"]
    assert ids(search(conn, "zgcgjjsjydz")) == []


def test_a_plural_that_could_be_initials_still_finds_its_singulars_pinyin() -> None:
    """"changes" asks its singular "change" as a whole word or a whole spelling to the end of
    a title (嫦娥: chang'e); being 7 letters without i, u or v, it is checked in the title
    keys too (it could be initials), and the check must accept what the singular found."""
    conn = memory_index((SearchDoc("forum", "f1", "嫦娥"), SearchDoc("forum", "f2", "深圳"),
                         SearchDoc("area", "a1", "常数")))  # fmt: skip
    assert ids(search(conn, "changes")) == ["f1"]
    assert ids(search(conn, "shenzhens")) == ["f2"]
    assert count_by_kind(conn, "changes") == {"forum": 1, "area": 0}


def test_rows_written_before_a_failed_batch_are_counted() -> None:
    """A duplicate id in a later batch fails the call after earlier batches were written; a
    caller that goes on and commits has those rows searchable and counted."""
    conn = sqlite3.connect(":memory:")
    docs = [SearchDoc("photo", f"p{i}", f"观众{i}") for i in range(1500)]
    with pytest.raises(sqlite3.IntegrityError):
        index_documents(conn, [*docs, SearchDoc("photo", "p1", "重复")])
    index_documents(conn, [SearchDoc("photo", "new", "新的观众")])
    conn.commit()
    assert count_by_kind(conn, "观众") == {"photo": COUNT_CAP}
    assert count_by_kind(conn, "观众999") == {"photo": 1}


def test_a_rows_chinese_title_key_is_its_folded_title_and_names_whether_kept_or_not() -> None:
    """rank_cjk is kept only where folding changes the title or names; elsewhere SQL frames
    the stored ones. Ranking must read the same key either way."""
    from guide.search.schema import rank_cjk_sql
    from guide.search.text import fold

    docs = (
        SearchDoc("forum", "plain", "绿色金融论坛", names=("张伟", "周云帆")),
        SearchDoc("forum", "alone", "绿色金融论坛"),
        SearchDoc("area", "latin", "AI展区", names=("ＩＢＭ",)),
        SearchDoc("photo", "traditional", "中關村論壇", names=("張偉",)),
        SearchDoc("photo", "lines", "第一行\n第二行"),
    )
    conn = memory_index(docs)
    keys = dict(conn.execute(f"SELECT id, {rank_cjk_sql()} FROM search_doc").fetchall())
    kept = dict(conn.execute("SELECT id, rank_cjk IS NOT NULL FROM search_doc").fetchall())
    for doc in docs:
        fields = [fold(doc.title).replace("\n", " "), *(fold(n) for n in doc.names or ())]
        assert keys[doc.id] == "\n" + "\n".join(fields) + "\n", doc.id
    assert kept == {"plain": 0, "alone": 0, "latin": 1, "traditional": 1, "lines": 1}
    assert ids(search(conn, "绿色金融论坛"))[:2] == ["plain", "alone"]


def test_initials_longer_than_the_index_keeps_are_checked_whole() -> None:
    """The words index keeps six letters of initials: seven to ten still find the title,
    from its start and inside, and not a title that only shares the first six; an English
    title's acronym of seven letters (read as initials too) is still found."""
    conn = memory_index((
        SearchDoc("area", "long", "中关村国际技术交易大会展区", "Exhibition area"),
        SearchDoc("area", "other", "中关村国际技术学院", "Institute"),
        SearchDoc("forum", "gttfepc", "全球伙伴大会",
                  "Global Technology Trade Fair Ecosystem Partners Conference"),
    ))  # fmt: skip
    # zgcgjjs is 中关村国际技术 in both; then j(iao) in one, x(ue) in the other.
    for query in ("zgcgjjsj", "cgjjsjyd", "zgcgjjsjyd"):
        assert ids(search(conn, query)) == ["long"], query
        assert count_by_kind(conn, query) == {"area": 1, "forum": 0}, query
    assert ids(search(conn, "zgcgjjsx")) == ["other"]
    assert ids(search(conn, "gjjsxy")) == ["other"]
    assert ids(search(conn, "zgcgjjsz")) == []  # its first six are both titles' initials
    assert sorted(ids(search(conn, "zgcgjjs"))) == ["long", "other"]
    assert ids(search(conn, "GTTFEPC")) == ["gttfepc"]


def test_an_index_of_another_layout_is_told_apart_from_the_current_one() -> None:
    """What decides whether an upgrade rebuilds the index: any table, column or option
    that differs from what this version creates."""
    from guide.search.schema import layout_is_current

    conn = sqlite3.connect(":memory:")
    assert not layout_is_current(conn)  # no index at all
    create_index(conn)
    assert layout_is_current(conn)
    conn.execute("DROP TABLE search_text")
    conn.execute(  # as version 5 had it: with positions, and prefixes to 5 letters
        "CREATE VIRTUAL TABLE search_text USING fts5(t, n, te, b, be, k, content='',"
        " tokenize='unicode61 remove_diacritics 2', prefix='1 3 4 5 6 7')"
    )
    assert not layout_is_current(conn)
    conn.execute("DROP TABLE search_text")
    create_index(conn)
    assert layout_is_current(conn)
    # The same tables with FTS5's default leaves (4,050 bytes), as version 13 had them.
    conn.execute("INSERT INTO search_words (search_words, rank) VALUES ('pgsz', 4050)")
    assert not layout_is_current(conn)
