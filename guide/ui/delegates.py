"""Delegates that paint list rows and grid cards: no widget per row.

Each delegate turns the model's item into a few styled lines and paints them on
a rounded card, so 100,000 rows cost only the rows on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from guide.content.models import ForumRow, ItemCard
from guide.ui import layout_probe as probe
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.models.lazy import BookmarkedRole, IdRole, ItemRole, KindRole
from guide.ui.views.base import row_state

Index = QModelIndex | QPersistentModelIndex
PAD = 14
TOUCH = 44  # px: the smallest target a finger hits reliably (the style sheet's buttons too)


@dataclass(frozen=True)
class Line:
    """One run of a card's text: what, in which font and colour, wrapped or not."""
    text: str
    font: QFont
    color: str
    wrap: bool = False
    essential: bool = False  # a title: the layout checker reports it when cut
    max_lines: int = 2  # a wrapped line stops here (titles get more: they are never cut)


def paint_stripe(painter: QPainter, rect: QRect, colour: QColor, palette: theme.Palette) -> None:
    """A track's own colour as a bar at a card's edge, outlined in the text colour where it
    would hardly show on the card (dark blue or grey on high contrast's black: under 3:1)."""
    painter.fillRect(rect, colour)
    surface = QColor(palette.surface)
    if theme.contrast_ratio(colour.rgb() & 0xFFFFFF, surface.rgb() & 0xFFFFFF) < 3:
        painter.save()
        painter.setPen(QPen(QColor(palette.text), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()


def title(text: str, font: QFont, color: str) -> Line:
    """A title line: wraps onto as many lines as it needs (up to 8: a long official name
    takes six in a narrow column), elided only past that."""
    return Line(text, theme.bold_for(font, text), color, wrap=True, essential=True, max_lines=8)


def wrapped(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` broken into lines of ``width`` as Qt wraps it; past ``max_lines`` the last
    line ends in an ellipsis rather than the top of a line that does not fit."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # as drawText and boundingRect wrap
    layout.setTextOption(option)
    starts: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        row = layout.createLine()
        if not row.isValid():
            break
        row.setLineWidth(max(1, width))
        starts.append((row.textStart(), row.textLength()))
    layout.endLayout()
    lines = [text[a:a + n].rstrip() for a, n in starts[:max_lines]]
    if len(starts) > max_lines:
        rest = text[starts[max_lines - 1][0]:]
        lines[-1] = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, max(1, width))
    return lines


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

    def star_on_picture(self) -> bool:  # on an image (or its placeholder), not on the card
        return False

    def star_rect(self, card: QRect) -> QRect:
        """Where the bookmark star sits: top right."""
        size = QFontMetrics(self.font("title")).height() + 8
        return QRect(card.right() - size - PAD // 2, card.top() + 4, size, size)

    def star_room(self) -> int:
        """The width a card's text leaves free for the star, which grows with the text."""
        return max(30, 999 - PAD - self.star_rect(QRect(0, 0, 1000, 100)).left() + 4)

    def star_target(self, card: QRect) -> QRect:
        """Where a press toggles the bookmark: the star, grown to a finger's 44 px around it
        (at 100% text the star is about 30 px; a kiosk's own minimum there), within the card."""
        star, touch = self.star_rect(card), max(TOUCH, self.ctx.touch_px)
        target = QRect(0, 0, max(touch, star.width()), max(touch, star.height()))
        target.moveCenter(star.center())
        # Kept inside the card: moved in from its top and right edges, not cut.
        target.moveTop(max(target.top(), card.top()))
        target.moveRight(min(target.right(), card.right()))
        return target.intersected(card)

    def bookmarkable(self, index: Index) -> bool:
        """Whether ``index``'s row has a star (to draw, to press, for Ctrl+D)."""
        return self.BOOKMARKABLE and self.ctx.bookmarks is not None

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,
                    index: Index) -> bool:
        """A press on the star toggles the bookmark instead of opening the item."""
        if (self.bookmarkable(index)
                and event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton
                and self.star_target(self.card_rect(option.rect)).contains(event.position().toPoint())
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

    def font(self, role: str, bold: bool = False, *, lang: str | None = None) -> QFont:
        """The content font of ``role`` for text in ``lang`` (by default the UI's): the English
        title under a Chinese one reads in the Latin face, without the full-width quotes of the CJK face."""
        return theme.font(role, self.ctx.state.text_scale, bold=bold, lang=lang)

    @property
    def other_lang(self) -> str:
        """The language the UI is not in (of the second title line)."""
        return "zh" if self.ctx.state.lang == "en" else "en"

    def paint_card(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect,
                   index: Index | None = None) -> None:
        p, (selected, focused) = self.palette, row_state(option, index)  # no index: the option says
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(p.focus if focused else p.border), 3 if focused else 1))
        painter.setBrush(QColor(p.selection if selected else p.surface))
        painter.drawRoundedRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5), 12, 12)

    def paint_star(self, painter: QPainter, index: Index, rect: QRect) -> None:
        """Filled when bookmarked; an outline otherwise, so the target is discoverable."""
        if not self.bookmarkable(index):
            return
        star = self.star_rect(rect).adjusted(4, 4, -4, -4)
        if self.star_on_picture():  # a disc of the card's colour: the star reads on any picture
            p = self.palette
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(p.border), 1))
            painter.setBrush(QColor(p.surface))
            painter.drawEllipse(QRectF(star).adjusted(-5, -5, 5, 5))
        theme.icon("star-filled" if index.data(BookmarkedRole) else "star").paint(painter, star)
        probe.note(painter, star, "star", icon=True)

    def paint_lines(self, painter: QPainter, rect: QRect, lines: list[Line]) -> int:
        """Paint lines top-down inside ``rect``; return the y after the last one."""
        return self.paint_rows(painter, rect, lines)[0]

    def paint_rows(self, painter: QPainter, rect: QRect, lines: list[Line]) -> tuple[int, int | None]:
        """As :meth:`paint_lines`, and also where the baseline of the last row painted lies
        (None when nothing was): what a tag beside that row stands on."""
        y, baseline = rect.top(), None
        for line in lines:
            if not line.text:
                continue
            painter.setFont(line.font)
            painter.setPen(QColor(line.color))
            fm = QFontMetrics(line.font)
            if line.wrap:
                bound = fm.boundingRect(QRect(rect.left(), y, max(1, rect.width()), 100_000),
                                        int(Qt.TextFlag.TextWordWrap), line.text)
                height = min(bound.height(), fm.lineSpacing() * line.max_lines + fm.descent())
                shown = wrapped(line.text, line.font, rect.width(), line.max_lines)
                for n, text in enumerate(shown):  # the last line elided: no half line below it
                    painter.drawText(QRect(rect.left(), y + n * fm.lineSpacing(), rect.width(),
                                           fm.height()),
                                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                     text)
                # Centred in a box as tall as the font: the baseline is its top + ascent.
                baseline = y + (len(shown) - 1) * fm.lineSpacing() + fm.ascent()
                probe.note(painter, QRect(rect.left(), y, rect.width(), height), line.text,
                           cut=bound.height() > height or bound.width() > rect.width() + 2,
                           essential=line.essential)
                y += height + 4
            else:
                elided = fm.elidedText(line.text, Qt.TextElideMode.ElideRight, rect.width())
                painter.drawText(QRect(rect.left(), y, rect.width(), fm.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                                 elided)
                baseline = y + fm.ascent()
                probe.note(painter, QRect(rect.left(), y, min(rect.width(),
                                                              fm.horizontalAdvance(elided)),
                                          fm.height()),
                           line.text, cut=elided != line.text, essential=line.essential)
                y += fm.lineSpacing() + 4
        return y, baseline

    def lines_height(self, lines: list[Line], width: int | None = None) -> int:
        """Height :meth:`paint_lines` needs for ``lines`` (wrapped lines at ``width``; without a
        width, at most their line limit)."""
        total = 0
        for line in lines:
            if line.text:
                fm = QFontMetrics(line.font)
                if line.wrap and width is not None:
                    bound = fm.boundingRect(QRect(0, 0, max(1, width), 100_000),
                                            int(Qt.TextFlag.TextWordWrap), line.text)
                    total += min(bound.height(), fm.lineSpacing() * line.max_lines + fm.descent()) + 4
                else:
                    total += fm.lineSpacing() * (min(2, line.max_lines) if line.wrap else 1) + 4
        return total

    def describe(self, item: Any) -> tuple[str, str]:
        """(accessible name, description) of a row: its title in the UI's language, then the
        rest of what the row shows."""
        lines = self.spoken_lines(item)
        texts = [t for t in lines if t]
        return (texts[0] if texts else ""), ". ".join(texts[1:])

    def spoken_lines(self, item: Any) -> list[str]:
        return [str(getattr(item, "title", "") or item)]

    @staticmethod
    def measured_item(index: Index) -> Any:
        """The row's item for measuring, or None in a very long list (measuring every row
        would fetch every row: such rows get the height of a two-line title)."""
        from guide.ui.views.base import LONG_LIST

        model = index.model()
        if model is not None and model.rowCount() > LONG_LIST:
            return None
        return index.data(ItemRole)

    @staticmethod
    def row_width(option: QStyleOptionViewItem, fallback: int = 600) -> int:
        """The width a list row gets: its view's viewport (rows span it)."""
        view = option.widget
        if isinstance(view, QAbstractItemView) and view.viewport().width() > 50:
            return int(view.viewport().width())
        return fallback


class CardDelegate(BaseDelegate):
    """Rows for any kind from :class:`ItemCard` (announcements, people, bookmarks …)."""

    def lines(self, item: Any) -> tuple[list[Line], str]:
        p, lang = self.palette, self.ctx.state.lang
        if isinstance(item, ItemCard):
            first = tx.pick(item.title, item.title_en, lang)
            subtitle = tx.pick(item.subtitle, item.subtitle_en, lang)
            return ([title(first, self.font("title", True), p.text),
                     Line(subtitle, self.font("body"), p.muted),
                     Line(tx.other(item.title, item.title_en, lang), self.font("small", lang=self.other_lang),
                          p.muted)],
                    tx.format_date(item.date, lang) if item.kind != "figure" else (item.date or ""))
        return [Line(str(item), self.font("body"), p.text)], ""

    def spoken_lines(self, item: Any) -> list[str]:
        lines, tag = self.lines(item)
        return [line.text for line in lines] + [tag]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect, index)
        if item is not None:
            lines, tag = self.lines(item)
            inner = rect.adjusted(PAD, PAD // 2 + 2, -PAD - self.star_room(), -PAD // 2)
            above, beside = self.beside_tag(lines, tag)
            y = self.paint_lines(painter, inner, above)
            _y, baseline = self.paint_rows(
                painter, inner.adjusted(0, y - inner.top(), -self.tag_width(tag), 0), beside)
            if tag:
                self.paint_tag(painter, inner, tag, baseline)
            self.paint_star(painter, index, rect)
        painter.restore()

    def paint_tag(self, painter: QPainter, inner: QRect, tag: str, baseline: int | None) -> None:
        """The tag at the right on the baseline of the row beside it, as one line with it (at
        the bottom of ``inner`` it sat 6 px below that row); at the bottom when no row is."""
        font = self.font("small")
        painter.setFont(font)
        painter.setPen(QColor(self.palette.accent))
        if baseline is None:
            painter.drawText(inner, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), tag)
            return
        fm = QFontMetrics(font)  # a box as the rows' (top + ascent is the baseline)
        painter.drawText(QRect(inner.left(), baseline - fm.ascent(), inner.width(), fm.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), tag)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        item = self.measured_item(index)
        if item is None:
            item = ItemCard("x", "x", "国国", "x", "x", None)
        lines, tag = self.lines(item)
        width = self.row_width(option) - 12 - 2 * PAD - self.star_room()
        above, beside = self.beside_tag(lines, tag)
        beside_height = self.lines_height(beside, width - self.tag_width(tag))
        return QSize(400, self.lines_height(above, width) + beside_height + PAD + 12)

    def tag_width(self, tag: str) -> int:
        """The width the tag (a date, bottom right) takes from the line beside it."""
        return QFontMetrics(self.font("small")).horizontalAdvance(tag) + PAD if tag else 0

    @staticmethod
    def beside_tag(lines: list[Line], tag: str) -> tuple[list[Line], list[Line]]:
        """``lines`` above the tag's row (full width) and beside it: the last line, or all of
        them when the last one wraps (its last row is beside the tag)."""
        shown = [line for line in lines if line.text]
        if not tag or not shown:
            return shown, []
        return ([], shown) if shown[-1].wrap else (shown[:-1], shown[-1:])


class ForumDelegate(BaseDelegate):
    """Schedule rows: time (or 'time not announced') and kind on the left, title and organisers."""

    def time_text(self, row: ForumRow) -> str:
        if row.start_time is None:
            return tx.tr("Time not announced")
        return tx.clock(row.start_time, row.end_time, self.ctx.state.lang, day=row.date, start=row.start,
                        end=row.end)

    def time_column(self, row: ForumRow, time: Line) -> list[Line]:
        """The time and, under it in small type, the day past midnight it falls on or ends on:
        in the narrow column "23:00–01:00（12月28日 周日结…" had lost what it said."""
        times, note = tx.clock_parts(row.start_time, row.end_time, self.ctx.state.lang,
                                     day=row.date, start=row.start, end=row.end)
        return [replace(time, text=times), Line(note, self.font("small"), self.palette.muted,
                                                wrap=True)] if note else [time]

    def parts(self, row: ForumRow) -> tuple[Line, list[Line]]:
        """The time line (left or on top) and the body: title, other-language title, organisers."""
        p, lang = self.palette, self.ctx.state.lang
        time_font = self.font("title", bold=row.time_known)
        time_font.setItalic(not row.time_known and lang == "en")  # Chinese type has no italic
        time = Line(self.time_text(row), time_font, p.text if row.time_known else p.muted,
                    wrap=True, essential=True)
        names = row.organisers_en if lang == "en" and row.organisers_en else (
            n for n, _r in row.organisers)
        by_role: dict[str, list[str]] = {}  # "Host: A and B", not "Host: A · Host: B"
        for n, (_zh, r) in zip(names, row.organisers, strict=True):
            by_role.setdefault(r, []).append(n)
        organisers = "  ·  ".join(tx.labelled(tx.role(r, lang), tx.join_list(ns, lang), lang)
                                  for r, ns in by_role.items())
        if row.room or row.track:  # an imported session: where, and which track
            organisers = "  ·  ".join(x for x in (row.room, row.track, organisers) if x)
        heading = tx.pick(row.title, row.title_en, lang)
        return time, [
            title(heading, self.font("title", True), p.text),
            Line(tx.other(row.title, row.title_en, lang), self.font("body", lang=self.other_lang), p.muted),
            Line(organisers, self.font("small"), p.accent),
        ]

    def kind_text(self, row: ForumRow) -> str:
        """The badge: an imported session's own type, else the forum's kind."""
        lang = self.ctx.state.lang
        return tx.session_type(row.type, lang) if row.type else tx.forum_kind(row.forum_kind, lang)

    def spoken_lines(self, item: Any) -> list[str]:
        time, body = self.parts(item)
        kind = self.kind_text(item)
        return [body[0].text, time.text, kind, *(line.text for line in body[1:])]

    # The body column is given up (time and kind go on top) when it would be narrower than
    # this many title characters: at 12 an official name's English took nine lines and was cut
    # (the Forums page at 200% text on 1024x640). At 100% text the Forums page keeps its
    # columns at every window size; Home's half-width columns stack from about 1280 wide.
    STACK_BELOW_CHARS = 16

    def columns(self, card: QRect) -> tuple[QRect, QRect] | None:
        """(time column, body) side by side, or None when the card is too narrow: stack them."""
        left_w = int(150 * self.ctx.state.text_scale)
        body_w = card.width() - left_w - 3 * PAD - self.star_column()
        em = QFontMetrics(self.font("title", True)).horizontalAdvance("国")
        if body_w < em * self.STACK_BELOW_CHARS:
            return None
        top = card.top() + PAD // 2 + 2
        return (QRect(card.left() + PAD, top, left_w, card.height() - PAD),
                QRect(card.left() + 2 * PAD + left_w, top, body_w, card.height() - PAD))

    def star_column(self) -> int:
        """The room the time line and the body leave for the star: 38 px, or more at large text."""
        return max(PAD + 24, self.star_room())

    def badge_height(self) -> int:
        return QFontMetrics(self.font("small")).height() + 6

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: ForumRow | None = index.data(ItemRole)
        rect = self.card_rect(option.rect)
        painter.save()
        self.paint_card(painter, option, rect, index)
        if row is not None:
            time, body = self.parts(row)
            kind = self.kind_text(row)
            split = self.columns(rect)
            if split is not None:
                left, right = split
                y = self.paint_lines(painter, left, self.time_column(row, time))
                self.paint_badge(painter, kind, QRect(left.left(), y, left.width(),
                                                      self.badge_height()))
                self.paint_lines(painter, right, body)
            else:  # narrow: time and kind on top, then the title across the whole card
                inner = rect.adjusted(PAD, PAD // 2 + 2, -PAD - self.star_column(), -PAD // 2)
                beside = self.badge_beside(time, kind, inner.width())
                if beside is not None:  # one line: the time, its kind after it
                    height = QFontMetrics(time.font).height()
                    self.paint_lines(painter, QRect(inner.left(), inner.top(), beside - PAD + 4,
                                                    height), [time])
                    self.paint_badge(painter, kind, QRect(
                        inner.left() + beside, inner.top() + (height - self.badge_height()) // 2,
                        inner.width() - beside, self.badge_height()))
                    y = inner.top() + max(height, self.badge_height()) + 4
                else:
                    y = self.paint_lines(painter, inner, [time])
                    self.paint_badge(painter, kind, QRect(inner.left(), y, inner.width(),
                                                          self.badge_height()))
                    y += self.badge_height()
                inner.setTop(y + 6)
                self.paint_lines(painter, inner.adjusted(0, 0, self.star_column(), 0), body)
            self.paint_star(painter, index, rect)
        painter.restore()

    def badge_beside(self, time: Line, kind: str, width: int) -> int | None:
        """Where the kind badge starts beside the time on a stacked row's first line, or None
        when the two do not fit in ``width`` (the badge goes under the time)."""
        # As wide as drawText lays it out (italic CJK runs past its horizontal advance).
        time_w = QFontMetrics(time.font).boundingRect(QRect(0, 0, 100_000, 1000), 0, time.text).width()
        badge_w = QFontMetrics(self.font("small")).horizontalAdvance(kind) + 16
        return time_w + PAD if time_w + PAD + badge_w <= width else None

    def paint_badge(self, painter: QPainter, label: str, rect: QRect) -> None:
        fm = QFontMetrics(self.font("small"))
        # An imported session's type can be long ("Live-Podcast Bühne (45 Minuten)"): the badge
        # stays in its column, the label elided (the full type is in the row's description).
        shown = fm.elidedText(label, Qt.TextElideMode.ElideRight, max(1, rect.width() - 16))
        badge = QRect(rect.left(), rect.top(), fm.horizontalAdvance(shown) + 16, rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.palette.selection))
        painter.drawRoundedRect(badge, 8, 8)
        painter.setPen(QColor(self.palette.primary))
        painter.setFont(self.font("small"))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), shown)
        probe.note(painter, badge.adjusted(4, 2, -4, -2), label)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row: ForumRow | None = self.measured_item(index)
        card = self.card_rect(QRect(0, 0, self.row_width(option), 100))
        if row is None:
            return QSize(600, 3 * QFontMetrics(self.font("title", True)).lineSpacing() + PAD + 14)
        time, body = self.parts(row)
        split = self.columns(card)
        if split is not None:
            left, right = split
            height = max(self.lines_height(self.time_column(row, time), left.width()) + self.badge_height(),
                         self.lines_height(body, right.width()))
        else:
            width = card.width() - 2 * PAD - self.star_column()
            kind = self.kind_text(row)
            if self.badge_beside(time, kind, width) is not None:
                head = max(QFontMetrics(time.font).height(), self.badge_height()) + 4
            else:
                head = self.lines_height([time], width) + self.badge_height()
            height = head + 6 + self.lines_height(body, card.width() - 2 * PAD)
        return QSize(600, height + PAD + 14)

