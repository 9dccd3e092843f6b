"""Durations, clock times and time zones as schedule files write them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from guide.programme.message import THE_FILE, Message
from guide.programme.model import ProgrammeError

_HM = re.compile(r"^(\d{1,3}):([0-5]\d)$")  # H:MM, HH:MM (and 0:00)
_HMS = re.compile(r"^(\d{1,2}):([0-5]\d):([0-5]\d)$")  # HH:MM:SS (Pentabarf day_change)
# A duration's three parts are hours, minutes and seconds, as the frab schema has it
# (shared/schedules/frab-schedule.xml.xsd: ``[0-9]{1,2}:[0-9]{2}:[0-9]{1,2}``). They were read
# as D:HH:MM, which made every ``00:40:00`` of an exporter that writes seconds unreadable and
# ``01:00:00`` a day long.
_HMS_DURATION = re.compile(r"^(\d{1,2}):([0-5]\d):([0-5]?\d)$")
# A session longer than this is named in the import's notices: "99:00" typed for "1:39"
# would otherwise be "on now" for four days without a word.
LONGEST_LIKELY = dt.timedelta(hours=24)


def parse_duration(text: str) -> dt.timedelta:
    """``H:MM``, ``HH:MM`` or ``HH:MM:SS`` as a timedelta; ValueError for anything else."""
    text = text.strip()
    if m := _HM.match(text):
        return dt.timedelta(hours=int(m[1]), minutes=int(m[2]))
    if m := _HMS_DURATION.match(text):
        return dt.timedelta(hours=int(m[1]), minutes=int(m[2]), seconds=int(m[3]))
    raise ValueError(Message("duration {text!r} is not H:MM, HH:MM or HH:MM:SS", text=text))


def parse_clock(text: str) -> dt.time:
    """``H:MM``, ``HH:MM`` or ``HH:MM:SS`` as a time of day; ValueError otherwise."""
    text = text.strip()
    if (m := _HM.match(text)) and int(m[1]) < 24:
        return dt.time(int(m[1]), int(m[2]))
    if (m := _HMS.match(text)) and int(m[1]) < 24:
        return dt.time(int(m[1]), int(m[2]), int(m[3]))
    raise ValueError(Message("{text!r} is not a time of day (HH:MM)", text=text))


# Names files give the zone that are not IANA's, and the zone they mean ('Asia/Beijing').
_MEANT = {"beijing": "Asia/Shanghai", "peking": "Asia/Shanghai", "china": "Asia/Shanghai",
          "prc": "Asia/Shanghai", "北京": "Asia/Shanghai", "hongkong": "Asia/Hong_Kong",
          "taipei": "Asia/Taipei"}


# The source of a zone taken from the content in use, for a file that names none.
FALLBACK_SOURCE = "the content in use"
CHINA_ZONE = "Asia/Shanghai"
# Zones of the places a programme written in Chinese is at home (China, Hong Kong, Macau, Taiwan).
_CHINESE_ZONES = frozenset({
    "Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "Asia/Urumqi", "Asia/Kashgar",
    "PRC", "Asia/Hong_Kong", "Hongkong", "Asia/Macau", "Asia/Macao", "Asia/Taipei", "ROC",
})
_CJK = re.compile(r"[\u3400-\u9fff]")


def fallback_zone(titles: Iterable[str], fallback: str | None) -> str | None:
    """The zone to read a file that names none in: ``fallback`` (the content in use's), but
    China's for a file whose titles are mostly Chinese when ``fallback`` is no Chinese-speaking
    place's (a Chinese sheet opened over the 39C3 congress had been read as Europe/Berlin)."""
    if fallback is None or fallback in _CHINESE_ZONES:
        return fallback
    titles = [t for t in titles if t.strip()]
    chinese = sum(1 for t in titles if _CJK.search(t))
    return CHINA_ZONE if titles and 2 * chinese >= len(titles) else fallback


def zone(name: str, *, flag: bool, source: str = THE_FILE) -> ZoneInfo:
    """The IANA time zone ``name``; the error names ``--timezone`` when the user gave it, and
    offers it in place of the zone ``source`` names when that is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        if flag:
            raise ProgrammeError(Message("--timezone {zone!r} is not a known time zone (IANA names "
                                         "such as Europe/Brussels or Asia/Shanghai)",
                                         zone=name)) from exc
        word = re.sub(r"[\s_-]", "", name.rsplit("/", 1)[-1].casefold())
        meant = _MEANT.get(word)
        example = (f"--timezone {meant}" if meant else Message(
            "{first} or {second}", first="--timezone Asia/Shanghai",
            second="--timezone Europe/Brussels"))
        if source == FALLBACK_SOURCE:  # nothing in the file to correct: it names no zone
            raise ProgrammeError(Message(
                "the file names no time zone and the content in use names {zone!r}, which is not "
                "a known time zone; give the zone the file's times are in with --timezone, e.g. "
                "{example} (IANA names)", zone=name, example=example)) from exc
        raise ProgrammeError(Message(
            "{source}: its time zone {zone!r} is not a known time zone; give the zone its times "
            "are in with --timezone, e.g. {example} (IANA names), or correct it in the file",
            source=source, zone=name, example=example)) from exc


def parse_instant(text: str) -> dt.datetime:
    """An ISO 8601 date-time, naive or with an offset; ValueError otherwise."""
    try:
        return dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:  # Python's words ("hour must be in 0..23") are not the reader's
        raise ValueError(Message("{text!r} is not a date and time (YYYY-MM-DDTHH:MM, with or "
                                 "without an offset such as +08:00)", text=text.strip())) from None
