"""The kiosk's own overlays (on-screen keyboard, "Are you still there?", the PIN pad) follow
the visitor's theme and text size, within the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget

from guide.kiosk.controller import KioskController
from guide.kiosk.lettering import keyboard_height, lettering_scale, scales_to_try
from guide.ui import theme
from tests.support import kiosk_at

HC = theme.HIGH_CONTRAST


def colour_at(widget: QWidget, point: QPoint) -> str:
    """The colour ``widget`` paints at ``point`` (its own coordinates), as #rrggbb."""
    image = widget.window().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return QColor(image.pixel(widget.mapTo(widget.window(), point))).name()


def inside(window: QWidget, widget: QWidget) -> bool:
    return window.rect().contains(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


def open_keyboard(k: KioskController) -> None:
    QTest.mouseClick(k.window.search_box, Qt.MouseButton.LeftButton)
    assert k.keyboard.isVisible()


def test_lettering_grows_with_the_visitors_text_size_only() -> None:
    assert lettering_scale(1.35, 1.35) == 1.0
    assert lettering_scale(1.0, 1.35) == 1.0  # never smaller than designed
    assert lettering_scale(2.0, 1.35) == pytest.approx(2.0 / 1.35)
    assert scales_to_try(1.0) == [1.0]
    assert scales_to_try(1.25) == [1.25, 1.15, 1.05, 1.0]
    # Designed sizes stay as they were at the kiosk's own text size; a short screen's keyboard
    # has 48-pixel keys (1366x768 gave half the screen to 64-pixel ones), a portrait
    # one has 64-pixel keys, a tall one grows to half of it at most.
    assert [keyboard_height(1920, 1080), keyboard_height(1024, 640), keyboard_height(1280, 800),
            keyboard_height(1366, 768), keyboard_height(1080, 1920)] == [400, 296, 296, 296, 376]
    assert keyboard_height(1024, 640, 2 / 1.35) == 320
    assert keyboard_height(1920, 1080, 2 / 1.35) == 540


@pytest.mark.parametrize(("size", "lang"), [((1920, 1080), "zh"), ((1024, 640), "en"),
                                            ((1080, 1920), "en")])
def test_the_keyboard_takes_high_contrast_and_a_larger_text_size(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, size: tuple[int, int], lang: str) -> None:
    """A visitor who chose 200% and high contrast got a white keyboard with light blue keys
    and the lettering of 135%."""
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang=lang, size=size) as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)
        open_keyboard(k)
        designed = k.keyboard.keys["a"].font().pixelSize()
        k.ctx.state.set_palette(HC.name)
        k.ctx.state.set_text_scale(2.0)
        qtbot.wait(50)
        keyboard, key = k.keyboard, k.keyboard.keys["a"]
        assert colour_at(keyboard, QPoint(4, keyboard.height() - 4)) == HC.surface
        assert colour_at(key, QPoint(key.width() // 2, 6)) == HC.selection
        assert colour_at(k.keyboard.done, QPoint(k.keyboard.done.width() // 2, 6)) == HC.primary
        assert key.font().pixelSize() > designed
        for button in keyboard.findChildren(QAbstractButton):  # within the screen, finger-sized
            assert inside(k.window, button), button.objectName()
            assert min(button.width(), button.height()) >= 48, button.objectName()
            room = button.height() - 12  # its padding and border
            assert button.fontMetrics().height() <= room, button.objectName()
        assert (k.window.width(), k.window.height()) == size
        k.ctx.state.set_palette("standard")  # and back
        assert colour_at(keyboard, QPoint(4, keyboard.height() - 4)) == theme.STANDARD.surface


@pytest.mark.parametrize(("size", "lang"), [((1920, 1080), "en"), ((1024, 640), "zh")])
def test_countdown_and_pin_pad_take_high_contrast_and_a_larger_text_size(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, size: tuple[int, int], lang: str) -> None:
    """They were white cards lettered for the screen alone, whatever the visitor had chosen."""
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang=lang, size=size) as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)
        k.countdown.present()
        designed = (k.countdown.hint.font().pixelSize(), k.countdown.note.font().pixelSize())
        k.countdown.hide()
        k.ctx.state.set_palette(HC.name)
        k.ctx.state.set_text_scale(2.0)
        for overlay in (k.countdown, k.pin_pad):
            overlay.present()
            qtbot.wait(20)
            card = overlay.card
            assert colour_at(card, QPoint(card.width() // 2, 8)) == HC.surface, overlay.objectName()
            assert inside(k.window, card), (overlay.objectName(), card.geometry())
            for button in card.findChildren(QAbstractButton):
                assert inside(k.window, button), button.objectName()
            # The heading in the theme's primary colour, as designed; a rule for every label of
            # the card had won over it, so it stayed in the text colour.
            heading = overlay.heading.palette().color(overlay.heading.foregroundRole()).name()
            assert heading == HC.primary != HC.text, overlay.objectName()
            overlay.hide()
        grown = (k.countdown.hint.font().pixelSize(), k.countdown.note.font().pixelSize())
        assert grown[0] > designed[0] and grown[1] > designed[1], (designed, grown)
