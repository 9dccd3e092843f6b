"""Delegates that paint list rows and grid cards: no widget per row.

Each delegate turns the model's item into a few styled lines and paints them on
a rounded card, so 100,000 rows cost only the rows on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QLinearGradient, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from guide.content.models import Area, Figure, ForumRow, ItemCard, Photo
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.images import ImageCache
from guide.ui.models.lazy import BookmarkedRole, IdRole, ItemRole, KindRole

Index = QModelIndex | QPersistentModelIndex
PAD = 14


@dataclass(frozen=True)
class Line:
    text: str
    font: QFont
    color: str
    wrap: bool = False


class BaseDelegate(QStyledItemDelegate):
    """Shared painting: card background, selection, focus ring, bookmark star."""

    MARGINS = (6, 4, -6, -4)  # the card inside the row
    BOOKMARKABLE = True

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._star_clicked: QPersistentModelIndex | None = None

    def card_rect(self, row: QRect) -> QRect:
        return row.adjusted(*self.MARGINS)

    def star_rect(self, card: QRect) -> QRect:
        """Where the bookmark star sits: top right, a comfortable target."""
        size = QFontMetrics(self.font("title")).height() + 8
        return QRect(card.right() - size - PAD // 2, card.top() + 4, size, size)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,
                    index: Index) -> bool:
        """A press on the star toggles the bookmark instead of opening the item."""
        if (self.BOOKMARKABLE and self.ctx.bookmarks is not None
                and event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton
                and self.star_rect(self.card_rect(option.rect)).contains(event.position().toPoint())
                and index.data(KindRole) and index.data(IdRole)):
            self.ctx.bookmarks.toggle(index.data(KindRole), index.data(IdRole))
            self._star_clicked = QPersistentModelIndex(index)
            return True
        return super().editorEvent(event, model, option, index)

    def consume_star_click(self, index: Index) -> bool:
        """True (once) when the click that is now opening ``index`` was on its star."""
        clicked, self._star_clicked = self._star_clicked, None
        return clicked is not None and clicked.isValid() and clicked.row() == index.row()

    @property
    def palette(self) -> theme.Palette:
        return theme.PALETTES.get(self.ctx.state.palette_name,
                                  theme.STANDARD)

    def font(self, role: str, bold: bool = False) -> QFont:
        return theme.font(role, self.ctx.state.text_scale, bold=bold)

    def paint_card(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect) -> None:
        p = self.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(p.focus if focused else p.border), 3 if focused else 1))
        painter.setBrush(QColor(p.selection if selected else p.surface))
        painter.drawRoundedRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5), 12, 12)

    def paint_star(self, painter: QPainter, index: Index, rect: QRect) -> None:
        """Filled when bookmarked; an outline otherwise, so the target is discoverable."""
        if not self.BOOKMARKABLE or self.ctx.bookmarks is None:
            return
        star = self.star_rect(rect).adjusted(4, 4, -4, -4)
        theme.icon("star-filled" if index.data(BookmarkedRole) else "star").paint(painter, star)

    def paint_lines(self, painter: QPainter, rect: QRect, lines: list[Line]) -> int:
        """Paint lines top-down inside ``rect``; return the y after the last one."""
        y = rect.top()
        for line in lines:
            if not line.text:
                continue
            painter.setFont(line.font)
            painter.setPen(QColor(line.color))
            fm = QFontMetrics(line.font)
            if line.wrap:
                bound = fm.boundingRect(QRect(rect.left(), y, rect.width(), fm.height() * 2),
                                        int(Qt.TextFlag.TextWordWrap), line.text)
                height = min(bound.height(), fm.lineSpacing() * 2)
                painter.drawText(QRect(rect.left(), y, rect.width(), height),
                                 int(Qt.TextFlag.TextWordWrap), line.text)
                y += height + 4
            else:
                elided = fm.elidedText(line.text, Qt.TextElideMode.ElideRight, rect.width())
                painter.drawText(QRect(rect.left(), y, rect.width(), fm.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 elided)
                y += fm.lineSpacing() + 4
        return y

    def lines_height(self, lines: list[Line], wrapped_lines: int = 2) -> int:
        total = 0
        for line in lines:
            if line.text:
                fm = QFontMetrics(line.font)
                total += fm.lineSpacing() * (wrapped_lines if line.wrap else 1) + 4
        return total


class CardDelegate(BaseDelegate):
    """Rows for any kind from :class:`ItemCard` (announcements, people, bookmarks …)."""

    def lines(self, item: Any) -> tuple[list[Line], str]:
        p, lang = self.palette, self.ctx.state.lang
        if isinstance(item, ItemCard):
            first = tx.pick(item.title, item.title_en, lang)
            return ([Line(first, self.font("title", True), p.text),
                     Line(tx.pick(item.subtitle, item.subtitle_en, lang), self.font("body"), p.muted),
                     Line(tx.other(item.title, item.title_en, lang), self.font("small"), p.muted)],
                    tx.format_date(item.date, lang) if item.kind != "figure" else (item.date or ""))
        return [Line(str(item), self.font("body"), p.text)], ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect)
        if item is not None:
            lines, tag = self.lines(item)
            inner = rect.adjusted(PAD, PAD // 2 + 2, -PAD, -PAD // 2)
            if tag:
                painter.setFont(self.font("small"))
                painter.setPen(QColor(self.palette.accent))
                tag_width = QFontMetrics(self.font("small")).horizontalAdvance(tag) + PAD
                painter.drawText(inner.adjusted(0, 0, -30, 0),
                                 int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), tag)
                inner.setRight(inner.right() - 30)
                lines[0:1] = [Line(lines[0].text, lines[0].font, lines[0].color)]
                self.paint_lines(painter, inner.adjusted(0, 0, -tag_width, 0), lines)
            else:
                self.paint_lines(painter, inner.adjusted(0, 0, -30, 0), lines)
            self.paint_star(painter, index, rect)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        probe = ItemCard("x", "x", "国", "x", "x", None)
        return QSize(400, self.lines_height(self.lines(probe)[0]) + PAD + 12)


class ForumDelegate(BaseDelegate):
    """Schedule rows: time (or 'time not announced') and kind on the left, title and organisers."""

    def time_text(self, row: ForumRow) -> str:
        if row.start_time is None:
            return tx.tr("Time not announced")
        start = row.start_time.strftime("%H:%M")
        return f"{start}–{row.end_time.strftime('%H:%M')}" if row.end_time else start

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: ForumRow | None = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect)
        if row is not None:
            p, lang = self.palette, self.ctx.state.lang
            left_w = int(150 * self.ctx.state.text_scale)
            left = QRect(rect.left() + PAD, rect.top() + PAD // 2 + 2, left_w, rect.height() - PAD)
            time_font = self.font("title", bold=row.time_known)
            time_font.setItalic(not row.time_known)
            self.paint_lines(painter, left, [
                Line(self.time_text(row), time_font, p.text if row.time_known else p.muted,
                     wrap=True)])
            self.paint_badge(painter, tx.forum_kind(row.forum_kind, lang),
                             QRect(left.left(), left.bottom() - QFontMetrics(self.font("small")).height()
                                   - 10, left_w, QFontMetrics(self.font("small")).height() + 6))
            body = QRect(left.right() + PAD, left.top(), rect.right() - left.right() - 3 * PAD - 24,
                         left.height())
            names = row.organisers_en if lang == "en" and row.organisers_en else (
                n for n, _r in row.organisers)
            organisers = "  ·  ".join(tx.labelled(tx.role(r, lang), n, lang)
                                      for n, (_zh, r) in zip(names, row.organisers, strict=True))
            self.paint_lines(painter, body, [
                Line(tx.pick(row.title, row.title_en, lang), self.font("title", True), p.text),
                Line(tx.other(row.title, row.title_en, lang), self.font("body"), p.muted),
                Line(organisers, self.font("small"), p.accent),
            ])
            self.paint_star(painter, index, rect)
        painter.restore()

    def paint_badge(self, painter: QPainter, label: str, rect: QRect) -> None:
        fm = QFontMetrics(self.font("small"))
        badge = QRect(rect.left(), rect.top(), fm.horizontalAdvance(label) + 16, rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.palette.selection))
        painter.drawRoundedRect(badge, 8, 8)
        painter.setPen(QColor(self.palette.primary))
        painter.setFont(self.font("small"))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), label)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        lines = [Line("国", self.font("title", True), ""), Line("国", self.font("body"), ""),
                 Line("国", self.font("small"), "")]
        return QSize(600, self.lines_height(lines) + PAD + 14)


def paint_placeholder(painter: QPainter, rect: QRect, palette: theme.Palette, mark: str) -> None:
    """A designed stand-in for a missing image: brand gradient, a large character, a camera."""
    gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
    gradient.setColorAt(0, QColor(palette.primary))
    gradient.setColorAt(1, QColor(palette.accent))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(QRectF(rect), 10, 10)
    big = QFont(painter.font())
    big.setPointSizeF(max(12.0, rect.height() / 3.2))
    big.setBold(True)
    painter.setFont(big)
    painter.setPen(QColor(255, 255, 255, 70))
    # The first Chinese character makes a better watermark than "2" of "2023…".
    glyph = next((c for c in mark if "\u4e00" <= c <= "\u9fff"), mark[:1])
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), glyph)
    side = max(16, rect.height() // 6)
    theme.icon("camera").paint(painter, QRect(rect.right() - side - 10, rect.bottom() - side - 10,
                                              side, side))


class ImageCardDelegate(BaseDelegate):
    """Cards with a picture on top: the image from the worker thread, or the placeholder."""

    MARGINS = (6, 6, -6, -6)
    IMAGE = (300, 190)  # at 100% text
    FILL = False  # crop to fill the box (cards) or show the whole image (photos)

    def __init__(self, ctx: AppContext, images: ImageCache, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.images = images

    def image_size(self) -> QSize:
        s = self.ctx.state.text_scale
        return QSize(int(self.IMAGE[0] * s), int(self.IMAGE[1] * s))

    def image_box(self, card: QRect) -> QRect:
        return QRect(card.left() + 8, card.top() + 8, card.width() - 16, self.image_size().height())

    def paint_picture(self, painter: QPainter, box: QRect, path: str | None, mark: str) -> None:
        pixmap = self.images.pixmap(path, self.image_size())
        if pixmap is None:
            paint_placeholder(painter, box, self.palette, mark)
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
    """Gallery tiles: image or placeholder, then the caption and a distinct credit line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        photo: Photo | None = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect)
        if photo is not None:
            p, lang = self.palette, self.ctx.state.lang
            area = self.image_box(rect)
            self.paint_picture(painter, area, photo.image, photo.caption)
            text = QRect(area.left() + 4, area.bottom() + 10, area.width() - 8,
                         rect.bottom() - area.bottom() - 12)
            caption = tx.pick(photo.caption, photo.caption_en, lang)
            self.paint_lines(painter, text, [
                Line(caption, self.font("body", True), p.text, wrap=True),
                Line(photo.credit_en if lang == "en" and photo.credit_en else photo.credit,
                     self.font("small", True), p.accent),
            ])
            self.paint_star(painter, index, rect)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        lines = [Line("国", self.font("body", True), "", wrap=True), Line("国", self.font("small"), "")]
        size = self.image_size()
        return QSize(size.width() + 28, size.height() + self.lines_height(lines) + 36)


