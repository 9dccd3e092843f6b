"""Dates of a programme sheet far from all its others: a year typed wrong (2203 for 2023).

A programme runs days, or at most some months: a date more than a year away from every date
of the programme's main run is refused, the cell named, like any bad cell; one more than half a
year away is imported, with a notice to check its year (a spring and an autumn event can share
a sheet). The main run is the group of dates, no two neighbours over half a year apart, that
holds the most sessions (the earliest, when two hold as many).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from dataclasses import dataclass

SPLIT = dt.timedelta(days=183)  # neighbouring dates further apart are two runs
REFUSED = dt.timedelta(days=366)  # further than this from the main run: a mistyped year


@dataclass(frozen=True)
class SheetDate:
    """A session's date and the row its cell is in ("row 2", "sheet 5月26日, row 4")."""

    day: dt.date
    row: str


def _runs(days: list[dt.date]) -> list[list[dt.date]]:
    """The sorted distinct ``days`` in runs whose neighbours are at most :data:`SPLIT` apart."""
    runs = [[days[0]]]
    for before, day in itertools.pairwise(days):
        if day - before > SPLIT:
            runs.append([day])
        else:
            runs[-1].append(day)
    return runs


def _apart(day: dt.date, first: dt.date, last: dt.date) -> str:
    """How far ``day`` is from the run ``first``..``last``, in words: "180 years before"."""
    distance = first - day if day < first else day - last
    side = "before" if day < first else "after"
    years = round(distance.days / 365.25)
    if years >= 2:
        return f"{years} years {side}"
    return f"{round(distance.days / 30.44)} months {side}"


def far_dates(name: str, dates: list[SheetDate]) -> tuple[list[str], list[tuple[str, str]]]:
    """(errors, notices) for the dates of the file ``name`` far from the programme's main run
    (see the module)."""
    days = sorted({d.day for d in dates})
    if len(days) < 2:
        return [], []
    runs = _runs(days)
    if len(runs) == 1:
        return [], []
    sessions = Counter(d.day for d in dates)
    main = max(runs, key=lambda run: sum(sessions[day] for day in run))  # first of equals
    first, last = main[0], main[-1]
    span = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
    errors: list[str] = []
    notices: list[tuple[str, str]] = []
    for date in dates:
        if first <= date.day <= last:
            continue
        said = (f"{date.day.isoformat()!r} is {_apart(date.day, first, last)} the programme's "
                f"other dates ({span})")
        if date.day < first - REFUSED or date.day > last + REFUSED:
            errors.append(f"{name}: {date.row}, column 日期 Date: {said}: a year typed wrong? "
                          "Correct it; a programme of more than a year is imported a year at a time")
        else:
            notices.append((f"{date.row}, column 日期 Date", f"{said}; check its year"))
    return errors, notices
