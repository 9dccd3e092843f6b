"""Dates of a programme sheet far from all its others: a year typed wrong (2203 for 2023).

A programme runs days, or at most some months: a date more than a year away from every date
of the programme's main run is refused, the cell named, like any bad cell; one more than half a
year away is imported, with a notice to check its year (a spring and an autumn event can share
a sheet). The main run is the group of dates, no two neighbours over half a year apart, that
holds the most sessions (the earliest, when two hold as many).

A date typed without its year (5月27日) is in the one year, of the other dates' years and those
either side, that puts it within three months of the other dates (1月2日 after 2023-12-31 is
2024-01-02); when no year does, or two do, it is refused, its cell named, saying the year is
missing. Years are given before the dates far from the main run are looked for.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from guide.programme.cells import cell_date, cell_text
from guide.programme.message import Message, listed, message_of
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
    years = round(distance.days / 365.25)
    if years >= 2:
        return (Message("{count} years before", count=years) if day < first else
                Message("{count} years after", count=years))
    months = round(distance.days / 30.44)
    return (Message("{count} months before", count=months) if day < first else
            Message("{count} months after", count=months))


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
    span = first.isoformat() if first == last else Message(
        "{first} to {last}", first=first.isoformat(), last=last.isoformat())
    errors: list[str] = []
    notices: list[tuple[str, str]] = []
    for date in dates:
        if first <= date.day <= last:
            continue
        apart = _apart(date.day, first, last)
        where = Message("{where}, column {column}", where=date.row, column="日期 Date")
        if date.day < first - REFUSED or date.day > last + REFUSED:
            errors.append(Message(
                "{where}: {date!r} is {apart} the programme's other dates ({span}): a year typed "
                "wrong? Correct it; a programme of more than a year is imported a year at a time",
                where=Message("{where}: {what}", where=name, what=where),
                date=date.day.isoformat(), apart=apart, span=span))
        else:
            notices.append((where, Message("{date!r} is {apart} the programme's other dates "
                                           "({span}); check its year", date=date.day.isoformat(),
                                           apart=apart, span=span)))
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


NEAR = dt.timedelta(days=92)  # a date without its year is in a year that puts it this near


def _distance(day: dt.date, runs: list[list[dt.date]]) -> dt.timedelta:
    """How far ``day`` is from the nearest of ``runs`` (nothing when it is within one)."""
    return min(max(run[0] - day, day - run[-1], dt.timedelta(0)) for run in runs)


def _in_year(year: int, month: int, day: int) -> dt.date:
    """month/day in ``year``; 2月29日 of a year that has none as 1 March, for its distance."""
    return dt.date(year, month, 28) + dt.timedelta(days=day - 28) if (month, day) == (2, 29) \
        else dt.date(year, month, day)


def _year_of(month: int, day: int, runs: list[list[dt.date]]) -> tuple[list[int], int]:
    """(the years, of those of ``runs`` and the years either side, that put month/day within
    :data:`NEAR` of a run, nearest first; the nearest year of all, for an example)."""
    years = sorted({y + d for run in runs for y in (run[0].year, run[-1].year) for d in (-1, 0, 1)})
    far = sorted((_distance(_in_year(y, month, day), runs), y) for y in years)
    return [y for away, y in far if away <= NEAR], far[0][1]


def _no_year(y: Yearless, why: str, example: int) -> str:
    month, day = month_day(cell_text(y.value))
    return Message("{where}, column {column}: {value!r} has no year ({why}); write the date with "
                   "its year, e.g. {example}", where=y.cell, column="日期 Date",
                   value=cell_text(y.value), why=why, example=f"{example}-{month:02d}-{day:02d}")


def give_years(pending: list[Yearless], dates: list[SheetDate], errors: list[str],
               notices: list[tuple[str, str]]) -> None:
    """Dates without a year (5月27日) take the one year that puts them within three months of
    the file's other dates (5月27日 beside 2023-05-26 is in 2023, 1月2日 after 2023-12-31 in
    2024; said in a notice) and join ``dates``; when no year or two do, each is refused,
    saying its year is missing. A weekday written with it is checked in the year taken."""
    if not pending:
        return
    if not dates:
        errors += [_no_year(y, Message("no other date of the file gives it"), 2023) for y in pending]
        return
    runs = _runs(sorted({d.day for d in dates}))
    taken: dict[int, list[str]] = {}
    for y in pending:
        near, nearest = _year_of(*month_day(cell_text(y.value)), runs)
        if len(near) != 1:
            errors.append(_no_year(y, Message(
                "it could be in {years}, each near the file's other dates",
                years=functools.reduce(_either, map(str, sorted(near)))) if near else Message(
                "no year puts it within three months of the file's other dates"), nearest))
            continue
        try:
            day = cell_date(y.value, year=near[0])
        except ValueError as exc:  # 2月29日 in 2023, or a weekday that is not the date's
            errors.append(Message(
                "{where}, column {column}: {value!r} {problem} (in {year}, the year that puts it "
                "near the file's other dates)", where=y.cell, column="日期 Date",
                value=cell_text(y.value), problem=message_of(exc), year=near[0]))
            continue
        y.event.day = day.isoformat()
        if y.event.date:
            y.event.date = day.isoformat() + y.event.date[10:]
        dates.append(SheetDate(day, y.row))
        taken.setdefault(day.year, []).append(y.row)
    notices += [(rows_text(rows), Message("日期 Date gives no year; {year} is taken, the year that "
                                          "puts it near the file's other dates", year=year))
                for year, rows in sorted(taken.items())]


def _either(first: str, second: str) -> str:
    return Message("{first} or {second}", first=first, second=second)


def rows_text(rows: list[str], shown: int = 10) -> str:
    """Rows as a notice names them: "row 3, row 4 and 2 more"."""
    return listed(rows, shown)
