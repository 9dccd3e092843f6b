"""Bookmarks as a visitor meets them: marking, the bookmarks page, clashes, undo, content updates."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.content.queries import open_content_db
from guide.user.bookmarks import (
    DEFAULT_DURATION,
    Bookmark,
    BookmarkView,
    UnknownItem,
    add_bookmark,
    bookmarked_ids,
    bookmarks_page,
    clear_bookmarks,
    conflicts,
    is_bookmarked,
    list_bookmarks,
    my_day,
    refresh_snapshots,
    remove_bookmark,
    restore_bookmarks,
    stored_bookmarks,
    toggle_bookmark,
)
from guide.user.db import UserDb, open_user_db
from tests.support import append_items, drop_item, replace_text
from tests.test_user_support import build

MAY27, MAY28 = dt.date(2023, 5, 27), dt.date(2023, 5, 28)


def ids(views: list[BookmarkView]) -> list[tuple[str, str]]:
    return [(v.kind, v.id) for v in views]


def test_toggle_marks_and_unmarks_at_once(user: UserDb, content: sqlite3.Connection) -> None:
    assert toggle_bookmark(user.db, content, "forum", "opening") is True
    assert is_bookmarked(user.db, "forum", "opening")
    assert bookmarked_ids(user.db, "forum") == {"opening"}
    assert toggle_bookmark(user.db, content, "forum", "opening") is False
    assert not is_bookmarked(user.db, "forum", "opening")


@pytest.mark.parametrize(("kind", "item_id", "title"), [
    ("forum", "opening", "开幕式"), ("area", "metaverse", "元宇宙展区"),
    ("announcement", "transfer-news", "科技成果转化工作取得全面进展"),
    ("photo", "crowd", "元宇宙展区人头攒动。"), ("person", "zhou-yunfan", "周云帆"),
    ("organization", "most", "科技部"),
])
def test_every_kind_can_be_bookmarked(user: UserDb, content: sqlite3.Connection, kind: str,
                                      item_id: str, title: str) -> None:
    b = add_bookmark(user.db, content, kind, item_id)
    assert (b.kind, b.id, b.title) == (kind, item_id, title)
    [view] = list_bookmarks(user.db, content)
    assert view.in_guide and view.title == title


def test_unknown_item_or_kind_is_refused_and_nothing_stored(user: UserDb,
                                                            content: sqlite3.Connection) -> None:
    with pytest.raises(UnknownItem, match="no forum with id 'nope'"):
        add_bookmark(user.db, content, "forum", "nope")
    with pytest.raises(UnknownItem, match="unknown kind 'event'"):
        add_bookmark(user.db, content, "event", "opening")
    assert stored_bookmarks(user.db) == []


def test_adding_twice_keeps_one_bookmark_and_its_place(user: UserDb,
                                                       content: sqlite3.Connection) -> None:
    first = add_bookmark(user.db, content, "photo", "crowd")
    add_bookmark(user.db, content, "photo", "robot")
    again = add_bookmark(user.db, content, "photo", "crowd")
    assert again.added_at == first.added_at
    assert [b.id for b in stored_bookmarks(user.db)] == ["crowd", "robot"]


def test_bookmarks_survive_closing_and_reopening(tmp_path: Path, content: sqlite3.Connection) -> None:
    u = open_user_db(tmp_path / "user.db")
    add_bookmark(u.db, content, "forum", "overlap")
    u.close()
    again = open_user_db(tmp_path / "user.db")
    assert ids(list_bookmarks(again.db, content)) == [("forum", "overlap")]
    again.close()


def test_page_groups_by_kind_with_forums_in_timeline_order(user: UserDb,
                                                           content: sqlite3.Connection) -> None:
    for kind, item_id in [("person", "li-yang"), ("forum", "no-time"), ("photo", "robot"),
                          ("forum", "overlap"), ("photo", "crowd"), ("forum", "opening"),
                          ("area", "expo")]:
        add_bookmark(user.db, content, kind, item_id)
    page = bookmarks_page(user.db, content)
    assert [(g.kind, [v.id for v in g.items]) for g in page.groups] == [
        ("forum", ["opening", "overlap", "no-time"]),  # 09:00, 10:00 on the 27th; untimed 28th
        ("area", ["expo"]),
        ("photo", ["robot", "crowd"]),  # other kinds: in the order they were added
        ("person", ["li-yang"]),
    ]
    assert page.total == 7 and page.not_in_guide == 0


def test_my_day_flags_overlapping_timed_forums(user: UserDb, content: sqlite3.Connection) -> None:
    for item_id in ("no-time", "overlap", "opening"):
        add_bookmark(user.db, content, "forum", item_id)
    page = bookmarks_page(user.db, content)
    assert [d.date for d in page.days] == [MAY27, MAY28]
    may27, may28 = page.days
    assert [(e.view.id, e.overlaps_with, e.check_times) for e in may27.entries] == [
        ("opening", ("overlap",), False), ("overlap", ("opening",), False)]
    assert may27.has_conflicts
    # Alone on its day, a forum with no time clashes with nothing.
    assert [(e.view.id, e.overlaps_with, e.check_times) for e in may28.entries] == [
        ("no-time", (), False)]
    assert not may28.has_conflicts
    assert [(c.kind, c.first.id, c.second.id) for c in page.conflicts] == [
        ("overlap", "opening", "overlap")]


def test_same_day_forum_without_time_asks_to_check_times(mini_pack: Path, tmp_path: Path) -> None:
    append_items(mini_pack, """
