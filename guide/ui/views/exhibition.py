"""Exhibition: the exhibition and its areas as cards over a lazy model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from guide.content import queries, records
from guide.ui.context import AppContext
from guide.ui.image_delegates import AreaDelegate
from guide.ui.images import ImageCache
from guide.ui.models.lazy import LazyItemModel
from guide.ui.views.base import Page, empty_note, list_view


def _fetch_each(db: queries.Db, kind: str) -> Callable[[Sequence[str]], list[Any]]:
    """Fetch full items one by one: fine for kinds with few rows on screen at a time."""
    return lambda ids: [x for x in (records.get_item(db, kind, i) for i in ids) if x is not None]


class ExhibitionPage(Page):
    """The exhibition and its areas as cards."""

    def __init__(self, ctx: AppContext, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title, self.subtitle = self.header()
        self.model = LazyItemModel("area", _fetch_each(ctx.content, "area"))
        self.view = list_view(self.model, AreaDelegate(ctx, images), name="areaGrid", grid=True,
                              on_open=self.open_index)
        self.layout_.addWidget(self.view, 1)
        self.empty = empty_note()
        self.layout_.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        images.image_ready.connect(self.view.viewport().update)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_ids(queries.item_ids(self.ctx.content, "area"))
        self.retranslate()

    def retranslate(self) -> None:
        from guide.ui import text as tx

        self.title.setText(self.tr("Exhibition"))
        period = queries.exhibition_period(self.ctx.content)
        when = tx.unbroken(tx.format_period(*period, self.ctx.state.lang)) if period else ""
        self.subtitle.setText(self.tr("Exhibition areas and technology fields on show") +
                              (f" · {when}" if when else ""))
        self.view.setAccessibleName(self.tr("Exhibition areas"))
        # Content without an exhibition (an imported programme) had left the page blank.
        self.empty.setText(self.tr("This guide lists no exhibition areas."))
        self.view.setVisible(bool(self.model.ids()))
        self.empty.setVisible(not self.model.ids())
        self.model.refresh()
