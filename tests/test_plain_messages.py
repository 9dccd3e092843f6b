"""Messages that say what happened and what to do: a half-copied workbook, Excel's date and
time numbers, a read-only disk, damaged content that came from a programme file."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from guide.cli import main
from guide.ui.history import Location
from guide.updates.programme import STAFF_SIGNER
from guide.updates.state import InstalledContent, SlotState, default_slot, write_state
from tests.support import shown_guide, write_rows

HEADER = ["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End"]


def _import(source: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["import", str(source), "--out", str(source.with_name("pk")),
                 "--timezone", "Asia/Shanghai"])
    return code, capsys.readouterr().err.splitlines()


def test_a_half_copied_workbook_is_said_to_be_cut_short(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "not a readable .xlsx workbook: File is not a zip file"; a cut-off XML or JSON
    schedule says to copy or export it again."""
    source = tmp_path / "日程.xlsx"
    write_rows(source, [HEADER, ["S1", "开幕式", "2023-05-25", "09:00", "10:00"]])
    data = source.read_bytes()
    source.write_bytes(data[:len(data) // 2])
    code, err = _import(source, capsys)
    assert code == 2
    assert err[0] == ("error: 日程.xlsx: the workbook was cut short (a download or copy that "
                      "stopped?): download or copy it again, or save it from Excel again")


def test_excel_date_and_time_numbers_are_named_with_what_they_stand_for(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A date column formatted General shows 45072: "'45072' is not a date (YYYY-MM-DD)" gave
    no hint that Excel keeps dates as numbers, nor which date it was. (A workbook's date number
    cell is read, with the workbook's date system: test_programme_sheet_habits.py; a number kept
    as text, as here in row 3, is named.)"""
    source = tmp_path / "日程.xlsx"
    write_rows(source, [HEADER, ["S1", "开幕式", 45072, 0.375, 0.4375],
                        ["S2", "闭幕式", "45073", "17:00", "18:00"]])
    code, err = _import(source, capsys)
    assert code == 2
    assert err == [
        "日程.xlsx: row 2, column 开始 Start: '0.375' is a number, not a time: it looks like an "
        "Excel time number (in Excel, 0.375 is 09:00); format the column as a time in Excel "
        "(Format Cells > Time) and save the file again",
        "日程.xlsx: row 2, column 结束 End: '0.4375' is a number, not a time: it looks like an "
        "Excel time number (in Excel, 0.4375 is 10:30); format the column as a time in Excel "
        "(Format Cells > Time) and save the file again",
        "日程.xlsx: row 3, column 日期 Date: '45073' is a number, not a date: it looks like an "
        "Excel date number (in Excel, 45073 is 2023-05-27); format the column as a date in Excel "
        "(Format Cells > Date) and save the file again",
        "3 bad cell(s); nothing written"]


def _read_only_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing anywhere fails as on a disk mounted read-only (a locked card, a read-only share)."""
    def refused(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refused)


def test_an_export_to_a_read_only_disk_says_so(
        tmp_path: Path, mini_db: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """It said "permission denied", which sends people to the file's owner."""
    user = str(tmp_path / "u.db")
    assert main(["bookmarks", "add", "forum", "opening", "--content-db", str(mini_db),
                 "--user-db", user]) == 0
    capsys.readouterr()
    _read_only_disk(monkeypatch)
    out = tmp_path / "stick" / "mine.json"
    code = main(["bookmarks", "export", "--out", str(out), "--content-db", str(mini_db),
                 "--user-db", user])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        f"error: cannot write {out}: the disk (or shared folder) it is on is read-only; save it "
        "somewhere else"]


def test_the_window_says_an_export_disk_is_read_only(  # type: ignore[no-untyped-def]
        qtbot, mini_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "mine.json"
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "JSON (*.json)"))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    with shown_guide(qtbot, mini_db, lang="en", user_db=tmp_path / "u.db") as g:
        g.ctx.bookmarks.toggle("forum", "opening")
        g.window.go(Location("bookmarks"))
        _read_only_disk(monkeypatch)
        g.window.page("bookmarks").export()  # type: ignore[attr-defined]
    assert warned == [f"Nothing was written to {out}.\n\nThat disk or folder is read-only. Save "
                      "the file somewhere else."]


def _damaged_programme(mini_db: Path) -> tuple[Path, Path]:
    """A slot whose current content staff made with Open programme, now damaged."""
    slot = default_slot()
    slot.root.mkdir(parents=True)
    damaged, previous = slot.root / "mini-2-aaaa.db", slot.root / "mini-1-bbbb.db"
    shutil.copyfile(mini_db, damaged)
    shutil.copyfile(mini_db, previous)
    conn = sqlite3.connect(damaged)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(damaged.read_bytes())
    data[page * 2:page * 4] = bytes(page * 2)  # two pages zeroed
    damaged.write_bytes(bytes(data))
    write_state(slot, SlotState(
        current=InstalledContent(file=damaged.name, pack_id="mini", version=2, signer=STAFF_SIGNER,
                                 installed_at="2023-05-01T00:00:00Z"),
        previous=InstalledContent(file=previous.name, pack_id="mini", version=1, signer="t",
                                  installed_at="2023-04-01T00:00:00Z"),
        high_water={"mini": 2}))
    return damaged, previous


def test_damaged_content_from_a_programme_file_says_to_open_the_file_again(
        tmp_path: Path, mini_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "Install the content pack again" where no pack exists: staff opened a sheet."""
    damaged, previous = _damaged_programme(mini_db)
    assert main(["list", "forum", "--user-db", str(tmp_path / "u.db")]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"warning: the content database {damaged} is damaged; the previous content ({previous}) "
        "is shown instead. Open the programme file again with \"Open programme...\" in the guide "
        "window's staff menu."]


def test_the_window_says_to_open_the_programme_file_again(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, mini_db: Path) -> None:
    from guide.app import build_window

    _damaged_programme(mini_db)
    g = build_window(None, lang="en", user_db=tmp_path / "u.db")
    qtbot.addWidget(g.window)
    try:
        qtbot.waitUntil(lambda: g.window.findChild(QMessageBox, "contentFallbackBox") is not None)
        text = g.window.findChild(QMessageBox, "contentFallbackBox").text()
        assert text.endswith("Open the programme file again with \"Open programme...\" in the "
                             "staff menu.") and "content pack" not in text
    finally:
        g.close()


def test_a_report_on_a_read_only_disk_is_refused_as_such_before_the_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    source = tmp_path / "s.csv"
    write_rows(source, [HEADER, ["S1", "开幕式", "2023-05-25", "09:00", "10:00"]])
    stick = tmp_path / "stick"
    stick.mkdir()

    class ReadOnly:  # what statvfs says of a disk mounted read-only
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "statvfs", lambda _path: ReadOnly())
    monkeypatch.setattr(os, "access", lambda path, _mode: not str(path).startswith(str(stick)))
    code = main(["import", str(source), "--out", str(tmp_path / "pk"), "--report",
                 str(stick / "r.json"), "--timezone", "Asia/Shanghai"])
    assert code == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"error: --report {stick / 'r.json'} cannot be written: the disk (or shared folder) it is "
        "on is read-only; choose a file somewhere else")
    assert not (tmp_path / "pk").exists()
