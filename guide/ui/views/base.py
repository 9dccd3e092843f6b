"""What every page shares: context, a title, list views wired for opening items."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from guide.ui.context import AppContext
from guide.ui.models.lazy import IdRole, KindRole


class Page(QWidget):
    """A top-level page of the guide; pages never talk to each other, only emit signals."""

    item_opened = Signal(str, str)  # kind, id

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

    def open_index(self, index: QModelIndex) -> None:
        if star_clicked(self.sender(), index):
            return
        kind, item_id = index.data(KindRole), index.data(IdRole)
        if kind and item_id:
            self.item_opened.emit(kind, item_id)


def list_view(
    model: QAbstractItemModel,
    delegate: QAbstractItemDelegate,
    *,
    name: str,
    grid: bool = False,
    on_open: Any = None,
) -> QListView:
    """A list (or wrapping grid) over ``model`` painted by ``delegate``; click or Enter opens."""
    view = QListView()
    view.setObjectName(name)
    # setItemDelegate/setModel do not take ownership: without a parent, Python may collect
    # the delegate while the view still paints with it (a crash in paint, at random).
    if delegate.parent() is None:
        delegate.setParent(view)
    if model.parent() is None:
        model.setParent(view)
    view.setModel(model)
    view.setItemDelegate(delegate)
    view.setUniformItemSizes(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setMouseTracking(True)
    if grid:
        view.setViewMode(QListView.ViewMode.IconMode)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setMovement(QListView.Movement.Static)
        view.setWrapping(True)
        view.setSpacing(4)
    if on_open is not None:
        # Connected directly (no closure): a closure holding the page, kept by the page's
        # own child view, would keep every dropped page alive.
        view.clicked.connect(on_open)
        view.activated.connect(on_open)
    return view


def star_clicked(view: object, index: QModelIndex) -> bool:
    """True when the click now opening ``index`` was on its bookmark star (handled already)."""
    delegate = view.itemDelegate() if isinstance(view, QAbstractItemView) else None
    consume = getattr(delegate, "consume_star_click", None)
    return bool(consume is not None and consume(index))


def fit_rows(view: QListView, rows: int) -> None:
    """Give an embedded list exactly the height of ``rows`` rows (no inner scrolling)."""
    hint: QSize = view.sizeHintForIndex(view.model().index(0, 0)) if rows else QSize(0, 0)
    view.setFixedHeight(max(0, hint.height() * rows + 4 * view.spacing() + 6))
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
