"""Take-aways: bookmarks as a calendar (.ics), JSON or CSV, and JSON import for staff.

Calendar (RFC 5545, via icalendar): one event per bookmarked forum still in the guide,
in the content's time zone (Asia/Shanghai) with a VTIMEZONE. A forum with no known
time becomes an all-day event; one with a start but no end lasts
:data:`~guide.user.bookmarks.DEFAULT_DURATION` (2 hours). Event UIDs are stable
(``forum-<id>@zgc-guide``), so importing a newer export updates events instead of
duplicating them. Forums no longer in the guide are left out and counted.

JSON (and CSV, UTF-8 with a BOM so spreadsheet programs read Chinese) carry every
bookmark, those no longer in the guide included. :func:`import_bookmarks` reads the
JSON back, validates all of it first and changes nothing unless all of it is valid.

icalendar and pydantic are imported inside the functions that need them, so this
module costs nothing until a take-away is actually made.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from guide.content.database import content_info
from guide.content.models import KINDS
from guide.user import EXPORT_FORMATS, ExportFormat
from guide.user.bookmarks import (
    DEFAULT_DURATION,
    BookmarkView,
    list_bookmarks,
    snapshots,
    timeline_key,
)
from guide.user.db import Db, transaction
from guide.user.session import current_owner

FORMAT_ID = "zgc-guide-bookmarks"
FORMAT_VERSION = 1
Format = ExportFormat
FORMATS = EXPORT_FORMATS
CSV_COLUMNS = ("kind", "id", "title", "title_en", "date", "start_time", "end_time", "venue",
               "in_guide", "added_at")

# Import limits (README, "Bookmarks"): far above any real list, far below what hurts.
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_BOOKMARKS = 5000
MAX_ID_CHARS = 200
MAX_TEXT_CHARS = 1000
MAX_NESTING = 8  # the format nests 3 deep: {"bookmarks": [{...}]}
MIN_YEAR, MAX_YEAR = 2000, 2100
# OWASP CSV injection: a cell starting with one of these is a formula to a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportError(OSError):
    """An export could not be written; the message is one line naming the file and why."""

    def __str__(self) -> str:
        return str(self.strerror)


class ImportFileError(ValueError):
    """A bookmarks file that cannot be imported; ``problems`` says exactly what and where."""

    def __init__(self, path: Path, problems: Sequence[str]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__(f"{path}: " + "; ".join(self.problems))


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote."""

    path: Path | None  # None when the text went to stdout
    format: Format
    written: int
    left_out: tuple[BookmarkView, ...]  # calendar only: forums no longer in the guide, and non-forums


@dataclass(frozen=True)
class ImportReport:
    """What an import changed."""

    added: int
    already: int
    not_in_guide: int  # added with the file's title, shown as no longer in the guide
    other_pack: str | None = None  # the file's pack id, when it was exported from other content


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


def _describe(exc: OSError, path: Path) -> str:
    import errno

    if path.is_dir():
        return f"cannot write {path}: it is a folder; name a file inside it"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {path}: the disk is full (no space left); nothing was written"
    if exc.errno == errno.EFBIG:
        return (f"cannot write {path}: no room for a file this size (disk or account file size "
                "limit); nothing was written")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST) or (path.parent.exists() and not path.parent.is_dir()):
        return f"cannot write {path}: {path.parent} is a file, not a folder"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {path}: permission denied"
    return f"cannot write {path}: {exc.strerror or exc}"


