"""Plane geometry for floor plans: polygons in image coordinates (no Qt)."""

from __future__ import annotations

from collections.abc import Sequence

Point = tuple[float, float]


def inside_image(point: Point, width: float, height: float) -> bool:
    """True when ``point`` lies on or inside the ``width`` x ``height`` image."""
    x, y = point
    return 0 <= x <= width and 0 <= y <= height


def bounds(points: Sequence[Point]) -> tuple[float, float, float, float]:
    """The smallest axis-aligned box around ``points``: (left, top, right, bottom)."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def centre(points: Sequence[Point]) -> Point:
    """The middle of the box around ``points`` (where a region's label or a zoom centres)."""
    left, top, right, bottom = bounds(points)
    return (left + right) / 2, (top + bottom) / 2


def contains(polygon: Sequence[Point], point: Point) -> bool:
    """True when ``point`` lies inside ``polygon`` (even-odd rule, by ray casting)."""
    x, y = point
    inside = False
    n = len(polygon)
    for i in range(n):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


DIRECTIONS = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}


def nearest_towards(centres: Sequence[Point], start: int, direction: str) -> int | None:
    """The index of the point nearest to ``centres[start]`` in ``direction`` (left, right, up,
    down; y grows downwards), or None when nothing lies that way.

    Points within 45° of the direction come first (the nearest, one straight ahead before
    one far to the side); then any point further that way, so every point is reachable.
    """
    dx, dy = DIRECTIONS[direction]
    x0, y0 = centres[start]
    best: tuple[bool, float, int] | None = None
    for i, (x, y) in enumerate(centres):
        along = (x - x0) * dx + (y - y0) * dy
        across = abs((x - x0) * dy) + abs((y - y0) * dx)
        if i == start or along <= 0:
            continue
        key = (across > along, along + 2 * across, i)
        if best is None or key < best:
            best = key
    return best[2] if best else None