class AreaDelegate(ImageCardDelegate):
    """Exhibition cards: image or placeholder, the name in both languages, kind and dates."""

    IMAGE = (320, 150)
    FILL = True

    def kind_label(self, area: Area) -> str:
        return {"exhibition": tx.tr("Exhibition"), "area": tx.tr("Exhibition area"),
                "field": tx.tr("Technology field")}.get(area.area_kind, area.area_kind)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        area: Area | None = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect)
        if area is not None:
            p, lang = self.palette, self.ctx.state.lang
            box = self.image_box(rect)
            self.paint_picture(painter, box, area.image, area.title)
            period = ""
            if area.start_date and area.end_date:
                period = tx.format_period(area.start_date, area.end_date, lang)
            text = QRect(box.left() + 6, box.bottom() + 10, box.width() - 12, rect.bottom() - box.bottom())
            self.paint_lines(painter, text, [
                Line(tx.pick(area.title, area.title_en, lang), self.font("title", True), p.text),
                Line(tx.other(area.title, area.title_en, lang), self.font("body"), p.muted),
                Line(" · ".join(x for x in (self.kind_label(area), period) if x), self.font("small"),
                     p.accent),
            ])
            self.paint_star(painter, index, rect)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        lines = [Line("国", self.font("title", True), ""), Line("国", self.font("body"), ""),
                 Line("国", self.font("small"), "")]
        size = self.image_size()
        return QSize(size.width() + 28, size.height() + self.lines_height(lines) + 34)


