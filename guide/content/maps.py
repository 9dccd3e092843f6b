"""Floor plans of the content ([[map]] in a pack): typed queries over the content database.

A plan is an image (SVG or PNG) with named regions, polygons in the image's own
coordinates, each linking to an item (a room, an exhibition area). Bundled content
without plans (and databases older than schema version 5) simply have none.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from guide.content.database import has_table
from guide.content.geometry import Point, contains, inside_image

Db = sqlite3.Connection
MAP_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass(frozen=True)
class Region:
    """A named region of a plan, linking to the item it shows."""

    map_id: str
    id: str
    title: str | None
    title_en: str | None
    kind: str  # the linked item's kind ("room", "area")
    item_id: str
    points: tuple[Point, ...]

    def contains(self, point: Point) -> bool:
        """True when ``point`` (image coordinates) lies inside the region."""
        return contains(self.points, point)


@dataclass(frozen=True)
class FloorMap:
    """A floor plan: its image in the content database, its size and its regions."""

    id: str
    title: str
    title_en: str
    image: str  # the image's path in the pack (a key of the image table)
    width: float
    height: float
    regions: tuple[Region, ...]

    def region(self, region_id: str) -> Region | None:
        """The region called ``region_id``, if the plan has one."""
        return next((r for r in self.regions if r.id == region_id), None)

    def region_at(self, point: Point) -> Region | None:
        """The topmost (last drawn) region under ``point``, if any."""
        return next((r for r in reversed(self.regions) if r.contains(point)), None)


@dataclass(frozen=True)
class Position:
    """Where a kiosk stands: a point on one plan ("You are here")."""

    map_id: str
    x: float
    y: float

    def on(self, plan: FloorMap) -> bool:
        """True when this position is on ``plan`` and inside its image."""
        return self.map_id == plan.id and inside_image((self.x, self.y), plan.width, plan.height)


def _regions(db: Db, where: str, params: list[str]) -> list[Region]:
    rows = db.execute(
        "SELECT map_id, id, title, title_en, kind, item_id, points FROM map_region "
        f"WHERE {where} ORDER BY map_id, pos", params).fetchall()
    return [Region(r[0], r[1], r[2], r[3], r[4], r[5],
                   tuple((float(x), float(y)) for x, y in json.loads(r[6]))) for r in rows]


def floor_maps(db: Db) -> list[FloorMap]:
    """Every plan of the content with its regions, in pack order (empty when there are none)."""
    if not has_table(db, "floor_map"):
        return []
    regions: dict[str, list[Region]] = {}
    for region in _regions(db, "1", []):
        regions.setdefault(region.map_id, []).append(region)
    rows = db.execute(
        "SELECT id, title, title_en, image, width, height FROM floor_map ORDER BY pos").fetchall()
    return [FloorMap(r[0], r[1], r[2], r[3], r[4], r[5], tuple(regions.get(r[0], ())))
            for r in rows]


def floor_map(db: Db, map_id: str) -> FloorMap | None:
    """The plan called ``map_id``, or None."""
    return next((m for m in floor_maps(db) if m.id == map_id), None)


def regions_of(db: Db, kind: str, item_id: str) -> list[Region]:
    """The regions (on any plan) that link to the item ``kind``/``item_id``."""
    if not has_table(db, "floor_map"):
        return []
    return _regions(db, "kind = ? AND item_id = ?", [kind, item_id])
