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
