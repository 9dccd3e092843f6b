"""The bundled pack holds every item of the source page, faithfully."""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from pathlib import Path

from guide.content.database import open_content_db
from guide.content.records import list_items, to_json
from tests.conftest import REAL_PACK, ROOT, run_guide

# The page is kept in the repository, named by pack.toml's `source`.
_PACK_SOURCE = tomllib.loads((REAL_PACK / "pack.toml").read_text(encoding="utf-8"))["pack"]["source"]
SOURCE = ROOT / "db" / "source" / _PACK_SOURCE


def _guide_json(real_db: Path, *args: str) -> object:
    result = run_guide(*args, "--json", "--content-db", str(real_db))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_forum_with_its_date_and_kind(real_db: Path) -> None:
    forums = _guide_json(real_db, "list", "forum")
    found = {f["title"]: (f["date"], f["forum_kind"]) for f in forums}  # type: ignore[union-attr]
    assert found == {
        "2023中关村国际技术交易会开幕式暨全球技术交易生态伙伴大会": ("2023-05-27", "opening"),
        "双碳战略与绿色金融论坛": ("2023-05-27", "parallel_forum"),
        "世界知名高校技术转移发展大会": ("2023-05-28", "conference"),
        "科技服务创新发展论坛": ("2023-05-29", "parallel_forum"),
        "全球知识产权保护与创新论坛": ("2023-05-30", "parallel_forum"),
    }
    for forum in forums:  # type: ignore[union-attr]
        assert forum["title_en"] and forum["start_time"] is None and forum["venue"] is None


def test_forum_roles_as_the_page_states_them(real_db: Path) -> None:
    ip = _guide_json(real_db, "show", "forum", "ip-protection-forum")
    roles = {(o["name"], o["role"]) for o in ip["organisers"]}  # type: ignore[index]
    assert {("国家知识产权局", "指导"), ("北京市知识产权局", "主办"), ("中关村发展集团", "主办"),
            ("北京知识产权运营管理有限公司", "具体承办")} <= roles
    pool = ip["launches"][0]  # type: ignore[index]
    assert pool["title"] == "元宇宙产业专利池"
    assert ("百度", "牵头发起") in {(b["name"], b["role"]) for b in pool["by"]}
    service = _guide_json(real_db, "show", "forum", "tech-service-forum")
    roles = {(o["name"], o["role"]) for o in service["organisers"]}  # type: ignore[index]
    assert ("北京电子城高科技集团股份有限公司", "主办") in roles
    assert ("北京电子商会", "协办") in roles
    speakers = {s["name"] for s in service["speakers"]}  # type: ignore[index]
    assert {"赵清", "朱西安", "冯少静", "李前", "兰文丽"} <= speakers


def test_photo_captions_and_parsed_credits(real_db: Path) -> None:
    photos = _guide_json(real_db, "list", "photo")
    credits = {p["caption"]: (p["credit_role"], p["photographer"], p["credit_suffix"])
               for p in photos}  # type: ignore[union-attr]
    assert credits == {
        "元宇宙展区人头攒动。": ("本报记者", "李洋", "摄"),
        "观众与机器人互动。": ("本报记者", "邓淑华", "摄"),
        "观众体验虚拟驾驶。": ("本报记者", "邓淑华", "摄"),
    }
    assert {p["credit"] for p in photos} == {  # type: ignore[union-attr]
        "本报记者 李洋/摄", "本报记者 邓淑华/摄"}


def test_exhibition_and_its_areas(real_db: Path) -> None:
    areas = {a["title"]: a for a in _guide_json(real_db, "list", "area")}  # type: ignore[union-attr]
    expo = areas["2023中关村论坛展览(科博会)"]
    assert (expo["start_date"], expo["end_date"], expo["area_kind"]) == (
        "2023-05-26", "2023-05-30", "exhibition")
    assert {"元宇宙展区", "人工智能", "量子信息", "高端制造"} <= areas.keys()


def test_key_figures_with_units_and_years(real_db: Path) -> None:
    figures = _guide_json(real_db, "list", "figure")
    found = {(f["value"], f["unit"], f["year"]) for f in figures}  # type: ignore[union-attr]
    assert {(41.2, "万项", 2018), (77.3, "万项", 2022), (1.77, "万亿元", 2018),
            (4.78, "万亿元", 2022)} <= found
    for f in figures:  # type: ignore[union-attr]
        assert f["source_kind"] == "announcement" and f["quote"]
    # A change over a period (2018年至2022年) has no one year: "Year: 2022" on its page misread it.
    periods = [f for f in figures if "至" in f["label"]]  # type: ignore[index]
    assert len(periods) == 2 and all(f["year"] is None for f in periods)  # type: ignore[index]
    # Chinese labels in Chinese punctuation, as the guide writes the year after the others.
    assert not [f["label"] for f in figures if re.search(r"[()]", f["label"])]  # type: ignore[index]


