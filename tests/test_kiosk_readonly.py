"""Settings the kiosk account can read but not write: the PIN hash and updates.toml in kiosk.toml."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from guide.app import build_window
from guide.cli import main
from guide.kiosk.config import KioskConfigError, load_config
from guide.kiosk.controller import install_kiosk
from guide.kiosk.launch import kiosk_config_for
from guide.kiosk.pin import Outcome, PinError


def print_hash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pin: str) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    assert main(["kiosk", "set-pin", "--print-hash"]) == 0
    return capsys.readouterr().out.strip()


def test_a_pin_hash_in_kiosk_toml_is_the_pin_and_cannot_be_changed_by_the_kiosk(
        qtbot, tmp_path: Path, mini_db: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str], _user_data: Path) -> None:
    line = print_hash(monkeypatch, capsys, "975310")
    assert line.startswith('pin_hash = "scrypt$') and "975310" not in line
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "updates.toml").write_text("[updates]\npoll_minutes = 0\n", encoding="utf-8")
    settings = etc / "kiosk.toml"
    settings.write_text(f"[kiosk]\nenabled = true\n{line}\nupdates_config = "
                        f'"{(etc / "updates.toml").as_posix()}"\n', encoding="utf-8")
    user = tmp_path / "user.db"
    args = argparse.Namespace(kiosk=True, kiosk_config=settings, user_db=user)
    # The updates.toml it names is the one checked (and refused: poll_minutes = 0) ...
    code = main(["--kiosk", "--kiosk-config", str(settings), "--user-db", str(user)])
    assert code == 2 and "updates.toml: updates.poll_minutes: must be from 1" in capsys.readouterr().err
    (etc / "updates.toml").write_text("[updates]\n", encoding="utf-8")
    # ... and no PIN in the user database is needed: the file's hash is the PIN.
    config = kiosk_config_for(args)
    assert config is not None and config.pin_hash == line.split('"')[1]

    guide = build_window(mini_db, now="2023-05-29T10:00", lang="zh", user_db=user)
    qtbot.addWidget(guide.window)
    kiosk = install_kiosk(guide, config, size=(800, 600), log_file=tmp_path / "kiosk.log")
    try:
        assert kiosk.pin.try_pin("111111").outcome is Outcome.WRONG
        kiosk.pin.store.save_failures(0, 0.0)
        assert kiosk.pin.try_pin("975310").outcome is Outcome.ACCEPTED
        with pytest.raises(PinError, match="pin_hash"):
            kiosk.pin.store.save_record(None)
    finally:
        kiosk.shutdown()
        guide.close()

    monkeypatch.setattr("sys.stdin", io.StringIO("975310\n1234\n"))
    (_user_data / "kiosk.toml").write_text(settings.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["kiosk", "set-pin", "--stdin", "--user-db", str(user)]) == 2
    assert "an administrator changes it there" in capsys.readouterr().err


def test_a_pin_hash_that_is_not_one_is_refused(tmp_path: Path) -> None:
    settings = tmp_path / "kiosk.toml"
    settings.write_text('[kiosk]\npin_hash = "1234"\n', encoding="utf-8")
    with pytest.raises(KioskConfigError, match=r"kiosk\.pin_hash: not a PIN hash"):
        load_config(settings)
