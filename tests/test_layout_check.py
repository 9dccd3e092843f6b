"""The layout checker finds what a reader would notice, and stays quiet on a sound window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, QStringListModel, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from guide.app import ensure_app
from guide.ui import layout_probe as probe
from guide.ui.layout_check import Problem, check_window
from guide.ui.theme import contrast_ratio as ratio


@pytest.fixture
def window(qtbot) -> Iterator[QWidget]:  # type: ignore[no-untyped-def]
    ensure_app()
    w = QWidget()
    w.setObjectName("probeWindow")
    w.setStyleSheet("QWidget#probeWindow { background: #ffffff; } "
                    "QLabel, QPushButton { color: #111111; background: #ffffff; }")
    w.resize(600, 400)
    qtbot.addWidget(w)
    yield w


def shown(qtbot, w: QWidget) -> list[Problem]:  # type: ignore[no-untyped-def]
    w.show()
    qtbot.waitExposed(w)
    return check_window(w, (600, 400))


def test_a_sound_window_has_no_problems(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    column = QVBoxLayout(window)
    column.addWidget(QLabel("A short label"))
    column.addWidget(QPushButton("Open"))
    assert shown(qtbot, window) == []


def test_a_clipped_label_is_reported(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("A label whose text is far too long for the room it was given", window)
    label.setObjectName("tooLong")
    label.setGeometry(10, 10, 120, 30)
    problems = shown(qtbot, window)
    assert [p.kind for p in problems] == ["cut"]
    assert "tooLong" in problems[0].where


def test_an_overlapping_pair_is_reported(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = QPushButton("First", window), QPushButton("Second", window)
    first.setObjectName("first")
    second.setObjectName("second")
    first.setGeometry(10, 10, 160, 40)
    second.setGeometry(100, 20, 160, 40)
    problems = shown(qtbot, window)
    assert [p.kind for p in problems] == ["overlap"]
    assert "first" in problems[0].where and "second" in problems[0].where


def test_a_control_outside_the_window_is_reported(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    button = QPushButton("Half out", window)
    button.setObjectName("halfOut")
    button.setGeometry(540, 10, 160, 40)
    problems = shown(qtbot, window)
    assert [(p.kind, "halfOut" in p.where) for p in problems] == [("outside", True)]


def test_a_low_contrast_pair_is_reported_with_its_ratio(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    faint = QLabel("Faint grey text", window)
    faint.setObjectName("faint")
    faint.setStyleSheet("color: #9a9a9a; background: #ffffff;")  # 2.8:1
    faint.setGeometry(10, 10, 300, 40)
    dark = QLabel("Dark text", window)
    dark.setObjectName("dark")
    dark.setStyleSheet("color: #595959; background: #ffffff;")  # 7:1
    dark.setGeometry(10, 60, 300, 40)
    problems = shown(qtbot, window)
    assert [(p.kind, "faint" in p.where) for p in problems] == [("contrast", True)]
    measured = float(problems[0].detail.split(":")[0])
    assert measured == pytest.approx(ratio(0x9A9A9A, 0xFFFFFF), abs=0.05)


class TitleDelegate(QStyledItemDelegate):
    """A row painted the way the guide's delegates paint: it notes what it had to cut."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text = str(index.data())
        fm = option.fontMetrics
        shown = fm.elidedText(text, option.textElideMode, option.rect.width())
        rect = QRect(option.rect.left(), option.rect.top(), fm.horizontalAdvance(shown),
                     option.rect.height())
        painter.drawText(rect, 0, shown)
        probe.note(painter, rect, text, cut=shown != text, essential=True)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(100, option.fontMetrics.height() + 8)


