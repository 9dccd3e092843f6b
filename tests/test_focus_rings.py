"""Focus rings a keyboard user can see: on the toolbar's buttons and the photo viewer's, in both
themes, judged on the pixels drawn (what the user sees), not on the style sheet's words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from guide.app import Guide
from guide.ui.history import Location
from tests.support import shown_guide
from tests.test_a11y_i18n import contrast


@pytest.fixture(params=["standard", "high-contrast"])
def guide(request: pytest.FixtureRequest, qtbot, real_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, lang="zh", exposed=True) as g:
        g.ctx.state.set_palette(request.param)
        yield g


def focus_ring(widget: QWidget, elsewhere: QWidget) -> tuple[str, Counter[str], int]:
    """What focusing ``widget`` changes on screen: the ring's colour (the commonest of the
    pixels that change), the colours beside the ring (unchanged pixels touching it) and how
    many pixels change. ``elsewhere`` takes the focus for the unfocused look."""
    area = widget.parentWidget()
    rect = widget.geometry().adjusted(-4, -4, 4, 4)

    def look(focused: QWidget) -> list[list[str]]:
        focused.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        assert focused.hasFocus()
        image = area.grab(rect).toImage()
        return [[image.pixelColor(x, y).name() for x in range(image.width())]
                for y in range(image.height())]

    before, after = look(elsewhere), look(widget)
    h, w = len(after), len(after[0])
    changed = {(x, y) for y in range(h) for x in range(w) if before[y][x] != after[y][x]}
    ring = Counter(after[y][x] for x, y in changed).most_common(1)[0][0] if changed else ""
    beside: Counter[str] = Counter()
    for x, y in changed:
        for nx, ny in ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)):
            if 0 <= nx < w and 0 <= ny < h and (nx, ny) not in changed:
                beside[after[ny][nx]] += 1
    return ring, beside, len(changed)


def assert_visible_ring(widget: QWidget, elsewhere: QWidget) -> None:
    """A ring all round ``widget`` (as many changed pixels as a 1 px outline at least) whose
    colour stands 3:1 (WCAG 1.4.11) against what lies beside it, inside and out."""
    ring, beside, changed = focus_ring(widget, elsewhere)
    name = widget.objectName()
    assert changed >= 2 * (widget.width() + widget.height()), f"{name}: focus changes {changed} px"
    weak = {c: n for c, n in beside.items() if contrast(ring, c) < 3}
    # Antialiased corners may meet a few in-between pixels; the ring's length may not.
    assert sum(weak.values()) <= 0.05 * sum(beside.values()), (
        f"{name}: ring {ring} beside {weak} ({ {c: round(contrast(ring, c), 2) for c in weak} })")


def test_every_toolbar_button_shows_a_focus_ring_that_stands_out(guide: Guide) -> None:
    """The staff menu showed no ring; on high contrast's yellow bar the cyan ring on the light
    button was ~1.2:1, and the standard orange ~2.7:1 on the light button and the blue bar."""
    w = guide.window
    w.go(Location("forums"))  # Back can act
    buttons = [w.back_button, w.display_button, w.staff_button, w.language_button]
    assert all(b.isVisible() and b.isEnabled() for b in buttons)
    for button in buttons:
        assert_visible_ring(button, w.navigation)


def test_the_photo_viewers_buttons_show_a_focus_ring_that_stands_out(guide: Guide) -> None:
    """The viewer's own outline colour outranked the focus rule: focus only thickened the
    grey outline (standard theme)."""
    w = guide.window
    w.go(Location.item("photo", "visitors-robot"))
    viewer = w.viewer
    buttons = [viewer.bookmark, viewer.close_button, viewer.prev_button, viewer.next_button]
    assert all(b.isVisible() for b in buttons)
    for button in buttons:
        assert_visible_ring(button, viewer)


def test_a_checked_bookmark_button_shows_a_focus_ring_that_stands_out(guide: Guide) -> None:
    """A bookmarked item's amber outline outranked the focus rule: focus only thickened it."""
    w = guide.window
    w.open_item("forum", "green-finance-forum")
    button = w.detail.bookmark
    button.click()
    assert button.isChecked()
    assert_visible_ring(button, w.detail.body)