[[forum]]
id = "afternoon"
title = "下午论坛"
title_en = "Afternoon forum"
kind = "sub_forum"
date = 2023-05-28
start_time = 14:00:00
end_time = 16:00:00
summary = "下午。"
summary_en = "Afternoon."
text = ["正文。"]
""")
    content = open_content_db(build(mini_pack, tmp_path / "content.db"))
    user = open_user_db(tmp_path / "user.db")
    for item_id in ("no-time", "afternoon", "opening"):
        add_bookmark(user.db, content, "forum", item_id)
    page = bookmarks_page(user.db, content)
    assert [(c.kind, c.date, c.first.id, c.second.id) for c in page.conflicts] == [
        ("check_times", MAY28, "afternoon", "no-time")]
    may28 = page.days[1]
    assert [(e.view.id, e.check_times, e.overlaps_with) for e in may28.entries] == [
        ("afternoon", True, ()), ("no-time", True, ())]
    assert not page.days[0].has_conflicts  # the opening alone on the 27th


def test_forum_with_start_only_is_assumed_to_last_the_default_duration(
        user: UserDb, content: sqlite3.Connection) -> None:
    add_bookmark(user.db, content, "forum", "overlap")  # 10:00, no end
    [view] = list_bookmarks(user.db, content)
    assert view.end_assumed
    assert dt.timedelta(hours=2) == DEFAULT_DURATION
    touching = view_at("touch", dt.time(12, 0), dt.time(13, 0))
    inside = view_at("inside", dt.time(11, 59), dt.time(13, 0))
    assert conflicts([view, touching]) == []
    assert [c.second.id for c in conflicts([view, inside])] == ["inside"]


def view_at(item_id: str, start: dt.time | None, end: dt.time | None,
            day: dt.date = MAY27) -> BookmarkView:
    stored = Bookmark("forum", item_id, item_id, item_id, day, start, end, None, "", "")
    return BookmarkView("forum", item_id, item_id, item_id, day, start, end, None, True, stored)


slots = st.tuples(st.sampled_from([MAY27, MAY28]),
                  st.one_of(st.none(), st.integers(8 * 60, 18 * 60)),
                  st.one_of(st.none(), st.integers(15, 240)))


@settings(max_examples=200, deadline=None)
@given(st.lists(slots, min_size=0, max_size=6))
def test_conflicts_match_a_minute_by_minute_check(raw: list[tuple[dt.date, int | None, int | None]]
                                                  ) -> None:
    views = []
    for n, (day, start, length) in enumerate(raw):
        s = None if start is None else dt.time(start // 60, start % 60)
        e = None
        if start is not None and length is not None:
            end = start + length
            e = dt.time(end // 60, end % 60)
        views.append(view_at(f"f{n}", s, e, day))

    def minutes(v: BookmarkView) -> set[int] | None:
        if v.start_time is None:
            return None
        a = v.start_time.hour * 60 + v.start_time.minute
        length = (v.end_time.hour * 60 + v.end_time.minute - a) if v.end_time else 120
        return set(range(a, a + length))

    expected = set()
    for i, a in enumerate(views):
        for b in views[i + 1:]:
            if a.date != b.date:
                continue
            ma, mb = minutes(a), minutes(b)
            if ma is None or mb is None:
                expected.add(("check_times", frozenset((a.id, b.id))))
            elif ma & mb:
                expected.add(("overlap", frozenset((a.id, b.id))))
    found = {(c.kind, frozenset((c.first.id, c.second.id))) for c in conflicts(views)}
    assert found == expected
    # my_day shows every forum once, under its own day.
    assert sorted(e.view.id for d in my_day(views) for e in d.entries) == sorted(v.id for v in views)


def test_remove_then_undo_puts_it_back_in_its_place(user: UserDb, content: sqlite3.Connection) -> None:
    for item_id in ("crowd", "robot"):
        add_bookmark(user.db, content, "photo", item_id)
    add_bookmark(user.db, content, "person", "li-yang")
    removed = remove_bookmark(user.db, "photo", "crowd")
    assert removed is not None and removed.title == "元宇宙展区人头攒动。"
    assert not is_bookmarked(user.db, "photo", "crowd")
    assert remove_bookmark(user.db, "photo", "crowd") is None
    add_bookmark(user.db, content, "organization", "most")  # something happens before undo
    assert restore_bookmarks(user.db, [removed]) == 1
    assert [b.id for b in stored_bookmarks(user.db)] == ["crowd", "robot", "li-yang", "most"]


def test_clear_all_and_undo(user: UserDb, content: sqlite3.Connection) -> None:
    for kind, item_id in [("forum", "opening"), ("area", "expo"), ("photo", "robot")]:
        add_bookmark(user.db, content, kind, item_id)
    before = stored_bookmarks(user.db)
    removed = clear_bookmarks(user.db)
    assert removed == before
    assert list_bookmarks(user.db, content) == []
    add_bookmark(user.db, content, "area", "expo")  # re-added meanwhile: kept, not doubled
    assert restore_bookmarks(user.db, removed) == 2
    after = stored_bookmarks(user.db)
    assert [b.id for b in after] == ["opening", "robot", "expo"]  # expo was added anew, last
    assert [b for b in after if b.id != "expo"] == [b for b in before if b.id != "expo"]


def test_content_update_keeps_removed_items_with_last_known_title(mini_pack: Path,
                                                                   tmp_path: Path) -> None:
    v1 = open_content_db(build(mini_pack, tmp_path / "v1.db"))
    user = open_user_db(tmp_path / "user.db")
    for kind, item_id in [("forum", "opening"), ("forum", "overlap"), ("photo", "robot")]:
        add_bookmark(user.db, v1, kind, item_id)

    # Update 1: the overlapping forum is dropped, the opening renamed.
    drop_item(mini_pack, "forum", "overlap")
    replace_text(mini_pack, 'title = "开幕式"', 'title = "开幕式暨全体会议"')
    v2 = open_content_db(build(mini_pack, tmp_path / "v2.db"))
    assert refresh_snapshots(user.db, v2) == 1  # the opening's new title is remembered
    views = {v.id: v for v in list_bookmarks(user.db, v2)}
    assert set(views) == {"opening", "overlap", "robot"}
    assert not views["overlap"].in_guide
    assert views["overlap"].title == "重叠论坛" and views["overlap"].start_time == dt.time(10, 0)
    assert views["opening"].in_guide and views["opening"].title == "开幕式暨全体会议"
    page = bookmarks_page(user.db, v2)
    assert page.not_in_guide == 1
    assert page.conflicts == ()  # a forum no longer in the guide clashes with nothing

    # Update 2: the opening goes too; it is listed under the title it last had.
    drop_item(mini_pack, "forum", "opening")
    replace_text(mini_pack, ', { kind = "forum", id = "opening" }', "")  # its mention goes too
    v3 = open_content_db(build(mini_pack, tmp_path / "v3.db"))
    views = {v.id: v for v in list_bookmarks(user.db, v3)}
    assert not views["opening"].in_guide and views["opening"].title == "开幕式暨全体会议"
    assert views["robot"].in_guide

    # And if a later update brings it back, it is simply in the guide again.
    views = {v.id: v for v in list_bookmarks(user.db, v1)}
    assert all(v.in_guide for v in views.values())