def test_an_elided_title_in_a_painted_row_is_reported(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = QStringListModel(["Short", "A title much longer than the narrow list can show"], window)
    view = QListView(window)
    view.setObjectName("titles")
    view.setModel(model)
    delegate = TitleDelegate(view)
    view.setItemDelegate(delegate)
    view.setFont(QFont(view.font().family(), 12))
    view.setGeometry(10, 10, 150, 120)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    problems = shown(qtbot, window)
    assert [p.kind for p in problems] == ["cut"]
    assert "A title much longer" in problems[0].detail


def test_a_row_past_the_foot_of_a_list_that_cannot_scroll_is_reported(  # type: ignore[no-untyped-def]
        window: QWidget, qtbot) -> None:
    """A list sized to its rows never scrolls: a row reaching past its foot is lost (a
    detail page's photo captions were, and the checker had said nothing)."""
    model = QStringListModel(["First", "Second", "Third"], window)
    view = QListView(window)
    view.setObjectName("fitted")
    view.setModel(model)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setGeometry(10, 10, 200, view.sizeHintForRow(0) * 2 + view.sizeHintForRow(0) // 2)
    problems = shown(qtbot, window)
    assert [p.kind for p in problems] == ["cut"]
    assert "fitted" in problems[0].where and "row 3" in problems[0].where
    view.setFixedHeight(view.sizeHintForRow(0) * 3 + 2 * view.frameWidth() + 4)
    assert shown(qtbot, window) == []


def test_a_window_that_cannot_shrink_is_reported(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.setMinimumWidth(700)
    window.resize(700, 400)
    problems = shown(qtbot, window)
    assert [p.kind for p in problems] == ["window"]
    assert "700x400" in problems[0].detail


def test_an_icon_that_fades_into_its_picture_is_reported(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A white icon on a light gradient: judged against the picture around it, not against
    its own ink (the commonest colour in a thin icon's box) or a dark card corner nearby."""

    class Card(QWidget):
        def __init__(self, ink: str, name: str) -> None:
            super().__init__(window)
            self.ink = ink
            self.setObjectName(name)

        def paintEvent(self, _event: object) -> None:
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor("#000000"))  # the card, dark
            gradient = QLinearGradient(0, 0, self.width(), self.height())
            gradient.setColorAt(0, QColor("#ffd400"))
            gradient.setColorAt(1, QColor("#7fffd4"))
            painter.setBrush(gradient)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(4, 4, self.width() - 8, self.height() - 8), 10, 10)
            icon = QRect(self.width() - 30, 6, 22, 22)
            painter.setPen(QPen(QColor(self.ink), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(icon.adjusted(3, 3, -3, -3))
            painter.drawLine(icon.left() + 7, icon.center().y(), icon.right() - 7, icon.center().y())
            probe.note(painter, icon, self.objectName(), icon=True)
            painter.end()

    Card("#ffffff", "faintStar").setGeometry(10, 10, 200, 120)
    Card("#000000", "darkStar").setGeometry(10, 150, 200, 120)
    problems = shown(qtbot, window)
    assert [(p.kind, "'faintStar'" in p.where) for p in problems] == [("contrast", True)], problems
    assert "icon" in problems[0].detail and "needs 3.0:1" in problems[0].detail


def test_a_row_whose_text_room_runs_under_its_star_is_reported(window: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The title's box reaches under the star (a longer title would run into it), the date's
    stays clear: only the title is reported."""

    class Row(QWidget):
        def paintEvent(self, _event: object) -> None:
            painter = QPainter(self)
            painter.setPen(QColor("#111111"))
            star = QRect(self.width() - 40, 6, 30, 30)
            painter.setBrush(QColor("#111111"))  # ink enough for the icon's contrast check
            painter.drawEllipse(star)
            probe.note(painter, star, "star", icon=True)
            title = QRect(8, 6, self.width() - 30, 30)  # room to 30 px from the right
            painter.drawText(title, 0, "Title")
            probe.note(painter, title, "Title", essential=True)
            date = QRect(8, 60, self.width() - 60, 20)
            painter.drawText(date, 0, "26 May")
            probe.note(painter, date, "26 May")
            painter.end()

    Row(window).setGeometry(10, 10, 300, 100)
    problems = shown(qtbot, window)
    assert [(p.kind, "'Title'" in p.where) for p in problems] == [("overlap", True)], problems
    assert "under its star icon" in problems[0].detail
