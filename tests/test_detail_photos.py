"""A detail page's photos show whole: every card, caption and credit inside the grid."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QListView

from guide.app import build_window
from guide.screenshot import open_page, settle
from guide.ui import layout_probe as probe
from guide.ui.layout_check import check_window


@pytest.mark.parametrize(("page", "lang", "size", "scale"), [
    ("area/metaverse-area", "zh", (1920, 1080), 1.35),
    ("area/metaverse-area", "en", (1920, 1080), 1.35),
    ("area/metaverse-area", "zh", (1080, 1920), 1.0),
    ("announcement/expo-photo-story", "zh", (1920, 2400), 1.0),
])
def test_every_photo_card_and_its_credit_lie_inside_the_grid(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, page: str, lang: str, size: tuple[int, int], scale: float) -> None:
    """The grid was fitted once, to its first card at the width it had while the page was
    filled: the caption, the credit line or half the third photo lay below its foot, and
    the page had nothing more to scroll to."""
    guide = build_window(real_db, now="2023-05-29T10:00", lang=lang, remember=False)
    qtbot.addWidget(guide.window)
    guide.ctx.state.set_text_scale(scale)
    guide.window.resize(*size)
    guide.window.show()
    settle(guide, 0.5)
    open_page(guide, page)
    settle(guide, 1.0)
    grid = guide.window.detail.findChild(QListView, "detailPhotos")
    port = grid.viewport()
    assert grid.isVisible() and grid.model().rowCount() >= 1
    for row in range(grid.model().rowCount()):
        card = grid.visualRect(grid.model().index(row, 0))
        assert port.rect().contains(card), (row, card, port.rect())
    with probe.recording() as marks:
        guide.window.grab()
    lines = [m for m in marks if m.widget is port and m.text and not m.icon]
    credits = [m.text for m in lines]
    assert any("李洋" in t or "Li Yang" in t for t in credits), credits  # the credit was painted
    for m in lines:
        assert port.rect().contains(m.rect), (m.text, m.rect, port.rect())
    # and the checker, which had reported nothing, finds nothing wrong now
    assert not [p for p in check_window(guide.window, size) if "detailPhotos" in p.where]
    guide.close()
