"""Changing or clearing the staff PIN needs the current PIN, or --force with root rights."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from guide.cli import main
from guide.kiosk.pin import UserDbPinStore, verify_pin
from guide.user.db import open_user_db


def kiosk(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], user: Path,
          *args: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))  # not a terminal: lines are read as given
    code = main(["kiosk", *args, "--user-db", str(user)])
    return code, capsys.readouterr().err


def stored_pin_is(user: Path, pin: str) -> bool:
    opened = open_user_db(user)
    try:
        record = UserDbPinStore(opened.db).load_record()
        return record is not None and verify_pin(record, pin)
    finally:
        opened.close()


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "user.db"
    assert kiosk(monkeypatch, capsys, db, "set-pin", "--stdin", stdin="864209\n")[0] == 0
    return db


def test_changing_the_pin_needs_the_current_one(user: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, err = kiosk(monkeypatch, capsys, user, "set-pin", "--stdin", stdin="1111\n2468\n")
    assert code == 2 and err.startswith("error: the current PIN is wrong; nothing changed")
    assert stored_pin_is(user, "864209")
    # The wrong try counts like one at the kiosk: even the right PIN now waits.
    code, err = kiosk(monkeypatch, capsys, user, "set-pin", "--stdin", stdin="864209\n2468\n")
    assert code == 2 and "too many wrong PINs; try again in" in err
    assert stored_pin_is(user, "864209")


def test_the_right_current_pin_changes_and_clears_it(user: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str],
                                                     _user_data: Path) -> None:
    # The kiosk's own settings set the delay after a wrong PIN; short here.
    (_user_data / "kiosk.toml").write_text("[kiosk]\npin_delay_seconds = 0.1\n", encoding="utf-8")
    code, err = kiosk(monkeypatch, capsys, user, "set-pin", "--stdin", stdin="864209\n2468\n")
    assert code == 0, err
    assert stored_pin_is(user, "2468") and not stored_pin_is(user, "864209")
    code, err = kiosk(monkeypatch, capsys, user, "clear-pin", "--stdin", stdin="864209\n")
    assert code == 2 and "the current PIN is wrong" in err
    time.sleep(0.25)
    code, err = kiosk(monkeypatch, capsys, user, "clear-pin", "--stdin", stdin="2468\n")
    assert code == 0, err
    opened = open_user_db(user)
    assert UserDbPinStore(opened.db).load_record() is None
    opened.close()


def test_force_needs_root_rights(user: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("os.geteuid", lambda: 1000)  # the kiosk's own, unprivileged account
    code, err = kiosk(monkeypatch, capsys, user, "clear-pin", "--force")
    assert code == 2 and "--force needs root" in err
    code, err = kiosk(monkeypatch, capsys, user, "set-pin", "--force", "--stdin", stdin="1357\n")
    assert code == 2 and stored_pin_is(user, "864209")

    monkeypatch.setattr("os.geteuid", lambda: 0)  # an administrator resetting a forgotten PIN
    code, err = kiosk(monkeypatch, capsys, user, "set-pin", "--force", "--stdin", stdin="1357\n")
    assert code == 0, err
    assert stored_pin_is(user, "1357")
