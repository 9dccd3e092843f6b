"""The attract screen: photos, today's forums and key figures in both languages until touched."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEasingCurve,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QWidget,
)

from guide.content.database import content_info
from guide.content.models import Figure
from guide.kiosk.slides import ForumLine, Section, Slide, build_slides
from guide.kiosk.widgets.base import (
    PALETTE,
    Overlay,
    chinese,
    latin_where_latin,
    pixel_font,
    text_height,
    wrap_text,
)
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.image_delegates import NO_PICTURE, paint_picture_note, paint_placeholder
from guide.ui.images import ImageCache, picture_shows

ATTRACT_CONTEXT = "KioskAttract"
# The attract screen shows every string in both languages at once (it speaks to
# whoever walks by), the kiosk's language first; these are looked up in the Chinese
# translation directly.
TOUCH_TO_START = str(QT_TRANSLATE_NOOP("KioskAttract", "Touch the screen to start"))
PHOTOS = str(QT_TRANSLATE_NOOP("KioskAttract", "Photos from the forum"))
TODAY = str(QT_TRANSLATE_NOOP("KioskAttract", "Today"))
NEXT = str(QT_TRANSLATE_NOOP("KioskAttract", "Coming up"))
ON_NOW = str(QT_TRANSLATE_NOOP("KioskAttract", "On now"))
LATER_TODAY = str(QT_TRANSLATE_NOOP("KioskAttract", "Later today"))
SCHEDULE = str(QT_TRANSLATE_NOOP("KioskAttract", "Forums"))
KEY_FIGURES = str(QT_TRANSLATE_NOOP("KioskAttract", "Key figures"))
TIME_TBA = str(QT_TRANSLATE_NOOP("KioskAttract", "Time not announced"))
MORE = str(QT_TRANSLATE_NOOP("KioskAttract", "+ %1 more"))  # forums of the day not on the slide
# Over the days of a forum (or an imported programme's event) that is over.
ENDED = {"forum ended": str(QT_TRANSLATE_NOOP("KioskAttract", "The forum has ended")),
         "event ended": str(QT_TRANSLATE_NOOP("KioskAttract", "The event has ended"))}
FADE_MS = 700
# A schedule slide, in units of a 1080-pixel-high screen: a day's heading, the gap under
# each card, a "+ 2 more" line, the space after a day.
HEADING, GAP, MORE_LINE, DAY_GAP = 70, 16, 44, 12
# A forum card's time column and the gap after it: "Time not announced" fills the column, and a
# gap of 20 left it 14 pixels from the bold title at 1366x768.
TIME_COLUMN, TIME_GAP = 308, 32
Fit = tuple[float, list[list[int]]]  # the cards' text unit, each shown card's height per day


def section_heading(section: Section) -> tuple[str, str]:
    """A schedule section's heading in Chinese and in English: "On now  Sat 27 December 2025"."""
    label = {"today": TODAY, "now": ON_NOW, "later": LATER_TODAY, "next": NEXT}.get(section.label,
                                                                                 SCHEDULE)
    if section.label == "later":  # it follows "On now" and its date: said once is enough
        return chinese(ATTRACT_CONTEXT, label), label
    return (f"{chinese(ATTRACT_CONTEXT, label)}  {tx.format_date(section.day, 'zh', weekday=True)}",
            f"{label}  {tx.format_date(section.day, 'en', weekday=True)}")


def paint_photo(painter: QPainter, box: QRect, images: ImageCache, image: str | None,
                note: str, unit: float) -> None:
    """A slide's photo in ``box``, or its placeholder, with ``note`` when the file is missing."""
    pixmap = images.pixmap(image, QSize(1600, 1000))
    if pixmap is not None:
        size = pixmap.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawPixmap(QRect(box.topLeft(), size), pixmap)
        return
    paint_placeholder(painter, box, PALETTE)
    if images.is_missing(image, QSize(1600, 1000)):  # not merely loading
        paint_picture_note(painter, box, note, theme.bold_as_drawn(pixel_font(28 * unit, bold=True), note))


def highlights(ctx: AppContext) -> list[Slide]:
    """The attract screen's slides now; a photo only where its picture shows."""
    return build_slides(ctx.content, ctx.clock.now(), lambda path: picture_shows(ctx.content, path))


