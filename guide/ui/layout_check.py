"""The layout checker: what a rendered window gets wrong at the edges.

It looks at a shown window the way a reader would and lists problems:

- text cut off: a label, button, tab, field or list row whose text does not fit, and titles
  that delegates had to elide (secondary lines of a row may be elided by design);
- controls that overlap each other, or are cut off by something that cannot scroll;
- a window that cannot shrink to the size asked for;
- text below 4.5:1 and icons below 3:1 against their background (WCAG 2.1 AA), measured on
  the rendered pixels, not on the style sheet.

It is a tool for us and for content authors (long imported titles): ``guide screenshot
PAGE --check-layout`` and ``guide check --layout`` run it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QScrollBar,
    QStyle,
    QStyleOptionFrame,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from guide.ui import layout_probe as probe
from guide.ui.layout_marks import Mark
from guide.ui.layout_pixels import icon_contrast, measured_contrast
from guide.ui.layout_probe import OVERLAY

TEXT_CONTRAST = 4.5
ICON_CONTRAST = 3.0
TOLERANCE = 2  # px: rounding in layouts is not an overlap or a cut
BUTTON_SLACK = 10  # px a button may lack against its size hint before its text is cut
NO_SCROLL = "layoutNoScroll"  # property: a list that must show all its rows (the sections)
# A view that is two-dimensional by nature (a timetable, a map) pans both ways by design.
PANS = "pansBothWays"


@dataclass(frozen=True)
class Problem:
    """One thing the reader would notice, with where it is."""

    kind: str  # cut, overlap, outside, window, contrast
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.where}: {self.detail}"


def check_window(window: QWidget, size: tuple[int, int] | None = None) -> list[Problem]:
    """Render ``window`` (shown, laid out) and list its layout problems."""
    problems: list[Problem] = []
    if size and (window.width() > size[0] or window.height() > size[1]):
        problems.append(Problem("window", name_of(window),
                                f"needs {window.width()}x{window.height()}, "
                                f"does not fit {size[0]}x{size[1]}"))
    with probe.recording() as marks:
        image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    widgets = [w for w in visible_widgets(window) if not in_overlay(w)]
    # Views whose delegate notes what it paints are judged by those notes, not by guesses.
    probed = {key(m.widget) for m in marks}
    problems += cut_text(widgets, probed)
    problems += cut_marks(marks, window)
    problems += marks_under_icons(marks, window)
    problems += overlaps_and_cuts(window, widgets)
    problems += scrolling(window, widgets)
    problems += contrast(window, image, widgets, marks, probed)
    return dedupe(problems)


# --- what is visible ----------------------------------------------------------------------

def visible_widgets(window: QWidget) -> list[QWidget]:
    """Every widget a reader can see: shown, with some area left after its parents clip it."""
    found = []
    for w in window.findChildren(QWidget):
        if w.isVisible() and w.window() is window and (
                not visible_rect(w, window).isEmpty() or isinstance(w, LEAVES)):
            found.append(w)  # a control its parent hides entirely is kept: it is "outside"
    return found


def key(w: QWidget) -> int:
    """The C++ object's address: Python wrappers of one widget need not be the same object."""
    return int(shiboken6.getCppPointer(w)[0])


def window_rect(w: QWidget, window: QWidget) -> QRect:
    """``w``'s whole rectangle in window coordinates."""
    return QRect(w.mapTo(window, QPoint(0, 0)), w.size())


def visible_rect(w: QWidget, window: QWidget) -> QRect:
    """The part of ``w`` its ancestors (and the window) do not clip, in window coordinates."""
    rect = window_rect(w, window)
    parent = w.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(window_rect(parent, window))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def in_overlay(w: QWidget) -> bool:
    node: QWidget | None = w
    while node is not None:
        if node.property(OVERLAY):
            return True
        node = node.parentWidget()
    return False


def name_of(w: QWidget) -> str:
    """A readable path: the nearest named ancestors and the widget's class."""
    parts: list[str] = []
    node: QWidget | None = w
    while node is not None and len(parts) < 3:
        if node.objectName():
            parts.append(node.objectName())
        node = node.parentWidget()
    label = getattr(w, "text", None)
    text = label() if callable(label) and isinstance(w, (QLabel, QAbstractButton)) else ""
    where = "/".join(reversed(parts)) or type(w).__name__
    if where.split("/")[-1] != w.objectName() or not w.objectName():
        where += f"/{type(w).__name__}"
    return f"{where} {short(plain(text))!r}" if text else where


def short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


# --- cut text -----------------------------------------------------------------------------

