"""A floor plan's regions for screen readers: one node per region (see accessible_parts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect
from PySide6.QtGui import QPolygonF
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from guide.ui.map_view import PlanView


class RegionParts:
    """A plan's regions as :class:`~guide.ui.accessible_parts.Parts`, named as the plan
    shows them; the one the keys are on is focused."""

    def __init__(self, view: PlanView) -> None:
        self.widget = view
        self.view = view

    def part_count(self) -> int:
        return len(self.view.plan.regions)

    def part_name(self, index: int) -> str:
        return self.view.region_title(self.view.plan.regions[index])

    def part_description(self, index: int) -> str:
        if not self.view.interactive:  # a detail page's small plan opens the Map as a whole
            return ""
        return QCoreApplication.translate("PlanView", "Enter opens it.")

    def part_rect(self, index: int) -> QRect:
        region = self.view.plan.regions[index]
        shape = self.view.mapFromScene(QPolygonF([QPointF(x, y) for x, y in region.points]))
        return shape.boundingRect().translated(self.view.viewport().pos())

    def part_focused(self, index: int) -> bool:
        return self.view.hasFocus() and self.view.focused == self.view.plan.regions[index]

    def part_at(self, point: QPoint) -> int:
        region = self.view.region_at_view(QPointF(point - self.view.viewport().pos()))
        return self.view.plan.regions.index(region) if region is not None else -1

    def part_activate(self, index: int) -> None:
        self.view.region_clicked.emit(self.view.plan.regions[index])  # as a click on it

    def controls(self) -> tuple[list[QWidget], list[QWidget]]:
        return [], []  # a plan has no widgets over its regions
