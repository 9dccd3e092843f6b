"""Kiosk mode on the real window (pytest-qt, offscreen).

Every kiosk timer reads one fake clock that moves only when a test says so; the tests
then fire the Qt timer that would have woken the kiosk. The real defaults (90 s idle,
15 s countdown, 3 s corner hold, 1 s PIN delay) hold, and no test waits on real time.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QListView,
    QMessageBox,
    QScroller,
    QTabBar,
    QWidget,
)

from guide.app import Guide, build_window
from guide.kiosk import STAFF_EXIT_CODE
from guide.kiosk.config import KioskConfig
from guide.kiosk.controller import ERRORS_BEFORE_RESTART, KioskController, install_kiosk
from guide.kiosk.idle import Phase
from guide.kiosk.pin import MemoryPinStore, Outcome, set_pin
from guide.search import SearchHit
from guide.ui.history import Location
from guide.user import bookmarks as store
from guide.user.session import current_visitor_session
from tests.support import FakeClock, visible_texts

PIN = "2468"
CONFIG = KioskConfig(full_screen=False, keep_screen_on=False, catch_exceptions=False, reduced_motion=True)


@dataclass
class Kiosk:
    guide: Guide
    k: KioskController
    clock: FakeClock
    exits: list[int] = field(default_factory=list)

    def elapse(self, seconds: float) -> None:
        """Let ``seconds`` pass, then fire the idle timer as Qt would."""
        self.clock.advance(seconds)
        self.k.tick_timer.timeout.emit()

    @property
    def window(self):  # type: ignore[no-untyped-def]
        return self.guide.window


def make_kiosk(qtbot, db: Path, tmp_path: Path, config: KioskConfig = CONFIG,  # type: ignore[no-untyped-def]
               size: tuple[int, int] = (1280, 800)) -> Kiosk:
    guide = build_window(db, now="2023-05-29T10:00", lang="zh")
    qtbot.addWidget(guide.window)
    pins = MemoryPinStore()
    set_pin(pins, PIN, n=2**10)
    clock = FakeClock()
    k = install_kiosk(guide, config, size=size, pin_store=pins, log_file=tmp_path / "kiosk.log",
                      clock=clock)
    kiosk = Kiosk(guide, k, clock)
    k.exit_app = kiosk.exits.append
    qtbot.waitExposed(guide.window)
    return kiosk


@pytest.fixture
def kiosk(qtbot, real_db: Path, tmp_path: Path) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(qtbot, real_db, tmp_path)
    yield kiosk
    kiosk.k.shutdown()
    kiosk.guide.close()


def touch(qtbot, widget, pos: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def start_visit(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    touch(qtbot, kiosk.k.attract)
    assert kiosk.k.machine.phase is Phase.ACTIVE


def test_starts_on_the_attract_screen_and_a_touch_opens_home(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    k = kiosk.k
    assert k.attract.isVisible() and k.machine.phase is Phase.ATTRACT
    assert kiosk.guide.ctx.kiosk
    # The real content's photos have no picture files: no photo slides (tests/test_kiosk_attract.py).
    assert {s.kind for s in k.attract.slides} == {"schedule", "figures"}
    assert current_visitor_session(kiosk.guide.ctx.user) is None
    start_visit(qtbot, kiosk)
    assert not k.attract.isVisible()
    assert kiosk.window.current_location() == Location("home")
    assert not kiosk.window.history.can_go_back()  # the touch did not also press what lay under it
    assert current_visitor_session(kiosk.guide.ctx.user) is not None


def test_attract_screen_cycles(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    attract = kiosk.k.attract
    with qtbot.waitSignal(attract.slide_changed, timeout=1000):
        attract.next_slide()
    assert attract.index == 1
    for _ in range(len(attract.slides)):
        attract.next_slide()
    assert attract.index == 1


def _visit_and_leave_traces(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    ctx, window = kiosk.guide.ctx, kiosk.window
    start_visit(qtbot, kiosk)
    window.go(Location("forums"))
    forums = window.page("forums")
    forums.kind.setCurrentIndex(forums.kind.count() - 1)
    forums.days.setCurrentIndex(0)
    window.go(Location.item("forum", "green-finance-forum"))
    window.detail.zoom(3)
    store.add_bookmark(ctx.user, ctx.content, "forum", "green-finance-forum")
    store.add_bookmark(ctx.user, ctx.content, "area", "metaverse-area")
    ctx.bookmarks.remove("area", "metaverse-area")  # the undo stack must forget the visitor too
    assert ctx.bookmarks.can_undo()
    ctx.state.set_language("en")
    window.search_box.setFocus()
    window.search_box.setText("lvse")
    assert store.stored_bookmarks(ctx.user)


def test_idle_countdown_reset_and_attract_screen(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    ctx, window, k = kiosk.guide.ctx, kiosk.window, kiosk.k
    _visit_and_leave_traces(qtbot, kiosk)
    kiosk.elapse(CONFIG.idle_seconds - 1)
    assert not k.countdown.isVisible() and k.machine.phase is Phase.ACTIVE
    with qtbot.waitSignal(k.countdown_shown, timeout=1000):
        kiosk.elapse(1.5)
    assert k.countdown.isVisible() and k.countdown.seconds == 15
    kiosk.elapse(5)
    assert k.countdown.seconds == 10  # the number counts down with the clock
    with qtbot.waitSignal(k.visit_reset, timeout=1000):
        kiosk.elapse(10)
    assert k.attract.isVisible() and not k.countdown.isVisible()
    # Search text, its undo history, the pages' history, zoom, language: all back to the start.
    assert window.search_box.text() == "" and not window.search_box.isUndoAvailable()
    assert window.current_location() == Location("home")
    assert not window.history.can_go_back() and not window.history.can_go_forward()
    assert window.detail._zoom == 0
    assert ctx.state.lang == "zh"
    forums = window.page("forums")
    assert forums.kind.currentIndex() == 0 and forums.current_day() == ctx.clock.now().date()
    # The visitor's bookmarks are gone from the database and from the undo stack.
    assert store.stored_bookmarks(ctx.user) == []
    assert current_visitor_session(ctx.user) is None
    assert not ctx.bookmarks.can_undo()


def test_reset_leaves_nothing_of_the_visitor_on_disk(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    ctx = kiosk.guide.ctx
    _visit_and_leave_traces(qtbot, kiosk)
    session = current_visitor_session(ctx.user)
    assert session
    kiosk.k.reset_now()
    path = Path(ctx.user.execute("PRAGMA database_list").fetchone()[2])
    raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    assert session.encode() not in raw
    assert "双碳战略与绿色金融论坛".encode() not in raw and b"green-finance-forum" not in raw


def test_a_touch_during_the_countdown_keeps_the_visit(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window, k = kiosk.window, kiosk.k
    start_visit(qtbot, kiosk)
    window.go(Location.item("forum", "green-finance-forum"))
    with qtbot.waitSignal(k.countdown_shown, timeout=1000):
        kiosk.elapse(CONFIG.idle_seconds + 1)
    touch(qtbot, k.countdown)
    assert not k.countdown.isVisible() and k.machine.phase is Phase.ACTIVE
    assert window.current_location() == Location.item("forum", "green-finance-forum")
    assert window.history.can_go_back()


def test_closing_is_refused_for_visitors(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    start_visit(qtbot, kiosk)
    assert window.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    for key, mods in ((Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                      (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(window, key, mods)
        qtbot.keyClick(window.search_box, key, mods)
    QApplication.quit()  # Qt 6 asks every window to close first; the kiosk refuses
    qtbot.wait(50)
    assert window.isVisible()
    assert kiosk.exits == []


def test_no_context_menus_and_no_file_dialogs(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    start_visit(qtbot, kiosk)
    box = window.search_box
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, box.rect().center(),
                                   box.mapToGlobal(box.rect().center()))
    assert QApplication.sendEvent(box, menu_event)  # taken by the kiosk
    qtbot.wait(20)
    assert QApplication.activePopupWidget() is None
    dialog = QFileDialog(window)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=1000)
    assert dialog.result() == QFileDialog.DialogCode.Rejected


def test_on_screen_keyboard_types_into_the_search_box(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window, k = kiosk.window, kiosk.k
    start_visit(qtbot, kiosk)
    assert not k.keyboard.isVisible()
    touch(qtbot, window.search_box)
    assert k.keyboard.isVisible()
    for ch in "lvse":
        touch(qtbot, k.keyboard.keys[ch])
    assert window.search_box.text() == "lvse"
    assert QApplication.focusWidget() is window.search_box  # the keys never took the focus
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in k.keyboard.findChildren(QAbstractButton))
    assert window.current_location() == Location("search")
    results = window.findChild(QListView, "searchResults")
    qtbot.waitUntil(lambda: any(isinstance(r, SearchHit) and r.id == "green-finance-forum"
                                for r in results.model().rows()), timeout=2000)
    # The results end above the keyboard (they scroll there), not under its keys.
    qtbot.waitUntil(lambda: results.mapTo(window, results.rect().bottomLeft()).y()
                    <= k.keyboard.geometry().top(), timeout=2000)
    touch(qtbot, k.keyboard.backspace)
    assert window.search_box.text() == "lvs"
    touch(qtbot, k.keyboard.space)
    touch(qtbot, k.keyboard.keys["7"])
    assert window.search_box.text() == "lvs 7"
    touch(qtbot, k.keyboard.clear_key)
    assert window.search_box.text() == ""
    touch(qtbot, k.keyboard.done)
    assert not k.keyboard.isVisible()
    qtbot.waitUntil(lambda: results.mapTo(window, results.rect().bottomLeft()).y()
                    > k.keyboard.geometry().top(), timeout=2000)  # the room is given back
    touch(qtbot, window.search_box)
    assert k.keyboard.isVisible()
    window.go(Location("forums"))  # leaving the search page puts the keyboard away
    assert not k.keyboard.isVisible()


@pytest.mark.parametrize(("size", "lang", "scale"), [
    ((1024, 640), "en", None), ((1280, 800), "zh", None),
    ((1024, 640), "zh", 1.75), ((1024, 640), "en", 2.0), ((1024, 640), "zh", 2.0)])
def test_the_keyboard_fits_a_small_screen_and_leaves_the_sections_whole(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, size: tuple[int, int], lang: str,
        scale: float | None) -> None:
    """At 1024x640 the keyboard made the window 701 pixels tall (its bottom row, Done,
    off the screen); at 1280x800 the section list grew a scroll bar and read "论坛…".
    At 175% and 200% text the search page's minimum and the keyboard's room made it 657
    and 685 pixels tall (999 with the photo page built), and it stayed so after Done."""
    kiosk = make_kiosk(qtbot, real_db, tmp_path, size=size)
    try:
        window, k = kiosk.window, kiosk.k
        kiosk.guide.ctx.state.set_language(lang)
        start_visit(qtbot, kiosk)
        if scale is not None:
            kiosk.guide.ctx.state.set_text_scale(scale)
            window.page("photo")  # a tall page, built but hidden, asks for its height too
        touch(qtbot, window.search_box)
        for ch in "lvse":
            touch(qtbot, k.keyboard.keys[ch])
        qtbot.wait(500)  # results come, the layouts settle: a window whose content cannot fit grows
        assert (window.width(), window.height()) == size
        # Nothing above the keys is squeezed below its own minimum (the screenshot grew to
        # it): the search page gives way (its header), its results scroll.
        page = window.page("search")
        assert page.height() >= page.minimumSizeHint().height(), (page.height(), page.minimumSizeHint())
        assert window.minimumSizeHint().height() <= size[1]
        keys = k.keyboard.findChildren(QAbstractButton)
        for key in keys:
            box = QRect(key.mapTo(window, QPoint(0, 0)), key.size())
            assert window.rect().contains(box), (key.objectName(), box)
            assert min(box.width(), box.height()) >= 48, (key.objectName(), box)
        nav = window.findChild(QListView, "navigation")
        assert not nav.verticalScrollBar().isVisible()
        search = window.search_box
        assert search.mapTo(window, search.rect().bottomLeft()).y() < k.keyboard.geometry().top()
        # The first hit's group heading stays in sight over it (the list had scrolled it away).
        results = window.findChild(QListView, "searchResults")
        qtbot.waitUntil(lambda: results.model().rowCount() > 1, timeout=3000)
        heading = results.visualRect(results.model().index(0, 0))
        assert heading.top() >= 0 and heading.bottom() <= results.viewport().height(), heading
        touch(qtbot, k.keyboard.done)
        qtbot.wait(200)
        assert (window.width(), window.height()) == size
        assert page.title.isVisible() and page.subtitle.isVisible()  # the header is back
    finally:
        kiosk.k.shutdown()
        kiosk.guide.close()



@pytest.mark.parametrize("lang", ["zh", "en"])
def test_at_1366_by_768_the_keyboard_leaves_two_results_in_sight(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, lang: str) -> None:
    """64-pixel keys took half of a 1366x768 screen: a visitor typing "lvse" saw one result
    whole and the second cut by the keys. Keys of 48 pixels leave both in sight."""
    kiosk = make_kiosk(qtbot, real_db, tmp_path, size=(1366, 768))
    try:
        window, k = kiosk.window, kiosk.k
        kiosk.guide.ctx.state.set_language(lang)
        start_visit(qtbot, kiosk)
        touch(qtbot, window.search_box)
        for ch in "lvse":
            touch(qtbot, k.keyboard.keys[ch])
        results = window.findChild(QListView, "searchResults")
        model = results.model()
        qtbot.waitUntil(lambda: sum(isinstance(r, SearchHit) for r in model.rows()) >= 2, timeout=3000)
        qtbot.wait(300)  # the counts come and the list is laid out again
        hits = [results.visualRect(model.index(row, 0)) for row, r in enumerate(model.rows())
                if isinstance(r, SearchHit)]
        shown = [rect for rect in hits[:2]
                 if rect.top() >= 0 and rect.bottom() <= results.viewport().height()]
        assert len(shown) == 2, (hits[:2], results.viewport().height(), k.keyboard.geometry(), window.size())
        key = k.keyboard.keys["a"]
        assert min(key.width(), key.height()) >= 48
        assert results.mapTo(window, QPoint(0, results.height())).y() <= k.keyboard.geometry().top()
    finally:
        kiosk.k.shutdown()
        kiosk.guide.close()


@pytest.mark.parametrize(("lang", "word"), [("en", "metaverse"), ("zh", "jinrong")])
def test_while_typing_at_200_percent_the_results_have_the_title_s_room(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, lang: str, word: str) -> None:
    """At 1920x1080 and 200% text the keys left the results 295 px, and "Search results" with
    its subtitle sat above them: one hit and the next one's heading showed while typing."""
    kiosk = make_kiosk(qtbot, real_db, tmp_path, size=(1920, 1080))
    try:
        window, k = kiosk.window, kiosk.k
        kiosk.guide.ctx.state.set_language(lang)
        start_visit(qtbot, kiosk)
        kiosk.guide.ctx.state.set_text_scale(2.0)
        touch(qtbot, window.search_box)
        for ch in word:
            touch(qtbot, k.keyboard.keys[ch])
        page = window.page("search")
        results = page.results
        qtbot.waitUntil(lambda: len(results.model().hits()) >= 2, timeout=3000)
        qtbot.wait(200)
        model, height = results.model(), results.viewport().height()
        line = 60  # px: a card's padding and its title's line at 200%: the hit is there to read
        titles_in_view = [r for r in range(model.rowCount()) if not model.is_header(model.rows()[r])
                          and results.visualRect(model.index(r, 0)).top() + line <= height]
        assert len(titles_in_view) >= 2, (height, titles_in_view)
        assert not page.title.isVisible() and not page.subtitle.isVisible()
        touch(qtbot, k.keyboard.done)
        qtbot.wait(200)
        assert page.title.isVisible() and page.subtitle.isVisible()  # the header is back
    finally:
        kiosk.k.shutdown()
        kiosk.guide.close()