def write_export_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all; failures raise :class:`ExportError`.

    A folder that does not exist yet is made. The temporary file beside it is removed on
    every failure (disk full included), so a failed export leaves neither a partial file
    nor a leftover, and the error names ``path``, never the temporary file.
    """
    tmp: str | None = None
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise ExportError(exc.errno or 0, _describe(exc, path)) from exc
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


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
    write_export_file(Path(out), data)
    return ExportReport(Path(out), fmt, written, left)


# --- import ---------------------------------------------------------------------------------

def _models() -> tuple[Any, Any]:
    from pydantic import BaseModel, ConfigDict, Field, field_validator

    class Entry(BaseModel):
        model_config = ConfigDict(extra="forbid", strict=False)
        kind: Literal[KINDS]  # type: ignore[valid-type]
        id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
        title: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
        title_en: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
        date: dt.date | None = None
        start_time: dt.time | None = None
        end_time: dt.time | None = None
        venue: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
        in_guide: bool | None = None  # written by export; ignored on import
        added_at: dt.datetime | None = None

        @field_validator("id")
        @classmethod
        def _no_blank(cls, value: str) -> str:
            if not value.strip():
                raise ValueError("must not be blank")
            return value.strip()

        @field_validator("date", "added_at")
        @classmethod
        def _plausible(cls, value: dt.date | None) -> dt.date | None:
            if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
                raise ValueError(f"year {value.year} is outside {MIN_YEAR}-{MAX_YEAR}")
            return value

    class File(BaseModel):
        model_config = ConfigDict(extra="forbid")
        format: Literal["zgc-guide-bookmarks"] = "zgc-guide-bookmarks"  # = FORMAT_ID
        version: Literal[1] = 1  # = FORMAT_VERSION
        pack_id: str | None = None
        exported_at: str | None = None
        bookmarks: list[Entry] = Field(max_length=MAX_IMPORT_BOOKMARKS)

    return Entry, File


def _where(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _problem(error: Any) -> str:
    text = f"{_where(error['loc'])}: {error['msg']}"
    value = error.get("input")
    if error["type"] != "missing" and isinstance(value, str | int | float | bool):
        text += f" (got {value!r})"
    return text


def _nesting(text: str) -> int:
    """How deep ``[``/``{`` nest outside strings (checked before json.loads recurses)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    return deepest  # enough to refuse; no need to walk 100k levels
        elif ch in "]}":
            depth -= 1
    return deepest


def _other_export(text: str) -> str | None:
    """What to say of a file that is one of the guide's other exports, not its JSON."""
    start = text.lstrip()[:200]
    if start.startswith("BEGIN:VCALENDAR"):
        return ("a calendar (.ics) export, which calendars read; import reads the JSON export "
                "(guide bookmarks export --format json)")
    if start.startswith(",".join(CSV_COLUMNS)):
        return ("the CSV export, which spreadsheets read; import reads the JSON export "
                "(guide bookmarks export --format json)")
    return None


def _decoded(raw: bytes) -> str:
    """The file's text: UTF-8 (with or without a BOM), or UTF-16 with its BOM, as Windows
    Notepad saves "Unicode" files."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def _newer(data: dict[str, Any]) -> str | None:
    version = data.get("version")
    if data.get("format") == FORMAT_ID and isinstance(version, int) and version > FORMAT_VERSION:
        return (f"written by a newer version of the guide (bookmarks file version {version}; this "
                f"version reads version {FORMAT_VERSION}): update the guide, then import it")
    return None


def read_bookmarks_file(path: Path) -> tuple[list[Any], str | None]:
    """Parse and validate a bookmarks JSON file: (its bookmarks, the pack id it names).
    Raise :class:`ImportFileError` naming every problem.

    Problems are given with their place in the file, e.g. ``bookmarks[2].kind: Input
    should be 'forum', 'area', ...``.
    """
    from pydantic import ValidationError

    from guide.files import read_regular_file

    path = Path(path)
    try:
        raw = read_regular_file(path, MAX_IMPORT_BYTES)
        text = _decoded(raw)
    except FileNotFoundError:
        raise ImportFileError(path, ["no such file"]) from None
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, [f"cannot be read as UTF-8 text: {exc}"]) from exc
    except ValueError as exc:  # too large, or not a regular file
        raise ImportFileError(path, [str(exc)]) from None
    except OSError as exc:
        raise ImportFileError(path, [f"cannot be read: {exc.strerror or exc}"]) from exc
    other = _other_export(text)
    if other is not None:
        raise ImportFileError(path, [other])
    depth = _nesting(text)
    if depth > MAX_NESTING:
        raise ImportFileError(path, [f"nested {depth} levels deep; a bookmarks file nests "
                                     f"at most {MAX_NESTING}"])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(path, [f"not valid JSON: {exc.msg} at line {exc.lineno} "
                                     f"column {exc.colno}"]) from exc
    except ValueError:  # a number of more than 4,300 digits, which Python will not read
        raise ImportFileError(path, ["a number thousands of digits long, which no bookmarks "
                                     "file holds: not a bookmarks file"]) from None
    if not isinstance(data, dict):
        raise ImportFileError(path, [f"(top level): expected an object with a 'bookmarks' list, "
                                     f"got {type(data).__name__}"])
    newer = _newer(data)
    if newer is not None:
        raise ImportFileError(path, [newer])
    _entry, file_model = _models()
    try:
        parsed = file_model.model_validate(data)
    except ValidationError as exc:
        raise ImportFileError(path, [_problem(e) for e in exc.errors()]) from exc
    return list(parsed.bookmarks), parsed.pack_id or None


def import_bookmarks(user_db: Db, content_db: Db, path: Path) -> ImportReport:
    """Add the bookmarks in a JSON file (as written by the JSON export) to the current list.

    All-or-nothing: the whole file is validated before anything is written, and the
    additions commit in one transaction. Bookmarks already present are kept as they
    are. Items this content lacks are added under the file's title (or their id) and
    show as no longer in the guide, rather than being dropped.
    """
    entries, pack_id = read_bookmarks_file(path)
    unique: dict[tuple[str, str], Any] = {}
    for e in entries:
        unique.setdefault((e.kind, e.id), e)
    current = snapshots(content_db, unique)
    owner = current_owner(user_db)
    now = dt.datetime.now(dt.UTC)
    added = not_in_guide = 0
    with transaction(user_db) as conn:
        for n, ((kind, item_id), e) in enumerate(unique.items()):
            s = current.get((kind, item_id))
            if s is None:
                title, title_en = e.title or item_id, e.title_en or e.title or item_id
                row = [title, title_en, _iso(e.date), _iso(e.start_time), _iso(e.end_time), e.venue]
            else:
                row = [s.title, s.title_en, _iso(s.date), _iso(s.start_time), _iso(s.end_time),
                       s.venue]
            # Keep the file's order when it gives no times: one microsecond apart.
            added_at = (e.added_at.astimezone(dt.UTC) if e.added_at and e.added_at.tzinfo
                        else now + dt.timedelta(microseconds=n))
            seen = now.isoformat(timespec="microseconds") if s else added_at.isoformat()
            cursor = conn.execute(
                """INSERT OR IGNORE INTO bookmark (owner, kind, item_id, title, title_en, date,
                       start_time, end_time, venue, added_at, seen_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [owner, kind, item_id, *row, added_at.isoformat(timespec="microseconds"), seen])
            if cursor.rowcount:
                added += 1
                not_in_guide += s is None
    here = content_info(content_db).pack_id
    other = pack_id if pack_id and here and pack_id != here else None
    return ImportReport(added=added, already=len(unique) - added, not_in_guide=not_in_guide,
                        other_pack=other)
