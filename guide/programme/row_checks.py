"""Cells of a programme sheet's row that the guide would lose, each named as a bad cell: a value
outside the header's columns, rows swallowed by one cell of a CSV file, a formula's unsaved result;
and a hidden row, left out and said so."""

from __future__ import annotations

import csv
from typing import Any

from guide.programme.cells import cell_text, is_date
from guide.programme.message import Message
from guide.programme.model import RawEvent
from guide.programme.sheet_csv import SEPARATORS
from guide.programme.sheet_header import LABELS, SheetHeader, Where, column_letter
from guide.programme.workbook import UnsavedFormula


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
        text = str(value) if value else ""
        if "\n" not in text:  # most cells: one line, nothing swallowed
            continue
        for line in text.split("\n")[1:]:
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


def hidden_row(row: list[Any], fields: list[str | None], where: Where, number: int) -> RawEvent:
    """A hidden row (a cancelled session, or one a filter hides), left out and said so."""
    cells = {f: row[i] for i, f in enumerate(fields) if f and i < len(row)}
    title = cell_text(cells.get("title"))
    filtered = getattr(row, "hidden", "") == "filter"
    if title:
        skip = Message("the row ({title}) is hidden by the sheet's filter, so it was not "
                       "loaded; clear the filter (Data > Clear) to import it", title=title) \
            if filtered else Message("the row ({title}) is hidden in the sheet, so it was not "
                                     "loaded; unhide the row to import it", title=title)
    else:
        skip = Message("the row is hidden by the sheet's filter, so it was not loaded; clear "
                       "the filter (Data > Clear) to import it") if filtered else \
            Message("the row is hidden in the sheet, so it was not loaded; unhide the row to "
                    "import it")
    return RawEvent(where=where.row(number), day=None, source_id=cell_text(cells.get("id"))
                    or None, title=title, skip=skip)
