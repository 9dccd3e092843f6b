"""A calendar that names no title (no X-WR-CALNAME) is now named after its file; the previous
release gave every such calendar the pack id ``programme``. The same file imported again over
that release's pack folder, or opened again over its staff import, stays an update of it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from guide.cli import main
from guide.content.build import build_content_db
from guide.updates.install import commit_update
from guide.updates.programme import prepare_programme
from tests.conftest import MINI_PACK

EVENTS = [("a1", "开幕式", "20230526T090000", "主会场"), ("a2", "数字经济论坛", "20230526T140000", "A厅"),
          ("a3", "闭幕式", "20230527T160000", "主会场")]


def calendar(path: Path, *, name: str | None = None,
             events: list[tuple[str, str, str, str]] = EVENTS) -> Path:
    """An .ics export; the previous release's pack of a nameless one is the same file with
    X-WR-CALNAME:Programme (id ``programme``, title "Programme", source its file name)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//CN"]
    lines += [f"X-WR-CALNAME:{name}"] if name else []
    for uid, title, start, room in events:
        lines += ["BEGIN:VEVENT", f"UID:{uid}@zgc", f"SUMMARY:{title}",
                  f"DTSTART;TZID=Asia/Shanghai:{start}", f"DTEND;TZID=Asia/Shanghai:{start[:9]}235900",
                  f"LOCATION:{room}", "END:VEVENT"]
    path.write_text("\r\n".join([*lines, "END:VCALENDAR", ""]), encoding="utf-8")
    return path


def _meta(out: Path) -> dict[str, object]:
    return tomllib.loads((out / "pack.toml").read_text(encoding="utf-8"))["pack"]


def test_the_same_nameless_calendar_over_the_previous_releases_pack_folder_is_its_next_version(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "icspack"
    before = calendar(tmp_path / "会议日程.ics", name="Programme")
    assert main(["import", str(before), "--out", str(out)]) == 0
    assert (_meta(out)["id"], _meta(out)["title"], _meta(out)["source"]) == (
        "programme", "Programme", "会议日程.ics")
    capsys.readouterr()
    # It had been refused: "holds another programme, pack 'programme' ... give --pack-id programme".
    assert main(["import", str(calendar(tmp_path / "会议日程.ics")), "--out", str(out)]) == 0, \
        capsys.readouterr().err
    assert f"pack programme version 2, the next after version 1 in {out}" in capsys.readouterr().out
    assert (_meta(out)["id"], _meta(out)["title"], _meta(out)["version"]) == ("programme", "会议日程", 2)
    # A versioned copy of that file too (会议日程-v2.ics), as the previous release took it.
    assert main(["import", str(calendar(tmp_path / "会议日程-v2.ics")), "--out", str(out)]) == 0
    assert (_meta(out)["id"], _meta(out)["version"]) == ("programme", 3)
    # A new import keeps the new naming; another file, or another event, is not taken for it.
    assert main(["import", str(calendar(tmp_path / "会议日程.ics")), "--out", str(tmp_path / "new")]) == 0
    assert _meta(tmp_path / "new")["id"] == "hui-yi-ri-cheng"
    capsys.readouterr()
    assert main(["import", str(calendar(tmp_path / "议程.ics")), "--out", str(out)]) == 2
    assert "holds another programme, pack 'programme'" in capsys.readouterr().err
    other = [("b1", "另一个活动", "20240301T100000", "大厅"), ("b2", "午餐", "20240301T120000", "大厅")]
    assert main(["import", str(calendar(tmp_path / "会议日程.ics", events=other)), "--out", str(out)]) == 2
    assert "holds another programme, pack 'programme'" in capsys.readouterr().err


def test_the_same_nameless_calendar_opened_over_the_previous_releases_staff_import_is_an_update(
        tmp_path: Path) -> None:
    shipped = build_content_db(MINI_PACK, tmp_path / "shipped" / "content.db").path
    source = calendar(tmp_path / "会议日程.ics", name="Programme")
    running = commit_update(prepare_programme(source, current_db=shipped)).db_path
    again = prepare_programme(calendar(source), current_db=running)
    # It had been another programme, "hui-yi-ri-cheng" version 1, replacing "programme".
    assert (again.pack_id, again.version, again.current_version) == ("programme", 2, 1)
    assert again.title == "会议日程"  # the file's name, not the old English "Programme"
    running = commit_update(again).db_path
    other = [("b1", "另一个活动", "20240301T100000", "大厅"), ("b2", "午餐", "20240301T120000", "大厅")]
    (tmp_path / "x").mkdir()  # another event's calendar of the same name: its own programme
    another = prepare_programme(calendar(tmp_path / "x" / "会议日程.ics", events=other), current_db=running)
    assert (another.pack_id, another.version) == ("hui-yi-ri-cheng", 1)
