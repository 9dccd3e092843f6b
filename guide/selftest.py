"""``guide --self-test``: a smoke test of an installed guide, on the machine it runs on.

It exercises what a broken install or a bad bundle breaks first: the bundled files
(font, icons, style, translations, Qt plugins), both databases, rendering Home, the
search index (Chinese and pinyin) and writing to the user database. It prints one line
and exits 0, or prints which step failed and exits 1.

It leaves nothing behind: the user database is a temporary one unless ``--user-db``
is given, and the test bookmark is removed again (a bookmark the user already had is
taken out and put back exactly as it was). The window is never shown on screen.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# A Chinese word and a pinyin spelling that the bundled content must answer.
QUERIES = ("金融", "lvse")
HOME_SIZE = (1280, 800)
# Home is text, icons and cards; a blank or unstyled window has a handful of colours.
MIN_HOME_COLOURS = 16
BUNDLED_FONT = "WenQuanYi Micro Hei"


class SelfTestFailed(Exception):
    """A step of the self-test failed; the message says which and why."""


@dataclass
class SelfTestReport:
    """What the self-test checked, for the summary line."""

    platform: str = ""
    content_path: Path | None = None
    content_source: str = ""  # "bundled", "user data folder" or "given"
    pack: str = ""
    items: int = 0
    home_colours: int = 0
    hits: dict[str, int] = field(default_factory=dict)
    bookmark: str = ""
    user_db: str = ""
    seconds: float = 0.0

    def summary(self) -> str:
        """The one-line summary printed on success."""
        hits = ", ".join(f"{q} {n}" for q, n in self.hits.items())
        return (f"self-test ok in {self.seconds:.2f} s: {self.platform}; content {self.pack} "
                f"({self.items} items, {self.content_source}); home rendered "
                f"({self.home_colours} colours); search hits {hits}; bookmark {self.bookmark} "
                f"added and removed ({self.user_db} user db)")


def choose_platform(env: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Render offscreen when asked to or when Linux has no display; else the native platform.

    Must run before the QApplication exists. The native platform (xcb, windows, cocoa)
    is worth loading when there is one: a bundle missing its platform plugin fails here.
    """
    if env.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"


@contextlib.contextmanager
def _step(name: str) -> Iterator[None]:
    try:
        yield
    except SelfTestFailed:
        raise
    except Exception as exc:  # any error is a failed step, named
        raise SelfTestFailed(f"{name}: {type(exc).__name__}: {exc}") from exc


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


def _check_resources(app: Any) -> None:
    """The bundled font is the app font, the SVG icon engine and image formats load."""
    from PySide6.QtGui import QFontDatabase, QImageReader

    from guide.content.pack_folder import IMAGE_SUFFIXES
    from guide.ui import theme

    _check(BUNDLED_FONT in QFontDatabase.families(), f"resources: font {BUNDLED_FONT!r} not loaded")
    # In English the app font lists a Latin face first and the bundled face as its fallback.
    _check(BUNDLED_FONT in app.font().families(),
           f"resources: app font is {app.font().families()!r}, without {BUNDLED_FONT!r}")
    _check(not theme.app_icon().pixmap(64, 64).isNull(),
           "resources: the app icon does not render (SVG icon engine plugin missing?)")
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = sorted({s.lstrip(".") for s in IMAGE_SUFFIXES} - formats)
    _check(not missing, f"resources: no image format plugin for {', '.join(missing)}")


def _distinct_colours(image: Any, step: int = 8) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def _render_home(guide: Any, report: SelfTestReport) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from guide.ui.history import Location

    window = guide.window
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)  # laid out, never mapped
    window.resize(*HOME_SIZE)
    window.show()
    _check(window.go(Location("home")), "home: the window refused to show Home")
    for _ in range(5):
        QApplication.processEvents()
    _check(window.current_location() == Location("home"), "home: Home is not the current page")
    image = window.grab().toImage()
    _check(not image.isNull(), "home: grabbing the window gave no image")
    size = (image.width(), image.height())
    ratio = image.devicePixelRatio()
    _check(size == (round(HOME_SIZE[0] * ratio), round(HOME_SIZE[1] * ratio)),
           f"home: rendered {size[0]}x{size[1]}, expected {HOME_SIZE[0]}x{HOME_SIZE[1]}")
    report.home_colours = _distinct_colours(image)
    _check(report.home_colours >= MIN_HOME_COLOURS,
           f"home: only {report.home_colours} colours drawn; the page looks blank")


