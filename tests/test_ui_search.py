"""Typing into the search box: ASCII keys, Chinese IME commits, keyboard navigation."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListView

from guide.app import Guide
from guide.search import COUNT_CAP, SearchHit, count_by_kind, search
from guide.ui import layout_probe as probe
from guide.ui.history import Location
from guide.ui.layout_check import check_window
from guide.ui.layout_marks import Mark
from guide.ui.models.lazy import BookmarkedRole, ItemRole
from guide.ui.models.search import GroupHeader, Suggestion
from tests.support import shown_guide


@pytest.fixture
def guide(qtbot, real_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="zh", size=None, exposed=True) as g:
        yield g


def _box(g: Guide) -> QLineEdit:
    box = g.window.findChild(QLineEdit, "searchBox")
    assert box is not None
    return box


def _results(g: Guide, qtbot) -> list[object]:  # type: ignore[no-untyped-def]
    view = g.window.findChild(QListView, "searchResults")
    # The search page is showing (its list hides when nothing is found: the advice shows).
    assert view is not None and g.window.stack.currentWidget().isAncestorOf(view)
    qtbot.wait(5)  # the search runs when the event loop is idle after the keystrokes
    return view.model().rows()


def _typed(g: Guide, qtbot, text: str) -> tuple[QLineEdit, QListView]:  # type: ignore[no-untyped-def]
    """Type ``text`` into the box as a user does; the box and the results list once shown."""
    box = _box(g)
    box.setFocus()
    qtbot.keyClicks(box, text)
    _results(g, qtbot)
    return box, g.window.findChild(QListView, "searchResults")


def commit(widget: QLineEdit, text: str) -> None:
    """What an input method does when the user picks characters: pre-edit, then commit."""
    QApplication.sendEvent(widget, QInputMethodEvent("jin", []))
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_typing_pinyin_finds_chinese_grouped_with_counts(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = _box(guide)
    box.setFocus()
    qtbot.keyClicks(box, "lvse")
    rows = _results(guide, qtbot)
    assert guide.window.current_location() == Location("search")
    hits = [r for r in rows if isinstance(r, SearchHit)]
    assert ("forum", "green-finance-forum") in {(h.kind, h.id) for h in hits}
    headers = [r for r in rows if isinstance(r, GroupHeader)]
    assert headers and isinstance(rows[0], GroupHeader)
    assert headers[0].kind == "forum"  # forums first
    for header in headers:
        assert header.count >= sum(1 for h in hits if h.kind == header.kind)
    forum = next(h for h in hits if h.id == "green-finance-forum")
    assert any(forum.title[s:e] in ("绿色", "绿色金融") for s, e in forum.title_marks)


def test_chinese_input_method_commit(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = _box(guide)
    box.setFocus()
    commit(box, "金融")
    assert box.text() == "金融"
    hits = [r for r in _results(guide, qtbot) if isinstance(r, SearchHit)]
    assert hits and all("金融" in h.title or "金融" in h.snippet for h in hits)
    assert guide.window.current_location() == Location("search")


def test_arrow_keys_and_enter_open_a_result_and_escape_clears(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = _box(guide)
    box.setFocus()
    qtbot.keyClicks(box, "zhouyunfan")
    rows = _results(guide, qtbot)
    view = guide.window.findChild(QListView, "searchResults")
    first = view.currentIndex().row()
    assert isinstance(rows[first], SearchHit)  # the first hit is selected, not a header
    person = next(i for i, r in enumerate(rows) if isinstance(r, SearchHit) and r.id == "zhou-yunfan")
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert view.currentIndex().row() == first  # nothing above the first hit
    while view.currentIndex().row() < person:
        row = view.currentIndex().row()
        qtbot.keyClick(box, Qt.Key.Key_Down)
        assert view.currentIndex().row() > row
        assert not isinstance(rows[view.currentIndex().row()], GroupHeader)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert guide.window.current_location() == Location.item("person", "zhou-yunfan")
    assert guide.window.findChild(QLabel, "detailTitle").text() == "周云帆"
    guide.window.back()
    assert guide.window.current_location() == Location("search")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert all(isinstance(r, Suggestion) for r in _results(guide, qtbot))


def test_keys_in_the_box_never_act_on_results_nobody_sees(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Enter on a hit opens it and the page takes the keys; Down and Enter in the box, back
    on it, bring the results back first. They had moved and opened hits of the hidden list:
    a second item opened that the user never saw."""
    box = _box(guide)
    box.setFocus()
    qtbot.keyClicks(box, "lvse")
    _results(guide, qtbot)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    opened = guide.window.current_location()
    assert opened is not None and opened.kind
    focused = QApplication.focusWidget()
    assert focused is not box and guide.window.detail.isAncestorOf(focused)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert guide.window.current_location() == Location("search")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # now on the results the user sees
    assert guide.window.current_location() is not None
    assert guide.window.current_location().kind


