"""A foreign visitor reads English everywhere; a Chinese reader reads Chinese first.

The walk opens every page and every detail page of the bundled content in each
language and reads every visible text block: labels, buttons, rich-text blocks and
the lines the delegates paint for every row of every list. In English, a block of
Chinese only fails unless it sits under the "Chinese original" heading or its English
is shown with it (the other-language line under a title); in Chinese, a block of
English only fails when it is content that has a Chinese original not shown with it.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QListView,
    QStyleOptionViewItem,
    QTextBrowser,
    QWidget,
)

from guide import screenshot
from guide.app import Guide, build_window
from guide.content import queries, records
from guide.content.models import KINDS
from guide.content.records import to_json
from guide.ui import search_delegate
from guide.ui import text as tx
from guide.ui.delegates import BaseDelegate, Line
from guide.ui.history import Location
from guide.ui.theme import content_families as tx_families
from guide.ui.window_parts import shown_sections
from tests.conftest import ROOT
from tests.support import shown_guide

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
TS = ROOT / "resources" / "translations" / "zgc_guide_zh_CN.ts"


def _norm(text: str) -> str:
    return re.sub(r"[\s“”\"'…·:：,，。.]+", "", text)


def _pairs(db: queries.Db) -> list[tuple[str, str]]:
    """(Chinese, English) of every content text that has both, from the JSON of every item."""
    found: list[tuple[str, str]] = []

    def walk(obj: Any) -> None:
        if isinstance(obj, list):
            for v in obj:
                walk(v)
        elif isinstance(obj, dict):
            for key, value in obj.items():
                walk(value)
                english = obj.get(f"{key}_en")
                zh = value if isinstance(value, list) else [value]
                en = english if isinstance(english, list) else [english]
                for z, e in zip(zh, en, strict=False):
                    if isinstance(z, str) and isinstance(e, str) and CJK.search(z) and e:
                        found.append((z, e))

    for kind in KINDS:
        for item in records.list_items(db, kind):
            walk(to_json(item))
    # A key figure's rows in lists are headed by its number, measure and year in each language.
    found += [(tx.figure_heading(f, "zh"), tx.figure_heading(f, "en"))
              for f in records.list_items(db, "figure")]
    return found


class Reader:
    """Collects what a page shows, in reading order, noting what is labelled as original."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.painted: list[str] = []
        original_rows = BaseDelegate.paint_rows
        original_marked = search_delegate.draw_marked

        def paint_rows(delegate: BaseDelegate, painter: QPainter, rect: QRect,
                       lines: list[Line]) -> tuple[int, int | None]:
            self.painted += [line.text for line in lines if line.text]
            return original_rows(delegate, painter, rect, lines)

        def draw_marked(painter: QPainter, rect: QRect, text: str, *args: Any, **kwargs: Any) -> int:
            self.painted.append(text)
            return original_marked(painter, rect, text, *args, **kwargs)

        monkeypatch.setattr(BaseDelegate, "paint_rows", paint_rows)  # paint_lines paints through it
        monkeypatch.setattr(search_delegate, "draw_marked", draw_marked)

    def blocks(self, root: QWidget, original_heading: str) -> list[tuple[str, bool]]:
        """(text, labelled as original) of every visible block under ``root``."""
        out: list[tuple[str, bool]] = []
        for widget in [root, *root.findChildren(QWidget)]:
            if not widget.isVisible() or widget.objectName() == "languageButton":
                continue  # the language switch names the other language in that language
            if isinstance(widget, QLabel):
                text = html.unescape(re.sub(r"<[^>]+>", "", widget.text()))
                out += [(t, False) for t in text.splitlines() if t.strip()]
            elif isinstance(widget, QAbstractButton):
                out += [(widget.text(), False)] if widget.text().strip() else []
            elif isinstance(widget, QTextBrowser):
                out += self._document(widget, original_heading)
            elif isinstance(widget, QListView):
                out += [(t, False) for t in self._rows(widget)]
        return out

    @staticmethod
    def _document(browser: QTextBrowser, original_heading: str) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        block = browser.document().begin()
        under_original = False
        while block.isValid():
            text = block.text().strip()
            if block.blockFormat().headingLevel():
                under_original = text == original_heading
            elif text:
                out.append((text, under_original))
            block = block.next()
        return out

    def _rows(self, view: QListView) -> list[str]:
        """Paint every row of the list (not only those scrolled into view) and read the lines."""
        model, delegate = view.model(), view.itemDelegate()
        if model is None or delegate is None:
            return []
        self.painted = []
        image = QImage(QSize(max(400, view.viewport().width()), 600), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                option = QStyleOptionViewItem()
                option.rect = QRect(0, 0, image.width(), delegate.sizeHint(option, index).height())
                delegate.paint(painter, option, index)
        finally:
            painter.end()
        return list(self.painted)


def _problems(blocks: list[tuple[str, bool]], lang: str, pairs: list[tuple[str, str]],
              where: str) -> list[str]:
    shown = _norm(" ".join(t for t, _ in blocks))
    problems = []
    for text, labelled_original in blocks:
        n = _norm(text)
        if not n:
            continue
        if lang == "en" and CJK.search(text) and not LATIN.search(text):
            # Chinese only: fine as the labelled original, or beside its own English.
            beside = any(_norm(z).startswith(n) and _norm(e)[:16] in shown for z, e in pairs)
            if not labelled_original and not beside:
                problems.append(f"{where}: Chinese only: {text[:60]}")
        elif lang == "zh" and LATIN.search(text) and not CJK.search(text) and len(n) > 3:
            # English only: wrong when it is content whose Chinese original is not shown.
            # The block is that content (or its start, when cut short) ...
            originals = [z for z, e in pairs if _norm(e).startswith(n)]
            # ... and none of the Chinese it translates is on the page.
            if originals and not any(_norm(z)[:12] in shown for z in originals):
                problems.append(f"{where}: English only: {text[:60]}")
    return problems


@pytest.fixture
def walk(qtbot, real_db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    reader = Reader(monkeypatch)
    made: list[Guide] = []

    def run(lang: str) -> list[str]:
        g = build_window(real_db, now="2023-05-29T10:00", lang=lang, remember=False)
        made.append(g)
        qtbot.addWidget(g.window)
        g.window.resize(1280, 900)
        g.window.show()
        db = g.ctx.content
        pairs = _pairs(db)
        heading = tx.tr("Chinese original")
        for kind, item_id in (("forum", "ip-protection-forum"), ("photo", "visitors-robot"),
                              ("announcement", "tech-transfer-progress"), ("figure", "tech-smes")):
            g.ctx.bookmarks.toggle(kind, item_id)  # type: ignore[union-attr]
        problems: list[str] = []

        def read(where: str) -> None:
            screenshot.settle(g, 0.05)
            problems.extend(_problems(reader.blocks(g.window, heading), lang, pairs, where))

        for section in shown_sections(g.ctx.content):
            screenshot.open_page(g, section)
            read(section)
        for query in ("patent", "绿色", "zyf"):
            g.window.show_search(query)
            read(f"search:{query}")
        for kind in KINDS:
            for item_id in queries.item_ids(db, kind):
                screenshot.open_page(g, f"{kind}/{item_id}")
                read(f"{kind}/{item_id}")
                if lang == "en" and kind != "photo":
                    g.window.detail.toggle_original()
                    read(f"{kind}/{item_id} with the original")
        return problems

    yield run
    for g in made:
        g.images.shutdown()
        g.close()


def test_english_walk_shows_no_chinese_only_text_but_the_labelled_original(walk: Any) -> None:
    problems = walk("en")
    assert problems == [], "\n".join(problems)


def test_chinese_walk_shows_no_english_only_content(walk: Any) -> None:
    problems = walk("zh")
    assert problems == [], "\n".join(problems)


def test_the_walk_sees_what_it_must_refuse(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    pairs = [("元宇宙展区人头攒动。", "The Metaverse Area was packed with visitors.")]
    assert _problems([("元宇宙展区人头攒动。", False)], "en", pairs, "x") == [
        "x: Chinese only: 元宇宙展区人头攒动。"]
    assert _problems([("元宇宙展区人头攒动。", True)], "en", pairs, "x") == []
    assert _problems([("Metaverse", False), ("元宇宙展区人头攒动。", False)], "en", pairs, "x") != []
    assert _problems([("The Metaverse Area was packed with visitors.", False),
                      ("元宇宙展区人头攒动。", False)], "en", pairs, "x") == []
    assert _problems([("The Metaverse Area was packed with visitors.", False)], "zh", pairs, "x") == [
        "x: English only: The Metaverse Area was packed with visitors."]


def test_english_detail_pages_say_once_that_the_english_is_translated(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="en", remember=False, size=None) as g:
        g.window.open_item("forum", "tech-service-forum")
        body = g.window.detail.body.toPlainText()
        assert body.count("Translated from the Chinese report.") == 1
        assert "科技服务业是北京市两大万亿级产业集群之一" not in body
        # Reported speech: attributed, never in quotation marks; direct quotes: in them.
        assert "According to Li Qian, in the 14th Five-Year Plan period" in body
        assert "“According to" not in body
        assert "“With technology leading development and services for enterprises going first" in body
        g.window.detail.toggle_original()
        body = g.window.detail.body.toPlainText()
        assert "Chinese original" in body and "科技服务业是北京市两大万亿级产业集群之一" in body
        g.window.open_item("forum", "tech-service-forum")
        assert "科技服务业是北京市两大万亿级产业集群之一" not in g.window.detail.body.toPlainText()


def test_chinese_forum_page_attributes_reported_speech(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="zh", remember=False, size=None) as g:
        g.window.open_item("forum", "tech-trade-fair-opening")
        body = g.window.detail.body.toPlainText()
        assert "据周云帆介绍，我国持续深化科技成果转化的体制机制改革" in body
        assert "“我国持续深化" not in body
        assert "“陕西、四川、浙江等地方已经在省属高校院所开展了职务成果单列管理试点。”" in body
        assert "Translated from" not in body


def test_english_lists_and_quotes() -> None:
    assert tx.join_list(["Beijing IP", "Baidu", "Realsee"], "en") == "Beijing IP, Baidu and Realsee"
    assert tx.join_list(["北京IP", "百度"], "zh") == "北京IP、百度"
    # Names with commas of their own: semicolons between them, or they run together.
    assert tx.join_list(["Department of Technology Transfer, MOST", "Department of Science, MOE",
                         "CIURIC"], "en") == ("Department of Technology Transfer, MOST; Department "
                                              "of Science, MOE; and CIURIC")
    assert tx.labelled("Part of", "x", "en") == "Part of: x"
    assert tx.labelled("属于", "x", "zh") == "属于：x"


def test_a_figure_without_display_text_is_composed_as_the_page_would_print_it() -> None:
    from guide.content.models import Figure

    def figure(value: float, unit: str, unit_en: str, qualifier: str | None) -> Figure:
        return Figure("x", "x", "x", value, unit, unit_en, qualifier, None, None, "x",
                      "announcement", "x")

    # 以上 ("or more") follows the number and its unit; 超过 precedes, 多 sits before the unit.
    assert tx.figure_value(figure(200, "所", "universities", "以上"), "zh") == "200所以上"
    assert tx.figure_value(figure(1000, "所", "universities", "以上"), "en") == (
        "1,000 universities or more")
    assert tx.figure_value(figure(1, "万家", "×10,000 enterprises", "以上"), "en") == (
        "10,000 enterprises or more")
    assert tx.figure_value(figure(160, "项", "results", "超过"), "zh") == "超过160项"
    assert tx.figure_value(figure(1600, "项", "results", "超过"), "en") == "more than 1,600 results"
    assert tx.figure_value(figure(300, "项", "results", "多"), "zh") == "300多项"
    assert tx.figure_value(figure(1400, "亿元", "×100 million yuan", "超过"), "en") == (
        "more than 140 billion yuan")


def test_chinese_ui_strings_use_chinese_punctuation() -> None:
    """Every Chinese translation in the .ts uses ，：；？！ where it writes Chinese: next to a
    Chinese character or full-width mark. What is not prose keeps ASCII: file-dialog filters,
    times (09:00, HH:MM), iCalendar's RRULE:FREQ=WEEKLY;COUNT=3 and the messages' {fields}."""
    chinese = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
    prose = re.compile(f"[{chinese}]\\s*[,:;?!]|[,:;?!]\\s*[{chinese}]")
    wrong = []
    for message in ET.parse(TS).iter("message"):
        text = re.sub(r"\{[^{}]*\}", "X", message.findtext("translation") or "")
        if CJK.search(text) and "*." not in text and prose.search(text):
            wrong.append(text)
    assert wrong == []
    # The check still sees Chinese prose written with ASCII marks.
    assert prose.search("请检查年份, 然后重试") and prose.search("注意:日期")
    assert not prose.search("RRULE:X 的")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kiosk_attract_screen_puts_the_kiosk_language_first(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    from guide.kiosk.config import KioskConfig
    from guide.kiosk.controller import install_kiosk
    from guide.kiosk.pin import MemoryPinStore
    from guide.kiosk.widgets import attract as attract_module

    g = build_window(real_db, now="2023-05-29T10:00", lang=lang, remember=False)
    qtbot.addWidget(g.window)
    config = KioskConfig(language=lang, full_screen=False, keep_screen_on=False,
                         catch_exceptions=False, reduced_motion=True, idle_seconds=3600)
    k = install_kiosk(g, config, size=(1920, 1080), pin_store=MemoryPinStore(),
                      log_file=tmp_path / "kiosk.log")
    written: list[str] = []
    original = attract_module.wrap_text

    def wrap_text(painter: QPainter, rect: QRect, text: str, *args: Any, **kwargs: Any) -> int:
        written.append(text)
        return original(painter, rect, text, *args, **kwargs)

    monkeypatch.setattr(attract_module, "wrap_text", wrap_text)
    try:
        # The real content's photos have no pictures, so the loop has no photo slide of its
        # own (tests/test_kiosk_attract.py); the words of one are still laid out so.
        from guide.content import records
        from guide.kiosk.slides import Slide

        first_photo = records.list_items(g.ctx.content, "photo")[0]
        k.attract.start([Slide("photo", photo=first_photo), *k.attract.slides])
        seen = []
        for index, slide in enumerate(k.attract.slides):
            written.clear()
            k.attract.show_slide(index)
            k.attract.grab()
            seen.append((slide.kind, list(written)))
        photo = next(texts for kind, texts in seen if kind == "photo")
        figures = next(texts for kind, texts in seen if kind == "figures")
        if lang == "en":
            assert photo[:2] == ["2023 Zhongguancun Forum", "2023中关村论坛"]
            assert photo[2].endswith(".") and not CJK.search(photo[2])  # the English caption
            assert photo[4].splitlines()[0].startswith("Photo: ")
            assert not CJK.search(figures[2]) and CJK.search(figures[3])  # value, then 9部门
        else:
            assert photo[:2] == ["2023中关村论坛", "2023 Zhongguancun Forum"]
            assert CJK.search(photo[2]) and photo[4].splitlines()[0].startswith("本报记者")
    finally:
        k.shutdown()
        g.images.shutdown()
        g.close()


def test_english_reads_in_a_latin_face_in_either_ui_language(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CJK face draws “ ” full width ("“Thousand Universities”  collaborative" had a
    gap after the quote): the English under a Chinese title, and the English advice when
    nothing is found, are set in a Latin face; Chinese keeps the CJK face's quotes."""
    painted: list[tuple[str, QFont]] = []
    original = BaseDelegate.paint_rows

    def paint_rows(delegate: BaseDelegate, painter: QPainter, rect: QRect,
                   lines: list[Line]) -> tuple[int, int | None]:
        painted.extend((line.text, line.font) for line in lines if line.text)
        return original(delegate, painter, rect, lines)

    monkeypatch.setattr(BaseDelegate, "paint_rows", paint_rows)  # paint_lines paints through it

    def full_width_quotes(font: QFont) -> bool:
        metrics = QFontMetrics(font)
        return metrics.horizontalAdvance("“") > 0.8 * metrics.horizontalAdvance("国")

    with shown_guide(qtbot, real_db, lang="zh", user_db=tmp_path / "u.db") as g:
        g.window.go(Location("announcements"))
        g.window.grab()
        fonts = dict(painted)
        assert not full_width_quotes(fonts["“Thousand Universities, Ten Thousand Enterprises” collaborative "
                                           "innovation platform launched"])
        assert full_width_quotes(fonts["“千校万企”协同创新平台发布"])
        g.ctx.state.set_language("en")
        g.window.show_search("xyzxyz")
        note = next(label for label in g.window.findChildren(QLabel, "emptyNote") if label.isVisible())
        assert note.text().startswith("Nothing found for “xyzxyz”")
        assert not full_width_quotes(note.font())
        g.ctx.state.set_text_scale(1.5)  # the style sheet is set again: the face stays
        try:
            assert not full_width_quotes(note.font())
            g.ctx.state.set_language("zh")
            assert CJK.search(note.text()), note.text()  # said again in Chinese
            assert full_width_quotes(note.font())
        finally:
            g.ctx.state.set_text_scale(1.0)  # the application's font outlives the window


def test_an_imported_programmes_latin_text_reads_in_a_latin_face_in_the_chinese_ui(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path) -> None:
    """39C3's German and English descriptions, in the Chinese UI, were set in the CJK face:
    “tech bros” and „good“ had full-width gaps. (Titles and list rows keep the UI's face:
    the wider Latin face cost a 200% list its second row and a title most of the screen.)"""
    with shown_guide(qtbot, programme_db, now="2025-12-27T16:30", lang="zh") as g:
        latin = tx_families("en")[0]
        g.window.open_item("forum", "a2dd3dc7-ecae-50b3-82d9-266ad02f7a40")
        detail = g.window.detail
        block = detail.body.document().begin()
        described, chinese = [], []
        while block.isValid():
            families = block.begin().fragment().charFormat().fontFamilies() or []
            if len(block.text()) > 200 and not CJK.search(block.text()):
                described.append(families)
            elif CJK.search(block.text()):
                chinese.append(families)
            block = block.next()
        assert described and all(f[0] == latin for f in described), described
        assert chinese and all(latin not in f for f in chinese)  # 日期, 语言 … keep the CJK face
