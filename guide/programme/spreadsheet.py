"""Programmes kept in a spreadsheet (.xlsx or .csv) with the template's bilingual headers.

Unlike a conference system's export, a spreadsheet is typed by hand, so a bad cell is
not repaired or skipped: every bad cell is reported as ``FILE: row N, column HEADER:
'VALUE' is not a time`` and nothing is written until the sheet is fixed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.programme.cells import (
    cell_date,
    cell_shown,
    cell_text,
    cell_time,
    end_minutes,
    host_names,
    is_date,
    speaker_names,
)
from guide.programme.model import ProgrammeError, ProgrammeUnreadable, RawEvent, RawPerson, RawProgramme
from guide.programme.sheet_csv import SEPARATORS, csv_rows
from guide.programme.workbook import UnsavedFormula, sheet_rows

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
# Other headers organisers' own sheets use for a column, each with one meaning only (时间 or
# "Name" could be several columns, so they are not here): (field, language, header).
ALIASES = (
    ("title", "zh", "名称"), ("title", "zh", "活动名称"), ("title", "zh", "会议名称"),
    ("title", "zh", "论坛名称"), ("title", "zh", "议题"),
    ("start", "zh", "开始时间"), ("start", "en", "Start time"),
    ("end", "zh", "结束时间"), ("end", "en", "End time"),
    ("room", "zh", "会场"), ("room", "zh", "场地"), ("room", "zh", "房间"),
    ("room", "en", "Venue"), ("room", "en", "Location"), ("room", "en", "Hall"),
    ("track", "zh", "板块"),
    ("host", "zh", "主办方"), ("host", "zh", "主办单位"),
    ("host", "en", "Organiser"), ("host", "en", "Organizer"),
    ("speakers", "zh", "讲者"), ("speakers", "zh", "演讲人"), ("speakers", "zh", "演讲嘉宾"),
    ("speakers", "zh", "发言人"), ("speakers", "zh", "主讲人"), ("speakers", "en", "Speaker"),
    ("abstract", "zh", "摘要"), ("abstract", "zh", "内容简介"), ("abstract", "en", "Description"),
    ("abstract", "en", "Summary"),
)


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


def _header_match(header: Any) -> tuple[str, str] | None:
    """(field, word) of a header cell: word is "both", "zh" or "en", the part of the label it is
    ("zh-alias", "en-alias" for another header of that meaning, :data:`ALIASES`)."""
    text = " ".join(str(header or "").split()).casefold()
    for name, label in COLUMNS:
        chinese, _, english = label.partition(" ")
        for word, said in (("both", label), ("zh", chinese), ("en", english)):
            if text == said.casefold():
                return name, word
    for name, word, said in ALIASES:
        if text == said.casefold():
            return name, f"{word}-alias"
    return None


def _header_field(header: str) -> str | None:
    match = _header_match(header)
    return match[0] if match else None


def _has_required(header: list[Any]) -> bool:
    return all(f in {_header_field(h) for h in header} for f in REQUIRED)


@dataclass(frozen=True)
class _Where:
    """How messages name a place in the file: its name, and its sheet when a workbook has several."""

    file: str
    sheet: str | None = None

    def row(self, number: int, last: int | None = None) -> str:
        """'row 4' (or 'rows 4-6'), or 'sheet 5月26日, row 4': where the report puts a session."""
        rows = f"rows {number}-{last}" if last else f"row {number}"
        return f"sheet {self.sheet}, {rows}" if self.sheet else rows

    def __call__(self, number: int) -> str:
        """'perday.xlsx: sheet 5月26日, row 4': the start of a message about a row."""
        return f"{self.file}: {self.row(number)}"

    def __str__(self) -> str:
        return f"{self.file}: sheet {self.sheet}" if self.sheet else self.file


def _column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: A, B … Z, AA …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _fields(header: list[Any], where: _Where, number: int = 1) -> list[str | None]:
    """The field of each column; raise SpreadsheetInvalid when two columns are the same field.

    A sheet may give the Chinese and the English in columns headed 标题 and Title (or 简介 and
    Abstract): the one headed only in English then holds the English (title_en, abstract_en).
    """
    matches = [_header_match(h) for h in header]
    fields: list[str | None] = [m[0] if m else None for m in matches]
    labels = dict(COLUMNS)
    errors = []
    for name in dict.fromkeys(f for f in fields if f):
        at = [i for i, f in enumerate(fields) if f == name]
        aliases = [i for i in at if matches[i][1].endswith("-alias")]  # type: ignore[index]
        if aliases and len(aliases) < len(at):
            # A template column and another header of the same meaning (标题 beside a
            # conference's 会议名称 on every row): the template's is the field, the other a
            # column the guide does not read, as it was before it knew such headers.
            for i in aliases:
                fields[i] = None
            at = [i for i in at if i not in aliases]
        if len(at) == 1:
            continue
        words = sorted(m[1].removesuffix("-alias") for i, m in enumerate(matches) if m and i in at)
        english = f"{name}_en"
        if words == ["en", "zh"] and english in labels and english not in fields:
            fields[next(i for i in at if matches[i] in ((name, "en"), (name, "en-alias")))] = english
            continue
        shown = " and ".join(f"{_column_letter(i)} ({cell_text(header[i])})" for i in at)
        errors.append(f"{where(number)}: columns {shown} each hold {labels[name]}; "
                      "keep one of them (the others would be lost)")
    if errors:
        raise SpreadsheetInvalid(errors)
    return fields


def _unknown_columns(header: list[Any], fields: list[str | None],
                     where: _Where) -> list[tuple[str, str]]:
    """(where, why) of each headed column that is none of the template's: an organiser's own
    column ("Speaker") or a mistyped header ("Tittle") would otherwise be lost unsaid."""
    sheet = f"sheet {where.sheet}, " if where.sheet else ""
    return [(f"{sheet}column {_column_letter(i)}",
             f'"{cell_text(h)}" is not a column the guide reads; its cells were not loaded')
            for i, (h, f) in enumerate(zip(header, fields, strict=True)) if f is None and cell_text(h)]


# Without an id a session is keyed by what it says (see normalise._event_key).
NO_ID_COLUMN = ("the sheet has no 编号 ID column, so each session is known by its title, date, "
                "start time and room: a visitor's bookmark on a session will not follow it to an "
                "update in which any of these was changed (it shows as no longer in the guide). "
                "Add a column headed 编号 (or ID) with a text of each session's own (S1, S2 …) "
                "and keep it the same in every update, as the template's first column")
HEADER_ROWS = 10  # the header row is looked for among a sheet's first rows


def _xlsx_sheets(data: bytes, name: str
                 ) -> tuple[list[tuple[_Where, Iterator[list[Any]]]], list[tuple[str, str]]]:
    """(where, rows) of each programme sheet of a workbook, in order, and (where, why) of each
    other sheet: a workbook may open with a sheet of instructions, or give a sheet to each day."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ProgrammeUnreadable(f"{name}: not a readable .xlsx workbook: {exc}") from exc
    sheets = book.worksheets
    if len(sheets) == 1:
        return [(_Where(name), sheet_rows(data, sheets[0]))], []
    found: list[tuple[_Where, Iterator[list[Any]]]] = []
    others: list[tuple[str, str]] = []
    labels = dict(COLUMNS)
    required = " and ".join(labels[f] for f in REQUIRED)
    for sheet in sheets:
        rows = sheet_rows(data, sheet)
        top = list(itertools.islice(rows, HEADER_ROWS))
        if any(_has_required(row) for row in top):
            found.append((_Where(name, sheet.title), itertools.chain(top, rows)))
        else:
            others.append((f"sheet {sheet.title}", f"has no header row with {required} in its "
                           f"first {HEADER_ROWS} rows, so it is not read as part of the programme"))
    if not found:
        raise ProgrammeError(f"{name}: none of its sheets ({', '.join(s.title for s in sheets)}) "
                             f"has the columns {', '.join(labels[f] for f in REQUIRED)} in one of "
                             f"its first {HEADER_ROWS} rows; start from `guide import --template`")
    return found, others


