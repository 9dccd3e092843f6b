"""Staff questions and warnings around loading content: on screen, in the UI's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QPlainTextEdit

from guide.app import build_window
from guide.content.build import build_content_db
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
    assert "Nudeln Hacken / Hack Noodles" in str(seen["listing"])  # the lists, scrolling
    assert done.args == [key == Qt.Key.Key_Return]
    g.close()
