"""The wrapping button bars: a day strip that wraps leaves no day alone on its line."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QWidget

from guide.ui.day_strip import DayStrip
from guide.ui.flow import FlowLayout

DAYS = ["5月26日 周五", "5月27日 周六", "5月28日 周日", "5月29日 周一", "5月30日 周二"]


def _rows(buttons: list[QPushButton] | list[QWidget]) -> list[int]:
    """How many buttons each line holds, top to bottom."""
    tops: dict[int, int] = {}
    for button in buttons:
        tops[button.y()] = tops.get(button.y(), 0) + 1
    return [tops[y] for y in sorted(tops)]


def test_a_day_strip_that_wraps_balances_its_lines(qtbot) -> None:  # type: ignore[no-untyped-def]
    """On a portrait kiosk the fifth day went alone to a second line (four and one)."""
    strip = DayStrip()
    qtbot.addWidget(strip)
    for day in DAYS:
        strip.addTab(day)
    one = strip.buttons[0].sizeHint().width()
    for room, expected in ((5, [5]), (4, [3, 2]), (3, [3, 2]), (2, [2, 2, 1]), (1, [1] * 5)):
        width = room * one + (room - 1) * 6 + room  # ``room`` buttons with the spacing between
        strip.resize(width, strip.heightForWidth(width))
        strip.flow.setGeometry(strip.rect())
        assert _rows(strip.buttons) == expected, (room, _rows(strip.buttons))
        assert all(b.geometry().right() < width for b in strip.buttons)
        # The height asked for is the height the lines take.
        assert strip.heightForWidth(width) == max(b.geometry().bottom() for b in strip.buttons) + 1


def test_balancing_never_takes_another_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Buttons of unequal widths: at most three a line (six on two lines) would need a third
    line, so they wrap as they always did, four and two."""
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host, spacing=0, balanced=True)
    buttons = []
    for width in (20, 20, 100, 100, 100, 100):
        button = QWidget()  # not a QPushButton: the app's style sheet, if set, sizes those
        button.setFixedSize(width, 30)
        flow.addWidget(button)
        buttons.append(button)
    flow.setGeometry(QRect(0, 0, 240, flow.heightForWidth(240)))
    assert _rows(buttons) == [4, 2]
    assert flow.heightForWidth(240) == 60  # two lines of 30
    buttons[2].hide()  # five left (20, 20, 100, 100, 100): not four and one, three and two
    flow.setGeometry(QRect(0, 0, 240, flow.heightForWidth(240)))
    assert _rows([b for b in buttons if b.isVisibleTo(host)]) == [3, 2]
