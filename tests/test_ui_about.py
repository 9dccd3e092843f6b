"""The About dialog in the staff menu: version, content pack and its signer, licences."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from guide.app import build_window, show_about
from guide.ui.about import AboutDialog


def test_staff_menu_opens_about_with_version_content_and_licences(qtbot: QtBot, real_db: Path,
                                                                    tmp_path: Path,
                                                                    monkeypatch: object) -> None:
    guide = build_window(real_db, now="2023-05-29T10:00", lang="en")
    qtbot.addWidget(guide.window)
    notices = tmp_path / "THIRD-PARTY-NOTICES.txt"
    notices.write_text("- Qt 6.11.3: LGPL-3.0-only (copyright The Qt Company Ltd)\n", encoding="utf-8")
    import guide.ui.about as about_module

    monkeypatch.setattr(about_module, "notices_path", lambda: notices)  # type: ignore[attr-defined]
    (action,) = [a for a in guide.window.staff_menu.actions() if a.objectName() == "aboutAction"]
    assert action.text() == "About ZGC Forum Guide..."
    action.trigger()
    dialog = guide.window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.version_label.text() == importlib.metadata.version("zgc-guide")
    assert "zgc2023 v1" in dialog.content_label.text()
    assert dialog.signer_label.text() == "none: the content shipped with the program"
    assert "LGPL-3.0-only" in dialog.licences.toPlainText()
    dialog.close()
    guide.close()


def test_about_in_chinese_and_without_notices(qtbot: QtBot, real_db: Path, tmp_path: Path) -> None:
    guide = build_window(real_db, now="2023-05-29T10:00", lang="zh")
    qtbot.addWidget(guide.window)
    (action,) = [a for a in guide.window.staff_menu.actions() if a.objectName() == "aboutAction"]
    assert action.text() == "关于中关村论坛指南…"
    dialog = AboutDialog(guide.ctx.content, "zh", guide.window, notices=tmp_path / "missing.txt")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "关于中关村论坛指南"
    labels = {w.text() for w in dialog.findChildren(QLabel)}
    assert {"版本", "内容包", "签名者"} <= labels
    assert "THIRD-PARTY-NOTICES.txt" in dialog.licences.toPlainText()
    assert show_about(guide).isVisible()
    guide.close()


def test_a_programme_opened_from_a_file_is_said_to_be_signed_by_no_one(
        qtbot: QtBot, real_db: Path, tmp_path: Path) -> None:
    """The content of "Open programme…" records its signer as "staff import", which the
    dialog showed as a signature, in English in the Chinese dialog."""
    import shutil
    import sqlite3

    from guide.updates.programme import STAFF_SIGNER

    db = tmp_path / "programme.db"
    shutil.copy(real_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('signer', ?)", (STAFF_SIGNER,))
    conn.close()
    guide = build_window(db, now="2023-05-29T10:00", lang="zh")
    qtbot.addWidget(guide.window)
    dialog = AboutDialog(guide.ctx.content, "zh", guide.window, notices=tmp_path / "missing.txt")
    qtbot.addWidget(dialog)
    assert "staff" not in dialog.signer_label.text() and dialog.signer_label.text().startswith("无")
    guide.close()
