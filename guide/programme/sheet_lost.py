"""What a programme sheet holds that its sessions would lose: sheets without the header, hidden
sheets, cells outside the columns, formulas without a saved result."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from typing import Any

from guide.programme.cells import cell_text, is_date
from guide.programme.message import Message, listed
from guide.programme.model import ProgrammeError, ProgrammeUnreadable
from guide.programme.sheet_csv import SEPARATORS
from guide.programme.sheet_header import (
    COLUMNS,
    HEADER_ROWS,
    LABELS,
    REQUIRED,
    SheetHeader,
    Where,
    column_letter,
    find_header,
)
from guide.programme.workbook import UnsavedFormula, sheet_rows, unreadable_reason

Sheets = list[tuple[Where, Iterator[list[Any]]]]


def xlsx_sheets(data: bytes, name: str
                ) -> tuple[Sheets, list[tuple[str, str]], list[tuple[str, str]]]:
    """(where, rows) of each programme sheet of a workbook, in order; (where, why) of each
    other sheet: a workbook may open with a sheet of instructions, or give a sheet to each day;
    and (where, why) of each hidden sheet with a programme's header (a draft), not read."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ProgrammeUnreadable(Message("{where}: {what}", where=name,
                                          what=unreadable_reason(data, exc))) from exc
    sheets = book.worksheets
    shown = [s for s in sheets if s.sheet_state == "visible"] or sheets
    others: list[tuple[str, str]] = []
    left_out: list[tuple[str, str]] = []
    for sheet in (s for s in sheets if s not in shown):
        why, is_programme = _hidden_sheet(data, sheet)
        (left_out if is_programme else others).append((Message("sheet {sheet}", sheet=sheet.title),
                                                        why))
    if len(shown) == 1 and not left_out:
        return [(Where(name), sheet_rows(data, shown[0]))], others, left_out
    found: Sheets = []
    labels = dict(COLUMNS)
    for sheet in shown:
        rows = sheet_rows(data, sheet)
        top = list(itertools.islice(rows, HEADER_ROWS))
        if find_header(top) is not None:
            found.append((Where(name, sheet.title), itertools.chain(top, rows)))
        else:
            others.append((Message("sheet {sheet}", sheet=sheet.title), Message(
                "has no header row with {first} and {second} in its first {rows} rows, so it is "
                "not read as part of the programme", first=labels[REQUIRED[0]],
                second=labels[REQUIRED[1]], rows=HEADER_ROWS)))
    if not found:
        hidden = ""
        for where, _why in left_out:
            hidden = Message("{before}; {where}, which has them, is hidden: right-click a sheet's "
                             "tab > Unhide if it is the programme", before=hidden, where=where)
        raise ProgrammeError(Message(
            "{file}: none of its sheets ({sheets}) has the columns {first}, {second} in one of its "
            "first {rows} rows{hidden}; start from `guide import --template`", file=name,
            sheets=listed([s.title for s in shown]), first=labels[REQUIRED[0]],
            second=labels[REQUIRED[1]], rows=HEADER_ROWS, hidden=hidden))
    return found, others, left_out


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


def lost_cells(row: list[Any], head: SheetHeader, sep: str | None, where: Where,
               number: int) -> list[str]:
    """Why cells of ``row`` would be lost: outside the columns, or rows swallowed by one cell."""
    header, fields, width = head.cells, head.fields, len(head.cells)
    stray = [i for i, v in enumerate(row)
             if (i >= width or (fields[i] is None and cell_text(header[i]) == "")) and cell_text(v)]
    errors: list[str] = []
    if sep is not None and stray and stray[-1] >= head.width:
        # In a CSV file a cell past the header row's last cell is most often a separator
        # typed inside a cell that is not in quotes (a cell under one of the header row's
        # empty cells at its end is in a column without a header, said below).
        extra = ", ".join(repr(cell_text(v)) for v in row[head.width:stray[-1] + 1])
        errors.append(Message(
            "{where} has {cells} cells but the header row has {width}: a {separator} inside a "
            "cell needs the cell in quotes (the cells past the last column: {extra})",
            where=where(number), cells=stray[-1] + 1, width=head.width,
            separator=SEPARATORS[sep], extra=extra))
        stray = [i for i in stray if i < width]
    errors.extend(Message("{where}, column {column}: {value!r} is in a column without a header; "
                          "give the column its header or move the value", where=where(number),
                          column=column_letter(i), value=cell_text(row[i]))
                  for i in stray)
    if sep is not None and not errors:
        errors += _swallowed_rows(row, head, sep, where, number)
    return errors


def _swallowed_rows(row: list[Any], head: SheetHeader, sep: str, where: Where,
                    number: int) -> list[str]:
    """A stray quotation mark closed by another one rows further down makes the rows between
    them one cell; they show as lines with a date where the date column is."""
    date_at = head.fields.index("date")
    errors: list[str] = []
    for i, value in enumerate(row):
        for line in str(value).split("\n")[1:] if value else ():
            parts = next(csv.reader([line], delimiter=sep), [])
            if len(parts) > date_at and is_date(parts[date_at]):
                column = cell_text(head.cells[i]) or column_letter(i)
                errors.append(Message("{where}, column {column}: the cell has a line that looks like a "
                                "row of its own ({line!r}); a quotation mark at the start of the "
                                "cell is closed only rows further down, so the rows between were "
                                "read as part of it; check the quotes", where=where(number),
                                column=column, line=cell_text(line)[:60]))
                break
    return errors


def unsaved_cells(row: list[Any], fields: list[str | None], where: Where,
                  number: int) -> list[str]:
    """A formula cell of a column the guide reads whose result the file does not hold: it
    would read as empty (a date refused as missing, a time lost), so it is named instead."""
    return [Message("{where}, column {column}: cell {cell} holds a formula with no saved result; "
                    "open the file in Excel or LibreOffice and save it again so its values are "
                    "stored", where=where(number), column=LABELS[field], cell=value.cell)
            for value, field in zip(row, fields, strict=False)
            if field and isinstance(value, UnsavedFormula)]