def _lost_cells(row: list[Any], header: list[Any], fields: list[str | None], sep: str | None,
                where: _Where, number: int) -> list[str]:
    """Why cells of ``row`` would be lost: outside the columns, or rows swallowed by one cell."""
    width = len(header)
    stray = [i for i, v in enumerate(row)
             if (i >= width or (fields[i] is None and cell_text(header[i]) == "")) and cell_text(v)]
    errors = []
    if sep is not None and stray and stray[-1] >= width:
        # In a CSV file a cell past the header's last column is most often a separator
        # typed inside a cell that is not in quotes.
        extra = ", ".join(repr(cell_text(v)) for v in row[width:stray[-1] + 1])
        errors.append(f"{where(number)} has {stray[-1] + 1} cells but the header row has "
                      f"{width}: a {SEPARATORS[sep]} inside a cell needs the cell in quotes "
                      f"(the cells past the last column: {extra})")
        stray = [i for i in stray if i < width]
    errors.extend(f"{where(number)}, column {_column_letter(i)}: {cell_text(row[i])!r} is in a "
                  "column without a header; give the column its header or move the value"
                  for i in stray)
    if sep is not None and not errors:
        # A stray quotation mark closed by another one rows further down makes the rows
        # between them one cell; they show as lines with a date where the date column is.
        date_at = fields.index("date")
        for i, value in enumerate(row):
            for line in str(value).split("\n")[1:] if value else ():
                parts = next(csv.reader([line], delimiter=sep), [])
                if len(parts) > date_at and is_date(parts[date_at]):
                    column = cell_text(header[i]) or _column_letter(i)
                    errors.append(f"{where(number)}, column {column}: "
                                  f"the cell has a line that looks like a row of its own "
                                  f"({cell_text(line)[:60]!r}); a quotation mark at the start of the "
                                  "cell is closed only rows further down, so the rows between "
                                  "were read as part of it; check the quotes")
                    break
    return errors


