"""Home: the forum at a glance — dates, today and next, latest news, key figures."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from guide.content import queries
from guide.content.database import content_info
from guide.content.schedule import exhibition_on, today_and_next
from guide.ui import text as tx
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.delegates import CardDelegate, ForumDelegate
from guide.ui.figure_delegate import FigureDelegate
from guide.ui.label_links import keyboard_link
from guide.ui.models.lazy import LazyItemModel
from guide.ui.views.base import Page, fit_rows, list_view
from guide.ui.views.follow import follow_keyboard

KEY_FIGURES = 4


class HomePage(Page):
    """The forum at a glance."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its lists take the focus, one by one
        self.scroll_area = scroll
        self.layout_.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(10)

        hero = QFrame()
        hero.setObjectName("card")
        hero_layout = QVBoxLayout(hero)
        hero_layout.setContentsMargins(24, 18, 24, 18)
        self.forum_title = QLabel()
        self.forum_title.setObjectName("pageTitle")
        self.forum_dates = QLabel()
        self.forum_dates.setObjectName("pageSubtitle")
        self.expo_dates = QLabel()
        self.expo_dates.setObjectName("pageSubtitle")
        self.clock_note = QLabel()
        self.clock_note.setObjectName("muted")
        for w in (self.forum_title, self.forum_dates, self.expo_dates, self.clock_note):
            w.setWordWrap(True)
            hero_layout.addWidget(w)
        column.addWidget(hero)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.grid = grid
        self._columns = 0
        self._panels: list[QWidget] = []
        self._wanted = 2
        self._before_forum = False  # no forum yet today and the first forum day still ahead
        self._after_forum = False  # the last forum day is past
        self._has_news = False  # the content has news at all
        self.today_title, self.next_title = self._section(), self._section()
        self.today_model = LazyItemModel("forum", lambda ids: queries.forum_rows(ctx.content, ids))
        self.next_model = LazyItemModel("forum", lambda ids: queries.forum_rows(ctx.content, ids))
        self.today_view = list_view(self.today_model, ForumDelegate(ctx), name="todayList",
                                    on_open=self.open_index)
        self.next_view = list_view(self.next_model, ForumDelegate(ctx), name="nextList",
                                   on_open=self.open_index)
        self.today_empty, self.next_empty, self.news_empty = QLabel(), QLabel(), QLabel()
        for w in (self.today_empty, self.next_empty, self.news_empty):
            w.setObjectName("muted")
            w.setWordWrap(True)
        self.today_empty.linkActivated.connect(self.page_requested)  # "Browse its programme"
        # On exhibition days: that it is open, and which areas (Today alone would be empty on
        # the first day, when no forum is on yet).
        self.expo_note = QLabel()
        self.expo_note.setObjectName("todayNote")
        self.expo_note.setWordWrap(True)
        column.addWidget(self.expo_note)
        self._arrange(2)
        column.addLayout(grid)

        self.news_title = self._section()
        column.addWidget(self.news_title)
        self.news_model = LazyItemModel("announcement",
                                        lambda ids: queries.cards(ctx.content, "announcement", ids))
        self.news_view = list_view(self.news_model, CardDelegate(ctx), name="latestNews",
                                   on_open=self.open_index)
        column.addWidget(self.news_view)
        column.addWidget(self.news_empty)

        self.figures_title = self._section()
        column.addWidget(self.figures_title)
        self.figures_model = LazyItemModel("figure", lambda ids: [
            f for f in (queries.get_figure(ctx.content, i) for i in ids) if f is not None])
        self.figures_view = list_view(self.figures_model, FigureDelegate(ctx), name="keyFigures",
                                      on_open=self.open_index)
        column.addWidget(self.figures_view)
        column.addStretch(1)
        self.refresh()
        follow_keyboard(scroll)  # the rows and links the keys reach stay in view

    def _arrange(self, columns: int) -> None:
        """Today and Next side by side, or Next below Today when two columns would be narrow.

        Each is a column of its own (heading, list, note), so a note stands right under its
        heading, not below the other column's longer list."""
        self._wanted = columns
        if self._before_forum or self._after_forum:  # one column hidden: the other is full width
            columns = 1
        if columns == self._columns:
            return
        self._columns = columns
        if not self._panels:
            for title, view, empty in ((self.today_title, self.today_view, self.today_empty),
                                       (self.next_title, self.next_view, self.next_empty)):
                panel = QWidget()
                box = QVBoxLayout(panel)
                box.setContentsMargins(0, 0, 0, 0)
                for w in (title, view, empty):
                    box.addWidget(w)
                self._panels.append(panel)
        for panel in self._panels:
            self.grid.removeWidget(panel)
        for col, panel in enumerate(self._panels):
            row, col = (0, col) if columns == 2 else (col, 0)
            self.grid.addWidget(panel, row, col, Qt.AlignmentFlag.AlignTop)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1 if columns == 2 else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Two columns only while each still fits a title of about 16 characters a line.
        char = QFontMetrics(theme.font("title", self.ctx.state.text_scale, bold=True))
        self._arrange(2 if self.width() - 56 >= 2 * 16 * char.horizontalAdvance("国") + 18 else 1)
        super().resizeEvent(event)

    def _section(self) -> QLabel:
        label = QLabel()
        label.setObjectName("sectionTitle")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        return label

    def refresh(self) -> None:
        db = self.ctx.content
        now = self.ctx.clock.now()
        today, self._next_day, upcoming = today_and_next(db, now)
        self.today_model.set_ids([r.id for r in today])
        self.next_model.set_ids([r.id for r in upcoming])
        # News up to today only: on 26 May, what was reported on the 30th is not news yet.
        self.news_model.set_ids([c.id for c in queries.latest_announcements(db, 3, until=now.date())])
        self.figures_model.set_ids(queries.item_ids(db, "figure")[:KEY_FIGURES])
        # A content without news or figures at all (an imported programme) has no such
        # sections: their headings over nothing, or "No news yet", read as missing content.
        self._has_news = bool(queries.latest_announcements(db, 1))
        self.retranslate()

    def retranslate(self) -> None:
        db, lang = self.ctx.content, self.ctx.state.lang
        info = content_info(db)
        now = self.ctx.clock.now()
        self.forum_title.setText(tx.pick(info.title, info.title_en, lang))
        dates = queries.forum_dates(db)
        label = tx.pick(info.forums_label, info.forums_label_en, lang)  # the pack's own word
        period_text = tx.format_period(dates[0], dates[-1], lang) if dates else ""
        self.forum_dates.setText(
            (tx.labelled(label, period_text, lang) if label else
             self.tr("Forums: %1").replace("%1", period_text))
            if dates else self.tr("Forum dates not announced") if self._forum_like()
            else self.tr("Dates not announced"))
        period = queries.exhibition_period(db)
        self.expo_dates.setText(
            self.tr("Exhibition: %1").replace("%1", tx.format_period(*period, lang))
            if period else "")
        self.expo_dates.setVisible(period is not None)  # empty, it left a blank line (a programme)
        self.clock_note.setText(self.tr("Now: %1").replace(
            "%1", f"{tx.format_date(now.date(), lang, weekday=True)} {now:%H:%M}"))
        expo = exhibition_on(db, now.date())
        if expo is not None:
            main, areas = expo
            names = ("、" if lang == "zh" else " · ").join(tx.pick(a.title, a.title_en, lang)
                                                          for a in areas)
            text = self.tr("The exhibition is open today: %1").replace(
                "%1", tx.pick(main.title, main.title_en, lang))
            self.expo_note.setText(f"{text}\n{names}" if names else text)
        self.expo_note.setVisible(expo is not None)
        self._headings(now, lang, dates)
        self.news_title.setText(self.tr("Latest news"))
        self.figures_title.setText(self.tr("Key figures"))
        for view, model in ((self.today_view, self.today_model), (self.next_view, self.next_model),
                            (self.news_view, self.news_model),
                            (self.figures_view, self.figures_model)):
            model.refresh()
            fit_rows(view, model.rowCount())
            view.setVisible(model.rowCount() > 0)
        self.today_empty.setVisible(not self.today_model.rowCount())
        self.next_empty.setVisible(not self.next_model.rowCount())
        self.news_empty.setText(self.tr("No news yet."))
        self.news_empty.setVisible(self._has_news and not self.news_model.rowCount())
        self.news_title.setVisible(self._has_news)
        self.figures_title.setVisible(self.figures_model.rowCount() > 0)
        self.today_view.setAccessibleName(self.today_title.text())
        self.next_view.setAccessibleName(self.next_title.text())
        self.news_view.setAccessibleName(self.news_title.text())
        self.figures_view.setAccessibleName(self.figures_title.text())

    def _forum_like(self) -> bool:
        """True for the forum's own content (news or key figures beside its programme); an
        imported programme (neither) is an event of sessions, and Home words it so."""
        return self._has_news or self.figures_model.rowCount() > 0

    def _headings(self, now: dt.datetime, lang: str, dates: list[dt.date]) -> None:
        """The two schedule columns' titles and empty notes, for where ``now`` falls in the
        forum's days."""
        # With "Later today" beside it, the first column holds only what is on now: headed
        # "Today" it had read as the whole day's list, the sessions still to come missing.
        later_today = self._next_day == now.date()
        self.today_title.setText((self.tr("On now · %1") if later_today else self.tr("Today · %1")).replace(
            "%1", tx.format_date(now.date(), lang, weekday=True)))
        first, last = (dates[0], dates[-1]) if dates else (None, None)
        # Before the forum there is no "today" to speak of: one heading says when it opens,
        # over that day's forums, rather than "Today" over nothing and a note below.
        self._before_forum = bool(first and now.date() < first and not self.today_model.rowCount())
        # After it, nothing is next, ever: Today alone says that it has ended (not while the
        # last day's sessions after midnight are still on).
        self._after_forum = bool(last and now.date() > last and not self.today_model.rowCount())
        self._panels[0].setVisible(not self._before_forum)
        self._panels[1].setVisible(not self._after_forum)
        self._arrange(self._wanted)
        if self._before_forum and first is not None and self._next_day == first:
            day = tx.format_date(first, lang, weekday=True)
            tomorrow = (first - now.date()).days == 1
            if self._forum_like():
                text = (self.tr("The forum opens tomorrow · %1") if tomorrow
                        else self.tr("The forum opens · %1"))
            else:
                text = (self.tr("The event opens tomorrow · %1") if tomorrow
                        else self.tr("The event opens · %1"))
            self.next_title.setText(text.replace("%1", day))
        elif self._next_day is None:
            self.next_title.setText(self.tr("Next"))
        elif later_today:
            self.next_title.setText(self.tr("Later today"))
        else:
            self.next_title.setText(self.tr("Next · %1").replace(
                "%1", tx.format_date(self._next_day, lang, weekday=True)))
        if self.today_model.rowCount() or self._before_forum:
            self.today_empty.setText("")
        elif self._after_forum and self._forum_like():
            self.today_empty.setText(self.tr("The forum has ended. Browse what happened below."))
        elif self._after_forum:
            # An imported programme (no news, no figures) is no forum: "the event".
            self.today_empty.setText(self.tr("The event has ended. <a href=\"%1\">Browse its "
                                             "programme</a>.").replace("%1", "forums"))
        elif later_today:
            self.today_empty.setText(self.tr("Nothing is on right now."))
        else:
            self.today_empty.setText(self.tr("No forums today.") if self._forum_like()
                                     else self.tr("No sessions today."))
        self.next_empty.setText("" if self.next_model.rowCount() else self.tr("Nothing more is scheduled."))
        keyboard_link(self.today_empty, "<a " in self.today_empty.text())
