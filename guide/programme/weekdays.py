"""Weekdays as organisers type them beside a date: 周五, 星期五, 礼拜天, Fri, Fri., Friday, Thur.

One reading for a 日期 Date cell (2023/5/28 周日) and a day's banner row (第二天 5月26日（周五）),
so a form read in one is read in the other.
"""

from __future__ import annotations

import re

# A whole weekday word: "2023-05-28 monument" and "5月26日 sunny" name no day.
WEEKDAY_WORD = (r"(?:(?:周|星期|礼拜)(?P<zh>[一二三四五六日天])|(?<![a-z])(?P<en>mon(?:day)?"
                r"|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?"
                r"|sun(?:day)?)\.?(?![a-z]))")
_ANYWHERE = re.compile(WEEKDAY_WORD, re.IGNORECASE)
# A weekday ending a text, in brackets or not: "2023/5/28 周日", "2023年5月28日（星期日）", "… Sun."
_AT_END = re.compile(rf"\s*(?P<open>[（(])?\s*{WEEKDAY_WORD}\s*(?P<close>[）)])?\s*$", re.IGNORECASE)
_CHINESE_DAYS = "一二三四五六日"
_ENGLISH_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _day(m: re.Match[str]) -> int:
    if m["zh"]:
        return _CHINESE_DAYS.index(m["zh"].replace("天", "日"))
    return _ENGLISH_DAYS.index(m["en"][:3].lower())


def weekday_after(text: str) -> tuple[str, int | None]:
    """(``text`` without the weekday that ends it, that weekday 0-6 for Monday-Sunday), or
    (``text``, None) when no weekday ends it after some other text, or its brackets do not pair."""
    if text.rstrip()[-1:] in "0123456789":  # most date cells: no weekday word ends in a digit
        return text, None
    m = _AT_END.search(text)
    if m is None or not text[:m.start()].strip() or bool(m["open"]) != bool(m["close"]):
        return text, None
    return text[:m.start()].strip(), _day(m)


def weekday_in(text: str) -> int | None:
    """The first weekday ``text`` names anywhere, 0-6 for Monday-Sunday, or None."""
    m = _ANYWHERE.search(text)
    return None if m is None else _day(m)
