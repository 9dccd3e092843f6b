"""How content reads in each language: titles, dates, figures, forum kinds, roles."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from guide.content.models import FORUM_KIND_EN, FORUM_KIND_ZH, QUALIFIER_EN, ROLE_EN, Figure
from guide.ui.session_types import session_type as session_type  # re-exported for the views
from guide.ui.session_types import session_type_full as session_type_full

if TYPE_CHECKING:  # records are loaded with the first detail page, not at start
    from guide.content.records import Person, Statement

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


# Modules import this one as ``tx`` and call ``tx.tr("…")``: pyside6-lupdate files such
# calls under the context "tx", so that is the context they are looked up in.
CONTEXT = "tx"


def tr(text: str) -> str:
    """Translate a UI string outside a QObject (delegates, helpers)."""
    return QCoreApplication.translate(CONTEXT, text)


def pick(zh: str | None, en: str | None, lang: str) -> str:
    """The text for ``lang``, falling back to the other language when one is missing."""
    if lang == "en":
        return en or zh or ""
    return zh or en or ""


def other(zh: str | None, en: str | None, lang: str) -> str:
    """The text in the language that is *not* ``lang`` (for the line below), or "" if the same."""
    first, second = pick(zh, en, lang), (zh if lang == "en" else en) or ""
    return "" if second == first else second


@lru_cache(maxsize=1)
def _han() -> re.Pattern[str]:
    # Compiled on first use: a class this wide costs re a 64k-entry map, 5 ms of the start.
    return re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def script(text: str, lang: str) -> str:
    """The language whose faces suit ``text``: "zh" when it holds Chinese, "en" when it
    is Latin only (a German session's description in the Chinese UI, set in the CJK face,
    had full-width „ “ ’ gaps), else ``lang``."""
    if _han().search(text):
        return "zh"
    return "en" if any(c.isalpha() for c in text) else lang


def labelled(label: str, value: str, lang: str) -> str:
    """"Part of: X" in English, "属于：X" in Chinese (full-width colon, no space)."""
    return f"{label}: {value}" if lang == "en" else f"{label}：{value}"


def join_list(items: Iterable[str], lang: str) -> str:
    """A、B、C in Chinese; "A, B and C" in English, or "A; B; and C" when a name has commas of
    its own ("Department of X, Ministry of Y"), so each name reads as one."""
    items = [i for i in items if i]
    if lang != "en":
        return "、".join(items)
    if len(items) <= 2:
        return " and ".join(items)
    if any("," in i for i in items):
        return "; ".join(items[:-1]) + "; and " + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


def person_name(person: Person, lang: str) -> str:
    """周云帆 in Chinese; "Zhou Yunfan 周云帆" in English (pinyin, the Chinese beside it)."""
    if lang == "en" and person.name_en and person.name_en != person.name:
        return f"{person.name_en} {person.name}"
    return person.name


def _ended(text: str, stop: str) -> str:
    return text if text[-1:] in "。！？.!?”\"" else text + stop


def statement(said: Statement, person: Person, lang: str) -> str:
    """What a speaker said, faithfully: direct quotes inside quotation marks, reported speech
    attributed and without them ("According to Zhou Yunfan, …" / "据周云帆介绍，…")."""
    if lang == "en" and said.text_en:
        if said.direct:
            return f"“{said.text_en}”"
        return _ended(f"According to {person.name_en}, {said.text_en}", ".")
    if said.direct:
        return f"“{said.text}”"
    return _ended(f"据{person.name}介绍，{said.text}", "。")


def format_date(day: dt.date | str | None, lang: str, *, weekday: bool = False) -> str:
    """2023年5月27日 / 27 May 2023 (optionally with the weekday)."""
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    if lang == "en":
        text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        return f"{WEEKDAYS_EN[day.weekday()]} {text}" if weekday else text
    text = f"{day.year}年{day.month}月{day.day}日"
    return f"{text} {WEEKDAYS_ZH[day.weekday()]}" if weekday else text


def format_short_date(day: dt.date, lang: str) -> str:
    """5月27日 周六 / Sat 27 May: for day tabs."""
    if lang == "en":
        return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS[day.month - 1][:3]}"
    return f"{day.month}月{day.day}日 {WEEKDAYS_ZH[day.weekday()]}"


def clock(start_time: dt.time | None, end_time: dt.time | None, lang: str, *,
          day: dt.date | None = None, start: dt.datetime | None = None,
          end: dt.datetime | None = None) -> str:
    """"09:00–12:00" ("" with no start time). A session of the programme day ``day``
    that starts after that day's midnight (``start``, on the venue's clock, falls on a
    later date) says which calendar day: "00:20–01:20 (Sun 28 Dec)"; under the 27th
    alone, 00:20 had read as the night before. One whose ``end`` falls on a later calendar
    day than its start says so: "23:00–01:00 (ends Sun 28 Dec)" / "（12月28日 周日结束）"."""
    text, note = clock_parts(start_time, end_time, lang, day=day, start=start, end=end)
    return f"{text} {note}" if note and lang == "en" else text + note


def clock_parts(start_time: dt.time | None, end_time: dt.time | None, lang: str, *,
                day: dt.date | None = None, start: dt.datetime | None = None,
                end: dt.datetime | None = None) -> tuple[str, str]:
    """:func:`clock` in two: the times and the note of their calendar days ("" if none), for
    a narrow column that sets the note on a line of its own."""
    if start_time is None:
        return "", ""
    text = f"{start_time:%H:%M}" + (f"–{end_time:%H:%M}" if end_time else "")
    days = []
    if day is not None and start is not None and start.date() != day:
        days.append(format_short_date(start.date(), lang))
    if end_time is not None and end is not None and start is not None and _ends_later(start, end):
        ends = format_short_date(end.date(), lang)
        days.append(f"ends {ends}" if lang == "en" else f"{ends}结束")
    if not days:
        return text, ""
    return text, f"({', '.join(days)})" if lang == "en" else f"（{'，'.join(days)}）"


def _ends_later(start: dt.datetime, end: dt.datetime) -> bool:
    """Whether ``end`` is on a later calendar day than ``start``; an end at the midnight that
    closes the start's day is not ("23:00–00:00" reads plainly)."""
    last = end - dt.timedelta(microseconds=1) if end.time() == dt.time(0) else end
    return last.date() > start.date()


