"""``guide screenshot PAGE --out FILE.png``: render a page offscreen, as a user would see it."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from guide.app import Guide, build_window
from guide.ui.history import Location


def settle(guide: Guide, seconds: float = 3.0) -> None:
    """Let layouts, the image worker and queued signals finish before grabbing."""
    app = QApplication.instance()
    deadline = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[union-attr]
        rounds += 1
        if rounds > 5 and guide.images.pending() == 0:
            break
        time.sleep(0.01)
    app.processEvents()  # type: ignore[union-attr]


def open_page(guide: Guide, page: str) -> None:
    """Navigate to PAGE: a section name, ``search:QUERY`` or ``KIND/ID``; ValueError if none."""
    if page.startswith("search:"):
        guide.window.show_search(page[len("search:"):])
        return
    if page == "map" or page.startswith("map:"):
        map_id, _, region_id = page.partition(":")[2].partition("/")
        plans = guide.window.page("map")
        ids = [p.id for p in getattr(plans, "plans", [])]
        if not ids or not guide.window.show_map(map_id or ids[0], region_id):
            raise ValueError(f"no such page: {page} (the content's maps: {', '.join(ids) or 'none'})")
        return
    if page == "timetable" or page.startswith("timetable:"):
        open_timetable(guide, page.partition(":")[2])
        return
    location = Location.parse(page)
    if not guide.window.go(location):
        raise ValueError(f"no such page: {page}")


def open_timetable(guide: Guide, day_text: str) -> None:
    """The Forums page as a timetable of ``day_text`` (YYYY-MM-DD; default its busiest day)."""
    import datetime as dt

    from guide.content.timetable import busiest_day
    from guide.ui.views.forums import ForumsPage

    try:
        day = dt.date.fromisoformat(day_text) if day_text else busiest_day(guide.ctx.content)
    except ValueError:
        raise ValueError(f"timetable:{day_text}: not a date (YYYY-MM-DD)") from None
    guide.window.go(Location("forums"))
    page = guide.window.page("forums")
    if not isinstance(page, ForumsPage):
        raise ValueError("the Forums page is not the guide's own")
    if day is not None:
        page.select_day(day)
    if day is None or page.current_day() != day:
        raise ValueError(f"no such page: timetable:{day_text} (not a day of the programme)")
    page.show_grid()


def take_screenshot(page: str, out: Path, *, size: str = "1280x800", content_db: Path | None = None,
                    now: str | None = None, lang: str | None = None, user_db: Path | None = None,
                    theme_name: str | None = None, text_scale: float | None = None,
                    kiosk_config: Path | None = None, problems: list[str] | None = None) -> Path:
    """Render ``page`` at ``size`` and save it as PNG (display choices are not remembered).

    With a ``problems`` list, the layout checker's findings are appended to it. Raises
    ValueError for an unknown page and OSError when the file cannot be written.
    """
    width, height = (int(x) for x in size.lower().split("x"))
    here = None
    if kiosk_config is not None:
        from guide.kiosk.config import load_config

        here = load_config(kiosk_config).position
    guide = build_window(content_db, now=now, lang=lang, user_db=user_db, remember=False)
    guide.ctx.here = here
    if theme_name:
        guide.ctx.state.set_palette(theme_name)
    if text_scale:
        guide.ctx.state.set_text_scale(text_scale)
    try:
        guide.window.resize(width, height)
        guide.window.show()
        settle(guide, 0.5)
        open_page(guide, page)
        settle(guide)
        if problems is not None:
            from guide.ui.layout_check import check_window

            problems += [str(p) for p in check_window(guide.window, (width, height))]
        out.parent.mkdir(parents=True, exist_ok=True)
        if not guide.window.grab().save(str(out)):
            raise OSError(f"could not write {out}")
    finally:
        guide.close()
    return out
