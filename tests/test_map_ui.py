"""The Map page, small plans on detail pages and "You are here", as a visitor uses them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QListView

from guide.app import Guide, build_window
from guide.content.build import build_content_db
from guide.content.maps import Position
from guide.kiosk.config import KioskConfig
from guide.kiosk.controller import install_kiosk
from guide.ui import theme
from guide.ui.history import Location
from guide.ui.map_view import PlanView
from guide.ui.theme import contrast_ratio as ratio
from guide.ui.views.detail import DetailPage
from guide.ui.views.map import MapPage
from tests.conftest import run_guide
from tests.support import shown_guide

MAP_PACK = Path(__file__).parent / "fixtures" / "map_pack"


@pytest.fixture(scope="session")
def map_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_content_db(MAP_PACK, tmp_path_factory.mktemp("maps") / "content.db").path


@pytest.fixture
def guide(qtbot, map_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, map_db, lang="en") as g:
        yield g


def _sections(g: Guide) -> list[str]:
    model = g.window.nav_model
    return [model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def _point_of(view: PlanView, region_id: str) -> QPoint:
    """Where on screen the middle of a region is drawn."""
    region = view.plan.region(region_id)
    assert region is not None
    xs, ys = [p[0] for p in region.points], [p[1] for p in region.points]
    return view.mapFromScene(QPointF(sum(xs) / len(xs), sum(ys) / len(ys)))


def _map_page(g: Guide) -> MapPage:
    page = g.window.page("map")
    assert isinstance(page, MapPage)
    return page


def test_the_map_section_appears_only_with_plans(guide: Guide, qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert "map" in _sections(guide)
    nav = guide.window.findChild(QListView, "navigation")
    row = _sections(guide).index("map")
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=nav.visualRect(nav.model().index(row, 0)).center())
    assert guide.window.stack.currentWidget() is _map_page(guide)
    with shown_guide(qtbot, real_db, lang="en") as bundled:
        assert "map" not in _sections(bundled)


def test_clicking_a_region_opens_its_room(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    guide.window.go(Location("map"))
    view = _map_page(guide).view
    assert view is not None
    qtbot.mouseMove(view.viewport(), _point_of(view, "hall-b"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_point_of(view, "hall-b"))
    assert guide.window.current_location() == Location.item("room", "hall-b")
    assert isinstance(guide.window.stack.currentWidget(), DetailPage)
    assert guide.window.detail.title.text() == "Hall B"


def test_hovering_a_region_highlights_it(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    guide.window.go(Location("map"))
    view = _map_page(guide).view
    assert view is not None
    plain = view.shapes["expo"].brush().color().alpha()
    qtbot.mouseMove(view.viewport(), _point_of(view, "expo"))
    assert view.hovered is not None and view.hovered.id == "expo"
    assert view.shapes["expo"].brush().color().alpha() > plain
    assert view.toolTip() == "Exhibition area"


def test_detail_pages_show_their_region_and_open_the_map_there(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    for kind, item_id, region in (("area", "expo-hall", "expo"), ("room", "hall-a", "hall-a"),
                                  ("forum", "opening-talk", "hall-a")):  # a session: its room
        assert guide.window.go(Location.item(kind, item_id))
        small = guide.window.detail.place.plan_view()
        assert small is not None and small.isVisible(), kind
        assert small.selected is not None and small.selected.id == region
    qtbot.mouseClick(small.viewport(), Qt.MouseButton.LeftButton, pos=small.viewport().rect().center())
    page = _map_page(guide)
    assert guide.window.stack.currentWidget() is page
    assert page.view is not None and page.view.selected is not None
    assert page.view.selected.id == "hall-a"


def test_a_room_without_region_says_where_to_ask(guide: Guide) -> None:
    assert guide.window.go(Location.item("room", "studio"))
    place = guide.window.detail.place
    assert place.plan_view() is None and place.isVisible()
    assert place.note.text() == "Ask at the information desk for directions."


def test_bundled_areas_say_where_to_ask(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, lang="zh") as g:
        assert g.window.go(Location.item("area", "metaverse-area"))
        assert g.window.detail.place.note.text() == "请到服务台问路。"
        # A technology field is a topic on show, not a place: no directions to it.
        assert g.window.go(Location.item("area", "artificial-intelligence"))
        assert not g.window.detail.place.isVisibleTo(g.window)
        assert g.window.go(Location.item("area", "zgc-forum-expo"))
        assert g.window.detail.place.isVisibleTo(g.window)


def test_you_are_here_from_the_kiosk_config(qtbot, map_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    g = build_window(map_db, lang="zh")
    qtbot.addWidget(g.window)
    # At 100% text: the kiosk sizes the app font, shared by the tests that follow.
    config = KioskConfig(position=Position("ground-floor", 500, 340), text_scale=1.0)
    kiosk = install_kiosk(g, config, size=(1280, 800), log_file=tmp_path / "kiosk.log")
    try:
        g.window.go(Location("map"))
        view = _map_page(g).view
        assert view is not None and view.here_text() == "您在这里"
        marker = view.marker[0]
        assert (marker.pos().x(), marker.pos().y()) == (500, 340)
        # The words a visitor looks for: larger than the page's text, white on the dot's red
        # (dark red on white at body size had been lost among the halls' names).
        words = view.marker[1]
        assert words.font().pointSizeF() >= 1.25 * theme.font("body", 1.0).pointSizeF()
        backing = words.childItems()[0]
        assert ratio(words.brush().color().rgb(), backing.brush().color().rgb()) >= 4.5
        g.ctx.state.set_language("en")
        assert _map_page(g).view.here_text() == "You are here"  # type: ignore[union-attr]
        g.window.go(Location.item("area", "expo-hall"))
        small = g.window.detail.place.plan_view()
        assert small is not None and small.here_text() == "You are here"
    finally:
        kiosk.shutdown()
        g.close()


def test_no_marker_without_a_position_or_on_another_map(guide: Guide) -> None:
    guide.window.go(Location("map"))
    assert _map_page(guide).view.here_text() is None  # type: ignore[union-attr]
    guide.ctx.here = Position("upper-floor", 10, 10)
    _map_page(guide).retranslate()
    assert _map_page(guide).view.here_text() is None  # type: ignore[union-attr]


def test_keys_move_a_ring_between_regions_and_enter_opens_one(qtbot, map_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, map_db, lang="en", exposed=True) as g:
        g.window.go(Location("map"))
        view = _map_page(g).view
        assert view is not None
        view.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(view.hasFocus)

        def ring() -> list[str]:  # the regions drawn with the dashed focus ring
            return [r for r, shape in view.shapes.items() if shape.pen().style() == Qt.PenStyle.DashLine]

        assert view.focused is not None and view.focused.id == "hall-a" and ring() == ["hall-a"]
        assert view.accessibleDescription() == "Hall A. Enter opens it."
        for key, expected in ((Qt.Key.Key_Right, "hall-b"), (Qt.Key.Key_Down, "expo"),
                              (Qt.Key.Key_Up, "hall-a"), (Qt.Key.Key_Left, "hall-a"),
                              (Qt.Key.Key_Tab, "hall-b"), (Qt.Key.Key_Tab, "expo")):
            qtbot.keyClick(view, key)
            assert view.focused is not None and view.focused.id == expected, key
            assert ring() == [expected]
        assert view.accessibleDescription() == "Exhibition area. Enter opens it."
        qtbot.keyClick(view, Qt.Key.Key_Tab)  # past the last region: on to the next control
        assert not view.hasFocus() and ring() == []
        view.setFocus(Qt.FocusReason.BacktabFocusReason)  # back in from behind: the last region
        qtbot.waitUntil(view.hasFocus)
        assert view.focused is not None and view.focused.id == "expo"
        qtbot.keyClick(view, Qt.Key.Key_Return)
        assert g.window.current_location() == Location.item("area", "expo-hall")


def test_kiosk_screenshot_of_the_map_shows_you_are_here(map_db: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from guide.ui.map_view import HERE_COLOUR

    config = tmp_path / "kiosk.toml"
    config.write_text('[position]\nmap = "ground-floor"\nx = 500\ny = 340\n', encoding="utf-8")
    marked = QColor(HERE_COLOUR).rgb()

    def marker_pixels(*options: str) -> int:
        out = tmp_path / "map.png"
        done = run_guide("kiosk", "screenshot", "map", "--out", str(out), "--size", "960x600",
                         "--content-db", str(map_db), "--lang", "zh", *options)
        assert done.returncode == 0, done.stderr
        image = QImage(str(out))
        assert (image.width(), image.height()) == (960, 600)
        return sum(image.pixel(x, y) == marked for x in range(0, 960, 2) for y in range(0, 600, 2))

    assert marker_pixels("--kiosk-config", str(config)) > 40  # the dot and its words
    assert marker_pixels() == 0  # no position: no marker


def test_the_layout_check_covers_the_map_page(map_db: Path) -> None:
    import os

    from guide.content.database import open_content_db
    from guide.layout_matrix import all_pages

    conn = open_content_db(map_db)
    pages = all_pages(conn)
    conn.close()
    assert "map" in pages and "rooms" in pages
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for options in (["--size", "1024x640", "--text-scale", "2", "--theme", "high-contrast",
                     "--lang", "zh"],  # every page by default, the Map among them
                    ["--page", "map"]):  # the Map over the whole matrix
        done = run_guide("check", "--layout", "--content-db", str(map_db), "--now",
                         "2025-12-27T10:30", *options, timeout=600, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        renders = len(pages) if options[0] == "--size" else 24
        assert f"layout: {renders} page renders checked" in done.stdout


def test_the_places_to_tap_are_listed_as_each_language_lists(guide: Guide) -> None:
    # In Chinese the hint read "A厅, B厅, 展区": English commas in a Chinese sentence.
    guide.window.go(Location("map"))
    page = _map_page(guide)
    assert page.subtitle.text().endswith("Hall A, Hall B and Exhibition area")
    guide.ctx.state.set_language("zh")
    assert page.subtitle.text().endswith("A厅、B厅、展区")


def test_the_toolbar_keeps_its_height_when_the_map_opens(qtbot, map_db: Path) -> None:  # type: ignore[no-untyped-def]
    # The map page asks for more height than the window has: the toolbar gave up 3 px at
    # 1280x800 (7 px at 200% on 1024x640), and the whole header jumped when the map opened.
    for size, scale in (((1280, 800), 1.0), ((1024, 640), 2.0)):
        with shown_guide(qtbot, map_db, lang="zh", size=size) as g:
            try:
                g.ctx.state.set_text_scale(scale)
                g.window.resize(*size)
                qtbot.wait(20)
                toolbar = g.window.toolbar
                before = toolbar.height()
                assert before == toolbar.sizeHint().height()
                for page in ("map", "exhibition", "map"):
                    g.window.go(Location(page))
                    qtbot.wait(20)
                    assert toolbar.height() == before, (size, scale, page)
            finally:
                g.ctx.state.set_text_scale(1.0)
