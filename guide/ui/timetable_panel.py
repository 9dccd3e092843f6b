"""The Forums page's grid view: zoom buttons, the timetable, and the sessions with no time.

Sessions without a time cannot sit on a time axis, so they are listed beside the grid
(or, on a day with no timed session at all, instead of it) rather than dropped.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from guide.content import queries
from guide.content.timetable import DayGrid, day_entries
from guide.ui.context import AppContext
from guide.ui.delegates import ForumDelegate
from guide.ui.models.lazy import IdRole, KindRole, LazyItemModel
from guide.ui.models.timetable import TimetableModel
from guide.ui.theme import set_style_state
from guide.ui.timetable_paint import running_tops
from guide.ui.timetable_view import TimetableView
from guide.ui.views.base import list_view, star_clicked


class ViewToggle(QWidget):
    """Two buttons, List and Timetable; ``grid_toggled(True)`` when the grid is chosen."""

    grid_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewToggle")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.list_button, self.grid_button = QPushButton(), QPushButton()
        for n, button in enumerate((self.list_button, self.grid_button)):
            button.setObjectName("dayButton")
            button.setCheckable(True)
            self.group.addButton(button, n)
            row.addWidget(button)
        self.list_button.setChecked(True)
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, button: int, on: bool) -> None:
        if on:
            self.grid_toggled.emit(button == 1)

    def retranslate(self) -> None:
        self.list_button.setText(self.tr("List"))
        self.grid_button.setText(self.tr("Timetable"))
        self.list_button.setAccessibleName(self.tr("Show the day as a list"))
        self.grid_button.setAccessibleName(self.tr("Show the day as a timetable of rooms and times"))

    def grid_chosen(self) -> bool:
        return self.grid_button.isChecked()

    def set_compact(self, compact: bool) -> None:
        """Text-sized buttons in a short window's one-line header (touch-sized otherwise)."""
        for button in (self.list_button, self.grid_button):
            set_style_state(button, "compact", compact)