def cut_text(widgets: Iterable[QWidget], probed: set[int]) -> Iterator[Problem]:
    for w in widgets:
        if isinstance(w, QLabel):
            yield from label_cut(w)
        elif isinstance(w, QAbstractButton) and w.text():
            need = w.sizeHint() if not isinstance(w, QToolButton) or w.text() else None
            # The hint includes the style's padding: a few pixels short only trims padding.
            if need is not None and (need.width() > w.width() + BUTTON_SLACK
                                     or need.height() > w.height() + BUTTON_SLACK):
                yield Problem("cut", name_of(w), f"needs {need.width()}x{need.height()} px, "
                              f"has {w.width()}x{w.height()}")
        elif isinstance(w, QLineEdit):
            text = w.text() or w.placeholderText()
            option = QStyleOptionFrame()
            w.initStyleOption(option)
            room = w.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, w).width()
            if text and not w.text() and QFontMetrics(w.font()).horizontalAdvance(text) > room:
                yield Problem("cut", name_of(w), f"placeholder {short(text)!r} does not fit")
        elif isinstance(w, QComboBox):
            need = w.minimumSizeHint()
            text_w = QFontMetrics(w.font()).horizontalAdvance(w.currentText()) + 50
            if text_w > w.width() + TOLERANCE or need.height() > w.height() + TOLERANCE:
                yield Problem("cut", name_of(w), f"{short(w.currentText())!r} does not fit")
        elif isinstance(w, QTabBar):
            fm = QFontMetrics(w.font())
            for i in range(w.count()):
                room = w.tabRect(i).width() - 20
                if fm.horizontalAdvance(w.tabText(i)) > room or w.tabRect(i).isEmpty():
                    yield Problem("cut", name_of(w), f"tab {short(w.tabText(i))!r} does not fit")
        elif isinstance(w, QAbstractItemView) and key(w.viewport()) not in probed \
                and not w.viewport().visibleRegion().isEmpty():  # scrolled out of sight: unpainted
            yield from plain_rows_cut(w)


def label_cut(w: QLabel) -> Iterator[Problem]:
    text = w.text()
    if not text or (w.pixmap() is not None and not w.pixmap().isNull()):
        return
    room = w.contentsRect()
    margin = 2 * w.margin() + 2 * max(0, w.indent())
    if w.wordWrap() or w.textFormat() == w.textFormat().RichText or "<" in text:
        need_h = w.heightForWidth(w.width()) if w.wordWrap() else w.sizeHint().height()
        need_w = 0 if w.wordWrap() else w.sizeHint().width()
        if need_h > w.height() + TOLERANCE or need_w > w.width() + TOLERANCE:
            yield Problem("cut", name_of(w), f"needs {max(need_w, w.width())}x{need_h} px, "
                          f"has {w.width()}x{w.height()}")
        return
    fm = QFontMetrics(w.font())
    lines = text.split("\n")
    need_w = max(fm.horizontalAdvance(line) for line in lines) + margin
    need_h = fm.lineSpacing() * len(lines)
    if need_w > room.width() + TOLERANCE or need_h > room.height() + TOLERANCE:
        yield Problem("cut", name_of(w), f"needs {need_w}x{need_h} px, "
                      f"has {room.width()}x{room.height()}")


def under_icons(view: QAbstractItemView) -> bool:
    """Whether ``view`` sets its rows' words under their icons (IconMode), not beside them."""
    return isinstance(view, QListView) and view.viewMode() == QListView.ViewMode.IconMode


def plain_rows_cut(view: QAbstractItemView) -> Iterator[Problem]:
    """Rows painted by Qt's own delegate (the section list): text and icon must fit."""
    model = view.model()
    if model is None:
        return
    fm = QFontMetrics(view.font())
    icon_w = view.iconSize().width() if view.iconSize().isValid() else 0
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        rect = view.visualRect(index)
        text = str(index.data() or "")
        if not text or rect.isEmpty() or not view.viewport().rect().intersects(rect):
            continue
        if under_icons(view):  # the word under its icon (a tall window at a large text size)
            need = max(fm.horizontalAdvance(text), icon_w) + 16
        else:
            need = fm.horizontalAdvance(text) + (icon_w + 8 if icon_w else 0) + 16
        if need > rect.width() + TOLERANCE:
            yield Problem("cut", f"{name_of(view)} row {short(text)!r}",
                          f"needs {need} px, has {rect.width()}")


def cut_marks(marks: list[Mark], window: QWidget) -> Iterator[Problem]:
    for m in marks:
        if m.cut and m.essential and m.widget.isVisible() and m.widget.window() is window:
            view = m.widget.parentWidget() or m.widget
            yield Problem("cut", f"{name_of(view)} row", f"title cut: {short(m.text, 60)!r}")


