"""The visitor/idle state machine of the kiosk, in plain Python with the time passed in.

::

    ATTRACT --touch--> ACTIVE --idle_seconds without input--> COUNTDOWN
       ^                 ^                                       |
       |                 +------------- touch -------------------+
       +------------- countdown_seconds without input -----------+ (reset)

The countdown shows over nothing the visitor left open (menus close first); the reset
closes those too, and questions, as answered No.

The Qt controller feeds it input and clock ticks and performs the steps it returns;
the machine itself never looks at a clock, so tests drive hours in microseconds.
"""

from __future__ import annotations

import math
from enum import StrEnum


class Phase(StrEnum):
    """Where the kiosk is in a visitor's session."""

    ATTRACT = "attract"  # nobody there: highlights cycle, a touch starts a visit
    ACTIVE = "active"  # a visitor is using the guide
    COUNTDOWN = "countdown"  # "Are you still there?": a touch keeps the visit


class Step(StrEnum):
    """What the controller must do after an event."""

    START_VISIT = "start_visit"  # hide the attract screen, new visitor session, Home
    # Menus and drop-down lists a visitor left open: closed before "are you still there?",
    # which they covered, and which the next touch (taken by the menu) did not answer.
    CLOSE_POPUPS = "close_popups"
    SHOW_COUNTDOWN = "show_countdown"
    HIDE_COUNTDOWN = "hide_countdown"
    RESET = "reset"  # forget the visitor, show the attract screen


class IdleMachine:
    """Decides when a visit starts, when to ask "are you still there?" and when to reset."""

    def __init__(self, idle_seconds: float, countdown_seconds: float, now: float) -> None:
        if idle_seconds <= 0 or countdown_seconds <= 0:
            raise ValueError("idle and countdown times must be positive")
        self.idle_seconds = idle_seconds
        self.countdown_seconds = countdown_seconds
        self.phase = Phase.ATTRACT
        self.last_input = now
        self.countdown_started = now

    def input(self, now: float, *, wakes: bool = True) -> list[Step]:
        """A visitor did something at ``now``.

        ``wakes`` is False for input that should not start a visit on its own (a mouse
        drifting over the attract screen); it still counts as activity during one.
        """
        if self.phase is Phase.ATTRACT:
            if not wakes:
                return []
            self.phase = Phase.ACTIVE
            self.last_input = now
            return [Step.START_VISIT]
        self.last_input = now
        if self.phase is Phase.COUNTDOWN:
            if not wakes:
                return []  # only a real touch answers "are you still there?"
            self.phase = Phase.ACTIVE
            return [Step.HIDE_COUNTDOWN]
        return []

    def tick(self, now: float) -> list[Step]:
        """Time passed; call at :meth:`next_deadline` (calling more often is harmless)."""
        if self.phase is Phase.ACTIVE and now - self.last_input >= self.idle_seconds:
            if now - self.last_input >= self.idle_seconds + self.countdown_seconds:
                # The machine slept through the whole countdown: forget the visitor now.
                self.phase = Phase.ATTRACT
                return [Step.RESET]
            self.phase = Phase.COUNTDOWN
            self.countdown_started = now
            return [Step.CLOSE_POPUPS, Step.SHOW_COUNTDOWN]
        if self.phase is Phase.COUNTDOWN and now - self.countdown_started >= self.countdown_seconds:
            self.phase = Phase.ATTRACT
            return [Step.HIDE_COUNTDOWN, Step.RESET]
        return []

    def reset(self) -> list[Step]:
        """End the visit at once (staff, an error, a test): back to the attract screen."""
        steps = [Step.HIDE_COUNTDOWN] if self.phase is Phase.COUNTDOWN else []
        self.phase = Phase.ATTRACT
        return [*steps, Step.RESET]

    def next_deadline(self) -> float | None:
        """When :meth:`tick` has something to do next (None while the attract screen shows)."""
        if self.phase is Phase.ACTIVE:
            return self.last_input + self.idle_seconds
        if self.phase is Phase.COUNTDOWN:
            return self.countdown_started + self.countdown_seconds
        return None

    def seconds_left(self, now: float) -> int:
        """Whole seconds the countdown still has (what the overlay shows)."""
        if self.phase is not Phase.COUNTDOWN:
            return 0
        return max(0, math.ceil(self.countdown_started + self.countdown_seconds - now - 1e-9))
