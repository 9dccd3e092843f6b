"""The bundled CJK font: one face that renders all common Chinese (see packaging/derive_font.py)."""

from __future__ import annotations

import contextlib
import struct

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from guide.app import ensure_app
from guide.ui import theme


def _font_data() -> QByteArray:
    return theme.font_data()


def test_the_bundled_font_file_holds_one_face_the_guide_uses(qtbot) -> None:  # type: ignore[no-untyped-def]
    ensure_app()
    font_id = QFontDatabase.addApplicationFontFromData(_font_data())
    try:
        assert QFontDatabase.applicationFontFamilies(font_id) == ["WenQuanYi Micro Hei"]
    finally:
        QFontDatabase.removeApplicationFont(font_id)


def test_the_bundled_font_has_a_glyph_for_every_chinese_character_of_gb2312(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The 6,763 hanzi of GB 2312 (rows 16-87) cover almost all text printed in mainland China:
    # whatever an organiser's programme says must never render as boxes.
    ensure_app()
    hanzi = [bytes((row, cell)).decode("gb2312") for row in range(0xB0, 0xF8)
             for cell in range(0xA1, 0xFF) if (row, cell) < (0xD7, 0xFA)]
    hanzi += [bytes((row, cell)).decode("gb2312") for row in range(0xD8, 0xF8) for cell in range(0xA1, 0xFF)]
    assert len(hanzi) == 6763
    raw = QRawFont(_font_data(), 12.0, QFont.HintingPreference.PreferDefaultHinting)
    assert raw.isValid()
    # Glyph 0 is the "missing" box. (QRawFont.supportsCharacter answers False for half of
    # these in this Qt, for the upstream file too; the glyph lookup is what drawing uses.)
    text = "".join(hanzi) + "，。、；：？！“”‘’（）《》【】—…·abcXYZ0123456789üé"
    indexes = raw.glyphIndexesForString(text)
    assert [c for c, index in zip(text, indexes, strict=True) if index == 0] == []
    assert len(set(indexes[:6763])) == 6763  # each character an outline of its own
    assert raw.glyphIndexesForString("\U000f0000") == [0]  # and the check can fail


def _gb2312_and_ascii() -> str:
    chars = [chr(c) for c in range(0x20, 0x7F)]
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # GB 2312's unassigned cells
                chars.append(bytes((row, cell)).decode("gb2312"))
    return "".join(chars)


def _tables(face: bytes) -> dict[str, tuple[int, int]]:
    """The face's tables: tag -> (offset, length), from its table directory."""
    count = struct.unpack(">H", face[4:6])[0]
    entries = (struct.unpack(">4sIII", face[12 + 16 * i:28 + 16 * i]) for i in range(count))
    return {tag.decode("latin-1"): (offset, length) for tag, _sum, offset, length in entries}


def test_common_text_is_drawn_from_the_front_of_the_face(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The face is mapped, not copied: only the pages text is drawn from are read. Upstream's
    # code-point order spread a page's few hundred characters over the whole file, so all of
    # it was read by the first frame. The outlines of common text now come first, the tables
    # every lookup reads before them, the rest (rarer hanzi, Hangul) after.
    ensure_app()
    face = bytes(_font_data().data())
    tables = _tables(face)
    assert max(tables, key=lambda tag: tables[tag][0]) == "glyf"
    maxp = tables["maxp"][0]
    glyphs = struct.unpack(">H", face[maxp + 4:maxp + 6])[0]
    raw = QRawFont(_font_data(), 12.0, QFont.HintingPreference.PreferDefaultHinting)
    hinter = "來們時會為說這齊軍現開當裡進過還"  # traditional forms FreeType's auto-hinter measures
    common = raw.glyphIndexesForString(_gb2312_and_ascii() + hinter)
    rare = raw.glyphIndexesForString("가힣龘")  # Hangul; a hanzi outside GB 2312
    assert 0 not in common and 0 not in rare
    assert max(common) < min(rare)
    assert max(common) < 15_000 and glyphs > 49_000  # a third of the glyphs, at the front
