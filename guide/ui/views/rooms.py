"""Rooms: every room of an imported programme, its sessions and what is on there now and next."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from guide.content import places
from guide.ui.context import AppContext
from guide.ui.models.lazy import LazyItemModel
from guide.ui.place_delegates import RoomDelegate
from guide.ui.views.base import Page, empty_note, list_view

MINUTE_MS = 60_000  # the longest wait: a clock set or a session added re-reads within a minute


class RoomsPage(Page):
    """One row per room; the status follows the app's clock (``--now`` in demos and tests).

    While the page is shown a timer re-reads the status when the clock reaches the next
    start or end of a session in a room (and at least each minute), so "now" and "next"
    move on as time passes without leaving the page.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title, self.subtitle = self.header()
        self.model = LazyItemModel(
            "room", lambda ids: places.room_rows(ctx.content, ids, ctx.clock.now()))
        self.view = list_view(self.model, RoomDelegate(ctx), name="roomList", on_open=self.open_index)
        self.layout_.addWidget(self.view, 1)
        self.empty = empty_note()
        self.layout_.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        self.ticker = QTimer(self)
        self.ticker.setSingleShot(True)
        self.ticker.timeout.connect(self.tick)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_ids(places.room_ids(self.ctx.content))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Rooms"))
        self.subtitle.setText(self.tr("Where the sessions are, what is on now and what comes next"))
        self.view.setAccessibleName(self.tr("Rooms"))
        # Content without rooms (the newspaper's forums) had left the page blank below its title.
        # Without a venue anywhere (every newspaper forum says "Venue not announced"), a pointer
        # to the forums' pages for where they are held promised what none of them says.
        self.empty.setText(
            self.tr("This guide lists no rooms. A forum's page says where it is held.")
            if places.venues_announced(self.ctx.content)
            else self.tr("This guide lists no rooms, and no forum's venue has been announced."))
        self.view.setVisible(bool(self.model.ids()))
        self.empty.setVisible(not self.model.ids())
        self.tick()  # the status is read again: the clock moves between visits

    def tick(self) -> None:
        """Read every room's status again and wait for the next change."""
        self.model.refresh()
        self.view.doItemsLayout()  # a room's row grows or shrinks with its now and next lines
        self._schedule()

    def _schedule(self) -> None:
        if not self.isVisible():
            self.ticker.stop()  # shown again: showEvent reads and schedules
            return
        wait = places.seconds_until_change(self.ctx.content, self.ctx.clock.now())
        # Just after the boundary (a session "on" until just before its end).
        ms = MINUTE_MS if wait is None else int(wait * 1000) + 50
        self.ticker.start(max(50, min(MINUTE_MS, ms)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.tick()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.ticker.stop()
