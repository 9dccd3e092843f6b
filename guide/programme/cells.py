"""Values of programme sheet cells as typed by hand: text, dates, clock times, end times."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from guide.programme.message import Message
from guide.programme.weekdays import weekday_after


class ShownNumber(float):
    """A workbook's number cell whose number format shows a fixed number of decimals: ``shown``
    is what the sheet shows (9.30 for the 9.3 a cell formatted 0.00 keeps, 17.00 for 17), and
    what the organiser typed and looks for; read and quoted as such (:func:`cell_text`)."""

    shown: str

    def __new__(cls, value: float, shown: str) -> ShownNumber:
        self = super().__new__(cls, value)
        self.shown = shown
        return self


# A number format that shows a fixed number of decimals: 0.00, #,##0.00, 0.0 (its first section,
# for positive numbers; "_)" pads it).
_DECIMALS = re.compile(r"(?P<group>#,##)?0\.(?P<places>0{1,4})(?:_.)*")


def shown_number(value: Any, number_format: str) -> Any:
    """``value`` as a :class:`ShownNumber` when it is a number its cell's ``number_format`` shows
    with fixed decimals, all its digits among them (9.3 under 0.00); else ``value`` itself."""
    if not isinstance(value, int | float) or isinstance(value, bool) or number_format == "General":
        return value
    m = _DECIMALS.fullmatch(number_format.split(";")[0].strip())
    if m is None or round(value, len(m["places"])) != value:
        return value  # 9.345 under 0.00 shows 9.35: not what the cell holds
    return ShownNumber(value, f"{value:{',' if m['group'] else ''}.{len(m['places'])}f}")


def cell_text(value: Any) -> str:
    """A cell as trimmed text: empty for nothing, 12 for the number 12.0, a workbook's number as
    its cell shows it (9.30 for 9.3 formatted 0.00)."""
    if value.__class__ is str:  # most cells (all of a CSV file's): asked first, as it is asked often
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, ShownNumber):
        return value.shown
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# A date, and the time of day a date cell may hold after it (2023-05-25 09:30).
_DATE = re.compile(r"(\d{4})(?:-|年)(\d{1,2})(?:-|月)(\d{1,2})日?"
                   r"(?:(?:\s+|T)(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?)?")
# The same with the year last, as Excel shows a date in American or British order: 5/28/2023.
_YEAR_LAST = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_NO_YEAR = re.compile(r"(\d{1,2})月(\d{1,2})[日号]")  # 5月27日: the year is the sheet's


# Excel keeps a date as the number of days since its day 0 and a time as a fraction of a day;
# a column formatted General (or a CSV saved from it) shows that number: 45072, 0.75.
_SERIAL_ZERO = dt.datetime(1899, 12, 30)  # what serial 0 counts from, past Excel's 1900-02-29
_EXCEL_DATE = re.compile(r"(\d{5})(\.\d+)?")
_EXCEL_DATES = range(32874, 73051)  # 1990-01-01 to 2099-12-31: no other five digits in a date column
_EXCEL_TIME = re.compile(r"0?\.\d+")


def excel_date_hint(value: Any) -> str | None:
    """Why a date cell holding an Excel date number (45072) is refused, saying the date it
    stands for and how to show it as one; None for any other value. Text (a CSV file's cell) is
    not read as that date: its workbook may have counted from 1904 (old Mac Excel), four years
    and a day later; a workbook's number cell is, with its epoch (:func:`serial_date`)."""
    m = _EXCEL_DATE.fullmatch(cell_text(value))
    if m is None or int(m[1]) not in _EXCEL_DATES:
        return None
    moment = _SERIAL_ZERO + dt.timedelta(days=float(m[0]))
    moment = moment.replace(second=0, microsecond=0) + dt.timedelta(minutes=round(moment.second / 60))
    shown = f"{moment:%Y-%m-%d %H:%M}" if moment.time() != dt.time(0) else f"{moment:%Y-%m-%d}"
    return Message("is a number, not a date: it looks like an Excel date number (in Excel, {number} "
                   "is {date}); format the column as a date in Excel (Format Cells > Date) and "
                   "save the file again", number=m[0], date=shown)


def serial_date(value: Any, epoch: dt.datetime) -> dt.datetime | None:
    """The date (and time) an Excel date number cell of a workbook stands for: ``value`` days
    after ``epoch``, the workbook's day 0 (1899-12-30, or 1904-01-01 in a workbook saved with
    the 1904 date system); None for anything but a number that is a date of 1990 to 2099."""
    from openpyxl.utils.datetime import from_excel

    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return None
    try:
        moment = from_excel(value, epoch)
    except (OverflowError, ValueError):  # a number far past any date
        return None
    if not isinstance(moment, dt.datetime) or not 1990 <= moment.year <= 2099:
        return None
    # to the minute: a time kept as a fraction of a day may read 09:29:59.999
    return moment.replace(second=0, microsecond=0) + dt.timedelta(minutes=round(moment.second / 60))


def excel_time_hint(value: Any) -> str | None:
    """Why a time cell holding an Excel time number (0.75) is refused, saying the time it stands
    for and how to show it as one; None for any other value."""
    text = cell_text(value)
    if _EXCEL_TIME.fullmatch(text) is None or not 0 < float(text) < 1:
        return None
    minutes = round(float(text) * 24 * 60)
    return Message("is a number, not a time: it looks like an Excel time number (in Excel, {number} "
                   "is {time}); format the column as a time in Excel (Format Cells > Time) and "
                   "save the file again", number=text, time=f"{minutes // 60:02d}:{minutes % 60:02d}")


_NUMBER = re.compile(r"(\d+)(?:\.(\d+))?")


def _time_text(value: Any) -> str:
    """The text a time cell is read by: what it shows (9.30, 17.00 for 9.3 and 17 formatted
    0.00), but a whole number of three or four digits as typed (1700, 930), which a format with
    decimals only pads (1700.00)."""
    if isinstance(value, ShownNumber) and value.is_integer() and 100 <= value < 10000:
        return str(int(value))
    return cell_text(value)


def _decimal_half(value: Any) -> Message | None:
    """Why a number cell holding a whole hour and a half (9.5, shown 9.50 under 0.00) is no time:
    09:50 as the dot reads, or 09:30 in a column of decimal hours beside 10.75; not guessed."""
    if not isinstance(value, float) or not 1 <= value < 24 or value.is_integer() \
            or not (value * 2).is_integer():
        return None
    hour = int(value)
    return Message("holds the number {number}: {minutes} if the dot parts hours from minutes, or "
                   "{half} if the column counts hours in decimals; which one is not guessed: write "
                   "the time as HH:MM, {minutes} or {half}", number=f"{hour}.5",
                   minutes=f"{hour:02d}:50", half=f"{hour:02d}:30")


def typed_time_hint(value: Any) -> str | None:
    """Why a time cell typed as a number is refused, naming the form found and the form
    expected: an hour without minutes (17, or 17.00 in a cell Excel keeps as the number 17), one
    digit after a dot (9.3: 9:30 or 9:03?), or hours and minutes out of range (9.75); None for
    any other value; 9.5 in a number cell is 09:50 or 09:30 (see _decimal_half)."""
    if half := _decimal_half(value):
        return half
    text = _time_text(value)
    m = _NUMBER.fullmatch(text)
    if m is None or _EXCEL_TIME.fullmatch(text):
        return None
    hours, after = m[1], m[2]
    if len(hours) > 2 or int(hours) > 23 or (after is not None and len(after) != 1):
        return Message("is a number that is no time of day: a time is HH:MM (14:00), or 14.00 or "
                       "1400, with hours 0-23 and minutes 00-59")
    # A cell formatted as a number keeps 17.00 as 17 and 9.30 as 9.3: the minutes typed are lost.
    lost = isinstance(value, int | float) and not isinstance(value, bool)
    typed = f"{hours}.{after or 0}0"
    if after is None:
        example = f"{int(hours):02d}:00"
        if lost:
            return Message("is an hour without its minutes; Excel keeps {typed}, typed in a cell "
                           "formatted as a number, as {number}: write the time as HH:MM, e.g. "
                           "{example}", typed=typed, number=text, example=example)
        return Message("is an hour without its minutes: write the time as HH:MM, e.g. {example}",
                       example=example)
    shown, other = f"{int(hours):02d}:{after}0", f"{int(hours):02d}:0{after}"
    if lost:
        return Message("has one digit after the dot, so its minutes are unclear ({shown} or "
                       "{other}?); Excel keeps {typed}, typed in a cell formatted as a number, as "
                       "{number}: write the time as HH:MM, e.g. {shown}", shown=shown, other=other,
                       typed=typed, number=text)
    return Message("has one digit after the dot, so its minutes are unclear ({shown} or {other}?): "
                   "write the time as HH:MM, e.g. {shown}", shown=shown, other=other)


class NoYear(ValueError):
    """A date cell without its year (5月27日): the sheet's year may be taken for it."""

    def __init__(self, month: int, day: int) -> None:
        super().__init__(Message("has no year ({month}月{day}日): write the date with its year, "
                                 "e.g. 2023-{month:02d}-{day:02d}", month=month, day=day))
        self.month, self.day = month, day


NOT_A_DATE = Message("is not a date (YYYY-MM-DD)")


# Each weekday in English with its Chinese name; the window says it in its own language (周四
# alone in Chinese). Not strftime's %A: that names it in the computer's locale (Donnerstag in
# the English window under a German desktop, 星期四 beside 周四 under a Chinese one).
_DAY_NAMES = (Message("Monday (周一)"), Message("Tuesday (周二)"), Message("Wednesday (周三)"),
              Message("Thursday (周四)"), Message("Friday (周五)"), Message("Saturday (周六)"),
              Message("Sunday (周日)"))


def _named_day(day: int) -> str:
    return _DAY_NAMES[day]


def cell_date(value: Any, *, year: int | None = None) -> dt.date:
    """A date cell (a date, 2023-05-25, 2023/5/25, 2023年5月25日, 5/28/2023 or 28/5/2023 where
    the order is plain, with or without a time after it: 2023-05-25 09:30; a weekday after it,
    2023/5/28 周日, is checked against the date); ValueError, its message saying why, if it is
    none. A date without its year (5月27日) is in ``year``, else :class:`NoYear`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text, weekday = weekday_after(cell_text(value))
    m = _date_match(text)
    if m is None and (hint := excel_date_hint(text)):
        raise ValueError(hint)
    if m:
        if m[4] is not None and (int(m[4]) > 23 or int(m[5]) > 59):
            # A time after the date that is none (24:00, 9:75) would be dropped unsaid.
            raise ValueError(Message("has a time after its date that is not one ({time})",
                                     time=f"{m[4]}:{m[5]}"))
        date = dt.date(int(m[1]), int(m[2]), int(m[3]))
    else:
        date = _other_order(text, year)
    if weekday is not None and date.weekday() != weekday:
        raise ValueError(Message("says {said}, but {date} is a {weekday}; correct the date or the "
                                 "weekday", said=_named_day(weekday), date=date.isoformat(),
                                 weekday=_named_day(date.weekday())))
    return date


def _other_order(text: str, year: int | None) -> dt.date:
    """A date written day or month first (5/28/2023, 28/5/2023) or without its year (5月27日)."""
    if m := _NO_YEAR.fullmatch(text):
        if year is None:
            raise NoYear(int(m[1]), int(m[2]))
        return dt.date(year, int(m[1]), int(m[2]))
    m = _YEAR_LAST.fullmatch(text.replace("/", "-").replace(".", "-"))
    if m is None:
        raise ValueError(NOT_A_DATE)
    first, second, year_given = int(m[1]), int(m[2]), int(m[3])
    if first <= 12 and second <= 12 and first != second:
        # 5/6/2023 is 6 May to some, 5 June to others: not guessed.
        raise ValueError(Message("could be read day first or month first; write it as YYYY-MM-DD"))
    month, day = (first, second) if second > 12 else (second, first)
    return dt.date(year_given, month, day)


def _date_match(value: Any) -> re.Match[str] | None:
    """A date cell's text matched as a date (and time): 2023/5/25 and 2023.5.25 read as
    2023-5-25, in both functions below (the time of 2023.05.25 09:30 was lost, unsaid)."""
    return _DATE.fullmatch(cell_text(value).replace("/", "-").replace(".", "-"))


def date_clock(value: Any) -> dt.time | None:
    """The time of day a date cell holds besides its date (Excel's 2023-05-25 09:30, or that
    text), or None: none, or midnight, which is what a date cell holds when no time was typed."""
    if isinstance(value, dt.datetime):
        clock = value.time().replace(second=0, microsecond=0)
    elif isinstance(value, dt.date):
        return None
    else:
        m = _date_match(value)
        if m is None or m[4] is None or int(m[4]) > 23 or int(m[5]) > 59:
            return None
        clock = dt.time(int(m[4]), int(m[5]))
    return clock if clock != dt.time(0) else None


# The forms of a time :func:`cell_time` reads, as a refusal lists them.
TIME_FORMS = Message("HH:MM or HH:MM:SS, e.g. 14:00; 14.00 or 1400; or with 上午/下午 or AM/PM, "
                     "e.g. 下午2点, 2:00 PM")
# A twelve-hour time as organisers type it: 上午9:00, 下午2点, 下午2点30分, 下午2点半, 晚上8点,
# 中午12点; 2:00 PM, 2pm; and with seconds, as Excel writes a time cell's text (9:00:00 AM),
# which are read and dropped.
_SECONDS = r"(?:[:：](?P<s>[0-5]\d))?"
_CHINESE_HALF_DAY = re.compile(r"(?P<half>上午|早上|下午|中午|晚上|凌晨)\s*(?P<h>\d{1,2})"
                               rf"(?:[:：.](?P<m>\d{{2}}){_SECONDS}|点(?:(?P<m2>\d{{1,2}})分?|(?P<thirty>半))?)")
_COLON_CLOCK = re.compile(rf"(\d{{1,2}})[:：](\d{{2}}){_SECONDS}")  # 9:30, 09：30, 09:30:00
_LATIN_HALF_DAY = re.compile(rf"(?P<h>\d{{1,2}})(?:[:：.](?P<m>\d{{2}}){_SECONDS})?"
                             r"\s*(?P<half>[ap])\.?\s*m\.?", re.IGNORECASE)
# The hours (1-12) each part of the day names, and how many to add for the clock: 晚上12点 and
# 凌晨12点 are not here (midnight to some, noon to others), nor is 上午12点.
_PARTS_OF_DAY = {
    "上午": (range(1, 12), 0), "早上": (range(1, 12), 0), "凌晨": (range(1, 7), 0),
    "中午": (range(11, 12), 0), "下午": (range(1, 12), 12), "晚上": (range(5, 12), 12),
}


def _twelve_hour(text: str) -> dt.time | None:
    """``text`` as a twelve-hour time (上午/下午/晚上/中午/凌晨, AM/PM), or None when it is not
    one: 12:00 AM is midnight, 12:30 PM and 下午12:30 / 中午12点半 half past noon, 中午1点 13:00,
    下午14:00 is 14:00; 上午14:00 is none, and so are 上午12:30 and 晚上12点 (noon to some,
    midnight to others)."""
    m = _CHINESE_HALF_DAY.fullmatch(text) or _LATIN_HALF_DAY.fullmatch(text)
    if m is None:
        return None
    named = m.groupdict()
    hour, half = int(m["h"]), m["half"].lower()
    minute = 30 if named.get("thirty") else int(m["m"] or named.get("m2") or 0)
    if minute > 59:
        return None
    if half in ("a", "p"):
        if not 1 <= hour <= 12:
            return None
        return dt.time(hour % 12 + (12 if half == "p" else 0), minute)
    if 12 < hour <= 23 and half in ("下午", "晚上"):  # 下午14:00: a 24-hour time, said twice
        return dt.time(hour, minute)
    if hour == 12 and half in ("下午", "中午"):
        return dt.time(12, minute)
    if half == "中午" and hour in (1, 2):
        return dt.time(hour + 12, minute)
    hours, add = _PARTS_OF_DAY[half]
    return dt.time(hour + add, minute) if hour in hours else None


# A time typed with a dot (9.30, 09.30, 9.30am) or without a separator (0930, 1700; Excel keeps
# 0930 as the number 930): hours and minutes, the only reading with two digits of minutes. Not
# 0.30, which may be Excel's fraction of a day (see excel_time_hint), nor 9.3, see typed_time_hint.
_DOTTED = re.compile(r"(\d{1,2})\.?(\d{2})")


def cell_time(value: Any) -> dt.time:
    """A clock time cell (a time, 9:30, 09：30, 09:30:00, 9.30, 0930, 1700, 上午9:00, 下午2点,
    2:00 PM, 9.30am, 9:00:00 AM; a workbook's number as its cell shows it, 9.30 for 9.3 formatted
    0.00, but 1700 for 1700.00); ValueError if it is none, or a number cell holding 9.5 (09:50 or
    decimal hours?). Seconds are dropped: a programme is to the minute."""
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    if half := _decimal_half(value):
        raise ValueError(half)
    text = _time_text(value)
    m = _COLON_CLOCK.fullmatch(text)
    if m is None and not _EXCEL_TIME.fullmatch(text):
        m = _DOTTED.fullmatch(text)
    if m and int(m[1]) <= 23 and int(m[2]) <= 59:
        return dt.time(int(m[1]), int(m[2]))
    clock = _twelve_hour(text)
    if clock is None:
        raise ValueError("is not a time")
    return clock


# A range of times in one cell (a 时间 Time column): 09:00-12:00, 9:00–12:00, 9:00~12:00, 9:00至12:00.
_RANGE = re.compile(r"\s*(?:-|–|—|~|～|〜|至|到)\s*")
_HALF_DAY_FIRST = re.compile(r"^(上午|早上|下午|中午|晚上|凌晨)")
_HALF_DAY_LAST = re.compile(r"\s*[ap]\.?\s*m\.?$", re.IGNORECASE)


class NoonOrMidnight(ValueError):
    """An end typed 12:00 AM after a morning start: midnight, but people type it for noon."""


def _midnight_am(text: str) -> bool:
    """Whether ``text`` is 12:00 AM (12 AM, 12:00:00 AM): the midnight an evening ends at."""
    m = _LATIN_HALF_DAY.fullmatch(text)
    return m is not None and int(m["h"]) == 12 and int(m["m"] or 0) == 0 and m["half"].lower() == "a"


def check_end(start: dt.time, end: Any) -> None:
    """Raise :class:`NoonOrMidnight` for an end typed 12:00 AM after a morning start
    (9:00 AM to 12:00 AM): fifteen hours, or the noon it was likely meant for; not guessed."""
    if start.hour < 12 and _midnight_am(cell_text(end)):
        raise NoonOrMidnight(Message("ends at 12:00 AM, after a morning start: that is midnight, "
                                     "but it is often typed for noon; write 12:00 or 12:00 PM for "
                                     "noon, 24:00 for midnight"))


AFTERNOON_MAX_MINUTES = 8 * 60  # the longest session an end read in the afternoon may make
_PLAIN_CLOCK = re.compile(r"(\d{1,2})[:：.](\d{2})(?:[:：]\d{2})?")  # 1:00, with no half of the day


def _afternoon_end(value: Any, last: str, start: dt.time, end: int) -> tuple[int, str | None]:
    """(end, a note) for a range whose end, typed with no half of the day, is before its start
    on the 24-hour clock and after it on the twelve-hour one (12:00-1:00, 上午11:00-1:00): the
    end in the afternoon, said in the note; else ``end`` as it was."""
    since = start.hour * 60 + start.minute
    m = _PLAIN_CLOCK.fullmatch(last)
    if end > since or m is None or not 1 <= int(m[1]) <= 11 or int(m[2]) > 59:
        return end, None
    typed = int(m[1]) * 60 + int(m[2])
    later = typed + 12 * 60
    # Within a working afternoon of the start (11:00-1:00, 10:00-5:00): 9:00-8:00 would be
    # eleven hours, more likely a typo than a session, and stays refused.
    if not typed < since < later or later - since > AFTERNOON_MAX_MINUTES:
        return end, None
    return later, Message("{column} {value!r} ends at {end}, before its start {start}: read as "
                          "{read}, on a twelve-hour clock; if that is wrong, type the end on the "
                          "24-hour clock", column="时间 Time", value=cell_text(value),
                          end=f"{m[1]}:{m[2]}", start=f"{start:%H:%M}",
                          read=f"{later // 60}:{later % 60:02d}")


def time_range(value: Any) -> tuple[dt.time, int | None, str | None]:
    """A 时间 Time cell: (start, end as :func:`end_minutes` gives it, None when the cell gives only
    the start, a note for the report when the end was read on a twelve-hour clock); ValueError if
    it is neither one time nor a range of two, :class:`NoonOrMidnight` for an end at 12:00 AM after
    a morning start. A half of the day written once is the whole range's: 下午2:00-5:00 is 14:00
    to 17:00, 2:00-5:00 PM too; an end with none before its start is in the afternoon when that
    puts it at most 8 hours after the start: 12:00-1:00 is 12:00 to 13:00, and said so."""
    if isinstance(value, dt.time | dt.datetime):
        return cell_time(value), None, None
    parts = _RANGE.split(cell_text(value))
    if len(parts) == 1:
        return cell_time(value), None, None  # a number cell as such: 9.5 is not the text 9.50
    if len(parts) != 2 or not all(parts):
        raise ValueError("is not a time or a range of times")
    first, last = parts
    start, end = cell_time(first), end_minutes(last)
    if end <= start.hour * 60 + start.minute and (half := _HALF_DAY_FIRST.match(first)):
        with contextlib.suppress(ValueError):
            end = end_minutes(half[1] + last)
    if (suffix := _HALF_DAY_LAST.search(last)) and not _HALF_DAY_LAST.search(first):
        with contextlib.suppress(ValueError):
            shifted = cell_time(first + suffix[0])
            if shifted.hour * 60 + shifted.minute < end:
                start = shifted
    check_end(start, last)
    end, note = _afternoon_end(value, last, start, end)
    return start, end, note


_EXCEL_DAY0 = dt.datetime(1899, 12, 31)  # serial 1.0 is 1900-01-01 00:00: "24:00" in a time cell
_MIDNIGHT_24 = re.compile(r"24(?:[:：.]?00)(?::00)?")  # 24:00, the end of the day
_NEXT_DAY = re.compile(r"(?:次日|\+1\s*)?\s*(\d{1,2}[:：]\d{2}(?::\d{2})?)\s*(?:\+1|次日)?")


def end_minutes(value: Any) -> int:
    """An end time as minutes after the session day's midnight: 24:00, an Excel duration of
    24 hours or more, and a time marked as the next day (00:30+1, 次日00:30) are 1440 or more."""
    if isinstance(value, dt.timedelta):
        return int(value.total_seconds() // 60)
    if isinstance(value, dt.datetime) and value < _EXCEL_DAY0 + dt.timedelta(days=2):
        return int((value - _EXCEL_DAY0).total_seconds() // 60)
    text = _time_text(value)
    if _MIDNIGHT_24.fullmatch(text):
        return 24 * 60
    if _midnight_am(text):
        return 24 * 60  # an end at 12:00 AM is the midnight the day ends at
    m = _NEXT_DAY.fullmatch(text)
    if m and m[0] != m[1]:  # a time with a next-day mark
        clock = cell_time(m[1])
        return 24 * 60 + clock.hour * 60 + clock.minute
    clock = cell_time(value)
    return clock.hour * 60 + clock.minute


def cell_shown(value: Any) -> str:
    """A cell as a message quotes it (dates and times in ISO form)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return cell_text(value)


def is_date(value: str) -> bool:
    """Whether ``value`` reads as a date."""
    try:
        cell_date(value)
    except ValueError:
        return False
    return True
