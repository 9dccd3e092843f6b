"""The kiosk's own widgets: attract screen, "are you still there?" countdown, on-screen
keyboard and staff PIN pad.

They only show things and report presses; :mod:`guide.kiosk.controller` decides what
happens. All are children of the main window laid over it (no extra top-level
windows, so a full-screen, stay-on-top window cannot hide them), and none takes
focus away from the search box: every key is ``Qt.FocusPolicy.NoFocus``.
"""

from guide.kiosk.widgets.attract import ATTRACT_CONTEXT, TOUCH_TO_START, AttractScreen
from guide.kiosk.widgets.base import chinese
from guide.kiosk.widgets.countdown import CountdownOverlay
from guide.kiosk.widgets.keyboard import OnScreenKeyboard
from guide.kiosk.widgets.pin_pad import PinPad

__all__ = ["ATTRACT_CONTEXT", "TOUCH_TO_START", "AttractScreen", "CountdownOverlay", "OnScreenKeyboard",
           "PinPad", "chinese"]
