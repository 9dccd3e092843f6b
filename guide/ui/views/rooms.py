"""Rooms: every room of an imported programme, its sessions and what is on there now and next."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guide.content import places
from guide.ui.context import AppContext
from guide.ui.models.lazy import LazyItemModel
from guide.ui.place_delegates import RoomDelegate
from guide.ui.views.base import Page, list_view


class RoomsPage(Page):
    """One row per room; the status follows the app's clock (``--now`` in demos and tests)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title, self.subtitle = self.header()
        self.model = LazyItemModel(
            "room", lambda ids: places.room_rows(ctx.content, ids, ctx.clock.now()))
        self.view = list_view(self.model, RoomDelegate(ctx), name="roomList", on_open=self.open_index)
        self.layout_.addWidget(self.view, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_ids(places.room_ids(self.ctx.content))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Rooms"))
        self.subtitle.setText(self.tr("Where the sessions are, what is on now and what comes next"))
        self.view.setAccessibleName(self.tr("Rooms"))
        self.model.refresh()  # the status is read again: the clock moves between visits
