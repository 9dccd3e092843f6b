"""Shared fixtures. Tests run offscreen: CI has no display and no Chinese font."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.content.database import open_content_db
from guide.user.db import UserDb, open_user_db

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
MINI_PACK = Path(__file__).parent / "fixtures" / "mini_pack"
REAL_PACK = ROOT / "db" / "pack"
XML_39C3 = ROOT / "tests" / "fixtures" / "schedules" / "eventfahrplan-schedule-39c3-20251206.xml"


def import_39c3(folder: Path) -> Path:
    """The 39C3 schedule imported (``guide import``) and built into ``folder``; its database."""
    from guide.cli import main
    from guide.content.build import build_content_db

    assert main(["import", str(XML_39C3), "--out", str(folder / "pack")]) == 0
    return build_content_db(folder / "pack", folder / "c.db").path


@pytest.fixture(scope="session")
def programme_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 39C3 programme imported and built once for every test that reads it (read-only)."""
    return import_39c3(tmp_path_factory.mktemp("39c3"))


@pytest.fixture(autouse=True)
def _user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own user data folder: no test sees another's bookmarks."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("ZGC_GUIDE_DATA", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _no_windows_left_behind() -> Iterator[None]:
    """Delete every window a test leaves open once it ends.

    Closed windows stay alive until their deletion is processed; left to pile up, every later
    change of the app's font or style relayouts all of them (a text-size test took 90 s
    instead of 0.4 s at the end of a full run)."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:  # a test that never touched Qt
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for window in app.topLevelWidgets():
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def mini_pack(tmp_path: Path) -> Path:
    """A writable copy of the small test pack."""
    return Path(shutil.copytree(MINI_PACK, tmp_path / "pack"))


@pytest.fixture
def user(tmp_path: Path) -> Iterator[UserDb]:
    """An empty user database (bookmarks, settings) of the test's own."""
    u = open_user_db(tmp_path / "user.db")
    yield u
    u.close()


@pytest.fixture
def content(mini_db: Path) -> Iterator[sqlite3.Connection]:
    """The mini pack's content database, open."""
    c = open_content_db(mini_db)
    yield c
    c.close()


@pytest.fixture(scope="session")
def mini_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from guide.content.build import build_content_db

    return build_content_db(MINI_PACK, tmp_path_factory.mktemp("mini") / "content.db").path


@pytest.fixture(scope="session")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database built from the real content pack in db/pack."""
    from guide.content.build import build_content_db

    return build_content_db(REAL_PACK, tmp_path_factory.mktemp("real") / "content.db").path


def run_guide(*args: str, timeout: float = 120, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run the ``guide`` command as a user would, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "guide.cli", *args],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT, **kwargs,  # type: ignore[call-overload]
    )
