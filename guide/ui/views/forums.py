"""Forums: a day strip for every forum day, a kind filter and the day's schedule."""

from __future__ import annotations

import datetime as dt
from html import escape
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from guide.content import places, queries
from guide.content.database import content_info
from guide.content.models import FORUM_KIND_EN
from guide.content.schedule import exhibition_on, programme_day
from guide.ui import text as tx
from guide.ui.context import AppContext
from guide.ui.day_strip import DayChooser, DayStrip
from guide.ui.delegates import ForumDelegate
from guide.ui.flow import FlowLayout
from guide.ui.label_links import TouchLink, keyboard_link
from guide.ui.models.lazy import LazyItemModel
from guide.ui.theme import set_style_state
from guide.ui.timetable_panel import TimetablePanel, ViewToggle
from guide.ui.views.base import Page, list_view


def schedule_days(db: queries.Db) -> list[dt.date]:
    """Every day from the first event (forum or exhibition) to the last, empty days included."""
    days = queries.forum_dates(db)
    period = queries.exhibition_period(db)
    if period:
        days += [period[0], period[1]]
    if not days:
        return []
    first, last = min(days), max(days)
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


# Logical pixels (x text size) of page height below which the header is compact. The
# timetable's: 1024x640 at any text size and 200% text anywhere; not 1280x800 at 100% nor the
# kiosk. The list's (it scrolls rows, one way): large text below ~1080 px (1024x640 and 1280x800
# at 200%, 1024x640 from 160%); not 100% text, where the full header leaves rows enough.
COMPACT_BELOW = 650
LIST_COMPACT_BELOW = 450