def figure_cards(area: QRect, n: int, unit: float) -> list[QRect]:
    """Where ``n`` key figures' cards go in ``area``: side by side on a landscape screen, one
    above the other on a portrait one, where three thin columns had left most of the screen
    empty and cut the quotes short."""
    gap = int(32 * unit)
    stacked = area.height() > area.width()
    across = 1 if stacked else max(1, n)
    width = (area.width() - gap * (across - 1)) // across
    height = min((area.height() - gap * (n - 1)) // max(1, n) if stacked else area.height(),
                 int(600 * unit))
    return [QRect(area.left(), area.top() + i * (height + gap), width, height) if stacked
            else QRect(area.left() + i * (width + gap), area.top(), width, height) for i in range(n)]


def value_font(values: list[str], width: int, unit: float) -> QFont:
    """The number's lettering on a slide's figure cards: 72 units, or smaller (to 44) until
    each of ``values`` is one line in ``width``. One size and weight for every card: "773,000
    contracts" and "4.78 trillion yuan" broke over two lines of 72 and put their cards'
    labels a line below the third card's."""
    font = pixel_font(72 * unit, bold=True)
    while font.pixelSize() > 44 * unit and any(
            QFontMetrics(latin_where_latin(v, font)).horizontalAdvance(v) > width for v in values):
        font.setPixelSize(font.pixelSize() - 1)
    # One weight too: 77.3万项 at DemiBold (drawn regular) beside 87.6% in Bold looked bolder.
    return theme.bold_as_drawn(font, "".join(values))


