"""Timetable blocks and plan regions as a screen reader gets them (AT-SPI, Xvfb): one node each."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from guide.content.build import build_content_db
from guide.content.database import open_content_db
from guide.content.timetable import DayGrid, day_entries
from tests.test_atspi import read_tree

MAP_PACK = Path(__file__).parent / "fixtures" / "map_pack"


def test_each_timetable_block_is_a_node_with_its_title_room_and_time(tmp_path: Path,
                                                                     programme_db: Path) -> None:
    day = dt.date(2025, 12, 28)
    tree = read_tree(tmp_path, programme_db, f"timetable:{day}", "en")
    db = open_content_db(programme_db)
    grid = DayGrid(day, day_entries(db, day))
    db.close()
    blocks = [n for n in tree if n["role"] == "list item" and "/list:Timetable/" in n["path"]]
    assert [n["name"] for n in blocks] == [b.entry.title_en or b.entry.title for b in grid.blocks]
    assert len(blocks) == 68
    for node, block in zip(blocks, grid.blocks, strict=True):
        start, end = block.entry.start, block.entry.end
        assert start is not None and end is not None
        assert f"{start:%H:%M}–{end:%H:%M}" in node["description"]
        assert (block.entry.room_en or block.entry.room) in node["description"]
    # Those in view are showing; the rest (other rooms, other hours) are there to reach.
    assert any(n["showing"] for n in blocks) and not all(n["showing"] for n in blocks)
    assert all(n["actions"] == ["Press"] for n in blocks)


def test_each_region_of_a_plan_is_a_node_with_its_name(tmp_path: Path) -> None:
    map_db = build_content_db(MAP_PACK, tmp_path / "maps.db").path
    tree = read_tree(tmp_path, map_db, "map", "en")
    regions = [n for n in tree if n["role"] == "list item" and "/list:Ground floor/" in n["path"]]
    assert [n["name"] for n in regions] == ["Hall A", "Hall B", "Exhibition area"]
    assert all(n["showing"] and n["actions"] == ["Press"] for n in regions)


def test_pressing_a_block_opens_its_session(tmp_path: Path, programme_db: Path) -> None:
    title = "A post-American, enshittification-resistant internet"
    tree = read_tree(tmp_path, programme_db, "timetable:2025-12-28", "en", act_on=title)
    assert any(n["role"] == "label" and n["name"] == title and n["showing"] for n in tree), \
        [n["name"] for n in tree if n["role"] == "label" and n["showing"]]
