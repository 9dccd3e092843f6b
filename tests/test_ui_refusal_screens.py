"""A refused programme's box on the staff laptops' small screens, at 100% and 200% text.

At 200% text on a 1024x640 screen the box with a sheet's first five problems was 698 pixels tall
(813 with its details shown), its OK and Show Details buttons off the bottom of the screen: Qt
sizes a message box to its whole text. Each screen is the offscreen platform's own, in a fresh
process (a test process has one screen, 800 pixels high).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI_PACK, ROOT

# Ten session rows with times Excel kept as numbers: ten long problems, five in the box's text.
SHEET = "编号,会议名称,日期,开始时间,结束时间\n" + "".join(
    f"F{n},论坛 {n},2023-05-25,{9 + n}.3,{10 + n}\n" for n in range(5))

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from guide.app import build_window
from guide.content.build import build_content_db

folder, source, pack = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
db = build_content_db(pack, folder / "content.db").path
found = []
for lang in ("zh", "en"):
    for scale in (1.0, 2.0):
        g = build_window(db, lang=lang, user_db=folder / f"user-{lang}-{scale}.db", remember=False)
        screen = g.window.screen().availableGeometry()
        g.window.resize(screen.width(), screen.height())
        g.window.show()
        g.ctx.state.set_text_scale(scale)
        QApplication.processEvents()
        loop = QEventLoop()
        g.updates.finished.connect(lambda ok: loop.quit())
        QTimer.singleShot(60000, loop.quit)
        g.updates.start_programme(source)
        loop.exec()
        box = g.window.findChild(QMessageBox, "importRefused")
        QApplication.processEvents()
        ok = box.button(QMessageBox.StandardButton.Ok)
        details = next(b for b in box.findChildren(QPushButton) if b.text() and b is not ok)
        for shown in (False, True):
            if shown:
                details.click()
                QApplication.processEvents()
            frame = box.frameGeometry()
            buttons = [b.rect().translated(b.mapToGlobal(b.rect().topLeft())) for b in (ok, details)]
            found.append({"lang": lang, "scale": scale, "details": shown, "text": box.text(),
                          "screen": [screen.x(), screen.y(), screen.right(), screen.bottom()],
                          "frame": [frame.x(), frame.y(), frame.right(), frame.bottom()],
                          "buttons": [[r.x(), r.y(), r.right(), r.bottom()] for r in buttons]})
        g.close()
print(json.dumps(found, ensure_ascii=False))
"""


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800)])
def test_a_long_refusal_fits_the_screen_with_its_buttons_at_every_text_size(
        tmp_path: Path, size: tuple[int, int]) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": size[0], "height": size[1], "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    source = tmp_path / "日程.csv"
    source.write_text(SHEET, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "ZGC_GUIDE_DATA": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), str(source), str(MINI_PACK)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert len(found) == 8
    for box in found:
        left, top, right, bottom = box["screen"]
        assert left <= box["frame"][0] and top <= box["frame"][1], box
        assert box["frame"][2] <= right and box["frame"][3] <= bottom, box
        for button in box["buttons"]:  # OK and Show/Hide Details, whole on the screen
            assert left <= button[0] and top <= button[1] and button[2] <= right and \
                button[3] <= bottom, box
        # The box says the same first problems as before, in its language (the text scrolls).
        said = "小数点后只有一位数字" if box["lang"] == "zh" else "has one digit after the dot"
        assert box["text"].count(said) == 3, box["text"]
