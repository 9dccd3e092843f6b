"""``guide --kiosk`` refuses to start without a PIN; ``guide kiosk`` commands; supervisor recipes."""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from pathlib import Path

import pytest

from guide.kiosk import STAFF_EXIT_CODE
from tests.conftest import ROOT, run_guide

KIOSK = ROOT / "packaging" / "kiosk"


def test_kiosk_refuses_to_start_without_a_pin_and_says_how_to_set_one(tmp_path: Path) -> None:
    done = run_guide("--kiosk", "--user-db", str(tmp_path / "user.db"))
    assert done.returncode == 2
    assert "guide kiosk set-pin" in done.stderr and "--user-db" in done.stderr


def test_set_pin_stores_only_a_hash(tmp_path: Path) -> None:
    db = tmp_path / "user.db"
    bad = run_guide("kiosk", "set-pin", "--stdin", "--user-db", str(db), input="12ab\n")
    assert bad.returncode == 2 and "digits" in bad.stderr
    done = run_guide("kiosk", "set-pin", "--stdin", "--user-db", str(db), input="864209\n")
    assert done.returncode == 0, done.stderr
    assert b"864209" not in db.read_bytes() + (db.with_name("user.db-wal").read_bytes()
                                                if db.with_name("user.db-wal").exists() else b"")
    status = run_guide("kiosk", "status", "--user-db", str(db))
    assert status.returncode == 0 and "staff PIN: set" in status.stdout
    assert "idle_seconds = 90.0" in status.stdout
    assert run_guide("kiosk", "clear-pin", "--user-db", str(db), input="864209\n").returncode == 0
    assert "NOT SET" in run_guide("kiosk", "status", "--user-db", str(db)).stdout


