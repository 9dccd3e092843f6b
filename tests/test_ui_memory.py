"""What a long-running window (a kiosk for a week) must not pile up as visitors read on.

The kiosk soak (benchmarks/bench_kiosk_soak.py) drives the window with ``processEvents``
and no running event loop, as these tests do: objects left to ``deleteLater`` would stay.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QImage, QPainter

from guide.app import ensure_app
from guide.ui import theme


def test_the_bundled_font_is_held_once_in_memory_however_many_faces_are_opened(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Qt's FreeType backend opens a fresh face of a font now and then (a soak of 3,000 kiosk
    # actions had six), and a face of a font file maps the whole 5 MB file again: resident
    # memory grew by about 4 MB a face. Loaded from memory, every face shares one copy.
    ensure_app()
    family = "WenQuanYi Micro Hei"
    assert family in QFontDatabase.families()
    image = QImage(600, 120, QImage.Format.Format_ARGB32)
    for size in (9, 11, 13.75, 16.5, 22, 30):
        for bold in (False, True):
            font = QFont(family)
            font.setPointSizeF(size)
            font.setBold(bold)
            painter = QPainter(image)
            painter.setFont(font)
            painter.drawText(10, 80, "中关村论坛 Zhongguancun Forum")
            painter.end()
            assert QFontInfo(font).family() == family
    maps = Path("/proc/self/maps")
    if maps.exists():  # Linux: no mapping of the font file at all
        assert theme.FONT_FILE not in maps.read_text(encoding="utf-8")
