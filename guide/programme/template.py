"""``guide import --template``: the programme spreadsheet organisers fill in.

One sheet, 日程 (a programme; 程序 is a computer program), with the bilingual headers and one
example row that shows what each column takes. Organisers overwrite the example or delete it;
left as it is (its title unchanged), the import skips it and says so, so it never reaches a
kiosk as a session.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from guide.programme.message import Message
from guide.programme.sheet_header import COLUMNS

SHEET = "日程 Programme"
EXAMPLE_TITLE = "示例：开幕式（请改写或删除此行）"
EXAMPLE: dict[str, Any] = {
    "id": "S1",
    "title": EXAMPLE_TITLE,
    "title_en": "Example: Opening ceremony (overwrite or delete this row)",
    "date": dt.date(2023, 5, 25),
    "start": dt.time(9, 0),
    "end": dt.time(10, 30),
    "room": "主会场",
    "track": "综合",
    "type": "开幕式",
    "host": "中关村论坛组委会",
    "speakers": "张三 教授、李四",
    "abstract": "示例行：每行一场活动。编号每场一个（S1、S2 …），更新时保持不变；"
                "时间也可写作 上午9:00 或 9:00-10:30（结束留空）。",
    "abstract_en": "Example row: one session per row. Give each an id of its own (S1, S2 …) "
                   "and keep it in every update; times may be typed 上午9:00 or 9:00-10:30 "
                   "(End left empty).",
}
EXAMPLE_SKIP = Message("the template's example row (its 标题 Title is still the example's), not "
                       "imported; overwrite it with a session or delete the row")


def is_example(title: str) -> bool:
    """Whether a row whose title is ``title`` is the template's example, left as it was."""
    return title == EXAMPLE_TITLE


def write_template(out: Path) -> None:
    """A programme sheet with the bilingual headers and an example row, ready to fill in."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append([header for _field, header in COLUMNS])
    sheet.append([EXAMPLE.get(field) for field, _header in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:  # grey italics: plainly not one of the organiser's sessions
        cell.font = Font(italic=True, color="808080")
    column = {field: chr(ord("A") + i) for i, (field, _header) in enumerate(COLUMNS)}
    sheet[f"{column['date']}2"].number_format = "yyyy-mm-dd"
    for field in ("start", "end"):
        sheet[f"{column[field]}2"].number_format = "h:mm"
    for i, (_field, header) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + i)].width = max(14, len(header) + 4)
    sheet.freeze_panes = "A2"
    book.save(out)
