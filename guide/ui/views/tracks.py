"""Tracks: every track (theme) of an imported programme and how many sessions it has."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from guide.content import places
from guide.ui.context import AppContext
from guide.ui.models.lazy import LazyItemModel
from guide.ui.place_delegates import TrackDelegate
from guide.ui.views.base import Page, empty_note, list_view


class TracksPage(Page):
    """One row per track: its colour, name, sessions and days."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title, self.subtitle = self.header()
        self.model = LazyItemModel("track", lambda ids: places.track_rows(ctx.content, ids))
        self.view = list_view(self.model, TrackDelegate(ctx), name="trackList",
                              on_open=self.open_index)
        self.layout_.addWidget(self.view, 1)
        self.empty = empty_note()
        self.layout_.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_ids(places.track_ids(self.ctx.content))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Tracks"))
        self.subtitle.setText(self.tr("The programme's themes and their sessions"))
        self.view.setAccessibleName(self.tr("Tracks"))
        # Content without tracks had left the page blank below its title.
        self.empty.setText(self.tr("This guide lists no tracks."))
        self.view.setVisible(bool(self.model.ids()))
        self.empty.setVisible(not self.model.ids())
        self.model.refresh()
