"""Staff questions and warnings around loading content: on screen, in the UI's language."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QPlainTextEdit

from guide.app import build_window
from guide.content.build import build_content_db
from guide.user.bookmarks import stored_bookmarks
from tests.conftest import MINI_PACK, XML_39C3


def _staff_window(qtbot, tmp_path: Path, lang: str):  # type: ignore[no-untyped-def]
    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    g = build_window(current, lang=lang, user_db=tmp_path / "user.db")
    qtbot.addWidget(g.window)
    g.window.resize(1024, 640)
    g.window.show()
    return g


@pytest.mark.parametrize(("lang", "key"), [("en", Qt.Key.Key_Escape), ("zh", Qt.Key.Key_Return)])
def test_the_load_question_for_a_big_programme_fits_the_screen_and_keys_answer_it(
    qtbot, tmp_path: Path, _user_data: Path, lang: str, key: Qt.Key  # type: ignore[no-untyped-def]
) -> None:
    # The box grew with its lists to 1984 px (English) and 1606 px (Chinese) on an 800 px
    # screen: Yes and No were below the bottom of the screen.
    g = _staff_window(qtbot, tmp_path, lang)
    seen: dict[str, object] = {}

    def look() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() == "importProgress":
            QTimer.singleShot(20, look)
            return
        try:
            screen = box.screen().availableGeometry()
            frame = box.frameGeometry()
            seen["fits"] = screen.top() <= frame.top() and frame.bottom() <= screen.bottom()
            yes = [b for b in box.findChildren(QAbstractButton) if b.text() in ("Yes", "是")]
            seen["yes"] = [b.text() for b in yes]
            seen["yes_on_screen"] = all(
                b.mapToGlobal(b.rect().bottomLeft()).y() <= screen.bottom() for b in yes)
            listing = box.findChild(QPlainTextEdit, "questionListing")
            seen["listing"] = listing.toPlainText() if listing is not None else ""
            # Sent to the box's focus (offscreen, the box is not always the active window yet).
            qtbot.keyClick(box.focusWidget() or box, key)
        finally:
            if box.isVisible():  # a failed look must not leave the test waiting on the box
                box.close()

    QTimer.singleShot(0, look)
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(XML_39C3)
    assert seen["fits"] and seen["yes_on_screen"]
    assert seen["yes"] == ["Yes" if lang == "en" else "是"]
    listing = str(seen["listing"]).splitlines()
    # The lists, scrolling, in the programme's order: the congress opens first.
    assert listing[1:3] == ["   + Opening Ceremony", '   + All Sorted by Machines of Loving Grace? "AI", '
                            "Cybernetics, and Fascism and how to Intervene"]
    assert "   + … (+209)" in listing
    assert done.args == [key == Qt.Key.Key_Return]
    g.close()


SHEET = "编号 ID,标题 Title,日期 Date,开始 Start,结束 End\n{rows}"


def _sheet(tmp_path: Path, name: str, titles: list[str]) -> Path:
    rows = "".join(f"S{n},{t},2023-05-27,{9 + n}:00,{10 + n}:00\n" for n, t in enumerate(titles))
    path = tmp_path / name
    path.write_text(SHEET.format(rows=rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "The disk is full. Free some space and try again.\n\nNothing was changed"),
    ("zh", "磁盘已满"),
])
def test_a_disk_that_fills_while_a_programme_is_read_says_so_not_that_the_file_is_bad(
    qtbot, tmp_path: Path, _user_data: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    lang: str, said: str,
) -> None:
    """The box said only "The file could not be loaded.": the file was fine, the disk full."""
    from guide.updates import api as updates

    g = _staff_window(qtbot, tmp_path, lang)
    slot = updates.default_slot().root
    write_text = Path.write_text

    def disk_fills(path: Path, *args: object, **kwargs: object) -> int:
        if slot in path.parents:  # the programme's pack, written beside the content
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return write_text(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", disk_fills)
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(_sheet(tmp_path, "first.csv", ["Opening"]))
    assert done.args == [False]
    box = g.window.findChild(QMessageBox, "importRefused")
    assert box is not None and box.isVisible()
    assert box.text().startswith(said), box.text()
    assert "the disk is full" in box.text()  # the core's line names the folder
    g.close()


@pytest.mark.parametrize("case", ["disk full", "staged file gone"])
def test_yes_when_the_new_content_cannot_be_switched_to_says_so_and_changes_nothing(
    qtbot, tmp_path: Path, _user_data: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    case: str,
) -> None:
    # The disk filled while "Load this content?" was open: Yes did nothing and said nothing
    # (a traceback on stderr), and left a temp state file and databases nobody named.
    from guide.ui import boxes
    from guide.updates import api as updates

    g = _staff_window(qtbot, tmp_path, "en")
    monkeypatch.setattr(boxes, "ask", lambda *args: True)
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(_sheet(tmp_path, "first.csv", ["Opening", "Keynote"]))
    assert done.args == [True]
    (talk,) = g.ctx.content.execute("SELECT id FROM forum ORDER BY id LIMIT 1").fetchone()
    g.ctx.bookmarks.toggle("forum", talk)
    slot = updates.default_slot().root
    state_before = (slot / "state.json").read_bytes()
    files_before = sorted(p.name for p in slot.iterdir())
    content_before = g.ctx.content_path
    write_text = Path.write_text

    def disk_fills(path: Path, *args: object, **kwargs: object) -> int:
        if path.name.startswith(".state.json"):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return write_text(path, *args, **kwargs)  # type: ignore[arg-type]

    def answer(*_args: object) -> bool:  # while the question is open
        if case == "disk full":
            monkeypatch.setattr(Path, "write_text", disk_fills)
        else:
            for staged in slot.glob(".stage-*.db"):
                staged.unlink()
        return True

    monkeypatch.setattr(boxes, "ask", answer)
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(_sheet(tmp_path, "second.csv", ["Opening", "Keynote", "Panel"]))
    monkeypatch.setattr(Path, "write_text", write_text)
    assert done.args == [False]
    box = g.window.findChild(QMessageBox, "importRefused")
    assert box is not None and box.isVisible()
    said = "The disk is full." if case == "disk full" else "or the prepared copy is gone"
    assert said in box.text() and "Nothing was changed" in box.text()
    assert g.ctx.content_path == content_before
    assert (slot / "state.json").read_bytes() == state_before
    assert sorted(p.name for p in slot.iterdir()) == files_before  # no temp file, no orphan
    assert [b.id for b in stored_bookmarks(g.ctx.user)] == [talk]
    g.close()


def test_qt_own_dialog_texts_follow_the_ui_language(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A refusal with details had "Show Details..." in the Chinese interface.
    from PySide6.QtWidgets import QPushButton

    from guide.ui import boxes

    g = _staff_window(qtbot, tmp_path, "zh")

    def details_button() -> str:
        box = boxes.message_box(g.window, QMessageBox.Icon.Warning, "未载入此日程", "第 2 行")
        box.setDetailedText("row 2: '25:00' is not a time")
        box.show()
        (button,) = [b for b in box.findChildren(QPushButton)
                     if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]
        text = button.text()
        box.close()
        return text

    assert details_button() == "显示详情..."
    g.window.toggle_language()
    assert details_button() == "Show Details..."
    g.close()


# The guide in a fresh process (its app.exec() would leave this one's application closing
# down), its user folder on a read-only disk; the box's text and buttons are printed.
START_ON_A_READ_ONLY_DISK = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from guide import app
from guide.cli import main
from guide.user.db import UserDbError

def read_only(_path=None):
    raise UserDbError("/media/usb/user.db is on a read-only disk; bookmarks and settings need "
                      "a folder this account can write", read_only=True)

app.open_user_db = read_only
shown = QMessageBox.open
def seen(box):
    shown(box)
    print(json.dumps([box.objectName(), box.text(), [b.text() for b in box.buttons()]]))
    QTimer.singleShot(0, lambda: box.done(0))
QMessageBox.open = seen
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("lang", "said", "ok"), [("zh", "本指南无法启动。", "确定"),
                                                  ("en", "The guide cannot start.", "OK")],
                         ids=["zh", "en"])
def test_the_start_up_error_of_a_read_only_user_folder_is_in_the_chosen_language(
    tmp_path: Path, mini_db: Path, lang: str, said: str, ok: str
) -> None:
    # It came before any translation was loaded: English under --lang zh.
    import json
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZGC_GUIDE_DATA": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", START_ON_A_READ_ONLY_DISK, "--lang", lang,
                        "--content-db", str(mini_db), "--quit-after", "30"],
                       capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert r.returncode == 2, r.stderr
    name, text, buttons = json.loads(r.stdout.strip().splitlines()[-1])
    assert name == "startErrorDialog"
    assert text.startswith(said) and "/media/usb/user.db is on a read-only disk" in text
    assert buttons == [ok]