def test_a_broken_kiosk_config_is_refused_by_name(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[kiosk]\nidle_seconds = -1\n", encoding="utf-8")
    done = run_guide("--kiosk", "--kiosk-config", str(config))
    assert done.returncode == 2
    assert f"{config}: kiosk.idle_seconds: must be from 10 to 86400 seconds, got -1" in done.stderr


def test_a_kiosk_screenshot_of_a_map_the_content_lacks_fails_cleanly(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, real_db: Path) -> None:
    """Content without floor plans: "no such page: map", then the interpreter crashed on
    its way out (exit 139) about one run in two; the kiosk was left installed on the window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from guide.kiosk_screenshot import take_kiosk_screenshot

    app = QApplication.instance()
    dialogs = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    before = (app.quitOnLastWindowClosed(), app.testAttribute(dialogs), set(app.topLevelWidgets()))
    with pytest.raises(ValueError, match=r"no such page: map \(the content's maps: none\)"):
        take_kiosk_screenshot("map", tmp_path / "map.png", size="1024x640", content_db=real_db)
    # The kiosk was taken down (it sets both) and its window closed.
    assert (app.quitOnLastWindowClosed(), app.testAttribute(dialogs)) == before[:2]
    assert [w for w in app.topLevelWidgets() if w.isVisible() and w not in before[2]] == []
    assert not (tmp_path / "map.png").exists()
    done = run_guide("kiosk", "screenshot", "map", "--out", str(tmp_path / "map.png"),
                     "--content-db", str(real_db), "--size", "1024x640")
    assert done.returncode == 2, done.stderr  # bad input, as `guide screenshot` says of a page
    assert "error: no such page: map (the content's maps: none)" in done.stderr


def test_kiosk_screenshot_command(tmp_path: Path, real_db: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "attract.png"
    done = run_guide("kiosk", "screenshot", "attract", "--out", str(out), "--size", "960x540",
                     "--content-db", str(real_db), "--now", "2023-05-29T10:00")
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (960, 540)


def test_kiosk_screenshot_shows_a_visitor_s_high_contrast(tmp_path: Path, real_db: Path) -> None:
    """The kiosk's screens in the theme a visitor switched to, for a review at the edges."""
    from PySide6.QtGui import QColor, QImage

    toolbar = {}
    for theme_name in ("standard", "high-contrast"):
        out = tmp_path / f"{theme_name}.png"
        done = run_guide("kiosk", "screenshot", "home", "--out", str(out), "--size", "1366x768",
                         "--content-db", str(real_db), "--now", "2023-05-29T10:00",
                         "--theme", theme_name)
        assert done.returncode == 0, done.stderr
        toolbar[theme_name] = QImage(str(out)).pixelColor(700, 4)
    assert toolbar["high-contrast"] == QColor("#ffd400")  # the high-contrast toolbar's yellow
    assert toolbar["standard"] != toolbar["high-contrast"]
    bad = run_guide("kiosk", "screenshot", "home", "--out", str(tmp_path / "x.png"), "--theme", "dark")
    assert bad.returncode == 2 and "high-contrast" in bad.stderr


# --- supervisor recipes ---------------------------------------------------------------------

def test_systemd_unit_restarts_always_except_after_a_staff_exit() -> None:
    unit = (KIOSK / "zgc-guide-kiosk.service").read_text(encoding="utf-8")
    assert "\nRestart=always\n" in unit
    assert f"\nRestartPreventExitStatus={STAFF_EXIT_CODE}\n" in unit
    assert "\nStartLimitIntervalSec=0\n" in unit
    # The installed program; tests/test_packaging_build.py verifies the unit as the .deb installs it.
    assert "\nExecStart=/usr/bin/zgc-guide --kiosk\n" in unit


def test_launch_agent_keeps_the_kiosk_alive() -> None:
    with (KIOSK / "org.zgc-guide.kiosk.plist").open("rb") as f:
        plist = plistlib.load(f)
    assert plist["KeepAlive"] == {"SuccessfulExit": False} and plist["RunAtLoad"] is True
    assert plist["ProgramArguments"][-1].endswith("/run-kiosk.sh")


@pytest.mark.parametrize(("code", "expected"), [(STAFF_EXIT_CODE, 0), (0, 1), (1, 1), (70, 70), (137, 137)])
def test_run_kiosk_sh_maps_the_staff_exit_to_success(tmp_path: Path, code: int, expected: int) -> None:
    fake = tmp_path / "guide"
    fake.write_text(f"#!/bin/sh\n[ \"$1\" = --kiosk ] || exit 99\nexit {code}\n", encoding="utf-8")
    fake.chmod(0o755)
    done = subprocess.run(["sh", str(KIOSK / "run-kiosk.sh")], env={**os.environ, "GUIDE": str(fake)},
                          timeout=30)
    assert done.returncode == expected


def test_windows_scripts_use_the_staff_exit_code() -> None:
    for name in ("install-windows-kiosk.ps1", "run-kiosk.ps1"):
        text = (KIOSK / name).read_text(encoding="utf-8")
        assert f"$StaffExitCode = {STAFF_EXIT_CODE}" in text
    assert "SetCustomShell" in (KIOSK / "install-windows-kiosk.ps1").read_text(encoding="utf-8")


CRASHING_SLOT = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from guide.app import build_window, ensure_app
from guide.kiosk.config import KioskConfig
from guide.kiosk.controller import install_kiosk
from guide.kiosk.pin import MemoryPinStore, set_pin
from guide.ui.history import Location

app = ensure_app()
guide = build_window(Path(sys.argv[1]), now="2023-05-29T10:00")
pins = MemoryPinStore()
set_pin(pins, "2468", n=2**10)
kiosk = install_kiosk(guide, KioskConfig(full_screen=False, keep_screen_on=False), size=(800, 600),
                      pin_store=pins)
kiosk.activity()
guide.window.go(Location.item("forum", "green-finance-forum"))

def broken_slot():
    raise RuntimeError("a bug in a slot")

QTimer.singleShot(50, broken_slot)
QTimer.singleShot(600, lambda: print("LOCATION", guide.window.current_location().page, flush=True))
QTimer.singleShot(700, lambda: app.exit(3))
code = app.exec()
kiosk.shutdown()
sys.exit(code)
"""


def test_an_exception_in_a_slot_is_logged_and_the_kiosk_lives_on(tmp_path: Path, real_db: Path) -> None:
    """In a fresh process (no pytest-qt hook): the kiosk's excepthook is what Qt calls."""
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_SLOT, encoding="utf-8")
    env = {**os.environ, "ZGC_GUIDE_DATA": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(script), str(real_db)], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 3, done.stderr  # it went on to the planned exit
    assert "LOCATION home" in done.stdout  # Home shown again
    log = (tmp_path / "data" / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "RuntimeError: a bug in a slot" in log and "unhandled exception" in log
