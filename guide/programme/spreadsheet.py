"""Programmes kept in a spreadsheet (.xlsx or .csv) with the template's bilingual headers.

Unlike a conference system's export, a spreadsheet is typed by hand, so a bad cell is
not repaired or skipped: every bad cell is reported as ``FILE: row N, column HEADER:
'VALUE' is not a time`` and nothing is written until the sheet is fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from guide.programme.cells import (
    NOT_A_DATE,
    TIME_FORMS,
    NoonOrMidnight,
    NoYear,
    cell_date,
    cell_shown,
    cell_text,
    cell_time,
    check_end,
    date_clock,
    end_minutes,
    excel_time_hint,
    serial_date,
    time_range,
    typed_time_hint,
)
from guide.programme.day_banner import Banner, banner_notices, day_banner
from guide.programme.message import Message, listed, message_of
from guide.programme.model import RawEvent, RawPerson, RawProgramme
from guide.programme.pack_names import file_title
from guide.programme.row_checks import hidden_row, lost_cells, unsaved_cells
from guide.programme.sheet_book import Book, xlsx_sheets
from guide.programme.sheet_csv import csv_rows
from guide.programme.sheet_dates import (
    SheetDate,
    Yearless,
    far_dates,
    give_years,
    month_day,
    rows_text,
)
from guide.programme.sheet_header import (
    COLUMNS,
    LABELS,
    NO_ID_COLUMN,
    SheetHeader,
    SpreadsheetInvalid,
    Where,
    has_required,
    header_field,
    may_be_header,
    open_sheet,
    repeats_header,
    unknown_columns,
)
from guide.programme.speakers import host_names, role_labels, speaker_names
from guide.programme.template import EXAMPLE_SKIP, is_example, write_template

__all__ = ["COLUMNS", "SpreadsheetInvalid", "read_spreadsheet", "write_template"]


# A row whose title cell is merged down over it continues the session above it (one speaker
# per row) unless it gives one of these of its own: then it is a session of its own (a forum's
# talks under its merged title, each with its own time).
_SAME_SESSION = ("title", "id", "date", "start", "end", "room")
_ADDED = ("speakers", "host")  # what a continuing row adds to its session


def _filled_notice(reader: _SheetReader) -> tuple[str, str]:
    return (rows_text([reader.where.row(n) for n in reader.filled]),
            Message("日期 Date is empty, so the date of the row above is taken: a sheet whose date "
                    "cell is merged over a day's sessions keeps it only in the first row when "
                    "saved as CSV; if a row is on another day, type its date"))


def _header_notice(reader: _SheetReader) -> tuple[str, str]:
    return (rows_text([reader.where.row(n) for n in reader.repeated]),
            Message("repeats the header ({header}), as a block of sessions pasted under another "
                    "with its header does: skipped, not read as a session; the sessions under it "
                    "were read", header=reader.where.row(reader.head.row)))


def _number_notice(reader: _SheetReader, epoch: dt.datetime) -> tuple[str, str]:
    """Said for the date cells of a workbook that hold Excel's date numbers, read as dates."""
    _row, number, day = reader.numbers[0]
    shown = f"{day:%Y-%m-%d %H:%M}" if day.time() != dt.time(0) else f"{day:%Y-%m-%d}"
    where = Message("{where}, column {column}", column="日期 Date",
                    where=rows_text([reader.where.row(n) for n, _number, _day in reader.numbers]))
    if epoch.year == 1904:
        return where, Message(
            "holds Excel's date numbers, not dates shown as such ({number}), read as the dates they "
            "stand for in this workbook ({number} is {date}) (the workbook counts dates from 1904, "
            "as old Mac Excel did: the same number is four years and a day earlier in another "
            "workbook); format the column as a date in Excel (Format Cells > Date) to see them as "
            "dates", number=cell_text(number), date=shown)
    return where, Message(
        "holds Excel's date numbers, not dates shown as such ({number}), read as the dates they "
        "stand for in this workbook ({number} is {date}); format the column as a date in Excel "
        "(Format Cells > Date) to see them as dates", number=cell_text(number), date=shown)


