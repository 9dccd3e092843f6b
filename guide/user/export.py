"""Take-aways: bookmarks as a calendar (.ics), JSON or CSV (the JSON is read back by
:mod:`guide.user.bookmark_import`).

Calendar (RFC 5545, via icalendar): one event per bookmarked forum still in the guide,
in the content's time zone (Asia/Shanghai) with a VTIMEZONE. A forum with no known
time becomes an all-day event; one with a start but no end lasts
:data:`~guide.user.bookmarks.DEFAULT_DURATION` (2 hours). Event UIDs are stable
(``forum-<id>@zgc-guide``), so importing a newer export updates events instead of
duplicating them. Forums no longer in the guide are left out and counted.

JSON (and CSV, UTF-8 with a BOM so spreadsheet programs read Chinese) carry every
bookmark, those no longer in the guide included.

icalendar is imported inside the functions that need it, so this
module costs nothing until a take-away is actually made.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.content.database import content_info
from guide.user import EXPORT_FORMATS, ExportFormat
from guide.user.bookmarks import (
    DEFAULT_DURATION,
    BookmarkView,
    list_bookmarks,
    timeline_key,
)
from guide.user.db import Db
from guide.user.saving import write_whole

FORMAT_ID = "zgc-guide-bookmarks"
FORMAT_VERSION = 1
Format = ExportFormat
FORMATS = EXPORT_FORMATS
CSV_COLUMNS = ("kind", "id", "title", "title_en", "date", "start_time", "end_time", "venue",
               "in_guide", "added_at")

# OWASP CSV injection: a cell starting with one of these is a formula to a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote."""

    path: Path | None  # None when the text went to stdout
    format: Format
    written: int
    left_out: tuple[BookmarkView, ...]  # calendar only: forums no longer in the guide, and non-forums


# --- calendar --------------------------------------------------------------------------------

def calendar_ics(views: Sequence[BookmarkView], tz_name: str = "Asia/Shanghai", *,
                 lang: str = "zh", stamp: dt.datetime | None = None, event: str = "") -> bytes:
    """An iCalendar file of the bookmarked forums in ``views`` that are still in the guide.

    ``event`` is the event's name as the content gives it; the calendar is named after it.
    """
    import zoneinfo

    import icalendar

    tz = zoneinfo.ZoneInfo(tz_name)
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    forums = sorted((v for v in views if v.kind == "forum" and v.in_guide and v.date),
                    key=timeline_key)
    mine = "My bookmarks" if lang == "en" else "我的收藏"
    name = f"{event} · {mine}" if event else mine
    cal = icalendar.Calendar.new(prodid="-//zgc-guide//bookmarks//EN", name=name)
    for v in forums:
        if v.date is None:
            continue
        start: dt.date | dt.datetime
        end: dt.date | dt.datetime
        if v.start is not None:  # an imported session: its absolute times, on the venue's clock
            start = v.start.astimezone(tz)
            end = v.end.astimezone(tz) if v.end is not None else start + DEFAULT_DURATION
        elif v.start_time is None:
            start, end = v.date, v.date + dt.timedelta(days=1)  # all-day: DTEND is exclusive
        else:
            start = dt.datetime.combine(v.date, v.start_time, tzinfo=tz)
            end = (dt.datetime.combine(v.date, v.end_time, tzinfo=tz) if v.end_time
                   else start + DEFAULT_DURATION)
        summary, other = (v.title_en, v.title) if lang == "en" else (v.title, v.title_en)
        notes = [other]
        if v.start_time is None:
            notes.append("时间待定 / Time to be announced")
        elif v.end_time is None and v.end is None:
            notes.append("结束时间未公布，按两小时计 / End time not announced; two hours assumed")
        cal.add_component(icalendar.Event.new(
            uid=f"forum-{v.id}@zgc-guide", summary=summary, start=start, end=end,
            location=v.venue or None, description="\n".join(notes), stamp=stamp))
    if forums:
        first = min(v.date for v in forums if v.date)
        last = max(v.date for v in forums if v.date)
        # Only the rules around the event dates: a VTIMEZONE of every change since 1970
        # is valid but bloats the file with history no calendar needs here.
        cal.add_component(icalendar.Timezone.from_tzinfo(
            tz, tzid=tz_name, first_date=first - dt.timedelta(days=366),
            last_date=last + dt.timedelta(days=366)))
        cal.subcomponents.sort(key=lambda c: c.name != "VTIMEZONE")  # VTIMEZONE first, by habit
    return bytes(cal.to_ical())


