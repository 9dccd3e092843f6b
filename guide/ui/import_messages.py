"""The programme importer's messages in the interface's language.

The importer (guide/programme, no Qt) says what it refused, left out, repaired or would have
staff know as :class:`~guide.programme.message.Message` objects: English text that keeps its
template ("{where}, column {column}: {value!r} {problem}") and values. Here each template the
importer uses is listed for Qt Linguist, and :func:`said` puts a message into the interface's
language: its template translated, its values filled in (a value that is a message, such as
the "row 5" in "programme.csv: row 5", said the same way). Row numbers, column names, file
names and times stay as the file gives them. Text that is no Message, a template not listed
here, or a translation that lost one of its fields, stays English, as the command line says it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP

from guide.programme.message import Message
from guide.ui import text as tx
from guide.ui.import_wording import IN_WINDOW

log = logging.getLogger(__name__)


def said(text: str) -> str:
    """``text`` in the interface's language when it is an importer message this module knows,
    else as it is."""
    if not isinstance(text, Message) or text.template not in TEMPLATES:
        return str(text)
    template = tx.tr(str(IN_WINDOW.get(text.template, text.template)))  # no command-line advice
    if not text.params:
        return template
    values = {name: said(value) if isinstance(value, str) else value
              for name, value in text.params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation whose fields differ from the source's
        log.warning("the translation of %r does not fit its values; shown in English", text.template)
        return str(text)


def said_all(texts: Sequence[str]) -> list[str]:
    """Each of ``texts`` in the interface's language (see :func:`said`)."""
    return [said(text) for text in texts]


def import_notes_text(skipped: tuple[str, ...], repaired: tuple[str, ...],
                      notices: tuple[str, ...] = (), columns: tuple[str, ...] = (), *,
                      shown: int) -> str:
    """What an imported programme left out or repaired, the first ``shown`` of each with where
    and why (``guide import FILE --report R.json`` lists them all), and what the staff member
    should know of the file as a whole (a sheet without ids: bookmarks will not follow edits),
    and the sheet's columns it did not read, headed as columns: they are no sessions left out.
    Each note is said in the UI's language (:func:`said`)."""
    lines = []
    for heading, notes in ((tx.tr("Please note (%1):"), notices),
                           (tx.tr("Left out of the file (%1):"), skipped),
                           (tx.tr("Columns not read (%1):"), columns),
                           (tx.tr("Repaired (%1):"), repaired)):
        if notes:
            lines.append(heading.replace("%1", str(len(notes))))
            lines += [f"   {note}" for note in said_all(notes[:shown])]
            if len(notes) > shown:
                lines.append("   " + tx.tr("... and %1 more").replace(
                    "%1", str(len(notes) - shown)))
    return "\n".join(lines)