def _unsaved_cells(row: list[Any], fields: list[str | None], where: _Where,
                   number: int) -> list[str]:
    """A formula cell of a column the guide reads whose result the file does not hold: it
    would read as empty (a date refused as missing, a time lost), so it is named instead."""
    labels = dict(COLUMNS)
    return [f"{where(number)}, column {labels[field]}: cell {value.cell} holds a formula "
            "with no saved result; open the file in Excel or LibreOffice and save it again so "
            "its values are stored"
            for value, field in zip(row, fields, strict=False)
            if field and isinstance(value, UnsavedFormula)]


def _open_sheet(where: _Where, rows: Iterator[list[Any]]
                ) -> tuple[int, list[Any], list[str | None], Iterator[list[Any]]]:
    """(the header's row number, header, field of each column, the rows after the header)."""
    # The header is row 1, or a later one of the first few under a title ("2023中关村论坛日程")
    # or a note: the rows above it are not sessions.
    top = list(itertools.islice(rows, HEADER_ROWS))
    at = next((i for i, row in enumerate(top) if _has_required(row)), 0)
    header, rows = (top[at] if top else []), itertools.chain(top[at + 1:], rows)
    while header and cell_text(header[-1]) == "":  # formatted empty cells, not columns
        header.pop()
    if not header:
        raise ProgrammeError(f"{where}: empty sheet; start from `guide import --template`")
    fields = _fields(header, where, at + 1)
    labels = dict(COLUMNS)
    missing = [labels[f] for f in REQUIRED if f not in fields]
    if missing:
        raise ProgrammeError(f"{where}: row 1 lacks the column(s) {', '.join(missing)}; "
                             "start from `guide import --template`")
    return at + 1, header, fields, rows


