"""A result whose snippet is the item's names (organisers, speakers, an employer …) says so.

Searching "zgc", 科技服务创新发展论坛 showed "北京电子城高科技集团股份有限公司、电子城高科、创E+、
北京市科学技术协会、…、2023中关村论坛" under its title, and 双碳战略与绿色金融论坛 "许心超、2023中关
村论坛", as if that were the forum's text, with nothing saying these are its organisers and
speakers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QListView

from guide.app import Guide
from guide.content import database
from guide.search import SearchDoc, SearchHit, search
from guide.ui import text as tx
from guide.ui.models import search as models
from guide.ui.search_delegate import SearchDelegate
from tests.support import memory_index, shown_guide


def _label(kind: str) -> str:
    return tx.tr(str(models.NAMES_LABELS[kind]))


@pytest.fixture
def guide(qtbot, real_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="zh", size=None) as g:
        yield g


def test_a_forum_found_by_its_organisers_shows_them_labelled_on_its_card(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    guide.window.show_search("zgc")
    qtbot.wait(5)
    view = guide.window.findChild(QListView, "searchResults")
    hits = {r.id: r for r in view.model().rows() if isinstance(r, SearchHit)}
    delegate = view.itemDelegate()
    assert isinstance(delegate, SearchDelegate)
    for forum in ("tech-service-forum", "green-finance-forum"):
        hit = hits[forum]
        shown = delegate.blocks(hit)[1]  # under the title
        assert shown.text == f"{_label('forum')}：{hit.snippet}", forum
        # The marks still point at what the query found (中关村 of 2023中关村论坛).
        assert [shown.text[s:e] for s, e in shown.marks] == [hit.snippet[s:e] for s, e in hit.snippet_marks]
        assert "中关村" in [shown.text[s:e] for s, e in shown.marks]
        assert f"{_label('forum')}：" in models.spoken_hit(hit, "zh")


def test_a_snippet_of_the_text_is_not_labelled(real_db: Path) -> None:
    db = database.open_content_db(real_db)
    found = {h.id: h for h in search(db, "zgc")}
    assert found["tech-service-forum"].snippet_names
    assert found["green-finance-forum"].snippet_names
    text = found["tech-service-new-paradigm"]  # a report: its snippet is its own text
    assert not text.snippet_names and models.hit_snippet(text, "zh") == (text.snippet, text.snippet_marks)


def test_in_english_a_chinese_list_of_names_is_labelled_in_english() -> None:
    conn = memory_index((SearchDoc("person", "li", "李强", names=("中关村软件园",)),))
    hit = search(conn, "zhongguancun")[0]  # no English title: the card shows the Chinese
    assert hit.snippet_names
    assert models.hit_snippet(hit, "en")[0] == f"{_label('person')}: 中关村软件园"
