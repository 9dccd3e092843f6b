"""Card rows at large text: the date at the bottom right takes room only from the line beside it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListView

from guide.ui.delegates import PAD, CardDelegate
from guide.ui.models.lazy import ItemRole
from tests.support import shown_guide


def test_a_title_that_fits_beside_the_star_stays_on_one_line_above_its_date(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path) -> None:
    # Home's three announcements have Chinese titles that fit the row (English ones wrap at 200%).
    with shown_guide(qtbot, real_db, lang="zh", size=(1024, 1400)) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            view = g.window.findChild(QListView, "latestNews")
            assert view is not None
            delegate = view.itemDelegate()
            assert isinstance(delegate, CardDelegate)
            qtbot.waitUntil(lambda: view.model().rowCount() > 0)
            qtbot.wait(50)
            title_metrics = QFontMetrics(delegate.font("title", True))
            small = QFontMetrics(delegate.font("small")).lineSpacing()
            beside_star = view.viewport().width() - 12 - 2 * PAD - 30
            checked = 0
            for row in range(view.model().rowCount()):
                index = view.model().index(row, 0)
                card = index.data(ItemRole)
                if card.date and title_metrics.horizontalAdvance(card.title) < beside_star - 4:
                    checked += 1
                    # One title line and the other language's line beside the date, not
                    # two title lines (the date's width once narrowed the title too, and
                    # 首个元宇宙产业专利池启动 left 动 alone on a second line).
                    one_line = title_metrics.lineSpacing() + 4 + small + 4 + PAD + 12
                    assert view.visualRect(index).height() <= one_line + 12, card.title
            assert checked == view.model().rowCount() == 3
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back
