"""CSV programme sheets: the text's encoding, its separator, and its rows, strictly quoted."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

from guide.programme.model import ProgrammeError, ProgrammeUnreadable

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
_NOT_UTF8 = ("in Excel use Save As > CSV UTF-8 (Comma delimited) (*.csv), then import that file")


def _decode(data: bytes, name: str) -> str:
    # Excel writes UTF-8 with a byte order mark ("CSV UTF-8") or UTF-16 with one ("Unicode
    # Text"); any other encoding is refused, not guessed: GBK bytes often read as valid
    # something-else, and a guess that is wrong garbles every name without a word.
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProgrammeUnreadable(f"{name} is not UTF-8 text (byte {exc.start} cannot be read; "
                                  f"Excel's plain CSV on Chinese Windows is GBK); {_NOT_UTF8}") from exc
    if "\0" in text:  # UTF-16 without its byte order mark reads as UTF-8 with a NUL in every letter
        raise ProgrammeUnreadable(f"{name} is not UTF-8 text (it has NUL characters); {_NOT_UTF8}")
    return text


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
    lines = io.StringIO(_decode(data, name)).readlines()
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
                heading = f", column {header[column]}" if column < len(header) and header[column] else ""
                fixed = '"' + cell.replace('"', '""') + '"'
                raise ProgrammeError(
                    f"{name}: row {number}{heading}: the cell {cell} has quotation marks but is "
                    f"not in quotes; write it as {fixed} (the whole cell in quotes, each of its "
                    "quotation marks doubled), as Excel saves it") from exc
            if "unexpected end of data" in str(exc):
                swallowed = reader.line_num - first
                rows = (f"row {number + 1}" if swallowed == 1 else
                        f"rows {number + 1}-{number + swallowed}")
                raise ProgrammeError(
                    f"{name}: row {number}: a quotation mark is never closed, so "
                    + (f"{rows} were read as one cell" if swallowed else "the file ends inside its cell")
                    + "; check the quotes") from exc
            raise
        number += 1
        if number == 1:
            header = row
        yield row
