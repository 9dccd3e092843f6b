"""Kiosk presentation: full screen, frameless and on top; flick scrolling; a wide enough section
list; menus and drop-down lists for a finger."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QMenu,
    QScroller,
    QScrollerProperties,
    QStyleOptionViewItem,
    QWidget,
)

from guide import paths
from guide.kiosk.lettering import lettering_scale
from guide.kiosk.parts import Part
from guide.ui import theme

TOUCH_STYLE = """
QPushButton, QToolButton {{ min-height: {px}px; min-width: {px}px; }}
QWidget#mainToolbar QToolButton {{ qproperty-iconSize: 28px 28px; }}
QLineEdit, QComboBox {{ min-height: {px}px; }}
QTabBar::tab {{ min-height: {px}px; }}
QListView#navigation::item {{ min-height: {px}px; }}
QScrollBar:vertical {{ width: 18px; }}
"""
# The Aa menu for a finger: the desktop's 30 px rows and 8 px tick are for a mouse. The tick
# is an image in the theme's text colour (Qt's own stays 8 px in any box), so it is set again
# when a visitor switches to high contrast.
MENU_STYLE = """
QMenu::item {{ min-height: {px}px; padding: 0px 40px 0px 12px; }}
QMenu::indicator {{ width: {tick}px; height: {tick}px; padding-left: 8px; }}
QMenu::indicator:checked {{ image: url("{check}"); }}
"""
MENU_TICK_PX = 32

Index = QModelIndex | QPersistentModelIndex


class TouchRows(QAbstractItemDelegate):
    """A drop-down list's own delegate with its rows at least ``px`` tall: it draws them as
    before, in the taller row (a style sheet cannot size the rows of a combo's menu-like list)."""

    def __init__(self, inner: QAbstractItemDelegate, px: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.inner = inner  # the combo's own, which it keeps as its child
        self.px = px

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.inner.paint(painter, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.inner.sizeHint(option, index).expandedTo(QSize(0, self.px))

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,
                    index: Index) -> bool:
        return self.inner.editorEvent(event, model, option, index)


class Presentation(Part):
    """How the kiosk shows the guide's window."""

    def present(self, size: tuple[int, int] | None = None) -> None:
        """Show the window frameless and on top: full screen, or at ``size`` (screenshots, tests)."""
        window = self.window
        window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint
                              | Qt.WindowType.WindowStaysOnTopHint)
        if size is None and self.config.full_screen:
            window.showFullScreen()
        else:
            if size is not None:
                window.resize(*size)
            window.show()
        self.attract.present()

    def enable_flick(self, root: QWidget) -> None:
        """Kinetic flick scrolling on every scrolling list and text under ``root``."""
        areas = [root] if isinstance(root, QAbstractScrollArea) else []
        for area in areas + root.findChildren(QAbstractScrollArea):
            viewport = area.viewport()
            if viewport.property("kioskFlick"):
                continue
            # Lists sized to their rows (home's embedded lists) never scroll themselves:
            # leave the drag to the page around them.
            if area.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                continue
            viewport.setProperty("kioskFlick", True)
            scroller = QScroller.scroller(viewport)  # the flick gesture drives this viewport's scroller
            viewport.grabGesture(self.flick_gesture)
            props = scroller.scrollerProperties()
            props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
            props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
                                  QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
            scroller.setScrollerProperties(props)

    def dress_menus(self, palette: str) -> None:
        """Touch-sized items and a large tick on the window's menus, in ``palette``'s colours."""
        check = paths.resources_dir() / "icons" / f"check-{palette}.svg"
        style = MENU_STYLE.format(px=self.config.min_touch_px, tick=MENU_TICK_PX, check=check.as_posix())
        for menu in self.window.findChildren(QMenu):
            menu.setStyleSheet(style)

    def dress_combo(self, combo: QComboBox) -> None:
        """Finger-sized rows in ``combo``'s drop-down list, and room in it for every row that
        fits on the screen (called as the combo shows: some are made after the pages)."""
        if not isinstance(combo.itemDelegate(), TouchRows):
            combo.setItemDelegate(TouchRows(combo.itemDelegate(), self.config.min_touch_px, combo))
        # The list's top and bottom margins are the combo's padding, read when the list was made:
        # before the page named the combo and its own padding applied, 2 px too much each side,
        # so the list scrolled and hid its last choice under a scroll arrow. Read them again.
        popup = combo.view().parentWidget()
        if popup is not None:
            QApplication.sendEvent(popup, QEvent(QEvent.Type.StyleChange))

    def dress_overlays(self) -> None:
        """The keyboard, countdown and PIN pad in the visitor's theme, lettered for their text
        size (they had the standard colours and the screen's sizes whatever a visitor chose)."""
        state = self.ctx.state
        palette = theme.PALETTES.get(state.palette_name, theme.STANDARD)
        scale = lettering_scale(state.text_scale, self.config.text_scale)
        for overlay in (self.keyboard, self.countdown, self.pin_pad):
            overlay.dress(palette, scale)

    def _restore_full_screen(self) -> None:
        # Checked again when the timer fires: a staff exit or shutdown may have come between.
        if not self.allow_close and self.window.isVisible() and not self.window.isFullScreen():
            self.window.showFullScreen()

    def _retranslate(self, _lang: str) -> None:
        for widget in (self.countdown, self.keyboard, self.pin_pad):
            widget.retranslate()
        self.fit_navigation()

    def fit_navigation(self) -> None:
        """Fit the section list to the kiosk's larger type in either language (the window's
        own reflow: full labels, or large icons when they would take too much room)."""
        self.window.fit_chrome()
