"""A kiosk.toml that asks for kiosk mode (``enabled = true``, no --kiosk) and cannot be used
stops plain ``guide`` with the file and the key: never the ordinary window, whose staff menu
has no PIN, on a public screen. A desktop's start (no kiosk.toml, or enabled = false) is kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import run_guide

REFUSED = {
    "unknown table": (b"[kiosk]\nenabled = true\n[notes]\nx = 1\n",
                      "kiosk.toml: notes: unknown table"),
    "misspelt table": (b"[kisok]\nenabled = true\n", "kiosk.toml: kisok: unknown table"),
    "missing updates_config": (b'[kiosk]\nenabled = true\nupdates_config = "nowhere/updates.toml"\n',
                               "kiosk.toml: kiosk.updates_config: "),
    "broken TOML": (b"[kiosk]\nenabled = true\nidle_seconds = \n", "kiosk.toml: Invalid value"),
    "not UTF-8": (b"[kiosk]\nenabled = true\n# \xff\n", "kiosk.toml: not UTF-8 text"),
    "enabled not a bool": (b'[kiosk]\nenabled = "yes"\n', "kiosk.toml: kiosk.enabled: expected bool"),
}


def _start(user_data: Path, tmp_path: Path, mini_db: Path):  # type: ignore[no-untyped-def]
    return run_guide("--content-db", str(mini_db), "--user-db", str(tmp_path / "user.db"),
                     "--quit-after", "1", env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                               "ZGC_GUIDE_DATA": str(user_data)})


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_kiosk_toml_asking_for_kiosk_mode_that_cannot_be_read_refuses_to_start(
        case: str, tmp_path: Path, mini_db: Path, _user_data: Path) -> None:
    text, says = REFUSED[case]
    (_user_data / "kiosk.toml").write_bytes(text)
    r = _start(_user_data, tmp_path, mini_db)
    assert r.returncode == 2, r.stderr  # had been 0: the ordinary, unlocked window
    assert "Traceback" not in r.stderr
    assert r.stderr.startswith(f"error: kiosk settings: {_user_data}{os.sep}") and says in r.stderr, r.stderr


def test_a_kiosk_toml_that_cannot_be_opened_refuses_to_start(
        tmp_path: Path, mini_db: Path, _user_data: Path) -> None:
    (_user_data / "kiosk.toml").mkdir()  # root reads a chmod 000 file; a folder fails for all
    r = _start(_user_data, tmp_path, mini_db)
    assert r.returncode == 2 and "kiosk.toml: Is a directory" in r.stderr, r.stderr


@pytest.mark.parametrize("text", [None, b"[kiosk]\nenabled = false\n[notes]\nx = 1\n",
                                  b"[kiosk]\nenabled=false\nidle_seconds = \n"])
def test_the_desktop_still_starts_without_a_kiosk_toml_or_with_enabled_false(
        text: bytes | None, tmp_path: Path, mini_db: Path, _user_data: Path) -> None:
    if text is not None:
        (_user_data / "kiosk.toml").write_bytes(text)
    r = _start(_user_data, tmp_path, mini_db)
    assert r.returncode == 0, r.stderr
    assert "error:" not in r.stderr


def test_which_files_ask_for_kiosk_mode(tmp_path: Path) -> None:
    from guide.kiosk.config import asks_for_kiosk

    path = tmp_path / "kiosk.toml"
    assert not asks_for_kiosk(path)  # no file
    for text, asks in [("[kiosk]\nenabled = false\nx = [\n", False), ("[kiosk]\n  enabled =  false\n", False),
                       ("[kiosk]\nidle_seconds = 30\n", False), ("[kiosk]\nenabled = true\nx = [\n", True),
                       ("enabled = true\n", True), ("[kiosk]\nenabled = 1\n", True)]:
        path.write_text(text, encoding="utf-8")
        assert asks_for_kiosk(path) is asks, text
