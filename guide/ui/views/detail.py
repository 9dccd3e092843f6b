"""Detail page for any item: title, bookmark button, rich-text body with cross-links, photos."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guide.content import records
from guide.content.area import Area
from guide.content.records import Forum
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.accessible import LinkSpots
from guide.ui.context import AppContext
from guide.ui.image_delegates import PhotoDelegate
from guide.ui.images import ImageCache
from guide.ui.kinds import area_kind_label, kind_label
from guide.ui.models.lazy import LazyItemModel
from guide.ui.near_links import NearLinks
from guide.ui.views.base import Page, TextSizedButton, fit_grid, list_view
from guide.ui.views.detail_html import ORIGINAL_LINK, css, reading_size, render
from guide.ui.views.detail_place import PlaceOnMap
from guide.ui.views.follow import follow_keyboard


def bookmark_button(parent: QWidget, icon_role: str | None = None) -> QPushButton:
    """The ``bookmarkButton`` every detail page carries (``icon_role``: its star's colour)."""
    button = TextSizedButton(parent)
    button.setObjectName("bookmarkButton")
    button.setCheckable(True)
    button.setProperty("iconRole", icon_role)
    button.setIcon(theme.icon("star", icon_role))
    return button


def set_bookmark_look(button: QPushButton, on: bool) -> None:
    button.setChecked(on)
    button.setIcon(theme.icon("star-filled" if on else "star", button.property("iconRole")))
    button.setText(tx.tr("Bookmarked") if on else tx.tr("Bookmark"))
    button.setAccessibleName(button.text())
    button.setAccessibleDescription(tx.tr("Add or remove this item from your bookmarks (Ctrl+D)"))


def unscale_headings(document: QTextDocument) -> None:
    """Section headings at the style sheet's size. Qt sizes <h2> by its own factor of the
    default font, ignoring the CSS size, which made them as large as the page title."""
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                fmt.clearProperty(QTextCharFormat.Property.FontSizeAdjustment)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(),
                                   QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(fmt)
                it += 1
        block = block.next()


class DetailPage(Page):
    """One item of any kind but photos (which open in the photo viewer)."""

    bookmark_toggled = Signal(str, str)  # kind, id
    map_requested = Signal(str, str)  # map id, region id: open the Map page there

    def __init__(self, ctx: AppContext, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind = ""
        self.item_id = ""
        self.item: Any = None
        # One scroll area for the whole page, and a column of readable width inside it: the
        # body grows to its text instead of scrolling in a box of its own.
        self.layout_.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area = scroll
        self.layout_.addWidget(scroll)
        outer = QWidget()
        scroll.setWidget(outer)
        centre = QHBoxLayout(outer)
        centre.setContentsMargins(28, 20, 28, 12)
        self.column_widget = QWidget()
        centre.addWidget(self.column_widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column = QVBoxLayout(self.column_widget)
        self.column = column
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        # The kind and the bookmark button share the first line; the title below has the
        # column's whole width (beside the button, at 200% a long title filled the screen).
        top = QHBoxLayout()
        self.kind_label = QLabel()
        self.kind_label.setObjectName("detailKind")  # a section title's look, level with the button
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setWordWrap(True)
        top.addWidget(self.kind_label, 1, Qt.AlignmentFlag.AlignVCenter)
        self.bookmark = bookmark_button(self)
        self.bookmark.clicked.connect(self._bookmark_clicked)  # bound: no cycle via the button
        top.addWidget(self.bookmark, 0, Qt.AlignmentFlag.AlignVCenter)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        for w in (self.title, self.subtitle):
            titles.addWidget(w)
        column.addLayout(top)
        column.addLayout(titles)
        self.body = QTextBrowser()
        self.body.setObjectName("detailBody")
        self.body.setOpenLinks(False)
        self.body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.anchorClicked.connect(self._follow)
        self.body.document().documentLayout().documentSizeChanged.connect(self._fit_body)
        self.link_spots = LinkSpots(self.body, self._follow)  # links a screen reader can reach
        self.near_links = NearLinks(self.body, self._follow, lambda: ctx.touch_px)  # a kiosk's fingers
        column.addWidget(self.body)
        self.place = PlaceOnMap(ctx, self.map_requested)
        column.addWidget(self.place)
        self.photos_title = QLabel()
        self.photos_title.setObjectName("sectionTitle")
        self.photo_model = LazyItemModel("photo", lambda ids: records.photos(ctx.content, ids))
        self.photos = list_view(self.photo_model, PhotoDelegate(ctx, images), name="detailPhotos",
                                grid=True, on_open=self.open_index)
        images.image_ready.connect(self.photos.viewport().update)
        self.photos.installEventFilter(self)  # a grid fitted to a new width: the column again
        column.addWidget(self.photos_title)
        column.addWidget(self.photos)
        column.addStretch(1)
        follow_keyboard(scroll, [self.body])  # the rows and links the keys reach stay in view
        self._zoom = 0  # extra reader zoom on top of the app's text size (pinch, wheel)
        self.show_original = False  # English pages: the Chinese original shown on request

    def reading_font(self) -> QFont:
        """The body's text: the reading size at the app's text scale, plus the reader's zoom,
        in the content face (English in a Latin face: no wide “ ”, see theme)."""
        face = theme.font("body", self.ctx.state.text_scale)
        face.setPointSizeF(reading_size(self.ctx.state.text_scale) + self._zoom)
        return face

    def _fit_body(self) -> None:
        """The body is exactly as tall as its text (the page scrolls, not the body)."""
        # The contents margins hold the style sheet's border and padding (frameWidth() says
        # the widest of them again: counted too, it left 50 px empty under every card).
        margins = self.body.contentsMargins()
        height = int(self.body.document().size().height()) + margins.top() + margins.bottom() + 2
        if self.body.height() != height:
            self.body.setFixedHeight(height)
        self._fit_column()

    def _fit_column(self) -> None:
        # Wrapped titles make the column taller at its width than its plain minimum says;
        # the scroll area sizes the page by that minimum, so it must say the truth.
        width = self.column_widget.maximumWidth()
        if self.column.hasHeightForWidth() and width < 16_777_215:
            self.column_widget.setMinimumHeight(self.column.totalHeightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A readable line: at most about 40 Chinese characters (75 Latin letters) wide."""
        fm = QFontMetrics(self.body.font())
        measure = fm.horizontalAdvance("国") * 40 + 2 * 26 + 8
        self.column_widget.setFixedWidth(max(200, min(measure, event.size().width() - 56 - 16)))
        if self.photos.isVisibleTo(self):
            fit_grid(self.photos)  # a photo is at most two fifths of the window tall
        self._fit_column()
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The type first, and no attribute taken for granted: events reach this filter while
        # the page is built and torn down too.
        if event.type() == QEvent.Type.Resize and watched is getattr(self, "photos", None):
            self._fit_column()  # the photos' new height: the page scrolls to their foot
        return super().eventFilter(watched, event)

    def _bookmark_clicked(self) -> None:
        self.bookmark_toggled.emit(self.kind, self.item_id)

    def show_item(self, kind: str, item_id: str) -> bool:
        """Show an item; False when the content has no such item."""
        item = records.get_item(self.ctx.content, kind, item_id)
        if item is None:
            return False
        self.kind, self.item_id, self.item = kind, item_id, item
        self.show_original = False
        photos: list[str] = []
        if kind == "area":
            photos = [p.id for p in records.area_photos(self.ctx.content, item_id)]
        elif kind == "announcement":
            photos = [p.id for p in records.announcement_photos(self.ctx.content, item_id)]
        self.photo_model.set_ids(photos)
        self.place.show_item(kind, item_id, item)
        self.retranslate()
        self.scroll_area.verticalScrollBar().setValue(0)
        return True

    def set_bookmarked(self, on: bool) -> None:
        set_bookmark_look(self.bookmark, on)

    def zoom(self, step: int) -> None:
        """Zoom only the reader's text by ``step``; 0 resets. (Ctrl+/Ctrl- scale all text.)"""
        if step == 0:
            self.body.zoomOut(self._zoom)
            self._zoom = 0
        elif -4 <= self._zoom + step <= 10:
            self._zoom += step
            self.body.zoomIn(step)

    def reset_zoom(self) -> None:
        self.zoom(0)

    def retranslate(self) -> None:
        if self.item is None:
            return
        lang = self.ctx.state.lang
        item = self.item
        label = area_kind_label(item.area_kind) if isinstance(item, Area) else kind_label(self.kind)
        if isinstance(item, Forum) and item.row.forum_kind == "session":
            label = tx.forum_kind("session", lang)  # an imported programme's talks are not forums
        self.kind_label.setText(label)
        self.title.setText(tx.pick(item.title, item.title_en, lang))
        # A Latin title keeps its bold in the Chinese UI (see theme.bold_weight).
        theme.set_style_state(self.title, "latin", "false" if theme.has_chinese(self.title.text())
                              else "true")
        other = item.title_en if lang == "zh" else item.title
        self.subtitle.setText(other if other != self.title.text() else "")
        self.subtitle.setVisible(bool(self.subtitle.text()))
        palette = theme.PALETTES.get(self.ctx.state.palette_name, theme.STANDARD)
        self.body.document().setDefaultStyleSheet(css(palette, self.ctx.state.text_scale, lang))
        self.body.setFont(self.reading_font())  # the document takes its default font from it
        self.body.setHtml(render(self.ctx.content, item, lang, self.show_original))
        unscale_headings(self.body.document())
        self.link_spots.rebuild()
        self.body.setAccessibleName(self.tr("Details of %1").replace("%1", self.title.text()))
        has_photos = self.photo_model.rowCount() > 0
        self.photos_title.setText(self.tr("Photos"))
        self.photos.setAccessibleName(self.tr("Photos"))
        self.photos_title.setVisible(has_photos)
        self.photos.setVisible(has_photos)
        if has_photos:
            self.photo_model.refresh()
            fit_grid(self.photos)
        set_bookmark_look(self.bookmark, self.bookmark.isChecked())
        self.place.retranslate()
        self._fit_column()

    def toggle_original(self) -> None:
        """Show or hide the Chinese original under an English page, keeping the reading place."""
        self.show_original = not self.show_original
        scroll = self.scroll_area.verticalScrollBar().value()
        self.retranslate()
        self.scroll_area.verticalScrollBar().setValue(scroll)

    def _follow(self, url: QUrl) -> None:
        if url.toString() == ORIGINAL_LINK:
            self.toggle_original()
            return
        if url.scheme() == "guide" and "/" in url.path():
            kind, item_id = url.path().split("/", 1)
            self.item_opened.emit(kind, item_id)
