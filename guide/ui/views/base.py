"""What every page shares: context, a title, list views wired for opening items."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QListView,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from guide.ui import theme
from guide.ui.context import AppContext
from guide.ui.models.lazy import IdRole, KindRole

# A property of the pages' stack, true while a kiosk's on-screen keyboard covers their bottom:
# a page may give its header's room to what is being typed for (the search page's results).
KEYS_SHOWN = "keysShown"


class Page(QWidget):
    """A top-level page of the guide; pages never talk to each other, only emit signals."""

    item_opened = Signal(str, str)  # kind, id
    page_requested = Signal(str)  # a top-level page's name, e.g. "forums"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(28, 20, 28, 12)
        self.layout_.setSpacing(12)

    def header(self) -> tuple[QLabel, QLabel]:
        title, subtitle = QLabel(), QLabel()
        title.setObjectName("pageTitle")
        subtitle.setObjectName("pageSubtitle")
        subtitle.setWordWrap(True)
        self.layout_.addWidget(title)
        self.layout_.addWidget(subtitle)
        return title, subtitle

    def retranslate(self) -> None:
        """Re-set every visible string (language switched)."""

    def refresh(self) -> None:
        """Reload from the databases (content replaced, bookmarks or clock changed)."""

    def keyboard_list(self) -> QAbstractItemView | None:
        """The list of this page the keyboard is in (the one with the focus), if any."""
        focused = QApplication.focusWidget()
        return focused if isinstance(focused, QAbstractItemView) and self.isAncestorOf(focused) else None

    def open_index(self, index: QModelIndex) -> None:
        if star_clicked(self.sender(), index):
            return
        kind, item_id = index.data(KindRole), index.data(IdRole)
        if kind and item_id:
            self.item_opened.emit(kind, item_id)


def empty_note() -> QLabel:
    """The note a page shows in place of a list with nothing in it (styled as every page's)."""
    note = QLabel()
    note.setObjectName("emptyNote")
    note.setWordWrap(True)
    return note


def list_view(
    model: QAbstractItemModel,
    delegate: QAbstractItemDelegate,
    *,
    name: str,
    grid: bool = False,
    on_open: Any = None,
    view: QListView | None = None,
) -> QListView:
    """A list (or wrapping grid) over ``model`` painted by ``delegate``; click or Enter opens.
    ``view``: a list of a kind of its own to set up (default: a plain one)."""
    view = view if view is not None else QListView()
    view.setObjectName(name)
    # setItemDelegate/setModel do not take ownership: without a parent, Python may collect
    # the delegate while the view still paints with it (a crash in paint, at random).
    if delegate.parent() is None:
        delegate.setParent(view)
    if model.parent() is None:
        model.setParent(view)
    view.setModel(model)
    view.setItemDelegate(delegate)
    describe = getattr(delegate, "describe", None)
    if describe is not None and hasattr(model, "describe"):
        model.describe = describe  # screen readers hear what the row shows
    # Rows are as tall as their titles need (titles wrap, never elide), so sizes differ, and
    # a new width re-lays them out. Very long lists (a synthetic 100,000) keep one size:
    # measuring every row would fetch every row.
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    if not grid:
        viewport_of(view).installEventFilter(_ROW_FITTER)  # see viewport_of: no Python types made
        sizer = _UniformWhenLong(view)
        sizer.update()  # a model that is long already (filled before its view was made)
        model.modelReset.connect(sizer.update)
        model.rowsInserted.connect(sizer.update)
        model.rowsRemoved.connect(sizer.update)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setMouseTracking(True)
    if grid:
        view.setViewMode(QListView.ViewMode.IconMode)
        view.setMovement(QListView.Movement.Static)
        view.setWrapping(True)
        view.setSpacing(4)
    if on_open is not None:
        # Connected directly (no closure): a closure holding the page, kept by the page's
        # own child view, would keep every dropped page alive.
        view.clicked.connect(on_open)
        view.activated.connect(on_open)
        _OpenOnAccessibleSelect(view).opened.connect(on_open)
    return view


class _OpenOnAccessibleSelect(QObject):
    """A screen reader's action on a row opens it, as Enter does.

    AT-SPI's only action on a list row ("Toggle") selects it without moving the current row;
    mouse, touch and keys always move the current row with the selection. So a selection
    that, once the event is done, is not the current row came from assistive technology.
    """

    opened = Signal(QModelIndex)

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self.pending = QPersistentModelIndex()
        view.selectionModel().selectionChanged.connect(self._changed)

    def _changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.pending = QPersistentModelIndex(indexes[0])
            QTimer.singleShot(0, self._check)

    def _check(self) -> None:
        if not self.pending.isValid():
            return
        index = self.view.model().index(self.pending.row(), self.pending.column())
        if (self.view.currentIndex() != index
                and self.view.selectionModel().isSelected(index)):
            self.view.setCurrentIndex(index)
            self.opened.emit(index)


class SectionedList(QListView):
    """A list with section headers (rows that cannot be selected, of a
    :class:`~guide.ui.models.rows.RowsModel`): the keys go from item to item over the headers,
    and the first focus lands on the first item, not on "Forum · 2", where no mark shows and
    Enter does nothing."""

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        index = super().moveCursor(action, modifiers)
        model = self.model()
        if not index.isValid() or model.flags(index) & Qt.ItemFlag.ItemIsSelectable:
            return index
        current = self.currentIndex()
        step = -1 if current.isValid() and current.row() > index.row() else 1
        row = model.selectable_row(index.row(), step)  # type: ignore[attr-defined]
        if row < 0:  # none that way (Up on the first item, Home): the nearest the other way
            row = model.selectable_row(index.row(), -step)  # type: ignore[attr-defined]
        return model.index(row, 0) if row >= 0 else current


def current_bookmarkable(view: QAbstractItemView) -> tuple[str, str] | None:
    """The kind and id of ``view``'s current row when its star could bookmark it (Ctrl+D does
    what the star does); None on a header or in a list without stars."""
    index = view.currentIndex()
    bookmarkable = getattr(view.itemDelegate(), "bookmarkable", None)
    if bookmarkable is None or not bookmarkable(index):
        return None
    kind, item_id = index.data(KindRole), index.data(IdRole)
    return (kind, item_id) if index.isValid() and kind and item_id else None


def star_clicked(view: object, index: QModelIndex) -> bool:
    """True when the click now opening ``index`` was on its bookmark star (handled already)."""
    delegate = view.itemDelegate() if isinstance(view, QAbstractItemView) else None
    consume = getattr(delegate, "consume_star_click", None)
    return bool(consume is not None and consume(index))


def viewport_of(view: QAbstractScrollArea) -> QWidget:
    """``view.viewport()``, found by its name when Python has not wrapped it yet.

    A viewport is a plain QWidget. Wrapping one that ``viewport()`` returns makes shiboken
    look for its most derived type among every QWidget subclass, which creates the Python
    types of all of them (dialogs, calendars, wizards: 0.9 MB) before the first frame.
    ``findChild`` wraps it as the type it is asked for. The name is Qt's since Qt 4; if it
    ever changes, this falls back to ``viewport()`` and only costs that memory again.
    """
    found = view.findChild(QWidget, "qt_scrollarea_viewport",
                           Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, QWidget) else view.viewport()


def row_state(option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex | None = None) -> tuple[bool, bool]:
    """(selected, has the focus mark) of the row painted with ``option``: asked of the list
    that paints ``index`` as QListView puts it in the option (the row is selected; it is the
    current row of a list that, or whose viewport, has the focus), else read from the option.
    A kiosk's list last tapped, not keyed, shows no focus mark (theme.ring_hidden).

    Reading ``option.state`` makes PySide6 build QStyle's 11 enum classes (48 M instructions,
    4% of the start), which the first frame needs for nothing else.
    """
    view = option.widget
    if index is None or not isinstance(view, QListView):  # an option not a list's, or changed
        from PySide6.QtWidgets import QStyle

        return (bool(option.state & QStyle.StateFlag.State_Selected),
                bool(option.state & QStyle.StateFlag.State_HasFocus) and not theme.ring_hidden(view))
    selection, current = view.selectionModel(), view.currentIndex()
    focused = (current.isValid() and current == index and not theme.ring_hidden(view)
               and (view.hasFocus() or viewport_of(view).hasFocus()))
    return selection is not None and selection.isSelected(index), focused


def fit_rows(view: QListView, rows: int | None = None) -> None:
    """Give an embedded list exactly the height of its rows (no inner scrolling), again
    whenever its width changes (rows wrap their titles, so a narrower list is taller)."""
    if view.property("fitRows") is None:
        view.setProperty("fitRows", True)
        viewport_of(view).installEventFilter(_ROW_FITTER)  # resized after the view: rows see it
    model = view.model()
    count = model.rowCount() if rows is None else rows
    total = sum(view.sizeHintForIndex(model.index(r, 0)).height() for r in range(count))
    view.setFixedHeight(max(0, total + 4 * view.spacing() + 6) if count else 0)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


LONG_LIST = 1000  # rows: beyond this every row takes the height of a two-line title


class _UniformWhenLong(QObject):
    """Switches a list to uniform row sizes while it is long (a child of the view)."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def update(self, *_: object) -> None:
        self.view.setUniformItemSizes(self.view.model().rowCount() > LONG_LIST)


class _RowFitter(QObject):
    """Re-lays out a list's rows when its width changes (one shared, parentless filter):
    embedded lists get the height of their rows again; a page's list measures its rows
    again, which Qt's own Adjust mode does only when the height changes (a title measured
    at the width the list had before its scroll bar went had kept a second line's height)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = watched.parent()
        if (event.type() == QEvent.Type.Resize and isinstance(view, QListView)
                and view.viewMode() == QListView.ViewMode.ListMode
                and isinstance(event, QResizeEvent)
                and event.size().width() != event.oldSize().width()):
            if view.property("fitRows"):
                fit_rows(view)
            else:
                _relayout(view)
        return False


def _relayout(view: QListView) -> None:
    """Lay ``view``'s rows out again now, then at most every 100 ms while its width keeps
    changing, and once more when it stops: each layout measures every row (about as long as
    the rest of a resize), so a window dragged wider had taken twice as long per step."""
    timer = view.findChild(QTimer, "relayoutTimer")
    if timer is None:
        timer = QTimer(view)
        timer.setObjectName("relayoutTimer")
        timer.setSingleShot(True)
        timer.setInterval(100)
        timer.timeout.connect(partial(_relayout_again, timer))  # no closure over the view
    if timer.isActive():
        timer.setProperty("again", True)  # the trailing layout when the width settles
        return
    # Started first: a layout that shows or hides the scroll bar resizes the viewport within
    # doItemsLayout, and that resize then waits for the trailing layout instead of laying
    # out again inside this one (rows whose heights follow the width could flip the bar back
    # and forth until the stack ran out).
    timer.setProperty("again", False)
    timer.start()
    view.doItemsLayout()


def _relayout_again(timer: QTimer) -> None:
    view = timer.parent()
    if timer.property("again") and isinstance(view, QListView):
        timer.setProperty("again", False)
        view.doItemsLayout()
        timer.start()


_ROW_FITTER = _RowFitter()


class _GridFitter(QObject):
    """Fits an embedded grid's height again when its viewport's width changes (one shared,
    parentless filter): its tiles are sized to the width, and a new width may wrap them."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = watched.parent()
        if (event.type() == QEvent.Type.Resize and isinstance(view, QListView)
                and isinstance(event, QResizeEvent)
                and event.size().width() != event.oldSize().width()):
            fit_grid(view)
        return False


_GRID_FITTER = _GridFitter()


def fit_grid(view: QListView) -> None:
    """Give an embedded wrapping grid the height of all its tiles as the grid lays them out
    (tiles differ in height, and their size follows the width), again whenever its width
    changes: measured once on the first tile at the width the grid had while its page was
    filled, a detail page's photos had lost their captions under the grid's foot."""
    if view.property("fitGrid") is None:
        view.setProperty("fitGrid", True)
        viewport_of(view).installEventFilter(_GRID_FITTER)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    model = view.model()
    count = model.rowCount()
    if not count:
        view.setFixedHeight(0)
        return
    view.doItemsLayout()  # lay the tiles out at this width now, not after the next paint
    top = view.verticalScrollBar().value()
    bottom = max(view.visualRect(model.index(row, 0)).bottom() for row in range(count)) + top
    view.setFixedHeight(bottom + 1 + view.spacing() + 2 * view.frameWidth())


class TextSizedButton(QPushButton):
    """A push button whose icon is as tall as its text, at every text size (16 px otherwise)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            side = self.fontMetrics().height()
            self.setIconSize(QSize(side, side))
        super().changeEvent(event)