def _enter(qtbot, pad, pin: str) -> None:  # type: ignore[no-untyped-def]
    for digit in pin:
        touch(qtbot, pad.digit_keys[digit])
    touch(qtbot, pad.ok)


def test_pin_pad_refuses_wrong_pins_with_a_delay_and_accepts_the_right_one(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path) -> None:
    kiosk = make_kiosk(qtbot, real_db, tmp_path)
    window, k = kiosk.window, kiosk.k
    start_visit(qtbot, kiosk)
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                      | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    QApplication.sendEvent(window.search_box, event)  # the staff key chord
    pad = k.pin_pad
    assert pad.isVisible()
    _enter(qtbot, pad, "1357")
    assert kiosk.exits == [] and pad.isVisible()
    assert not pad.ok.isEnabled() and not pad.digit_keys["2"].isEnabled()
    assert pad.message.property("error")
    assert k.check_pin(PIN) is Outcome.WAIT  # even the right PIN waits out the delay
    kiosk.clock.advance(CONFIG.pin_delay_seconds - 0.1)
    k.wait_timer.timeout.emit()
    assert not pad.ok.isEnabled() and k.check_pin(PIN) is Outcome.WAIT
    kiosk.clock.advance(0.2)
    k.wait_timer.timeout.emit()
    assert pad.ok.isEnabled() and not pad.message.property("error")
    _enter(qtbot, pad, "0000")  # second wrong try: twice the wait
    assert k.pin.wait_seconds() == 2 * CONFIG.pin_delay_seconds
    kiosk.clock.advance(2 * CONFIG.pin_delay_seconds)
    k.wait_timer.timeout.emit()
    assert pad.ok.isEnabled()
    with qtbot.waitSignal(k.staff_exited, timeout=1000):
        _enter(qtbot, pad, PIN)
    assert kiosk.exits == [STAFF_EXIT_CODE]
    assert window.close() is True  # staff may close it now
    kiosk.k.shutdown()
    kiosk.guide.close()


