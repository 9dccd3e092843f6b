"""A day's banner row in a programme sheet: "第二天 5月26日（周五）" above that day's sessions.

Chinese programme sheets put such a row, often merged across the columns, above each day's
block (and its pasted header). Read as a session it refused the whole sheet: its text "not a
date" in every column the merge filled. It is a heading, not a session: skipped and named in a
notice. The date it names is the day of the sessions under it, so a session row there whose
日期 Date cell is empty takes it (see spreadsheet.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from guide.programme.cells import cell_text
from guide.programme.message import Message, listed
from guide.programme.sheet_header import Where
from guide.programme.weekdays import WEEKDAY_WORD, weekday_in

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<{}>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# The date in a banner: 2023年5月26日, 5月26日, 2023-05-26, 2023/5/26, 26 May 2023, May 26, 2023.
_DATE = re.compile(
    r"(?:(?P<y1>\d{4})\s*年\s*)?(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*[日号]"
    r"|(?P<y2>\d{4})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.format('n3')}(?:\s+(?P<y3>\d{{4}}))?"
    rf"|{_MONTH.format('n4')}\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y4>\d{{4}}))?",
    re.IGNORECASE)
# What else a day's banner may say: which day, the weekday, the part of the day, "日程".
_OTHER = re.compile(
    rf"第[一二三四五六七八九十\d]+[天日]|day\s*\d+|{WEEKDAY_WORD}"
    r"|上午|下午|晚上|晚间|全天|日程|议程|安排|schedule|programme|program|agenda"
    r"|[\s,，、.。:：;；|｜·/（）()\[\]【】<>《》\-—–~～]+", re.IGNORECASE)
_DAY_WORD = re.compile(r"第[一二三四五六七八九十\d]+[天日]|day\s*\d+", re.IGNORECASE)


@dataclass(frozen=True)
class Banner:
    """A day's banner: its text as typed, and the date it names (None when it names none, or
    a date that is not plain: two dates, or a weekday that is not the date's). ``day`` is a
    date, or "5月26日" when the banner gives no year (the sheet's year is then taken)."""

    text: str
    day: dt.date | str | None


def _named_date(text: str) -> dt.date | str | None:
    """The one date a banner's ``text`` names (None for none, two, or one no calendar has)."""
    found = list(_DATE.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    year = next((m[k] for k in ("y1", "y2", "y3", "y4") if m[k]), None)
    month_name = m["n3"] or m["n4"]
    month = _MONTHS.index(month_name[:3].lower()) + 1 if month_name else \
        int(m["m1"] or m["m2"])
    day = int(next(m[k] for k in ("d1", "d2", "d3", "d4") if m[k]))
    try:
        date = dt.date(int(year) if year else 2000, month, day)  # 2000: a leap year, for 2月29日
    except ValueError:
        return None
    if year is None:
        return f"{month}月{day}日"  # given the sheet's year as a typed 5月26日 is
    weekday = weekday_in(text[:m.start()] + " " + text[m.end():])
    return None if weekday is not None and weekday != date.weekday() else date


def _one_text(row: list[Any]) -> tuple[Any, int] | None:
    """(the first filled cell, how many are filled) of a row whose filled cells are side by
    side and hold one text, none of them merged down from a row above (a cell merged down from
    a session's row belongs to that session); None for any other row. Asked of every row: a
    session's row is let go at its second filled cell, which says something else."""
    merged: frozenset[int] = getattr(row, "continued", frozenset())
    first: Any = None
    text = ""
    at = count = 0
    for i, value in enumerate(row):
        if not (said := cell_text(value)):
            continue
        if i in merged or (count and (said != text or i != at + 1)):
            return None
        if not count:
            first, text = value, said
        at, count = i, count + 1
    return (first, count) if count else None


def day_banner(row: list[Any]) -> Banner | None:
    """The day's banner ``row`` is, or None: a row whose only text, in one cell or in cells a
    merge across the row filled, says a day and nothing else (第二天 5月26日（周五）, 5月26日 上午,
    Day 2, 2023-05-26): which day, its date, weekday, part of the day."""
    found = _one_text(row)
    if found is None:
        return None
    first, filled = found
    if isinstance(first, dt.datetime | dt.date):  # a date cell merged across the row
        if filled < 2:
            return None  # a date alone in its column: a session still to be filled in
        day = first.date() if isinstance(first, dt.datetime) else first
        return Banner(cell_text(first)[:10], day)
    if not isinstance(first, str):
        return None
    text = " ".join(first.split())
    if _DATE.search(text) is None and _DAY_WORD.search(text) is None:
        return None
    if _OTHER.sub("", _DATE.sub("", text)):
        return None  # more than a day's heading: 开幕式 5月26日, a session's title
    return Banner(text, _named_date(text))


def banner_notices(banners: dict[int, tuple[Banner, list[int]]], where: Where,
                   header: int) -> list[tuple[str, str]]:
    """The notices of a sheet's days' banners (row -> the banner, the rows that took its date):
    those among the sessions were skipped; the session rows under one with an empty 日期 Date
    took its date. A banner above the header (row < ``header``) was never a session."""
    skipped = [(row, banner) for row, (banner, _took) in banners.items() if row > header]
    notices: list[tuple[str, str]] = []
    if skipped:
        notices.append((listed([where.row(row) for row, _banner in skipped], 10), Message(
            "is a day's heading ({headings}), not a session: skipped; the sessions under it were "
            "read", headings=listed([repr(banner.text) for _row, banner in skipped], 3))))
    for row, (banner, took) in banners.items():
        if took:
            day = banner.day.isoformat() if isinstance(banner.day, dt.date) else str(banner.day)
            notices.append((Message("{where}, column {column}", column="日期 Date",
                                    where=listed([where.row(n) for n in took], 10)),
                            Message("is empty, so the date of the day's heading above it, {row} "
                                    "({heading!r}), is taken: {date}", row=where.row(row),
                                    heading=banner.text, date=day)))
    return notices