def marks_under_icons(marks: list[Mark], window: QWidget) -> Iterator[Problem]:
    """Text a row lays out where it paints an icon (a card's star): a longer title runs
    under the icon even where this one happens to stop short of it."""
    shown = [m for m in marks if m.widget.isVisible() and m.widget.window() is window]
    for icon in (m for m in shown if m.icon):
        for m in shown:
            if m.icon or m.widget is not icon.widget or not m.text:
                continue
            both = m.rect.intersected(icon.rect)
            if both.width() > TOLERANCE and both.height() > TOLERANCE:
                view = m.widget.parentWidget() or m.widget
                yield Problem("overlap", f"{name_of(view)} row {short(m.text)!r}",
                              f"its text's room runs {both.width()} px under its {icon.text} icon")


# --- overlaps and controls cut off --------------------------------------------------------

LEAVES = (QLabel, QAbstractButton, QLineEdit, QComboBox, QTabBar, QAbstractScrollArea)


def overlaps_and_cuts(window: QWidget, widgets: list[QWidget]) -> Iterator[Problem]:
    leaves = [w for w in widgets if isinstance(w, LEAVES) and not isinstance(w, QScrollBar)
              and not inside_leaf(w, window)]
    rects = {id(w): visible_rect(w, window) for w in leaves}
    for i, a in enumerate(leaves):
        ra = rects[id(a)]
        for b in leaves[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            both = ra.intersected(rects[id(b)])
            if both.width() > TOLERANCE and both.height() > TOLERANCE:
                yield Problem("overlap", f"{name_of(a)} and {name_of(b)}",
                              f"{both.width()}x{both.height()} px at {both.x()},{both.y()}")
    for w in leaves:
        if isinstance(w, (QAbstractScrollArea,)) or (isinstance(w, QLabel) and not w.text()):
            continue
        whole, seen = window_rect(w, window), rects[id(w)]
        lost_w, lost_h = whole.width() - seen.width(), whole.height() - seen.height()
        if (lost_w > TOLERANCE or lost_h > TOLERANCE) and not scrolls(w, window):
            yield Problem("outside", name_of(w), f"only {seen.width()}x{seen.height()} of "
                          f"{whole.width()}x{whole.height()} px visible")


def inside_leaf(w: QWidget, window: QWidget) -> bool:
    """Parts of a compound control (a combo's line edit, a scroll area's own bars)."""
    parent = w.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QComboBox, QLineEdit, QAbstractButton, QTabBar, QTextEdit)):
            return True
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def scrolls(w: QWidget, window: QWidget) -> bool:
    """True when ``w`` sits in a scroll area, which can bring its hidden part into view."""
    parent = w.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def scrolling(window: QWidget, widgets: list[QWidget]) -> Iterator[Problem]:
    """Sideways scrolling, a scroll area inside another, and lists that must fit but scroll."""
    for w in widgets:
        if not isinstance(w, QAbstractScrollArea) or inside_leaf(w, window):
            continue
        if w.horizontalScrollBar().isVisible() and not w.property(PANS):
            yield Problem("scroll", name_of(w), "scrolls sideways (content wider than the window)")
        if w.verticalScrollBar().isVisible():
            if w.property(NO_SCROLL):
                yield Problem("scroll", name_of(w), "does not fit and scrolls")
            elif scrolls(w, window):
                yield Problem("scroll", name_of(w), "scrolls inside a scrolling page")
        if isinstance(w, QAbstractItemView) and not w.property(PANS) and \
                w.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            yield from rows_beyond(w)


def rows_beyond(view: QAbstractItemView) -> Iterator[Problem]:
    """Rows of a list sized to them (it never scrolls) that reach past its foot: no scrolling
    brings their lower part into sight (a detail page's photo captions had been lost so)."""
    port, model = view.viewport().rect(), view.model()
    for row in range(model.rowCount() if model is not None else 0):
        rect = view.visualRect(model.index(row, 0))
        if rect.bottom() > port.bottom() + TOLERANCE:
            below = rect.bottom() - port.bottom()
            yield Problem("cut", f"{name_of(view)} row {row + 1}",
                          f"its foot is {below} px below the list's, which cannot scroll")


# --- contrast on pixels -------------------------------------------------------------------

