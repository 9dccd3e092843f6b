"""Figures: the key numbers as bar charts (drawn with QPainter) with the numbers as text."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from guide.content import queries
from guide.content.models import Figure
from guide.ui import layout_probe as probe
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.figure_delegate import FigureDelegate
from guide.ui.flow import FlowLayout
from guide.ui.models.lazy import LazyItemModel
from guide.ui.views.base import Page, fit_rows, list_view
from guide.ui.views.follow import follow_keyboard


class BarChart(QWidget):
    """Horizontal bars for one group of comparable figures (e.g. contracts 2018 vs 2022)."""

    def __init__(self, ctx: AppContext, figures: list[Figure], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures = figures
        self.setObjectName("figureChart")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # the title wraps: a narrower chart is taller
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.update_accessibility()

    def update_accessibility(self) -> None:
        lang = self.ctx.state.lang
        self.setAccessibleName(self.title())
        self.setAccessibleDescription("; ".join(
            f"{f.year or ''} {tx.figure_value(f, lang)}".strip() for f in self.figures))

    def title(self) -> str:
        f = self.figures[0]
        return tx.pick(f.label, f.label_en, self.ctx.state.lang)

    def _title_rect(self, width: int) -> QRect:
        """Where the title goes in a chart ``width`` wide: wrapped, as many lines as it takes."""
        tfm = QFontMetrics(theme.font("title", self.ctx.state.text_scale, bold=True))
        inner = QRect(0, 0, width, 1 << 16).adjusted(20, 14, -20, 0)
        bound = tfm.boundingRect(QRect(inner.left(), inner.top(), max(1, inner.width()), 1 << 16),
                                 int(Qt.TextFlag.TextWordWrap), self.title())
        return QRect(inner.left(), inner.top(), inner.width(), bound.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        fm = QFontMetrics(theme.font("body", self.ctx.state.text_scale))
        return self._title_rect(width).bottom() + 10 + fm.lineSpacing() * 2 * len(self.figures) + 14

    def sizeHint(self) -> QSize:
        return QSize(520, self.heightForWidth(520))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = theme.PALETTES.get(self.ctx.state.palette_name, theme.STANDARD)
        scale, lang = self.ctx.state.text_scale, self.ctx.state.lang
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(2, 2, -2, -2)
        # On whole pixels (a line centred on a pixel's middle): a 1 px line on the pixels'
        # edge was two half-tone pixels, so the focus ring in high contrast was a dim
        # #008080 beside the unfocused #808080. The ring is 3 px, as the theme's others.
        focused = self.hasFocus() and not theme.ring_hidden(self)
        painter.setPen(QPen(QColor(p.focus if focused else p.border), 3 if focused else 1))
        painter.setBrush(QColor(p.surface))
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 14, 14)
        title_font = theme.font("title", scale, bold=True)
        body_font = theme.font("body", scale)
        fm = QFontMetrics(body_font)
        painter.setFont(title_font)
        painter.setPen(QColor(p.text))
        inner = rect.adjusted(18, 12, -18, -12)
        title = self._title_rect(self.width())  # wrapped whole, never cut: it names the chart
        painter.drawText(title, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), self.title())
        probe.note(painter, title, self.title(), cut=title.bottom() > inner.bottom(), essential=True)
        top = title.bottom() + 10
        peak = max(tx.figure_magnitude(f) for f in self.figures) or 1.0
        label_w = fm.horizontalAdvance("2023") + 16
        value_w = max(fm.horizontalAdvance(tx.figure_value(f, lang)) for f in self.figures) + 16
        bar_w = max(40, inner.width() - label_w - value_w)
        row_h = fm.lineSpacing() * 2
        for i, figure in enumerate(self.figures):
            y = top + i * row_h
            painter.setFont(body_font)
            painter.setPen(QColor(p.muted))
            painter.drawText(QRect(inner.left(), y, label_w, row_h - 8),
                             int(Qt.AlignmentFlag.AlignVCenter), str(figure.year or ""))
            length = max(4, int(bar_w * tx.figure_magnitude(figure) / peak))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(p.primary if i == len(self.figures) - 1 else p.accent))
            painter.drawRoundedRect(QRectF(inner.left() + label_w, y + 4, length, row_h - 16), 6, 6)
            painter.setPen(QColor(p.text))
            painter.drawText(QRect(inner.left() + label_w + length + 8, y, value_w, row_h - 8),
                             int(Qt.AlignmentFlag.AlignVCenter), tx.figure_value(figure, lang))
        painter.end()


class FiguresPage(Page):
    """Charts for the comparable figures, then every figure as a row."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # One scroll area for the whole page: the charts scroll away with the rows, not
        # a short list scrolling under a fixed header.
        self.layout_.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.layout_.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 20, 28, 12)
        column.setSpacing(12)
        self.title, self.subtitle = QLabel(), QLabel()
        self.title.setObjectName("pageTitle")
        self.subtitle.setObjectName("pageSubtitle")
        for label in (self.title, self.subtitle):
            label.setWordWrap(True)
            column.addWidget(label)
        self.charts_row = FlowLayout(spacing=16)  # side by side, or one under the other
        column.addLayout(self.charts_row)
        self.all_title = QLabel()
        self.all_title.setObjectName("sectionTitle")
        self.all_title.setWordWrap(True)
        column.addWidget(self.all_title)
        self.model = LazyItemModel("figure", lambda ids: [
            f for f in (queries.get_figure(ctx.content, i) for i in ids) if f is not None])
        self.view = list_view(self.model, FigureDelegate(ctx), name="figureList",
                              on_open=self.open_index)
        column.addWidget(self.view)
        column.addStretch(1)
        self.charts: list[BarChart] = []
        follow_keyboard(scroll)  # the rows and links the keys reach stay in view
        self.refresh()

    def refresh(self) -> None:
        for chart in self.charts:
            # Unparented now (not deleteLater): the old charts go at once, even in code that
            # only calls processEvents (soak tests), which never runs deferred deletes.
            self.charts_row.removeWidget(chart)
            chart.setParent(None)
        groups = [figs for _, figs in queries.figure_groups(self.ctx.content) if len(figs) > 1]
        # The two most telling comparisons side by side; the rest are rows below.
        self.charts = [BarChart(self.ctx, figs, self) for figs in groups[:2]]
        for chart in self.charts:
            self.charts_row.addWidget(chart)
        self._order_tabs()
        self.model.set_ids(queries.item_ids(self.ctx.content, "figure"))
        self.retranslate()
        fit_rows(self.view)

    def _order_tabs(self) -> None:
        """Tab as drawn: the charts, then the list under them (charts made after the list,
        and made again with new content, joined the chain after it)."""
        for first, second in pairwise([*self.charts, self.view]):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._order_tabs()  # Qt rebuilds the order when the page moves into the window

    def retranslate(self) -> None:
        self.title.setText(self.tr("Key figures"))
        self.subtitle.setText(self.tr("The numbers reported at the forum, with their sources"))
        self.all_title.setText(self.tr("All figures"))
        self.view.setAccessibleName(self.tr("All figures"))
        for chart in self.charts:
            chart.update_accessibility()
            chart.updateGeometry()
            chart.update()
        self.model.refresh()
        fit_rows(self.view)
