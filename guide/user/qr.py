"""QR codes of a visitor's bookmarks, for kiosks: scan and the phone shows the list as text.

The payload is plain text (titles, dates, times, places), one bookmark per line, so a
phone camera shows it as it is, with no app and no network. It is encoded in byte mode
as UTF-8, which phone readers detect for Chinese.

Readability cap: a code is at most version :data:`MAX_VERSION` (20: 97 x 97 modules)
at error correction level M, i.e. at most :data:`CAPACITY` (666) bytes. Larger codes
need a large, sharp screen and a steady hand. A list that does not fit one code is
split into several, each headed "(i/n)"; a single line that does not fit even alone
is shortened with "…". :class:`QrSet` says when either happened.

The words a code carries beside the bookmarks (its heading, "time TBA", "no longer in
the guide") come from the caller in :class:`QrWords`: the UI translates them with the
rest of the interface.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from guide.user.bookmarks import BookmarkView, timeline_key

MAX_VERSION = 20
ERROR_LEVEL = "M"
# Byte-mode capacity of a version-20, level-M symbol (ISO/IEC 18004 table 7); a test
# checks segno agrees.
CAPACITY = 666
ELLIPSIS = "…"
_PART_SUFFIX_RESERVE = len(" (999/999)")  # room kept in each header for the part number



@dataclass(frozen=True)
class QrWords:
    """The words of a code's text in the visitor's language (the UI passes them translated)."""

    heading: str  # the first line of every code
    time_tba: str  # after the date of a forum whose time is not announced yet
    gone: str  # appended to a bookmark that is no longer in the guide


@dataclass(frozen=True)
class QrPart:
    """One code: its text and the segno symbol (``qr.version`` is at most :data:`MAX_VERSION`)."""

    text: str
    qr: Any  # segno.QRCode; typed loosely so importing this module does not import segno
    index: int  # 1-based
    total: int


class QrNotice(StrEnum):
    """Why a list's codes need a word of explanation (the UI says it in the visitor's language)."""

    EMPTY = "empty"  # nothing bookmarked
    SPLIT = "split"  # several codes, to be scanned in turn
    SHORTENED = "shortened"  # one code, some titles shortened to fit
    SPLIT_SHORTENED = "split-shortened"


@dataclass(frozen=True)
class QrSet:
    """The codes for a list, and whether it had to be split or shortened to stay readable."""

    parts: tuple[QrPart, ...]
    shortened: bool

    @property
    def split(self) -> bool:
        return len(self.parts) > 1

    @property
    def notice(self) -> QrNotice | None:
        """What the visitor must be told when one code could not hold the whole list as it is."""
        if not self.parts:
            return QrNotice.EMPTY
        if self.split:
            return QrNotice.SPLIT_SHORTENED if self.shortened else QrNotice.SPLIT
        return QrNotice.SHORTENED if self.shortened else None


def _nbytes(text: str) -> int:
    return len(text.encode("utf-8"))


def _when(v: BookmarkView, lang: str, words: QrWords) -> str:
    if v.date is None:
        return ""
    day = f"{v.date.month}月{v.date.day}日" if lang == "zh" else v.date.strftime("%d %b").lstrip("0")
    if v.kind != "forum":
        return day
    if v.start_time is None:
        return f"{day} {words.time_tba}"
    span = v.start_time.strftime("%H:%M")
    if v.end_time is not None:
        span += "-" + v.end_time.strftime("%H:%M")
    return f"{day} {span}"


def payload_lines(views: Sequence[BookmarkView], lang: str, words: QrWords) -> list[str]:
    """One line per bookmark: forums first in timeline order, then the rest as listed.

    ``lang`` picks the titles and the date format; ``words`` are the few words around them.
    """
    lang = "en" if lang == "en" else "zh"
    forums = sorted((v for v in views if v.kind == "forum"), key=timeline_key)
    others = [v for v in views if v.kind != "forum"]
    lines = []
    for v in forums + others:
        title = v.title_en if lang == "en" else v.title
        parts = [p for p in (_when(v, lang, words), title) if p]
        line = " ".join(parts)
        if v.venue:
            line += f" @ {v.venue}"
        if not v.in_guide:
            line += words.gone
        lines.append(line)
    return lines


def _shorten(line: str, limit: int) -> str:
    while _nbytes(line) > limit:
        line = line[:-2] + ELLIPSIS if line.endswith(ELLIPSIS) else line[:-1] + ELLIPSIS
    return line


def payload_texts(lines: Sequence[str], heading: str,
                  capacity: int = CAPACITY) -> tuple[list[str], bool]:
    """The text of each code, and whether any line had to be shortened.

    One code when everything fits; otherwise lines are packed in order into as few
    codes as fit, each headed with "(i/n)". A line is never split across codes.
    """
    whole = "\n".join([heading, *lines])
    if _nbytes(whole) <= capacity:
        return [whole], False
    room = capacity - _nbytes(heading) - _PART_SUFFIX_RESERVE - 1  # 1: newline after heading
    shortened = False
    chunks: list[list[str]] = [[]]
    used = 0
    for line in lines:
        if _nbytes(line) > room:
            line, shortened = _shorten(line, room), True
        need = _nbytes(line) + 1
        if chunks[-1] and used + need > room:
            chunks.append([])
            used = 0
        chunks[-1].append(line)
        used += need
    n = len(chunks)
    return ["\n".join([f"{heading} ({i}/{n})", *chunk]) for i, chunk in enumerate(chunks, 1)], shortened


def make_qr(text: str) -> Any:
    """A segno QR code of ``text`` (UTF-8 byte mode, level M), at most version :data:`MAX_VERSION`.

    Raises ``ValueError`` for text over :data:`CAPACITY` bytes rather than making a
    code too dense to scan.
    """
    import segno

    if _nbytes(text) > CAPACITY:
        raise ValueError(f"{_nbytes(text)} bytes is more than one readable code holds ({CAPACITY})")
    # boost_error=False: keep level M as documented instead of a denser, higher level.
    return segno.make(text, error=ERROR_LEVEL.lower(), mode="byte", encoding="utf-8",
                      micro=False, boost_error=False)


def bookmark_codes(views: Sequence[BookmarkView], lang: str, words: QrWords) -> QrSet:
    """QR codes for ``views`` (e.g. :func:`~guide.user.bookmarks.list_bookmarks`): one if it fits."""
    if not views:
        return QrSet((), False)
    texts, shortened = payload_texts(payload_lines(views, lang, words), words.heading)
    n = len(texts)
    return QrSet(tuple(QrPart(t, make_qr(t), i, n) for i, t in enumerate(texts, 1)), shortened)


def png_bytes(part: QrPart, scale: int = 6, border: int = 4) -> bytes:
    """The code as a PNG (``scale`` pixels per module; a 4-module quiet zone by default)."""
    out = io.BytesIO()
    part.qr.save(out, kind="png", scale=scale, border=border)
    return out.getvalue()
