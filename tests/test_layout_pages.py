"""`guide check --layout` passes on the bundled content (what CI can afford of the matrix).

CI runs every section page (and a search with and without hits) at every window size,
text size, theme and language, and every item's detail page at the harshest point of
the matrix (1024x640, 200% text, high contrast, Chinese).
The whole matrix (every page at every point) is `benchmarks/bench_layout.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide.content.database import open_content_db
from guide.layout_matrix import SECTIONS, all_pages
from tests.conftest import run_guide


def check(real_db: Path, *options: str, now: str = "2023-05-29T10:00") -> tuple[int, str]:
    """Run the command as a content author would; (exit code, its report)."""
    result = run_guide("check", "--layout", "--content-db", str(real_db), "--now",
                       now, *options, timeout=600,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = [line for line in (result.stdout + result.stderr).splitlines()
             if " | " in line or line.startswith(("layout:", "Traceback", "error"))]
    return result.returncode, "\n".join(lines)


def test_every_section_passes_at_every_size_text_size_theme_and_language(real_db: Path) -> None:
    pages = [arg for page in SECTIONS for arg in ("--page", page)]
    code, report = check(real_db, *pages)
    assert code == 0, report
    assert f"{len(SECTIONS) * 24} page renders checked over 24 configurations, 0 problems" in report


def test_home_on_the_eve_passes_everywhere(real_db: Path) -> None:
    """The day before the forums, Home lists the next day's in a narrow column: the opening
    ceremony's six-line English title was cut at four with the top of a fifth showing."""
    code, report = check(real_db, "--page", "home", now="2023-05-26T08:00")
    assert code == 0, report
    assert "24 page renders checked over 24 configurations, 0 problems" in report


def test_the_forums_opening_day_passes_everywhere(real_db: Path) -> None:
    """On 27 May the list opens with the opening ceremony: at 200% text on 1024x640 its
    English name, beside the "Time not announced" column, was cut at eight lines."""
    code, report = check(real_db, "--page", "forums", now="2023-05-27T08:00")
    assert code == 0, report
    assert "24 page renders checked over 24 configurations, 0 problems" in report


def test_every_detail_page_passes_at_the_edges(real_db: Path) -> None:
    total = len(all_pages(open_content_db(real_db)))  # sections, searches and every item
    code, report = check(real_db, "--size", "1024x640", "--text-scale", "2",
                         "--theme", "high-contrast", "--lang", "zh")
    assert code == 0, report
    assert f"{total} page renders checked over 1 configurations, 0 problems" in report


