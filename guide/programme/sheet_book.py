"""The programme sheets of an .xlsx workbook: which of its sheets are read, and why the others
are not (a sheet of instructions, a hidden draft); and the workbook's date system."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from guide.programme.cells import cell_text
from guide.programme.message import Message, listed
from guide.programme.model import ProgrammeError, ProgrammeUnreadable
from guide.programme.sheet_header import COLUMNS, HEADER_ROWS, REQUIRED, Where, find_header
from guide.programme.workbook import sheet_rows, unreadable_reason

Sheets = list[tuple[Where, Iterator[list[Any]]]]


@dataclass
class Book:
    """A workbook as a programme reads it."""

    sheets: Sheets  # (where, rows) of each programme sheet, in order
    others: list[tuple[str, str]] = field(default_factory=list)  # (where, why) of other sheets
    left_out: list[tuple[str, str]] = field(default_factory=list)  # hidden programme sheets
    # What the workbook's date numbers count from: 1899-12-30, or 1904-01-01 in a workbook
    # saved with the 1904 date system (old Mac Excel), whose 43978 is 2024-05-28, not 2020-05-27.
    epoch: dt.datetime | None = None


def xlsx_sheets(data: bytes, name: str) -> Book:
    """The programme sheets of a workbook (a workbook may open with a sheet of instructions,
    or give a sheet to each day); the other sheets and the hidden ones with a programme's
    header (a draft, not read), each with why; and the workbook's epoch."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ProgrammeUnreadable(Message("{where}: {what}", where=name,
                                          what=unreadable_reason(data, exc))) from exc
    sheets = book.worksheets
    shown = [s for s in sheets if s.sheet_state == "visible"] or sheets
    read = Book([], epoch=book.epoch)
    for sheet in (s for s in sheets if s not in shown):
        why, is_programme = _hidden_sheet(data, sheet)
        (read.left_out if is_programme else read.others).append(
            (Message("sheet {sheet}", sheet=sheet.title), why))
    if len(shown) == 1 and not read.left_out:
        read.sheets.append((Where(name), sheet_rows(data, shown[0])))
        return read
    labels = dict(COLUMNS)
    for sheet in shown:
        rows = sheet_rows(data, sheet)
        top = list(itertools.islice(rows, HEADER_ROWS))
        if find_header(top) is not None:
            read.sheets.append((Where(name, sheet.title), itertools.chain(top, rows)))
        else:
            read.others.append((Message("sheet {sheet}", sheet=sheet.title), Message(
                "has no header row with {first} and {second} in its first {rows} rows, so it is "
                "not read as part of the programme", first=labels[REQUIRED[0]],
                second=labels[REQUIRED[1]], rows=HEADER_ROWS)))
    if not read.sheets:
        hidden = ""
        for where, _why in read.left_out:
            hidden = Message("{before}; {where}, which has them, is hidden: right-click a sheet's "
                             "tab > Unhide if it is the programme", before=hidden, where=where)
        raise ProgrammeError(Message(
            "{file}: none of its sheets ({sheets}) has the columns {first}, {second} in one of its "
            "first {rows} rows{hidden}; start from `guide import --template`", file=name,
            sheets=listed([s.title for s in shown]), first=labels[REQUIRED[0]],
            second=labels[REQUIRED[1]], rows=HEADER_ROWS, hidden=hidden))
    return read


def _hidden_sheet(data: bytes, sheet: Any) -> tuple[str, bool]:
    """Why a hidden sheet is not read, and whether it has a programme's header: a sheet
    hidden as a draft, or a template's lists, whose sessions would surprise an organiser."""
    rows = sheet_rows(data, sheet)
    top = list(itertools.islice(rows, HEADER_ROWS))
    header = find_header(top)
    if header is None:
        return Message("is hidden in the workbook, and not read as part of the programme"), False
    count = sum(1 for row in itertools.chain(top[header[0] + header[1]:], rows)
                if any(cell_text(v) for v in row))
    return Message("the sheet is hidden in the workbook, so its {count} row(s) under the header "
                   "were not loaded; right-click a sheet's tab > Unhide to import them",
                   count=count), True
