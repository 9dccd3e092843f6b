"""Programmes kept in a spreadsheet (.xlsx or .csv) with the template's bilingual headers.

Unlike a conference system's export, a spreadsheet is typed by hand, so a bad cell is
not repaired or skipped: every bad cell is reported as ``FILE: row N, column HEADER:
'VALUE' is not a time`` and nothing is written until the sheet is fixed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from guide.programme.model import ProgrammeError, RawEvent, RawPerson, RawProgramme

# (field, header) in template order; a header is matched by either of its words.
COLUMNS = (
    ("id", "编号 ID"),
    ("title", "标题 Title"),
    ("title_en", "英文标题 Title (English)"),
    ("date", "日期 Date"),
    ("start", "开始 Start"),
    ("end", "结束 End"),
    ("room", "地点 Room"),
    ("track", "专题 Track"),
    ("type", "类型 Type"),
    ("host", "主办 Host"),
    ("speakers", "嘉宾 Speakers"),
    ("abstract", "简介 Abstract"),
    ("abstract_en", "英文简介 Abstract (English)"),
)
REQUIRED = ("title", "date")
_SPLIT = re.compile(r"\s*[、;；,，\n]\s*")


class SpreadsheetInvalid(ProgrammeError):
    """Bad cells; ``errors`` lists every one of them."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


def write_template(out: Path) -> None:
    """An empty programme sheet with the bilingual headers, ready to fill in."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "程序 Programme"
    sheet.append([header for _field, header in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, (_field, header) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + i)].width = max(14, len(header) + 4)
    sheet.freeze_panes = "A2"
    book.save(out)


def _header_field(header: str) -> str | None:
    text = " ".join(str(header or "").split()).casefold()
    for name, label in COLUMNS:
        chinese, _, english = label.partition(" ")
        if text in (label.casefold(), chinese.casefold(), english.casefold()):
            return name
    return None


def _xlsx_rows(data: bytes) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ProgrammeError(f"not a readable .xlsx workbook: {exc}") from exc
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(values_only=True):
        yield list(row)


def _csv_rows(data: bytes) -> Iterator[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProgrammeError(f"the .csv is not UTF-8 text: {exc.reason} at byte {exc.start}") from exc
    yield from csv.reader(io.StringIO(text))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    m = re.fullmatch(r"(\d{4})(?:-|年)(\d{1,2})(?:-|月)(\d{1,2})日?", text)
    if not m:
        raise ValueError("is not a date")
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def _time(value: Any) -> dt.time:
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    m = re.fullmatch(r"(\d{1,2})[:：](\d{2})(?::\d{2})?", _text(value))
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise ValueError("is not a time")
    return dt.time(int(m[1]), int(m[2]))


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return _text(value)


def read_spreadsheet(data: bytes, name: str, kind: str) -> RawProgramme:
    """Read a filled-in template (``kind`` ``xlsx`` or ``csv``); raise SpreadsheetInvalid on bad cells."""
    rows = iter(_xlsx_rows(data) if kind == "xlsx" else _csv_rows(data))
    header = next(rows, None)
    if not header:
        raise ProgrammeError(f"{name}: empty sheet; start from `guide import --template`")
    fields = [_header_field(h) for h in header]
    labels = dict(COLUMNS)
    missing = [labels[f] for f in REQUIRED if f not in fields]
    if missing:
        raise ProgrammeError(f"{name}: row 1 lacks the column(s) {', '.join(missing)}; "
                             "start from `guide import --template`")
    programme = RawProgramme(format=kind, title=Path(name).stem, times_optional=True)
    errors: list[str] = []
    for number, row in enumerate(rows, start=2):
        cells = {f: row[i] if i < len(row) else None for i, f in enumerate(fields) if f}
        if all(_text(v) == "" for v in cells.values()):
            continue

        def bad(field: str, message: str, value: Any, number: int = number) -> None:
            shown = f"{_shown(value)!r} " if _text(value) else ""
            errors.append(f"{name}: row {number}, column {labels[field]}: {shown}{message}")

        title = _text(cells.get("title"))
        if not title:
            bad("title", "is empty; every session needs a title", None)
        day = start = end = None
        try:
            day = _date(cells.get("date"))
        except ValueError:
            bad("date", "is not a date (YYYY-MM-DD)" if _text(cells.get("date")) else
                "is empty; every session needs a date", cells.get("date"))
        for field in ("start", "end"):
            if _text(cells.get(field)):
                try:
                    if field == "start":
                        start = _time(cells[field])
                    else:
                        end = _time(cells[field])
                except ValueError:
                    bad(field, "is not a time", cells[field])
        if end is not None and start is None and not _text(cells.get("start")):
            bad("start", "is empty but 结束 End is given", None)
        elif start is not None and end is not None and end <= start:
            bad("end", f"is not after 开始 Start {start.strftime('%H:%M')}", cells.get("end"))
        if errors or day is None:
            continue
        event = RawEvent(where=f"row {number}", day=day.isoformat(),
                         source_id=_text(cells.get("id")) or None, title=title,
                         room=_text(cells.get("room")), track=_text(cells.get("track")),
                         type=_text(cells.get("type")), abstract=_text(cells.get("abstract")))
        event.title_en = _text(cells.get("title_en"))
        event.abstract_en = _text(cells.get("abstract_en"))
        event.hosts = [h for h in _SPLIT.split(_text(cells.get("host"))) if h]
        if start is not None:
            event.date = dt.datetime.combine(day, start).isoformat()
            if end is not None:
                minutes = (dt.datetime.combine(day, end) - dt.datetime.combine(day, start)).seconds // 60
                event.duration = f"{minutes // 60}:{minutes % 60:02d}"
        event.persons = [RawPerson(p) for p in _SPLIT.split(_text(cells.get("speakers"))) if p]
        programme.events.append(event)
    if errors:
        raise SpreadsheetInvalid(errors)
    return programme
