"""Floor plans: the pack validator, the stored plans and the kiosk's "You are here"."""

from __future__ import annotations

import shutil
import sqlite3
import struct
import zlib
from pathlib import Path

import pytest

from guide.content.build import build_content_db
from guide.content.database import has_maps
from guide.content.geometry import contains
from guide.content.loader import PackInvalid, load_pack
from guide.content.maps import Position, floor_maps, regions_of
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


def _png(path: Path, width: int, height: int) -> None:
    """A real (grey, one-bit) PNG of ``width`` x ``height`` pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\0" + b"\xff" * ((width + 7) // 8) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _use_png(map_pack: Path, width: int, height: int) -> None:
    _png(map_pack / "floor.png", width, height)
    maps = map_pack / "maps.toml"
    maps.write_text(maps.read_text().replace('image = "floor.svg"', 'image = "floor.png"'))


def test_a_png_plan_of_the_declared_size_passes(map_pack: Path) -> None:
    _use_png(map_pack, 1000, 600)
    assert [m.item.image for m in load_pack(map_pack).maps] == ["floor.png"]


def test_a_png_plan_of_another_size_is_an_error_on_the_field(map_pack: Path) -> None:
    _use_png(map_pack, 800, 600)
    assert _errors(map_pack) == [
        "maps.toml: map.0.width: width 1000 does not match the image floor.png, which is 800×600 "
        "by its PNG header"]


def test_a_broken_png_plan_says_its_size_cannot_be_read(map_pack: Path) -> None:
    _use_png(map_pack, 1000, 600)
    (map_pack / "floor.png").write_bytes(b"GIF89a not a png at all, whatever its name says")
    assert _errors(map_pack) == [
        "maps.toml: map.0.image: cannot read the size of floor.png: not a PNG image (no PNG header)"]


def test_an_svg_plan_whose_viewbox_differs_is_an_error_on_the_field(map_pack: Path) -> None:
    svg = map_pack / "floor.svg"
    svg.write_text(svg.read_text().replace('viewBox="0 0 1000 600"', 'viewBox="0 0 1000 750"', 1))
    assert _errors(map_pack) == [
        "maps.toml: map.0.height: height 600 does not match the image floor.svg, which is "
        "1000×750 by its SVG viewBox"]


def test_an_svg_plan_without_viewbox_is_measured_by_width_and_height(map_pack: Path) -> None:
    svg = map_pack / "floor.svg"
    text = svg.read_text().replace(' viewBox="0 0 1000 600"', "", 1)
    svg.write_text(text.replace('width="1000" height="600"', 'width="1200px" height="720px"', 1))
    assert _errors(map_pack) == [
        "maps.toml: map.0.width: width 1000 does not match the image floor.svg, which is 1200×720 "
        "by its SVG width and height",
        "maps.toml: map.0.height: height 600 does not match the image floor.svg, which is "
        "1200×720 by its SVG width and height"]
    svg.write_text(text.replace('width="1000" height="600"', 'width="1000" height="600"', 1))
    load_pack(map_pack)  # plain numbers are user units too
    svg.write_text(text.replace('width="1000" height="600"', 'width="100%" height="100%"', 1))
    assert _errors(map_pack) == [
        "maps.toml: map.0.image: cannot read the size of floor.svg: the SVG gives no size in user "
        "units: give it a viewBox (or width and height in px)"]


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