def test_press_and_hold_the_corner_opens_the_pin_pad(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window, k = kiosk.window, kiosk.k
    corner = QPoint(4, window.height() - 4)
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=corner)
    kiosk.clock.advance(1)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=corner)  # too short
    k.hold_timer.timeout.emit()
    assert not k.pin_pad.isVisible()
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=corner)
    kiosk.clock.advance(CONFIG.exit_hold_seconds - 0.5)
    k.hold_timer.timeout.emit()  # a timer that fires early: the clock says not yet
    assert not k.pin_pad.isVisible() and k.hold_timer.isActive()
    kiosk.clock.advance(0.5)
    k.hold_timer.timeout.emit()
    assert k.pin_pad.isVisible()
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=corner)
    assert k.pin_pad.isVisible()
    touch(qtbot, k.pin_pad.cancel)
    assert not k.pin_pad.isVisible()


def test_touch_sizes_and_flick_scrolling(qtbot, real_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(qtbot, real_db, tmp_path, size=(1920, 1080))
    try:
        window, k = kiosk.window, kiosk.k
        start_visit(qtbot, kiosk)
        assert kiosk.guide.ctx.state.text_scale == CONFIG.text_scale
        for name in ("home", "forums", "exhibition", "announcements", "photos", "figures"):
            window.go(Location(name))
            qtbot.wait(10)
            page = window.page(name)
            for button in window.findChildren(QAbstractButton):
                if button.isVisible() and not k.keyboard.isAncestorOf(button):
                    assert button.height() >= 48 and button.width() >= 48, (name, button.objectName())
            for bar in page.findChildren(QTabBar):
                for i in range(bar.count()):
                    assert bar.tabRect(i).height() >= 48
        nav = window.navigation
        for row in range(nav.model().rowCount()):
            assert nav.visualRect(nav.model().index(row, 0)).height() >= 48
        forums = window.page("forums").findChild(QListView, "forumList")
        assert QScroller.hasScroller(forums.viewport())
        window.go(Location.item("forum", "green-finance-forum"))  # a page built after start-up
        # The page scrolls as one (the body grows to its text): the flick is on the page.
        assert QScroller.hasScroller(window.detail.scroll_area.viewport())
    finally:
        kiosk.k.shutdown()
        kiosk.guide.close()


def _drag(qtbot, widget: QWidget, start: QPoint, end: QPoint) -> set[str]:  # type: ignore[no-untyped-def]
    """Press, drag and let go on ``widget`` as a finger would; the states its scroller went through."""
    win, states = widget.window().windowHandle(), set()
    at = widget.window()
    qtbot.mousePress(win, Qt.MouseButton.LeftButton, pos=widget.mapTo(at, start))
    steps = 12
    for i in range(1, steps + 1):
        point = QPoint(start.x() + (end.x() - start.x()) * i // steps,
                       start.y() + (end.y() - start.y()) * i // steps)
        qtbot.mouseMove(win, widget.mapTo(at, point), delay=16)
        states.add(QScroller.scroller(widget).state().name)
    qtbot.mouseRelease(win, Qt.MouseButton.LeftButton, pos=widget.mapTo(at, end), delay=16)
    return states


def test_lists_built_for_each_new_visitor_flick_without_growing_memory(
        qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    import gc

    window, k = kiosk.window, kiosk.k

    def gesture_types() -> int:  # Qt registers a new gesture type for every recognizer made
        gc.collect()
        return sum(1 for o in gc.get_objects() if type(o).__name__ == "GestureType")

    def visit() -> None:
        start_visit(qtbot, kiosk)
        for place in (Location("forums"), Location("photos"), Location.item("forum", "green-finance-forum")):
            window.go(place)
        window.go(Location("forums"))
        window.page("forums").show_grid()  # the timetable pans by touch too
        qtbot.wait(10)
        k.reset_now()  # the next visitor gets every page built afresh

    visit()
    before = gesture_types()
    for _ in range(5):
        visit()
    assert gesture_types() == before
    start_visit(qtbot, kiosk)
    window.go(Location.item("forum", "green-finance-forum"))  # the page, rebuilt again, still flicks
    qtbot.wait(10)
    area = window.detail.scroll_area
    viewport = area.viewport()
    assert "Dragging" in _drag(qtbot, viewport, QPoint(200, viewport.height() - 40), QPoint(200, 40))
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 0, timeout=3000)


def test_an_unhandled_exception_is_logged_and_home_shows_again(qtbot, kiosk: Kiosk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, k = kiosk.window, kiosk.k
    start_visit(qtbot, kiosk)
    window.go(Location.item("forum", "green-finance-forum"))
    k.pin_pad.open()
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        with qtbot.waitSignal(k.recovered, timeout=1000):
            k.excepthook(RuntimeError, exc, exc.__traceback__)
    assert window.current_location() == Location("home")
    assert not k.pin_pad.isVisible() and k.machine.phase is Phase.ACTIVE
    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "boom in a slot" in log and "Traceback" in log and "visit started" in log


def test_repeated_errors_exit_for_the_supervisor_but_spread_out_ones_do_not(  # type: ignore[no-untyped-def]
        qtbot, kiosk: Kiosk) -> None:
    k = kiosk.k
    start_visit(qtbot, kiosk)
    error = RuntimeError("boom")
    for _ in range(ERRORS_BEFORE_RESTART * 2):  # one a minute: the kiosk keeps going
        k.excepthook(RuntimeError, error, None)
        kiosk.clock.advance(61)
    assert kiosk.exits == []
    for _ in range(ERRORS_BEFORE_RESTART - 1):
        k.excepthook(RuntimeError, error, None)
        kiosk.clock.advance(1)
    assert kiosk.exits == []
    k.excepthook(RuntimeError, error, None)  # the 20th within a minute
    assert kiosk.exits == [70] and k.allow_close


def test_attract_screen_cycles_on_its_timer_and_stops_for_a_visit(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path) -> None:
    config = dataclasses.replace(CONFIG, reduced_motion=False, attract_seconds=6)
    kiosk = make_kiosk(qtbot, real_db, tmp_path, config=config)
    try:
        attract = kiosk.k.attract
        assert attract.timer.isActive() and attract.timer.interval() == 6000
        attract.timer.timeout.emit()
        assert attract.index == 1 and attract.animation.state() == attract.animation.State.Running
        start_visit(qtbot, kiosk)
        assert not attract.timer.isActive() and not attract.isVisible()
        kiosk.k.reset_now()  # the next visitor sees the highlights from the first again
        assert attract.isVisible() and attract.timer.isActive() and attract.index == 0
        assert {s.kind for s in attract.slides} == {"schedule", "figures"}
    finally:
        kiosk.k.shutdown()
        kiosk.guide.close()
    still = make_kiosk(qtbot, real_db, tmp_path, config=dataclasses.replace(config, reduced_motion=True))
    try:  # reduced motion: half as often, and no cross-fade
        attract = still.k.attract
        assert attract.timer.interval() == 12000
        attract.timer.timeout.emit()
        assert attract.index == 1 and attract.animation.state() != attract.animation.State.Running
    finally:
        still.k.shutdown()
        still.guide.close()


def test_excepthook_is_installed_in_kiosk_mode_and_restored(qtbot, real_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sys

    before = sys.excepthook
    config = KioskConfig(full_screen=False, keep_screen_on=False, catch_exceptions=True)
    kiosk = make_kiosk(qtbot, real_db, tmp_path, config=config)
    assert sys.excepthook == kiosk.k.excepthook
    kiosk.k.shutdown()
    kiosk.guide.close()
    assert sys.excepthook is before


def test_language_switch_retranslates_the_kiosk_widgets(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    ctx, k = kiosk.guide.ctx, kiosk.k
    start_visit(qtbot, kiosk)
    calls: list[str] = []
    for widget in (k.countdown, k.keyboard, k.pin_pad):
        original = widget.retranslate
        widget.retranslate = lambda w=widget, o=original: (calls.append(w.objectName()), o())[1]  # type: ignore[method-assign]
    ctx.state.set_language("en")
    assert sorted(calls) == ["kioskCountdown", "kioskPinPad", "onScreenKeyboard"]
    assert k.countdown.heading.text() == k.countdown.tr("Are you still there?")


def test_every_kiosk_string_has_a_chinese_translation() -> None:
    """The kiosk's contexts are in the .ts with finished translations (and in the .qm)."""
    import xml.etree.ElementTree as ET

    from guide import paths
    from guide.kiosk.widgets import ATTRACT_CONTEXT, TOUCH_TO_START, chinese

    root = ET.parse(paths.resources_dir() / "translations" / "zgc_guide_zh_CN.ts").getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name")
        if name in ("CountdownOverlay", "KioskAttract", "OnScreenKeyboard", "PinPad"):
            for message in context.iter("message"):
                translation = message.find("translation")
                assert translation is not None and translation.get("type") is None and translation.text, \
                    (name, message.findtext("source"))
                found[(name, message.findtext("source"))] = translation.text
    assert len({name for name, _ in found}) == 4 and len(found) >= 20
    assert chinese(ATTRACT_CONTEXT, TOUCH_TO_START) == "触摸屏幕开始"


def test_a_drag_flicks_the_page_and_opens_nothing(qtbot, real_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QScrollArea

    kiosk = make_kiosk(qtbot, real_db, tmp_path, config=CONFIG,
                       size=(1280, 600))
    try:
        window = kiosk.window
        start_visit(qtbot, kiosk)
        home = window.page("home")
        area = home.findChild(QScrollArea)
        news = home.findChild(QListView, "latestNews").viewport()  # a list inside the page
        start = QPoint(400, 200)
        QTest.mousePress(news, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for i in range(1, 20):
            QTest.mouseMove(news, start - QPoint(0, i * 15), 10)
        QTest.mouseRelease(news, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           start - QPoint(0, 300), 10)
        qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 100, timeout=3000)
        assert window.current_location() == Location("home")
    finally:
        kiosk.k.shutdown()
        kiosk.guide.close()


def test_leaving_full_screen_is_undone(qtbot, real_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = dataclasses.replace(CONFIG, full_screen=True)
    guide = build_window(real_db, now="2023-05-29T10:00", lang="zh")
    qtbot.addWidget(guide.window)
    pins = MemoryPinStore()
    set_pin(pins, PIN, n=2**10)
    k = install_kiosk(guide, config, pin_store=pins, log_file=tmp_path / "kiosk.log")
    try:
        window = guide.window
        qtbot.waitUntil(window.isFullScreen, timeout=2000)
        flags = window.windowFlags()
        assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
        window.showNormal()  # what Esc or a window manager key would do
        qtbot.waitUntil(window.isFullScreen, timeout=2000)
    finally:
        k.shutdown()
        guide.close()


def test_visitor_facing_text_names_no_keyboard_shortcuts(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    start_visit(qtbot, kiosk)
    for lang in ("zh", "en"):
        kiosk.guide.ctx.state.set_language(lang)
        for name in ("home", "forums", "exhibition", "announcements", "photos", "figures",
                     "bookmarks", "search"):
            window.go(Location(name))
            qtbot.wait(10)
            shortcuts = [t for t in visible_texts(window) if "Ctrl" in t or "Alt+" in t]
            assert shortcuts == [], (lang, name, shortcuts)


LONG_EN = ("Opening Ceremony of the 2023 Zhongguancun International Technology Trade Fair and Global "
           "Technology Trading Ecosystem Partners Conference")
LONG_ZH = "2023中关村国际技术交易会开幕式暨全球技术交易生态伙伴大会"


@pytest.mark.parametrize(("lang", "size", "forums"), [
    ("en", (1920, 1080), 1), ("zh", (1920, 1080), 1), ("en", (1920, 1080), 3),  # 3: too many
    ("en", (1280, 800), 3), ("zh", (1366, 768), 3),
])
def test_every_line_of_a_schedule_slide_is_drawn_whole_above_the_band(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, monkeypatch, request, lang: str,
        size: tuple[int, int], forums: int) -> None:
    # The opening ceremony's English title takes two lines at 1920x1080: in a fixed-height card
    # its kind line ("Opening ceremony · 开幕式") was cut in half on the screen every passer-by sees.
    import datetime as dt

    from guide.kiosk.slides import ForumLine, Section, Slide
    from guide.kiosk.widgets import attract as module

    kiosk = make_kiosk(qtbot, real_db, tmp_path, size=size)
    request.addfinalizer(lambda: (kiosk.k.shutdown(), kiosk.guide.close()))
    attract = kiosk.k.attract
    kiosk.guide.ctx.state.set_language(lang)
    long_line = ForumLine(None, None, LONG_ZH, LONG_EN, "opening", "国家会议中心一层多功能厅")
    short_line = ForumLine(dt.time(9), dt.time(12), "双碳战略与绿色金融论坛",
                           "Dual Carbon Strategy and Green Finance Forum", "parallel_forum", None)
    lines = (long_line, *[short_line] * (forums - 1))
    # The second day has two more forums than a slide takes: they count in its "more" line.
    slide = Slide("schedule", sections=(Section("today", dt.date(2023, 5, 27), lines, forums),
                                        Section("next", dt.date(2023, 5, 28), lines, forums + 2)))
    drawn: list[tuple[str, int, int, int, int]] = []  # text, left, top, height used and needed

    def recording(painter, rect, text, font, color, *args):  # type: ignore[no-untyped-def]
        used = draw(painter, rect, text, font, color, *args)
        needed = module.text_height(QRect(rect.left(), rect.top(), rect.width(), 1 << 16), text, font)
        drawn.append((text, rect.left(), rect.top(), used, needed))
        return used

    draw = module.wrap_text
    monkeypatch.setattr(module, "wrap_text", recording)
    attract.start([slide])
    assert (attract.width(), attract.height()) == size  # the kiosk's whole screen
    attract.grab()
    band_top = attract.height() - int(170 * min(attract.height() / 1080, attract.width() / 1500))
    slide_texts = [d for d in drawn if d[2] < band_top]
    assert sum(1 for d in slide_texts if d[0] in (LONG_EN, LONG_ZH)) == 4  # both titles, both days
    assert sum(1 for d in slide_texts if "Opening ceremony" in d[0]) == 2
    for text, _left, top, used, needed in slide_texts:
        assert used == needed, f"{text!r} cut: {used} of {needed} px"
        assert top + used <= band_top, f"{text!r} runs into the band"
    # Cards that do not fit even in smaller text are left for a "more" line, counted right.
    title = short_line.title if lang == "zh" else short_line.title_en
    hidden = 2 * (forums - 1) + 2 - sum(1 for d in slide_texts if d[0] == title)
    more = [d[0] for d in slide_texts if "more" in d[0]]
    assert sum(int(m.split("+ ")[1].split()[0]) for m in more) == hidden
    assert all(m.startswith("另有 " if lang == "zh" else "+ ") for m in more)
    for left in {d[1] for d in slide_texts}:  # each column, top to bottom: no text over another
        column = sorted((top, used, text) for text, x, top, used, _ in slide_texts if x == left)
        for (top, used, text), (next_top, _, _) in itertools.pairwise(column):
            assert next_top >= top + used, f"{text!r} overlaps the text below it"


def test_a_photo_slide_without_its_picture_says_so_in_both_languages(  # type: ignore[no-untyped-def]
        qtbot, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The slide showed a bare gradient and a big letter, like a picture still loading."""
    from guide.content import records
    from guide.kiosk.slides import Slide
    from guide.kiosk.widgets import attract as attract_module

    said: list[str] = []
    monkeypatch.setattr(attract_module, "paint_picture_note",
                        lambda _painter, _box, note, _font: said.append(note))
    attract = kiosk.k.attract
    # The loop now leaves such photos out (tests/test_kiosk_attract.py); the screen itself
    # still says why when it is given one.
    attract.start([Slide("photo", photo=records.list_items(kiosk.guide.ctx.content, "photo")[0])])
    attract.images.pixmap(attract.slides[attract.index].photo.image, QSize(1600, 1000))
    qtbot.waitUntil(lambda: attract.images.is_missing(attract.slides[attract.index].photo.image,
                                                      QSize(1600, 1000)), timeout=3000)
    attract.grab()
    assert said and said[-1] == "暂无图片  ·  Picture not available"


# What a visitor leaves open or switched on when they walk away is gone for the next one.
def test_a_visitors_high_contrast_and_open_menu_end_with_the_visit(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    ctx, toolbar, k = kiosk.guide.ctx, kiosk.window.toolbar, kiosk.k
    assert ctx.state.palette_name == "standard"
    start_visit(qtbot, kiosk)
    toolbar.contrast_action.trigger()  # the visitor's choice in the Aa menu
    assert ctx.state.palette_name == "high-contrast"
    menu = toolbar.display_menu
    menu.popup(toolbar.display_button.mapToGlobal(QPoint(0, toolbar.display_button.height())))
    qtbot.waitUntil(menu.isVisible)
    k.reset_now()  # they walked away
    assert not menu.isVisible()  # the next visitor's first touch is not spent closing it
    assert ctx.state.palette_name == "standard"
    touch(qtbot, k.attract)
    assert k.machine.phase is Phase.ACTIVE
    toolbar.sync_display_menu()
    assert not toolbar.contrast_action.isChecked()


def test_the_clear_all_question_goes_with_the_visitor_unanswered(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    ctx, window, k = kiosk.guide.ctx, kiosk.window, kiosk.k
    start_visit(qtbot, kiosk)
    ctx.bookmarks.toggle("forum", "green-finance-forum")
    window.go(Location("bookmarks"))
    window.page("bookmarks").clear_button.click()
    question = window.findChild(QMessageBox, "clearAllQuestion")
    assert question is not None and question.isVisible()
    # In the visitor's language, buttons too (Qt's own "Yes" and "No" had been English).
    assert [question.button(b).text() for b in (QMessageBox.StandardButton.Yes,
                                                QMessageBox.StandardButton.No)] == ["是", "否"]
    k.reset_now()
    # It had shown the last visitor's count over the attract screen and blocked the window.
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert QApplication.activeModalWidget() is None
    assert k.attract.isVisible()
    touch(qtbot, k.attract)
    assert k.machine.phase is Phase.ACTIVE
    assert window.current_location() == Location("home")


def test_the_clear_all_question_is_sized_for_a_finger_and_keeps_button_names_whole(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path) -> None:
    """On the portrait kiosk the question was Qt's 400x144 box, and it wrapped
    “撤 / 销” (the Undo button's name) across two lines."""
    import re

    from guide.ui.delegates import wrapped

    kiosk = make_kiosk(qtbot, real_db, tmp_path, size=(1080, 1920))
    try:
        ctx, window = kiosk.guide.ctx, kiosk.window
        start_visit(qtbot, kiosk)
        for kind, item_id in (("forum", "green-finance-forum"), ("forum", "tech-service-forum"),
                              ("area", "metaverse-area")):
            ctx.bookmarks.toggle(kind, item_id)
        window.go(Location("bookmarks"))
        box = window.page("bookmarks").clear_all()
        qtbot.waitUntil(box.isVisible)
        assert box.width() >= window.width() // 2, box.size()
        for button in box.buttons():
            assert button.height() >= CONFIG.min_touch_px and button.width() >= 2 * CONFIG.min_touch_px
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label.font().pointSizeF() > QApplication.font().pointSizeF()  # larger than the body
        lines = wrapped(label.text(), label.font(), label.contentsRect().width(), 10)
        names = re.findall(r"“[^”]*”", label.text())
        assert names and all(any(name in line for line in lines) for name in names), lines
        box.done(0)
    finally:
        kiosk.k.shutdown()
        kiosk.guide.close()


def test_a_quoted_button_name_is_never_wrapped_inside(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Chinese wraps between any two characters: at some widths “撤销” was split in two."""
    from guide.app import ensure_app
    from guide.ui.boxes import keep_quoted
    from guide.ui.delegates import wrapped

    ensure_app()
    text, font = "删除全部 7 项收藏？可以用“撤销”按钮恢复。", QApplication.font()
    split_plain = 0
    for width in range(120, 600, 7):
        plain = wrapped(text, font, width, 10)
        split_plain += not any("“撤销”" in line for line in plain)
        kept = [line.replace("\u2060", "") for line in wrapped(keep_quoted(text), font, width, 10)]
        assert any("“撤销”" in line for line in kept), (width, kept)
    assert split_plain  # the widths tried do split it without keep_quoted


def test_english_quotes_on_the_idle_screen_are_set_in_the_latin_face(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The CJK face draws “ full width: the English key-figure quotes began with a gap
    (" “nine departments…"). English with curly quotes takes the Latin face; Chinese, whose
    quotes are meant wide, and English without them keep the screen's one face."""
    from PySide6.QtGui import QFont

    from guide.kiosk.widgets import base

    monkeypatch.setattr(base.theme, "content_families", lambda lang=None: ["Latin Sans", "CJK Face"])
    font = QFont("CJK Face")
    assert base.latin_where_latin("“nine departments issued”", font).families()[:1] == ["Latin Sans"]
    assert base.latin_where_latin("Don’t look up", font).families()[:1] == ["Latin Sans"]
    for kept in ("“科技部等9部门印发”", "Touch the screen to start", "Talk · 演讲"):
        assert base.latin_where_latin(kept, font) is font
