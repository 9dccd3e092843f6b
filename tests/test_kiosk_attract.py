"""What a passer-by sees on the kiosk's idle (attract) screen, at the kiosk's 1920x1080."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics

from guide.kiosk.controller import KioskController
from tests.support import kiosk_at

SIZE = (1920, 1080)
PHOTO = QSize(1600, 1000)  # the size the attract screen asks pictures in


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


def paint_every_slide(qtbot, k: KioskController, painted: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Show each slide of the loop as a passer-by sees it, its pictures read (what was painted
    while they were being read is forgotten)."""
    attract = k.attract
    for image in (s.photo.image for s in attract.slides if s.photo is not None and s.photo.image):
        qtbot.waitUntil(lambda image=image: attract.images.pixmap(image, PHOTO) is not None
                        or attract.images.is_missing(image, PHOTO), timeout=3000)
    painted.clear()
    for index in range(len(attract.slides)):
        attract.show_slide(index)
        attract.grab()


def record_placeholders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The marks of the placeholders and the notes the attract screen paints from now on."""
    from guide.kiosk.widgets import attract as module

    painted: list[str] = []
    monkeypatch.setattr(module, "paint_placeholder", lambda _p, _box, _pal: painted.append("placeholder"))
    monkeypatch.setattr(module, "paint_picture_note", lambda _p, _box, note, _font: painted.append(note))
    return painted


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_idle_loop_does_not_advertise_missing_pictures(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    # The bundled newspaper content has photo captions and no picture files: 3 of the 7 idle
    # slides were a large gradient with a letter and "Picture not available · 暂无图片".
    painted = record_placeholders(monkeypatch)
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang=lang) as k:
        slides = k.attract.slides
        assert [s.kind for s in slides] == ["schedule", "figures", "figures", "figures"]
        paint_every_slide(qtbot, k, painted)
    assert painted == []


def test_a_photo_with_its_picture_has_its_slide_and_one_without_none(  # type: ignore[no-untyped-def]
        qtbot, mini_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The mini pack's crowd photo has a PNG file; its robot photo has none.
    painted = record_placeholders(monkeypatch)
    with kiosk_at(qtbot, mini_db, tmp_path, now="2023-05-27T10:00", lang="zh") as k:
        slides = k.attract.slides
        assert [s.kind for s in slides] == ["photo", "schedule", "figures"]
        assert slides[0].photo is not None and slides[0].photo.id == "crowd"
        paint_every_slide(qtbot, k, painted)
        assert k.attract.images.pixmap("images/crowd.png", PHOTO) is not None
    assert painted == []  # the picture itself, not a placeholder


def test_a_picture_file_that_does_not_decode_has_no_slide(  # type: ignore[no-untyped-def]
        qtbot, mini_pack: Path, tmp_path: Path) -> None:
    # A pack's photo named a .png that is not one (a truncated copy, an HTML error page saved
    # under the photo's name): the photos page shows its placeholder, so the loop leaves it out.
    from guide.content.build import build_content_db

    (mini_pack / "images" / "crowd.png").write_bytes(b"<html>404 Not Found</html>")
    db = build_content_db(mini_pack, tmp_path / "broken.db").path
    with kiosk_at(qtbot, db, tmp_path, now="2023-05-27T10:00", lang="en") as k:
        assert [s.kind for s in k.attract.slides] == ["schedule", "figures"]


@pytest.mark.parametrize(("lang", "size"), [("en", (1080, 1920)), ("zh", (1080, 1920)),
                                            ("en", (1920, 1080))])
def test_no_text_of_the_key_figures_is_cut_and_a_portrait_screen_is_used(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
        size: tuple[int, int]) -> None:
    """On a portrait kiosk the figures stood in three thin columns in the top third, their
    quotes cut mid-sentence, and the rest of the screen empty."""
    from guide.kiosk.widgets.base import text_height

    drawn = record_wrapped(monkeypatch)
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-27T10:00", lang=lang, size=size) as k:
        k.ctx.state.set_language(lang)  # the idle screen's first language
        figures = [i for i, s in enumerate(k.attract.slides) if s.kind == "figures"]
        assert figures
        cut, lowest = [], []
        for index in figures:
            drawn.clear()
            k.attract.show_slide(index)
            k.attract.grab()
            quotes = [r for t, r, _f in drawn if t.startswith("“")]
            assert len(quotes) == len(k.attract.slides[index].figures)
            lowest.append(max(r.top() for r in quotes))
            for text, rect, font in drawn:
                whole = text_height(QRect(rect.left(), rect.top(), rect.width(), 10**6), text, font)
                if whole > rect.height():
                    cut.append(f"{text!r} ({whole} > {rect.height()})")
        assert cut == []
        if size[1] > size[0]:  # each slide's last card reaches into the screen's lower half
            assert min(lowest) > size[1] // 2


def record_wrapped(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, QRect, QFont]]:
    """Every text the attract screen wraps from now on: (text, its rectangle, its font)."""
    from guide.kiosk.widgets import attract as module

    drawn: list[tuple[str, QRect, QFont]] = []
    draw: Callable[..., int] = module.wrap_text

    def recording(painter, rect, text, font, *args):  # type: ignore[no-untyped-def]
        drawn.append((text, QRect(rect), QFont(font)))
        return draw(painter, rect, text, font, *args)

    monkeypatch.setattr(module, "wrap_text", recording)
    return drawn


def record_headings(monkeypatch: pytest.MonkeyPatch, k: KioskController) -> list[str]:
    """Every heading the attract screen paints from now on, both languages on one line."""
    from guide.kiosk.widgets.attract import one_line

    headings: list[str] = []
    paint = k.attract._heading

    def recording(painter, rect, zh, en, unit, *args):  # type: ignore[no-untyped-def]
        headings.append(one_line(k.attract.pair(zh, en)))
        return paint(painter, rect, zh, en, unit, *args)

    monkeypatch.setattr(k.attract, "_heading", recording)
    return headings


@pytest.mark.parametrize(("now", "days", "ended"), [
    # After the forum: every day (29 and 30 May had never shown), under a note that it is over.
    ("2023-06-05T09:00", ["Sat 27 May", "Sun 28 May", "Mon 29 May", "Tue 30 May"], True),
    ("2023-05-31T08:00", ["Sat 27 May", "Sun 28 May", "Mon 29 May", "Tue 30 May"], True),
    # Before it: what comes next.
    ("2023-05-20T09:00", ["Sat 27 May"], False),
])
def test_after_the_forum_the_idle_loop_says_so_and_shows_every_day(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: str,
        days: list[str], ended: bool) -> None:
    """After the event the programme slide showed only 27 and 28 May, headed "Forums" as if
    still to come; the forums of 29 and 30 May were on no slide."""
    with kiosk_at(qtbot, real_db, tmp_path, now=now, lang="en") as k:
        k.ctx.state.set_language("en")  # the idle screen's first language
        headings = record_headings(monkeypatch, k)
        for index, slide in enumerate(k.attract.slides):
            if slide.kind == "schedule":
                k.attract.show_slide(index)
                k.attract.grab()
        dated = [h.split("  ")[1].rsplit(" ", 1)[0] for h in headings if " 2023  " in h]
        assert dated == days
        assert all(h.startswith("Forums  " if ended else "Coming up  ") for h in headings
                   if " 2023  " in h)
        # Both languages, as every heading of the idle screen (the first language first).
        notes = [h for h in headings if h == "The forum has ended  ·  论坛已结束"]
        assert len(notes) == (len(days) + 1) // 2 * ended  # one over each slide of days


def test_after_an_imported_programme_the_idle_loop_says_the_event_has_ended(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path, tmp_path: Path) -> None:
    with kiosk_at(qtbot, programme_db, tmp_path, now="2026-01-05T10:00", lang="en") as k:
        schedule = [s for s in k.attract.slides if s.kind == "schedule"]
        assert {s.note for s in schedule} == {"event ended"}
        assert [sec.day.day for s in schedule for sec in s.sections] == [27, 28, 29, 30]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_a_sessions_room_is_as_large_as_its_time_on_the_idle_screen(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int]) -> None:
    """The room ("One") was 16 px of pale teal after the session's type, the time above it
    20 px; and the cards' text stayed at its smallest after the cards that did not fit had
    been left off, over an empty band of the screen."""
    drawn = record_wrapped(monkeypatch)
    with kiosk_at(qtbot, programme_db, tmp_path, now="2025-12-27T11:00", lang="zh", size=size) as k:
        k.attract.show_slide(0)
        k.attract.grab()
        lines = [line for s in k.attract.slides[0].sections for line in s.forums]
        sizes = {text: font.pixelSize() for text, _rect, font in drawn}
        for line in lines:
            if line.venue and line.title in sizes:
                time = f"{line.start_time:%H:%M}–{line.end_time:%H:%M}"
                assert sizes.get(line.venue, 0) >= sizes[time] >= 24, (line.venue, sizes.get(line.venue))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_the_key_figures_numbers_are_one_line_each_in_one_size(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int], lang: str) -> None:
    """In English "773,000 contracts" and "4.78 trillion yuan" broke over two lines of the
    72-unit number, and their cards' labels stood a line below the third card's ("87.6%").
    In Chinese 87.6% stood in Bold beside 77.3万项 and 4.78万亿元 drawn regular."""
    from guide.kiosk.widgets.base import latin_where_latin, text_height

    drawn = record_wrapped(monkeypatch)
    numbers = {"en": ("773,000 contracts", "4.78 trillion yuan", "87.6%"),
               "zh": ("77.3万项", "4.78万亿元", "87.6%")}[lang]
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-27T10:00", lang=lang, size=size) as k:
        k.ctx.state.set_language(lang)
        slide = next(i for i, s in enumerate(k.attract.slides) if s.kind == "figures")
        k.attract.show_slide(slide)
        k.attract.grab()
        values = [(t, r, f) for t, r, f in drawn if t in numbers and f.pixelSize() > 40]
        assert len(values) == 3
        assert len({f.pixelSize() for _t, _r, f in values}) == 1
        assert len({latin_where_latin(t, f).weight() for t, _r, f in values}) == 1  # as drawn
        one_line = text_height(QRect(0, 0, 10**4, 10**4), "87.6%", values[0][2])
        for text, rect, font in values:
            assert text_height(QRect(rect.left(), 0, rect.width(), 10**6), text, font) == one_line, text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_the_time_column_stands_apart_from_the_titles(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int], lang: str) -> None:
    """At 1366x768 "Time not announced" ended 14 pixels before the forum's bold title: from
    a step away one run of type."""
    from guide.kiosk.widgets.base import latin_where_latin

    drawn = record_wrapped(monkeypatch)
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-27T10:00", lang=lang, size=size) as k:
        k.ctx.state.set_language(lang)
        k.attract.show_slide(0)
        k.attract.grab()
        times = [(r, f, t) for t, r, f in drawn if t in ("Time not announced", "时间未公布")]
        names = {n for s in k.attract.slides[0].sections for f in s.forums for n in (f.title, f.title_en)}
        titles = [r.left() for t, r, f in drawn if t in names]
        assert times and titles
        gap = min(titles) - max(r.left() + QFontMetrics(latin_where_latin(t, f)).horizontalAdvance(t)
                                for r, f, t in times)
        assert gap >= 24 * min(size[1] / 1080, size[0] / 1500), gap
