"""The rows of one .xlsx sheet as a programme sheet reads them: values, merged cells filled in.

openpyxl's read-only sheets (fast, and light on memory for a large workbook) leave out what
is only in the sheet's XML (merged ranges; which cells hold a formula, with data_only), so
that is read from the XML here.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from guide.programme.cells import shown_number
from guide.programme.message import Message

MAX_MERGED_CELLS = 100_000
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")
# A cell with a formula (<f>, first in a cell), then its saved result <v> if there is one.
_FORMULA = re.compile(rb"<(?:\w+:)?c\s(?P<attrs>[^>]*?)(?<!/)>\s*"
                      rb"<(?:\w+:)?f\b[^>]*?(?:/>|>.*?</(?:\w+:)?f>)\s*"
                      rb"(?P<v><(?:\w+:)?v\b[^>]*?(?:/>|>(?P<value>[^<]*)</(?:\w+:)?v>))?", re.DOTALL)
_REF = re.compile(rb"(?:^|\s)r=\"([A-Z]+[0-9]+)\"")
_ROW = re.compile(rb"<(?:\w+:)?row\s([^>]*)>")
_ROW_NUMBER = re.compile(rb"(?:^|\s)r=\"([0-9]+)\"")
_HIDDEN = re.compile(rb"(?:^|\s)hidden=\"(?:1|true)\"")
_FILTERED = re.compile(rb"<(?:\w+:)?filterColumn\b")  # an autofilter that hides rows
_TYPE = re.compile(rb"(?:^|\s)t=\"(\w+)\"")


def unreadable_reason(data: bytes, exc: BaseException) -> str:
    """Why openpyxl could not open the workbook ``data``, in words for an organiser.

    A zip that starts as one and has lost its end (the directory is the last thing in the
    file) was cut short, as a half-finished copy leaves it; zipfile said only "File is not
    a zip file", where a cut-off XML or JSON schedule says to copy or export it again.
    """
    import zlib

    if data.startswith(b"PK\x03\x04") and isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        if b"PK\x05\x06" not in data[-(1 << 16) - 22:]:  # the end record, within its comment's reach
            return Message("the workbook was cut short (a download or copy that stopped?): "
                           "download or copy it again, or save it from Excel again")
        return Message("the workbook is damaged ({error}): download or copy it again, or save "
                       "it from Excel again", error=str(exc))
    return Message("not a readable .xlsx workbook: {error}", error=str(exc))


class UnsavedFormula:
    """The value of a formula cell whose result the file does not hold: its writer did not
    calculate (a script's openpyxl), so the cell reads as empty; ``cell`` says where (C5)."""

    def __init__(self, cell: str) -> None:
        self.cell = cell

    def __str__(self) -> str:
        return ""  # as blank as it reads: the programme sheet names it before any other check

    def __repr__(self) -> str:
        return f"UnsavedFormula({self.cell!r})"


class SheetRow(list[Any]):
    """A sheet row's values; ``continued`` holds the columns whose cell lies in a range merged
    down from an earlier row (its value is that row's): a session spread over merged rows;
    ``hidden`` says whether the row is hidden: "row" (by hand: a cancelled session), "filter"
    (by the sheet's filter), or "" (shown)."""

    continued: frozenset[int] = frozenset()
    hidden: str = ""


def _sheet_xml(data: bytes, sheet: Any) -> bytes:
    """The XML of ``sheet`` in the workbook ``data`` (empty when openpyxl does not say where)."""
    path = getattr(sheet, "_worksheet_path", None)  # openpyxl 3.x
    if not path:
        return b""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(path)


def _merged(xml: bytes) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell of a merged range below or beside its first (row, column, 0-based) -> that
    first cell: organisers merge a day's date cell over its sessions. openpyxl's read-only
    sheets do not read the ranges, so they are read from the sheet's XML."""
    from openpyxl.utils.cell import range_boundaries

    cells: dict[tuple[int, int], tuple[int, int]] = {}
    for first, last in _MERGE.findall(xml):
        col0, row0, col1, row1 = range_boundaries(f"{first.decode()}:{last.decode()}")
        if (row1 - row0 + 1) * (col1 - col0 + 1) > MAX_MERGED_CELLS - len(cells):
            continue  # a range over a whole column: not a day's date (its rows say "empty")
        for row in range(row0 - 1, row1):
            for col in range(col0 - 1, col1):
                if (row, col) != (row0 - 1, col0 - 1):
                    cells[(row, col)] = (row0 - 1, col0 - 1)
    return cells


def _hidden(xml: bytes) -> dict[int, str]:
    """Row (0-based) -> how it is hidden ("row", or "filter" when the sheet has a filter that
    hides rows), for each hidden row; openpyxl's read-only sheets do not say."""
    if b'hidden="' not in xml:
        return {}
    how = "filter" if _FILTERED.search(xml) else "row"
    rows: dict[int, str] = {}
    for attrs in _ROW.findall(xml):
        number = _ROW_NUMBER.search(attrs)
        if number is not None and _HIDDEN.search(attrs):
            rows[int(number[1]) - 1] = how
    return rows


def _unsaved(xml: bytes) -> dict[int, list[tuple[int, str]]]:
    """Row (0-based) -> (column, cell name) of each formula cell without a saved result.

    Excel and LibreOffice save each formula's result beside it, and openpyxl reads only that
    (the workbook is opened with data_only); a program that writes formulas without
    calculating them (openpyxl itself) leaves no result, or an empty one, and the cell reads
    as empty. An empty result of type "str" is a formula's empty text, saved.
    """
    from openpyxl.utils.cell import coordinate_to_tuple

    cells: dict[int, list[tuple[int, str]]] = {}
    if b"<f" not in xml and b":f" not in xml:  # no formula at all: the usual sheet, at once
        return cells
    for match in _FORMULA.finditer(xml):
        ref, kind = _REF.search(match["attrs"]), _TYPE.search(match["attrs"])
        saved = match["v"] is not None and (
            (match["value"] or b"").strip() != b"" or (kind is not None and kind[1] == b"str"))
        if ref is None or saved:
            continue
        row, col = coordinate_to_tuple(ref[1].decode())
        cells.setdefault(row - 1, []).append((col - 1, ref[1].decode()))
    return cells


def sheet_rows(data: bytes, sheet: Any) -> Iterator[SheetRow]:
    """The rows of ``sheet`` (of the workbook ``data``, opened read-only) as lists of values,
    each cell of a merged range holding the value of the range's first cell, and a formula
    cell without a saved result an :class:`UnsavedFormula`."""
    xml = _sheet_xml(data, sheet)
    return _rows(sheet, _merged(xml), _unsaved(xml), _hidden(xml))


def _rows(sheet: Any, merged: dict[tuple[int, int], tuple[int, int]],
          unsaved: dict[int, list[tuple[int, str]]], hidden: dict[int, str]) -> Iterator[SheetRow]:
    # The sheet's own dimension may claim a million rows and 16,384 columns for one formatted
    # empty cell in the far corner; without it openpyxl gives each row only up to its last
    # cell, and rows the file does not have as empty lists, which cost next to nothing.
    sheet.reset_dimensions()
    firsts = set(merged.values())
    seen: dict[tuple[int, int], Any] = {}  # values of merged ranges' first cells
    for number, row in enumerate(sheet.iter_rows()):
        # A number as its cell shows it (9.30 under 0.00): what the organiser sees and looks for.
        values = [shown_number(cell.value, getattr(cell, "number_format", "General")) for cell in row]
        for col, cell in unsaved.get(number, ()):
            values += [None] * (col + 1 - len(values))
            values[col] = UnsavedFormula(cell)
        continued: set[int] = set()
        if merged:
            for col, value in enumerate(values):
                if (number, col) in firsts:
                    seen[(number, col)] = value
            width = max([len(values)] + [c + 1 for (r, c) in merged if r == number])
            values += [None] * (width - len(values))
            for col in range(width):
                if (number, col) in merged:
                    values[col] = seen.get(merged[(number, col)])
                    if merged[(number, col)][0] < number:
                        continued.add(col)
        row = SheetRow(values)
        row.continued = frozenset(continued)
        row.hidden = hidden.get(number, "")
        yield row
