"""Staff load a signed content pack in the app: summary, confirm, new content, bookmarks kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from guide.app import build_window
from guide.content.build import build_content_db
from guide.ui.history import Location
from guide.updates import api as updates
from tests.conftest import MINI_PACK
from tests.support import answer_yes


def _signed_pack(tmp_path: Path, data_dir: Path, *, version: int, sign: bool = True,
                 breaks: bool = False) -> Path:
    pack = Path(shutil.copytree(MINI_PACK, tmp_path / f"pack{version}"))
    meta = pack / "pack.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("version = 1", f"version = {version}"),
                    encoding="utf-8")
    items = pack / "items.toml"
    text = items.read_text(encoding="utf-8")
    start = text.index('[[forum]]\nid = "overlap"')
    text = text[:start] + text[text.index("[[forum]]", start + 5):]  # "overlap" is withdrawn
    text += ('\n[[forum]]\nid = "late-addition"\ntitle = "新增论坛"\ntitle_en = "A late addition"\n'
             'kind = "sub_forum"\ndate = 2023-05-29\nsummary = "新增。"\nsummary_en = "Added."\n'
             'text = ["正文。"]\n')
    items.write_text(text, encoding="utf-8")
    out = tmp_path / f"mini-{version}.guidepack"
    updates.build_pack_file(pack, out)
    if breaks:
        return out
    key = tmp_path / "team"
    if not (tmp_path / "team.key").exists():
        updates.generate_key_pair(key, "Content team")
        (data_dir / "updates.toml").write_text(
            f'[updates]\ntrusted_keys = ["{(tmp_path / "team.pub").as_posix()}"]\n', encoding="utf-8")
    if sign:
        updates.sign_pack_file(out, updates.load_private_key(tmp_path / "team.key"))
    return out


def test_staff_import_shows_changes_swaps_content_keeps_bookmarks_and_restores(
    qtbot, tmp_path: Path, _user_data: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    guide = build_window(current, lang="en", user_db=tmp_path / "user.db")
    qtbot.addWidget(guide.window)
    guide.window.show()
    guide.ctx.bookmarks.toggle("forum", "overlap")
    pack = _signed_pack(tmp_path, _user_data, version=2)
    asked = answer_yes(monkeypatch)
    with qtbot.waitSignal(guide.updates.finished, timeout=30000) as done:
        guide.updates.start_import(pack)
    assert done.args == [True]
    assert "version 2, signed by Content team" in asked[0]
    assert "+ A late addition" in asked[0] and "− Overlapping forum" in asked[0]
    assert "no longer in the guide" in asked[0]

    assert guide.window.go(Location.item("forum", "late-addition"))
    assert guide.window.findChild(QLabel, "detailTitle").text() == "A late addition"
    guide.window.go(Location("bookmarks"))
    rows = guide.window.page("bookmarks").model.rows()
    entries = [r for r in rows if hasattr(r, "view")]
    assert [(e.view.id, e.note) for e in entries] == [("overlap", "No longer in the guide")]

    guide.updates.refresh_actions()
    assert guide.updates.restore_action.isEnabled()
    assert guide.updates.restore()
    assert not guide.window.go(Location.item("forum", "late-addition"))
    assert guide.window.go(Location.item("forum", "overlap"))
    guide.close()


@pytest.mark.parametrize("case", ["unsigned", "invalid"])
def test_refused_pack_changes_nothing_and_says_why(
    qtbot, tmp_path: Path, _user_data: Path, case: str  # type: ignore[no-untyped-def]
) -> None:
    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    before = current.read_bytes()
    guide = build_window(current, lang="en", user_db=tmp_path / "user.db")
    qtbot.addWidget(guide.window)
    pack = _signed_pack(tmp_path, _user_data, version=2, sign=case != "unsigned")
    if case == "invalid":
        broken = Path(shutil.copytree(MINI_PACK, tmp_path / "broken"))
        meta = broken / "pack.toml"
        meta.write_text(meta.read_text(encoding="utf-8").replace("version = 1", "version = 3"),
                        encoding="utf-8")
        items = broken / "items.toml"
        items.write_text(items.read_text(encoding="utf-8").replace('org = "most", role = "主办"',
                                                                    'org = "ghost", role = "主办"'),
                         encoding="utf-8")
        pack = tmp_path / "broken.guidepack"
        _build_unvalidated(broken, pack)
        updates.sign_pack_file(pack, updates.load_private_key(tmp_path / "team.key"))
    with qtbot.waitSignal(guide.updates.finished, timeout=30000) as done:
        guide.updates.start_import(pack)
    assert done.args == [False]
    message = guide.updates.last_message
    if case == "unsigned":
        assert "sign" in message
    else:
        assert "items.toml: forum.0.organisers.0.org: unknown organization id 'ghost'" in message
    assert current.read_bytes() == before
    assert guide.window.go(Location.item("forum", "overlap"))
    guide.close()


def _build_unvalidated(src: Path, out: Path) -> None:
    """A pack file with a dangling reference (as a publisher with an older tool might make)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("guide.content.loader._check_references", lambda pack, errors: None)
        updates.build_pack_file(src, out)