def _label_notice(labelled: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    """Said once for the file: the role labels read before speakers' names (主持：张三)."""
    if not labelled:
        return []
    labels = "、".join(dict.fromkeys(label for _row, found in labelled for label in found))
    return [(Message("{where}, column {column}", where=rows_text([row for row, _found in labelled]),
                     column="嘉宾 Speakers"),
             Message("role labels ({labels}) are not taken as part of the names after them; the "
                     "guide lists a session's moderators and hosts with its other speakers, "
                     "without their role", labels=labels))]


class _SheetReader:
    """Turns one sheet's rows into events; every bad cell goes into ``errors``."""

    def __init__(self, where: Where, sep: str | None, head: SheetHeader, errors: list[str],
                 ids: dict[str, str], epoch: dt.datetime | None = None) -> None:
        self.where, self.sep, self.head, self.fields = where, sep, head, head.fields
        self.epoch = epoch  # a workbook's day 0, for the date numbers in its date cells
        self.numbers: list[tuple[int, Any, dt.datetime]] = []  # (row, number, date) of each
        self.errors = errors
        self.ids = ids  # session id -> the row that has it, over all the workbook's sheets
        self.last: tuple[RawEvent, int, dict[str, Any]] | None = None  # event, its row, cells
        self.dates: list[SheetDate] = []  # each session's date, and its row
        self.yearless: list[Yearless] = []  # sessions whose date has no year (5月27日)
        self.above: Any = None  # a CSV's last date cell, for the empty ones under it
        self.filled: list[int] = []  # the CSV rows that took it
        self.labelled: list[tuple[str, list[str]]] = []  # rows whose speakers have labels
        self.repeated: list[int] = []  # rows that are the header again
        self.labels = LABELS
        # Days' banners (第二天 5月26日（周五）) and the rows that took their date, by banner row;
        # one just above the header gives its date to the rows under it too.
        self.banners: dict[int, tuple[Banner, list[int]]] = {}
        self.banner: int | None = None  # the row of the banner the rows are under
        for at, above in enumerate(head.above, start=1):
            if (banner := day_banner(above)) is not None:
                self.banner = at
                self.banners[at] = (banner, [])

    def read(self, rows: Iterator[list[Any]], first: int) -> Iterator[RawEvent]:
        """The events of ``rows``, the first of which is row ``first`` of the sheet."""
        for number, row in enumerate(rows, start=first):
            if not row:  # quick: a workbook may have a million of them
                continue
            again = self._header_again(row, number)
            if again is None:
                break
            if again:
                continue
            if getattr(row, "hidden", ""):  # not read: neither a session nor a bad cell
                if not self._blank(row):
                    yield hidden_row(row, self.fields, self.where, number)
                continue
            if (banner := day_banner(row)) is not None:  # a heading, not a session
                self.banner, self.banners[number], self.above = number, (banner, []), None
                continue
            lost = lost_cells(row, self.head, self.sep, self.where, number)
            if self.sep is None:  # a CSV file holds text only, never a formula's missing result
                lost += unsaved_cells(row, self.fields, self.where, number)
            if lost:
                self.errors.extend(lost)
                continue
            cells = {f: row[i] if i < len(row) else None for i, f in enumerate(self.fields) if f}
            if self.epoch is not None and (day := serial_date(cells.get("date"), self.epoch)):
                self.numbers.append((number, cells["date"], day))  # a column formatted General
                cells["date"] = day
            if self._blank(row) or self._continues(row, cells, number):
                continue
            if is_example(cell_text(cells.get("title"))):  # left in a filled-in template
                yield RawEvent(where=self.where.row(number), day=None, source_id=None,
                               title=cell_text(cells.get("title")), skip=EXAMPLE_SKIP)
                continue
            event = self._event(cells, number, self._date_from_above(cells, number) or
                                self.fields.index("date") in getattr(row, "continued", ()))
            self.last = (event, number, cells) if event is not None else None
            if event is not None:
                yield event

    def _header_again(self, row: list[Any], number: int) -> bool | None:
        """Whether the row is the header again (skipped, and named in a notice: a second day's
        block pasted under the first with its header had refused the sheet, its header cells
        "not a date"); None for a header in other columns than the sheet's, refused: the rows
        under it would be read in the wrong columns, so the sheet is read no further."""
        if not may_be_header(row, self.head):  # a session's row: no cell to match twice over
            return False
        if repeats_header(row, self.head, under=bool(self.repeated) and self.repeated[-1] == number - 1):
            self.repeated.append(number)
            return True
        if not has_required(list(row)):
            return False
        self.errors.append(Message(
            "{where} is a header row again, with its columns in other places than the header of "
            "row {header}: the rows under it would be read in row {header}'s columns; give them "
            "row {header}'s columns, or put them on a sheet of their own", where=self.where(number),
            header=self.head.row))
        return None

    def _date_from_above(self, cells: dict[str, Any], number: int) -> bool:
        """Whether a row's empty date cell takes the date of the CSV's row above, or of the
        day's banner above it (第二天 5月26日（周五）; it is then in ``cells``). A sheet whose
        date cell is merged over a day's sessions keeps the date only in its first row when
        saved as CSV (a workbook marks the merge, and it is read as such):
        an empty date on a session's row under a dated one means that date, the one reading
        Excel shows, so it is taken, and the rows that took it are named in a notice. Only a
        row with a time (开始 Start or 时间 Time) takes it: a row with a title alone (a 下午
        heading, a session still to be timed) is no session of that day, and its empty date
        is refused as every other one."""
        given = cells.get("date")
        if cell_text(given):
            try:
                cell_date(given)
                self.above = given
            except NoYear:  # 5月27日 goes on down too, and takes the sheet's year
                self.above = given
            except ValueError:  # said for its own row; not repeated for each under it
                self.above = None
            return False
        if not any(cell_text(cells.get(f)) for f in ("start", "time")):
            return False
        if self.sep is not None and self.above is not None:
            cells["date"] = self.above
            self.filled.append(number)
            return True
        banner, took = self.banners[self.banner] if self.banner is not None else (None, [])
        if banner is None or banner.day is None:
            return False
        cells["date"] = banner.day  # the day's banner above: 第二天 5月26日（周五）
        took.append(number)
        return True

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
                self.errors.append(Message(
                    "{where}, column {column}: {value!r} is on a row that continues the session of "
                    "row {first} (its 标题 Title cell is merged down over row {row}), which adds "
                    "only 嘉宾 Speakers and 主办 Host; move the value to row {first}, or unmerge "
                    "the title to make row {row} a session of its own", where=self.where(number),
                    column=self.labels[field], value=cell_shown(value), first=first, row=number))
        event.persons += self._speakers(cells, number)
        event.hosts += [h for h in host_names(cells.get("host")) if h not in event.hosts]
        event.where = self.where.row(first, number)
        return True

    def _speakers(self, cells: dict[str, Any], number: int) -> list[RawPerson]:
        """The row's speakers; the role labels before them (主持：) are kept for a notice."""
        if labels := role_labels(cells.get("speakers")):
            self.labelled.append((self.where.row(number), labels))
        return [RawPerson(p) for p in speaker_names(cells.get("speakers"))]

    def _bad(self, number: int, field: str, message: str, value: Any) -> None:
        where, column = self.where(number), self.labels[field]
        self.errors.append(
            Message("{where}, column {column}: {value!r} {problem}", where=where, column=column,
                    value=cell_shown(value), problem=message) if cell_text(value) else
            Message("{where}, column {column}: {problem}", where=where, column=column,
                    problem=message))

    def _event(self, cells: dict[str, Any], number: int, date_merged: bool) -> RawEvent | None:
        """The event of one row, or None when a cell of it is bad (said in ``errors``);
        ``date_merged``: its date cell is merged down over it from a row above."""
        errors_before = len(self.errors)
        here = self.where.row(number)  # made once: the id's, the date's and the event's place
        # A sheet is typed by hand: the same id twice is a slip, and a bookmark on that id
        # would follow whichever row came first; so both rows are named, not repaired.
        source_id = cell_text(cells.get("id"))
        if source_id in self.ids:
            self._bad(number, "id", Message("is also the id of {where}; every session needs its "
                                            "own id", where=self.ids[source_id]), cells.get("id"))
        elif source_id:
            self.ids[source_id] = here
        title = cell_text(cells.get("title"))
        if not title:
            self._bad(number, "title", Message("is empty; every session needs a title"), None)
        day, yearless = self._date(cells, number)
        start, end, notes = self._times(cells, number, date_merged)
        if len(self.errors) > errors_before or day is None:
            return None
        if not yearless:
            self.dates.append(SheetDate(day, here))
        event = RawEvent(where=here, day=day.isoformat(),
                         source_id=source_id or None, title=title,
                         room=cell_text(cells.get("room")), track=cell_text(cells.get("track")),
                         type=cell_text(cells.get("type")), abstract=cell_text(cells.get("abstract")),
                         notes=notes)
        event.title_en = cell_text(cells.get("title_en"))
        event.abstract_en = cell_text(cells.get("abstract_en"))
        event.hosts = host_names(cells.get("host"))
        if start is not None:
            event.date = dt.datetime.combine(day, start).isoformat()
            if end is not None:
                minutes = end - (start.hour * 60 + start.minute)
                event.duration = f"{minutes // 60}:{minutes % 60:02d}"
        event.persons = self._speakers(cells, number)
        if yearless:
            took = self.banners[self.banner][1] if self.banner is not None else []
            banner = self.banner if number in took else None
            self.yearless.append(Yearless(event, cells.get("date"), self.where(banner or number),
                                          here))  # a banner's, said once at it
        return event

    def _date(self, cells: dict[str, Any], number: int) -> tuple[dt.date | None, bool]:
        """(the row's date, whether its cell gives no year: the date is then in the leap year
        2000 until the sheet's year is known); None, said in ``errors``, when it is no date."""
        value = cell_text(cells.get("date"))
        try:
            return cell_date(cells.get("date")), False
        except NoYear:
            try:  # 2月30日 is no date in any year
                return dt.date(2000, *month_day(value)), True
            except ValueError:
                self._bad(number, "date", NOT_A_DATE, cells.get("date"))
        except ValueError as exc:
            self._bad(number, "date", message_of(exc) if value else Message(
                "is empty; every session needs a date"), cells.get("date"))
        return None, False

    def _times(self, cells: dict[str, Any], number: int, date_merged: bool
               ) -> tuple[dt.time | None, int | None, list[str]]:
        """(start, end as minutes after the day's midnight, notes for the report) of a row.

        A date cell that holds a time too (Excel's 2023-05-25 09:30) gives the start when
        开始 Start is empty, and says so; not when it is merged down from a row above, whose
        session's time it is.
        """
        start, end, note = self._time_cell(cells, number)
        fields: tuple[str, ...] = ("start", "end")
        ranged = None if cell_text(cells.get("time")) else _range_in(cells.get("start"))
        if ranged is not None:  # 9:00-10:30 typed in 开始 Start, as in a 时间 Time column
            fields = ("end",)
            if cell_text(cells.get("end")):
                self._bad(number, "start", Message(
                    "is a range of times, and 结束 End is given too: put only the start in 开始 "
                    "Start and the end in 结束 End"), cells["start"])
            else:
                start, end, note = ranged
        for field in fields:
            if cell_text(cells.get(field)):
                try:
                    if field == "start":
                        start = cell_time(cells[field])
                    else:
                        end = end_minutes(cells[field])
                        if start is not None:
                            check_end(start, cells[field])
                except NoonOrMidnight as exc:
                    self._bad(number, field, message_of(exc), cells[field])
                except ValueError:
                    self._bad(number, field, excel_time_hint(cells[field])
                              or typed_time_hint(cells[field])
                              or Message("is not a time ({forms})", forms=TIME_FORMS), cells[field])
        notes = [note] if note else []
        clock = None if date_merged else date_clock(cells.get("date"))
        if clock is not None and start is None and not cell_text(cells.get("start")):
            start = clock
            notes.append(Message("开始 Start is empty: the time in its 日期 Date cell, {time}, is "
                                 "taken as the start", time=f"{clock:%H:%M}"))
        elif clock is not None and start is not None and start.replace(second=0) != clock:
            notes.append(Message("its 日期 Date cell holds the time {time} too, not 开始 Start "
                                 "{start}; the 开始 Start is kept", time=f"{clock:%H:%M}",
                                 start=f"{start:%H:%M}"))
        if end is not None and start is None and not cell_text(cells.get("start")):
            self._bad(number, "start", Message("is empty but 结束 End is given"), None)
        elif start is not None and end is not None and end <= start.hour * 60 + start.minute:
            said = "end" if cell_text(cells.get("end")) else "start" if ranged else "time"
            self._bad(number, said, Message(
                "is not after 开始 Start {start} (a session that ends after midnight: write "
                "00:30+1 or 次日00:30)", start=start.strftime('%H:%M')) if said == "end" else Message(
                "ends at or before its start {start} (a session that ends after midnight: write "
                "00:30+1 or 次日00:30)", start=start.strftime('%H:%M')), cells.get(said))
        return start, end, notes

    def _time_cell(self, cells: dict[str, Any], number: int
                   ) -> tuple[dt.time | None, int | None, str | None]:
        """(start, end, a note for the report) a 时间 Time column gives: one time is the start,
        a range (09:00-12:00) the start and end; (None, None, None) when it is empty or bad
        (said in ``errors``)."""
        value = cells.get("time")
        if not cell_text(value):
            return None, None, None
        if cell_text(cells.get("start")) or cell_text(cells.get("end")):
            self._bad(number, "time", Message("is a second time beside 开始 Start and 结束 End; give "
                                              "the time in one of them and leave the other empty"),
                      value)
            return None, None, None
        try:
            return time_range(value)
        except NoonOrMidnight as exc:
            self._bad(number, "time", message_of(exc), value)
        except ValueError:
            self._bad(number, "time", typed_time_hint(value) or Message(
                "is not a time or a range of times (e.g. 09:00-12:00, or one start time: {forms})",
                forms=TIME_FORMS), value)
        return None, None, None


def _range_in(value: Any) -> tuple[dt.time, int | None, str | None] | None:
    """(start, end, a note) of a typed range of times (9:00-10:30); None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        start, end, note = time_range(value)
    except ValueError:  # no range: said as no time, where the cell is read as one
        return None
    if end is None:
        return None
    if isinstance(note, Message) and "column" in note.params:
        return start, end, note.with_params(column="开始 Start")
    return start, end, note and note.replace("时间 Time", "开始 Start", 1)


def read_spreadsheet(data: bytes, name: str, kind: str) -> RawProgramme:
    """Read a filled-in template (``kind`` ``xlsx`` or ``csv``): each sheet of a workbook that
    has the template's header row, in order; raise SpreadsheetInvalid on bad cells."""
    sep: str | None = None
    if kind == "xlsx":
        book = xlsx_sheets(data, name)
    else:
        sep, rows = csv_rows(data, name, lambda h: header_field(h) is not None)
        book = Book([(Where(name), rows)])
    sheets, others, left_out = book.sheets, book.others, book.left_out
    programme = RawProgramme(format=kind, title=file_title(Path(name).stem), times_optional=True,
                             left_out=left_out)
    errors: list[str] = []
    ids: dict[str, str] = {}
    without_ids: list[str] = []
    dates: list[SheetDate] = []
    readers: list[_SheetReader] = []
    for where, rows in sheets:
        head, rows = open_sheet(where, rows)
        programme.unread_columns += unknown_columns(head.cells, head.fields, where)
        if "id" not in head.fields:
            without_ids.append(where.row(head.row))
        reader = _SheetReader(where, sep, head, errors, ids, book.epoch)
        readers.append(reader)
        programme.events.extend(reader.read(rows, head.first))
        dates += reader.dates
    give_years([y for r in readers for y in r.yearless], dates, errors, programme.notices)
    far, notices = far_dates(name, dates)
    programme.notices += notices
    programme.notices += [_header_notice(r) for r in readers if r.repeated]
    programme.notices += [n for r in readers for n in banner_notices(r.banners, r.where, r.head.row)]
    programme.notices += [_filled_notice(r) for r in readers if r.filled]
    programme.notices += [_number_notice(r, book.epoch) for r in readers if r.numbers and book.epoch]
    programme.notices += _label_notice([at for r in readers for at in r.labelled])
    errors += far
    if without_ids:  # said once for the file, naming each sheet it is true of
        programme.notices.append((listed(without_ids), NO_ID_COLUMN))
    # Sheets that hold no programme (instructions, a chart) lose nothing: a note, not a
    # session left out.
    programme.notices += others
    if errors:  # once each: the rows under a day's banner without a year say it at the banner
        raise SpreadsheetInvalid(list(dict.fromkeys(errors)))
    return programme
