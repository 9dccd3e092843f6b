"""Announcements: every article and news item as a card over a lazy model."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guide.content import queries
from guide.ui.context import AppContext
from guide.ui.delegates import CardDelegate
from guide.ui.models.lazy import LazyItemModel
from guide.ui.views.base import Page, list_view


class AnnouncementsPage(Page):
    """Every article and news item: headline, sub-headline, byline, date."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title, self.subtitle = self.header()
        self.model = LazyItemModel("announcement",
                                   lambda ids: queries.cards(ctx.content, "announcement", ids))
        self.view = list_view(self.model, CardDelegate(ctx), name="announcementList",
                              on_open=self.open_index)
        self.layout_.addWidget(self.view, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_ids(queries.item_ids(self.ctx.content, "announcement"))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("News"))
        self.subtitle.setText(self.tr("News from the forum, as reported"))
        self.view.setAccessibleName(self.tr("News"))
        self.model.refresh()
