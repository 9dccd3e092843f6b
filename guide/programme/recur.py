"""Repeat rules (RRULE) expanded by dateutil, but never searched further than an import needs.

dateutil looks for a rule's occurrences period by period (a year, month, week, day, hour,
minute or second: the rule's FREQ) up to the year 9999, and compares UNTIL only with the
occurrences it finds. A rule that never matches (FREQ=MONTHLY;BYSETPOS=10;BYDAY=MO: no month
has ten Mondays) kept an import waiting for seconds per event, a SECONDLY one for hours, and
COUNT or UNTIL did not end the search. dateutil offers no way to stop it, so its own loop is
run here with a guard on the step it takes once per period: the search ends at a horizon,
or after MAX_PERIODS periods, whichever comes first.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator
from typing import Any

# Ten years of days is 3,653 periods; a rule of seconds that never matches stops at this
# many in about 0.1 s. A rule that matches stops sooner (the importer keeps 2,000 occurrences).
MAX_PERIODS = 20_000


class SearchStopped(Exception):
    """The search reached its horizon (or MAX_PERIODS) before the rule ended."""


def occurrences(rule: Any, horizon: dt.datetime) -> Iterator[dt.datetime]:
    """The occurrences of the dateutil ``rule`` up to ``horizon`` (in its DTSTART's form), in order.

    Raises :class:`SearchStopped` when the search passes ``horizon`` (or MAX_PERIODS) with
    the rule not ended by its COUNT or UNTIL: it may have more occurrences after it, or none.
    """
    from dateutil import rrule as module

    last_day = horizon.date().toordinal()

    helper: Any = vars(module)["_iterinfo"]

    class Guarded(helper):
        """dateutil's per-period helper (private; its loop gets one) that counts the periods
        and stops the loop once a period starts after the horizon."""

        def __init__(self, rr: Any) -> None:
            super().__init__(rr)
            self.periods_left = MAX_PERIODS

        def _period(self, year: int, month: int, day: int) -> None:
            self.periods_left -= 1
            # ``day`` may run past the month's end: the loop brings it back only now and then.
            if self.periods_left < 0 or dt.date(year, month, 1).toordinal() + day - 1 > last_day:
                raise SearchStopped

        def ydayset(self, year: int, month: int, day: int) -> Any:
            self._period(year, 1, 1)
            return super().ydayset(year, month, day)

        def mdayset(self, year: int, month: int, day: int) -> Any:
            self._period(year, month, 1)
            return super().mdayset(year, month, day)

        def wdayset(self, year: int, month: int, day: int) -> Any:
            self._period(year, month, day)
            return super().wdayset(year, month, day)

        def ddayset(self, year: int, month: int, day: int) -> Any:
            self._period(year, month, day)
            return super().ddayset(year, month, day)

    loop = module.rrule._iter
    search = types.FunctionType(loop.__code__, {**vars(module), "_iterinfo": Guarded})
    for when in search(rule):
        if when > horizon:  # in the last period searched, but after the horizon
            raise SearchStopped
        yield when
