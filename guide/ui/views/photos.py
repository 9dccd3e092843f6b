"""Photos: the gallery, every photo with caption and credit, over a lazy model."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from guide.content import queries, records
from guide.ui.context import AppContext
from guide.ui.image_delegates import PhotoDelegate
from guide.ui.images import ImageCache
from guide.ui.models.lazy import LazyItemModel
from guide.ui.views.base import Page, empty_note, list_view


class PhotosPage(Page):
    """The photo gallery: every photo with caption and credit."""

    def __init__(self, ctx: AppContext, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title, self.subtitle = self.header()
        self.model = LazyItemModel("photo", lambda ids: records.photos(ctx.content, ids))
        self.delegate = PhotoDelegate(ctx, images)
        self.view = list_view(self.model, self.delegate, name="photoGrid", grid=True,
                              on_open=self.open_index)
        self.layout_.addWidget(self.view, 1)
        self.empty = empty_note()
        self.layout_.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        images.image_ready.connect(self.view.viewport().update)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_ids(queries.item_ids(self.ctx.content, "photo"))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Photos"))
        # The newspaper's photo story gives captions, not its pictures: its gallery of words
        # says so once, where each card had stood over a gradient saying "Picture not available".
        self.subtitle.setText(self.tr("Pictures from the exhibition, with their captions")
                              if queries.pictured(self.ctx.content, "photo")
                              else self.tr("Captions of the photos from the exhibition; the pictures "
                                           "are not in this guide"))
        self.view.setAccessibleName(self.tr("Photo gallery"))
        self.empty.setText(self.tr("This guide has no photos."))  # not a blank page
        self.view.setVisible(bool(self.model.ids()))
        self.empty.setVisible(not self.model.ids())
        self.model.refresh()
