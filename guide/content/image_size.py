"""The size an image file says it has: a PNG's header, an SVG's viewBox or width and height.

A floor plan's regions are in its image's own coordinates, so the pack declares the image's
size and the validator checks it against the file (no Qt: the header is enough).
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px)?\s*$")


class ImageSizeError(ValueError):
    """The file gives no size that can be read (not a PNG, no SVG size, a broken header)."""


def image_size(path: Path) -> tuple[float, float, str]:
    """(width, height, where the size came from) of the PNG or SVG at ``path``.

    A PNG's size is its pixels (IHDR). An SVG's is its user units: its ``viewBox`` when it
    has one (what region points are in), else its ``width`` and ``height`` (plain numbers
    or px). Raises :class:`ImageSizeError` saying what is missing or broken.
    """
    if path.suffix.lower() == ".png":
        return _png_size(path)
    return _svg_size(path)


def _png_size(path: Path) -> tuple[float, float, str]:
    with path.open("rb") as f:
        head = f.read(24)
    if len(head) < 24 or not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        raise ImageSizeError("not a PNG image (no PNG header)")
    width, height = struct.unpack(">II", head[16:24])
    if not width or not height:
        raise ImageSizeError("the PNG header gives a size of zero")
    return float(width), float(height), "its PNG header"


def _svg_size(path: Path) -> tuple[float, float, str]:
    try:
        _event, root = next(ET.iterparse(path, events=("start",)))  # the <svg> element only
    except (ET.ParseError, StopIteration) as exc:
        raise ImageSizeError(f"not a readable SVG image ({exc})") from None
    if root.tag.rpartition("}")[2] != "svg":
        raise ImageSizeError("not an SVG image (its first element is not <svg>)")
    box = root.get("viewBox")
    if box is not None:
        parts = box.replace(",", " ").split()
        try:
            width, height = float(parts[2]), float(parts[3])
        except (IndexError, ValueError):
            raise ImageSizeError(f"its viewBox {box!r} is not four numbers") from None
        if width <= 0 or height <= 0:
            raise ImageSizeError(f"its viewBox {box!r} has no area")
        return width, height, "its SVG viewBox"
    sizes = [_LENGTH.match(root.get(name) or "") for name in ("width", "height")]
    if sizes[0] is None or sizes[1] is None:
        raise ImageSizeError("the SVG gives no size in user units: give it a viewBox "
                             "(or width and height in px)")
    return float(sizes[0].group(1)), float(sizes[1].group(1)), "its SVG width and height"