def contrast(window: QWidget, image: QImage, widgets: Iterable[QWidget],
             marks: list[Mark], probed: set[int]) -> Iterator[Problem]:
    for w in widgets:
        whole = window_rect(w, window)
        if visible_rect(w, window).height() < whole.height() // 2:
            continue  # mostly scrolled out of view: judged where it is seen
        for rect, need, what in text_regions(w, window, probed):
            yield from judge(image, rect, need, name_of(w) + what)
    for m in marks:
        if not m.widget.isVisible() or m.widget.window() is not window:
            continue
        rect = QRect(m.widget.mapTo(window, m.rect.topLeft()), m.rect.size())
        clip = visible_rect(m.widget, window)
        if not clip.contains(rect.adjusted(1, 1, -1, -1)):
            continue  # partly scrolled out of view: its ink may be in the hidden part
        owner = m.widget.parentWidget() or m.widget
        if m.icon:
            yield from judge_icon(image, rect, f"{name_of(owner)} row {short(m.text)!r}")
        else:
            yield from judge(image, rect.intersected(clip), TEXT_CONTRAST,
                             f"{name_of(owner)} row {short(m.text)!r}")


def judge(image: QImage, rect: QRect, need: float, where: str) -> Iterator[Problem]:
    found = measured_contrast(image, rect)
    if found is not None and found[0] < need:
        value, ink, background = found
        yield Problem("contrast", where, f"{value:.2f}:1 (#{ink:06x} on #{background:06x}), "
                      f"needs {need}:1")


def judge_icon(image: QImage, rect: QRect, where: str) -> Iterator[Problem]:
    found = icon_contrast(image, rect)
    if found is not None and found[0] < ICON_CONTRAST:
        value, ink, background = found
        yield Problem("contrast", where, f"icon {value:.2f}:1 (#{ink:06x} on #{background:06x}), "
                      f"needs {ICON_CONTRAST}:1")


def text_regions(w: QWidget, window: QWidget,
                 probed: set[int]) -> Iterator[tuple[QRect, float, str]]:
    """Where ``w`` shows text or an icon, in window coordinates, and the contrast it needs."""
    clip = visible_rect(w, window)
    whole = window_rect(w, window)
    if isinstance(w, QLabel) and w.text().strip():
        yield whole.intersected(clip), TEXT_CONTRAST, ""
    elif isinstance(w, QAbstractButton):
        inner = whole.adjusted(4, 4, -4, -4)
        if w.text() and not w.icon().isNull():
            # Icon and text are judged apart: a dark icon must not pass a faint label.
            icon_w = w.iconSize().width()
            text_w = QFontMetrics(w.font()).horizontalAdvance(w.text())
            if isinstance(w, QToolButton):
                split = inner.left() + icon_w + 10
            else:
                split = inner.center().x() - (icon_w + 4 + text_w) // 2 + icon_w + 4
            yield QRect(inner.left(), inner.top(), split - inner.left(),
                        inner.height()).intersected(clip), ICON_CONTRAST, " icon"
            inner.setLeft(split + 1)
        yield inner.intersected(clip), TEXT_CONTRAST if w.text() else ICON_CONTRAST, ""
    elif isinstance(w, (QLineEdit, QComboBox)):
        yield whole.adjusted(4, 4, -4, -4).intersected(clip), TEXT_CONTRAST, ""
    elif isinstance(w, QTabBar):
        for i in range(w.count()):
            tab = w.tabRect(i).translated(whole.topLeft()).adjusted(4, 4, -4, -4)
            yield tab.intersected(clip), TEXT_CONTRAST, f" tab {short(w.tabText(i))!r}"
    elif (isinstance(w, QAbstractItemView) and key(w.viewport()) not in probed
          and w.model() is not None):
        port = visible_rect(w.viewport(), window)
        origin = w.viewport().mapTo(window, QPoint(0, 0))
        for row in range(w.model().rowCount()):
            index = w.model().index(row, 0)
            rect = w.visualRect(index).translated(origin).intersected(port)
            if rect.isEmpty():
                continue
            what = f" row {short(str(index.data() or ''))!r}"
            if index.data(Qt.ItemDataRole.DecorationRole) is not None and under_icons(w):
                icon_h = w.iconSize().height() if w.iconSize().isValid() else 16
                split = rect.top() + icon_h + 14  # the item's padding, the icon, a gap
                yield QRect(rect.left(), rect.top(), rect.width(), split - rect.top()), \
                    ICON_CONTRAST, what + " icon"
                rect.setTop(split + 1)
            elif index.data(Qt.ItemDataRole.DecorationRole) is not None:
                icon_w = w.iconSize().width() if w.iconSize().isValid() else 16
                split = rect.left() + icon_w + 24  # the item's padding, then the icon
                yield QRect(rect.left(), rect.top(), split - rect.left(), rect.height()), \
                    ICON_CONTRAST, what + " icon"
                rect.setLeft(split + 1)
            if str(index.data() or "").strip():
                yield rect, TEXT_CONTRAST, what
    elif isinstance(w, QTextEdit) and w.toPlainText().strip():
        yield visible_rect(w.viewport(), window), TEXT_CONTRAST, ""


def dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            out.append(p)
    return out
