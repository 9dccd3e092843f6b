"""The running guide: what :func:`guide.app.build_window` made, handed to whoever drives it."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from guide.content.database import content_info, open_content_db
from guide.ui.context import AppContext
from guide.ui.i18n import Translations
from guide.ui.images import ImageCache
from guide.ui.main_window import MainWindow
from guide.user.db import UserDb

if TYPE_CHECKING:
    from guide.ui.content_update import ContentUpdates

log = logging.getLogger(__name__)


@dataclass
class Guide:
    """The running guide: its context, image worker and window."""

    ctx: AppContext
    images: ImageCache
    window: MainWindow
    translations: Translations
    user: UserDb
    updates: ContentUpdates | None = None  # the staff menu's content updates (not on kiosks)
    after_first_frame: Callable[[], None] | None = None  # what the start left for after the first paint

    def finish_start(self) -> None:
        """Do what the start left for after the first paint (once; nothing if already done)."""
        step, self.after_first_frame = self.after_first_frame, None
        if step is not None:
            step()

    def swap_content(self, path: Path) -> None:
        """Show another content database (an update was applied or rolled back).

        Bookmarks are untouched: they are keyed by content ids and their last-known
        titles are refreshed, so removed items show as no longer in the guide.

        Every part of the window moves to the new content before the bookmarks' titles are
        refreshed: that writes the user database, which another program may hold or a full
        disk refuse, and the window must not stay half on the old content when it fails
        (the next start refreshes them again).
        """
        old = self.ctx.content
        self.ctx.content = open_content_db(path, for_search=True)
        self.ctx.content_path = Path(path)
        self.ctx.clock = self.ctx.clock.in_zone(content_info(self.ctx.content).timezone)
        self.ctx.bookmarks.content = self.ctx.content
        self.images.switch_database(Path(path))
        try:
            self.window.reload_content()
        finally:
            old.close()  # nothing reads it now, even when a page failed to rebuild
        from guide.user.bookmarks import refresh_snapshots

        try:
            refresh_snapshots(self.ctx.user, self.ctx.content)
        except sqlite3.Error as exc:
            log.warning("bookmarks' titles not refreshed after the content changed: %s", exc)

    def close(self) -> None:
        """Stop the worker threads and close the databases."""
        if self.updates is not None:
            self.updates.shutdown()
        self.images.shutdown()
        self.window.close()
        self.translations.uninstall()
        self.ctx.content.close()
        self.user.close()