def _bare(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", text)


def test_every_sentence_of_the_source_is_in_an_announcement(real_db: Path) -> None:
    assert SOURCE.is_file(), f"the source page belongs in the repository: {SOURCE}"
    announcements = _guide_json(real_db, "list", "announcement")
    body = _bare("".join(p for a in announcements for p in a["paragraphs"]))  # type: ignore[union-attr]
    headlines = {a["headline"] for a in announcements}  # type: ignore[union-attr]
    assert {"科技成果转化工作取得全面进展", "北京建设全球绿色可持续金融中心", "“千校万企”协同创新平台发布",
            "首个元宇宙产业专利池启动", "中关村探索科技创新服务新范式"} <= headlines
    skip = ("本报记者", "摄", "#", "▶")
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(skip) or line.lstrip("#").strip() in headlines:
            continue
        for sentence in re.split(r"[。!?]", line):
            if len(_bare(sentence)) > 4:
                assert _bare(sentence) in body or sentence.strip() in {
                    "全国技术合同成交额4年增长170%", "元宇宙展区人头攒动", "观众与机器人互动",
                    "观众体验虚拟驾驶"}, sentence


def _page_quotes() -> list[str]:
    """Everything inside the page's own quotation marks, column breaks rejoined."""
    page = re.sub(r"\s+", "", SOURCE.read_text(encoding="utf-8"))
    return re.findall(r"“([^”]*)”", page)


def test_every_direct_quote_is_verbatim_inside_the_pages_quotation_marks(real_db: Path) -> None:
    quotes = _page_quotes()
    db = open_content_db(real_db)
    direct = [(s.person.name, st.text) for f in list_items(db, "forum") for s in f.speakers
              for st in s.statements if st.direct]
    assert len(direct) == 6  # 周云帆 ×3, 赵清, 朱西安, 冯少静: each opens with “…”
    for name, text in direct:
        assert any(re.sub(r"\s+", "", text) == q for q in quotes), (name, text)


def test_reported_speech_is_never_a_direct_quote(real_db: Path) -> None:
    db = open_content_db(real_db)
    said = {(s.person.name, st.text[:8]): st.direct for f in list_items(db, "forum")
            for s in f.speakers for st in s.statements}
    # 据周云帆介绍 / 周云帆表示 / 冯少静表示 / 兰文丽介绍 / 李前's three points: no quotation marks.
    assert said[("周云帆", "我国持续深化科技")] is False
    assert said[("周云帆", "推动国家技术转移")] is False
    assert said[("冯少静", "朝阳区通过建立科")] is False
    assert said[("兰文丽", "该平台是电子城高")] is False
    assert not any(direct for (name, _), direct in said.items() if name in {"李前", "许心超"})
    quotes = _page_quotes()
    for (name, start), direct in said.items():
        if not direct:
            assert not any(q.startswith(start) for q in quotes), (name, start)


def test_every_figure_is_displayed_as_the_page_prints_it(real_db: Path) -> None:
    page = SOURCE.read_text(encoding="utf-8")
    figures = _guide_json(real_db, "list", "figure")
    for f in figures:  # type: ignore[union-attr]
        assert f["display"] and f["display"] in page, f["id"]
        assert f["display_en"] and not re.search(r"[\u4e00-\u9fff]", f["display_en"]), f["id"]
    shown = {f["id"]: (f["display"], f["display_en"]) for f in figures}  # type: ignore[union-attr]
    assert shown["shaanxi-separately-managed-results"] == ("3.8万余项", "more than 38,000 results")
    assert shown["empowered-results-2022"] == ("超过1600项", "more than 1,600 results")
    assert shown["evaluation-pilot-departments"][0] == "十部门"
    # 以上 is "or more", not 超过 "more than": 1000所以上 counts 1000 itself.
    qualified = {f["id"]: (f["qualifier"], f["qualifier_en"]) for f in figures}  # type: ignore[union-attr]
    assert qualified["platform-universities-target"] == ("以上", "or more")
    assert shown["platform-enterprises-target"] == ("1万家以上", "10,000 or more enterprises")


def test_a_figures_english_says_what_it_counts_as_its_chinese_does(real_db: Path) -> None:
    """The kiosk's card showed "9部门" over a bare "9" (also "4", "40"): the English number
    names what it counts, as the page's number does (部门, 种, 家 ...)."""
    figures = _guide_json(real_db, "list", "figure")
    shown = {f["id"]: (f["display"], f["display_en"]) for f in figures}  # type: ignore[union-attr]
    assert shown["ownership-pilot-departments"] == ("9部门", "9 departments")
    assert shown["empowerment-models"] == ("4种", "4 models")
    assert shown["pilot-units-2022"] == ("40家", "40 institutions")
    assert shown["tech-contracts-2022"] == ("77.3万项", "773,000 contracts")
    for f in figures:  # type: ignore[union-attr]
        unit = re.sub(r"^×[\d,]+( million)? ", "", f["unit_en"])  # ×10,000 contracts: contracts
        if unit not in ("%", "years") and "yuan" not in unit:
            assert f["display_en"].endswith(unit), (f["id"], f["display_en"], unit)


def test_a_figures_quote_says_what_its_number_is_of(real_db: Path) -> None:
    """"分别增长87.6%和170%" / "increases of 87.6% and 170% respectively" said not what grew:
    the quote is the page's whole sentence, up to it."""
    page = SOURCE.read_text(encoding="utf-8")
    figure = {f["id"]: f for f in _guide_json(real_db, "list", "figure")}[  # type: ignore[union-attr]
        "tech-contracts-growth"]
    assert figure["quote"] in page and figure["quote"].startswith("全国技术合同从2018年")
    assert figure["quote"].endswith("分别增长87.6%和170%")
    assert figure["quote_en"].startswith("the number of technology contracts nationwide rose")
    assert "their value from 1.77 trillion yuan" in figure["quote_en"]


def _chinese(text: object) -> bool:
    return isinstance(text, str) and re.search(r"[\u4e00-\u9fff]", text) is not None


def _english_siblings(obj: object, path: str = "") -> list[str]:
    """Paths of Chinese fields whose FIELD_en sibling is missing, empty or still Chinese."""
    problems: list[str] = []
    if isinstance(obj, list):
        for i, v in enumerate(obj):
            problems += _english_siblings(v, f"{path}.{i}")
    elif isinstance(obj, dict):
        for key, value in obj.items():
            problems += _english_siblings(value, f"{path}.{key}")
            if key.endswith("_en") or key in {"id", "kind", "role", "forum_kind", "area_kind",
                                               "announcement_kind", "credit_suffix", "qualifier",
                                               "display", "source_kind", "group", "title_marked"}:
                continue
            texts = value if isinstance(value, list) else [value]
            if not any(_chinese(t) for t in texts):
                continue
            english = obj.get(f"{key}_en")
            english = english if isinstance(english, list) else [english]
            if len(english) != len(texts) or any(
                    _chinese(t) and (not e or _chinese_only(e))
                    for t, e in zip(texts, english, strict=True)):
                problems.append(f"{path}.{key}")
    return problems


def _english_text(text: object) -> bool:
    """Text in English: Latin letters outnumber Chinese characters ten to one."""
    return isinstance(text, str) and len(re.findall("[A-Za-z]", text)) > 10 * len(re.findall(
        "[\u4e00-\u9fff]", text))


def _chinese_only(text: object) -> bool:
    return isinstance(text, str) and not re.search(r"[A-Za-z]", text)


def test_json_gives_every_chinese_field_an_english_sibling(real_db: Path) -> None:
    from guide.content.models import KINDS

    assert _english_siblings({"x": {"caption": "观众", "caption_en": "观众"}}) == [".x.caption"]
    assert _english_siblings({"said": ["说", "讲"], "said_en": ["said"]}) == [".said"]
    problems = []
    db = open_content_db(real_db)
    for kind in KINDS:  # what `guide show KIND ID --json` prints, in process (140 items)
        for item in list_items(db, kind):
            problems += _english_siblings(to_json(item), f"{kind}/{item.id}")
    assert problems == []
    shown = _guide_json(real_db, "show", "forum", "tech-service-forum")
    assert _english_siblings(shown) == [] and shown["text_en"]  # type: ignore[index]


def test_search_json_speaks_the_asked_language(real_db: Path) -> None:
    en = _guide_json(real_db, "search", "patent", "--lang", "en", "--limit", "5")
    assert en and all(h["title_en"] and h["lang"] == "en" for h in en)  # type: ignore[union-attr]
    # English text (which may name a reporter in Chinese too: "Zhang Wei 张伟")
    assert all(_english_text(h["snippet"]) for h in en)  # type: ignore[union-attr]
    assert any("[patent]" in h["snippet"].lower() for h in en)  # type: ignore[union-attr]
    zh = _guide_json(real_db, "search", "绿色", "--lang", "zh", "--limit", "5")
    assert zh and all(h["title_en"] for h in zh)  # type: ignore[union-attr]
    # Chinese snippets; an organisation has no text beyond its name, so none (not its name again).
    assert {h["kind"] for h in zh} >= {"organization", "forum"}  # type: ignore[union-attr]
    for hit in zh:  # type: ignore[union-attr]
        assert _chinese(hit["snippet"]) if hit["kind"] != "organization" else hit["snippet"] == "", hit


def test_the_database_keeps_the_english_of_every_statement(real_db: Path) -> None:
    conn = sqlite3.connect(real_db)
    for said, en in conn.execute("SELECT said, en FROM forum_speaker"):
        english = json.loads(en)
        assert len(english["said_en"]) == len(json.loads(said)) == len(english["direct"])