def test_a_hits_star_is_drawn_where_a_press_bookmarks_it(guide: Guide, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Hits painted no star, yet a press on the card's top right corner toggled a bookmark:
    a tap meant to open a result bookmarked it without a sign."""
    from guide.ui.search_delegate import SearchDelegate

    drawn: dict[int, QRect] = {}
    paint_star = SearchDelegate.paint_star

    def record(delegate: SearchDelegate, painter: object, index: Any, rect: QRect) -> None:
        if delegate.bookmarkable(index):
            drawn[index.row()] = delegate.star_rect(rect)
        paint_star(delegate, painter, index, rect)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchDelegate, "paint_star", record)
    _, view = _typed(guide, qtbot, "lvse")
    drawn.clear()
    view.viewport().grab()
    rows = view.model().rows()
    shown = view.viewport().rect()
    hits = [i for i, r in enumerate(rows) if isinstance(r, SearchHit) and r.kind != "figure"
            and view.visualRect(view.model().index(i, 0)).intersects(shown)]
    assert len(hits) >= 2 and set(hits) == set(drawn)
    first = view.model().index(hits[0], 0)
    star = drawn[hits[0]]
    assert view.visualRect(first).contains(star)
    assert first.data(BookmarkedRole) is False
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=star.center())
    hit = rows[hits[0]]
    assert guide.ctx.bookmarks.is_bookmarked(hit.kind, hit.id)
    assert guide.window.current_location() == Location("search")  # it bookmarked; it did not open
    # and the star fills, and a screen reader hears it (the model had no answer: always empty)
    assert first.data(BookmarkedRole) is True
    assert first.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "已收藏"


def test_figure_hits_have_a_star_as_in_the_figures_list(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A figure can be bookmarked (its page has the button, its rows the star): its hit's
    star keeps it, as every other hit's does."""
    _, view = _typed(guide, qtbot, "lvse")
    rows = view.model().rows()
    figure = next(i for i, r in enumerate(rows) if isinstance(r, SearchHit) and r.kind == "figure")
    index = view.model().index(figure, 0)
    view.scrollTo(index)
    delegate = view.itemDelegate()
    assert delegate.bookmarkable(index)
    card = delegate.card_rect(view.visualRect(index))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=delegate.star_target(card).center())
    assert guide.ctx.bookmarks.bookmarked_ids("figure") == {rows[figure].id}


