"""What a long-running window (a kiosk for a week) must not pile up as visitors read on.

The kiosk soak (benchmarks/bench_kiosk_soak.py) drives the window with ``processEvents``
and no running event loop, as these tests do: objects left to ``deleteLater`` would stay.
"""

from __future__ import annotations

import gc
from pathlib import Path

import shiboken6
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QImage, QPainter
from PySide6.QtWidgets import QApplication

from guide.app import ensure_app
from guide.content import queries
from guide.ui import theme
from guide.ui.accessible import LinkSpot
from guide.ui.history import Location
from guide.ui.views.detail import DetailPage
from tests.support import shown_guide


def test_a_screen_reader_finds_the_links_of_the_page_shown_not_of_pages_read_before(
        qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, lang="zh") as g:
        window, app = g.window, QApplication.instance()
        forums = queries.item_ids(g.ctx.content, "forum")
        people = queries.item_ids(g.ctx.content, "person")
        for n in range(30):  # long and short pages in turn, both languages, zoomed
            window.go(Location.item("forum", forums[n % len(forums)]))
            window.go(Location.item("person", people[n % len(people)]))
            if n % 5 == 0:
                window.toggle_language()
            if n % 7 == 0:
                window.detail.zoom(1)
            app.processEvents()
        window.go(Location.item("forum", forums[0]))
        app.processEvents()
        body = window.detail.body
        links = [(href, text.strip()) for href, text, _s, _e in window.detail.link_spots.links()]
        spots = body.viewport().findChildren(LinkSpot)
        assert len(links) > 2
        assert sorted((s.href, s.accessibleName()) for s in spots) == sorted(links)
        assert all(s.isVisible() for s in spots)
        del spots, body
        window.rebuild_pages()  # between kiosk visitors: the pages read go, and all they hold
        app.processEvents()
        gc.collect()
        assert not [o for o in gc.get_objects() if isinstance(o, DetailPage) and shiboken6.isValid(o)]


def test_the_bundled_font_is_mapped_once_however_many_faces_are_opened(qtbot) -> None:  # type: ignore[no-untyped-def]
    # Qt's FreeType backend opens a fresh face of a font now and then (a soak of 3,000 kiosk
    # actions had six), and a face of a font file maps the whole file again: resident memory
    # grew by about 4 MB a face. Every face reads the one map of the resource file instead
    # (not a copy of the face in memory either: only the pages text is drawn from are read).
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
    if maps.exists():  # Linux: one map of the font's file, shared by every face
        assert maps.read_text(encoding="utf-8").count(theme.FONT_FILE) == 1
