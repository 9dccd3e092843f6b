"""What every page is given: the databases, the clock and the shared UI state.

Passed in explicitly (no global application object), so tests build one over any
database and any "now".
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from guide.ui.bookmark_actions import BookmarkActions

FORUM_TZ = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Clock:
    """The forum's local time; ``fixed`` pins it (``--now``) for demos and tests."""

    fixed: dt.datetime | None = None

    def now(self) -> dt.datetime:
        """Now in Beijing, as a naive local datetime (the pack's dates are Beijing dates)."""
        if self.fixed is not None:
            return self.fixed
        return dt.datetime.now(FORUM_TZ).replace(tzinfo=None)

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

    @property
    def en(self) -> bool:
        return self.state.lang == "en"