class ForumsPage(Page):
    """The day-by-day schedule."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title, self.subtitle = self.header()
        bar = FlowLayout(spacing=12)  # the kind filter moves under the days when narrow
        self.bar = bar
        # A short window's header: the title, a day chooser and the list or grid's controls
        # share lines, so the rows or the grid keep the height (see _update_compact).
        self.compact = False
        self.compact_title = QLabel()
        self.compact_title.setObjectName("pageTitle")
        self.compact_title.setProperty("compact", True)
        self.compact_title.hide()
        bar.addWidget(self.compact_title)
        self.days = DayStrip()
        self.days.setObjectName("dayStrip")
        self.day_chooser: DayChooser | None = None  # made when first needed
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        bar.addWidget(self.days)
        # A visible label, the combo's buddy: screen readers get it as "labelled by" (a combo's
        # own name is its current value, "All kinds", which says nothing of what it filters).
        self.kind_label = QLabel()
        self.kind_label.setObjectName("kindLabel")
        self.kind_label.setBuddy(self.kind)
        kind_box = QWidget()
        kind_row = QHBoxLayout(kind_box)
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addWidget(self.kind_label)
        kind_row.addWidget(self.kind)
        bar.addWidget(kind_box)
        self.view_toggle = ViewToggle()  # the day as a list or as a timetable of rooms
        bar.addWidget(self.view_toggle)
        self.layout_.addLayout(bar)
        self.model = LazyItemModel("forum", lambda ids: queries.forum_rows(ctx.content, ids))
        self.view = list_view(self.model, ForumDelegate(ctx), name="forumList", on_open=self.open_index)
        # It scrolls: on a short window at large text the list gives way, not the day buttons.
        self.view.setMinimumHeight(1)
        self.empty = QLabel()
        self.empty.setObjectName("emptyNote")
        self.empty.setWordWrap(True)
        # A day without forums may be an exhibition day: the note links to it.
        self.empty.linkActivated.connect(lambda href: self.item_opened.emit(*href.split("/", 1)))
        self.empty_touch = TouchLink(self.empty, lambda: ctx.touch_px)  # "The exhibition is open: ..."
        self.layout_.addWidget(self.view, 1)
        # At the top, as tall as its text: with a link its focus ring hugs the note, not the page.
        self.layout_.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        self.grid: TimetablePanel | None = None  # built when first chosen
        self.view_toggle.grid_toggled.connect(self._show_day)
        self._days: list[dt.date] = []
        self.days.currentChanged.connect(self._show_day)
        self.kind.currentIndexChanged.connect(self._show_day)
        ctx.state.text_scale_changed.connect(self._update_compact)
        self.refresh()

    def refresh(self) -> None:
        self._days = schedule_days(self.ctx.content)
        # The day whose programme is running: at 00:30 the night's sessions of the day before.
        today = programme_day(self.ctx.content, self.ctx.clock.now())
        self.days.blockSignals(True)
        while self.days.count():
            self.days.removeTab(0)
        for _day in self._days:
            self.days.addTab("")
        self.days.setCurrentIndex(self._days.index(today) if today in self._days else
                                  self._first_day_with_forums())
        self.days.blockSignals(False)
        self._order_tabs()
        self.retranslate()

    def _order_tabs(self) -> None:
        """Tab follows the header as drawn: the day buttons, made last, came after the list.
        Again when shown: Qt rebuilds the order when the page moves into the window; and
        when the day chooser or the timetable is made (each went to the end of the chain:
        at 1024x640 the day came after the whole grid)."""
        chooser = [self.day_chooser] if self.day_chooser is not None else []
        grid = self.grid
        tools = [grid.zoom_out, grid.zoom_in, grid.now_button] if grid is not None else []
        timetable = [grid.view, grid.untimed] if grid is not None else []
        chain = [*chooser, *self.days.buttons, self.kind, self.view_toggle.list_button,
                 self.view_toggle.grid_button, *tools, self.view, *timetable]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _first_day_with_forums(self) -> int:
        dates = set(queries.forum_dates(self.ctx.content))
        return next((i for i, d in enumerate(self._days) if d in dates), 0)

    def retranslate(self) -> None:
        lang = self.ctx.state.lang
        info = content_info(self.ctx.content)
        self.title.setText(tx.pick(info.forums_label, info.forums_label_en, lang) or self.tr("Forums"))
        # What the programme holds is the content's to say (an imported one says nothing).
        self.subtitle.setText(tx.pick(info.forums_subtitle, info.forums_subtitle_en, lang))
        self.subtitle.setVisible(bool(self.subtitle.text()) and not self.compact)
        for i, day in enumerate(self._days):
            self.days.setTabText(i, tx.format_short_date(day, lang))
            self.days.setTabToolTip(i, tx.format_date(day, lang, weekday=True))
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All kinds"), None)
        present = places.forum_kinds(self.ctx.content)
        for kind in (k for k in FORUM_KIND_EN if k in present):  # only kinds this content has
            self.kind.addItem(tx.forum_kind(kind, lang), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self.kind.setAccessibleName(self.tr("Filter by kind"))
        self.kind_label.setText(self.tr("Kind:"))
        self.days.setAccessibleName(self.tr("Forum days"))
        self.compact_title.setText(self.title.text())
        if self.day_chooser is not None:
            self.day_chooser.sync()
            self.day_chooser.setAccessibleName(self.tr("Day"))
        self.view.setAccessibleName(self.tr("Schedule"))
        self.view_toggle.retranslate()
        if self.grid is not None:
            self.grid.retranslate()
        self._show_day()

    def current_day(self) -> dt.date | None:
        i = self.days.currentIndex()
        return self._days[i] if 0 <= i < len(self._days) else None

    def select_day(self, day: dt.date) -> None:
        if day in self._days:
            self.days.setCurrentIndex(self._days.index(day))

    def show_grid(self, on: bool = True) -> None:
        """Show the day as a timetable (or back as a list)."""
        (self.view_toggle.grid_button if on else self.view_toggle.list_button).setChecked(True)

    def _show_day(self, *_: object) -> None:
        day, kind = self.current_day(), self.kind.currentData()
        gridded = self.view_toggle.grid_chosen()
        if gridded and self.grid is None:
            self.grid = TimetablePanel(self.ctx)
            self.grid.item_opened.connect(self.item_opened)
            self.layout_.addWidget(self.grid, 1)
            self.bar.addWidget(self.grid.tools)  # zoom and Now wrap with the page's controls
            self._order_tabs()
        if self.grid is not None and gridded:  # the grid reads the day itself; the list waits
            self.grid.show_day(day, kind)
            ids = self.grid.session_ids()
        else:
            ids = queries.forum_ids(self.ctx.content, day=day, kind=kind) if day else []
            self.model.set_ids(ids)
        if self.grid is not None:
            self.grid.setVisible(gridded and bool(ids))
            self.grid.tools.setVisible(gridded and bool(ids))  # untimed: its note says why no grid
        self._update_compact()
        self.view.setVisible(bool(ids) and not gridded)
        self.empty.setVisible(not ids)
        keyboard_link(self.empty, False)
        self.empty.setAccessibleName("")
        if not ids and day is not None:
            if self.kind.currentData():
                self.empty.setText(self.tr("No forums of this kind on this day."))
            else:
                self.empty.setText(self._no_forums_note(day))

    def _no_forums_note(self, day: dt.date) -> str:
        """"No forums on this day.", and on an exhibition day a link to the exhibition (the
        label's accessible name says it all in plain words: it takes the focus for the link)."""
        note = self.tr("No forums on this day.")
        expo = exhibition_on(self.ctx.content, day)
        if expo is None:
            return escape(note)
        keyboard_link(self.empty)  # only a note with a link takes the focus
        main = expo[0]
        title = tx.pick(main.title, main.title_en, self.ctx.state.lang)
        open_ = self.tr("The exhibition is open: %1")
        self.empty.setAccessibleName(f"{note} {open_.replace('%1', title)}")
        link = f'<a href="area/{escape(main.id)}">{escape(title)}</a>'
        return f"{escape(note)}<br>{escape(open_).replace('%1', link)}"

    # --- a short window's header ------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_compact()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._order_tabs()
        self._update_compact()

    def _update_compact(self, *_: object) -> None:
        """On a window short for its text size the header shrinks to a line or two.

        The day buttons (touch-sized, wrapping) give way to a drop-down, and the title moves
        into the line of controls: at 200% text on 1024x640 the header took all but ~90 px of
        the grid, and of the list all but the top of one row. A list scrolls one way, so it
        keeps the full header down to a shorter window than the grid does.
        """
        # A page being built has Qt's default size (480 high), not its own: it would switch
        # to compact and back before it is first shown (in the kiosk soak that churn ended in
        # a crash at a later garbage collection). It is judged when shown.
        if not self.isVisible():
            return
        below = COMPACT_BELOW if self.view_toggle.grid_chosen() else LIST_COMPACT_BELOW
        compact = self.height() < below * self.ctx.state.text_scale
        if compact == self.compact:
            return
        self.compact = compact
        if compact and self.day_chooser is None:
            self.day_chooser = DayChooser(self.days)
            self.bar.insertWidget(self.bar.indexOf(self.days) + 1, self.day_chooser)
            self.day_chooser.sync()
            self.day_chooser.setAccessibleName(self.tr("Day"))
            self._order_tabs()
        self.title.setVisible(not compact)
        self.subtitle.setVisible(not compact and bool(self.subtitle.text()))
        self.compact_title.setVisible(compact)
        self.days.setVisible(not compact)
        if self.day_chooser is not None:
            self.day_chooser.setVisible(compact)
        self.view_toggle.set_compact(compact)
        set_style_state(self.kind, "compact", compact)  # as tall as the buttons beside it