def format_period(start: dt.date, end: dt.date, lang: str) -> str:
    """2023年5月26日—30日 / 26–30 May 2023."""
    if lang == "en":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
        return f"{format_date(start, lang)} – {format_date(end, lang)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year}年{start.month}月{start.day}日—{end.day}日"
    return f"{format_date(start, lang)}—{format_date(end, lang)}"


WORD_JOINER = "\u2060"  # no line break on either side; drawn as nothing


def unbroken(text: str) -> str:
    """``text`` that wrapping never splits: a date range ("2023年5月26日—30日", "26–30 May
    2023") broke after its dash, leaving "30日" alone on the next line."""
    if any("\u3000" <= c <= "\u9fff" for c in text):  # Chinese breaks between any two characters
        return WORD_JOINER.join(text)
    return text.replace(" ", "\u00a0").replace("–", f"{WORD_JOINER}–{WORD_JOINER}")


# A number's Chinese units: 4.78万亿元, 3.8万余项, 220多位, 9部委, 2018年. Scanned by hand, not
# by a regular expression: Home's first frame draws the quotes, and compiling one cost the
# start 3 million instructions more than this scan (1.3 million in all).
_DIGITS = frozenset("0123456789")
_MULTIPLIERS = frozenset("万亿千百")
_UNITS = frozenset("个项元家种名位所倍年月日号届次台件条")
_UNITS_OF_TWO = ("部门", "部委", "方面")


def _quantity_end(text: str, start: int) -> int:
    """The end of the number starting at ``start`` (a digit) with the units after it."""
    end, n = start + 1, len(text)
    while end < n and (text[end] in _DIGITS or text[end] in ".,"):
        end += 1
    if text.startswith("万亿", end):
        end += 2
    elif end < n and text[end] in _MULTIPLIERS:
        end += 1
    if end < n and text[end] in "余多":
        end += 1
    if text.startswith(_UNITS_OF_TWO, end):
        end += 2
    elif end < n and text[end] in _UNITS:
        end += 1
    return end


@lru_cache(maxsize=256)
def figure_quote(text: str) -> str:
    """A figure's source sentence as shown under it: in quotation marks, each number on one
    line with its unit (Chinese breaks between any two characters: "提高到4.78万亿" then
    "元" alone at 200%). The joiners are for drawing only: :func:`spoken` takes them out."""
    text = text.strip("“”")
    parts, at = [], 0
    while at < len(text):
        end = _quantity_end(text, at) if text[at] in _DIGITS else at + 1
        parts.append(WORD_JOINER.join(text[at:end]))
        at = end
    return f"“{''.join(parts)}”"


def spoken(text: str) -> str:
    """``text`` without the joiners that only steer line breaks (for names and descriptions)."""
    return text.replace(WORD_JOINER, "")


@lru_cache(maxsize=1)
def _sentence_end() -> re.Pattern[str]:
    # Compiled on first use (search results), not at import: this module is on the start path.
    return re.compile(r"[。！？!?]|\.(?=\s|$)")


_CLAUSE_ENDS = "，、；：,;:"


def lead(text: str, lang: str) -> str:
    """The start of ``text`` for a screen reader to say after a title: its first sentence when
    that is short, or else as much as ends at a clause (or an English word) within about 80
    English or 40 Chinese characters. A search snippet taken from the middle of an article
    loses its opening "…"."""
    text = text.strip().lstrip("…").lstrip()
    limit = 80 if lang == "en" else 40
    end = _sentence_end().search(text)
    if end is not None and end.end() <= limit:
        return text[:end.end()]
    if len(text) <= limit:
        return text.rstrip("…").rstrip()
    cut = text[:limit + 1]  # a break right after the limit ends a clause or word within it
    for breaks in (_CLAUSE_ENDS, " "):
        at = max(cut.rfind(c) for c in breaks)
        if at > limit // 3:
            return cut[:at]
    return text[:limit]