# A row whose title cell is merged down over it continues the session above it (one speaker
# per row) unless it gives one of these of its own: then it is a session of its own (a forum's
# talks under its merged title, each with its own time).
_SAME_SESSION = ("title", "id", "date", "start", "end", "room")
_ADDED = ("speakers", "host")  # what a continuing row adds to its session


class _SheetReader:
    """Turns one sheet's rows into events; every bad cell goes into ``errors``."""

    def __init__(self, where: _Where, sep: str | None, header: list[Any],
                 fields: list[str | None], errors: list[str], ids: dict[str, str]) -> None:
        self.where, self.sep, self.header, self.fields = where, sep, header, fields
        self.errors = errors
        self.ids = ids  # session id -> the row that has it, over all the workbook's sheets
        self.last: tuple[RawEvent, int, dict[str, Any]] | None = None  # event, its row, cells
        self.labels = dict(COLUMNS)

    def read(self, rows: Iterator[list[Any]], first: int) -> Iterator[RawEvent]:
        """The events of ``rows``, the first of which is row ``first`` of the sheet."""
        for number, row in enumerate(rows, start=first):
            if not row:  # quick: a workbook may have a million of them
                continue
            lost = _lost_cells(row, self.header, self.fields, self.sep, self.where, number)
            lost += _unsaved_cells(row, self.fields, self.where, number)
            if lost:
                self.errors.extend(lost)
                continue
            cells = {f: row[i] if i < len(row) else None for i, f in enumerate(self.fields) if f}
            if self._blank(row) or self._continues(row, cells, number):
                continue
            event = self._event(cells, number)
            self.last = (event, number, cells) if event is not None else None
            if event is not None:
                yield event

    def _blank(self, row: list[Any]) -> bool:
        """Whether the row gives nothing of its own: a spacer row is blank even when a date
        cell merged down over a day's sessions reaches into it."""
        merged: frozenset[int] = getattr(row, "continued", frozenset())
        return all(cell_text(v) == "" for i, (v, f) in enumerate(zip(row, self.fields, strict=False))
                   if f and i not in merged)

    def _continues(self, row: list[Any], cells: dict[str, Any], number: int) -> bool:
        """Whether the row adds its speakers to the session above: its title cell is merged
        down over it from that session's row, and it gives no time or room of its own."""
        title_at = self.fields.index("title")
        if self.last is None or title_at not in getattr(row, "continued", ()):
            return False
        event, first, first_cells = self.last
        if any(cell_text(cells.get(f)) and cell_shown(cells.get(f)) != cell_shown(first_cells.get(f))
               for f in _SAME_SESSION):
            return False
        for field, value in cells.items():
            if field not in _SAME_SESSION + _ADDED and cell_text(value) and \
                    cell_shown(value) != cell_shown(first_cells.get(field)):
                self.errors.append(
                    f"{self.where(number)}, column {self.labels[field]}: {cell_shown(value)!r} "
                    f"is on a row that continues the session of row {first} (its 标题 Title cell "
                    f"is merged down over row {number}), which adds only 嘉宾 Speakers and 主办 "
                    f"Host; move the value to row {first}, or unmerge the title to make row "
                    f"{number} a session of its own")
        event.persons += [RawPerson(p) for p in speaker_names(cells.get("speakers"))]
        event.hosts += [h for h in host_names(cells.get("host")) if h not in event.hosts]
        event.where = self.where.row(first, number)
        return True

    def _event(self, cells: dict[str, Any], number: int) -> RawEvent | None:
        """The event of one row, or None when a cell of it is bad (said in ``errors``)."""
        errors_before = len(self.errors)

        def bad(field: str, message: str, value: Any) -> None:
            shown = f"{cell_shown(value)!r} " if cell_text(value) else ""
            self.errors.append(f"{self.where(number)}, column {self.labels[field]}: "
                               f"{shown}{message}")

        # A sheet is typed by hand: the same id twice is a slip, and a bookmark on that id
        # would follow whichever row came first; so both rows are named, not repaired.
        source_id = cell_text(cells.get("id"))
        if source_id in self.ids:
            bad("id", f"is also the id of {self.ids[source_id]}; every session needs its "
                "own id", cells.get("id"))
        elif source_id:
            self.ids[source_id] = self.where.row(number)
        title = cell_text(cells.get("title"))
        if not title:
            bad("title", "is empty; every session needs a title", None)
        day = start = end = None
        try:
            day = cell_date(cells.get("date"))
        except ValueError:
            bad("date", "is not a date (YYYY-MM-DD)" if cell_text(cells.get("date")) else
                "is empty; every session needs a date", cells.get("date"))
        for field in ("start", "end"):
            if cell_text(cells.get(field)):
                try:
                    if field == "start":
                        start = cell_time(cells[field])
                    else:
                        end = end_minutes(cells[field])
                except ValueError:
                    bad(field, "is not a time (HH:MM, e.g. 14:00)", cells[field])
        if end is not None and start is None and not cell_text(cells.get("start")):
            bad("start", "is empty but 结束 End is given", None)
        elif start is not None and end is not None and end <= start.hour * 60 + start.minute:
            bad("end", f"is not after 开始 Start {start.strftime('%H:%M')} (a session that ends "
                "after midnight: write 00:30+1 or 次日00:30)", cells.get("end"))
        if len(self.errors) > errors_before or day is None:
            return None
        event = RawEvent(where=self.where.row(number), day=day.isoformat(),
                         source_id=source_id or None, title=title,
                         room=cell_text(cells.get("room")), track=cell_text(cells.get("track")),
                         type=cell_text(cells.get("type")), abstract=cell_text(cells.get("abstract")))
        event.title_en = cell_text(cells.get("title_en"))
        event.abstract_en = cell_text(cells.get("abstract_en"))
        event.hosts = host_names(cells.get("host"))
        if start is not None:
            event.date = dt.datetime.combine(day, start).isoformat()
            if end is not None:
                minutes = end - (start.hour * 60 + start.minute)
                event.duration = f"{minutes // 60}:{minutes % 60:02d}"
        event.persons = [RawPerson(p) for p in speaker_names(cells.get("speakers"))]
        return event


