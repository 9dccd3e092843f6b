"""Full-window photo viewer: the image (or a designed placeholder), caption and credit.

Arrow keys step through the photos of the list it was opened from; Esc closes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from guide.content import queries, records
from guide.content.records import Photo
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.image_delegates import NO_PICTURE, paint_placeholder
from guide.ui.images import ImageCache
from guide.ui.label_links import TouchLink, keyboard_link
from guide.ui.views.base import Page, TextSizedButton
from guide.ui.views.detail import bookmark_button, set_bookmark_look

VIEWER_SIZE = QSize(1600, 1000)


class PhotoCanvas(QWidget):
    """Paints the photo scaled with its aspect kept, or the placeholder while there is none."""

    def __init__(self, ctx: AppContext, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.images = images
        self.photo: Photo | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)
        images.image_ready.connect(self._image_ready)  # bound: dropped with the canvas

    def _image_ready(self, _key: str) -> None:
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.photo is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = self.rect().adjusted(20, 10, -20, -10)
        pixmap = self.images.pixmap(self.photo.image, VIEWER_SIZE)
        if pixmap is not None:
            size = pixmap.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawPixmap(QRect(area.left() + (area.width() - size.width()) // 2,
                                     area.top() + (area.height() - size.height()) // 2,
                                     size.width(), size.height()), pixmap)
        else:
            box = QSize(16, 10).scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            rect = QRect(area.left() + (area.width() - box.width()) // 2,
                         area.top() + (area.height() - box.height()) // 2, box.width(), box.height())
            palette = theme.PALETTES.get(self.ctx.state.palette_name, theme.STANDARD)
            missing = self.images.is_missing(self.photo.image, VIEWER_SIZE)
            paint_placeholder(painter, rect, palette, tx.tr(NO_PICTURE) if missing else "",
                              theme.font("title", self.ctx.state.text_scale))
        painter.end()


class PhotoViewer(Page):
    """The photo detail page."""

    closed = Signal()
    bookmark_toggled = Signal(str, str)
    photo_stepped = Signal(str)  # id of the photo now shown

    def __init__(self, ctx: AppContext, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("photoViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.sequence: list[str] = []
        self.photo: Photo | None = None
        top = QHBoxLayout()
        self.counter = QLabel()
        self.counter.setObjectName("muted")
        self.bookmark = bookmark_button(self, "viewer_icon")
        self.bookmark.clicked.connect(self._bookmark_clicked)  # bound methods: no cycles
        self.close_button = TextSizedButton(theme.icon("close", "viewer_icon"), "")
        self.close_button.setObjectName("closeViewer")
        self.close_button.clicked.connect(self.closed.emit)
        top.addWidget(self.counter, 1)
        top.addWidget(self.bookmark)
        top.addWidget(self.close_button)
        self.layout_.addLayout(top)
        self.canvas = PhotoCanvas(ctx, images, self)
        # The arrows flank the picture, at its middle, as in any gallery; the words below
        # have the whole width.
        middle = QHBoxLayout()
        self.prev_button = TextSizedButton(theme.icon("back", "viewer_icon"), "")
        self.prev_button.setObjectName("previousPhoto")
        self.prev_button.clicked.connect(self.previous_photo)
        self.next_button = TextSizedButton(theme.icon("forward", "viewer_icon"), "")
        self.next_button.setObjectName("nextPhoto")
        self.next_button.clicked.connect(self.next_photo)
        text = QVBoxLayout()
        self.caption = QLabel()
        self.caption.setObjectName("photoCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption_other = QLabel()
        self.caption_other.setObjectName("muted")
        self.caption_other.setWordWrap(True)
        self.credit = QLabel()
        self.credit.setObjectName("photoCredit")
        self.area_link = QLabel()
        self.area_link.setObjectName("muted")
        self.area_link.linkActivated.connect(self._follow)
        self.area_touch = TouchLink(self.area_link, lambda: ctx.touch_px)  # a kiosk's finger
        for w in (self.caption, self.caption_other, self.credit, self.area_link):
            w.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            text.addWidget(w)
        # As wide as its line: its focus ring hugs it, not the viewer's whole width.
        text.setAlignment(self.area_link, Qt.AlignmentFlag.AlignHCenter)
        middle.addWidget(self.prev_button, 0, Qt.AlignmentFlag.AlignVCenter)
        middle.addWidget(self.canvas, 1)
        middle.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.layout_.addLayout(middle, 1)
        self.layout_.addLayout(text)

    def show_photo(self, photo_id: str, sequence: list[str] | None = None) -> bool:
        """Show one photo; arrows then walk ``sequence`` (default: every photo)."""
        photo = records.get_photo(self.ctx.content, photo_id)
        if photo is None:
            return False
        if sequence is not None and photo_id in sequence:
            self.sequence = sequence
        elif photo_id not in self.sequence:
            self.sequence = queries.item_ids(self.ctx.content, "photo")
        self.photo = photo
        self.canvas.photo = photo
        self.retranslate()
        self.canvas.update()
        return True

    def _bookmark_clicked(self) -> None:
        if self.photo is not None:
            self.bookmark_toggled.emit("photo", self.photo.id)

    def previous_photo(self) -> None:
        self.step(-1)

    def next_photo(self) -> None:
        self.step(1)

    def step(self, delta: int) -> None:
        if self.photo is None or not self.sequence:
            return
        i = (self.sequence.index(self.photo.id) + delta) % len(self.sequence)
        self.show_photo(self.sequence[i], self.sequence)
        self.photo_stepped.emit(self.sequence[i])

    def set_bookmarked(self, on: bool) -> None:
        set_bookmark_look(self.bookmark, on)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Photo viewer"))
        self.setAccessibleDescription(self.tr("Left and right arrows step through the photos; Esc closes."))
        self.close_button.setAccessibleName(self.tr("Close photo"))
        self.prev_button.setAccessibleName(self.tr("Previous photo"))
        self.next_button.setAccessibleName(self.tr("Next photo"))
        if self.photo is None:
            return
        photo, lang = self.photo, self.ctx.state.lang
        # Content text in the face of its language (the English in the Latin face).
        for label in (self.caption, self.credit):
            theme.set_text_language(label, lang)
        theme.set_text_language(self.caption_other, "zh" if lang == "en" else "en")
        self.caption.setText(tx.pick(photo.caption, photo.caption_en, lang))
        self.caption_other.setText(tx.other(photo.caption, photo.caption_en, lang))
        credit = photo.credit_en if lang == "en" and photo.credit_en else photo.credit
        self.credit.setText(credit)
        self.credit.setAccessibleName(self.tr("Photo credit: %1").replace("%1", credit))
        self.counter.setText(self.tr("Photo %1 of %2").replace(
            "%1", str(self.sequence.index(photo.id) + 1)).replace("%2", str(len(self.sequence))))
        area = queries.get_area(self.ctx.content, photo.area_id) if photo.area_id else None
        shows = self.tr("Shows")
        where = escape(tx.pick(area.title, area.title_en, lang)) if area else ""
        self.area_link.setText(
            tx.labelled(shows, f'<a href="guide:area/{area.id}" style="color:#7fe0d6">{where}</a>',
                        lang) if area else "")
        self.area_link.setAccessibleName(tx.labelled(shows, where, lang) if area else "")
        self.area_link.setVisible(area is not None)
        keyboard_link(self.area_link, area is not None)  # Tab reaches it, Enter opens (mouse only before)
        self.area_touch.fit()
        self.canvas.setAccessibleName(self.caption.text())
        set_bookmark_look(self.bookmark, self.bookmark.isChecked())

    def _follow(self, href: str) -> None:
        if href.startswith("guide:") and "/" in href:
            kind, item_id = href[len("guide:"):].split("/", 1)
            self.item_opened.emit(kind, item_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step(-1)
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space):
            self.step(1)
        elif event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)