def forum_kind(kind: str, lang: str) -> str:
    """平行论坛 / Parallel forum."""
    return FORUM_KIND_EN.get(kind, kind) if lang == "en" else FORUM_KIND_ZH.get(kind, kind)


# A session's spoken language, as schedules give it (ISO 639-1 codes).
LANGUAGES = {
    "en": ("English", "英语"), "de": ("German", "德语"), "zh": ("Chinese", "中文"),
    "fr": ("French", "法语"), "es": ("Spanish", "西班牙语"), "it": ("Italian", "意大利语"),
    "pt": ("Portuguese", "葡萄牙语"), "nl": ("Dutch", "荷兰语"), "ru": ("Russian", "俄语"),
    "ja": ("Japanese", "日语"), "ko": ("Korean", "韩语"), "ar": ("Arabic", "阿拉伯语"),
}


def languages(codes: str, lang: str) -> str:
    """A session's languages named in ``lang``: "de, en" -> "German, English" / "德语、英语";
    a code the guide does not know stays as given."""
    named = []
    for code in filter(None, re.split(r"[\s,;/]+", codes)):
        names = LANGUAGES.get(re.split(r"[-_]", code.casefold())[0])
        named.append(names[lang != "en"] if names else code)
    return ("、" if lang != "en" else ", ").join(named)


def role(role_zh: str, lang: str) -> str:
    """主办 / Host."""
    return ROLE_EN.get(role_zh, role_zh) if lang == "en" else role_zh


def roles(roles_zh: Iterable[str], lang: str) -> str:
    """协办、发布 / "Co-organiser and launcher" (one organisation's roles at a forum)."""
    names = [role(r, lang) for r in roles_zh if r]
    if lang == "en":
        names[1:] = [n[:1].lower() + n[1:] for n in names[1:]]
    return join_list(names, lang)


_SCALE = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure_value(figure: Figure, lang: str) -> str:
    """The number as the page prints it (超过1600项) and its English rendering (more than 1,600).

    Packs give both as ``display``/``display_en``; for packs without them the text is
    composed from value, qualifier and unit.

    In English, 万/亿 are multiplied out: 41.2万项 becomes 412,000 and 4.78万亿元
    becomes 4.78 trillion yuan, since "10k" units mean nothing to most readers.
    """
    if lang == "en" and figure.display_en:
        return figure.display_en
    if lang != "en" and figure.display:
        return figure.display
    q = figure.qualifier or ""
    if lang != "en":
        if q in ("余", "多"):  # 3.8万余项
            return f"{_number(figure.value)}{q}{figure.unit}"
        if q == "以上":  # 1000所以上
            return f"{_number(figure.value)}{figure.unit}{q}"
        return f"{q}{_number(figure.value)}{figure.unit}"
    words = QUALIFIER_EN.get(q, "")
    prefix, suffix = ("", f" {words}") if q == "以上" else (f"{words} " if words else "", "")
    value, unit = figure.value, figure.unit
    for zh, factor in _SCALE:
        if unit.startswith(zh):
            value *= factor
            unit = unit[len(zh):]
            break
    if unit == "元":
        for word, factor in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
            if value >= factor:
                return f"{prefix}{_number(value / factor)} {word} yuan{suffix}"
        return f"{prefix}{_number(value)} yuan{suffix}"
    if unit == "%":
        return f"{prefix}{_number(value)}%{suffix}"
    english_unit = figure.unit_en
    for marker in ("×10,000 ", "×100 million ", "×10k "):
        english_unit = english_unit.replace(marker, "")
    return f"{prefix}{_number(value)} {english_unit}".rstrip() + suffix


def figure_magnitude(figure: Figure) -> float:
    """The figure's value in base units (for drawing charts to scale)."""
    for zh, factor in _SCALE:
        if figure.unit.startswith(zh):
            return figure.value * factor
    return figure.value


def figure_label(figure: Figure, lang: str) -> str:
    """What a figure measures, with its year unless the label already names it:
    ``Technology contracts nationwide (2018)``, ``全国技术合同数量（2018年）``."""
    label = pick(figure.label, figure.label_en, lang)
    if not figure.year or str(figure.year) in label:  # "Growth 2018–2022": not "(2022)" again
        return label
    return f"{label}（{figure.year}年）" if lang == "zh" else f"{label} ({figure.year})"


def figure_heading(figure: Figure, lang: str) -> str:
    """A key figure on one line, as a list row names it: its number, then what it measures
    and its year (``773,000 contracts · Technology contracts nationwide (2022)``); the
    label alone had made the 2018 and 2022 rows of one measure look the same."""
    return f"{figure_value(figure, lang)} · {figure_label(figure, lang)}"