# Every template of guide/programme (and the staff import's in guide/updates/programme.py), by
# the module that says it; tests/test_ui_import_messages.py checks that the two lists agree.
TEMPLATES = frozenset({
    # message.py
    QT_TRANSLATE_NOOP("tx", "the file"),
    QT_TRANSLATE_NOOP("tx", "{first} and {second}"),
    QT_TRANSLATE_NOOP("tx", "{first}, {rest}"),
    QT_TRANSLATE_NOOP("tx", "{items} and {count} more"),
    QT_TRANSLATE_NOOP("tx", "{first}; {rest}"),
    # sheet_header.py
    QT_TRANSLATE_NOOP("tx", "the sheet has no 编号 ID column, so each session is known by its title, date, "
                            "start time and room: a visitor's bookmark on a session will not follow it to "
                            "an update in which any of these was changed (it shows as no longer in the "
                            "guide). Add a column headed 编号 (or ID) with a text of each session's own "
                            "({examples}) and keep it the same in every update, as the template's first "
                            "column"),
    QT_TRANSLATE_NOOP("tx", "column {column}"),
    QT_TRANSLATE_NOOP("tx", "sheet {sheet}, {where}"),
    QT_TRANSLATE_NOOP("tx", "{file}: sheet {sheet}"),
    QT_TRANSLATE_NOOP("tx", "{where}: columns {columns} each hold {field}; keep one of them (the others "
                            "would be lost)"),
    QT_TRANSLATE_NOOP("tx", "\"{header}\" is not a column the guide reads; its cells were not loaded"),
    QT_TRANSLATE_NOOP("tx", "{where}: empty sheet; start from `guide import --template`"),
    QT_TRANSLATE_NOOP("tx", "{where}: row 1 lacks the column(s) {columns}; start from `guide import "
                            "--template`"),
    # sheet_csv.py
    QT_TRANSLATE_NOOP("tx", "comma"),
    QT_TRANSLATE_NOOP("tx", "semicolon"),
    QT_TRANSLATE_NOOP("tx", "tab"),
    QT_TRANSLATE_NOOP("tx", "{file} is not UTF-8 text (a byte that cannot be read; Excel's plain CSV on "
                            "Chinese Windows is GBK); in Excel use Save As > CSV UTF-8 (Comma delimited) "
                            "(*.csv), then import that file"),
    QT_TRANSLATE_NOOP("tx", "read as GBK it says {text!r}"),
    QT_TRANSLATE_NOOP("tx", "{file} is not UTF-8 text (it has NUL characters); in Excel use Save As > CSV "
                            "UTF-8 (Comma delimited) (*.csv), then import that file"),
    QT_TRANSLATE_NOOP("tx", "{file} is not UTF-8 text (row {row}, column {column} is the first cell that "
                            "cannot be read; Excel's plain CSV on Chinese Windows is GBK); in Excel use "
                            "Save As > CSV UTF-8 (Comma delimited) (*.csv), then import that file"),
    QT_TRANSLATE_NOOP("tx", "it reads {text!r}"),
    QT_TRANSLATE_NOOP("tx", "{file} is not UTF-16 text (byte {byte} cannot be read); in Excel use Save As "
                            "> CSV UTF-8 (Comma delimited) (*.csv), then import that file"),
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}: the cell is not UTF-8 text, though the rest of the "
                            "file is ({read}; it may have been pasted from another file): type the cell "
                            "again and save the file"),
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}"),
    QT_TRANSLATE_NOOP("tx", "{where}: the cell {cell} has quotation marks but is not in quotes; write it "
                            "as {fixed} (the whole cell in quotes, each of its quotation marks doubled), "
                            "as Excel saves it"),
    QT_TRANSLATE_NOOP("tx", "row {number}"),
    QT_TRANSLATE_NOOP("tx", "rows {first}-{last}"),
    QT_TRANSLATE_NOOP("tx", "{where}: a quotation mark is never closed, so {rows} were read as one cell; "
                            "check the quotes"),
    QT_TRANSLATE_NOOP("tx", "{where}: a quotation mark is never closed, so the file ends inside its cell; "
                            "check the quotes"),
    # sheet_book.py, row_checks.py
    QT_TRANSLATE_NOOP("tx", "the sheet is hidden in the workbook, so its {count} row(s) under the header "
                            "were not loaded; right-click a sheet's tab > Unhide to import them"),
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}: cell {cell} holds a formula with no saved result; "
                            "open the file in Excel or LibreOffice and save it again so its values are "
                            "stored"),
    QT_TRANSLATE_NOOP("tx", "{before}; {where}, which has them, is hidden: right-click a sheet's tab > "
                            "Unhide if it is the programme"),
    QT_TRANSLATE_NOOP("tx", "{file}: none of its sheets ({sheets}) has the columns {first}, {second} in "
                            "one of its first {rows} rows{hidden}; start from `guide import --template`"),
    QT_TRANSLATE_NOOP("tx", "is hidden in the workbook, and not read as part of the programme"),
    QT_TRANSLATE_NOOP("tx", "{where} has {cells} cells but the header row has {width}: a {separator} "
                            "inside a cell needs the cell in quotes (the cells past the last column: "
                            "{extra})"),
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}: {value!r} is in a column without a header; give the "
                            "column its header or move the value"),
    QT_TRANSLATE_NOOP("tx", "sheet {sheet}"),
    QT_TRANSLATE_NOOP("tx", "has no header row with {first} and {second} in its first {rows} rows, so it "
                            "is not read as part of the programme"),
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}: the cell has a line that looks like a row of its "
                            "own ({line!r}); a quotation mark at the start of the cell is closed only rows "
                            "further down, so the rows between were read as part of it; check the quotes"),
    # spreadsheet.py
    QT_TRANSLATE_NOOP("tx", "日期 Date is empty, so the date of the row above is taken: a sheet whose date "
                            "cell is merged over a day's sessions keeps it only in the first row when "
                            "saved as CSV; if a row is on another day, type its date"),
    QT_TRANSLATE_NOOP("tx", "role labels ({labels}) are not taken as part of the names after them; the "
                            "guide lists a session's moderators and hosts with its other speakers, without "
                            "their role"),
    QT_TRANSLATE_NOOP("tx", "the row ({title}) is hidden by the sheet's filter, so it was not loaded; "
                            "clear the filter (Data > Clear) to import it"),
    QT_TRANSLATE_NOOP("tx", "the row ({title}) is hidden in the sheet, so it was not loaded; unhide the "
                            "row to import it"),
    QT_TRANSLATE_NOOP("tx", "the row is hidden by the sheet's filter, so it was not loaded; clear the "
                            "filter (Data > Clear) to import it"),
    QT_TRANSLATE_NOOP("tx", "the row is hidden in the sheet, so it was not loaded; unhide the row to "
                            "import it"),
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}: {value!r} {problem}"),
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}: {problem}"),
    QT_TRANSLATE_NOOP("tx", "is also the id of {where}; every session needs its own id"),
    QT_TRANSLATE_NOOP("tx", "is empty; every session needs a title"),
    QT_TRANSLATE_NOOP("tx", "开始 Start is empty: the time in its 日期 Date cell, {time}, is taken as the "
                            "start"),
    QT_TRANSLATE_NOOP("tx", "is empty but 结束 End is given"),
    QT_TRANSLATE_NOOP("tx", "is a second time beside 开始 Start and 结束 End; give the time in one of them "
                            "and leave the other empty"),
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}: {value!r} is on a row that continues the session of "
                            "row {first} (its 标题 Title cell is merged down over row {row}), which adds "
                            "only 嘉宾 Speakers and 主办 Host; move the value to row {first}, or unmerge "
                            "the title to make row {row} a session of its own"),
    QT_TRANSLATE_NOOP("tx", "is a range of times, and 结束 End is given too: put only the start in 开始 "
                            "Start and the end in 结束 End"),
    QT_TRANSLATE_NOOP("tx", "its 日期 Date cell holds the time {time} too, not 开始 Start {start}; the "
                            "开始 Start is kept"),
    QT_TRANSLATE_NOOP("tx", "is not a time or a range of times (e.g. 09:00-12:00, or one start time: "
                            "{forms})"),
    QT_TRANSLATE_NOOP("tx", "is empty; every session needs a date"),
    QT_TRANSLATE_NOOP("tx", "is not after 开始 Start {start} (a session that ends after midnight: write "
                            "00:30+1 or 次日00:30)"),
    QT_TRANSLATE_NOOP("tx", "ends at or before its start {start} (a session that ends after midnight: "
                            "write 00:30+1 or 次日00:30)"),
    QT_TRANSLATE_NOOP("tx", "is not a time ({forms})"),
    QT_TRANSLATE_NOOP("tx", "repeats the header ({header}), as a block of sessions pasted under another "
                            "with its header does: skipped, not read as a session; the sessions under "
                            "it were read"),
    # parse_reasons.py
    QT_TRANSLATE_NOOP("tx", "not well-formed (invalid token)"),
    QT_TRANSLATE_NOOP("tx", "mismatched tag"),
    QT_TRANSLATE_NOOP("tx", "unclosed token"),
    QT_TRANSLATE_NOOP("tx", "no element found"),
    QT_TRANSLATE_NOOP("tx", "syntax error"),
    QT_TRANSLATE_NOOP("tx", "junk after document element"),
    QT_TRANSLATE_NOOP("tx", "undefined entity"),
    QT_TRANSLATE_NOOP("tx", "duplicate attribute"),
    QT_TRANSLATE_NOOP("tx", "unbound prefix"),
    QT_TRANSLATE_NOOP("tx", "unclosed CDATA section"),
    QT_TRANSLATE_NOOP("tx", "reference to invalid character number"),
    QT_TRANSLATE_NOOP("tx", "XML or text declaration not at start of entity"),
    QT_TRANSLATE_NOOP("tx", "Expecting value"),
    QT_TRANSLATE_NOOP("tx", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("tx", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("tx", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("tx", "Extra data"),
    QT_TRANSLATE_NOOP("tx", "Invalid control character at"),
    QT_TRANSLATE_NOOP("tx", "Invalid \\escape"),
    # day_banner.py
    QT_TRANSLATE_NOOP("tx", "is a day's heading ({headings}), not a session: skipped; the sessions under "
                            "it were read"),
    QT_TRANSLATE_NOOP("tx", "is empty, so the date of the day's heading above it, {row} ({heading!r}), is "
                            "taken: {date}"),
    QT_TRANSLATE_NOOP("tx", "holds Excel's date numbers, not dates shown as such ({number}), read as the "
                            "dates they stand for in this workbook ({number} is {date}) (the workbook "
                            "counts dates from 1904, as old Mac Excel did: the same number is four "
                            "years and a day earlier in another workbook); format the column as a date "
                            "in Excel (Format Cells > Date) to see them as dates"),
    QT_TRANSLATE_NOOP("tx", "holds Excel's date numbers, not dates shown as such ({number}), read as the "
                            "dates they stand for in this workbook ({number} is {date}); format the "
                            "column as a date in Excel (Format Cells > Date) to see them as dates"),
    QT_TRANSLATE_NOOP("tx", "{where} is a header row again, with its columns in other places than the "
                            "header of row {header}: the rows under it would be read in row {header}'s "
                            "columns; give them row {header}'s columns, or put them on a sheet of their "
                            "own"),
    # cells.py
    QT_TRANSLATE_NOOP("tx", "is not a date (YYYY-MM-DD)"),
    QT_TRANSLATE_NOOP("tx", "HH:MM or HH:MM:SS, e.g. 14:00; 14.00 or 1400; or with 上午/下午 or AM/PM, "
                            "e.g. 下午2点, 2:00 PM"),
    QT_TRANSLATE_NOOP("tx", "is a number, not a date: it looks like an Excel date number (in Excel, "
                            "{number} is {date}); format the column as a date in Excel (Format Cells > "
                            "Date) and save the file again"),
    QT_TRANSLATE_NOOP("tx", "is a number, not a time: it looks like an Excel time number (in Excel, "
                            "{number} is {time}); format the column as a time in Excel (Format Cells > "
                            "Time) and save the file again"),
    QT_TRANSLATE_NOOP("tx", "Monday (周一)"),
    QT_TRANSLATE_NOOP("tx", "Tuesday (周二)"),
    QT_TRANSLATE_NOOP("tx", "Wednesday (周三)"),
    QT_TRANSLATE_NOOP("tx", "Thursday (周四)"),
    QT_TRANSLATE_NOOP("tx", "Friday (周五)"),
    QT_TRANSLATE_NOOP("tx", "Saturday (周六)"),
    QT_TRANSLATE_NOOP("tx", "Sunday (周日)"),
    QT_TRANSLATE_NOOP("tx", "{column} {value!r} ends at {end}, before its start {start}: read as {read}, "
                            "on a twelve-hour clock; if that is wrong, type the end on the 24-hour clock"),
    QT_TRANSLATE_NOOP("tx", "has no year ({month}月{day}日): write the date with its year, e.g. "
                            "2023-{month:02d}-{day:02d}"),
    QT_TRANSLATE_NOOP("tx", "says {said}, but {date} is a {weekday}; correct the date or the weekday"),
    QT_TRANSLATE_NOOP("tx", "could be read day first or month first; write it as YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("tx", "ends at 12:00 AM, after a morning start: that is midnight, but it is often "
                            "typed for noon; write 12:00 or 12:00 PM for noon, 24:00 for midnight"),
    QT_TRANSLATE_NOOP("tx", "has a time after its date that is not one ({time})"),
    QT_TRANSLATE_NOOP("tx", "is a number that is no time of day: a time is HH:MM (14:00), or 14.00 or "
                            "1400, with hours 0-23 and minutes 00-59"),
    QT_TRANSLATE_NOOP("tx", "is an hour without its minutes; Excel keeps {typed}, typed in a cell "
                            "formatted as a number, as {number}: write the time as HH:MM, e.g. "
                            "{example}"),
    QT_TRANSLATE_NOOP("tx", "is an hour without its minutes: write the time as HH:MM, e.g. {example}"),
    QT_TRANSLATE_NOOP("tx", "has one digit after the dot, so its minutes are unclear ({shown} or "
                            "{other}?); Excel keeps {typed}, typed in a cell formatted as a number, as "
                            "{number}: write the time as HH:MM, e.g. {shown}"),
    QT_TRANSLATE_NOOP("tx", "has one digit after the dot, so its minutes are unclear ({shown} or "
                            "{other}?): write the time as HH:MM, e.g. {shown}"),
    QT_TRANSLATE_NOOP("tx", "holds the number {number}: {minutes} if the dot parts hours from minutes, "
                            "or {half} if the column counts hours in decimals; which one is not "
                            "guessed: write the time as HH:MM, {minutes} or {half}"),
    # sheet_dates.py
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}: {value!r} has no year ({why}); write the date with "
                            "its year, e.g. {example}"),
    QT_TRANSLATE_NOOP("tx", "{first} or {second}"),
    QT_TRANSLATE_NOOP("tx", "{count} months before"),
    QT_TRANSLATE_NOOP("tx", "{count} months after"),
    QT_TRANSLATE_NOOP("tx", "{first} to {last}"),
    QT_TRANSLATE_NOOP("tx", "{count} years before"),
    QT_TRANSLATE_NOOP("tx", "{count} years after"),
    QT_TRANSLATE_NOOP("tx", "日期 Date gives no year; {year} is taken, the year that puts it near the "
                            "file's other dates"),
    QT_TRANSLATE_NOOP("tx", "{where}: {date!r} is {apart} the programme's other dates ({span}): a year "
                            "typed wrong? Correct it; a programme of more than a year is imported a year "
                            "at a time"),
    QT_TRANSLATE_NOOP("tx", "no other date of the file gives it"),
    QT_TRANSLATE_NOOP("tx", "{date!r} is {apart} the programme's other dates ({span}); check its year"),
    QT_TRANSLATE_NOOP("tx", "{where}, column {column}: {value!r} {problem} (in {year}, the year that puts "
                            "it near the file's other dates)"),
    QT_TRANSLATE_NOOP("tx", "it could be in {years}, each near the file's other dates"),
    QT_TRANSLATE_NOOP("tx", "no year puts it within three months of the file's other dates"),
    # template.py
    QT_TRANSLATE_NOOP("tx", "the template's example row (its 标题 Title is still the example's), not "
                            "imported; overwrite it with a session or delete the row"),
    # workbook.py
    QT_TRANSLATE_NOOP("tx", "not a readable .xlsx workbook: {error}"),
    QT_TRANSLATE_NOOP("tx", "the workbook is damaged ({error}): download or copy it again, or save it from "
                            "Excel again"),
    QT_TRANSLATE_NOOP("tx", "the workbook was cut short (a download or copy that stopped?): download or "
                            "copy it again, or save it from Excel again"),
    # test_entries.py
    QT_TRANSLATE_NOOP("tx", "looks like test data: its title {title!r} and its room {room!r} say test and "
                            "it has no description; left out (give it a real title, or import with "
                            "--keep-test-entries to keep it)"),
    QT_TRANSLATE_NOOP("tx", "room {room}"),
    QT_TRANSLATE_NOOP("tx", "the room's name looks like test data; kept, with {count} session(s)"),
    QT_TRANSLATE_NOOP("tx", "looks like test data and has no session left; left out"),
    QT_TRANSLATE_NOOP("tx", "{title!r} looks like test data (its title and room); kept: delete it from the "
                            "schedule if it is not a real session"),
    QT_TRANSLATE_NOOP("tx", "{title!r} looks like test data (its title); kept: delete it from the schedule "
                            "if it is not a real session"),
    # normalise.py
    QT_TRANSLATE_NOOP("tx", "{hours} hours"),
    QT_TRANSLATE_NOOP("tx", "{time} does not exist on {date} in {zone} (the clocks go forward); read as "
                            "{read}, the session keeping its length: check the times"),
    QT_TRANSLATE_NOOP("tx", "{hours} hours {minutes} minutes"),
    QT_TRANSLATE_NOOP("tx", "ends after the year 9999 (starts {date}, lasts {length})"),
    QT_TRANSLATE_NOOP("tx", "the date {date} is out of range: its time zone then was {offset} from UTC, "
                            "before standard time; check the year"),
    QT_TRANSLATE_NOOP("tx", "no title"),
    QT_TRANSLATE_NOOP("tx", "id {id} is used twice; this second event gets an id of its own"),
    QT_TRANSLATE_NOOP("tx", "HTML that was escaped twice was decoded"),
    QT_TRANSLATE_NOOP("tx", "link {url!r} is not an absolute http(s) address; left out"),
    QT_TRANSLATE_NOOP("tx", "no room given; the session is listed without one"),
    QT_TRANSLATE_NOOP("tx", "{source} gives times without a UTC offset or time zone; name the zone they "
                            "are in with --timezone, e.g. --timezone {example}"),
    QT_TRANSLATE_NOOP("tx", "neither a date-time nor a day and start time"),
    QT_TRANSLATE_NOOP("tx", "lasts {length} (duration {duration}); it is shown as on for all that time: "
                            "check the duration"),
    QT_TRANSLATE_NOOP("tx", "duplicate of session {id} (same id, title and start)"),
    QT_TRANSLATE_NOOP("tx", "start time unreadable: {problem}"),
    QT_TRANSLATE_NOOP("tx", "<start> {start} disagrees with <date> {date}; the date's time is kept"),
    QT_TRANSLATE_NOOP("tx", "ends before it starts (duration {duration})"),
    QT_TRANSLATE_NOOP("tx", "no duration"),
    # times.py
    QT_TRANSLATE_NOOP("tx", "duration {text!r} is not H:MM, HH:MM or HH:MM:SS"),
    QT_TRANSLATE_NOOP("tx", "{text!r} is not a time of day (HH:MM)"),
    QT_TRANSLATE_NOOP("tx", "{source}: its time zone {zone!r} is not a known time zone; give the zone its "
                            "times are in with --timezone, e.g. {example} (IANA names), or correct it in "
                            "the file"),
    QT_TRANSLATE_NOOP("tx", "{text!r} is not a date and time (YYYY-MM-DDTHH:MM, with or without an offset "
                            "such as +08:00)"),
    QT_TRANSLATE_NOOP("tx", "--timezone {zone!r} is not a known time zone (IANA names such as "
                            "Europe/Brussels or Asia/Shanghai)"),
    QT_TRANSLATE_NOOP("tx", "the file names no time zone and the content in use names {zone!r}, which is "
                            "not a known time zone; give the zone the file's times are in with --timezone, "
                            "e.g. {example} (IANA names)"),
    # importer.py
    QT_TRANSLATE_NOOP("tx", "frab XML schedule"),
    QT_TRANSLATE_NOOP("tx", "frab JSON schedule"),
    QT_TRANSLATE_NOOP("tx", "iCalendar"),
    QT_TRANSLATE_NOOP("tx", "CSV spreadsheet"),
    QT_TRANSLATE_NOOP("tx", "Excel spreadsheet"),
    QT_TRANSLATE_NOOP("tx", "{file}: not a schedule this version reads ({formats})"),
    QT_TRANSLATE_NOOP("tx", "nested too deeply"),
    QT_TRANSLATE_NOOP("tx", "{source}: no such file"),
    QT_TRANSLATE_NOOP("tx", "{file}: XML, but not a frab schedule (no <schedule>)"),
    QT_TRANSLATE_NOOP("tx", "{file}: the file is empty"),
    QT_TRANSLATE_NOOP("tx", "format {format!r} cannot be imported; this version reads {formats}"),
    QT_TRANSLATE_NOOP("tx", "{source}: larger than {size} MB; not a schedule?"),
    QT_TRANSLATE_NOOP("tx", "{file}: not a readable {format} file: {reason}"),
    QT_TRANSLATE_NOOP("tx", "{file}: no session could be imported ({count} skipped: {why})"),
    QT_TRANSLATE_NOOP("tx", "{file}: no session could be imported"),
    QT_TRANSLATE_NOOP("tx", "{source}: cannot download: {error}"),
    # office_files.py
    QT_TRANSLATE_NOOP("tx", "open it in Excel and save it as .xlsx (Excel Workbook), then import that file"),
    QT_TRANSLATE_NOOP("tx", "copy the programme's table into Excel and save it as .xlsx (Excel Workbook), "
                            "then import that file"),
    QT_TRANSLATE_NOOP("tx", "an Excel binary workbook (.xlsb)"),
    QT_TRANSLATE_NOOP("tx", "an Apple Numbers spreadsheet"),
    QT_TRANSLATE_NOOP("tx", "in Numbers choose File > Export To > Excel, then import that .xlsx file"),
    QT_TRANSLATE_NOOP("tx", "a Word document, not a spreadsheet"),
    QT_TRANSLATE_NOOP("tx", "a PowerPoint presentation, not a spreadsheet"),
    QT_TRANSLATE_NOOP("tx", "a content pack (.guidepack), not a programme"),
    QT_TRANSLATE_NOOP("tx", "apply it with `guide update apply --file FILE` (in the guide: the staff "
                            "menu's \"Open content pack...\")"),
    QT_TRANSLATE_NOOP("tx", "a zip archive, not a spreadsheet"),
    QT_TRANSLATE_NOOP("tx", "{file}: {what}, which the guide cannot read: {advice}"),
    QT_TRANSLATE_NOOP("tx", "open it in Excel and save it as .xlsx (Excel Workbook) without a password, "
                            "then import that file"),
    QT_TRANSLATE_NOOP("tx", "an OpenDocument {kind} file, not a spreadsheet"),
    QT_TRANSLATE_NOOP("tx", "unzip it and import the programme inside ({files})"),
    QT_TRANSLATE_NOOP("tx", "unzip it and import the programme's .xlsx or .csv file inside"),
    QT_TRANSLATE_NOOP("tx", "an Excel 97-2003 .xls or a password-protected workbook"),
    QT_TRANSLATE_NOOP("tx", "{file}: a web page (HTML), not a spreadsheet, (systems often export tables "
                            "this way): {advice}"),
    QT_TRANSLATE_NOOP("tx", "an OpenDocument spreadsheet (.ods)"),
    QT_TRANSLATE_NOOP("tx", "open it in LibreOffice or Excel and save it as .xlsx (Excel Workbook), then "
                            "import that file"),
    QT_TRANSLATE_NOOP("tx", "an OpenDocument spreadsheet (.ods, as LibreOffice and WPS save it)"),
    QT_TRANSLATE_NOOP("tx", "open it in LibreOffice Calc, WPS or Excel and save it as .xlsx (Excel "
                            "Workbook), then import that file"),
    QT_TRANSLATE_NOOP("tx", "a password-protected workbook"),
    QT_TRANSLATE_NOOP("tx", "an Excel 97-2003 .xls workbook"),
    QT_TRANSLATE_NOOP("tx", "{file}: a web page (HTML), not a spreadsheet, though its name ends in .xls "
                            "(systems often export tables this way): {advice}"),
    # programme.py
    QT_TRANSLATE_NOOP("tx", "{file}: {count} bad cell(s)"),
    QT_TRANSLATE_NOOP("tx", "the imported programme does not validate"),
    # frab.py
    QT_TRANSLATE_NOOP("tx", "day {day}, room {room}, event {event}"),
    QT_TRANSLATE_NOOP("tx", "the XML is not well-formed at line {line}, column {column} ({what})"),
    QT_TRANSLATE_NOOP("tx", "the file ends in the middle of the schedule (line {line}); it was cut short "
                            "(a download or copy that stopped?): download or export it again"),
    QT_TRANSLATE_NOOP("tx", "{where}: its date {date!r} is not written YYYY-MM-DD (e.g. 2023-05-25)"),
    QT_TRANSLATE_NOOP("tx", "24:00 on {day} read as the midnight that ends it: {next} 00:00"),
    QT_TRANSLATE_NOOP("tx", "true/false"),
    QT_TRANSLATE_NOOP("tx", "an object"),
    QT_TRANSLATE_NOOP("tx", "a list"),
    QT_TRANSLATE_NOOP("tx", "text"),
    QT_TRANSLATE_NOOP("tx", "a number"),
    QT_TRANSLATE_NOOP("tx", "null"),
    QT_TRANSLATE_NOOP("tx", "{name} is {kind} ({value}), not text"),
    QT_TRANSLATE_NOOP("tx", "is {kind} ({value}), not an event object"),
    QT_TRANSLATE_NOOP("tx", "day {number}"),
    QT_TRANSLATE_NOOP("tx", "{where}: its date is {kind}, not text (YYYY-MM-DD)"),
    QT_TRANSLATE_NOOP("tx", "it is not UTF-8 text (line {line}, byte {byte}); a schedule saved in another "
                            "encoding (GBK on Chinese systems) must be saved again as UTF-8"),
    QT_TRANSLATE_NOOP("tx", "its XML declaration says {encoding}, but the text is UTF-8: read as UTF-8"),
    QT_TRANSLATE_NOOP("tx", "something else"),
    QT_TRANSLATE_NOOP("tx", "{name} is {kind} ({value}), not a list"),
    QT_TRANSLATE_NOOP("tx", "speaker {number} is {kind} ({value}), not a name or an object with a "
                            "public_name"),
    QT_TRANSLATE_NOOP("tx", "schedule.conference.days is {kind}, not a list of days"),
    QT_TRANSLATE_NOOP("tx", "(none)"),
    QT_TRANSLATE_NOOP("tx", "its XML declaration names the encoding {encoding!r}, which the guide does not "
                            "know: save the schedule as UTF-8"),
    QT_TRANSLATE_NOOP("tx", "it is not {encoding} text as its XML declaration says (byte {byte}): save the "
                            "schedule as UTF-8"),
    QT_TRANSLATE_NOOP("tx", "the XML declaration"),
    QT_TRANSLATE_NOOP("tx", "link {link} is {kind}, not an object with a url; left out"),
    QT_TRANSLATE_NOOP("tx", "a link's url"),
    QT_TRANSLATE_NOOP("tx", "the conference's title"),
    QT_TRANSLATE_NOOP("tx", "the conference's acronym"),
    QT_TRANSLATE_NOOP("tx", "{where}: {what}"),
    QT_TRANSLATE_NOOP("tx", "it is not UTF-8 text (byte {byte}): save the schedule as UTF-8"),
    QT_TRANSLATE_NOOP("tx", "the JSON is not well-formed at line {line}, column {column} ({what})"),
    QT_TRANSLATE_NOOP("tx", "not a frab JSON schedule: no schedule.conference.days"),
    QT_TRANSLATE_NOOP("tx", "day {number} is {kind} ({value}), not an object with a date and rooms"),
    QT_TRANSLATE_NOOP("tx", "{where} ({date}): rooms is {kind}, not an object of room names, each with its "
                            "list of events"),
    QT_TRANSLATE_NOOP("tx", "speaker {number}'s {field}"),
    QT_TRANSLATE_NOOP("tx", "track {number}'s name"),
    QT_TRANSLATE_NOOP("tx", "room {number}'s name"),
    QT_TRANSLATE_NOOP("tx", "{where} ({date}), room {room}: its events are {kind}, not a list"),
    QT_TRANSLATE_NOOP("tx", "not a frab schedule: the root element is <{tag}>, not <schedule>"),
    QT_TRANSLATE_NOOP("tx", "track {number}'s color"),
    QT_TRANSLATE_NOOP("tx", "room {number}'s guid"),
    QT_TRANSLATE_NOOP("tx", "a link's title"),
    QT_TRANSLATE_NOOP("tx", "no date"),
    # ical.py
    QT_TRANSLATE_NOOP("tx", "it is not UTF-8 text (line {line} is in another encoding, perhaps GBK): save "
                            "the calendar as UTF-8"),
    QT_TRANSLATE_NOOP("tx", "the occurrence of {occurrence} is cancelled (STATUS:CANCELLED); left out"),
    QT_TRANSLATE_NOOP("tx", "cancelled (STATUS:CANCELLED); left out with its {count} occurrences"),
    QT_TRANSLATE_NOOP("tx", "cancelled (STATUS:CANCELLED); left out"),
    QT_TRANSLATE_NOOP("tx", "VEVENT {number} (UID {uid})"),
    QT_TRANSLATE_NOOP("tx", "VEVENT {number}"),
    QT_TRANSLATE_NOOP("tx", "VEVENT {number} (UID {uid}, RECURRENCE-ID {occurrence})"),
    QT_TRANSLATE_NOOP("tx", "RRULE has no COUNT or UNTIL; expanded over {days} days ({count} sessions)"),
    QT_TRANSLATE_NOOP("tx", "no DTSTART: an event needs its start date (and time)"),
    QT_TRANSLATE_NOOP("tx", "VEVENT {number} is a newer change of the same occurrence ({occurrence}); this "
                            "one is left out"),
    QT_TRANSLATE_NOOP("tx", "not a readable iCalendar file: {error}"),
    QT_TRANSLATE_NOOP("tx", "it is not UTF-8 text (line {line}), nor the CHARSET={charset} it declares: "
                            "save the calendar as UTF-8"),
    QT_TRANSLATE_NOOP("tx", "RECURRENCE-ID;RANGE=THISANDFUTURE (one change to this and every later "
                            "occurrence) is not supported; the occurrences keep the repeating event's "
                            "details: change them one by one, or end the series and start a new one"),
    QT_TRANSLATE_NOOP("tx", "RECURRENCE-ID {occurrence} names no occurrence of the repeating event (VEVENT "
                            "{number}); imported as a session of its own"),
    QT_TRANSLATE_NOOP("tx", "{where}, occurrence {number}"),
    # ical_dates.py
    QT_TRANSLATE_NOOP("tx", "the repeat rule RRULE:{rule} has FREQ={given}; it must be one of {known}"),
    QT_TRANSLATE_NOOP("tx", "the repeat rule RRULE:{rule} cannot be read; write it as RFC 5545 does, e.g. "
                            "RRULE:FREQ=WEEKLY;COUNT=3"),
    QT_TRANSLATE_NOOP("tx", "{name} is given {count} times; an event has one"),
    QT_TRANSLATE_NOOP("tx", "{name} {value} is not a date (20230525) or a date and time (20230525T090000)"),
    QT_TRANSLATE_NOOP("tx", "DTSTART's time zone {zone} is not one the guide knows (no VTIMEZONE describes "
                            "it); its times are read in the calendar's own or the given zone"),
    QT_TRANSLATE_NOOP("tx", "DTEND {date} has no time of day; the session ends at midnight, {end}"),
    QT_TRANSLATE_NOOP("tx", "the repeat rule RRULE:{rule} never matches a day: none of its months has day "
                            "{days}"),
    QT_TRANSLATE_NOOP("tx", "DTSTART is a date (an all-day event) but DTEND {value} has a time; give both "
                            "as dates, or both with a time"),
    QT_TRANSLATE_NOOP("tx", "DTEND has no time zone; read in DTSTART's: {end}"),
    QT_TRANSLATE_NOOP("tx", "{name} {value} is not a list of dates or dates and times"),
    QT_TRANSLATE_NOOP("tx", "DURATION {value} is not a length of time (e.g. PT1H30M)"),
    QT_TRANSLATE_NOOP("tx", "DTSTART has no time zone; read in DTEND's: {start}"),
    QT_TRANSLATE_NOOP("tx", "the repeat rule RRULE:{rule} has no occurrence in the {years} years after "
                            "DTSTART ({start}); check its BY... parts, which may never match together"),
    QT_TRANSLATE_NOOP("tx", "RRULE:{rule} goes on for more than {years} years; only its occurrences in the "
                            "{years} years after DTSTART are imported"),
    # ical_own.py
    QT_TRANSLATE_NOOP("tx", "{property} {day!r} is not a date (YYYY-MM-DD); the session is listed on the "
                            "day it starts"),
})
