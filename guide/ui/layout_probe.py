"""What delegates tell the layout checker while they paint.

Rows are painted, not widgets, so the checker cannot ask them what they show. While a
recording is on, delegates note each line of text and each icon they draw (where, and
whether the text had to be cut); the checker then measures those places on the rendered
pixels. Outside a recording, noting costs one ``is None`` test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from guide.ui.layout_marks import Mark

OVERLAY = "layoutOverlay"  # property: a widget meant to lie on top of others (not a control)

_marks: list[Mark] | None = None
# A painter on a widget Python never wrapped (a list's viewport) reports a bare QPaintDevice;
# the widget is found by the address of its QPaintDevice part.
_widgets: dict[int, QWidget] = {}


@contextmanager
def recording() -> Iterator[list[Mark]]:
    """Collect marks painted inside the ``with`` block."""
    global _marks, _widgets
    previous, _marks = _marks, []
    _widgets = {address: w for w in QApplication.allWidgets()
                for address in shiboken6.getCppPointer(w)}
    try:
        yield _marks
    finally:
        _marks, _widgets = previous, {}


def active() -> bool:
    """True while a recording is on (painters that cache their output paint afresh then)."""
    return _marks is not None


def note(painter: QPainter, rect: QRect, text: str, *, icon: bool = False, cut: bool = False,
         essential: bool = False) -> None:
    """Record what a delegate just painted (no-op unless a recording is on)."""
    if _marks is None:
        return
    device = painter.device()
    widget = device if isinstance(device, QWidget) else _widgets.get(
        shiboken6.getCppPointer(device)[0])
    if widget is not None:
        from guide.ui.layout_marks import Mark  # loaded by the first recording's first note

        _marks.append(Mark(widget, painter.transform().mapRect(rect), text, icon, cut, essential))