def test_a_staff_question_speaks_the_ui_language_and_no_means_no(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Qt's own question box said "Yes" and "No" in the Chinese interface.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from guide.ui import boxes

    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    guide = build_window(current, lang="zh", user_db=tmp_path / "user.db")
    qtbot.addWidget(guide.window)
    guide.window.show()
    seen: list[list[str]] = []

    def answer(which: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([box.button(b).text() for b in (QMessageBox.StandardButton.Yes,
                                                    QMessageBox.StandardButton.No)])
        box.button(which).click()

    for which, expected in ((QMessageBox.StandardButton.No, False), (QMessageBox.StandardButton.Yes, True)):
        QTimer.singleShot(0, lambda which=which: answer(which))
        assert boxes.ask(guide.window, "恢复？", "恢复之前的内容？") is expected
    assert seen == [["是", "否"], ["是", "否"]]
    guide.close()


def test_a_refusal_says_what_it_means_in_the_ui_language_with_the_first_problems(
    qtbot, tmp_path: Path, _user_data: Path  # type: ignore[no-untyped-def]
) -> None:
    """A Chinese staff member read only "the archive is damaged or incomplete (a truncated
    download?): File is not a zip file" under 未载入此内容包."""
    from PySide6.QtWidgets import QMessageBox

    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    guide = build_window(current, lang="zh", user_db=tmp_path / "user.db")
    qtbot.addWidget(guide.window)
    pack = _signed_pack(tmp_path, _user_data, version=2)
    cut = tmp_path / "cut.guidepack"
    cut.write_bytes(pack.read_bytes()[:700])
    with qtbot.waitSignal(guide.updates.finished, timeout=30000) as done:
        guide.updates.start_import(cut)
    assert done.args == [False]
    box = guide.window.findChild(QMessageBox, "importRefused")
    assert box is not None and box.windowTitle() == "未载入此内容包"
    said = box.text()
    assert said.startswith("文件已损坏或不完整。请重新复制或下载。\n\n"), said
    assert guide.updates.last_message in said  # the specifics follow, as the core wrote them
    guide.close()


def test_a_file_that_is_no_pack_is_not_called_damaged(
    qtbot, tmp_path: Path, _user_data: Path  # type: ignore[no-untyped-def]
) -> None:
    """A content database opened with "Open content pack..." said the file was damaged and to
    download it again, which no download could mend."""
    from PySide6.QtWidgets import QMessageBox

    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    guide = build_window(current, lang="en", user_db=tmp_path / "user.db")
    qtbot.addWidget(guide.window)
    with qtbot.waitSignal(guide.updates.finished, timeout=30000) as done:
        guide.updates.start_import(current)
    assert done.args == [False]
    box = guide.window.findChild(QMessageBox, "importRefused")
    assert box is not None
    said = box.text()
    assert said.startswith("This file is not a content pack (.guidepack). Open the .guidepack "
                           "file from the content team"), said
    assert "damaged" not in said and "SQLite database" in said
    guide.close()


def test_restore_with_nothing_to_go_back_to_says_so(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """Restore past what the slot keeps raised out of the menu's slot: nothing was said."""
    from PySide6.QtWidgets import QMessageBox

    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    guide = build_window(current, lang="en", user_db=tmp_path / "user.db")
    qtbot.addWidget(guide.window)
    monkeypatch.setattr("guide.ui.boxes.ask", lambda *_a, **_k: True)
    assert guide.updates.restore() is False
    box = guide.window.findChild(QMessageBox, "restoreRefused")
    assert box is not None and box.text().startswith("There is no previous content to go back to.")
    assert guide.ctx.content_path == current
    guide.close()


def test_closing_the_guide_while_a_pack_is_being_built_ends_the_build(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """Closing the window 5 s into a long build (a big pack, a slow disk) aborted the process:
    the thread was destroyed while the build ran on. The build now stops at its next step."""
    import time

    steps: list[int] = []

    def slow_build(*_args: object, progress, **_kwargs: object) -> None:  # type: ignore[no-untyped-def]
        for done in range(400):  # 20 s, reporting as a build does
            steps.append(done)
            progress("build", done, 400)
            time.sleep(0.05)

    monkeypatch.setattr(updates, "prepare_update", slow_build)
    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    guide = build_window(current, lang="en", user_db=tmp_path / "user.db")
    qtbot.addWidget(guide.window)
    guide.window.show()
    guide.updates.start_import(tmp_path / "big.guidepack")
    qtbot.waitUntil(lambda: len(steps) > 3, timeout=10_000)
    guide.close()
    assert not guide.updates._thread.isRunning()
    assert len(steps) < 100  # it stopped rather than ran to its end
