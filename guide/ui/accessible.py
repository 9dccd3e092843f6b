"""What screen readers get where Qt's own accessibility falls short.

- Links in a rich-text body: Qt exposes a QTextBrowser as one block of text with no
  hyperlinks (its AT-SPI bridge has no Hypertext interface). :class:`LinkSpots` lays an
  invisible :class:`LinkSpot` over each link, which reads as a link (role, name, a "Press"
  action that follows it) at the place the link is drawn.
- Pages not shown: Qt reports the rows of a list as showing whenever they lie inside their
  view, even when the whole page is hidden. The guide's page stack exposes only the page
  that is shown, so a screen reader never wanders into a page the reader left.

:func:`install` registers the factory once per process; widgets that rely on it call it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QPaintEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QAccessibleWidget, QStackedWidget, QTextBrowser, QWidget

from guide.ui.layout_probe import OVERLAY

ONE_PAGE = "accessibleOnePage"  # property: a stack that exposes only its current page


class LinkSpot(QWidget):
    """An invisible stand-in over one link of a rich-text body (see the module docstring)."""

    def __init__(self, parent: QWidget, href: str, text: str,
                 follow: Callable[[QUrl], None]) -> None:
        super().__init__(parent)
        self.follow = follow
        self.set_link(href, text)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the body takes clicks
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab moves through links in the body itself
        self.setProperty(OVERLAY, True)  # not a control of its own to the layout checker

    def set_link(self, href: str, text: str) -> None:
        """Stand in for another link (the body showed a new document)."""
        self.href = href
        self.setAccessibleName(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paints nothing: the body draws the link."""

    def press(self) -> None:
        self.follow(QUrl(self.href))


class _LinkAccessible(QAccessibleWidget):
    """A :class:`LinkSpot` as a screen reader gets it: a link that "Press" follows."""

    def __init__(self, spot: LinkSpot) -> None:
        super().__init__(spot, QAccessible.Role.Link)

    @property
    def spot(self) -> LinkSpot:
        # Looked up, not kept: Qt keeps this interface while the spot lives, and a reference
        # here would keep the spot (and its page) alive for good.
        return self.widget()  # type: ignore[return-value]

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.spot.accessibleName()
        if kind == QAccessible.Text.Value:
            return self.spot.href
        return ""

    def actionNames(self) -> list[str]:
        return [QAccessibleWidget.pressAction()]

    def doAction(self, name: str) -> None:
        if name == QAccessibleWidget.pressAction():
            QTimer.singleShot(0, self.spot.press)  # not inside the bus call that asked


class _OnePageAccessible(QAccessibleWidget):
    """A page stack whose only child is the page shown."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__(stack, QAccessible.Role.LayeredPane)
        self.stack = stack

    def childCount(self) -> int:
        return 1 if self.stack.currentWidget() is not None else 0

    def child(self, index: int) -> QAccessibleInterface:
        page = self.stack.currentWidget()
        return QAccessible.queryAccessibleInterface(page) if index == 0 and page else None  # type: ignore[return-value]

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        page = self.stack.currentWidget()
        return 0 if page is not None and child is not None and child.object() is page else -1


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, LinkSpot):
        return _LinkAccessible(obj)
    if isinstance(obj, QStackedWidget) and obj.property(ONE_PAGE):
        return _OnePageAccessible(obj)
    return None


_installed = False


def install() -> None:
    """Register the guide's accessibility factory (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def expose_current_page_only(stack: QStackedWidget) -> None:
    """Screen readers see only the page ``stack`` shows, never the pages behind it."""
    install()
    stack.setProperty(ONE_PAGE, True)
    stack.currentChanged.connect(lambda _i: QAccessible.updateAccessibility(
        QAccessibleEvent(stack, QAccessible.Event.ObjectReorder)))


class LinkSpots(QObject):
    """Keeps one :class:`LinkSpot` over each link of ``browser``'s document, where it is drawn."""

    def __init__(self, browser: QTextBrowser, follow: Callable[[QUrl], None]) -> None:
        super().__init__(browser)
        install()
        self.browser, self.follow = browser, follow
        self.spots: list[LinkSpot] = []
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.place)
        browser.document().documentLayout().documentSizeChanged.connect(self._timer.start)
        browser.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def links(self) -> list[tuple[str, str, int, int]]:
        """(href, text, start, end) of every link in the document, in reading order."""
        found: list[tuple[str, str, int, int]] = []
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                href = fragment.charFormat().anchorHref()
                if href:
                    start, end = fragment.position(), fragment.position() + fragment.length()
                    if found and found[-1][0] == href and found[-1][3] == start:  # one link, two formats
                        found[-1] = (href, found[-1][1] + fragment.text(), found[-1][2], end)
                    else:
                        found.append((href, fragment.text(), start, end))
                it += 1
            block = block.next()
        return found

    def rebuild(self) -> None:
        """New document: a spot for each of its links (call after ``setHtml``).

        The spots of the last document are reused and the surplus deleted at once: every item
        opened, language switch and zoom renders the body again, and spots left to
        ``deleteLater`` pile up wherever events are processed without a running loop.
        """
        links = self.links()
        for spot in self.spots[len(links):]:
            # Unparented, it goes with its last reference, here. Not deleteLater: that hands
            # it to Qt until the loop runs, and it holds the page through ``follow``.
            spot.setParent(None)
        self.spots = self.spots[:len(links)]
        for spot, (href, text, _start, _end) in zip(self.spots, links, strict=False):
            spot.set_link(href, text.strip())
        self.spots += [LinkSpot(self.browser.viewport(), href, text.strip(), self.follow)
                       for href, text, _start, _end in links[len(self.spots):]]
        self.place()
        for spot in self.spots:
            spot.show()

    def place(self) -> None:
        """Lay each spot over its link as the body now draws it (first line of a wrapped link)."""
        links = self.links()
        if len(links) != len(self.spots):
            return
        for spot, (_href, _text, start, end) in zip(self.spots, links, strict=True):
            spot.setGeometry(self._rect(start, end))

    def _rect(self, start: int, end: int) -> QRect:
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        first = self.browser.cursorRect(cursor)
        cursor.setPosition(end)
        last = self.browser.cursorRect(cursor)
        right = last.left() if last.top() == first.top() else self.browser.viewport().width()
        return QRect(first.left(), first.top(), max(1, right - first.left()), first.height())