def paint_figure_card(painter: QPainter, card: QRect, figure: Figure,
                      pair: Callable[[str, str], tuple[str, str]], unit: float,
                      big: QFont | None = None) -> int:
    """One key figure on its card: the number in both languages, its label, and the
    newspaper's sentence it comes from (in the kiosk's language only: two long quotes do not
    fit a card). ``pair`` orders a Chinese and an English text for the kiosk's language;
    ``big``: the number's font (:func:`value_font`, 72 units by default).
    Returns the height its text took (more than the card's when cut)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 28))
    painter.drawRoundedRect(QRectF(card), 22 * unit, 22 * unit)
    inner = card.adjusted(int(32 * unit), int(30 * unit), -int(32 * unit), -int(24 * unit))
    y = inner.top()
    value, value_other = pair(tx.figure_value(figure, "zh"), tx.figure_value(figure, "en"))
    y += wrap_text(painter, QRect(inner.left(), y, inner.width(), inner.height()),
                   value, big or pixel_font(72 * unit, bold=True), QColor("#ffd27f")) + int(4 * unit)
    if value_other:
        y += wrap_text(painter, QRect(inner.left(), y, inner.width(), inner.bottom() - y),
                       value_other, pixel_font(30 * unit, bold=True), QColor("#ffe7b8"))
    y += int(24 * unit)
    label, label_other = pair(figure.label, figure.label_en)
    y += wrap_text(painter, QRect(inner.left(), y, inner.width(), inner.bottom() - y),
                   label, pixel_font(34 * unit, bold=True), QColor("#ffffff")) + int(10 * unit)
    y += wrap_text(painter, QRect(inner.left(), y, inner.width(), inner.bottom() - y),
                   label_other, pixel_font(26 * unit), QColor("#d6e6ff")) + int(28 * unit)
    if figure.quote:
        quote = pair(figure.quote, figure.quote_en or "")[0]
        used = wrap_text(painter, QRect(inner.left() + int(20 * unit), y,
                                        inner.width() - int(20 * unit), inner.bottom() - y),
                         tx.figure_quote(quote), pixel_font(24 * unit), QColor("#cfe3f7"))
        painter.fillRect(QRect(inner.left(), y, int(6 * unit), used), QColor("#7fe0d6"))
        y += used
    return y - card.top() + int(24 * unit)


def one_line(pair: tuple[str, str], sep: str = "  ·  ") -> str:
    """Both languages of :meth:`AttractScreen.pair` on one line (once when they say the same)."""
    return sep.join(t for t in pair if t)


def _paint_header(painter: QPainter, top: QRect, unit: float, first: str, second: str) -> QRect:
    """The event's name (and its other language's, when it differs), from ``top``'s corner;
    returns the header's rectangle. One line's height when the name is one text: the second
    line's room had stood empty over the day's sessions."""
    header = QRect(top.left(), top.top(), top.width(), int((110 if second else 60) * unit))
    wrap_text(painter, header, first, pixel_font(44 * unit, bold=True), QColor("#ffffff"))
    wrap_text(painter, header.adjusted(0, int(60 * unit), 0, 0), second,
              pixel_font(26 * unit), QColor("#b9d3f5"))
    return header


class AttractScreen(Overlay):
    """Cycles through highlights of the forum while nobody uses the kiosk."""

    slide_changed = Signal(int)

    def __init__(self, parent: QWidget, ctx: AppContext, images: ImageCache, *,
                 seconds: float = 8.0, reduced_motion: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("kioskAttract")
        self.setAccessibleName("Touch the screen to start · 触摸屏幕开始")
        self.ctx = ctx
        self.images = images
        self.reduced_motion = reduced_motion
        self.slides: list[Slide] = []
        self.index = 0
        self.previous: int | None = None
        self.fade = 1.0
        self._fits: dict[tuple[int, int, int, str], Fit] = {}  # measured once, not every frame
        self.title = self.title_en = ""  # the event's, read at each start (content may change)
        self.timer = QTimer(self)
        # Reduced motion: no cross-fade, and the highlights change half as often.
        self.timer.setInterval(int(seconds * 1000 * (2 if reduced_motion else 1)))
        self.timer.timeout.connect(self.next_slide)
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setDuration(FADE_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self.animation.valueChanged.connect(self._faded)
        images.image_ready.connect(lambda _key: self.update() if self.isVisible() else None)

    def start(self, slides: list[Slide]) -> None:
        """Show from the first highlight and cycle."""
        self.slides = slides
        info = content_info(self.ctx.content)
        self.title, self.title_en = info.title, info.title_en
        self._fits.clear()
        self.index = 0
        self.previous = None
        self.fade = 1.0
        self.present()
        self.timer.start()
        self.update()

    def stop(self) -> None:
        """Hide and stop cycling (a visitor touched the screen)."""
        self.timer.stop()
        self.animation.stop()
        self.hide()

    def next_slide(self) -> None:
        if not self.slides:
            return
        self.previous = self.index
        self.index = (self.index + 1) % len(self.slides)
        if self.reduced_motion:
            self.previous, self.fade = None, 1.0
            self.update()
        else:
            self.fade = 0.0
            self.animation.start()
        self.slide_changed.emit(self.index)

    def show_slide(self, index: int) -> None:
        """Jump to a highlight (screenshots)."""
        self.animation.stop()
        self.index = index % max(1, len(self.slides))
        self.previous, self.fade = None, 1.0
        self.update()

    def _faded(self, value: object) -> None:
        self.fade = float(value)  # type: ignore[arg-type]
        if self.fade >= 1.0:
            self.previous = None
        self.update()

    def pair(self, zh: str, en: str) -> tuple[str, str]:
        """(first, second): both languages, the kiosk's language first (big), the other below;
        second is "" when it says the same (an imported programme's titles are one text)."""
        first, second = (en, zh) if self.ctx.state.lang == "en" and en else (zh, en)
        return first, "" if second.strip() == first.strip() else second

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w, h = self.width(), self.height()
        gradient = QLinearGradient(0, 0, w, h)
        gradient.setColorAt(0, QColor("#0a2d63"))
        gradient.setColorAt(1, QColor("#0a5c63"))
        painter.fillRect(self.rect(), gradient)
        # Designed for 1920x1080; a portrait screen is designed for as 1080x1920 (its width
        # measured against a landscape design's 1500 px set its text at 72% of that).
        unit = min(h / 1920, w / 1080) if h > w else min(h / 1080, w / 1500)
        margin = int(56 * unit)
        header = _paint_header(painter, QRect(margin, int(28 * unit), w - 2 * margin, 0), unit,
                               *self.pair(self.title, self.title_en))
        band_height = int(170 * unit)
        body = QRect(margin, header.bottom() + int(24 * unit), w - 2 * margin,
                     h - header.bottom() - band_height - int(48 * unit))
        if self.slides:
            if self.previous is not None and self.fade < 1.0:
                painter.setOpacity(1.0 - self.fade)
                self._paint_slide(painter, self.slides[self.previous], body, unit)
            painter.setOpacity(self.fade if self.previous is not None else 1.0)
            self._paint_slide(painter, self.slides[self.index], body, unit)
            painter.setOpacity(1.0)
        self._paint_band(painter, QRect(0, h - band_height, w, band_height), unit)
        painter.end()

    def _paint_band(self, painter: QPainter, rect: QRect, unit: float) -> None:
        painter.fillRect(rect, QColor(255, 255, 255, 235))
        painter.fillRect(QRect(rect.left(), rect.top(), rect.width(), int(6 * unit)),
                         QColor(PALETTE.focus))
        text_rect = rect.adjusted(0, int(18 * unit), 0, -int(40 * unit))
        first, second = self.pair(chinese(ATTRACT_CONTEXT, TOUCH_TO_START), TOUCH_TO_START)
        painter.setFont(theme.bold_as_drawn(pixel_font(60 * unit, bold=True), first))
        painter.setPen(QColor(PALETTE.primary))
        top = text_rect.adjusted(0, 0, 0, -text_rect.height() // 2 + int(10 * unit))
        painter.drawText(top, int(Qt.AlignmentFlag.AlignCenter), first)
        painter.setFont(pixel_font(34 * unit))
        painter.setPen(QColor(PALETTE.text))
        bottom = text_rect.adjusted(0, text_rect.height() // 2 + int(10 * unit), 0, 0)
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignCenter), second)
        # Where we are in the cycle.
        n = len(self.slides)
        if n > 1:
            size, gap = int(12 * unit), int(14 * unit)
            x = rect.center().x() - (n * size + (n - 1) * gap) // 2
            y = rect.bottom() - int(28 * unit)
            painter.setPen(Qt.PenStyle.NoPen)
            for i in range(n):
                painter.setBrush(QColor(PALETTE.primary if i == self.index else PALETTE.border))
                painter.drawEllipse(QRect(x + i * (size + gap), y, size, size))

    def _heading(self, painter: QPainter, rect: QRect, zh: str, en: str, unit: float,
                 color: str = "#ffd27f") -> int:
        text = one_line(self.pair(zh, en))
        font = theme.bold_as_drawn(pixel_font(40 * unit, bold=True), text)
        # One line in its 70 units: set smaller where both languages are wider than the screen
        # (a portrait kiosk's day headings), not cut at its edge.
        while font.pixelSize() > 24 * unit and QFontMetrics(font).horizontalAdvance(text) > rect.width():
            font.setPixelSize(font.pixelSize() - 1)
        painter.setFont(font)
        painter.setPen(QColor(color))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text)
        return int(70 * unit)

    def _paint_slide(self, painter: QPainter, slide: Slide, rect: QRect, unit: float) -> None:
        if slide.kind == "photo" and slide.photo is not None:
            self._paint_photo(painter, slide, rect, unit)
        elif slide.kind == "schedule":
            self._paint_schedule(painter, slide, rect, unit)
        elif slide.kind == "figures":
            self._paint_figures(painter, slide, rect, unit)

    def _paint_photo(self, painter: QPainter, slide: Slide, rect: QRect, unit: float) -> None:
        photo = slide.photo
        if photo is None:
            return
        used = self._heading(painter, rect, chinese(ATTRACT_CONTEXT, PHOTOS), PHOTOS, unit)
        area = rect.adjusted(0, used, 0, 0)
        stacked = area.height() > area.width()  # portrait: the caption under the photo
        image_box = QSize(16, 10).scaled(
            QSize(area.width(), int(area.height() * 0.6)) if stacked
            else QSize(int(area.width() * 0.6), area.height()), Qt.AspectRatioMode.KeepAspectRatio)
        image_rect = QRect(area.left(), area.top(), image_box.width(), image_box.height())
        note = one_line(self.pair(chinese("tx", NO_PICTURE), NO_PICTURE))
        paint_photo(painter, image_rect, self.images, photo.image, note, unit)
        text = (area.adjusted(0, image_rect.height() + int(36 * unit), 0, 0) if stacked
                else QRect(image_rect.right() + int(48 * unit), area.top(),
                           area.right() - image_rect.right() - int(48 * unit), area.height()))
        caption, caption_other = self.pair(photo.caption, photo.caption_en)
        y = text.top() + wrap_text(painter, text, caption, pixel_font(46 * unit, bold=True),
                               QColor("#ffffff"))
        y += int(20 * unit)
        y += wrap_text(painter, QRect(text.left(), y, text.width(), text.bottom() - y), caption_other,
                   pixel_font(32 * unit), QColor("#d6e6ff"))
        y += int(36 * unit)
        credit = "\n".join(c for c in self.pair(photo.credit, photo.credit_en) if c)
        wrap_text(painter, QRect(text.left(), y, text.width(), text.bottom() - y), credit,
              pixel_font(28 * unit, bold=True), QColor("#7fe0d6"))

    def _paint_schedule(self, painter: QPainter, slide: Slide, rect: QRect, unit: float) -> None:
        key = (id(slide), rect.width(), rect.height(), self.ctx.state.lang)
        if key not in self._fits:  # a cross-fade paints the slide some 40 times
            self._fits[key] = self._fit_schedule(slide, rect, unit)
        text_unit, heights = self._fits[key]
        y = rect.top()
        if slide.note in ENDED:  # after the forum: its days are what happened, not what is next
            y += self._heading(painter, QRect(rect.left(), y, rect.width(), int(HEADING * unit)),
                               chinese(ATTRACT_CONTEXT, ENDED[slide.note]), ENDED[slide.note], unit,
                               "#ffffff")  # a statement over the days' (yellow) headings
        for section, section_heights in zip(slide.sections, heights, strict=True):
            y += self._heading(painter, QRect(rect.left(), y, rect.width(), int(HEADING * unit)),
                               *section_heading(section), unit)
            for line, height in zip(section.forums, section_heights, strict=False):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(255, 255, 255, 28))
                painter.drawRoundedRect(QRectF(rect.left(), y, rect.width(), height), 18 * unit, 18 * unit)
                self._forum(painter, line, rect.width(), text_unit, QPoint(rect.left(), y))
                y += height + int(GAP * unit)
            hidden = max(section.total, len(section.forums)) - len(section_heights)
            if hidden:  # the rest are a touch away
                more = one_line(self.pair(chinese(ATTRACT_CONTEXT, MORE), MORE)).replace("%1", str(hidden))
                line_rect = QRect(rect.left() + int(28 * unit), y, rect.width(), int(MORE_LINE * unit))
                wrap_text(painter, line_rect, more, pixel_font(28 * unit, bold=True), QColor("#ffd27f"))
                y += int(MORE_LINE * unit)
            y += int(DAY_GAP * unit)

    def _fit_schedule(self, slide: Slide, rect: QRect, unit: float) -> Fit:
        """The unit to set the cards' text in and the height of each card shown, per day.

        Each card is as tall as its text (a long English title takes two lines). If the slide
        would overflow, the text is set smaller, down to 70%; if it still would, the last
        forums of the longest day are left for a "more" line, and the cards kept are set in the
        largest text they then fit in."""

        note = int(HEADING * unit) if slide.note in ENDED else 0  # "The forum has ended"

        def total(heights: list[list[int]]) -> int:
            return note + sum(int(HEADING * unit) + sum(hs) + int(GAP * unit) * len(hs) + int(DAY_GAP * unit)
                              # the "+ 50 more" line of a day with more forums than the slide takes
                              + (int(MORE_LINE * unit) if len(hs) < max(section.total, len(section.forums))
                                 else 0)
                              for hs, section in zip(heights, slide.sections, strict=True))

        for scale in (1.0, 0.9, 0.8, 0.7):
            text_unit = unit * scale
            heights = [[self._forum(None, line, rect.width(), text_unit) for line in section.forums]
                       for section in slide.sections]
            if total(heights) <= rect.height():
                return text_unit, heights
        while total(heights) > rect.height() and any(len(hs) > 1 for hs in heights):
            max(reversed(heights), key=len).pop()  # on a tie the later day gives way
        # The cards left, in the largest text they fit in: set at 70% for the cards given up,
        # the rest had stood in small type over an empty third of the screen.
        kept = [len(hs) for hs in heights]
        for scale in (1.0, 0.95, 0.9, 0.85, 0.8, 0.75):
            larger = [[self._forum(None, line, rect.width(), unit * scale) for line in section.forums[:n]]
                      for section, n in zip(slide.sections, kept, strict=True)]
            if total(larger) <= rect.height():
                return unit * scale, larger
        return text_unit, heights

    def _forum(self, painter: QPainter | None, line: ForumLine, width: int, unit: float,
               at: QPoint | None = None) -> int:
        """Draw one forum's card text with its top left corner at ``at`` (without a painter,
        only measure it); return the card's height."""
        top, side = int(14 * unit), int(28 * unit)
        origin = at if at is not None else QPoint(0, 0)
        inner = QRect(origin.x() + side, origin.y() + top, width - 2 * side, 1 << 16)

        def text(rect: QRect, value: str, font: QFont, color: str) -> int:
            if painter is None:
                return text_height(rect, value, font)
            return wrap_text(painter, rect, value, font, QColor(color))

        time_width = int((TIME_COLUMN + TIME_GAP) * unit)
        column = QRect(inner.left(), inner.top(), int(TIME_COLUMN * unit), inner.height())
        if line.start_time is None:  # both languages, as everywhere on this screen
            when_zh, when_en = chinese(ATTRACT_CONTEXT, TIME_TBA), TIME_TBA
        else:
            when_zh = when_en = (f"{line.start_time:%H:%M}–{line.end_time:%H:%M}" if line.end_time
                                 else f"{line.start_time:%H:%M}")
        when, when_other = self.pair(when_zh, when_en)
        left_used = text(column, when, pixel_font(32 * unit, bold=True), "#ffd27f")
        if when_other:
            left_used += int(4 * unit) + text(column.adjusted(0, left_used + int(4 * unit), 0, 0),
                                             when_other, pixel_font(24 * unit), "#ffe7b8")
        if line.venue:  # where, under when and as large: in small type after the kind it was
            # hard to read from a step away, and it is what a passer-by needs to find a talk
            left_used += int(6 * unit) + text(column.adjusted(0, left_used + int(6 * unit), 0, 0),
                                             line.venue, pixel_font(32 * unit, bold=True), "#7fe0d6")
        body = inner.adjusted(time_width, 0, 0, 0)
        title, title_other = self.pair(line.title, line.title_en)
        used = text(body, title, pixel_font(38 * unit, bold=True), "#ffffff")
        if title_other:  # the title in the other language, when it has one of its own
            used += int(4 * unit) + text(body.adjusted(0, used + int(4 * unit), 0, 0), title_other,
                                         pixel_font(26 * unit), "#d6e6ff")
        used += int(8 * unit)
        # An imported session's own type ("演讲 · Talk"), as Home's rows show it, over the
        # kind every session shares ("场次 · Session").
        detail = one_line(self.pair(*(tx.session_type(line.session_type, lang) if line.session_type
                                      else tx.forum_kind(line.forum_kind, lang) for lang in ("zh", "en"))),
                          " · ")
        used += int(4 * unit) + text(body.adjusted(0, used + int(4 * unit), 0, 0), detail,
                                     pixel_font(24 * unit), "#7fe0d6")
        return top + max(used, left_used) + int(14 * unit)

    def _paint_figures(self, painter: QPainter, slide: Slide, rect: QRect, unit: float) -> None:
        used = self._heading(painter, rect, chinese(ATTRACT_CONTEXT, KEY_FIGURES), KEY_FIGURES, unit)
        area = rect.adjusted(0, used + int(10 * unit), 0, 0)
        cards = figure_cards(area, len(slide.figures), unit)
        values = [self.pair(tx.figure_value(f, "zh"), tx.figure_value(f, "en"))[0] for f in slide.figures]
        big = value_font(values, min((c.width() for c in cards), default=0) - int(64 * unit), unit)
        for card, figure in zip(cards, slide.figures, strict=True):
            paint_figure_card(painter, card, figure, self.pair, unit, big)
