"""Browser-like back/forward history of locations (plain Python, tested without Qt)."""

from __future__ import annotations

from dataclasses import dataclass

# The section listing each kind of item.
SECTION_OF_KIND = {"forum": "forums", "area": "exhibition", "announcement": "announcements",
                   "photo": "photos", "figure": "figures", "room": "rooms", "track": "tracks"}


@dataclass(frozen=True)
class Location:
    """A page, or one item's detail page when ``kind`` and ``item_id`` are set."""

    page: str
    kind: str | None = None
    item_id: str | None = None

    @property
    def section(self) -> str:
        """The section (navigation row) this location belongs to: its page, or for an item
        the list its kind is found in (a forum: Forums). People and organisations have
        none (empty: no row is marked)."""
        return SECTION_OF_KIND.get(self.kind, "") if self.kind else self.page

    @classmethod
    def item(cls, kind: str, item_id: str) -> Location:
        return cls("detail", kind, item_id)

    @classmethod
    def parse(cls, text: str) -> Location:
        """``home``, ``forums`` … or ``KIND/ID`` (as the screenshot command takes them)."""
        if "/" in text:
            kind, item_id = text.split("/", 1)
            return cls.item(kind, item_id)
        return cls(text)


class History:
    """Visited locations with a cursor; visiting after going back drops the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._items: list[Location] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        return self._items[self._index] if self._index >= 0 else None

    def visit(self, location: Location) -> None:
        if location == self.current:
            return
        del self._items[self._index + 1:]
        self._items.append(location)
        if len(self._items) > self._limit:
            del self._items[0]
        self._index = len(self._items) - 1

    def replace(self, location: Location) -> None:
        """Swap the current entry (stepping through photos is one place in history)."""
        if self._index >= 0:
            self._items[self._index] = location
        else:
            self.visit(location)

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._items) - 1

    def back(self) -> Location | None:
        if self.can_go_back():
            self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        if self.can_go_forward():
            self._index += 1
        return self.current

    def clear(self) -> None:
        self._items.clear()
        self._index = -1