class TimetablePanel(QWidget):
    """A day's timetable and its untimed sessions in a list beside it.

    Its tools (zoom, Now, the count of sessions) are one widget, ``tools``, that the page
    places in its own line of controls, where they wrap with the day and kind choosers.
    """

    item_opened = Signal(str, str)  # kind, id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day: dt.date | None = None
        self.kind: str | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.tools = QWidget(self)  # hidden here until the page's bar takes it
        self.tools.hide()
        self.tools.setObjectName("timetableTools")
        tools = QHBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        self.zoom_out, self.zoom_in, self.now_button = QPushButton("−"), QPushButton("+"), QPushButton()
        for button in (self.zoom_out, self.zoom_in, self.now_button):
            tools.addWidget(button)
        self.zoom_out.setObjectName("zoomOut")
        self.zoom_in.setObjectName("zoomIn")
        self.now_button.setObjectName("nowButton")
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        tools.addWidget(self.hint, 1)
        body = QHBoxLayout()
        self.model = TimetableModel(self)
        self.view = TimetableView(ctx)
        self.view.setModel(self.model)
        self.model.describe = self.view.delegate.describe
        self._now_scrolled: int | None = None  # where scroll_to_now left the grid
        self.view.resized.connect(self._view_resized)
        self.view.pager.changed.connect(self._describe)  # the count says which rooms are in view
        self.view.clicked.connect(self._open_block)
        self.view.activated.connect(self._open_block)
        body.addWidget(self.view, 3)
        side = QVBoxLayout()
        self.untimed_title = QLabel()
        self.untimed_title.setObjectName("sectionTitle")
        side.addWidget(self.untimed_title)
        self.untimed_model = LazyItemModel("forum", lambda ids: queries.forum_rows(ctx.content, ids))
        self.untimed_model.is_bookmarked = ctx.bookmarks.is_bookmarked
        self.untimed = list_view(self.untimed_model, ForumDelegate(ctx), name="untimedList",
                                 on_open=self._open_row)
        side.addWidget(self.untimed, 1)
        self.side = QWidget()
        self.side.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.side, 2)
        # On a short window at large text the panel takes the height left over (its grid and
        # list scroll) and the day buttons above keep theirs; no label in it wraps, so the
        # page's layout does not ask it for a height for its width.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        for scroller in (self.view, self.untimed):
            scroller.setMinimumHeight(0)
        column.addLayout(body, 1)
        self.zoom_in.clicked.connect(lambda: self.view.zoom_by(1))
        self.zoom_out.clicked.connect(lambda: self.view.zoom_by(-1))
        self.now_button.clicked.connect(self.scroll_to_now)
        ctx.state.bookmarks_changed.connect(self._bookmarks_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.zoom_in.setToolTip(self.tr("Zoom in: hours taller"))
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.zoom_out.setToolTip(self.tr("Zoom out: hours shorter"))
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.now_button.setText(self.tr("Now"))
        self.now_button.setAccessibleName(self.tr("Scroll to the current time"))
        self.view.setAccessibleName(self.tr("Timetable"))
        # Said to screen readers (the keys are no news to sighted users, and a kiosk names none).
        self.view.setAccessibleDescription(self.tr("Arrow keys move between sessions, Enter opens one."))
        self.untimed.setAccessibleName(self.tr("Sessions without a time"))
        self._describe()
        self.view.relayout()

    def show_day(self, day: dt.date | None, kind: str | None = None) -> None:
        """Show ``day``'s sessions (of ``kind``): timed ones on the grid, the rest beside it."""
        self.day, self.kind = day, kind
        grid = DayGrid(day, day_entries(self.ctx.content, day, kind)) if day else None
        self.model.set_grid(grid, self.ctx.bookmarks.bookmarked_ids("forum"))
        self.view.updateGeometries()
        self.view.horizontalScrollBar().setValue(0)
        self.view.verticalScrollBar().setValue(0)
        self._now_scrolled = None
        ids = [e.id for e in grid.untimed] if grid else []
        self.untimed_model.set_ids(ids)
        timed = bool(grid and grid.blocks)
        self.view.setVisible(timed)
        self.zoom_in.setVisible(timed)
        self.zoom_out.setVisible(timed)
        self.side.setVisible(bool(ids))
        self.now_button.setVisible(timed and self.view.now_minute() is not None)
        self._describe()
        if timed and self.view.now_minute() is not None:
            self.scroll_to_now()

    def timed(self) -> bool:
        """True when the day has sessions on the grid (the tools apply)."""
        grid = self.model.grid
        return bool(grid and grid.blocks)

    def session_ids(self) -> list[str]:
        """Every session the panel shows, timed or not."""
        grid = self.model.grid
        return [b.id for b in grid.blocks] + [e.id for e in grid.untimed] if grid else []

    def _describe(self) -> None:
        grid = self.model.grid
        timed = len(grid.blocks) if grid else 0
        untimed = len(grid.untimed) if grid else 0
        first, last, rooms = self.view.pager.rooms_in_view()
        if timed and self.view.pager.band() and (first, last) != (1, rooms):
            # Not every room is in view: which are, as the bands beside the grid page them
            # (one at 200% text on a small screen: not "Rooms 3–3").
            shown = (self.tr("Sessions: %1 · Room %2 of %4.") if first == last
                     else self.tr("Sessions: %1 · Rooms %2–%3 of %4."))
            self.hint.setText(shown.replace("%1", str(timed)).replace("%2", str(first))
                              .replace("%3", str(last)).replace("%4", str(rooms)))
        elif timed or not untimed:
            self.hint.setText(self.tr("Sessions: %1 · Rooms: %2.").replace("%1", str(timed)).replace(
                "%2", str(len(grid.columns) if grid else 0)))
        else:  # the Timetable button must not look as if it did nothing
            self.hint.setText(self.tr("No times announced: no timetable to draw"))
        self.untimed_title.setText(self.tr("Time not announced (%1)").replace("%1", str(untimed)))
        for label in (self.hint, self.untimed_title):  # one line each, never squeezed
            label.setMinimumHeight(label.sizeHint().height())
        # With no timed session there is no grid and the list is all there is (every row
        # says "Time not announced"): no title above it to crowd a short window; the tools'
        # line (beside the List and Timetable buttons) says why there is no grid.
        self.hint.setVisible(bool(timed or untimed))
        self.untimed_title.setVisible(bool(timed))

    def scroll_to_now(self) -> None:
        """Bring the now line into view, a little below the top, and the sessions it crosses
        from their start (their titles) when the view is tall enough for both."""
        y = self.view.now_line_y()
        if y is None:
            return
        height = self.view.grid_area().height()
        top = y - height // 4
        # Sessions that began within the hour (not the long ones from the morning), if they
        # fit with the now line in the upper part of the view.
        recent = min(height * 2 // 3, 60 * self.view.minute_height())
        starts = [t for t in running_tops(self.view) if y - t <= recent]
        if starts:
            top = min(top, min(starts) - 8)
        self.view.verticalScrollBar().setValue(top)
        self._now_scrolled = self.view.verticalScrollBar().value()

    def _view_resized(self) -> None:
        # The page's header settles after the day is shown (a short window's compact header,
        # a wrapped line): while the reader has not scrolled, "now" is placed again.
        if self._now_scrolled == self.view.verticalScrollBar().value():
            self.scroll_to_now()

    def _bookmarks_changed(self, _kind: str, _item_id: str) -> None:
        self.model.set_bookmarked(self.ctx.bookmarks.bookmarked_ids("forum"))
        self.view.viewport().update()

    def _open_block(self, index: QModelIndex) -> None:
        if star_clicked(self.view, index):
            return
        if index.data(IdRole):
            self.item_opened.emit("forum", index.data(IdRole))

    def _open_row(self, index: QModelIndex) -> None:
        if star_clicked(self.untimed, index):
            return
        if index.data(KindRole) and index.data(IdRole):
            self.item_opened.emit(index.data(KindRole), index.data(IdRole))
