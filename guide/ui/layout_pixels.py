"""Contrast measured on rendered pixels, for the layout checker: what ink a region of a
window's image shows against what background (WCAG's ratio of their luminances)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from guide.ui.theme import contrast_ratio as ratio
from guide.ui.theme import luminance

# Ink pixels that must reach a contrast before it counts: one stray anti-aliased pixel
# must not pass a faint text, nor fail a crisp one.
MIN_INK = 3


def colours(image: QImage, rect: QRect) -> Counter[int]:
    """How often each colour occurs inside ``rect`` of an RGB32 image."""
    rect = rect.intersected(image.rect())
    counts: Counter[int] = Counter()
    if rect.isEmpty():
        return counts
    bits = image.constBits()
    line = image.bytesPerLine()
    view = memoryview(bits).cast("B")
    for y in range(rect.top(), rect.bottom() + 1):
        start = y * line + rect.left() * 4
        row = view[start:start + rect.width() * 4].cast("I")
        counts.update(row)
    return Counter({k & 0xFFFFFF: v for k, v in counts.items()})


def measured_contrast(image: QImage, rect: QRect) -> tuple[float, int, int] | None:
    """(ratio, ink, background) of the strongest ink that covers at least MIN_INK pixels."""
    counts = colours(image, rect)
    if len(counts) < 2:
        return None
    background = counts.most_common(1)[0][0]
    seen = 0
    for colour, n in sorted(((c, n) for c, n in counts.items() if c != background),
                            key=lambda cn: -ratio(cn[0], background)):
        seen += n
        if seen >= MIN_INK:
            return ratio(colour, background), colour, background
    return None


def icon_contrast(image: QImage, rect: QRect) -> tuple[float, int, int] | None:
    """(ratio, ink, background) of an icon painted in ``rect`` against what surrounds it.

    An icon covers little of its box, so the most common colour there may be its own ink,
    and a corner of a card or picture may lend it a contrast it does not have. Its
    background is what lies along the edge of its box (the median by lightness: a picture
    or gradient varies); its ink is the strongest colour well inside the box.
    """
    rect = rect.intersected(image.rect())
    if rect.width() < 6 or rect.height() < 6:
        return None
    edge: list[int] = []
    for line in (QRect(rect.left(), rect.top(), rect.width(), 1),
                 QRect(rect.left(), rect.bottom(), rect.width(), 1),
                 QRect(rect.left(), rect.top() + 1, 1, rect.height() - 2),
                 QRect(rect.right(), rect.top() + 1, 1, rect.height() - 2)):
        for colour, n in colours(image, line).items():
            edge += [colour] * n
    edge.sort(key=luminance)
    background = edge[len(edge) // 2]
    inset = max(2, min(rect.width(), rect.height()) // 6)
    inner = colours(image, rect.adjusted(inset, inset, -inset, -inset))
    seen = 0
    for colour, n in sorted(inner.items(), key=lambda cn: -ratio(cn[0], background)):
        seen += n
        if seen >= MIN_INK:
            return ratio(colour, background), colour, background
    return None