def test_the_hit_enter_opens_is_ringed_like_a_focused_card(guide: Guide, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The keys stay in the box, so the list never has the focus: the chosen hit showed only a
    light fill, 1.2:1 against the cards around it."""
    from PySide6.QtWidgets import QStyle

    from guide.ui.search_delegate import SearchDelegate

    focused_rows: list[QRect] = []
    paint_card = SearchDelegate.paint_card

    def record(delegate: SearchDelegate, painter: object, option: Any, rect: QRect) -> None:
        if option.state & QStyle.StateFlag.State_HasFocus:
            focused_rows.append(QRect(option.rect))
        paint_card(delegate, painter, option, rect)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchDelegate, "paint_card", record)
    box, view = _typed(guide, qtbot, "lvse")
    qtbot.keyClick(box, Qt.Key.Key_Down)
    focused_rows.clear()
    view.viewport().grab()
    chosen = view.visualRect(view.currentIndex())
    assert [(r.top(), r.height()) for r in focused_rows] == [(chosen.top(), chosen.height())]
    guide.window.display_button.setFocus(Qt.FocusReason.TabFocusReason)  # the keys leave the box
    focused_rows.clear()
    view.viewport().grab()
    assert focused_rows == []  # one ring on screen: the button's


def test_no_results_says_so_and_suggests_pinyin_or_english(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = _box(guide)
    box.setFocus()
    qtbot.keyClicks(box, "qqqxz")
    assert _results(guide, qtbot) == []
    note = guide.window.page("search").empty
    # Its examples are the pack's first topic's other spellings, which find that topic.
    assert note.isVisible() and "lvse jinrong" in note.text() and "Green finance" in note.text()


def test_a_phrase_finding_nothing_shows_what_its_words_find_and_says_so(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """"quantum computer" said "No results" although "quantum" finds the Quantum Information
    area: the results of the words that find something show, under a note saying so, and
    the counts are those of the list shown."""
    _typed(guide, qtbot, "quantum computer")
    qtbot.wait(20)  # the counts
    rows = _results(guide, qtbot)
    page = guide.window.page("search")
    hits = [r for r in rows if isinstance(r, SearchHit)]
    assert [h.id for h in hits] == [h.id for h in search(guide.ctx.content, "quantum", limit=50)]
    assert hits[0].id == "quantum-information"
    assert page.fewer.isVisible() and not page.empty.isVisible()
    assert "“quantum computer”" in page.fewer.text() and "“quantum”" in page.fewer.text()
    counts = count_by_kind(guide.ctx.content, "quantum")
    assert {r.kind: r.count for r in rows if isinstance(r, GroupHeader)} == {
        kind: n for kind, n in counts.items() if n}
    guide.ctx.state.set_language("en")  # the note follows the language
    assert page.fewer.isVisible() and "“quantum”" in page.fewer.text()
    _box(guide).clear()
    qtbot.keyClicks(_box(guide), "quantum information")  # every word finds it: no note
    assert _results(guide, qtbot) and not page.fewer.isVisible()


def test_suggestion_fills_the_box(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    guide.window.show_search("")
    view = guide.window.findChild(QListView, "searchResults")
    rows = _results(guide, qtbot)
    assert rows and all(isinstance(r, Suggestion) for r in rows)
    view.clicked.emit(view.model().index(0, 0))
    assert _box(guide).text() == rows[0].text  # type: ignore[union-attr]
    assert any(isinstance(r, SearchHit) for r in _results(guide, qtbot))


def test_ctrl_f_and_slash_reach_the_box_from_any_page(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    guide.window.open_item("forum", "green-finance-forum")
    guide.window.detail.body.setFocus()
    qtbot.keyClick(guide.window.detail.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _box(guide).hasFocus()
    guide.window.go(Location("forums"))
    guide.window.page("forums").view.setFocus()
    qtbot.keyClick(guide.window.page("forums").view, Qt.Key.Key_Slash)
    assert _box(guide).hasFocus()
    qtbot.keyClicks(_box(guide), "a/b")
    assert _box(guide).text() == "a/b"  # inside the box "/" is just text


def test_hostile_text_in_the_box_is_harmless(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = _box(guide)
    box.setFocus()
    for text in ['"', "AND", "NEAR(", "*", "-", "'; DROP TABLE forum; --", "e-mail", "C++"]:
        box.clear()
        qtbot.keyClicks(box, text)
        _results(guide, qtbot)
    commit(box, "😀北京-上海\x00")
    _results(guide, qtbot)
    assert guide.ctx.content.execute("SELECT count(*) FROM forum").fetchone()[0] == 5


def _cards(g: Guide, qtbot) -> list[tuple[QRect, list[Mark]]]:  # type: ignore[no-untyped-def]
    """(row rectangle, rectangles of the text painted in it) of every hit on screen."""
    qtbot.waitUntil(lambda: g.window.findChild(QListView, "searchResults") is not None)
    view = g.window.findChild(QListView, "searchResults")
    page = g.window.pages["search"]
    # The counts per kind come in a moment later (and would query a closed database).
    qtbot.waitUntil(lambda: view.model().rowCount() > 2 and not page._counts_timer.isActive())
    with probe.recording() as marks:
        view.viewport().grab()
    cards = []
    for row, item in enumerate(view.model().rows()):
        rect = view.visualRect(view.model().index(row, 0))
        if isinstance(item, SearchHit) and view.viewport().rect().contains(rect):
            cards.append((rect, [m for m in marks if rect.contains(m.rect.center())  # the text:
                                 and m.text not in ("highlight", "star")]))  # not a mark in it or the star
    assert cards
    return cards


@pytest.mark.parametrize(("lang", "query"), [("zh", "论坛"), ("en", "论坛"), ("en", "forum")])
def test_a_result_card_is_as_tall_as_its_text(qtbot, real_db: Path, lang: str, query: str) -> None:  # type: ignore[no-untyped-def]
    """No blank band under a one-line snippet, nothing cut off below a long one."""
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang=lang) as g:
        g.window.show_search(query)
        for row, marks in _cards(g, qtbot):
            texts = [m.rect for m in marks]
            top, bottom = min(t.top() for t in texts), max(t.bottom() for t in texts)
            assert row.top() <= top and bottom <= row.bottom()
            # As much room under the last line as above the first (card margin and padding).
            assert abs((row.bottom() - bottom) - (top - row.top())) <= 3, (row, texts)


def test_a_long_title_at_200_percent_wraps_without_overprinting(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="en", size=(1024, 640)) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            g.window.resize(1024, 640)
            g.window.show_search("zgc")  # first: a five-line title (the opening ceremony)
            qtbot.wait(20)
            _row, marks = _cards(g, qtbot)[0]
            marks.sort(key=lambda m: m.rect.top())
            assert len(marks) == 3  # title, snippet, the title in Chinese
            title = marks[0]
            assert title.text.startswith("Opening Ceremony") and not title.cut  # all its lines
            for above, below in itertools.pairwise(marks):
                assert above.rect.bottom() < below.rect.top()  # no line painted over another
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back


@pytest.mark.parametrize("theme_name", ["high-contrast", "standard"])
def test_highlighted_words_stay_readable_in_both_themes(qtbot, real_db: Path, theme_name: str) -> None:  # type: ignore[no-untyped-def]
    """High contrast's white text once vanished on the light yellow of a matched word."""
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="en") as g:
        g.ctx.state.set_palette(theme_name)
        g.window.show_search("forum")  # "Forum" highlighted in titles and snippets
        _cards(g, qtbot)
        problems = [str(p) for p in check_window(g.window, (1280, 800))]
        assert problems == []


