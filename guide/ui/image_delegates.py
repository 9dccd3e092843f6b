"""Delegates that paint cards with a picture: photos and exhibition areas (and the placeholder
drawn where the content has no image file)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QLinearGradient, QPainter
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from guide.content import queries
from guide.content.area import Area
from guide.content.records import Photo
from guide.ui import layout_probe as probe
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.delegates import PAD, BaseDelegate, Index, Line, title
from guide.ui.images import ImageCache
from guide.ui.kinds import area_kind_label
from guide.ui.models.lazy import ItemRole


def paint_placeholder(painter: QPainter, rect: QRect, palette: theme.Palette,
                      note: str = "", note_font: QFont | None = None) -> None:
    """A stand-in for a picture not (yet) shown: brand gradient and a camera; with ``note``,
    that text (wrapped, in ``note_font``) along the bottom. No letter of the caption as a
    watermark: a lone "C" or "观" said nothing to a visitor."""
    gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
    gradient.setColorAt(0, QColor(palette.primary))
    gradient.setColorAt(1, QColor(palette.accent))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(QRectF(rect), 10, 10)
    side = max(16, rect.height() // 6)
    if note:
        painter.setFont(note_font or painter.font())
        painter.setPen(QColor(palette.on_primary))  # the gradient's ink: black in high contrast
        inset = side + 20  # clear of the camera in the corner
        box = rect.adjusted(inset, 0, -inset, -14)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap)
        painter.save()
        painter.setClipRect(rect)  # a note taller than a small picture stays inside it
        painter.drawText(box, flags, note)
        painter.restore()
    camera = QRect(rect.right() - side - 10, rect.bottom() - side - 10, side, side)
    theme.icon("camera", "on_primary").paint(painter, camera)  # the gradient's own ink
    probe.note(painter, camera, "camera", icon=True)


# What stands in a missing picture's place, on cards, in the viewer and on the kiosk's slides.
NO_PICTURE = str(QT_TRANSLATE_NOOP("tx", "Picture not available"))


def paint_picture_note(painter: QPainter, box: QRect, note: str, font: QFont) -> None:
    """Say in words why a placeholder stands in a picture's place, on a dark band at its
    foot (it reads on every gradient and theme), clear of the placeholder's camera."""
    height = QFontMetrics(font).height() + 12
    camera = max(16, box.height() // 6) + 20
    band = QRect(box.left(), box.bottom() - height, box.width() - camera, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 190))
    painter.drawRoundedRect(QRectF(band), 10, 10)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(band.adjusted(12, 0, -12, 0), int(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        QFontMetrics(font).elidedText(note, Qt.TextElideMode.ElideRight, band.width() - 24))


class ImageCardDelegate(BaseDelegate):
    """Cards with a picture on top: the image from the worker thread, or the placeholder."""

    MARGINS = (6, 6, -6, -6)
    KIND = ""  # "photo" or "area": what :meth:`pictured` asks the content about
    IMAGE = (300, 190)  # at 100% text
    CARD_EXTRA = 28  # a card's width beyond its picture
    FILL = False  # crop to fill the box (cards) or show the whole image (photos)

    def __init__(self, ctx: AppContext, images: ImageCache, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.images = images
        # The last picture size and what it was worked out from: a card asks for it
        # several times at every paint, and the view's width changes only on a resize.
        self._sized: tuple[tuple[int, int, float], QSize] | None = None
        self._pictured: tuple[object, bool] | None = None  # (the content asked, its answer)

    def image_size(self) -> QSize:
        """The picture's size: ``IMAGE`` at the text size, widened or narrowed so that a
        grid's cards fill its rows instead of leaving a card's width empty at the right
        (one column of two in English at 1024 pixels): within a sixth, or down to three
        fifths where that makes two columns of one; a single column fills the row. At most
        two fifths of the window tall, so a card's caption shows with its picture."""
        s = self.ctx.state.text_scale
        parent = self.parent()
        view = parent if isinstance(parent, QListView) and \
            parent.viewMode() == QListView.ViewMode.IconMode else None
        window = view.window().height() if view is not None else -1
        key = (view.width() if view is not None else -1, window, s)
        if self._sized is not None and self._sized[0] == key:
            return self._sized[1]
        width, height = self.IMAGE[0] * s, self.IMAGE[1] * s
        if view is not None:
            # The whole width less a scroll bar, shown or not: a card width that depended on
            # it would bring the bar back and forth.
            room = view.width() - 2 * view.frameWidth() - view.verticalScrollBar().sizeHint().width() - 8
            extra = self.CARD_EXTRA + 2 * view.spacing()
            columns = max(1, int(room // (width * 5 / 6 + extra)))
            if columns == 1 and room // 2 - extra >= width * 3 / 5:
                columns = 2  # larger text: two narrower cards, not one with a strip beside it
            # Steps of 4 pixels: every width is a new decode of every picture shown.
            fitted = (room // columns - extra) // 4 * 4
            if fitted > 0:
                wide = min(fitted, width * 7 / 6) if columns > 1 else fitted
                # A lone column grows wider, not taller: its picture is cropped, not a
                # screenful on a small window at large text.
                height *= min(wide, width * 7 / 6) / width
                width = wide
            # Nor taller than two fifths of the window: at large text on a small window the
            # caption under the picture stays in sight (the window's height, not the view's:
            # a detail page's photo strip is as tall as its cards).
            height = min(height, window * 2 / 5)
        size = QSize(int(width), int(height))
        self._sized = (key, size)
        return size

    def image_box(self, card: QRect) -> QRect:
        return QRect(card.left() + 8, card.top() + 8, card.width() - 16, self.image_size().height())

    def pictured(self) -> bool:
        """Whether the content names a picture for any item of this kind (asked once per
        content). Without one (the newspaper's photo captions and exhibition) the cards are
        words alone: a gradient standing in for every picture had led each card."""
        content = self.ctx.content
        if self._pictured is None or self._pictured[0] is not content:
            self._pictured = (content, queries.pictured(content, self.KIND))
        return self._pictured[1]

    def star_on_picture(self) -> bool:
        return self.pictured()

    def text_box(self, card: QRect) -> QRect:
        """Where a text card's words go: the whole card, clear of the star at its top right."""
        return card.adjusted(PAD, PAD // 2 + 4, -PAD - self.star_room(), -PAD // 2)

    def text_card_height(self, lines: list[Line], width: int) -> int:
        """A text card's height for ``lines`` on a card as wide as a picture of ``width``."""
        inner = width + self.CARD_EXTRA + self.MARGINS[2] - self.MARGINS[0] - 2 * PAD - self.star_room()
        return self.lines_height(lines, inner) + PAD + 4 + self.MARGINS[1] - self.MARGINS[3]

    def picture_note(self, path: str | None) -> str:
        """What the card says in place of its picture: nothing while it loads or once shown,
        "Picture not available" when the file is missing or cannot be decoded; nothing on a
        text card (its page says that the content has no pictures)."""
        if not path and not self.pictured():
            return ""
        return tx.tr(NO_PICTURE) if self.images.is_missing(path, self.image_size()) else ""

    def paint_picture(self, painter: QPainter, box: QRect, path: str | None) -> None:
        pixmap = self.images.pixmap(path, self.image_size())
        if pixmap is None:
            paint_placeholder(painter, box, self.palette)
            note = self.picture_note(path)
            if note:
                paint_picture_note(painter, box, note, self.font("small", True))
            return
        mode = (Qt.AspectRatioMode.KeepAspectRatioByExpanding if self.FILL
                else Qt.AspectRatioMode.KeepAspectRatio)
        scaled = pixmap.size().scaled(box.size(), mode)
        if self.FILL:  # crop the middle of the scaled image to the box
            source_scale = pixmap.width() / scaled.width()
            crop = QRect(int((scaled.width() - box.width()) / 2 * source_scale),
                         int((scaled.height() - box.height()) / 2 * source_scale),
                         int(box.width() * source_scale), int(box.height() * source_scale))
            painter.drawPixmap(box, pixmap, crop)
        else:
            painter.drawPixmap(QRect(box.left() + (box.width() - scaled.width()) // 2,
                                     box.top() + (box.height() - scaled.height()) // 2,
                                     scaled.width(), scaled.height()), pixmap)


class PhotoDelegate(ImageCardDelegate):
    """Gallery tiles: image or placeholder, then the caption and a distinct credit line; where
    the content has no pictures, the caption leads, in both languages, over the credit."""

    KIND = "photo"

    def spoken_lines(self, item: Any) -> list[str]:
        lang = self.ctx.state.lang
        caption = tx.pick(item.caption, item.caption_en, lang)
        other = item.caption_en if lang == "zh" else item.caption
        credit = item.credit_en if lang == "en" and item.credit_en else item.credit
        return [caption, other if other != caption else "", credit, self.picture_note(item.image)]

    def lines(self, photo: Photo) -> list[Line]:
        """The words of a tile: under a picture the caption and credit; on a text card (no
        pictures) the caption as its title, the other language's under it, then the credit."""
        p, lang, pictured = self.palette, self.ctx.state.lang, self.pictured()
        caption = tx.pick(photo.caption, photo.caption_en, lang)
        credit = Line(photo.credit_en if lang == "en" and photo.credit_en else photo.credit,
                      self.font("small", True), p.accent, wrap=not pictured)
        if pictured:
            return [title(caption, self.font("body", True), p.text), credit]
        return [title(caption, self.font("title", True), p.text),
                Line(tx.other(photo.caption, photo.caption_en, lang),
                     self.font("body", lang=self.other_lang), p.muted, wrap=True), credit]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        photo: Photo | None = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect)
        if photo is not None:
            if self.pictured():
                area = self.image_box(rect)
                self.paint_picture(painter, area, photo.image)
                text = QRect(area.left() + 4, area.bottom() + 10, area.width() - 8,
                             rect.bottom() - area.bottom() - 12)
            else:
                text = self.text_box(rect)
            self.paint_lines(painter, text, self.lines(photo))
            self.paint_star(painter, index, rect)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        photo: Photo | None = index.data(ItemRole)
        size = self.image_size()
        if photo is None:
            lines = [title("国", self.font("body", True), ""), Line("国", self.font("small"), "")]
        else:
            lines = self.lines(photo)
        if not self.pictured():
            return QSize(size.width() + self.CARD_EXTRA, self.text_card_height(lines, size.width()))
        return QSize(size.width() + self.CARD_EXTRA,
                     size.height() + self.lines_height(lines, size.width() - 8) + 36)


class AreaDelegate(ImageCardDelegate):
    """Exhibition cards: image or placeholder, the name in both languages, kind and dates;
    where the content has no pictures for its exhibition, the words alone."""

    KIND = "area"
    IMAGE = (320, 150)
    FILL = True
    _tallest: tuple[tuple[object, ...], int] | None = None  # (what it was measured for, text height)

    @staticmethod
    def _one_column(option: QStyleOptionViewItem, card_width: int) -> bool:
        """Whether the grid of ``option``'s view has room for one card a row only."""
        view = option.widget
        if not isinstance(view, QListView):
            return False
        return view.viewport().width() < 2 * (card_width + 2 * view.spacing())

    def _name_lines(self, name: str) -> list[Line]:
        """A pictured card's words as measured: its name (wrapped), a line each for the rest."""
        return [title(name, self.font("title", True), ""), Line("国", self.font("body"), ""),
                Line("国", self.font("small"), "")]

    def picture_note(self, path: str | None) -> str:
        """An area the content gives no picture is shown by its placeholder alone: "Picture
        not available" on every card of the newspaper's exhibition read as failed loads.
        A picture it names that is missing or broken is still said to be."""
        return super().picture_note(path) if path else ""

    def spoken_lines(self, item: Any) -> list[str]:
        lang = self.ctx.state.lang
        title = tx.pick(item.title, item.title_en, lang)
        other = item.title_en if lang == "zh" else item.title
        period = tx.format_period(item.start_date, item.end_date, lang) if (
            item.start_date and item.end_date) else ""
        return [title, other if other != title else "", self.kind_label(item), period,
                self.picture_note(item.image)]

    def kind_label(self, area: Area) -> str:
        return area_kind_label(area.area_kind)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        area: Area | None = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect)
        if area is not None:
            if self.pictured():
                box = self.image_box(rect)
                self.paint_picture(painter, box, area.image)
                text = QRect(box.left() + 6, box.bottom() + 10, box.width() - 12,
                             rect.bottom() - box.bottom())
            else:
                text = self.text_box(rect)
            self.paint_lines(painter, text, self.lines(area))
            self.paint_star(painter, index, rect)
        painter.restore()

    def lines(self, area: Area) -> list[Line]:
        """A card's words: the name, the other language's name (whole on a text card, where
        the room is), the kind and dates."""
        p, lang = self.palette, self.ctx.state.lang
        period = ""
        if area.start_date and area.end_date:
            period = tx.format_period(area.start_date, area.end_date, lang)
        whole = not self.pictured()
        return [title(tx.pick(area.title, area.title_en, lang), self.font("title", True), p.text),
                Line(tx.other(area.title, area.title_en, lang), self.font("body", lang=self.other_lang),
                     p.muted, wrap=whole),
                Line(" · ".join(x for x in (self.kind_label(area), period) if x), self.font("small"),
                     p.accent, wrap=whole)]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Every card as tall as the tallest: a name wrapping to three lines made its card
        # 40 px taller than the others in its row, which then looked ragged. The exhibition
        # has a handful of parts, so measuring them all is cheap (and done once per layout).
        size, pictured = self.image_size(), self.pictured()
        model = index.model()
        area = index.data(ItemRole)
        if area is not None and self._one_column(option, size.width() + self.CARD_EXTRA):
            # One card a row (a narrow window, large text): none beside it to line up with,
            # and the tallest card's height left a blank band under every shorter one.
            width = size.width() + self.CARD_EXTRA
            if not pictured:
                return QSize(width, self.text_card_height(self.lines(area), size.width()))
            own = self._name_lines(tx.pick(area.title, area.title_en, self.ctx.state.lang))
            return QSize(width, size.height() + self.lines_height(own, size.width() - 12) + 34)
        state = self.ctx.state  # the text size too: the picture may keep its size when it changes
        key = (size.width(), size.height(), state.text_scale, state.lang, model.rowCount(), id(model),
               pictured)
        if self._tallest is None or self._tallest[0] != key:
            names = [tx.pick(a.title, a.title_en, self.ctx.state.lang) for a in
                     (model.index(r, 0).data(ItemRole) for r in range(model.rowCount())) if a]
            lines = [self._name_lines(name) for name in names or ["国"]]
            if not pictured:  # a text card: as tall as the tallest card's words
                areas = [a for a in (model.index(r, 0).data(ItemRole) for r in range(model.rowCount())) if a]
                self._tallest = (key, max((self.text_card_height(self.lines(a), size.width()) for a in areas),
                                          default=self.text_card_height(lines[0], size.width())))
            else:
                self._tallest = (key, max(self.lines_height(x, size.width() - 12) for x in lines))
        if not pictured:
            return QSize(size.width() + self.CARD_EXTRA, self._tallest[1])
        return QSize(size.width() + self.CARD_EXTRA, size.height() + self._tallest[1] + 34)
