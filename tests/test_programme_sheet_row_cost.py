"""The work a programme sheet's import does for each session row stays what a row needs: a sheet
of 20,000 rows took 2.9 s to read instead of 1.6 s when the day's-banner test read every cell of
every row and each session's place ("row 5") was made three times. Counted, not timed."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from typing import Any

import pytest

from guide.programme import day_banner as banner_module
from guide.programme.day_banner import day_banner
from guide.programme.importer import read_programme
from guide.programme.message import Message
from guide.programme.sheet_header import Where

HEAD = "编号 ID,标题 Title,日期 Date,开始 Start,结束 End,会场 Room,嘉宾 Speakers,主办 Host,简介 Description"


def _counted(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    """Replace ``owner.name`` by itself counting its calls; the count is the list's length."""
    calls: list[int] = []
    real = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def test_a_session_row_is_no_banner_after_its_second_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch, banner_module, "cell_text")
    row = ["S1", "开幕式", "2023-05-25", "9:00", "10:30", "Room 1", "张三", "中关村", "A talk"]
    assert day_banner(row) is None
    assert len(calls) == 2  # S1, then 开幕式: two texts, no day's heading
    calls.clear()
    banner = day_banner(["第二天 5月26日（周五）"] * 9)  # merged across the row: still a banner
    assert banner is not None and banner.day == "5月26日"


def _csv(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / f"programme{rows}.csv"
    lines = [HEAD] + [f"S{n},Session {n},2023-05-25,9:00,10:30,Room 1,张三、李四,中关村,About {n}"
                      for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_session_row_is_placed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch, Where, "row")
    counts = []
    for rows in (20, 40):
        calls.clear()
        _fmt, programme = read_programme(str(_csv(tmp_path, rows)), fallback_timezone="Asia/Shanghai")
        assert len(programme.forum) == rows
        counts.append(len(calls))
    assert counts[1] - counts[0] == 20  # one place a row, however many things name it


def test_a_message_keeps_no_dict_of_its_own() -> None:
    """Each row's place and notes are messages: a __dict__ apiece was two more objects a row for
    the garbage collector, whose rounds came 630 times in a 20,000-row import, not 236."""
    said = Message("row {number}", number=5)
    assert not hasattr(said, "__dict__") and not hasattr(Message("no title"), "__dict__")
    for again in (copy.deepcopy(said), pickle.loads(pickle.dumps(said))):
        assert (again, again.template, dict(again.params)) == ("row 5", "row {number}", {"number": 5})
    with pytest.raises(AttributeError):
        said.template = "x"