def test_closing_the_guide_right_after_a_search_counts_nothing_on_the_closed_content(
    qtbot, real_db: Path  # type: ignore[no-untyped-def]
) -> None:
    # The counts come a moment after the hits; a guide closed in between (the window shut
    # in the same turn of the event loop) must not query its closed content then.
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="zh") as g:
        g.window.show_search("论坛")
        page = g.window.stack.currentWidget()
        page.run()  # type: ignore[attr-defined]
    qtbot.wait(20)  # the deferred counts would run here, after close


def test_counts_come_when_the_search_page_shows_again(
    guide: Guide, qtbot, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    # Counts told apart from the hits on screen (the newspaper has few of each kind).
    monkeypatch.setattr("guide.ui.views.search.count_by_kind", lambda db, query: {"forum": 77})
    guide.window.show_search("论坛")
    page = guide.window.stack.currentWidget()
    page.run()  # type: ignore[attr-defined]
    guide.window.go(Location("home"))  # left in the same turn: no counts while hidden
    qtbot.wait(20)
    guide.window.show_search("论坛")
    qtbot.wait(20)
    headers = {r.kind: r.count for r in _results(guide, qtbot) if isinstance(r, GroupHeader)}
    assert headers["forum"] == 77


def test_a_count_at_the_cap_reads_as_that_many_or_more(
    guide: Guide, qtbot, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    # count_by_kind stops at COUNT_CAP; the header says "100+" on screen and read out.
    counts = {"forum": COUNT_CAP, "announcement": COUNT_CAP - 1}
    monkeypatch.setattr("guide.ui.views.search.count_by_kind", lambda db, query: counts)
    guide.window.show_search("论坛")
    qtbot.wait(20)
    view = guide.window.findChild(QListView, "searchResults")
    spoken = {}
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        header = index.data(ItemRole)
        if isinstance(header, GroupHeader):
            spoken[header.kind] = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken["forum"] == "论坛日程 · 100+"  # as the header reads on screen
    assert spoken["announcement"] == "新闻公告 · 99"


def test_hits_are_measured_once_per_width_and_language(guide: Guide, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every keystroke lays the results out again when its counts come and when a row is
    selected; a hit already measured at that width, language and text size is not laid out
    again, and one shown in the other language or at another size is."""
    import guide.ui.search_delegate as sd

    measured: list[str] = []
    real = sd.marked_height

    def counting(text: str, *args: Any) -> int:
        measured.append(text)
        return real(text, *args)

    monkeypatch.setattr(sd, "marked_height", counting)
    guide.window.show_search("北京")
    view = guide.window.findChild(QListView, "searchResults")
    qtbot.waitUntil(lambda: any(isinstance(r, GroupHeader) and r.count for r in view.model().rows()))
    assert measured
    def heights() -> list[int]:
        model = view.model()
        return [view.sizeHintForIndex(model.index(r, 0)).height() for r in range(model.rowCount())]

    before = heights()
    measured.clear()
    view.doItemsLayout()
    guide.window.stack.currentWidget().select(3)
    assert measured == []
    guide.ctx.state.set_language("en")
    qtbot.wait(20)
    view.doItemsLayout()
    assert measured  # English titles: laid out anew
    guide.ctx.state.set_language("zh")
    qtbot.wait(20)
    measured.clear()
    view.doItemsLayout()
    assert measured == []  # back in Chinese at the same size: measured before
    guide.ctx.state.set_text_scale(2.0)
    qtbot.wait(20)
    view.doItemsLayout()
    assert measured  # twice the text size: laid out anew
    assert sum(heights()) > sum(before)


def test_a_full_page_of_hits_says_they_are_the_best_of_more(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """"z" finds over a hundred items: the list shows 50 under groups counting more, and the
    line above says these are the best 50, not all there is; "北" finds 42, all shown."""
    guide.window.show_search("z")
    subtitle = guide.window.stack.currentWidget().findChild(QLabel, "pageSubtitle")
    qtbot.waitUntil(lambda: subtitle.text() == "显示最相关的 50 条，按类型分组")
    guide.ctx.state.set_language("en")
    qtbot.waitUntil(lambda: subtitle.text() == "The best 50 shown, grouped by kind")
    guide.window.show_search("北")
    qtbot.waitUntil(lambda: subtitle.text() == "42 shown, best first, grouped by kind")


HEADINGS = {"zh": {"forum": "论坛日程", "announcement": "新闻公告", "organization": "机构", "figure": "数据",
                   "person": "人物"},
            "en": {"forum": "Forums", "announcement": "News", "organization": "Organisations",
                   "figure": "Figures", "person": "People"}}
KINDS = {"zh": {"forum": "论坛", "announcement": "新闻公告", "organization": "机构", "figure": "数据",
                "person": "人物"},
         "en": {"forum": "Forum", "announcement": "News", "organization": "Organisation",
                "figure": "Figure", "person": "Person"}}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_results_are_read_out_as_shown_in_the_uis_language_title_first_and_short(
        qtbot, real_db: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Headers were read "forum: 1" in both languages under "论坛日程 · 1" / "Forums · 1", and
    a hit's name ran on through its whole ~300-character snippet."""
    with shown_guide(qtbot, real_db, lang=lang, size=None, exposed=True) as g:
        g.window.show_search("绿色")
        qtbot.wait(20)
        view = g.window.findChild(QListView, "searchResults")
        delegate, model = view.itemDelegate(), view.model()
        kinds = set()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            item, spoken = index.data(ItemRole), index.data(Qt.ItemDataRole.AccessibleTextRole)
            if isinstance(item, GroupHeader):
                assert spoken == f"{HEADINGS[lang][item.kind]} · {item.count}"
                continue
            title = delegate.blocks(item)[0].text  # the card's first line, in the UI's language
            kind = KINDS[lang][item.kind]
            assert spoken.startswith(f"{title}. {kind}"), spoken
            rest = spoken[len(f"{title}. {kind}. "):]
            snippet = item.snippet_en if title == item.title_en else item.snippet
            assert len(rest) <= (80 if lang == "en" else 40), spoken
            assert rest == snippet.lstrip("…").lstrip()[:len(rest)], spoken  # its start alone
            kinds.add(item.kind)
        assert {"forum", "announcement", "figure"} <= kinds


@pytest.mark.parametrize(("text", "lang", "said"), [
    ("…北京市将广泛参与绿色金融国际合作。努力将北京打造成为国际绿色金融中心", "zh",
     "北京市将广泛参与绿色金融国际合作。"),
    ("Beijing, as the national centre of financial administration, is vigorously developing green "
     "finance", "en", "Beijing, as the national centre of financial administration"),
    ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
     "en", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"),
    ("Deputy Secretary-General", "en", "Deputy Secretary-General"),
])
def test_a_snippet_is_read_out_to_its_first_sentence_or_clause(text: str, lang: str, said: str) -> None:
    from guide.ui.text import lead

    assert lead(text, lang) == said


def test_a_match_cut_off_never_highlights_the_ellipsis(qapp) -> None:  # type: ignore[no-untyped-def]
    """When a snippet was cut just before a match, the "…" in its place was highlighted."""
    from guide.ui.search_delegate import marked_layouts

    text = "green " * 40
    marks = [(i, i + 5) for i in range(0, len(text), 6)]  # every "green"
    for width in range(80, 400, 7):
        layouts, _height, cut = marked_layouts(text, marks, QApplication.font(), width, 2)
        shown = layouts[-1].text()
        assert cut and shown.endswith("…")
        assert all(r.start + r.length < len(shown) for r in layouts[-1].formats()), (width, shown)


@pytest.mark.parametrize(("lang", "query", "titles", "marked"), [
    ("en", "technology contracts", ["412,000 contracts · Technology contracts nationwide (2018)",
                                    "773,000 contracts · Technology contracts nationwide (2022)"],
     ["Technology", "contracts"]),
    ("zh", "技术合同", ["41.20万项 · 全国技术合同数量（2018年）", "77.3万项 · 全国技术合同数量（2022年）"],
     ["技术合同"]),
])
def test_figure_hits_show_their_number_and_year(  # type: ignore[no-untyped-def]
        guide: Guide, qtbot, lang: str, query: str, titles: list[str], marked: list[str]) -> None:
    """"Technology contracts" found two identical rows for the 2018 and the 2022 figure, each
    only the label over the quote they share: the number and the year now lead, and the
    highlight stays on the words that matched."""
    guide.ctx.state.set_language(lang)
    if query.isascii():
        _, view = _typed(guide, qtbot, query)
    else:  # Chinese comes from an input method, not key by key
        box = _box(guide)
        box.setFocus()
        commit(box, query)
        _results(guide, qtbot)
        view = guide.window.findChild(QListView, "searchResults")
    hits = [r for r in view.model().rows() if isinstance(r, SearchHit) and r.kind == "figure"
            and r.id in ("tech-contracts-2018", "tech-contracts-2022")]
    hits.sort(key=lambda h: h.id)
    shown = [view.itemDelegate().blocks(h)[0] for h in hits]
    assert [b.text for b in shown] == titles
    for block in shown:
        assert [block.text[a:b] for a, b in block.marks] == marked


@pytest.mark.parametrize(("lang", "name"), [("en", "Search results"), ("zh", "搜索结果")])
def test_the_results_list_is_named_from_the_first_search_on(qtbot, real_db: Path, lang: str,
                                                            name: str) -> None:  # type: ignore[no-untyped-def]
    """The list had no name until the language was switched once: every kiosk visitor (the
    page is built anew for each) heard an unnamed list under the fallback note."""
    from PySide6.QtGui import QAccessible

    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang=lang, size=None, exposed=True) as g:
        _, view = _typed(g, qtbot, "robot exhibition")
        assert g.window.page("search").fewer.isVisible()  # the fallback note's list too
        assert QAccessible.queryAccessibleInterface(view).text(QAccessible.Text.Name) == name


def test_a_keystroke_lays_out_its_hits_on_screen_at_their_own_heights(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A keystroke measures only the cards the list shows before its first paint (each lays
    out its texts; the rest are measured when the counts come): those cards have their own
    heights all the same, also when the new hits bring the scroll bar (the list narrows as
    it lays them out) and on the first search typed over the suggestions."""
    from guide.ui.views import search as module

    shown: dict[int, QRect] = {}
    add_counts = module.SearchPage._add_counts

    def before_the_counts(page: Any) -> None:  # the list as the keystroke's paint drew it
        view = page.results
        for row in range(view.model().rowCount()):
            rect = view.visualRect(view.model().index(row, 0))
            if isinstance(view.model().rows()[row], SearchHit) and rect.intersects(view.viewport().rect()):
                shown.setdefault(row, QRect(rect))
        add_counts(page)

    monkeypatch.setattr(module.SearchPage, "_add_counts", before_the_counts)
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="zh", size=(1280, 800)) as g:
        g.window.show_search("")
        qtbot.wait(50)
        page = g.window.pages["search"]
        view = g.window.findChild(QListView, "searchResults")
        assert not view.verticalScrollBar().isVisible()  # the suggestions fit
        _box(g).setText("论坛")
        qtbot.waitUntil(lambda: page._counted)
        qtbot.wait(50)
        assert view.verticalScrollBar().isVisible()
        after = {row: view.visualRect(view.model().index(row, 0)) for row in shown}
        assert len(shown) >= 3
        assert {r: q.height() for r, q in shown.items()} == {r: q.height() for r, q in after.items()}
