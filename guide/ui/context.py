"""What every page is given: the databases, the clock and the shared UI state.

Passed in explicitly (no global application object), so tests build one over any
database and any "now".
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from guide.content.maps import Position
    from guide.ui.bookmark_actions import BookmarkActions
    from guide.updates.config import ConfigChoice

FORUM_TZ = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Clock:
    """The event's local time; ``fixed`` pins it (``--now``) for demos and tests.

    ``zone`` is the content's time zone (Beijing for the newspaper's forums, the
    programme's own for an imported one): the pack's dates and times are its local ones.
    """

    fixed: dt.datetime | None = None
    zone: ZoneInfo = FORUM_TZ

    def now(self) -> dt.datetime:
        """Now in the content's time zone, as a naive local datetime.

        A fixed time with an offset (``--now 2025-12-28T14:00+01:00``) is that instant on
        the content's clock; a fixed time without one is already local.
        """
        if self.fixed is not None:
            if self.fixed.tzinfo is not None:
                return self.fixed.astimezone(self.zone).replace(tzinfo=None)
            return self.fixed
        return dt.datetime.now(self.zone).replace(tzinfo=None)

    def in_zone(self, name: str) -> Clock:
        """The same clock on the content whose time zone is ``name`` (unknown: unchanged)."""
        try:
            return replace(self, zone=ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            return self

    @classmethod
    def parse(cls, text: str | None) -> Clock:
        """A clock from ``--now`` text such as ``2023-05-29T10:00`` (None: the real clock)."""
        return cls(dt.datetime.fromisoformat(text) if text else None)


class UiState(QObject):
    """Settings the whole window reacts to at once."""

    language_changed = Signal(str)
    text_scale_changed = Signal(float)
    palette_changed = Signal(str)
    bookmarks_changed = Signal(str, str)  # kind, id ("", "") when many changed
    item_opened = Signal(str, str)  # kind, id: any view asks to open an item

    def __init__(self, lang: str = "zh", text_scale: float = 1.0) -> None:
        super().__init__()
        self.lang = lang
        self.text_scale = text_scale
        self.palette_name = "standard"

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)

    def set_palette(self, name: str) -> None:
        if name != self.palette_name:
            self.palette_name = name
            self.palette_changed.emit(name)

    def set_text_scale(self, scale: float) -> None:
        scale = min(2.0, max(1.0, round(scale, 2)))
        if scale != self.text_scale:
            self.text_scale = scale
            self.text_scale_changed.emit(scale)


@dataclass
class AppContext:
    """The databases and services the UI works over."""

    content: sqlite3.Connection
    content_path: Path
    user: sqlite3.Connection  # bookmarks, settings, visitor sessions
    bookmarks: BookmarkActions  # every bookmark change goes through it (and its undo stack)
    clock: Clock = field(default_factory=Clock)
    state: UiState = field(default_factory=UiState)
    kiosk: bool = False
    here: Position | None = None  # a kiosk's own place on a floor plan ("You are here")
    touch_px: int = 0  # a kiosk's smallest touch target (0: a desktop's, the UI's own)
    # Which updates.toml the staff menu reads, decided as the kiosk and `guide update` decide
    # (the kiosk settings' updates_config); None: the user data folder's.
    updates_config: Callable[[], ConfigChoice] | None = None

    @property
    def en(self) -> bool:
        return self.state.lang == "en"
