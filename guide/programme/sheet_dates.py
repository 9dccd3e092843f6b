"""Dates of a programme sheet far from all its others: a year typed wrong (2203 for 2023).

A programme runs days, or at most some months: a date more than a year away from every date
of the programme's main run is refused, the cell named, like any bad cell; one more than half a
year away is imported, with a notice to check its year (a spring and an autumn event can share
a sheet). The main run is the group of dates, no two neighbours over half a year apart, that
holds the most sessions (the earliest, when two hold as many).

A date typed without its year (5月27日) is in the year of the file's other dates when they are
all in one; else it is refused, its cell named, saying the year is missing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from guide.programme.cells import cell_date, cell_text
from guide.programme.model import RawEvent

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


@dataclass
class Yearless:
    """A session whose date cell gives no year (5月27日), until the sheet's year is known."""

    event: RawEvent
    value: Any  # the date cell
    cell: str  # "programme.csv: row 4", to name it in an error
    row: str  # "row 4", for the notice and SheetDate


def month_day(text: str) -> tuple[int, int]:
    """(month, day) of a date without its year: 5月27日 -> (5, 27)."""
    month, day = re.findall(r"\d+", text)[:2]
    return int(month), int(day)


def give_years(pending: list[Yearless], dates: list[SheetDate], errors: list[str],
               notices: list[tuple[str, str]]) -> None:
    """Dates without a year (5月27日) take the year of the file's other dates when they all
    have one (said in a notice), and join ``dates``; else each is refused, saying its year
    is missing."""
    if not pending:
        return
    years = sorted({d.day.year for d in dates})
    if len(years) != 1:
        why = (f"the other dates are in {' and '.join(map(str, years))}, so which is not plain"
               if years else "no other date of the file gives it")
        errors += [f"{y.cell}, column 日期 Date: {cell_text(y.value)!r} has no year ({why}); "
                   "write the date with its year, e.g. "
                   f"{years[-1] if years else 2023}-{month_day(cell_text(y.value))[0]:02d}-"
                   f"{month_day(cell_text(y.value))[1]:02d}" for y in pending]
        return
    year, taken = years[0], []
    for y in pending:
        try:
            day = cell_date(y.value, year=year)
        except ValueError as exc:  # 2月29日 in 2023, or a weekday that is not the date's
            errors.append(f"{y.cell}, column 日期 Date: {cell_text(y.value)!r} {exc} (in {year}, "
                          "the year of the file's other dates)")
            continue
        y.event.day = day.isoformat()
        if y.event.date:
            y.event.date = day.isoformat() + y.event.date[10:]
        dates.append(SheetDate(day, y.row))
        taken.append(y.row)
    if taken:
        notices.append((rows_text(taken), f"日期 Date gives no year; {year}, the year of the file's "
                                      "other dates, is taken"))


def rows_text(rows: list[str], shown: int = 10) -> str:
    """Rows as a notice names them: "row 3, row 4 and 2 more"."""
    return ", ".join(rows[:shown]) + (f" and {len(rows) - shown} more" if len(rows) > shown else "")
