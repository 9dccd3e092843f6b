"""Floor plans: the pack validator, the stored plans and the kiosk's "You are here"."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from guide.content.build import build_content_db
from guide.content.geometry import contains
from guide.content.loader import PackInvalid, load_pack
from guide.content.maps import Position, floor_maps, has_maps, regions_of
from guide.kiosk.config import KioskConfigError, parse_config

MAP_PACK = Path(__file__).parent / "fixtures" / "map_pack"


@pytest.fixture
def map_pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(MAP_PACK, root)
    return root


def _errors(root: Path) -> list[str]:
    with pytest.raises(PackInvalid) as caught:
        load_pack(root)
    return [str(e) for e in caught.value.errors]


def test_a_region_outside_its_image_is_named_with_its_point(map_pack: Path) -> None:
    maps = map_pack / "maps.toml"
    maps.write_text(maps.read_text().replace("[540, 40], [960, 40]", "[540, 40], [1200, 40]"))
    assert _errors(map_pack) == [
        "maps.toml: map.0.regions.1.points: point (1200, 40) lies outside the 1000×600 image"]


def test_a_region_linking_to_an_unknown_room_is_an_error(map_pack: Path) -> None:
    maps = map_pack / "maps.toml"
    maps.write_text(maps.read_text().replace('id = "hall-b" }', 'id = "room-x" }'))
    assert _errors(map_pack) == ["maps.toml: map.0.regions.1.link: links to unknown room 'room-x'"]


def test_the_plan_image_must_be_in_the_pack(map_pack: Path) -> None:
    (map_pack / "floor.svg").unlink()
    assert _errors(map_pack) == ["maps.toml: map.0.image: file not found: floor.svg"]


def test_the_database_holds_the_plan_its_image_and_regions(map_pack: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "content.db"
    build_content_db(map_pack, db_path)
    db = sqlite3.connect(db_path)
    [plan] = floor_maps(db)
    assert (plan.id, plan.title_en, plan.width, plan.height) == ("ground-floor", "Ground floor",
                                                                 1000, 600)
    assert [(r.id, r.kind, r.item_id) for r in plan.regions] == [
        ("hall-a", "room", "hall-a"), ("hall-b", "room", "hall-b"), ("expo", "area", "expo-hall")]
    image = db.execute("SELECT data FROM image WHERE path = ?", [plan.image]).fetchone()[0]
    assert image == (MAP_PACK / "floor.svg").read_bytes()
    assert [r.id for r in regions_of(db, "area", "expo-hall")] == ["expo"]
    assert regions_of(db, "room", "studio") == []  # a room without a region
    assert plan.region_at((100, 100)).id == "hall-a"  # type: ignore[union-attr]
    assert plan.region_at((500, 330)) is None  # the corridor


def test_bundled_content_has_no_plans(real_db: Path) -> None:
    assert not has_maps(sqlite3.connect(real_db))


def test_point_in_polygon_on_a_concave_outline() -> None:
    ell = [(0, 0), (10, 0), (10, 10), (5, 10), (5, 5), (0, 5)]  # an L
    assert contains(ell, (2, 2)) and contains(ell, (8, 8))
    assert not contains(ell, (2, 8)) and not contains(ell, (11, 1))


def test_kiosk_config_names_its_position() -> None:
    config = parse_config({"position": {"map": "ground-floor", "x": 480, "y": 330.5}})
    assert config.position == Position("ground-floor", 480.0, 330.5)


@pytest.mark.parametrize(("table", "message"), [
    ({"map": "ground-floor", "x": -5, "y": 3}, "position.x: must be from 0 to 100000, got -5"),
    ({"map": "ground-floor", "x": 5}, "position.y: must be a number"),
    ({"map": "Ground Floor!", "x": 5, "y": 5}, "position.map: must name a map id"),
    ({"map": "ground-floor", "x": 5, "y": 5, "z": 1}, "position.z: unknown setting"),
])
def test_kiosk_position_errors_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(KioskConfigError, match=message.replace("(", r"\(")):
        parse_config({"position": table}, "kiosk.toml")