def test_bookmark_stars_and_picture_icons_read_in_every_theme_and_state(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path) -> None:
    """Stars lie on pictures (or their light placeholders): set and unset, on a selected
    and focused card, in both themes, every icon keeps 3:1 against what is around it."""
    from PySide6.QtWidgets import QListView

    from guide.app import build_window
    from guide.ui.history import Location
    from guide.ui.layout_check import check_window
    from guide.ui.models.lazy import IdRole, KindRole

    guide = build_window(real_db, now="2023-05-29T10:00", lang="en", remember=False)
    qtbot.addWidget(guide.window)
    guide.window.resize(1280, 800)
    guide.window.show()
    try:
        for theme_name in ("high-contrast", "standard"):
            guide.ctx.state.set_palette(theme_name)
            for page, grid in (("exhibition", "areaGrid"), ("photos", "photoGrid")):
                guide.window.go(Location(page))
                view = guide.window.page(page).findChild(QListView, grid)
                first = view.model().index(0, 0)
                if not guide.ctx.bookmarks.is_bookmarked(first.data(KindRole), first.data(IdRole)):
                    guide.ctx.bookmarks.toggle(first.data(KindRole), first.data(IdRole))  # set
                view.setFocus()
                view.setCurrentIndex(view.model().index(1, 0))  # selected, focused, unset
                qtbot.wait(50)
                problems = [str(p) for p in check_window(guide.window, (1280, 800))]
                assert problems == [], (theme_name, page, problems)
                assert guide.ctx.bookmarks.is_bookmarked(first.data(KindRole), first.data(IdRole))
    finally:
        guide.images.shutdown()
        guide.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_figure_charts_show_their_whole_titles_at_200_percent_in_a_small_window(
        qtbot, real_db: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    # "Value of technology contracts nationwide" was cut to "Value of technology contracts
    # nation…" at 200% text in a 1024x640 window: the chart's title now wraps.
    from guide.app import build_window
    from guide.ui import layout_probe as probe
    from guide.ui.history import Location
    from guide.ui.layout_check import check_window
    from guide.ui.views.figures import BarChart

    guide = build_window(real_db, now="2023-05-29T10:00", lang=lang, remember=False)
    qtbot.addWidget(guide.window)
    guide.ctx.state.set_text_scale(2.0)
    guide.window.resize(1024, 640)
    guide.window.show()
    try:
        guide.window.go(Location("figures"))
        qtbot.wait(50)
        charts = guide.window.findChildren(BarChart)
        assert len(charts) == 2
        with probe.recording() as marks:
            for chart in charts:
                chart.grab()
        drawn = {m.text: m for m in marks}
        for chart in charts:
            mark = drawn[chart.title()]  # the whole title, drawn as one text
            assert not mark.cut and chart.rect().contains(mark.rect), chart.title()
        assert [str(p) for p in check_window(guide.window, (1024, 640))] == []
    finally:
        guide.ctx.state.set_text_scale(1.0)  # the application's font is shared by later tests
        guide.images.shutdown()
        guide.close()


@pytest.mark.parametrize(("lang", "size"), [("en", (1024, 6000)), ("zh", (1024, 6000)),
                                          ("en", (1080, 6000))])
def test_every_key_figure_shows_its_whole_number_and_a_star_at_200_percent(
        qtbot, real_db: Path, lang: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    # The number's column was a third of the card less a star's room it did not use:
    # "4.78 trillion y…", "more than 1,6…" at 200% text. Every row now has its star, as the
    # figure's page has its Bookmark button, and no text runs under it.
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QListView

    from guide.app import build_window
    from guide.screenshot import settle
    from guide.ui import layout_probe as probe
    from guide.ui.history import Location
    from guide.ui.layout_check import check_window, visible_rect

    guide = build_window(real_db, now="2023-05-29T10:00", lang=lang, remember=False)
    qtbot.addWidget(guide.window)
    guide.ctx.state.set_text_scale(2.0)
    guide.window.resize(*size)
    guide.window.show()
    try:
        for page, name in (("figures", "figureList"), ("home", "keyFigures")):
            guide.window.go(Location(page))
            settle(guide, 0.3)
            view = guide.window.findChild(QListView, name)
            port = view.viewport()
            with probe.recording() as marks:
                guide.window.grab()
            shown = [m for m in marks if m.widget is port]
            texts = [m for m in shown if not m.icon and m.essential]
            assert texts and not [m.text for m in texts if m.cut], page
            clip = visible_rect(port, guide.window).translated(-port.mapTo(guide.window, QPoint(0, 0)))
            seen = [r for r in range(view.model().rowCount())  # the cards on screen, whole
                    if clip.contains(view.visualRect(view.model().index(r, 0)))]
            assert len([m for m in shown if m.icon and m.text == "star"]) >= len(seen) > 0, page
            problems = [str(p) for p in check_window(guide.window, size) if name in p.where]
            assert problems == [], page
    finally:
        guide.ctx.state.set_text_scale(1.0)  # the application's font is shared by later tests
        guide.images.shutdown()
        guide.close()


def test_the_window_icon_keeps_its_own_colours_in_high_contrast(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The window icon is drawn by the engine that recolours every other icon to the theme:
    # its blue must not turn high contrast's yellow (the icon names the app, not a control).
    from guide.app import ensure_app
    from guide.ui import theme

    app = ensure_app()
    images = {}
    try:
        for palette in (theme.STANDARD, theme.HIGH_CONTRAST):
            theme.apply(app, palette)
            images[palette.name] = theme.app_icon().pixmap(64, 64).toImage()
    finally:
        theme.apply(app, theme.STANDARD)
    corner = images["high-contrast"].pixelColor(14, 14)  # the gradient's blue end
    assert corner.blue() > 120 and corner.red() < 60, corner.name()
    assert images["high-contrast"] == images["standard"]


def test_every_section_passes_on_a_portrait_kiosk_at_200_percent(real_db: Path) -> None:
    """A portrait screen sets the section names under their icons at 200%; none of the
    default sizes is portrait, so the checker had never looked at that layout."""
    pages = [arg for page in SECTIONS for arg in ("--page", page)]
    code, report = check(real_db, "--size", "1080x1920", "--text-scale", "2", *pages)
    assert code == 0, report
    assert f"{len(SECTIONS) * 4} page renders checked over 4 configurations, 0 problems" in report