def read_spreadsheet(data: bytes, name: str, kind: str) -> RawProgramme:
    """Read a filled-in template (``kind`` ``xlsx`` or ``csv``): each sheet of a workbook that
    has the template's header row, in order; raise SpreadsheetInvalid on bad cells."""
    sep: str | None = None
    if kind == "xlsx":
        sheets, others = _xlsx_sheets(data, name)
    else:
        sep, rows = csv_rows(data, name, lambda h: _header_field(h) is not None)
        sheets, others = [(_Where(name), rows)], []
    programme = RawProgramme(format=kind, title=Path(name).stem, times_optional=True)
    errors: list[str] = []
    ids: dict[str, str] = {}
    without_ids: list[str] = []
    for where, rows in sheets:
        header_row, header, fields, rows = _open_sheet(where, rows)
        programme.left_out += _unknown_columns(header, fields, where)
        if "id" not in fields:
            without_ids.append(where.row(header_row))
        reader = _SheetReader(where, sep, header, fields, errors, ids)
        programme.events.extend(reader.read(rows, header_row + 1))
    if without_ids:  # said once for the file, naming each sheet it is true of
        programme.notices.append((", ".join(without_ids), NO_ID_COLUMN))
    # Sheets that hold no programme (instructions, a chart) lose nothing: a note, not a
    # session left out.
    programme.notices += others
    if errors:
        raise SpreadsheetInvalid(errors)
    return programme
