"""A command's output file never replaces someone's file: the schedule being imported, a
private signing key, a spreadsheet or a signed pack named by a slip of the tab key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide.cli import main
from guide.content.loader import load_pack
from guide.updates.guidepack import read_manifest
from tests.support import copy_pack, write_rows
from tests.test_updates_support import make_key, sha, signed_pack

ROWS = [["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End"],
        ["S1", "开幕式", "2023-05-25", "09:00", "10:00"]]


def _import(source: Path, out: Path, report: Path) -> int:
    return main(["import", str(source), "--out", str(out), "--report", str(report),
                 "--timezone", "Asia/Shanghai"])


def test_import_report_never_replaces_the_schedule_being_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--report 日程.xlsx`` turned the organiser's only spreadsheet into JSON, exit 0."""
    source = tmp_path / "日程.xlsx"
    write_rows(source, ROWS)
    before = sha(source)
    code = _import(source, tmp_path / "pk", source)
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[0] == (f"error: --report {source} is the file being imported; give the "
                                   f"report a name of its own, e.g. --report "
                                   f"{tmp_path / 'import-report.json'}")
    assert sha(source) == before and not (tmp_path / "pk").exists()


def test_import_report_never_replaces_a_key_but_replaces_an_earlier_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "s.csv"
    write_rows(source, ROWS)
    _private, _public, key_path, _pub_path = make_key(tmp_path / "keys")
    key_bytes = key_path.read_bytes()
    code = _import(source, tmp_path / "pk", key_path)
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[0] == (f"error: --report {key_path} already exists and is not a report "
                                   "of `guide import`; it is left as it is: give a new file name, "
                                   f"e.g. --report {key_path.with_name('import-report.json')} (or "
                                   "delete the file first)")
    assert key_path.read_bytes() == key_bytes

    report = tmp_path / "report.json"
    assert _import(source, tmp_path / "pk", report) == 0
    write_rows(source, [*ROWS, ["S2", "闭幕式", "2023-05-26", "09:00", "10:00"]])
    assert _import(source, tmp_path / "pk", report) == 0, capsys.readouterr().err
    assert json.loads(report.read_text(encoding="utf-8"))["sessions"] == 2  # the earlier report, replaced
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_pack_build_never_replaces_a_key_or_another_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = copy_pack(tmp_path / "pack", version=3)
    _private, _public, key_path, _pub_path = make_key(tmp_path / "keys")
    notes = tmp_path / "notes.csv"
    notes.write_text("a,b\n", encoding="utf-8")
    for victim in (key_path, notes):
        before = victim.read_bytes()
        code = main(["pack", "build", str(pack), "--out", str(victim)])
        err = capsys.readouterr().err
        assert code == 2
        assert err.splitlines() == [f"error: {victim} already exists and is not a pack file; give "
                                    "--out a new file name (or delete the file first); nothing written"]
        assert victim.read_bytes() == before


def test_pack_build_never_replaces_a_signed_pack_but_rebuilds_an_unsigned_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Building over the signed pack made it silently unsigned: every kiosk refused it."""
    pack = copy_pack(tmp_path / "pack", version=3)
    private, _public, _key_path, _pub_path = make_key(tmp_path / "keys")
    out = tmp_path / "mini-3.guidepack"
    assert main(["pack", "build", str(pack), "--out", str(out)]) == 0
    assert main(["pack", "build", str(pack), "--out", str(out)]) == 0  # an earlier build: replaced
    capsys.readouterr()
    signed = signed_pack(pack, tmp_path / "signed.guidepack", private)
    before = sha(signed)
    code = main(["pack", "build", str(pack), "--out", str(signed)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines() == [f"error: {signed} is a signed pack file; building over it would "
                                "throw its signature away (a built pack is unsigned): give --out a "
                                "new file name (or delete the signed pack first, if that is what "
                                "you mean); nothing written"]
    assert sha(signed) == before
    assert read_manifest(out).version == load_pack(pack).info.version == 3
