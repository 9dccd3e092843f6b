"""The query API over the small test pack: every query, related items and the days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guide.content import queries as q
from guide.content import records as r
from guide.content.database import open_content_db
from guide.content.records import to_json


@pytest.fixture
def db(mini_db: Path) -> q.Db:
    return open_content_db(mini_db)


def test_forums_in_schedule_order_with_unknown_times_last(db: q.Db) -> None:
    rows = q.list_forums(db)
    assert [r.id for r in rows] == ["opening", "overlap", "no-time"]
    assert rows[0].start_time == dt.time(9, 0) and rows[0].end_time == dt.time(10, 30)
    assert rows[2].start_time is None and not rows[2].time_known
    assert rows[0].organisers == (("科技部", "主办"), ("中关村软件园", "协办"))
    assert rows[0].organisers_en == ("Ministry of Science and Technology",
                                     "Zhongguancun Software Park")
    assert q.forum_ids(db, kind="conference") == ["no-time"]
    assert q.forum_ids(db, day=dt.date(2023, 5, 28)) == ["no-time"]
    assert q.forum_ids(db, day=dt.date(2023, 5, 29)) == []


def test_forum_dates(db: q.Db) -> None:
    assert q.forum_dates(db) == [dt.date(2023, 5, 27), dt.date(2023, 5, 28)]
    assert [f.id for f in q.list_forums(db, day=dt.date(2023, 5, 27))] == ["opening", "overlap"]


def test_forum_detail_with_people_organisers_and_launches(db: q.Db) -> None:
    forum = r.get_forum(db, "opening")
    assert forum is not None
    assert [(o.organization.id, o.role, o.role_en) for o in forum.organisers] == [
        ("most", "主办", "Host"), ("zgc-park", "协办", "Co-organiser")]
    assert forum.speakers[0].person.name == "周云帆"
    assert forum.speakers[0].said == ("多措并举。",)
    assert forum.launches[0].title == "平台"
    assert forum.launches[0].by[0].organization.id == "zgc-park"
    assert forum.text == ("开幕式正文。",)
    assert r.get_forum(db, "nope") is None


def test_people_and_organisations_link_back_to_forums(db: q.Db) -> None:
    assert [f.id for f in q.person_forums(db, "zhou-yunfan")] == ["opening"]
    assert [(f.id, role) for f, role in q.organization_forums(db, "zgc-park")] == [
        ("opening", "协办、发布")]
    assert [(f.id, role) for f, role in q.organization_forums(db, "most")] == [
        ("opening", "主办"), ("no-time", "指导")]
    assert [p.id for p in r.organization_people(db, "most")] == ["zhou-yunfan"]


def test_area_photos_children_and_figures(db: q.Db) -> None:
    assert [a.id for a in q.area_children(db, "expo")] == ["metaverse"]
    assert [p.id for p in r.area_photos(db, "expo")] == ["crowd"]  # photos of child areas too
    assert [p.id for p in r.area_photos(db, "metaverse")] == ["crowd"]
    assert [f.id for f in q.item_figures(db, "area", "metaverse")] == ["contracts-2018"]
    assert q.exhibition_period(db) == (dt.date(2023, 5, 26), dt.date(2023, 5, 30))


def test_photo_credit_is_parsed_and_rendered(db: q.Db) -> None:
    photo = r.get_photo(db, "crowd")
    assert photo is not None
    assert (photo.credit_role, photo.photographer, photo.credit_suffix) == ("本报记者", "李洋", "摄")
    assert photo.credit == "本报记者 李洋/摄"
    assert q.image_bytes(db, "images/crowd.png", )[:8] == b"\x89PNG\r\n\x1a\n"  # type: ignore[index]
    assert q.image_bytes(db, "images/none.png") is None
    assert [p.id for p in r.photos(db, ["robot", "crowd", "ghost"])] == ["robot", "crowd"]


def test_announcement_mentions_and_back_links(db: q.Db) -> None:
    ann = r.get_announcement(db, "transfer-news")
    assert ann is not None and ann.paragraphs == ("第一段。", "第二段。")
    assert ann.date == dt.date(2023, 5, 27)
    assert [(c.kind, c.id) for c in q.mentions(db, "transfer-news")] == [
        ("person", "zhou-yunfan"), ("forum", "opening")]
    assert [c.id for c in q.mentioned_in(db, "forum", "opening")] == ["transfer-news"]
    assert [p.id for p in r.announcement_photos(db, "transfer-news")] == ["crowd"]
    assert [c.id for c in q.latest_announcements(db)] == ["transfer-news"]


def test_figures_grouped_for_charts(db: q.Db) -> None:
    groups = q.figure_groups(db)
    assert [(g, [f.year for f in figs]) for g, figs in groups] == [("contracts", [2018, 2022])]


def test_cards_for_any_kind_keep_order_and_skip_unknown(db: q.Db) -> None:
    found = q.cards(db, "forum", ["no-time", "ghost", "opening"])
    assert [c.id for c in found] == ["no-time", "opening"]
    assert found[1].title == "开幕式" and found[1].title_en == "Opening ceremony"
    photo = q.card(db, "photo", "crowd")
    assert photo is not None and photo.subtitle == "本报记者 李洋/摄"
    assert q.card(db, "person", "ghost") is None
    assert ("figure", "contracts-2022") in q.all_ids(db)
    assert set(q.titles(db, [("forum", "opening"), ("area", "gone")])) == {("forum", "opening")}
    with pytest.raises(ValueError):
        q.item_ids(db, "forum; DROP TABLE forum")


def test_every_item_has_json_with_common_keys(db: q.Db) -> None:
    for kind in ("forum", "area", "announcement", "photo", "person", "organization", "figure"):
        for item in r.list_items(db, kind):
            data = to_json(item)
            assert {"kind", "id", "title", "title_en"} <= data.keys()
            assert data["kind"] == kind and data["title"]
