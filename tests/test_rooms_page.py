"""The Rooms page keeps its "now" and "next" current while it is open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from guide.content.places import RoomRow
from guide.ui.context import Clock
from guide.ui.history import Location
from guide.ui.views.rooms import RoomsPage
from tests.support import shown_guide


def _row(page: RoomsPage, title: str) -> RoomRow:
    rows = [page.model.item_at(r) for r in range(page.model.rowCount())]
    return next(r for r in rows if isinstance(r, RoomRow) and r.title == title)


def test_the_status_moves_on_when_the_clock_passes_a_session_end(qtbot, programme_db: Path) -> None:  # type: ignore[no-untyped-def]
    # Room One: "A post-American, enshittification-resistant internet" 13:30-14:30, then a
    # break, then "Chaospager" at 14:45 (read from the file by tests/test_places.py).
    with shown_guide(qtbot, programme_db, now="2025-12-28T14:29:59.700", lang="en") as g:
        g.window.go(Location("rooms"))
        page = g.window.page("rooms")
        assert isinstance(page, RoomsPage)
        before = _row(page, "One").status
        assert before.now is not None and before.now.title.startswith("A post-American")
        # The timer waits for the session's end by the injected clock, not a fixed minute.
        assert page.ticker.isActive() and page.ticker.interval() <= 400
        g.ctx.clock = Clock(dt.datetime(2025, 12, 28, 14, 30, 0, 200000))  # time passes
        qtbot.waitUntil(lambda: _row(page, "One").status.now is None, timeout=2000)
        after = _row(page, "One").status
        assert after.next is not None and after.next.title.startswith("Chaospager")
        assert g.window.page("rooms") is page and page.isVisible()  # never left the page
        g.window.go(Location("home"))
        assert not page.ticker.isActive()  # a hidden page does not tick
