"""Where an item is: a small plan with its region on a detail page, or where to ask."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from guide.content import maps, queries
from guide.content.area import Area
from guide.content.maps import Region
from guide.content.records import Forum
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.map_view import PlanView

PLACE_KINDS = ("room", "area")  # kinds that are places; a session is where its room is
SMALL_PLAN_HEIGHT = 220


class PlaceOnMap(QWidget):
    """A detail page's "On the map" part: the first plan showing the item, highlighted.

    A click on the small plan emits ``requested`` (map id, region id). A room or area no
    plan shows says where to ask instead; other items show nothing here.
    """

    def __init__(self, ctx: AppContext, requested: SignalInstance,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.requested = requested
        self.setObjectName("placeOnMap")
        layout = QVBoxLayout(self)
        self.layout_ = layout
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.note = QLabel()
        self.note.setObjectName("pageSubtitle")
        self.note.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        self.plan: PlanView | None = None
        self.region: Region | None = None
        self.kind = ""

    def show_item(self, kind: str, item_id: str, item: Any) -> None:
        """Find the item's region (a session's: its room's) on the content's plans."""
        self.kind = kind
        if isinstance(item, Forum) and item.row.room_id:
            kind, item_id = "room", item.row.room_id
            self.kind = "room"
        elif isinstance(item, Area) and item.area_kind == "field":
            self.kind = "field"  # a technology field is a topic on show, not a place to find
        regions = maps.regions_of(self.ctx.content, kind, item_id)
        self.region = regions[0] if regions else None
        self.retranslate()

    def retranslate(self) -> None:
        if self.plan is not None:
            self.layout_.removeWidget(self.plan)
            self.plan.setParent(None)
            self.plan = None
        region = self.region
        if region is None:
            self.heading.setText(self.tr("Finding it"))
            self.note.setText(self.tr("Ask at the information desk for directions."))
            self.setVisible(self.kind in PLACE_KINDS)
            return
        plan = maps.floor_map(self.ctx.content, region.map_id)
        if plan is None:
            self.setVisible(False)
            return
        image = queries.image_bytes(self.ctx.content, plan.image) or b""
        palette = theme.PALETTES.get(self.ctx.state.palette_name, theme.STANDARD)
        self.plan = PlanView(plan, image, lang=self.ctx.state.lang, here=self.ctx.here,
                             text_scale=self.ctx.state.text_scale,
                             interactive=False, palette=palette)
        self.plan.setObjectName("smallPlan")
        self.plan.setFixedHeight(int(SMALL_PLAN_HEIGHT * self.ctx.state.text_scale))
        self.plan.select(region.id)
        self.plan.region_clicked.connect(
            lambda _r: self.requested.emit(region.map_id, region.id))
        self.layout_.addWidget(self.plan)
        self.plan.show()  # a layout shows a new child only later, on a visible page
        self.heading.setText(self.tr("On the map"))
        self.note.setText(self.tr("Tap the plan to open the map."))
        self.setVisible(True)

    def plan_view(self) -> PlanView | None:
        """The small plan, when the item has a region."""
        return self.plan
