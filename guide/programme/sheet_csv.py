"""CSV programme sheets: the text's encoding, its separator, and its rows, strictly quoted."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator
from typing import Any

from guide.programme.cells import cell_text
from guide.programme.message import Message
from guide.programme.model import ProgrammeError, ProgrammeUnreadable
from guide.programme.sheet_header import SpreadsheetInvalid, Where, column_letter

SEPARATORS = {",": Message("comma"), ";": Message("semicolon"), "\t": Message("tab")}


def _decode(data: bytes, name: str, is_column: Callable[[str], bool]) -> str:
    # Excel writes UTF-8 with a byte order mark ("CSV UTF-8") or UTF-16 with one ("Unicode
    # Text"); any other encoding is refused, not guessed: GBK bytes often read as valid
    # something-else, and a guess that is wrong garbles every name without a word.
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.encoding.startswith("utf-8"):
            raise _not_utf8(data, name, is_column) from exc
        raise ProgrammeUnreadable(Message(
            "{file} is not UTF-16 text (byte {byte} cannot be read); in Excel use Save As > CSV "
            "UTF-8 (Comma delimited) (*.csv), then import that file", file=name,
            byte=exc.start)) from exc
    if "\0" in text:  # UTF-16 without its byte order mark reads as UTF-8 with a NUL in every letter
        raise ProgrammeUnreadable(Message(
            "{file} is not UTF-8 text (it has NUL characters); in Excel use Save As > CSV UTF-8 "
            "(Comma delimited) (*.csv), then import that file", file=name))
    return text


_UNREAD = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape keeps it


def _not_utf8(data: bytes, name: str, is_column: Callable[[str], bool]) -> ProgrammeError:
    """The error for a file that is not UTF-8 text: each cell that is not, by its row and
    column, when the rest of the file is (a cell pasted from a GBK file into a CSV UTF-8 one:
    more of its rows have Chinese in UTF-8 than have bytes that are not, or it starts with the
    byte order mark of Excel's CSV UTF-8); else the first such cell and how to save the file."""
    lines = io.StringIO(data.decode("utf-8", "surrogateescape").removeprefix("\ufeff")).readlines()
    sep = _separator(lines[0] if lines else "", is_column)
    header: list[str] = []
    bad: list[tuple[int, str, str]] = []  # row, column, cell
    utf8_rows = bad_rows = 0
    try:
        for number, row in enumerate(csv.reader(lines, delimiter=sep), start=1):
            header = header or row
            at = [i for i, cell in enumerate(row) if _UNREAD.search(cell)]
            utf8_rows += not at and not all(cell.isascii() for cell in row)
            bad_rows += bool(at)
            bad += [(number, cell_text(header[i]) if number > 1 and i < len(header) and
                     cell_text(header[i]) else column_letter(i), row[i]) for i in at]
    except csv.Error:  # a quotation mark gone wrong: the reader names it once the text is read
        pass
    if bad and (data.startswith(codecs.BOM_UTF8) or utf8_rows > bad_rows):
        return SpreadsheetInvalid([Message(
            "{where}, column {column}: the cell is not UTF-8 text, though the rest of the file "
            "is ({read}; it may have been pasted from another file): type the cell again and "
            "save the file", where=Where(name)(number), column=column, read=_as_gbk(cell))
            for number, column, cell in bad])
    if bad:
        return ProgrammeUnreadable(Message(
            "{file} is not UTF-8 text (row {row}, column {column} is the first cell that cannot be "
            "read; Excel's plain CSV on Chinese Windows is GBK); in Excel use Save As > CSV UTF-8 "
            "(Comma delimited) (*.csv), then import that file", file=name, row=bad[0][0],
            column=bad[0][1]))
    return ProgrammeUnreadable(Message(
        "{file} is not UTF-8 text (a byte that cannot be read; Excel's plain CSV on Chinese "
        "Windows is GBK); in Excel use Save As > CSV UTF-8 (Comma delimited) (*.csv), then import "
        "that file", file=name))


def _as_gbk(cell: str) -> str:
    """What a cell that is not UTF-8 says read as GBK (else with its bytes replaced)."""
    raw = cell.encode("utf-8", "surrogateescape")
    try:
        return Message("read as GBK it says {text!r}", text=raw.decode("gb18030").strip())
    except UnicodeDecodeError:
        return Message("it reads {text!r}", text=raw.decode("utf-8", "replace").strip())


def _separator(first_line: str, is_column: Callable[[str], bool]) -> str:
    """The separator under which the header line has the most of the template's columns."""
    def known(sep: str) -> int:
        cells = next(csv.reader([first_line], delimiter=sep), [])
        return sum(is_column(c) for c in cells)

    return max(SEPARATORS, key=known)  # ties keep the comma, the first


def _cell_at_bad_quote(raw: str, sep: str) -> tuple[int, str]:
    """(column, raw text) of the cell whose closing quotation mark is followed by more text."""
    column, i, n = 0, 0, len(raw)
    while i < n:
        start = i
        if raw[i] == '"':
            i += 1
            while i < n and not (raw[i] == '"' and raw[i + 1:i + 2] != '"'):
                i += 2 if raw[i] == '"' else 1
            i += 1
            if i < n and raw[i] not in (sep, "\r", "\n"):
                end = i
                while end < n and raw[end] not in (sep, "\r", "\n"):
                    end += 1
                return column, raw[start:end]
        while i < n and raw[i] not in (sep, "\n"):
            i += 1
        i += 1
        column += 1
    return column, ""


def csv_rows(data: bytes, name: str, is_column: Callable[[str], bool]
             ) -> tuple[str, Iterator[list[Any]]]:
    """(separator, rows) of a CSV file; raise ProgrammeError at a quotation mark gone wrong.

    The separator is the one under which the first line has the most cells ``is_column``
    calls a column's header."""
    lines = io.StringIO(_decode(data, name, is_column)).readlines()
    sep = _separator(lines[0] if lines else "", is_column)
    return sep, _csv_records(lines, sep, name)


def _csv_records(lines: list[str], sep: str, name: str) -> Iterator[list[Any]]:
    # Strict: a stray quotation mark is an error, not a cell that quietly swallows the rows
    # after it or loses its quotation marks. Quoted cells over several lines (Excel writes
    # them for a cell with line breaks) are still one cell.
    reader = csv.reader(lines, delimiter=sep, strict=True)
    header: list[str] = []
    number = 0
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            if "expected after" in str(exc):
                column, cell = _cell_at_bad_quote("".join(lines[first - 1:reader.line_num]), sep)
                where = Where(name)(number)
                if column < len(header) and header[column]:
                    where = Message("{where}, column {column}", where=where, column=header[column])
                fixed = '"' + cell.replace('"', '""') + '"'
                raise ProgrammeError(Message(
                    "{where}: the cell {cell} has quotation marks but is not in quotes; write it "
                    "as {fixed} (the whole cell in quotes, each of its quotation marks doubled), "
                    "as Excel saves it", where=where, cell=cell, fixed=fixed)) from exc
            if "unexpected end of data" in str(exc):
                swallowed = reader.line_num - first
                rows = (Message("row {number}", number=number + 1) if swallowed == 1 else
                        Message("rows {first}-{last}", first=number + 1, last=number + swallowed))
                where = Where(name)(number)
                raise ProgrammeError(Message(
                    "{where}: a quotation mark is never closed, so {rows} were read as one cell; "
                    "check the quotes", where=where, rows=rows) if swallowed else Message(
                    "{where}: a quotation mark is never closed, so the file ends inside its cell; "
                    "check the quotes", where=where)) from exc
            raise
        number += 1
        if number == 1:
            header = row
        yield row