def _search(content: Any, report: SelfTestReport) -> tuple[str, str]:
    """Run each query; return the first hit of the first one (the item to bookmark)."""
    from guide.search import search

    first: tuple[str, str] | None = None
    for query in QUERIES:
        hits = search(content, query, limit=20)
        _check(bool(hits), f"search: no results for {query!r}")
        report.hits[query] = len(hits)
        first = first or (hits[0].kind, hits[0].id)
    if first is None:
        raise SelfTestFailed("search: no results")
    return first


def _bookmark_round_trip(user_db: Any, content: Any, kind: str, item_id: str) -> None:
    """Bookmark and un-bookmark the item; a bookmark the user already had is put back as it was."""
    from guide.user.bookmarks import (
        is_bookmarked,
        remove_bookmark,
        restore_bookmarks,
        toggle_bookmark,
    )

    if is_bookmarked(user_db, kind, item_id):
        removed = remove_bookmark(user_db, kind, item_id)
        try:
            _check(not is_bookmarked(user_db, kind, item_id), "bookmark: removing did not remove it")
        finally:
            restore_bookmarks(user_db, [removed] if removed else [])
        _check(is_bookmarked(user_db, kind, item_id), "bookmark: the user's bookmark was not put back")
        return
    added = toggle_bookmark(user_db, content, kind, item_id)
    try:
        _check(added and is_bookmarked(user_db, kind, item_id), "bookmark: adding did not store it")
    finally:
        if is_bookmarked(user_db, kind, item_id):
            removed_now = not toggle_bookmark(user_db, content, kind, item_id)
            _check(removed_now and not is_bookmarked(user_db, kind, item_id),
                   "bookmark: removing did not remove it")


def run_self_test(
    content_db: Path | None = None, user_db: Path | None = None, *,
    lang: str | None = None, now: str | None = None,
) -> SelfTestReport:
    """Run every check; return what was seen, or raise :class:`SelfTestFailed`."""
    started = time.perf_counter()
    report = SelfTestReport()
    choose_platform()
    from guide import paths

    with contextlib.ExitStack() as stack:
        with _step("qt"):
            from guide.app import build_window, ensure_app

            app = ensure_app()
            report.platform = app.platformName()
            _check_resources(app)

        with _step("content database"):
            from guide.content.database import content_info, counts, open_content_db
            from guide.locate import ensure_content_db, is_current

            path = ensure_content_db(content_db)
            report.content_path = path
            if content_db is not None:
                report.content_source = "given"
            elif path == paths.bundled_content_db():
                report.content_source = "bundled"
            else:  # installed by a content update, or rebuilt there
                report.content_source = "user data folder"
            # A frozen app ships a database built from its own pack: one that does not
            # match means a broken bundle (which the rebuild in the user folder would hide).
            _check(not paths.is_frozen() or is_current(paths.bundled_content_db(), paths.bundled_pack_dir()),
                   f"content database: the bundled {paths.bundled_content_db()} does not match "
                   "the bundled pack")
            content = open_content_db(path)
            stack.callback(content.close)
            before = path.stat()
            info = content_info(content)
            report.pack = f"{info.pack_id} v{info.pack_version}"
            report.items = sum(counts(content).values())
            _check(report.items > 0, "content database: it holds no items")

        with _step("user database"):
            from guide.user.db import open_user_db

            if user_db is None:
                folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="zgc-guide-selftest-"))
                user_db = Path(folder) / "user.db"
                report.user_db = "temporary"
            else:
                report.user_db = str(user_db)
            user = open_user_db(user_db)
            stack.callback(user.close)

        with _step("home"):
            guide = build_window(path, now=now, lang=lang or "zh", user_db=user_db)
            stack.callback(guide.close)
            _render_home(guide, report)

        with _step("search"):
            kind, item_id = _search(content, report)

        with _step("bookmark"):
            _bookmark_round_trip(user.db, content, kind, item_id)
            report.bookmark = f"{kind}/{item_id}"

    with _step("content database"):
        after = path.stat()
        _check((after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns),
               f"content database: {path} was written during the self-test")
    report.seconds = time.perf_counter() - started
    return report


def main(args: argparse.Namespace) -> int:
    """``guide --self-test``: print the summary and return 0, or the failure and return 1."""
    try:
        report = run_self_test(args.content_db, args.user_db, lang=args.lang, now=args.now)
    except SelfTestFailed as exc:
        print(f"self-test FAILED: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0