# --- JSON and CSV ----------------------------------------------------------------------------

def _iso(value: dt.date | dt.time | None) -> str | None:
    return None if value is None else value.isoformat()


def bookmark_records(views: Sequence[BookmarkView]) -> list[dict[str, Any]]:
    """Plain dicts (JSON-ready) of ``views``, with the details the bookmarks page shows."""
    return [{
        "kind": v.kind, "id": v.id, "title": v.title, "title_en": v.title_en,
        "date": _iso(v.date), "start_time": _iso(v.start_time), "end_time": _iso(v.end_time),
        "venue": v.venue, "in_guide": v.in_guide, "added_at": v.stored.added_at,
    } for v in views]


def bookmarks_json(views: Sequence[BookmarkView], pack_id: str = "") -> str:
    """The JSON export: format header plus every bookmark (importable by :func:`import_bookmarks`)."""
    data = {
        "format": FORMAT_ID, "version": FORMAT_VERSION, "pack_id": pack_id,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "bookmarks": bookmark_records(views),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text: formula starts get a leading ``'`` (OWASP)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def bookmarks_csv(views: Sequence[BookmarkView]) -> str:
    """The CSV export: a header row and one row per bookmark, formulas neutralised."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in bookmark_records(views):
        writer.writerow({k: csv_cell(record[k]) for k in CSV_COLUMNS})
    return out.getvalue()


def export_bytes(user_db: Db, content_db: Db | None, fmt: Format, *,
                 lang: str = "zh") -> tuple[bytes, int, tuple[BookmarkView, ...]]:
    """The exported file's bytes, how many bookmarks it holds, and those it leaves out.

    ``content_db`` None (unreadable content): JSON and CSV of the bookmarks as last seen (see
    :func:`list_bookmarks`), under no pack id; a calendar raises :class:`ValueError`, since
    the times mean nothing without the content's time zone.
    """
    views = list_bookmarks(user_db, content_db)
    if fmt == "ics":
        if content_db is None:
            raise ValueError("a calendar needs the content's time zone, and the content cannot "
                             "be read; export json or csv instead")
        info = content_info(content_db)
        kept = [v for v in views if v.kind == "forum" and v.in_guide and v.date]
        left = tuple(v for v in views if not (v.kind == "forum" and v.in_guide and v.date))
        event = (info.name_en or info.name) if lang == "en" else (info.name or info.name_en)
        return calendar_ics(kept, info.timezone, lang=lang, event=event), len(kept), left
    pack_id = content_info(content_db).pack_id if content_db is not None else ""
    if fmt == "json":
        return bookmarks_json(views, pack_id).encode(), len(views), ()
    if fmt == "csv":
        return bookmarks_csv(views).encode("utf-8-sig"), len(views), ()
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def export_target(path: Path, chosen: Format) -> tuple[Path, Format]:
    """Where an export goes and in what format: a name typed with one of the formats'
    extensions (``mine.json``) decides the format whatever filter a save dialog showed, so
    the file holds what its name says; any other name is written as named, in the chosen
    format (adding an extension would replace a file the dialog never asked about)."""
    typed = path.suffix.lower().lstrip(".")
    return (path, typed) if typed in FORMATS else (path, chosen)


def export_bookmarks(user_db: Db, content_db: Db | None, fmt: Format, out: Path, *,
                     lang: str = "zh") -> ExportReport:
    """Write the bookmarks to ``out`` as ``fmt`` (replacing it whole, never half-written)."""
    data, written, left = export_bytes(user_db, content_db, fmt, lang=lang)
    write_whole(Path(out), data)
    return ExportReport(Path(out), fmt, written, left)
