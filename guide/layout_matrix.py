"""``guide check --layout``: the layout checker over every page at every size we support.

Every section page and every item's detail page is opened offscreen at each window size,
text size, theme and language, and checked (:mod:`guide.ui.layout_check`). One window is
built per run and re-configured in place, so the whole matrix takes minutes, not hours.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import product
from pathlib import Path

SIZES = ((1024, 640), (1280, 800), (1920, 1080))
SCALES = (1.0, 2.0)
THEMES = ("standard", "high-contrast")
LANGS = ("zh", "en")
SECTIONS = ("home", "forums", "exhibition", "announcements", "photos", "figures", "bookmarks",
            "search:绿色", "search:qqqqqqqq")


@dataclass(frozen=True)
class Config:
    """One point of the matrix."""

    size: tuple[int, int]
    scale: float
    theme: str
    lang: str

    def __str__(self) -> str:
        return f"{self.size[0]}x{self.size[1]} {int(self.scale * 100)}% {self.theme} {self.lang}"


def matrix(sizes: Iterable[tuple[int, int]] = SIZES, scales: Iterable[float] = SCALES,
           themes: Iterable[str] = THEMES, langs: Iterable[str] = LANGS) -> list[Config]:
    """Every combination, language outermost (switching language rebuilds the most)."""
    return [Config(size, scale, theme, lang)
            for lang, theme, scale, size in product(langs, themes, scales, sizes)]


def content_sections(db: object) -> list[str]:
    """:data:`SECTIONS` and the pages only some content has: the Map with floor plans, Rooms
    and Tracks and the timetable of the busiest day with an imported programme."""
    from guide.content import places
    from guide.content.database import has_maps

    pages = list(SECTIONS)
    if places.room_ids(db):  # type: ignore[arg-type]
        pages += ["rooms", "timetable"]
    if places.track_ids(db):  # type: ignore[arg-type]
        pages.append("tracks")
    if has_maps(db):  # type: ignore[arg-type]
        pages.append("map")
    return pages


def all_pages(db: object) -> list[str]:
    """The section pages (:func:`content_sections`), a search with hits and one without, and
    every item's detail page."""
    from guide.content import queries
    from guide.content.models import KINDS

    pages = content_sections(db)
    for kind in KINDS:
        pages += [f"{kind}/{item_id}" for item_id in queries.item_ids(db, kind)]  # type: ignore[arg-type]
    return pages


def parse_size(text: str) -> tuple[int, int]:
    width, height = (int(x) for x in text.lower().split("x"))
    return width, height


def check_layout(content_db: Path | None, configs: list[Config], *, pages: list[str] | None = None,
                 now: str | None = None,
                 on_result: Callable[[Config, str, list[str]], None] | None = None,
                 ) -> Iterator[tuple[Config, str, str]]:
    """Yield (config, page, problem) for every problem found; ``on_result`` sees every page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from guide.app import build_window
    from guide.screenshot import open_page, settle
    from guide.ui.layout_check import check_window

    with tempfile.TemporaryDirectory(prefix="guide-layout-") as tmp:
        guide = build_window(content_db, now=now, lang=configs[0].lang if configs else None,
                             user_db=Path(tmp) / "user.db", remember=False)
        try:
            todo = pages if pages is not None else all_pages(guide.ctx.content)
            guide.window.show()
            for config in configs:
                state = guide.ctx.state
                state.set_language(config.lang)
                state.set_palette(config.theme)
                state.set_text_scale(config.scale)
                # Layouts take the new sizes (and minimum sizes) in the event loop: resizing in
                # the same turn would be clamped by the old minimum, which no user can do.
                settle(guide, 0.2)
                guide.window.resize(*config.size)
                settle(guide, 0.2)
                for page in todo:
                    open_page(guide, page)
                    settle(guide, 1.0)
                    problems = [str(p) for p in check_window(guide.window, config.size)]
                    if on_result is not None:
                        on_result(config, page, problems)
                    for problem in problems:
                        yield config, page, problem
                    guide.window.resize(*config.size)  # a page that grew it must not spoil the next
        finally:
            guide.close()


def run(content_db: Path | None, *, sizes: list[str] | None, scales: list[float] | None,
        themes: list[str] | None, langs: list[str] | None, pages: list[str] | None,
        now: str | None) -> int:
    """The command: print each problem as ``config | page | problem``; 1 if any."""
    configs = matrix([parse_size(s) for s in sizes] if sizes else SIZES, scales or SCALES,
                     themes or THEMES, langs or LANGS)
    checked = found = 0

    def count(_config: Config, _page: str, problems: list[str]) -> None:
        nonlocal checked
        checked += 1

    for config, page, problem in check_layout(content_db, configs, pages=pages, now=now,
                                              on_result=count):
        found += 1
        print(f"{config} | {page} | {problem}", flush=True)
    print(f"layout: {checked} page renders checked over {len(configs)} configurations, "
          f"{found} problems", file=sys.stderr if found else sys.stdout)
    return 1 if found else 0
