"""A floor plan on screen: the image, its regions (hover and selection), "You are here".

One ``PlanView`` serves the Map page (zoom, pan, touch panning; a click on a region opens
its item) and the small plan on a detail page (fixed, its region highlighted; a click
opens the Map page there). Geometry (which region is under a point) is the content
layer's; this module only draws.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QScroller,
    QWidget,
)

from guide.content.geometry import centre, nearest_towards
from guide.content.maps import FloorMap, Position, Region
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.accessible_parts import install, part_focused
from guide.ui.map_access import RegionParts
from guide.ui.touch import grab_flick

ARROWS = {Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right", Qt.Key.Key_Up: "up",
          Qt.Key.Key_Down: "down"}
HERE_ZH, HERE_EN = "您在这里", "You are here"
# The plan is drawn in its image's own (light) colours whatever the theme, so what is drawn on
# it keeps the standard theme's colours: a high-contrast theme's light yellow would vanish.
HERE_COLOUR = "#b3261e"


def _colour(hex_colour: str, alpha: int) -> QColor:
    colour = QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


class PlanView(QGraphicsView):
    """A floor plan with its regions; ``interactive`` adds zoom, pan and opening regions."""

    region_clicked = Signal(object)  # Region
    region_focused = Signal(object)  # Region: the keys moved to it

    def __init__(self, plan: FloorMap, image: bytes, *, lang: str, here: Position | None = None,
                 interactive: bool = True, palette: theme.Palette = theme.STANDARD,
                 text_scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install()  # its regions are nodes for screen readers
        self.plan = plan
        self.lang = lang
        self.text_scale = text_scale  # the marker's words grow with the reader's text size
        self.palette_ = palette if palette.name == "standard" else theme.STANDARD
        self.interactive = interactive
        self.hovered: Region | None = None
        self.selected: Region | None = None
        self.focused: Region | None = None  # the keys' region (Tab, arrows; Enter opens it)
        self.zoomed = False  # the reader zoomed: a resize no longer refits the plan
        self.setObjectName("planView")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        scene = QGraphicsScene(self)
        scene.setSceneRect(QRectF(0, 0, plan.width, plan.height))
        self.setScene(scene)
        self._add_image(scene, image)
        self.shapes: dict[str, QGraphicsPolygonItem] = {}
        for region in plan.regions:
            shape = scene.addPolygon(QPolygonF([QPointF(x, y) for x, y in region.points]))
            self.shapes[region.id] = shape
        self.marker: list[QGraphicsItem] = []
        if here is not None and here.on(plan):
            self._add_marker(scene, here)
        self._paint_regions()
        self.setMouseTracking(True)
        if interactive:
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            grab_flick(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        else:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(tx.pick(plan.title, plan.title_en, lang))

    def _add_image(self, scene: QGraphicsScene, image: bytes) -> None:
        if self.plan.image.lower().endswith(".svg"):
            self.renderer = QSvgRenderer(QByteArray(image), self)
            item: QGraphicsItem = QGraphicsSvgItem()
            item.setSharedRenderer(self.renderer)  # type: ignore[attr-defined]
            size = self.renderer.defaultSize()
        else:
            pixmap = QPixmap()
            pixmap.loadFromData(image)
            item = QGraphicsPixmapItem(pixmap)
            size = pixmap.size()
        if size.width() > 0 and size.height() > 0:  # drawn at the plan's declared size
            item.setScale(min(self.plan.width / size.width(), self.plan.height / size.height()))
        item.setZValue(-1)
        scene.addItem(item)

    def _add_marker(self, scene: QGraphicsScene, here: Position) -> None:
        """A dot with its words that keep their size whatever the zoom."""
        path = QPainterPath()
        radius = 11 * self.text_scale
        path.addEllipse(QPointF(0, 0), radius, radius)
        dot = QGraphicsPathItem(path)
        dot.setBrush(QBrush(QColor(HERE_COLOUR)))
        dot.setPen(QPen(QColor("#ffffff"), 3))
        dot.setPos(here.x, here.y)
        dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        dot.setZValue(10)
        label = QGraphicsSimpleTextItem(HERE_EN if self.lang == "en" else HERE_ZH)
        # The one thing a visitor looks for on the plan: a title's size, white on the dot's
        # red (dark red on white at body size was lost among the halls' names).
        font = QFont(theme.font("title", self.text_scale))
        font.setBold(True)
        label.setFont(font)
        label.setBrush(QBrush(QColor("#ffffff")))
        pad = 6 * self.text_scale
        backing = QGraphicsRectItem(label.boundingRect().adjusted(-pad, -pad / 2, pad, pad / 2), label)
        backing.setBrush(QBrush(QColor(HERE_COLOUR)))
        backing.setPen(QPen(QColor("#ffffff"), 2))
        backing.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        label.setPos(here.x, here.y)
        label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        label.setTransform(label.transform().translate(radius + 7, -label.boundingRect().height() / 2))
        label.setZValue(10)
        scene.addItem(dot)
        scene.addItem(label)
        self.marker = [dot, label]

    def here_text(self) -> str | None:
        """The words of the "You are here" marker, when this plan shows one."""
        label = next((m for m in self.marker if isinstance(m, QGraphicsSimpleTextItem)), None)
        return label.text() if label else None

    def _paint_regions(self) -> None:
        primary = self.palette_.primary
        for region in self.plan.regions:
            shape = self.shapes[region.id]
            # A ring the keys move, on any fill (not after a tap on the kiosk: focus_rings).
            if region == self.focused and self.hasFocus() and not theme.ring_hidden(self):
                shape.setBrush(QBrush(_colour(self.palette_.focus, 110 if region == self.selected else 60)))
                pen = QPen(QColor(self.palette_.focus), 8)
                pen.setStyle(Qt.PenStyle.DashLine)
                shape.setPen(pen)
            elif region == self.selected:
                shape.setBrush(QBrush(_colour(self.palette_.focus, 110)))
                shape.setPen(QPen(QColor(self.palette_.focus), 6))
            elif region == self.hovered:
                shape.setBrush(QBrush(_colour(primary, 70)))
                shape.setPen(QPen(QColor(primary), 4))
            else:
                shape.setBrush(QBrush(_colour(primary, 18)))
                shape.setPen(QPen(_colour(primary, 120), 2))

    def select(self, region_id: str | None) -> None:
        """Highlight one region (None: none) and bring it into view."""
        self.selected = self.plan.region(region_id) if region_id else None
        self._paint_regions()
        if self.selected is not None and self.interactive and self.zoomed:
            self.centerOn(self.shapes[self.selected.id])

    def region_title(self, region: Region) -> str:
        return tx.pick(region.title, region.title_en, self.lang) or region.id

    # --- keys ---------------------------------------------------------------------------------

    def focus_region(self, region: Region | None) -> None:
        """Move the keyboard's ring to ``region``, bring it into view and tell screen readers."""
        self.focused = region
        self._paint_regions()
        if region is not None:
            if self.zoomed:
                self.ensureVisible(self.shapes[region.id])
            # Screen readers hear the region the keys reached (the plan's name is its name).
            self.setAccessibleDescription(
                self.tr("%1. Enter opens it.").replace("%1", self.region_title(region)))
            part_focused(self, self.plan.regions.index(region))
            self.region_focused.emit(region)

    def accessible_parts(self) -> RegionParts:
        """Each region as a node of its own for screen readers."""
        return RegionParts(self)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        regions = self.plan.regions
        if regions and self.focused is None:
            back = event.reason() == Qt.FocusReason.BacktabFocusReason
            self.focus_region(regions[-1] if back else self.selected or regions[0])
        else:
            self.focus_region(self.focused)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._paint_regions()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab walk the regions in the pack's order, then leave the plan."""
        regions = list(self.plan.regions)
        if self.hasFocus() and self.focused in regions:
            i = regions.index(self.focused) + (1 if next else -1)
            if 0 <= i < len(regions):
                self.focus_region(regions[i])
                return True
        self.focused = None  # the next visit starts at the first (or, backwards, last) region
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, region = Qt.Key(event.key()), self.focused
        if key in ARROWS and region is not None:
            centres = [centre(r.points) for r in self.plan.regions]
            found = nearest_towards(centres, self.plan.regions.index(region), ARROWS[key])
            if found is not None:
                self.focus_region(self.plan.regions[found])
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and region is not None:
            self.region_clicked.emit(region)
            event.accept()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus) and self.interactive:
            self.zoom_by(0.8 if key == Qt.Key.Key_Minus else 1.25)
            event.accept()
        else:
            super().keyPressEvent(event)

    # --- zoom ---------------------------------------------------------------------------------

    def fit(self) -> None:
        """The whole plan in view."""
        self.zoomed = False
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out, never smaller than the whole plan nor past 8x of it."""
        if not self.zoomed:
            self.fit()
        fitted = min(self.viewport().width() / self.plan.width,
                     self.viewport().height() / self.plan.height)
        current = self.transform().m11()
        target = max(fitted, min(fitted * 8, current * factor))
        if target <= fitted * 1.001:
            self.fit()
            return
        self.zoomed = True
        self.scale(target / current, target / current)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.zoomed:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.interactive:
            event.ignore()  # the page around a small plan scrolls
            return
        self.zoom_by(1.25 if event.angleDelta().y() > 0 else 0.8)

    # --- pointer ------------------------------------------------------------------------------

    def region_at_view(self, pos: QPointF) -> Region | None:
        point = self.mapToScene(pos.toPoint())
        return self.plan.region_at((point.x(), point.y()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        region = self.region_at_view(event.position())
        if region != self.hovered:
            self.hovered = region
            self._paint_regions()
            self.setToolTip(self.region_title(region) if region else "")
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press = getattr(self, "_press", None)
        moved = press is not None and (event.position() - press).manhattanLength() > 8
        if event.button() == Qt.MouseButton.LeftButton and not moved:
            region = self.region_at_view(event.position())
            if region is not None or not self.interactive:
                self.region_clicked.emit(region)
