"""The lazy list model behind every list: 100,000 items cost an id list and a few small fetches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, QSize
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from guide.ui.models.lazy import IdRole, ItemRole, LazyItemModel
from guide.ui.views.base import fit_rows, list_view

N = 100_000


@dataclass(frozen=True)
class Row:
    id: str
    title: str


class CountingFetch:
    """Rows for ids, remembering every batch it was asked for."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, ids: Sequence[str]) -> list[Row]:
        self.batches.append(list(ids))
        return [Row(i, f"title {i}") for i in ids if i != "gone"]


def make(ids: list[str]) -> tuple[LazyItemModel, CountingFetch]:
    fetch = CountingFetch()
    model = LazyItemModel("forum", fetch)
    model.set_ids(ids)
    return model, fetch


def test_rows_are_fetched_a_page_at_a_time_when_first_read() -> None:
    ids = [f"f{i}" for i in range(N)]
    model, fetch = make(ids)
    assert model.rowCount() == N and fetch.batches == []  # the ids alone
    assert model.index(5).data(IdRole) == "f5" and fetch.batches == []  # ids need no fetch
    assert model.index(5).data() == "title f5"
    assert fetch.batches == [ids[:100]]
    assert model.index(99).data(ItemRole) == Row("f99", "title f99")  # same page: no new fetch
    assert model.index(250).data() == "title f250"
    assert fetch.batches == [ids[:100], ids[200:300]]


def test_pages_are_evicted_least_recently_used_first() -> None:
    model, fetch = make([f"f{i}" for i in range(N)])
    for page in range(LazyItemModel.MAX_PAGES + 10):  # scroll far down
        model.index(page * 100).data()
    assert len(fetch.batches) == LazyItemModel.MAX_PAGES + 10
    model.index((LazyItemModel.MAX_PAGES + 9) * 100).data()  # the last page is still held
    assert len(fetch.batches) == LazyItemModel.MAX_PAGES + 10
    model.index(0).data()  # the first page was dropped: fetched again
    assert len(fetch.batches) == LazyItemModel.MAX_PAGES + 11
    assert len(model._pages) == LazyItemModel.MAX_PAGES  # memory stays flat


def test_a_row_whose_item_is_gone_shows_nothing_and_refresh_refetches() -> None:
    model, fetch = make(["a", "gone", "b"])
    assert model.index(1).data() is None and model.index(2).data() == "title b"
    model.refresh()
    model.index(0).data()
    assert len(fetch.batches) == 2


def test_a_list_view_of_100000_rows_fetches_only_what_it_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    model, fetch = make([f"f{i}" for i in range(N)])  # filled before its view is made
    view = list_view(model, QStyledItemDelegate(), name="bigList")
    qtbot.addWidget(view)
    view.resize(400, 600)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    assert 1 <= len(fetch.batches) <= 3  # the first screen (and the last row, for the layout)
    view.scrollToBottom()
    QApplication.processEvents()
    assert view.indexAt(view.viewport().rect().bottomLeft() - QPoint(0, 2)).data() == f"title f{N - 1}"
    assert len(fetch.batches) <= 4  # the last screen, not the 99,800 rows in between


class WrappingDelegate(QStyledItemDelegate):
    """Rows whose text wraps: half the width, twice the height."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(100, 12_000 // max(1, option.widget.viewport().width()))


def test_an_embedded_list_refits_its_height_when_its_width_changes(qtbot) -> None:  # type: ignore[no-untyped-def]
    model, _ = make(["a", "b", "c"])
    view = list_view(model, WrappingDelegate(), name="fittedList")
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    fit_rows(view)
    wide = view.height()
    view.resize(200, wide)
    QApplication.processEvents()
    narrow = view.height()
    assert narrow > wide + 3 * 20  # three rows, each at least 20 px taller: nothing is clipped
    assert narrow == view.maximumHeight() == view.minimumHeight()  # no inner scrolling
