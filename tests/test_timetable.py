"""The timetable grid on the imported 39C3 programme: places, now line, keys, clicks, model."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from guide.app import Guide
from guide.cli import main
from guide.ui.context import Clock
from guide.ui.history import Location
from guide.ui.timetable_panel import TimetablePanel
from guide.ui.views.forums import ForumsPage
from tests.conftest import XML_39C3
from tests.support import shown_guide


def file_sessions() -> dict[str, tuple[dt.date, str, dt.datetime, dt.datetime]]:
    """guid -> (conference day, room, start, end) read straight from the file."""
    out = {}
    for day in ET.parse(XML_39C3).getroot().iter("day"):
        for room in day.iter("room"):
            for event in room.iter("event"):
                start = dt.datetime.fromisoformat(event.findtext("date") or "")
                hours, minutes = (int(x) for x in (event.findtext("duration") or "").split(":"))
                out[event.get("guid") or ""] = (dt.date.fromisoformat(day.get("date") or ""),
                                                room.get("name") or "", start,
                                                start + dt.timedelta(hours=hours, minutes=minutes))
    return out


def minute_of_day(day: dt.date, at: dt.datetime) -> int:
    """Minutes from the conference day's midnight on the venue's clock (00:30 next day: 1470)."""
    return int((at.replace(tzinfo=None) - dt.datetime.combine(day, dt.time(0))).total_seconds() // 60)


@pytest.fixture
def guide(qtbot, programme_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, programme_db, now="2025-12-28T16:30", lang="en") as g:
        yield g


def open_grid(guide: Guide, day: dt.date) -> TimetablePanel:
    guide.window.go(Location("forums"))
    page = guide.window.page("forums")
    assert isinstance(page, ForumsPage)
    page.select_day(day)
    page.show_grid()
    assert page.grid is not None and page.grid.isVisible() and not page.view.isVisible()
    return page.grid


def test_every_session_sits_in_its_rooms_column_at_its_times(guide: Guide) -> None:
    sessions = file_sessions()
    seen = set()
    for day in sorted({d for d, *_ in sessions.values()}):
        panel = open_grid(guide, day)
        view, model = panel.view, panel.model
        cw, mh = view.column_width(), view.minute_height()
        grid = model.grid
        assert grid is not None and grid.day == day
        for row in range(model.rowCount()):
            block_id = model.index(row, 0).data(Qt.ItemDataRole.UserRole + 3)
            file_day, room, start, end = sessions[block_id]
            assert file_day == day
            rect = view.block_rect(row)
            column = rect.center().x() // cw
            assert grid.columns[column].title == room  # the heading painted over that column
            assert rect.left() >= column * cw and rect.right() < (column + 1) * cw
            top = grid.first_minute + rect.top() / mh
            bottom = grid.first_minute + (rect.bottom() + 1) / mh
            assert abs(top - minute_of_day(day, start)) < 1, block_id
            assert abs(bottom - minute_of_day(day, end)) < 1, block_id
            seen.add(block_id)
    # Every session of the file is on some day's grid, but the one left out as test data.
    assert seen == set(sessions) - {"f096bf3f-2012-45b1-9139-e09bb80188ef"}


def test_past_midnight_session_sits_after_2359_of_its_conference_day(guide: Guide) -> None:
    sessions = file_sessions()
    late = {g: s for g, s in sessions.items() if s[2].date() > s[0]}
    assert late  # the file has sessions after midnight (filed under the day before)
    guid, (day, _room, start, _end) = sorted(late.items(), key=lambda kv: kv[1][2])[0]
    panel = open_grid(guide, day)
    view, grid = panel.view, panel.model.grid
    assert grid is not None
    row = grid.index_of(guid)
    assert row is not None
    rect = view.block_rect(row)
    midnight_y = (24 * 60 - grid.first_minute) * view.minute_height()
    assert rect.top() >= midnight_y - 1  # below the line of 23:59 ...
    before_midnight = [view.block_rect(n) for n, b in enumerate(grid.blocks)
                       if b.entry.start and b.entry.start.date() == day]
    assert all(rect.top() >= r.top() for r in before_midnight)  # ... after everything that evening
    other_day = open_grid(guide, start.date())
    assert other_day.model.grid is not None and other_day.model.grid.index_of(guid) is None


def test_now_line_moves_with_the_clock_and_is_painted(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = open_grid(guide, dt.date(2025, 12, 28))
    view = panel.view
    first = view.now_line_y()
    assert first is not None
    guide.ctx.clock = Clock(dt.datetime(2025, 12, 28, 18, 0))
    second = view.now_line_y()
    assert second is not None and second - first == pytest.approx(90 * view.minute_height(), abs=1)
    panel.scroll_to_now()
    image = view.viewport().grab().toImage()
    y = view.origin().y() + second
    x = view.grid_area().left() + 3
    assert QColor(image.pixel(x, y)) == QColor(view.delegate.palette.warning)
    guide.ctx.clock = Clock(dt.datetime(2025, 12, 30, 12, 0))  # another day: no line on this one
    assert view.now_line_y() is None


def test_the_now_line_does_not_strike_through_a_running_sessions_words(guide: Guide) -> None:
    """A red line through a title reads as "cancelled": the line stops at the words of the
    sessions it crosses and shows between them and in the gutter."""
    panel = open_grid(guide, dt.date(2025, 12, 28))
    view = panel.view
    guide.ctx.clock = Clock(dt.datetime(2025, 12, 28, 14, 0))
    panel.scroll_to_now()
    image = view.viewport().grab().toImage()
    grid, origin = view.grid(), view.origin()
    y = origin.y() + view.now_line_y()
    warning = QColor(view.delegate.palette.warning)
    minute = view.now_line_y() / view.minute_height()
    crossed = [view.delegate.text_rect(view.delegate.card_rect(view.block_rect(r).translated(origin)))
               for r in grid.visible(0, len(grid.columns), minute, minute)]
    crossed = [r for r in crossed if view.grid_area().contains(r.center())]
    assert crossed  # sessions run at 14:00 in the rooms in view
    for words in crossed:
        assert all(QColor(image.pixel(x, y)) != warning for x in range(words.left(), words.right()))
    assert QColor(image.pixel(view.grid_area().left() + 3, y)) == warning


def test_arrow_keys_reach_every_block_and_enter_opens(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = open_grid(guide, dt.date(2025, 12, 27))
    view, model = panel.view, panel.model
    grid = model.grid
    assert grid is not None
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # nothing current yet: the first block in view
    assert view.currentIndex().isValid()
    keys = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)
    reached, todo = {view.currentIndex().row()}, [view.currentIndex().row()]
    while todo:
        row = todo.pop()
        for key in keys:
            view.setCurrentIndex(model.index(row, 0))
            qtbot.keyClick(view, key)
            new = view.currentIndex().row()
            a, b = grid.blocks[row], grid.blocks[new]
            if new != row and key == Qt.Key.Key_Down:
                assert b.column == a.column and b.start >= a.start  # later in the same room
            if new != row and key == Qt.Key.Key_Right:
                assert view.block_rect(new).left() >= view.block_rect(row).right()
            if new not in reached:
                reached.add(new)
                todo.append(new)
    assert reached == set(range(model.rowCount()))
    view.setCurrentIndex(model.index(5, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert guide.window.current_location() == Location.item("forum", grid.blocks[5].id)


def test_a_click_on_a_block_opens_its_session(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = open_grid(guide, dt.date(2025, 12, 29))
    view, grid = panel.view, panel.model.grid
    assert grid is not None
    row = len(grid.blocks) - 1  # far right or low down: it must be scrolled to first
    view.scrollTo(panel.model.index(row, 0))
    rect = view.visualRect(panel.model.index(row, 0))
    assert view.grid_area().contains(rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() - QPoint(0, 4)
                     + QPoint(-rect.width() // 4, 0))
    assert guide.window.current_location() == Location.item("forum", grid.blocks[row].id)


def test_the_grids_model_passes_qtmodeltester(guide: Guide, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    panel = open_grid(guide, dt.date(2025, 12, 28))
    assert panel.model.rowCount() > 40
    qtmodeltester.check(panel.model, force_py=True)


def test_zoom_buttons_and_ctrl_wheel_scale_the_hours_around_what_is_in_view(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = open_grid(guide, dt.date(2025, 12, 28))
    view = panel.view
    area = view.grid_area()
    middle = (view.verticalScrollBar().value() + area.height() // 2) / view.minute_height()
    hour = 60 * view.minute_height()
    qtbot.mouseClick(panel.zoom_in, Qt.MouseButton.LeftButton)
    assert 60 * view.minute_height() > hour * 1.2
    after = (view.verticalScrollBar().value() + area.height() // 2) / view.minute_height()
    assert abs(after - middle) < 2  # the time in the middle of the view stayed there
    for _ in range(10):
        qtbot.mouseClick(panel.zoom_out, Qt.MouseButton.LeftButton)
    assert 60 * view.minute_height() < hour  # down to the smallest scale, no further
    smallest = view.minute_height()
    qtbot.mouseClick(panel.zoom_out, Qt.MouseButton.LeftButton)
    assert view.minute_height() == smallest
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    wheel = QWheelEvent(QPointF(area.center()), QPointF(view.mapToGlobal(area.center())), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(wheel)
    assert view.minute_height() > smallest


def test_screenshot_command_renders_a_days_timetable(programme_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "grid.png"
    assert main(["screenshot", "timetable:2025-12-28", "--content-db", str(programme_db), "--out",
                 str(out), "--lang", "en", "--now", "2025-12-28T16:30",
                 "--user-db", str(tmp_path / "u.db")]) == 0
    from PySide6.QtGui import QImage

    assert QImage(str(out)).width() == 1280
    assert main(["screenshot", "timetable:2025-01-01", "--content-db", str(programme_db), "--out",
                 str(tmp_path / "none.png"), "--user-db", str(tmp_path / "u.db")]) != 0
    assert not (tmp_path / "none.png").exists()
