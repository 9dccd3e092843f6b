"""The header of a programme sheet: which column is which field, found among its first rows."""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from guide.programme.cells import cell_text
from guide.programme.message import Message, both, listed
from guide.programme.model import ProgrammeError

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
# A column the template has not, but organisers' sheets do: one time, or a range (09:00-12:00).
LABELS = {**dict(COLUMNS), "time": "时间 Time"}
# Other headers organisers' own sheets use for a column, each with one meaning only ("Name"
# could be several columns, so it is not here): (field, language, header). A lone 时间 is the
# time of day: a sheet with a date in it has 日期 beside it, and its cells are refused if not.
ALIASES = (
    ("time", "zh", "时间"), ("time", "zh", "时段"), ("time", "zh", "起止时间"),
    ("time", "zh", "会议时间"), ("time", "zh", "活动时间"), ("time", "en", "Time"),
    ("time", "en", "Times"),
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


def _header_words() -> dict[str, tuple[str, str]]:
    """Each header word, folded, with its (field, word) for :func:`header_match`; the first of
    COLUMNS, then of ALIASES, wins."""
    found: dict[str, tuple[str, str]] = {}
    for name, label in COLUMNS:
        chinese, _, english = label.partition(" ")
        for word, said in (("both", label), ("zh", chinese), ("en", english)):
            found.setdefault(said.casefold(), (name, word))
    for name, word, said in ALIASES:
        found.setdefault(said.casefold(), (name, f"{word}-alias"))
    # A bilingual header of other words than the template's ("会场 Room", "简介 Description"):
    # any Chinese header of a field before any English one of the same field.
    halves: dict[tuple[str, str], list[str]] = {}
    for name, label in COLUMNS:
        chinese, _, english = label.partition(" ")
        halves.setdefault((name, "zh"), []).append(chinese)
        halves.setdefault((name, "en"), []).append(english)
    for name, word, said in ALIASES:
        halves.setdefault((name, word), []).append(said)
    for (name, word), chinese_words in halves.items():
        if word == "zh":
            for chinese in chinese_words:
                for english in halves.get((name, "en"), []):
                    found.setdefault(f"{chinese} {english}".casefold(), (name, "both-alias"))
    return found


# Looked up for each cell of every row (is it the header again?): one dict, built once.
_HEADER_WORDS = _header_words()


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def header_match(header: Any) -> tuple[str, str] | None:
    """(field, word) of a header cell: word is "both", "zh" or "en", the part of the label it is
    ("zh-alias", "en-alias" for another header of that meaning, :data:`ALIASES`)."""
    return _HEADER_WORDS.get(_folded(str(header or "")))


def header_field(header: str) -> str | None:
    """The field a header cell names (title for 标题, Title or 活动名称), None for another header."""
    match = header_match(header)
    return match[0] if match else None


def has_required(header: list[Any]) -> bool:
    """Whether the cells ``header`` hold a header of each required field (标题 Title, 日期 Date)."""
    fields = {header_field(h) for h in header}
    return all(f in fields for f in REQUIRED)


# A two-row header: a group header merged over several columns (时间) over the header of each
# (开始, 结束). Under a group of times these words are its start and end, too.
_TIME_GROUPS = {"时间", "时段", "起止时间", "会议时间", "活动时间", "time", "times"}
_TIME_WORDS = {"起": "start", "始": "start", "from": "start", "begin": "start",
               "止": "end", "终": "end", "至": "end", "to": "end", "until": "end"}


def _under(group: Any, own: Any) -> str | None:
    """The header of a column under the group header ``group`` with its own ``own``: its own
    when that is a header (开始), else the two together when they are (开始 + 时间: 开始时间),
    else None."""
    group_text, own_text = cell_text(group), cell_text(own)
    for text in (own_text, own_text + group_text, group_text + own_text,
                 f"{own_text} {group_text}", f"{group_text} {own_text}"):
        if header_match(text):
            return text
    field = _TIME_WORDS.get(own_text.casefold()) if group_text.casefold() in _TIME_GROUPS else None
    return dict(COLUMNS)[field] if field else None


def _two_rows(first: list[Any], second: list[Any]) -> list[Any] | None:
    """The header of ``first`` (with group headers over several columns) and ``second`` (the
    headers under them), or None when ``second`` is not such a row: a workbook fills each cell
    of a merged group header with its text, a CSV file leaves all but the first empty."""
    if not any(header_match(h) for h in first):  # a title over the header is no group
        return None
    width = max(len(first), len(second))
    top = [first[i] if i < len(first) else None for i in range(width)]
    sub = [second[i] if i < len(second) else None for i in range(width)]
    for i in range(1, width):  # a CSV's group: the empty cells after it with a header under them
        if cell_text(top[i]) == "" and cell_text(sub[i]) and cell_text(sub[i - 1]):
            top[i] = top[i - 1]

    def spans(i: int) -> bool:
        return bool(cell_text(top[i])) and any(
            0 <= j < width and cell_text(top[j]) == cell_text(top[i]) for j in (i - 1, i + 1))

    # A cell under a header merged down over both rows (编号 over rows 2-3) repeats it.
    own = [i for i in range(width) if cell_text(sub[i]) and cell_text(sub[i]) != cell_text(top[i])]
    if any(not isinstance(sub[i], str) for i in own):  # dates, times, numbers: a session's row
        return None
    read = {i: _under(top[i], sub[i]) for i in own}
    if not any(read.values()) or any(read[i] is None and not spans(i) for i in own):
        return None
    return [top[i] if i not in read else read[i] or f"{cell_text(top[i])}/{cell_text(sub[i])}"
            for i in range(width)]


def find_header(top: Sequence[list[Any]]) -> tuple[int, int, list[Any]] | None:
    """(index, rows, header) of the header among a sheet's first rows ``top``: the first row
    with the required columns, or the first two when the second holds the headers under the
    first's group headers (时间 over 开始 and 结束); None when there is none."""
    for at, row in enumerate(top):
        joined = _two_rows(row, top[at + 1]) if at + 1 < len(top) else None
        if joined is not None and has_required(joined):
            return at, 2, joined
        if has_required(row):
            return at, 1, list(row)
    return None


@dataclass(frozen=True)
class Where:
    """How messages name a place in the file: its name, and its sheet when a workbook has several."""

    file: str
    sheet: str | None = None

    def row(self, number: int, last: int | None = None) -> str:
        """'row 4' (or 'rows 4-6'), or 'sheet 5月26日, row 4': where the report puts a session."""
        rows = (Message("rows {first}-{last}", first=number, last=last) if last else
                Message("row {number}", number=number))
        return Message("sheet {sheet}, {where}", sheet=self.sheet, where=rows) if self.sheet else rows

    def __call__(self, number: int) -> str:
        """'perday.xlsx: sheet 5月26日, row 4': the start of a message about a row."""
        return Message("{where}: {what}", where=self.file, what=self.row(number))

    def __str__(self) -> str:
        return self.named()

    def named(self) -> str:
        """'perday.xlsx: sheet 5月26日' (or the file's name): a message about a whole sheet."""
        return Message("{file}: sheet {sheet}", file=self.file, sheet=self.sheet) if self.sheet \
            else self.file


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: A, B … Z, AA …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_fields(header: list[Any], where: Where, number: int = 1) -> list[str | None]:
    """The field of each column; raise SpreadsheetInvalid when two columns are the same field.

    A sheet may give the Chinese and the English in columns headed 标题 and Title (or 简介 and
    Abstract): the one headed only in English then holds the English (title_en, abstract_en).
    """
    matches = [header_match(h) for h in header]
    fields: list[str | None] = [m[0] if m else None for m in matches]
    labels = LABELS
    errors: list[str] = []
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
        shown = [f"{column_letter(i)} ({cell_text(header[i])})" for i in at]
        errors.append(Message("{where}: columns {columns} each hold {field}; keep one of them "
                              "(the others would be lost)", where=where(number),
                              columns=functools.reduce(both, shown), field=labels[name]))
    if errors:
        raise SpreadsheetInvalid(errors)
    return fields


def unknown_columns(header: list[Any], fields: list[str | None],
                     where: Where) -> list[tuple[str, str]]:
    """(where, why) of each headed column that is none of the template's: an organiser's own
    column ("Speaker") or a mistyped header ("Tittle") would otherwise be lost unsaid."""
    def column(i: int) -> str:
        letter = Message("column {column}", column=column_letter(i))
        return Message("sheet {sheet}, {where}", sheet=where.sheet, where=letter) if where.sheet \
            else letter

    return [(column(i), Message('"{header}" is not a column the guide reads; its cells were not '
                                "loaded", header=cell_text(h)))
            for i, (h, f) in enumerate(zip(header, fields, strict=True)) if f is None and cell_text(h)]


# Without an id a session is keyed by what it says (see normalise._event_key).
# (The example ids are a value: a template, as the window's label, has no "…", which the CJK
# face draws as centred dots in English.)
NO_ID_COLUMN = Message("the sheet has no 编号 ID column, so each session is known by its title, "
                       "date, start time and room: a visitor's bookmark on a session will not "
                       "follow it to an update in which any of these was changed (it shows as no "
                       "longer in the guide). Add a column headed 编号 (or ID) with a text of each "
                       "session's own ({examples}) and keep it the same in every update, as the "
                       "template's first column", examples="S1, S2 …")
HEADER_ROWS = 10  # the header row is looked for among a sheet's first rows


@dataclass
class SheetHeader:
    """A sheet's header: where it is, its cells and the field of each column."""

    row: int  # the header row's number (the first of two: 时间 over 开始 and 结束)
    first: int  # the number of the first row after the header
    cells: list[Any]  # the header's cells, up to its last named one
    fields: list[str | None]  # the field of each of ``cells``
    width: int  # the cells of the header row, empty ones at its end included (a CSV's ",,")
    rows: list[list[Any]] = dataclasses.field(default_factory=list)  # the header's rows, as typed
    above: list[list[Any]] = dataclasses.field(default_factory=list)  # the rows above it (a title)

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """The header words (:func:`header_match`) and the texts of the header's cells (as
        :func:`repeats_header` compares them), folded as :func:`header_match` folds."""
        texts = {cell_text(cell) for row in self.rows for cell in row} - {""}
        return frozenset(_HEADER_WORDS).union(_folded(text) for text in texts)


def may_be_header(row: list[Any], head: SheetHeader) -> bool:
    """Whether some cell of ``row`` is a header word or the text of one of the header's cells:
    a row with none is neither the header again (:func:`repeats_header`) nor a header in other
    columns (:func:`has_required`). Asked of every row first, as a session's row has none: one
    lookup a cell (a number, date or time is no header word, only maybe a header cell's text)."""
    words = head.words
    for cell in row:  # _folded, written out: this loop runs for every cell of the sheet
        text = cell if isinstance(cell, str) else cell_text(cell)
        if " ".join(text.split()).casefold() in words:
            return True
    return False


def repeats_header(row: list[Any], head: SheetHeader, *, under: bool = False) -> bool:
    """Whether ``row`` is the sheet's header again: a second day's block pasted under the first,
    header included. Each of its cells is empty, the header's own text in its column, or another
    header of that column's field (标题 for 标题 Title); its 标题 Title and 日期 Date cells are
    headers. ``under``: the row above was the header again, and this one may be the second row
    of a two-row header (开始 and 结束 under 时间), which has them only in a workbook."""
    def header_cell(i: int, text: str) -> bool:
        return (any(i < len(r) and cell_text(r[i]) == text for r in head.rows)
                or (i < len(head.fields) and header_field(text) == head.fields[i] is not None))

    cells = [(i, cell_text(v)) for i, v in enumerate(row) if cell_text(v)]
    if not cells or not all(header_cell(i, text) for i, text in cells):
        return False
    if under and len(head.rows) > 1:
        return True
    filled = {head.fields[i] for i, _text in cells if i < len(head.fields)}
    return all(f in filled for f in REQUIRED)


def open_sheet(where: Where, rows: Iterator[list[Any]]) -> tuple[SheetHeader, Iterator[list[Any]]]:
    """The sheet's header, and the rows after it."""
    # The header is row 1, or a later one of the first few under a title ("2023中关村论坛日程")
    # or a note: the rows above it are not sessions.
    top = list(itertools.islice(rows, HEADER_ROWS))
    at, used, header = find_header(top) or (0, 1, list(top[0]) if top else [])
    rows = itertools.chain(top[at + used:], rows)
    width = len(header)
    while header and cell_text(header[-1]) == "":  # formatted empty cells, not columns
        header.pop()
    if not header:
        raise ProgrammeError(Message("{where}: empty sheet; start from `guide import --template`",
                                     where=where.named()))
    fields = column_fields(header, where, at + 1)
    labels = dict(COLUMNS)
    missing = [labels[f] for f in REQUIRED if f not in fields]
    if missing:
        raise ProgrammeError(Message("{where}: row 1 lacks the column(s) {columns}; start from "
                                     "`guide import --template`", where=where.named(),
                                     columns=listed(missing)))
    return SheetHeader(at + 1, at + used + 1, header, fields, width,
                       [list(r) for r in top[at:at + used]], top[:at]), rows
