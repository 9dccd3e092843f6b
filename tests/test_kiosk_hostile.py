"""A kiosk against a hostile update source: polls keep their schedule, every exit is clean.

The reliability run saw one poll start every 20 s instead of every 3 s against a source
sending a byte a second, SIGABRT ("QThread: Destroyed while thread 'content-poll' is
still running") when the kiosk quit mid-download, and Home-reset code run on the
worker thread after a failing poll. Short intervals and deadlines keep these fast.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler

from guide.content.build import build_content_db
from guide.kiosk.fleet import FleetUpdater
from guide.updates import api
from tests.conftest import MINI_PACK, ROOT, run_guide
from tests.hostile_server import hostile_server
from tests.test_kiosk_ui import make_kiosk
from tests.test_updates_support import make_key


@pytest.fixture(scope="module")
def mini_running(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_content_db(MINI_PACK, tmp_path_factory.mktemp("running") / "content.db").path


@contextlib.contextmanager
def polling_a_dripping_source(qtbot, tmp_path: Path, db: Path) -> Iterator[tuple[FleetUpdater, Any]]:  # type: ignore[no-untyped-def]
    """A kiosk whose updater polls, once a second, a source that sends a byte at a time."""
    trusted = (make_key(tmp_path / "keys")[1],)
    kiosk = make_kiosk(qtbot, db, tmp_path)
    with hostile_server() as (url, hostile):
        hostile.mode = "drip"
        config = api.UpdateConfig(source=url, trusted_keys=trusted, poll_seconds=1.0, timeout_seconds=30)
        updater = FleetUpdater(kiosk.guide, kiosk.k, config)
        try:
            updater.start()
            yield updater, hostile
        finally:
            updater.shutdown()
            kiosk.k.shutdown()
            kiosk.guide.close()


def test_polls_keep_their_schedule_against_a_dripping_source(
        qtbot, tmp_path: Path, mini_running: Path) -> None:  # type: ignore[no-untyped-def]
    with polling_a_dripping_source(qtbot, tmp_path, mini_running) as (updater, hostile):
        qtbot.wait(5_300)
    starts = [started for started, _ended, _status in updater.polls]
    assert len(starts) >= 5  # one now, then one a second: not one in 20 s
    assert updater.skipped == 0  # no poll was still running when the next was due
    assert all(ended - started < 1.0 for started, ended, _ in updater.polls)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert max(gaps) < 1.6
    assert hostile.requests >= 5


def test_a_busy_screen_does_not_delay_the_polls(
        qtbot, tmp_path: Path, mini_running: Path) -> None:  # type: ignore[no-untyped-def]
    """The schedule is kept on the poll thread: while the UI thread is busy for 3 s (a slow
    page, a language switch on a loaded machine), polls still start every second."""
    with polling_a_dripping_source(qtbot, tmp_path, mini_running) as (updater, _hostile):
        qtbot.wait(1_200)
        busy_from = time.monotonic()
        time.sleep(3.0)  # the UI thread processes no event at all
        busy_until = time.monotonic()
        qtbot.wait(1_200)
    during = [s for s, _e, _status in updater.polls if busy_from <= s <= busy_until]
    assert len(during) >= 2, updater.polls


def test_a_failing_poll_never_touches_qt_off_the_ui_thread(
        qtbot, tmp_path: Path, mini_running: Path, _user_data: Path) -> None:  # type: ignore[no-untyped-def]
    (_user_data / "content").write_text("not a folder")  # the slot cannot be made: the poll raises
    trusted = (make_key(tmp_path / "keys")[1],)
    kiosk = make_kiosk(qtbot, mini_running, tmp_path)
    warnings: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg:
            warnings.append(message)

    previous = qInstallMessageHandler(handler)
    recovered: list[bool] = []
    kiosk.k.recovered.connect(lambda: recovered.append(True))
    updater = FleetUpdater(kiosk.guide, kiosk.k, api.UpdateConfig(
        source=str(tmp_path / "share"), trusted_keys=trusted, poll_seconds=60))
    try:
        updater.poll_now()
        qtbot.waitUntil(lambda: bool(updater.polls), timeout=20_000)
        qtbot.wait(200)
    finally:
        updater.shutdown()
        qInstallMessageHandler(previous)
        kiosk.k.shutdown()
        kiosk.guide.close()
    assert updater.last_status == "FAILED"
    assert updater.polls[-1][2] == "FAILED"
    assert not [w for w in warnings if "thread" in w.lower()], warnings
    assert recovered == []  # the visitor's screen was not reset by a worker's error


def _kiosk_env(tmp_path: Path, user_data: Path, url: str) -> Path:
    _private, _public, _key_file, pub_file = make_key(tmp_path / "keys")
    (user_data / "updates.toml").write_text(
        f'[updates]\nsource = "{url}"\ntrusted_keys = ["{pub_file.as_posix()}"]\npoll_minutes = 1\n',
        encoding="utf-8")
    user = tmp_path / "user.db"
    assert run_guide("kiosk", "set-pin", "--stdin", "--user-db", str(user), input="864209\n").returncode == 0
    return user


def _wait_for_drip(hostile: object, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and getattr(hostile, "bytes_sent", 0) < 100:
        time.sleep(0.1)
    assert getattr(hostile, "bytes_sent", 0) >= 100, "the kiosk never started its poll"


@pytest.mark.parametrize("how", ["quit", "SIGTERM"])
def test_quitting_during_a_slow_download_is_clean(how: str, tmp_path: Path, _user_data: Path,
                                                  mini_running: Path) -> None:
    with hostile_server() as (url, hostile):
        hostile.mode = "drip"
        hostile.drip_interval = 0.01
        user = _kiosk_env(tmp_path, _user_data, url)
        args = [sys.executable, "-m", "guide.cli", "--kiosk", "--content-db", str(mini_running),
                "--user-db", str(user)]
        if how == "quit":
            args += ["--quit-after", "6"]
        proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        try:
            _wait_for_drip(hostile)  # the poll is downloading, a byte every 10 ms
            if how == "SIGTERM":
                proc.send_signal(signal.SIGTERM)
            _out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
        still_dripping = not hostile.stopping.is_set()
    assert still_dripping
    assert proc.returncode == 0, err
    assert "QThread" not in err and "Destroyed" not in err
    assert "Traceback" not in err


# Runs the real `guide --kiosk` and, once told (the file in argv[1] exists), does what staff
# do: the exit chord opens the PIN pad, the PIN is tapped in and confirmed.
STAFF_EXIT_DRIVER = """
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