def test_a_focused_button_has_one_ring_and_nothing_inside_it(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Once a real key was pressed, Qt also drew its own focus box inside the ring, hugging
    the label (only keys make it appear: focus set by a program shows none)."""
    w = guide.window
    w.go(Location("forums"))
    page = w.page("forums")
    day = page.days.buttons[page.days.currentIndex()]
    day.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(day, Qt.Key.Key_Right)  # a key: the next day, focused by the keyboard
    day = page.days.buttons[page.days.currentIndex()]
    assert day.hasFocus()
    inside = day.rect().adjusted(5, 5, -5, -5)  # within the 2-3 px ring

    def colours() -> Counter[str]:
        image = day.grab(inside).toImage()
        return Counter(image.pixelColor(x, y).name() for y in range(image.height())
                       for x in range(image.width()))

    focused = colours()
    w.navigation.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    unfocused = colours()
    # The label may sit a pixel over (the ring is wider than the border): compare colours,
    # not places. Qt's box was a rectangle of a colour found nowhere in the unfocused button.
    new = sum(n for colour, n in focused.items() if colour not in unfocused)
    assert new <= 0.01 * focused.total(), f"{new} px inside the ring are new with the focus"


def test_the_section_list_rings_the_row_the_keys_are_on(guide: Guide) -> None:
    """With the section list focused, the only sign was a 3 px line down the bar's right edge,
    far from the row the arrow keys move: the row itself now has a ring that stands out."""
    w = guide.window
    nav = w.navigation
    row = nav.visualRect(nav.currentIndex())

    def look(focused: QWidget) -> list[list[str]]:
        focused.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        image = nav.viewport().grab(row).toImage()
        return [[image.pixelColor(x, y).name() for x in range(image.width())]
                for y in range(image.height())]

    before, after = look(w.search_box), look(nav)
    changed = [(x, y) for y, line in enumerate(after) for x, c in enumerate(line) if c != before[y][x]]
    assert len(changed) >= 2 * (row.width() + row.height()) * 0.8, f"{len(changed)} px change"
    ring = Counter(after[y][x] for x, y in changed).most_common(1)[0][0]
    inside = after[row.height() // 2][row.width() // 2 + 20]  # the row's own fill, by its text
    assert contrast(ring, inside) >= 3, (ring, inside)


def test_a_disabled_back_button_does_not_look_focused(guide: Guide) -> None:
    """Disabled Back and Forward wore a solid outline much like the focus ring on the bar."""
    w = guide.window
    assert not w.back_button.isEnabled()
    edge = w.back_button.grab().toImage()
    # A dashed outline: along its top edge, gaps of the bar's colour between the dashes.
    top = [edge.pixelColor(x, 3).name() for x in range(8, edge.width() - 8)]
    assert len(set(top)) > 1 and Counter(top).most_common(1)[0][1] < len(top) * 0.9, Counter(top)


def test_a_staff_questions_listing_shows_a_focus_ring_that_stands_out(guide: Guide) -> None:
    """Tab from No reached the listing ("Switch to other content?", "Load this content?") with
    nothing on screen to say so: no border in high contrast, the same grey frame in standard,
    and no caret in read-only text."""
    from guide.ui.boxes import ListingQuestion

    listing = "\n".join(f"+ Session {n}: a talk" for n in range(40))
    dialog = ListingQuestion(guide.window, "Switch to other content?", "Load 39C3?", listing)
    try:
        dialog.show()
        QApplication.processEvents()
        assert_visible_ring(dialog.listing, dialog.yes_button)
    finally:
        dialog.close()
        dialog.deleteLater()


def test_a_staff_action_that_cannot_act_looks_disabled_in_the_menu(guide: Guide) -> None:
    """With nothing to restore, "Restore previous content" and "Back to the content shipped
    with the guide..." were drawn in the same colour as "About..." while the keys skipped them."""
    from guide.ui import theme

    palette = theme.PALETTES[guide.ctx.state.palette_name]
    guide.updates.refresh_actions()
    menu = guide.window.staff_menu
    disabled = [guide.updates.restore_action, guide.updates.shipped_action]
    enabled = [a for a in menu.actions() if a.isEnabled() and a.text() and not a.isSeparator()]
    assert disabled and enabled and not any(a.isEnabled() for a in disabled)
    menu.popup(guide.window.staff_button.mapToGlobal(guide.window.staff_button.rect().bottomLeft()))
    try:
        QApplication.processEvents()
        image = menu.grab().toImage()

        def inks(action) -> set[str]:  # type: ignore[no-untyped-def]
            rect = menu.actionGeometry(action)
            return {image.pixelColor(x, y).name() for y in range(rect.top(), rect.bottom())
                    for x in range(rect.left(), rect.right())}

        for action in enabled:
            assert palette.text in inks(action), action.text()
        for action in disabled:
            assert palette.text not in inks(action) and palette.disabled in inks(action), action.text()
    finally:
        menu.hide()


def test_a_focused_chart_has_a_ring_stronger_than_its_unfocused_outline(guide: Guide) -> None:
    """In high contrast the focused chart was the dimmer one: a 1 px line between pixels,
    drawn #008080 (the cyan at half strength) where an unfocused chart's was #808080."""
    from guide.ui import theme

    palette = theme.PALETTES[guide.ctx.state.palette_name]
    w = guide.window
    w.go(Location("figures"))
    chart = w.page("figures").charts[0]
    assert_visible_ring(chart, w.navigation)
    image = chart.grab().toImage()
    solid = sum(image.pixelColor(x, y).name() == palette.focus
                for y in range(image.height()) for x in range(image.width()))
    # A ring 2 px wide or more, in the focus colour itself (rounded corners aside).
    assert solid >= 0.9 * 2 * 2 * (chart.width() + chart.height()), solid


def focus_pixels(widget: QWidget, colour: str) -> int:
    """How many of ``widget``'s pixels (its frame included) are of the focus ring's colour."""
    image = widget.grab().toImage()
    return sum(image.pixelColor(x, y).name() == colour
               for y in range(image.height()) for x in range(image.width()))


def test_a_kiosk_tap_leaves_no_ring_until_a_key_is_pressed(qtbot, real_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A visitor's tap on a section left an orange ring round it and an orange line down the
    whole bar's edge: on a screen without keys, a glitch. A USB keyboard's keys still show it."""
    from guide.ui import theme
    from tests.support import kiosk_at

    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-27T10:00", lang="zh") as k:
        qtbot.mouseClick(k.attract, Qt.MouseButton.LeftButton)
        w = k.window
        nav = w.navigation
        focus = theme.PALETTES[w.ctx.state.palette_name].focus
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                         pos=nav.visualRect(nav.model().index(1, 0)).center())
        QApplication.processEvents()
        assert w.current_location() == Location("forums") and nav.hasFocus()
        assert focus_pixels(nav, focus) == 0
        qtbot.keyClick(nav, Qt.Key.Key_Down)  # an arrow: the next section, ringed at once
        QApplication.processEvents()
        row = nav.visualRect(nav.currentIndex())
        assert w.current_location() == Location("exhibition") and nav.hasFocus()
        assert focus_pixels(nav, focus) >= 2 * (row.width() + row.height()) + nav.height()
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                         pos=nav.visualRect(nav.model().index(1, 0)).center())
        day = w.page("forums").days.buttons[0]
        qtbot.mouseClick(day, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert day.hasFocus() and focus_pixels(day, focus) == 0
        assert focus_pixels(nav, focus) == 0
        qtbot.keyClick(day, Qt.Key.Key_Tab)
        QApplication.processEvents()
        tabbed = QApplication.focusWidget()
        assert tabbed is not None and tabbed is not day
        assert focus_pixels(tabbed, focus) >= 2 * (tabbed.width() + tabbed.height())


def test_a_click_on_the_desktop_keeps_its_ring(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Desktop lists and buttons keep the ring a click leaves, as desktop programs do."""
    from guide.ui import theme

    w = guide.window
    nav = w.navigation
    focus = theme.PALETTES[guide.ctx.state.palette_name].focus
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=nav.visualRect(nav.model().index(1, 0)).center())
    QApplication.processEvents()
    assert nav.hasFocus() and focus_pixels(nav, focus) > nav.height()
