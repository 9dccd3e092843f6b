"""Slips in hand-made programme sheets: each is refused naming its row, never read as something else."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.cli import main

HEAD = "编号 ID,标题 Title,日期 Date,开始 Start,结束 End,地点 Room\n"


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
            data: str | bytes) -> tuple[int, str, Path]:
    source = tmp_path / name
    if isinstance(data, str):
        source.write_text(data, encoding="utf-8")
    else:
        source.write_bytes(data)
    out = tmp_path / "pack"
    code = main(["import", str(source), "--out", str(out), "--timezone", "Asia/Shanghai"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code != 0:
        assert not out.exists()
    return code, err, out


def _refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
             data: str | bytes) -> str:
    code, err, _out = _import(tmp_path, capsys, name, data)
    assert code == 2
    return err


def test_template_never_replaces_a_file_unless_forced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "programme.xlsx"
    sheet.write_bytes(b"days of work")
    assert main(["import", "--template", "--out", str(sheet)]) == 2
    assert capsys.readouterr().err == (f"error: {sheet} already exists; nothing written (give "
                                       "--force to replace it with an empty template)\n")
    assert sheet.read_bytes() == b"days of work"
    assert main(["import", "--template", "--out", str(sheet), "--force"]) == 0
    assert sheet.read_bytes().startswith(b"PK")
