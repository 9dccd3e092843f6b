"""Search as you type: results grouped by kind with highlights, suggestions when empty."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QWidget

from guide.content import places, queries
from guide.content.topics import Topic, advice_example, search_topics
from guide.search import COUNT_CAP, SearchHit, count_by_kind, search_with_fallback
from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.kinds import kind_label
from guide.ui.models.lazy import ItemRole
from guide.ui.models.search import SearchResultsModel, Suggestion, group_hits, with_figure_headings
from guide.ui.search_delegate import SearchDelegate
from guide.ui.views.base import KEYS_SHOWN, Page, list_view, star_clicked

LIMIT = 50


def suggestion(topic: Topic) -> Suggestion:
    """A topic's card: its text, and under it how else to type it (or that it is a track)."""
    hint = " · ".join(t for t in (topic.text_en, topic.pinyin) if t)
    return Suggestion(topic.text, hint or (kind_label(topic.kind) if topic.kind else ""))


class SearchPage(Page):
    """Shows what the ``searchBox`` finds; the box itself lives in the toolbar."""

    query_changed = Signal(str)
    # Up/Down/Enter in the box while another page shows: the results come back first, so
    # the keys never act on a list nobody sees.
    results_requested = Signal()

    def __init__(self, ctx: AppContext, box: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.box = box
        self.title, self.subtitle = self.header()
        self.model = SearchResultsModel(self)
        self.model.lang = ctx.state.lang
        if ctx.bookmarks is not None:
            self.model.is_bookmarked = ctx.bookmarks.is_bookmarked
        # Above the results when they are for fewer words than typed: says which (fallback.py).
        self.fewer = QLabel()
        self.fewer.setObjectName("fewerWordsNote")
        self.fewer.setWordWrap(True)
        self.fewer.setVisible(False)
        self.layout_.addWidget(self.fewer)
        self._delegate = SearchDelegate(ctx)
        self.results = list_view(self.model, self._delegate, name="searchResults", on_open=self._open)
        self.results.setUniformItemSizes(False)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the box
        self.empty = QLabel()
        self.empty.setObjectName("emptyNote")
        self.empty.setWordWrap(True)
        self.layout_.addWidget(self.results, 1)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.layout_.addWidget(self.empty, 1)
        self.last_query: str | None = None
        self._asked = ""  # the query the hits on screen are for: the box's, or fewer of its words
        # Coalesce a burst of keystrokes into one search, run as soon as the loop is idle.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run)
        # A bound method, not a lambda: Qt drops the connection when this page is deleted
        # (content reloads, kiosk resets) while the box lives on.
        box.textChanged.connect(self._text_changed)
        self._hits: list[SearchHit] = []
        self._counted = False  # the counts of self._hits are on screen
        self._more = False  # the search found LIMIT hits: there may be more than are shown
        self._sessions_of: tuple[object, bool] | None = None  # (content, its forums are sessions)
        self._topics_of: tuple[object, list[Topic]] | None = None  # (content, its suggestions)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(0)
        self._counts_timer.timeout.connect(self._add_counts)
        box.installEventFilter(self)
        self._box_focused = box.hasFocus()
        self._ring_chosen()
        self.run()
        self.retranslate()  # names the results list: a kiosk builds this page for every visitor

    def _text_changed(self, _text: str) -> None:
        self._timer.start()

    def run(self) -> None:
        """Search for the box's text now (suggestions when it is blank)."""
        query = self.box.text()
        if query == self.last_query:
            return
        self.last_query = query
        if not query.strip():
            self.model.set_rows([suggestion(t) for t in self._topics()])
            self.results.setVisible(True)
            self.empty.setVisible(False)
            self.fewer.setVisible(False)
        else:
            found = search_with_fallback(self.ctx.content, query, limit=LIMIT)
            hits, self._asked = found.hits, found.asked
            figure_ids = [h.id for h in hits if h.kind == "figure"]
            if figure_ids:
                hits = with_figure_headings(hits, {f.id: f for f in queries.figures(
                    self.ctx.content, figure_ids)})
            # Counts of all matches come a moment later: the hits paint in this frame.
            self._hits, self._counted, self._more = hits, False, len(found.hits) >= LIMIT
            # This keystroke's layout (made by select() below) measures the hits the list
            # shows at once; the rest are measured when the counts come, after its paint.
            if self.isVisible():  # hidden, the list's height is not yet the one it shows
                self._delegate.measure_first(self.results.viewport().height())
            self.model.set_rows(group_hits(hits, {}, COUNT_CAP, sessions=self._sessions()))
            if hits:
                self._counts_timer.start()
            # Nothing found: the advice right under the title, where the eye is, not under an
            # empty list at the bottom of the window.
            self.results.setVisible(bool(hits))
            self.empty.setVisible(not hits)
            self._empty_note()
            self._fewer_note()
        self.retranslate_titles()
        self.select(self.model.selectable_row(0, 1))
        # Only that layout: any other (the scroll bar coming or going changes the width, a
        # new width measures anew) measures every row, or guessed and measured heights
        # could take turns showing and hiding the scroll bar.
        self._delegate.measure_first(None)
        self.query_changed.emit(query)

    def _sessions(self) -> bool:
        """Whether the content's forums are all an imported programme's sessions: asked once
        per content, not at every keystroke (a scan of every forum)."""
        content = self.ctx.content
        if self._sessions_of is None or self._sessions_of[0] is not content:
            self._sessions_of = (content, places.forum_kinds(content) == {"session"})
        return self._sessions_of[1]

    def _topics(self) -> list[Topic]:
        """The content's suggestions, asked once per content (a few searches)."""
        content = self.ctx.content
        if self._topics_of is None or self._topics_of[0] is not content:
            self._topics_of = (content, search_topics(content))
        return self._topics_of[1]

    def _add_counts(self) -> None:
        """Second pass for the query on screen: how many match in all, per kind."""
        query = self.last_query or ""
        # Hidden: the window was closed (its content too) or left in the same turn; the
        # counts come when the page shows again. (Hits below the keystroke's first screen
        # have a guessed height until then, or until the next keystroke replaces them.)
        if not self._hits or query != self.box.text() or not self.isVisible():
            return
        row = self.results.currentIndex().row()
        # Counted for the words the hits are for: the counts agree with the list.
        counts = count_by_kind(self.ctx.content, self._asked or query)
        self.model.set_rows(group_hits(self._hits, counts, COUNT_CAP, sessions=self._sessions()))
        self._counted = True
        self.select(row if row >= 0 else self.model.selectable_row(0, 1))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_header()
        if self._hits and not self._counted:
            self._counts_timer.start()

    def retranslate_titles(self) -> None:
        if self.box.text().strip():
            self.title.setText(self.tr("Search results"))
            shown = len(self.model.hits())
            # A group may count "100+" under a list of 50: say these are the best of more.
            note = (self.tr("The best %1 shown, grouped by kind") if self._more
                    else self.tr("%1 shown, best first, grouped by kind"))
            self.subtitle.setText(note.replace("%1", str(shown)) if shown else self.tr("No results"))
        else:
            self.title.setText(self.tr("Search"))
            self.subtitle.setText(self.tr("Type Chinese, pinyin or English. Or start with one of these:")
                                  if self._topics() else self.tr("Type Chinese, pinyin or English."))
        self._fit_header()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_header()

    def _fit_header(self) -> None:
        """Shorter than its minimum (a kiosk's keyboard over half of a short screen, at a
        large text size), the page lets its subtitle, then its title, give way to the
        results: the box above still says what was searched. While a kiosk's keyboard is up
        they give way as soon as there is a query: at 200% the title took half of what the
        keys left, and only one or two results showed."""
        if not self.isVisible():  # fitted when shown, at its size then
            return
        margins = self.layout_.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        body = self.results if self.results.isVisibleTo(self) else self.empty
        body_min = (body.heightForWidth(width) if body is self.empty
                    else body.minimumSizeHint().height())
        if self.fewer.isVisibleTo(self):  # never gives way: it says what the results are for
            body_min += self.fewer.heightForWidth(width) + self.layout_.spacing()
        room = self.height() - margins.top() - margins.bottom() - body_min
        if self._keys_up() and self.box.text().strip():
            room = 0  # typing on a kiosk's keys: the results take the room, the box says what for
        spacing = self.layout_.spacing()
        title = self.title.sizeHint().height() + spacing
        subtitle = self.subtitle.heightForWidth(width) + spacing
        self.title.setVisible(room >= title)
        self.subtitle.setVisible(room >= title + subtitle)

    def _keys_up(self) -> bool:
        """Whether a kiosk's on-screen keyboard covers the bottom of the pages."""
        stack = self.parentWidget()
        return stack is not None and bool(stack.property(KEYS_SHOWN))

    def _empty_note(self) -> None:
        """The advice when nothing is found, in the UI's language, set in the face of its
        content (English in the Latin face: the CJK face's quotes are full width)."""
        theme.set_text_language(self.empty, self.ctx.state.lang)
        # Examples from the content, which find something: the forum's topics offered pinyin
        # and English examples to a congress programme they could never match.
        example = advice_example(self._topics())
        if example is None:
            note = self.tr("Nothing found for “%1”. Try another spelling or a shorter word.")
        else:
            note = self.tr("Nothing found for “%1”. Try pinyin (%2), English (%3) or a shorter word.")
            note = note.replace("%2", example.pinyin).replace("%3", example.text_en)
        self.empty.setText(note.replace("%1", (self.last_query or "").strip()[:40]))

    def _fewer_note(self) -> None:
        """Over results found for fewer words than typed: which words, in the UI's language."""
        query = (self.last_query or "").strip()
        fewer = bool(self._hits and query) and self._asked != self.last_query
        self.fewer.setVisible(fewer)
        if fewer:
            theme.set_text_language(self.fewer, self.ctx.state.lang)
            note = self.tr("No results for “%1”. Showing results for “%2”.")
            self.fewer.setText(note.replace("%1", query[:40]).replace("%2", self._asked[:40]))

    def retranslate(self) -> None:
        self.model.lang = self.ctx.state.lang
        if (self.last_query or "").strip() and not self._hits:
            self._empty_note()
        self._fewer_note()
        self.retranslate_titles()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.viewport().update()

    def select(self, row: int) -> None:
        if row >= 0:
            self.results.setCurrentIndex(self.model.index(row, 0))
            index = self.model.index(row, 0)
            hit = self.results.visualRect(index).height()
            room = self.results.viewport().height()
            above = self.results.visualRect(self.model.index(0, 0)).united(
                self.results.visualRect(index)).height()
            # The first hit keeps its group's heading ("Forums · 1") in sight above it when
            # both fit, when the hit does not fit anyway, or while a kiosk's keys are up (the
            # list read from its top as each key brings results); otherwise a hit that fits
            # only alone is shown whole (a long title at 200%).
            if row == self.model.selectable_row(0, 1) and (above <= room or hit > room or self._keys_up()):
                self.results.scrollToTop()
            else:
                self.results.scrollTo(index)

    def keyboard_list(self) -> QAbstractItemView | None:
        """The results, while the box has the focus: Up and Down in the box move in them."""
        if self.box.hasFocus() and self.results.isVisible():
            return self.results
        return super().keyboard_list()

    def move_selection(self, step: int) -> None:
        current = self.results.currentIndex().row()
        row = self.model.selectable_row(current + step, step)
        self.select(row)

    def _open(self, index: QModelIndex) -> None:
        if star_clicked(self.sender(), index):
            return
        row = index.data(ItemRole)
        if isinstance(row, SearchHit):
            self.item_opened.emit(row.kind, row.id)
        elif isinstance(row, Suggestion):
            self.box.setText(row.text)
            self.box.setFocus()

    def _ring_chosen(self) -> None:
        """Ring the chosen hit while keys with an Enter type in the box (search_delegate): not
        while a kiosk's on-screen keys do, which have none (the ring promised what they cannot)."""
        ringed = self._box_focused and not theme.typed_by_taps(self.box)
        if self.results.property("keysInBox") != ringed:
            self.results.setProperty("keysInBox", ringed)
            self.results.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down/Enter/Esc in the box drive the results list."""
        if watched is self.box and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._box_focused = event.type() == QEvent.Type.FocusIn
            self._ring_chosen()
        elif watched is self.box and event.type() == QEvent.Type.DynamicPropertyChange:
            self._ring_chosen()  # perhaps taps, or a keyboard's keys, type in it now (focus_rings)
        if watched is self.box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            moves = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if key in moves and not self.isVisible():
                self.results_requested.emit()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._timer.stop()
                self.run()
                self.move_selection(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._timer.stop()
                self.run()
                index = self.results.currentIndex()
                if index.isValid():
                    self._open(index)
                return True
            if key == Qt.Key.Key_Escape:
                self.box.clear()
                return True
        return super().eventFilter(watched, event)
