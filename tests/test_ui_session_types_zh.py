"""A Chinese sheet's session types (论坛, 大会, 活动 …) read in English in the English UI, and an
English sheet's in Chinese in the Chinese UI: on the badges of Home and the programme list, and
on the session's page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from guide.app import Guide
from guide.cli import main
from guide.content.build import build_content_db
from guide.ui import text as tx
from guide.ui.history import Location
from guide.ui.session_types import session_type
from tests.support import shown_guide

# (type as the sheet gives it, English badge, Chinese badge)
TYPES = [("论坛", "Forum", "论坛"), ("分论坛", "Sub-forum", "分论坛"), ("大会", "Conference", "大会"),
         ("活动", "Event", "活动"), ("会议", "Meeting", "会议"), ("讲座", "Lecture", "讲座"),
         ("报告", "Talk", "演讲"), ("展览", "Exhibition", "展览"), ("发布会", "Launch", "发布会"),
         ("签约仪式", "Signing", "签约"), ("颁奖典礼", "Awards", "颁奖"), ("晚宴", "Dinner", "晚宴"),
         ("午餐", "Lunch", "午餐"), ("茶歇", "Break", "茶歇"), ("参观", "Tour", "参观"),
         ("对话", "Discussion", "讨论"), ("沙龙", "Salon", "沙龙"), ("路演", "Pitch", "路演"),
         ("开幕式", "Opening", "开幕式"), ("峰会", "Summit", "峰会"), ("交流", "Networking", "交流"),
         ("Forum", "Forum", "论坛"), ("Conference", "Conference", "大会"), ("Lunch", "Lunch", "午餐"),
         ("Coffee break", "Break", "茶歇"), ("Event", "Event", "活动")]


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    """A day of sessions, one of each type, an hour apart from 08:00."""
    sheet = tmp_path / "s.csv"
    sheet.write_text("编号,标题,日期,开始,结束,类型\n" + "".join(
        f"S{i},Session {i},2023-05-26,{8 + i // 2}:{i % 2 * 30:02d},{8 + i // 2}:{i % 2 * 30 + 29:02d},"
        f"{kind}\n" for i, (kind, _en, _zh) in enumerate(TYPES)), encoding="utf-8")
    assert main(["import", str(sheet), "--out", str(tmp_path / "pack"), "--timezone", "Asia/Shanghai"]) == 0
    return build_content_db(tmp_path / "pack", tmp_path / "c.db").path


@pytest.fixture
def guide(qtbot: QtBot, programme: Path) -> Iterator[Guide]:
    with shown_guide(qtbot, programme, now="2023-05-26T07:00", lang="en") as g:
        yield g


def _badges(guide: Guide, page: str, models: tuple[str, ...]) -> dict[str, str]:
    """Each session's title -> its badge, as the page's lists draw it."""
    guide.window.go(Location(page))
    shown = guide.window.page(page)
    badges = {}
    for name in models:
        model, view = getattr(shown, f"{name}_model"), getattr(shown, f"{name}_view")
        for i in range(model.rowCount()):
            row = model.item_at(i)
            badges[row.title] = view.itemDelegate().kind_text(row)
    return badges


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_sheets_types_are_named_in_the_ui_language_on_home_and_the_programme(
        guide: Guide, lang: str) -> None:
    # In English, 论坛, 大会 and 活动 stayed Chinese beside Panel and Ceremony.
    guide.ctx.state.set_language(lang)
    want = {f"Session {i}": en if lang == "en" else zh for i, (_kind, en, zh) in enumerate(TYPES)}
    home = _badges(guide, "home", ("today", "next"))
    assert home and home == {title: want[title] for title in home}
    forums = guide.window.page("forums")
    guide.window.go(Location("forums"))
    listed = {forums.model.item_at(i).title: forums.view.itemDelegate().kind_text(forums.model.item_at(i))
              for i in range(forums.model.rowCount())}
    assert listed == want


def test_a_sessions_page_gives_its_type_in_the_ui_language(guide: Guide) -> None:
    from guide.content import queries

    w = guide.window
    ids = {r.title: r.id for r in queries.forum_rows(guide.ctx.content, queries.forum_ids(guide.ctx.content))}
    for title, en, zh in (("Session 0", "Type: Forum", "类型：论坛"),
                          ("Session 2", "Type: Conference", "类型：大会"),
                          ("Session 3", "Type: Event", "类型：活动"),
                          ("Session 23", "Type: Lunch", "类型：午餐")):
        guide.ctx.state.set_language("en")
        w.open_item("forum", ids[title])
        assert en in w.detail.findChild(QTextBrowser, "detailBody").toPlainText(), title
        guide.ctx.state.set_language("zh")
        assert zh in w.detail.findChild(QTextBrowser, "detailBody").toPlainText(), title


def test_the_kiosks_idle_screen_names_the_types_in_both_languages() -> None:
    # The attract screen pairs the two names ("论坛 · Forum"); it had said "论坛 · 论坛".
    for kind, en, zh in TYPES:
        assert (session_type(kind, "zh"), session_type(kind, "en")) == (zh, en), kind
    assert tx.session_type("Kidspace", "en") == "Kidspace"  # a type of no known kind stays as given


@pytest.mark.parametrize(("typed", "english", "chinese"), [
    # A meal or a break in a type's name was taken for the session's kind.
    ("Break-out session", "Breakout session", "分组会议"), ("Lunch talk", "Talk", "演讲"),
    ("Dinner talk", "Talk", "演讲"), ("Release party", "Party", "派对"),
    ("国际交流论坛", "Forum", "论坛"),
    # ... while the meals, breaks and networking themselves keep their names.
    ("Coffee break", "Break", "茶歇"), ("午餐", "Lunch", "午餐"), ("交流会", "Networking", "交流"),
])
def test_a_type_is_named_by_what_it_is_not_a_word_inside_it(typed: str, english: str, chinese: str) -> None:
    from guide.ui.session_types import session_type

    assert (session_type(typed, "en"), session_type(typed, "zh")) == (english, chinese)
