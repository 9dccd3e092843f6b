"""Bookmark files back in: the JSON export read, every problem named, and the bookmarks added
all at once or not at all (``guide bookmarks import``).

The file is validated whole before anything is written (limits below, README "Bookmark
files"), so a bad file changes nothing; the additions commit in one transaction. pydantic
is imported inside the functions that need it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from guide.content.database import content_info
from guide.content.models import ITEM_ID_PATTERN, KINDS
from guide.user.bookmarks import snapshots
from guide.user.db import Db, transaction
from guide.user.export import CSV_COLUMNS, FORMAT_ID, FORMAT_VERSION
from guide.user.follow import DETACHED
from guide.user.session import current_owner

# Import limits (README, "Bookmarks"): far above any real list, far below what hurts.
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_BOOKMARKS = 5000
MAX_ID_CHARS = 200
MAX_TEXT_CHARS = 1000
MAX_NESTING = 8  # the format nests 3 deep: {"bookmarks": [{...}]}
MIN_YEAR, MAX_YEAR = 2000, 2100
# A bookmark's id: an item's, or one a content update let go of (exports carry it so).
_BOOKMARK_ID = re.compile(ITEM_ID_PATTERN.removesuffix("$") + rf"(?:{re.escape(DETACHED)}[0-9]+)?$")


class ImportFileError(ValueError):
    """A bookmarks file that cannot be imported; ``problems`` says exactly what and where."""

    def __init__(self, path: Path, problems: Sequence[str]) -> None:
        self.path = path
        self.problems = tuple(problems)
        super().__init__(f"{path}: " + "; ".join(self.problems))


@dataclass(frozen=True)
class ImportReport:
    """What an import changed."""

    added: int
    already: int
    not_in_guide: int  # added with the file's title, shown as no longer in the guide
    other_pack: str | None = None  # the file's pack id, when it was exported from other content


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
        def _an_id(cls, value: str) -> str:
            value = value.strip()
            if not value:
                raise ValueError("must not be blank")
            if not _BOOKMARK_ID.match(value):  # kept, it would have shown as a lost bookmark
                raise ValueError("not an id the guide gives (lowercase letters, digits and dashes, "
                                 "at most 80, as `guide bookmarks list` shows them): no content "
                                 "has it")
            return value

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


def _problem(error: Any, lines: Sequence[dict[str, int]] = ()) -> str:
    """One problem as a line: its place in the file (``line 12: bookmarks[2].id``), what is wrong."""
    loc = error["loc"]
    text = f"{_where(loc)}: {error['msg']}"
    if len(loc) >= 2 and loc[0] == "bookmarks" and isinstance(loc[1], int) and loc[1] < len(lines):
        entry = lines[loc[1]]  # a hand-edited file of hundreds: which line to look at
        text = f"line {entry.get(str(loc[2]) if len(loc) > 2 else '', entry[''])}: {text}"
    value = error.get("input")
    if error["type"] != "missing" and isinstance(value, str | int | float | bool):
        text += f" (got {value!r})"
    return text


def _past_space(text: str, i: int) -> int:
    """The index of the first character at or after ``i`` that is not JSON's white space."""
    while i < len(text) and text[i] in " \t\n\r":
        i += 1
    return i


def _members(text: str, start: int, decoder: json.JSONDecoder) -> dict[str, int]:
    """Where each member's value of the JSON object at ``text[start]`` starts (the text is
    valid JSON already)."""
    found: dict[str, int] = {}
    i = _past_space(text, start + 1)
    while text[i] != "}":
        key, i = decoder.raw_decode(text, i)
        i = _past_space(text, _past_space(text, i) + 1)  # past the colon
        found[key] = i
        i = _past_space(text, decoder.raw_decode(text, i)[1])
        if text[i] == ",":
            i = _past_space(text, i + 1)
    return found


def _entry_lines(text: str) -> list[dict[str, int]]:
    """For each entry of the file's "bookmarks" list, the line (from 1) it starts on (key "")
    and the line of each of its fields; empty when the file is not shaped so."""
    decoder = json.JSONDecoder()
    newlines = [m.start() for m in re.finditer("\n", text)]
    entries: list[dict[str, int]] = []
    try:
        i = _members(text, _past_space(text, 0), decoder)["bookmarks"]
        if text[i] != "[":
            return []
        i = _past_space(text, i + 1)
        while text[i] != "]":
            fields = _members(text, i, decoder) if text[i] == "{" else {}
            entries.append({key: bisect.bisect_left(newlines, at) + 1
                            for key, at in {"": i, **fields}.items()})
            i = _past_space(text, decoder.raw_decode(text, i)[1])
            if text[i] == ",":
                i = _past_space(text, i + 1)
    except (ValueError, IndexError, KeyError):
        return []
    return entries


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

    Problems are given with their place in the file, e.g. ``line 14: bookmarks[2].kind: Input
    should be 'forum', 'area', ...``; an id no content can have (not lowercase letters, digits
    and dashes) is one.
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
        lines = _entry_lines(text)
        raise ImportFileError(path, [_problem(e, lines) for e in exc.errors()]) from exc
    return list(parsed.bookmarks), parsed.pack_id or None


def _iso(value: dt.date | dt.time | None) -> str | None:
    return None if value is None else value.isoformat()


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
