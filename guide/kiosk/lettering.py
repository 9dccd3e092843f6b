"""How large the kiosk's own overlays letter: by the screen, and by the visitor's text size (no Qt).

The keyboard, the countdown card and the PIN pad are laid out by the screen's size, designed
at the kiosk's own text size. A visitor who picks a larger one (200% for low vision) gets
their lettering larger by as much, as far as the screen has room for it.
"""

from __future__ import annotations

KEY_MIN = 48  # pixels: the smallest key a finger hits reliably
KEY_ROWS = 5  # digits, three rows of letters, then clear, space and done
KEY_GAP = 8  # pixels between keys
KEY_PAD = 12  # pixels above and below the keys


def screen_unit(width: int, height: int) -> float:
    """The overlays' sizes are designed for 1920x1080 (1500 pixels wide at most): this
    screen's share of that."""
    return min(height / 1080, width / 1500)


def lettering_scale(text_scale: float, kiosk_scale: float) -> float:
    """How much larger than designed the overlays letter: as much as the visitor's text size
    is above the kiosk's own (never smaller: a smaller text size is for the pages' lines)."""
    return max(1.0, text_scale / kiosk_scale) if kiosk_scale > 0 else 1.0


def scales_to_try(scale: float, step: float = 0.1) -> list[float]:
    """``scale``, then smaller by ``step`` down to 1: the first at which a card fits is used."""
    tries = [scale]
    while tries[-1] - step > 1.0:
        tries.append(round(tries[-1] - step, 6))
    if tries[-1] > 1.0:
        tries.append(1.0)
    return tries


def keyboard_height(width: int, height: int, scale: float = 1.0) -> int:
    """The on-screen keyboard's height in a ``width`` x ``height`` window.

    About 400 pixels at 1920x1080, in proportion on a smaller screen, taller with a larger
    text size, up to half the screen. Keys are at least :data:`KEY_MIN`, and 64 pixels where
    that takes at most two fifths of the screen (a portrait one). At 1366x768, 64-pixel keys
    took half the screen and left one search result in sight above them.
    """
    chrome = (KEY_ROWS - 1) * KEY_GAP + 2 * KEY_PAD
    tall_keys = KEY_ROWS * 64 + chrome
    fits = tall_keys if tall_keys <= height * 2 // 5 else KEY_ROWS * KEY_MIN + chrome
    return max(fits, min(height // 2, int(400 * screen_unit(width, height) * scale)))


def key_height(keyboard: int) -> int:
    """The height of one key in a keyboard ``keyboard`` pixels tall."""
    return (keyboard - (KEY_ROWS - 1) * KEY_GAP - 2 * KEY_PAD) // KEY_ROWS
