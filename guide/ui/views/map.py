"""The Map page: the content's floor plans, zoom and pan, regions that open their items."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from guide.content import maps, queries
from guide.content.maps import FloorMap, Region
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.map_view import PlanView
from guide.ui.views.base import Page


class MapPage(Page):
    """One plan at a time (a chooser when there are several); a click on a region opens it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title, self.subtitle = self.header()
        self.plans = maps.floor_maps(ctx.content)
        bar = QHBoxLayout()
        self.chooser = QComboBox()
        self.chooser.setObjectName("mapChooser")
        self.chooser.setVisible(len(self.plans) > 1)
        self.chooser.currentIndexChanged.connect(self._chosen)
        bar.addWidget(self.chooser)
        bar.addStretch(1)
        self.zoom_in, self.zoom_out, self.zoom_fit = QPushButton(), QPushButton(), QPushButton()
        self.zoom_in.clicked.connect(lambda: self.zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self.zoom(0.8))
        self.zoom_fit.clicked.connect(lambda: self.zoom(0))
        for button in (self.zoom_out, self.zoom_in, self.zoom_fit):
            bar.addWidget(button)
        self.layout_.addLayout(bar)
        self.view: PlanView | None = None
        self.plan_index = 0
        self.selected: str | None = None
        self.retranslate()

    def zoom(self, factor: float) -> None:
        """Zoom the plan by ``factor``; 0 shows the whole plan."""
        if self.view is None:
            return
        if factor:
            self.view.zoom_by(factor)
        else:
            self.view.fit()

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self.plans) and index != self.plan_index:
            self.plan_index = index
            self.selected = None
            self._build_view()

    def _build_view(self) -> None:
        if self.view is not None:
            self.layout_.removeWidget(self.view)
            self.view.setParent(None)
            self.view = None
        if not self.plans:
            return
        plan = self.plans[self.plan_index]
        image = queries.image_bytes(self.ctx.content, plan.image) or b""
        palette = theme.PALETTES.get(self.ctx.state.palette_name, theme.STANDARD)
        self.view = PlanView(plan, image, lang=self.ctx.state.lang, here=self.ctx.here,
                             text_scale=self.ctx.state.text_scale,
                             palette=palette)
        self.view.region_clicked.connect(self._region_clicked)
        self.view.select(self.selected)
        self.layout_.addWidget(self.view, 1)
        self.view.show()  # a layout shows a new child only later, on a visible page
        self._describe()

    def current_plan(self) -> FloorMap | None:
        return self.plans[self.plan_index] if self.plans else None

    def show_region(self, map_id: str, region_id: str | None = None) -> bool:
        """Show plan ``map_id`` with ``region_id`` highlighted; False when there is no such plan."""
        index = next((i for i, p in enumerate(self.plans) if p.id == map_id), None)
        if index is None or (region_id and self.plans[index].region(region_id) is None):
            return False
        self.plan_index, self.selected = index, region_id
        self.chooser.setCurrentIndex(index)
        self._build_view()
        return True

    def _region_clicked(self, region: Region | None) -> None:
        if region is not None:
            self.selected = region.id
            if self.view is not None:
                self.view.select(region.id)
            self.item_opened.emit(region.kind, region.item_id)

    def _describe(self) -> None:
        plan = self.current_plan()
        if plan is None or self.view is None:
            return
        # A、B、C in Chinese ("A厅, B厅" read as English commas), "A, B and C" in English.
        names = tx.join_list((self.view.region_title(r) for r in plan.regions), self.ctx.state.lang)
        self.subtitle.setText(self.tr("Tap a place to open it: %1").replace("%1", names))

    def retranslate(self) -> None:
        lang = self.ctx.state.lang
        self.title.setText(self.tr("Map"))
        self.zoom_in.setText(self.tr("Zoom in"))
        self.zoom_out.setText(self.tr("Zoom out"))
        self.zoom_fit.setText(self.tr("Whole plan"))
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItems([tx.pick(p.title, p.title_en, lang) for p in self.plans])
        self.chooser.setCurrentIndex(self.plan_index)
        self.chooser.blockSignals(False)
        self.chooser.setAccessibleName(self.tr("Floor plan"))
        self._build_view()  # the marker's and regions' words are in the language