class FigureDelegate(BaseDelegate):
    """Key-figure rows: the number large, then what it measures, its year and the quote."""

    BOOKMARKABLE = False  # figures are read in place; bookmarks are for things to visit or read

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        figure: Figure | None = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect)
        if figure is not None:
            p, lang = self.palette, self.ctx.state.lang
            left_w = int(250 * self.ctx.state.text_scale)
            inner = rect.adjusted(PAD, PAD // 2 + 2, -PAD, -PAD // 2)
            self.paint_lines(painter, QRect(inner.left(), inner.top(), left_w, inner.height()), [
                Line(tx.figure_value(figure, lang), self.font("heading", True), p.primary, wrap=True)])
            year = str(figure.year) if figure.year else ""
            label = tx.pick(figure.label, figure.label_en, lang)
            self.paint_lines(painter, inner.adjusted(left_w + PAD, 0, -30, 0), [
                Line(f"{label}  {year}".strip(), self.font("title", True), p.text),
                Line(f"“{tx.pick(figure.quote, figure.quote_en, lang)}”", self.font("small"),
                     p.muted),
            ])
            self.paint_star(painter, index, rect)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        lines = [Line("国", self.font("heading", True), "", wrap=True)]
        return QSize(600, self.lines_height(lines) + PAD + 8)