import guide.kiosk.controller as controller
from guide.cli import main

go, pin = Path(sys.argv[1]), sys.argv[2]
install = controller.install_kiosk


def install_and_await_staff(guide, config, **options):
    kiosk = install(guide, config, **options)

    def exit_when_told():
        if not go.exists():
            return
        timer.stop()
        mods = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.ShiftModifier)
        QTest.keyClick(kiosk.window, Qt.Key.Key_K, mods)
        assert kiosk.pin_pad.isVisible(), "the exit chord did not open the PIN pad"
        for digit in pin:
            QTest.mouseClick(kiosk.pin_pad.digit_keys[digit], Qt.MouseButton.LeftButton)
        QTest.mouseClick(kiosk.pin_pad.ok, Qt.MouseButton.LeftButton)

    timer = QTimer(kiosk)
    timer.timeout.connect(exit_when_told)
    timer.start(50)
    return kiosk


controller.install_kiosk = install_and_await_staff
sys.exit(main(sys.argv[3:]))
"""


def test_a_staff_pin_exit_during_a_slow_download_is_clean(tmp_path: Path, _user_data: Path,
                                                          mini_running: Path) -> None:
    from guide.kiosk import STAFF_EXIT_CODE

    go = tmp_path / "staff-at-the-kiosk"
    with hostile_server() as (url, hostile):
        hostile.mode = "drip"
        hostile.drip_interval = 0.01
        user = _kiosk_env(tmp_path, _user_data, url)
        args = [sys.executable, "-c", STAFF_EXIT_DRIVER, str(go), "864209", "--kiosk",
                "--content-db", str(mini_running), "--user-db", str(user)]
        proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        try:
            _wait_for_drip(hostile)  # the poll is downloading, a byte every 10 ms
            sent = hostile.bytes_sent
            go.touch()
            _out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
        still_dripping = not hostile.stopping.is_set()
    assert still_dripping and sent >= 100
    assert proc.returncode == STAFF_EXIT_CODE, err  # the supervisor's "staff closed me" code
    assert "QThread" not in err and "Destroyed" not in err
    assert "Traceback" not in err and "AssertionError" not in err
    assert "staff exit" in (_user_data / "logs" / "kiosk.log").read_text(encoding="utf-8")
