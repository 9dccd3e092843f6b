"""The bundled pack holds every item of the source page, faithfully."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT, run_guide

SOURCE = ROOT.parent / "shared" / "source" / "000_6b2f46b9ad40146e.txt"


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


def _bare(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", text)


def test_every_sentence_of_the_source_is_in_an_announcement(real_db: Path) -> None:
    assert SOURCE.is_file(), f"the source page belongs beside the checkout: {SOURCE}"
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
