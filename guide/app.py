"""``main()`` of the desktop app: build the QApplication, open the databases, inject them.

There is no global application object: :func:`build_window` returns everything it
made, so tests, screenshots and the self-test build the same window the user gets.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from guide.content.locate import ensure_content_db
from guide.content.queries import open_content_db
from guide.ui import theme
from guide.ui.context import AppContext, Clock, UiState
from guide.ui.i18n import Translations, system_language
from guide.ui.images import ImageCache
from guide.ui.main_window import MainWindow
from guide.ui.views.base import Page


@dataclass
class Guide:
    """The running guide: its context, image worker and window."""

    ctx: AppContext
    images: ImageCache
    window: MainWindow
    translations: Translations

    def close(self) -> None:
        """Stop the worker thread and close the databases."""
        self.images.shutdown()
        self.window.close()
        self.ctx.content.close()


def ensure_app() -> QApplication:
    """The QApplication, created once per process with the bundled font and theme."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    if app.property("zgc_guide_ready"):
        return app
    # An app made by someone else (pytest-qt, an embedding host) still needs our font and theme.
    app.setProperty("zgc_guide_ready", True)
    app.setApplicationName("zgc-guide")
    app.setOrganizationName("zgc-guide")
    app.setApplicationDisplayName("中关村论坛指南")
    theme.load_bundled_font(app)
    theme.apply(app)
    app.setWindowIcon(theme.app_icon())
    return app


def build_window(
    content_db: Path | None = None, *, now: str | None = None, lang: str | None = None
) -> Guide:
    """Open the content database and build the main window over it (not shown yet)."""
    app = ensure_app()
    path = ensure_content_db(content_db)
    state = UiState(lang=lang or system_language())
    translations = Translations()
    translations.apply(state.lang)
    state.language_changed.connect(translations.apply)  # before the window's retranslate
    ctx = AppContext(content=open_content_db(path), content_path=path, clock=Clock.parse(now),
                     state=state)
    images = ImageCache(path)
    window = MainWindow(ctx, images, {"bookmarks": lambda c, i: Page(c)})
    app.installEventFilter(window)
    state.text_scale_changed.connect(lambda s: theme.apply(app, scale=s))
    return Guide(ctx, images, window, translations)


def run_app(args: argparse.Namespace) -> int:
    """Start the guide window with the databases and options from ``args``."""
    app = ensure_app()
    guide = build_window(args.content_db, now=args.now, lang=args.lang)
    guide.window.resize(1280, 800)
    guide.window.show()
    if getattr(args, "quit_after", None):
        QTimer.singleShot(int(args.quit_after * 1000), app.quit)
    code = app.exec()
    guide.close()
    return code


def main() -> int:
    """Console entry point; the CLI decides whether to launch the window."""
    from guide.cli import main as cli_main

    return cli_main()
