"""Bookmarks in the window: from details and lists, undo, clashes, restarts, content updates."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QListView, QMessageBox, QPushButton, QWidget

from guide.app import Guide, build_window
from guide.content.build import build_content_db
from guide.ui.history import Location
from guide.ui.models.lazy import BookmarkedRole, ItemRole
from guide.ui.views.bookmarks import Entry, Section
from tests.conftest import MINI_PACK, ROOT, run_guide
from tests.support import shown_guide


@pytest.fixture
def user_db(tmp_path: Path) -> Path:
    return tmp_path / "user.db"


@pytest.fixture
def guide(qtbot, mini_db: Path, user_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, mini_db, lang="en", user_db=user_db) as g:
        yield g


def _entries(g: Guide) -> list[Entry]:
    g.window.go(Location("bookmarks"))
    view = g.window.findChild(QListView, "bookmarksList")
    return [r for r in view.model().rows() if isinstance(r, Entry)]


def test_bookmark_from_detail_page_shows_everywhere(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = guide.window
    w.open_item("forum", "opening")
    button = w.detail.findChild(QPushButton, "bookmarkButton")
    assert not button.isChecked()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked() and button.text() == "Bookmarked"
    assert [(e.view.kind, e.view.id) for e in _entries(guide)] == [("forum", "opening")]
    forums = w.page("forums")
    forums.select_day(__import__("datetime").date(2023, 5, 27))
    row = forums.model.ids().index("opening")
    assert forums.model.index(row, 0).data(BookmarkedRole) is True
    w.open_item("forum", "opening")
    qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Ctrl+D toggles back
    assert not button.isChecked()
    assert _entries(guide) == []


def test_the_count_over_the_list_shows_only_when_there_is_one(guide: Guide) -> None:
    """"0 bookmarked" stood over "No bookmarks yet ...", saying it twice."""
    page = guide.window.page("bookmarks")
    guide.window.go(Location("bookmarks"))
    assert not page.subtitle.isVisible() and page.empty.isVisible()
    guide.ctx.bookmarks.toggle("forum", "opening")
    guide.window.go(Location("bookmarks"))
    assert page.subtitle.isVisible() and page.subtitle.text() == "1 bookmarked"


def _first_card(guide: Guide, page: str) -> tuple[QListView, QModelIndex, Any, QRect]:
    """The page's list, its first row, the row's delegate and card."""
    guide.window.go(Location(page))
    view = guide.window.page(page).view
    index = view.model().index(0, 0)
    delegate = view.itemDelegate()
    return view, index, delegate, delegate.card_rect(view.visualRect(index))


def test_star_on_a_list_row_toggles_without_opening(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = guide.window
    view, index, delegate, card = _first_card(guide, "photos")
    star = delegate.star_rect(card).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=star)
    assert w.current_location() == Location("photos")  # not opened
    assert index.data(BookmarkedRole) is True
    assert [(e.view.kind, e.view.id) for e in _entries(guide)] == [("photo", view.model().ids()[0])]
    w.go(Location("photos"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert w.current_location() == Location.item("photo", view.model().ids()[0])
    assert w.viewer.findChild(QPushButton, "bookmarkButton").isChecked()


def test_a_finger_beside_the_star_still_toggles_the_bookmark(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    # The star is about 30 px at 100% text: a kiosk visitor's finger needs 44.
    w = guide.window
    view, index, delegate, card = _first_card(guide, "forums")
    star, target = delegate.star_rect(card), delegate.star_target(card)
    assert star.width() < 44 and target.width() >= 44 and target.height() >= 44
    beside = QPoint(star.left() - 4, star.bottom() + 4)  # just off the drawn star, down and left
    assert target.contains(beside) and not star.contains(beside)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=beside)
    assert w.current_location() == Location("forums")  # not opened
    assert index.data(BookmarkedRole) is True
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=beside)
    assert index.data(BookmarkedRole) is False
    far = QPoint(target.left() - 12, target.bottom() + 12)  # clear of it: the card opens
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert w.current_location().kind == "forum"


def test_remove_with_delete_and_undo_with_ctrl_z(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    for kind, item_id in (("forum", "opening"), ("person", "zhou-yunfan")):
        guide.ctx.bookmarks.toggle(kind, item_id)
    assert len(_entries(guide)) == 2
    view = guide.window.findChild(QListView, "bookmarksList")
    rows = view.model().rows()
    view.setCurrentIndex(view.model().index(next(i for i, r in enumerate(rows)
                                                 if isinstance(r, Entry)), 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(_entries(guide)) == 1
    qtbot.keyClick(guide.window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(_entries(guide)) == 2


def _answer_clear_all(page: QWidget, answer: QMessageBox.StandardButton | None) -> None:
    """Press Clear all and answer its question (None: close it unanswered, with Escape)."""
    page.clear_button.click()  # type: ignore[attr-defined]
    box = page.findChild(QMessageBox, "clearAllQuestion")
    assert box is not None and box.isVisible()
    assert "2" in box.text()  # says how many go
    if answer is None:
        QTest.keyClick(box, Qt.Key.Key_Escape)
    else:
        button = box.button(answer)
        assert button is not None
        button.click()
    QApplication.processEvents()


def test_clear_all_asks_first_and_can_be_undone(guide: Guide) -> None:
    guide.ctx.bookmarks.toggle("forum", "opening")
    guide.ctx.bookmarks.toggle("area", "metaverse")
    page = guide.window.page("bookmarks")
    guide.window.go(Location("bookmarks"))
    _answer_clear_all(page, QMessageBox.StandardButton.No)
    assert len(_entries(guide)) == 2
    _answer_clear_all(page, None)
    assert len(_entries(guide)) == 2
    _answer_clear_all(page, QMessageBox.StandardButton.Yes)
    assert _entries(guide) == [] and page.empty.isVisible()
    page.undo_button.click()
    assert len(_entries(guide)) == 2


def test_my_day_flags_clashes_and_unknown_times(guide: Guide) -> None:
    for forum in ("opening", "overlap", "no-time"):
        guide.ctx.bookmarks.toggle("forum", forum)
    page = guide.window.page("bookmarks")
    guide.window.go(Location("bookmarks"))
    page.by_day.click()
    rows = page.model.rows()
    assert [r.title for r in rows if isinstance(r, Section)] == ["Sat 27 May 2023", "Sun 28 May 2023"]
    notes = {r.view.id: r.note for r in rows if isinstance(r, Entry)}
    assert notes["opening"] == "Clashes with Overlapping forum"
    assert notes["overlap"] == "Clashes with Opening ceremony"
    assert notes["no-time"] == ""  # alone on its day: nothing to clash with
    assert page.subtitle.text().endswith("1 clash to check")


@pytest.mark.parametrize(("lang", "count", "clash", "when"), [
    ("en", "1 clash to check", "Clashes with", "Time not announced"),
    ("zh", "1 处时间冲突需核对", "时间冲突", "时间未公布"),
])
def test_clash_count_matches_the_marked_rows_in_both_views(
        qtbot, mini_db: Path, user_db: Path, lang: str, count: str, clash: str, when: str) -> None:  # type: ignore[no-untyped-def]
    """Two bookmarks overlapping on 27 May and one with no time on 28 May: the page says one
    clash (singular) and, in either view, exactly the two overlapping rows carry a warning."""
    g = build_window(mini_db, lang=lang, user_db=user_db)
    qtbot.addWidget(g.window)
    try:
        for forum in ("opening", "overlap", "no-time"):
            g.ctx.bookmarks.toggle("forum", forum)
        page = g.window.page("bookmarks")
        g.window.go(Location("bookmarks"))
        assert page.subtitle.text().endswith(count)
        for mode in (page.by_kind, page.by_day):
            mode.click()
            entries = {r.view.id: r for r in page.model.rows() if isinstance(r, Entry)}
            marked = {i for i, e in entries.items() if e.warn}
            assert marked == {"opening", "overlap"}, mode.text()
            assert all(clash in entries[i].note for i in marked)
            assert entries["no-time"].note == ""
            index = page.model.index(list(page.model.rows()).index(entries["overlap"]), 0)
            assert clash in index.data(Qt.ItemDataRole.AccessibleTextRole)
        from guide.ui.views.bookmarks import when as when_text
        assert when in when_text(entries["no-time"].view, lang)
        g.ctx.bookmarks.toggle("forum", "overlap")
        assert "clash" not in page.subtitle.text() and "冲突" not in page.subtitle.text()
        assert not any(r.warn for r in page.model.rows() if isinstance(r, Entry))
    finally:
        g.close()


def test_forums_with_no_time_yet_are_a_note_to_check_not_a_clash(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    # The newspaper gives no times: two of its forums on one day had both rows in red with
    # ⚠ and "1 clash to check" over the page, though nothing says they clash.
    with shown_guide(qtbot, real_db, lang="en") as g:
        for forum in ("tech-trade-fair-opening", "green-finance-forum"):
            g.ctx.bookmarks.toggle("forum", forum)
        page = g.window.page("bookmarks")
        g.window.go(Location("bookmarks"))
        assert page.subtitle.text() == "2 bookmarked"
        for mode in (page.by_kind, page.by_day):
            mode.click()
            entries = [r for r in page.model.rows() if isinstance(r, Entry)]
            assert [e.note for e in entries] == [
                "Check times: no time is announced yet, so it may clash with another bookmark "
                "that day"] * 2, "each row's own time is the one not announced"
            assert not any(e.warn for e in entries), mode.text()


def test_my_day_lists_the_bookmarks_that_have_no_day_after_the_days(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    """With a forum, a person and a photo bookmarked, "3 bookmarked" stood over My day's one
    row: what has no place on a day's timeline vanished from that view without a word."""
    with shown_guide(qtbot, real_db, lang="en") as g:
        person, photo = (g.ctx.content.execute(f"SELECT id FROM item WHERE kind = '{k}' LIMIT 1")
                         .fetchone()[0] for k in ("person", "photo"))
        for kind, item in (("forum", "green-finance-forum"), ("person", person), ("photo", photo)):
            g.ctx.bookmarks.toggle(kind, item)
        page = g.window.page("bookmarks")
        g.window.go(Location("bookmarks"))
        page.by_day.click()
        rows = list(page.model.rows())
        assert [r.title for r in rows if isinstance(r, Section)][-1] == "Other bookmarks · 2"
        assert sorted((r.view.kind, r.view.id) for r in rows if isinstance(r, Entry)) == sorted(
            [("forum", "green-finance-forum"), ("person", person), ("photo", photo)])
        assert page.subtitle.text() == "3 bookmarked"


