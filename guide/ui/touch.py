"""Touch panning for scrolling views, with one flick recognizer per kind for the process."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QScroller, QWidget

_gestures: dict[QScroller.ScrollerGestureType, Qt.GestureType] = {}
_owners: list[QObject] = []  # what each recognizer was registered on: kept for the process


def flick_gesture(kind: QScroller.ScrollerGestureType) -> Qt.GestureType:
    """The gesture type of the process's one flick recognizer for ``kind``.

    ``QScroller.grabGesture`` registers a new recognizer, a new gesture type that is never
    unregistered, on every call. Views built afresh for each kiosk visitor (the timetable,
    the map) would add one per visit: memory that is never given back, and one more
    recognizer every later event passes through.
    """
    gesture = _gestures.get(kind)
    if gesture is None:
        owner = QObject()
        gesture = QScroller.grabGesture(owner, kind)
        _owners.append(owner)
        _gestures[kind] = gesture
    return gesture


def grab_flick(viewport: QWidget, kind: QScroller.ScrollerGestureType) -> QScroller:
    """Let flicks of ``kind`` pan ``viewport`` through its scroller, which is returned."""
    scroller = QScroller.scroller(viewport)
    if kind == QScroller.ScrollerGestureType.TouchGesture:
        viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)  # as QScroller.grabGesture does
    viewport.grabGesture(flick_gesture(kind))
    return scroller
