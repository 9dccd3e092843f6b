"""What a passer-by sees on the kiosk's idle (attract) screen, at the kiosk's 1920x1080."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from tests.support import kiosk_at

SIZE = (1920, 1080)


def record_texts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, QRect, int]]:
    """Every text the attract screen draws from now on: the text, its box and the height used."""
    from guide.kiosk.widgets import attract as module

    drawn: list[tuple[str, QRect, int]] = []
    draw: Callable[..., int] = module.wrap_text

    def recording(painter, rect, text, *args):  # type: ignore[no-untyped-def]
        used = draw(painter, rect, text, *args)
        drawn.append((text, QRect(rect), used))
        return used

    monkeypatch.setattr(module, "wrap_text", recording)
    return drawn


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_imported_programme_s_titles_are_shown_once_on_the_idle_screen(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    # 39C3 has its titles in English/German only, so a title and its "translation" are one text:
    # the header read "39th Chaos Communications Congress" twice and every session card repeated
    # its title as a grey second line.
    with kiosk_at(qtbot, programme_db, tmp_path, now="2025-12-27T11:00", lang=lang, size=SIZE) as k:
        drawn = record_texts(monkeypatch)
        k.attract.show_slide(0)
        k.attract.grab()
        texts = [text for text, _rect, _used in drawn if text]
        assert texts.count("39th Chaos Communications Congress") == 1
        sessions = [line.title for s in k.attract.slides[0].sections for line in s.forums]
        assert "The art of text (rendering)" in sessions
        shown = [t for t in texts if t in sessions]
        assert shown and len(shown) == len(set(shown)), f"titles drawn twice: {shown}"
        # The cards being shorter, the day's "+ 51 more" line had slipped under the band.
        band_top = SIZE[1] - 170  # "Touch the screen to start" (painted on its own)
        for text, rect, used in drawn:
            assert not text or rect.top() + used <= band_top, f"{text!r} runs into the band"