def test_bookmarks_survive_a_restart_in_a_new_process(guide: Guide, mini_db: Path, user_db: Path) -> None:
    guide.ctx.bookmarks.toggle("forum", "opening")
    guide.ctx.bookmarks.toggle("photo", "crowd")
    code = (
        "import json, sys\n"
        "from guide.app import build_window\n"
        "from guide.ui.history import Location\n"
        "from guide.ui.views.bookmarks import Entry\n"
        f"g = build_window({str(mini_db)!r}, lang='en', user_db={str(user_db)!r})\n"
        "g.window.go(Location('bookmarks'))\n"
        "rows = g.window.page('bookmarks').model.rows()\n"
        "print(json.dumps(sorted([r.view.kind, r.view.id] for r in rows if isinstance(r, Entry))))\n"
        "g.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [["forum", "opening"], ["photo", "crowd"]]
    listed = run_guide("bookmarks", "list", "--json", "--user-db", str(user_db),
                       "--content-db", str(mini_db))
    assert listed.returncode == 0, listed.stderr
    assert {b["id"] for b in json.loads(listed.stdout)} == {"opening", "crowd"}


def test_item_removed_by_a_content_update_stays_listed(qtbot, tmp_path: Path, user_db: Path) -> None:  # type: ignore[no-untyped-def]
    old = build_content_db(MINI_PACK, tmp_path / "old.db").path
    g = build_window(old, lang="en", user_db=user_db)
    g.ctx.bookmarks.toggle("forum", "overlap")
    g.close()
    pack = Path(shutil.copytree(MINI_PACK, tmp_path / "pack"))
    items = pack / "items.toml"
    text = items.read_text(encoding="utf-8")
    start = text.index('[[forum]]\nid = "overlap"')
    items.write_text(text[:start] + text[text.index("[[forum]]", start + 5):], encoding="utf-8")
    new = build_content_db(pack, tmp_path / "new.db").path
    g = build_window(new, lang="en", user_db=user_db)
    qtbot.addWidget(g.window)
    entries = _entries(g)
    assert [(e.view.id, e.view.title, e.note) for e in entries] == [
        ("overlap", "重叠论坛", "No longer in the guide")]
    model = g.window.page("bookmarks").model
    row = next(i for i, r in enumerate(model.rows()) if isinstance(r, Entry) and r.view.id == "overlap")
    g.window.findChild(QListView, "bookmarksList").clicked.emit(model.index(row, 0))
    assert g.window.current_location() == Location("bookmarks")  # the removed item: nothing to open
    g.close()


def test_qr_code_take_away(guide: Guide) -> None:
    guide.ctx.bookmarks.toggle("forum", "opening")
    dialog = guide.window.page("bookmarks").show_qr()
    image = dialog.findChild(QLabel, "qrImage")
    assert image.pixmap() is not None and image.pixmap().width() > 200
    dialog.close()


def test_the_qr_dialog_says_why_in_the_visitors_language(guide: Guide) -> None:
    from guide.ui.qr_dialog import QrDialog
    from guide.user.qr import bookmark_codes
    from tests.test_user_qr import ZH, forum

    long_list = bookmark_codes([forum(n, f"第{n}场 科技成果转化与知识产权保护平行论坛") for n in range(60)],
                               "zh", ZH)
    n = len(long_list.parts)
    dialog = QrDialog(long_list, "en", guide.window)
    assert dialog.notice.text() == f"Your list is too long for one code: scan all {n} codes in turn."
    dialog.close()
    guide.ctx.state.set_language("zh")
    dialog = QrDialog(long_list, "zh", guide.window)
    assert dialog.notice.text() == f"收藏较多，一个二维码放不下：请依次扫描全部 {n} 个二维码。"
    dialog.close()
    guide.ctx.bookmarks.toggle("forum", "opening")  # one short title: one code, nothing to say
    dialog = guide.window.page("bookmarks").show_qr()
    assert dialog.notice.isHidden()
    dialog.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_qr_code_text_is_in_the_visitors_language(guide: Guide, lang: str) -> None:
    from tests.test_user_qr import EN, ZH

    # the heading names the event the content names (the test pack's), not a fixed one
    heading = "测试内容 · 我的收藏" if lang == "zh" else "Test content · My bookmarks"
    words = dataclasses.replace(ZH if lang == "zh" else EN, heading=heading)
    guide.ctx.state.set_language(lang)
    page = guide.window.page("bookmarks")
    assert page.qr_words() == words
    guide.ctx.bookmarks.toggle("forum", "no-time")
    dialog = page.show_qr()
    heading, line = dialog.codes.parts[0].text.splitlines()
    assert heading == words.heading and words.time_tba in line
    dialog.close()


def test_a_damaged_user_database_is_replaced_and_the_user_told_once(
    qtbot, mini_db: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    user_db = tmp_path / "user.db"
    user_db.write_bytes(b"\x13\x37" * 4000)  # a disk error left garbage where the file was
    g = build_window(mini_db, lang="en", user_db=user_db)
    qtbot.addWidget(g.window)
    qtbot.waitUntil(lambda: g.window.findChild(QMessageBox) is not None)
    box = g.window.findChild(QMessageBox)
    kept = list(tmp_path.glob("user.db.corrupt-*"))  # kept for recovery
    assert box.windowTitle() == "Bookmarks recovered" and len(kept) == 1
    assert box.text() == (f"Your saved bookmarks file was damaged and has been replaced; 0 bookmark(s) "
                          f"could be recovered. The damaged file is kept at {kept[0]}.")
    g.ctx.bookmarks.toggle("forum", "opening")  # the new database works
    g.close()
    g = build_window(mini_db, lang="en", user_db=user_db)
    qtbot.addWidget(g.window)
    qtbot.wait(50)
    assert g.window.findChild(QMessageBox) is None  # told once
    assert g.ctx.bookmarks.is_bookmarked("forum", "opening")
    g.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_bookmark_card_is_as_tall_as_its_text_and_its_title_wraps(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, user_db: Path, lang: str) -> None:
    """A card once kept room for four lines under a room with two (a blank band), and cut
    a long title at one line."""
    from guide.ui import layout_probe as probe

    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang=lang, user_db=user_db,
                     size=(1024, 640)) as g:
        for kind, item in (("forum", "tech-trade-fair-opening"), ("person", "zhou-yunfan")):
            g.ctx.bookmarks.toggle(kind, item)
        g.window.go(Location("bookmarks"))
        view = g.window.findChild(QListView, "bookmarksList")
        with probe.recording() as marks:
            view.viewport().grab()
        cards = [view.visualRect(view.model().index(r, 0)) for r, row in
                 enumerate(view.model().rows()) if isinstance(row, Entry)]
        assert len(cards) == 2
        for card in cards:
            texts = [m for m in marks if card.contains(m.rect.center()) and not m.icon]
            top = min(m.rect.top() for m in texts)
            bottom = max(m.rect.bottom() for m in texts)
            assert card.top() <= top and bottom <= card.bottom()
            assert abs((card.bottom() - bottom) - (top - card.top())) <= 6, (card, texts)
            assert not any(m.cut and m.essential for m in texts)  # the title shown whole


def test_a_bookmark_is_read_out_by_the_title_it_shows(guide: Guide) -> None:
    """The English UI read each bookmark by its Chinese title, under the English one on screen."""
    guide.ctx.bookmarks.toggle("forum", "opening")
    view = guide.window.page("bookmarks").view

    def spoken() -> list[str]:
        model = view.model()
        return [model.index(r, 0).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(model.rowCount())
                if isinstance(model.index(r, 0).data(ItemRole), Entry)]

    assert spoken() == ["Opening ceremony"]
    guide.ctx.state.set_language("zh")
    assert spoken() == ["开幕式"]


@pytest.mark.parametrize(("lang", "titles", "others"), [
    ("en", ["412,000 contracts · Technology contracts nationwide (2018)",
            "773,000 contracts · Technology contracts nationwide (2022)"],
     ["41.20万项 · 全国技术合同数量（2018年）", "77.3万项 · 全国技术合同数量（2022年）"]),
    ("zh", ["41.20万项 · 全国技术合同数量（2018年）", "77.3万项 · 全国技术合同数量（2022年）"],
     ["412,000 contracts · Technology contracts nationwide (2018)",
      "773,000 contracts · Technology contracts nationwide (2022)"]),
])
def test_a_bookmarked_figure_shows_its_number_and_year(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, lang: str, titles: list[str], others: list[str]) -> None:
    """The 2018 and 2022 figures of one measure were two identical rows, "Technology contracts
    nationwide / 全国技术合同数量 / Figure", neither with the number starred."""
    with shown_guide(qtbot, real_db, lang=lang) as g:
        for item in ("tech-contracts-2018", "tech-contracts-2022"):
            g.ctx.bookmarks.toggle("figure", item)
        page = g.window.page("bookmarks")
        for view_button in (page.by_kind, page.by_day):  # My day lists them after the days
            g.window.go(Location("bookmarks"))
            view_button.click()
            model = page.view.model()
            rows = [(model.index(r, 0), e) for r in range(model.rowCount())
                    if isinstance(e := model.index(r, 0).data(ItemRole), Entry)]
            lines = [page.view.itemDelegate().entry_lines(e) for _, e in rows]
            assert [x[0].text for x in lines] == titles
            assert [x[1].text for x in lines] == others
            assert [i.data(Qt.ItemDataRole.AccessibleTextRole) for i, _ in rows] == titles
